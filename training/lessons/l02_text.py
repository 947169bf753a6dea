"""Lesson 2: cleaning text — invisible spaces, phone numbers, addresses, registration numbers."""

import numpy as np

from dadeum.samples.contacts import messy_addresses, messy_phones
from dadeum.samples.people import fake_brn
from training.model import Exercise, Lesson, Step, boolean, text

# Department names as another system exported them: no-break spaces, doubled and trailing
# spaces, a zero-width space. The clean name is what the official would type.
_DEPARTMENTS = (
    ("\u00a0민원봉사과", "민원봉사과"),
    ("교통  행정과 ", "교통 행정과"),
    ("세무과\u200b", "세무과"),
    ("  복지정책과", "복지정책과"),
    ("도시\u00a0\u00a0계획과", "도시 계획과"),
    ("건축과\u3000", "건축과"),
)

_PHONES = tuple(messy_phones(8, seed=21))
_ADDRESSES = tuple(messy_addresses(6, seed=8))


def _broken_brn(number: str) -> str:
    """The same 사업자등록번호 with a wrong check digit (a typical typo)."""
    last = (int(number[-1]) + 3) % 10
    return number[:-1] + str(last)


_rng = np.random.default_rng(2)
_VALID = [fake_brn(_rng) for _ in range(4)]
# Valid and broken numbers, interleaved; some written without hyphens as people type them.
_BRN = (
    (_VALID[0], True),
    (_broken_brn(_VALID[1]), False),
    (_VALID[2].replace("-", ""), True),
    (_broken_brn(_VALID[3]).replace("-", " "), False),
    (_VALID[1], True),
)

LESSON = Lesson(
    number=2,
    title="텍스트 정리",
    minutes=30,
    goal="다른 시스템에서 내려받은 글자 자료의 보이지 않는 공백과 제각각인 전화번호·주소를 한 "
    "모양으로 맞추고, 사업자등록번호가 올바른지 확인합니다.",
    outcomes=(
        "눈에 보이지 않는 공백 때문에 같은 값이 다르게 세어지는 문제를 고칠 수 있습니다.",
        "여러 모양으로 적힌 전화번호를 010-1234-5678 같은 표준 모양으로 바꿀 수 있습니다.",
        "주소를 시도·시군구·나머지로 나누어 시군구별로 셀 수 있습니다.",
        "사업자등록번호의 검증번호로 잘못 적힌 번호를 찾을 수 있습니다.",
    ),
    steps=(
        Step(
            title="보이지 않는 공백 지우기",
            explanation=(
                "새올이나 다른 시스템에서 내려받은 자료에는 눈에 보이지 않는 공백(줄 바꿈 없는 "
                "공백, 폭 없는 공백, 전각 공백)이 섞여 있곤 합니다. 엑셀의 TRIM은 보통 공백만 "
                "지우기 때문에, 'COUNTIF로 세면 0건'인 일이 생깁니다.",
                "다듬의 CLEAN_TEXT는 이런 공백을 모두 보통 공백으로 바꾸고, 앞뒤 공백을 지우고, "
                "여러 칸 띄운 것을 한 칸으로 줄입니다.",
            ),
            example_columns=("받은 값", "정리한 값"),
            example_rows=(("  총무과 ", "총무과"), ("문화\u00a0관광과", "문화 관광과")),
            exercise=Exercise(
                prompt="부서 이름을 정리해 '정리한 이름' 열에 적으세요.",
                columns=("받은 부서 이름",),
                rows=tuple((messy,) for messy, _ in _DEPARTMENTS),
                answer_header="정리한 이름",
                row_checks=tuple(text(clean) for _, clean in _DEPARTMENTS),
                row_formula="=DADEUM.CLEAN_TEXT(A{row})",
                hint="손으로 고친다면 앞뒤 공백을 지우고, 가운데 공백은 한 칸만 남기세요.",
            ),
        ),
        Step(
            title="전화번호를 한 모양으로",
            explanation=(
                "전화번호는 '01012345678', '010)1234-5678', '+82 10-1234-5678'처럼 제각각 "
                "적힙니다. 모양이 다르면 같은 사람을 찾거나 중복을 지울 수 없습니다.",
                "TO_PHONE은 휴대전화, 지역번호가 있는 일반전화, 1588 같은 대표번호를 모두 "
                "하이픈을 넣은 표준 모양으로 바꿉니다. 숫자로 저장되어 앞의 0이 사라진 번호도 "
                "알아봅니다.",
            ),
            example_columns=("받은 값", "표준 모양"),
            example_rows=(("02 123 4567", "02-123-4567"), ("+82 10 9876 5432", "010-9876-5432")),
            exercise=Exercise(
                prompt="민원인 연락처를 표준 모양으로 바꿔 '표준 전화번호' 열에 적으세요.",
                columns=("받은 연락처",),
                rows=tuple((messy,) for messy, _ in _PHONES),
                answer_header="표준 전화번호",
                row_checks=tuple(text(standard) for _, standard in _PHONES),
                row_formula="=DADEUM.TO_PHONE(A{row})",
                hint="+82는 우리나라 국가번호입니다. +82 뒤의 번호 앞에 0을 붙이면 국내 번호가 "
                "됩니다. 지역번호는 02(서울)처럼 두 자리일 수도 있습니다.",
            ),
        ),
        Step(
            title="주소에서 시도·시군구 나누기",
            explanation=(
                "주소 한 칸에는 시도, 시군구, 나머지 주소가 함께 들어 있습니다. 시군구별로 "
                "세려면 이것을 나누어야 하는데, '서울'과 '서울특별시', '강원도'와 "
                "'강원특별자치도'처럼 같은 곳이 다르게 적히기도 합니다.",
                "SPLIT_ADDRESS는 주소 하나를 옆으로 세 칸(시도, 시군구, 나머지)에 펼쳐 줍니다. "
                "시도는 지금의 공식 이름으로 바꿉니다. 세 칸 가운데 하나만 꺼내려면 INDEX를 "
                "씁니다. 예를 들어 =INDEX(DADEUM.SPLIT_ADDRESS(A5),1,2)는 시군구입니다.",
            ),
            example_columns=("주소", "시도", "시군구", "나머지"),
            example_rows=(
                ("서울 종로구 세종대로 209", "서울특별시", "종로구", "세종대로 209"),
                ("강원도 춘천시 중앙로 1", "강원특별자치도", "춘천시", "중앙로 1"),
            ),
            exercise=Exercise(
                prompt="각 주소의 시도(공식 이름)를 '시도' 열에 적으세요.",
                columns=("민원인 주소",),
                rows=tuple((address,) for address, _ in _ADDRESSES),
                answer_header="시도",
                row_checks=tuple(text(parts[0]) for _, parts in _ADDRESSES),
                row_formula="=INDEX(DADEUM.SPLIT_ADDRESS(A{row}),1,1)",
                hint="'강원'과 '강원도'는 2023년 6월부터 강원특별자치도, 전라북도는 2024년 "
                "1월부터 전북특별자치도입니다. 시도가 빠진 주소는 시군구 이름으로 시도를 알 수 "
                "있습니다(예: 가평군은 경기도).",
            ),
        ),
        Step(
            title="사업자등록번호 확인하기",
            explanation=(
                "사업자등록번호 열 자리의 마지막 숫자는 앞의 아홉 자리로 계산한 검증번호입니다. "
                "한 자리만 잘못 적어도 검증번호가 맞지 않아, 보조금 지급 대상 명단 같은 자료에서 "
                "오타를 미리 찾을 수 있습니다.",
                'CHECK_ID(번호, "사업자등록번호")는 올바르면 TRUE, 틀리면 FALSE를 돌려줍니다. '
                "하이픈과 띄어쓰기는 있어도 없어도 됩니다. 법인등록번호, 주민등록번호, "
                "외국인등록번호도 같은 방법으로 확인합니다.",
            ),
            example_columns=("번호", "결과"),
            example_rows=(("124-81-00998", "TRUE"), ("124-81-00999", "FALSE")),
            exercise=Exercise(
                prompt="보조금 신청 업체의 사업자등록번호가 올바른지 TRUE 또는 FALSE로 적으세요.",
                columns=("사업자등록번호",),
                rows=tuple((number,) for number, _ in _BRN),
                answer_header="올바른가?",
                row_checks=tuple(boolean(ok) for _, ok in _BRN),
                row_formula='=DADEUM.CHECK_ID(A{row},"사업자등록번호")',
                hint="손으로 적을 때는 TRUE/FALSE 대신 참/거짓으로 적어도 됩니다.",
            ),
        ),
    ),
)
