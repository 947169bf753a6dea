"""Lesson 5: finding, masking and pseudonymising personal data in a 민원 접수 대장 (FIND_PII,
MASK_PII, PSEUDONYMIZE, GENERALIZE, K_ANONYMITY).

The personal data is fake (dadeum.samples.people, seeded) but shaped like the real thing.
Expected answers come from how the data was made: the planted type of each cell, the masking
rules of the 가명정보 처리 가이드라인 written out below, who each 민원인 is, and group sizes
counted here. Pseudonyms depend on the organisation's key, so only key-independent questions
are asked about them (how many people, whether two rows are the same person).
"""

from collections import Counter

import numpy as np

from dadeum.engine.korean import josa
from dadeum.samples.people import fake_email, fake_name, fake_phone, fake_rrn
from training.model import Exercise, Lesson, Question, Step, boolean, number, text

_rng = np.random.default_rng(2025)
_RRN = fake_rrn(_rng)
_RRN_IN_TEXT = fake_rrn(_rng)
_EMAIL = fake_email(_rng)


def _mobile(rng) -> str:
    """A fake 010 number (the masking question below is about mobile numbers)."""
    while not (phone := fake_phone(rng)).startswith("010-"):
        pass
    return phone


_PHONE = _mobile(_rng)
_PHONE_IN_TEXT = _mobile(_rng)

# Step 1: one kind of personal data per cell, as it turns up in a 민원 대장.
FOUND = (
    (_RRN, "주민등록번호"),
    (_PHONE, "전화번호"),
    (_EMAIL, "이메일"),
    ("경기도 가평군 가평읍 석봉로 123", "주소"),
    ("34가 5678", "차량번호"),
    (f"민원인 연락처 {josa(_PHONE_IN_TEXT, '으로/로')} 회신 요망", "전화번호"),
    (f"주민등록번호 {_RRN_IN_TEXT} 확인 후 접수", "주민등록번호"),
    ("농협 302-1234-5678-91 (예금주 본인)", "계좌번호"),
)


# Step 2: masking rules of the 가이드라인, written out so the answers do not come from the
# function being taught.
def _stars(text_: str) -> str:
    return "".join("*" if ch.isdigit() else ch for ch in text_)


def _mask_name(name: str) -> str:
    return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"


def _mask_rrn(rrn: str) -> str:
    return rrn[:8] + "*" * 6  # birth date and the gender digit stay


def _mask_phone(phone: str) -> str:
    first, middle, last = phone.split("-")
    return f"{first}-{_stars(middle)}-{last}"


def _mask_email(email: str) -> str:
    local, domain = email.split("@")
    return f"{local[0]}***@{domain}"


_NAME = fake_name(_rng)
_ROAD, _NUMBER = "홍천군 홍천읍 희망로", "45-2"
MASKED = (
    ("성명", _NAME, _mask_name(_NAME)),
    ("주민등록번호", _RRN, _mask_rrn(_RRN)),
    ("연락처", _PHONE, _mask_phone(_PHONE)),
    ("이메일", _EMAIL, _mask_email(_EMAIL)),
    ("주소", f"{_ROAD} {_NUMBER}", f"{_ROAD} {_stars(_NUMBER)}"),
    (
        "민원 내용",
        f"연락처 {josa(_PHONE_IN_TEXT, '으로/로')} 회신",
        f"연락처 {josa(_mask_phone(_PHONE_IN_TEXT), '으로/로')} 회신",
    ),
)

# Step 3: a 민원 접수 대장 where some people come back, their numbers written differently.
_PEOPLE = tuple((fake_name(_rng), _mobile(_rng)) for _ in range(5))


def _written(phone: str, style: int) -> str:
    digits = phone.replace("-", "")
    return (phone, digits, phone.replace("-", " "))[style]


# (접수번호, person index, how the number is written, 나이)
_VISITS = (
    ("2025-0101", 0, 0, 34),
    ("2025-0102", 1, 0, 47),
    ("2025-0103", 2, 1, 29),
    ("2025-0104", 0, 1, 34),
    ("2025-0105", 3, 0, 61),
    ("2025-0106", 1, 2, 47),
    ("2025-0107", 4, 0, 38),
    ("2025-0108", 0, 2, 34),
)
REGISTER = tuple(
    (no, _PEOPLE[who][0], _written(_PEOPLE[who][1], style), age) for no, who, style, age in _VISITS
)
DISTINCT_PEOPLE = len({who for _, who, _, _ in _VISITS})
SAME_PERSON_1_4 = _VISITS[0][1] == _VISITS[3][1]

# Step 4: records already generalised; k-anonymity counted here.
QUASI = ("연령대", "성별", "시군구")
RECORDS = (
    ("30대", "남", "종로구"),
    ("40대", "남", "중구"),
    ("30대", "여", "종로구"),
    ("40대", "남", "중구"),
    ("30대", "남", "종로구"),
    ("60대", "여", "종로구"),
    ("40대", "여", "중구"),
    ("40대", "남", "중구"),
    ("30대", "남", "종로구"),
    ("30대", "여", "종로구"),
    ("40대", "여", "중구"),
    ("40대", "남", "중구"),
)
THRESHOLD = 3


def group_sizes(columns: tuple[str, ...]) -> Counter:
    picks = [QUASI.index(c) for c in columns]
    return Counter(tuple(record[i] for i in picks) for record in RECORDS)


_ALL = group_sizes(QUASI)
_DISTRICT = group_sizes(("시군구",))

LESSON = Lesson(
    number=5,
    title="개인정보 점검과 가명처리",
    minutes=40,
    goal="민원 접수 대장에 섞인 개인정보를 찾아 가리고, 분석용 사본을 가명처리한 뒤 "
    "k-익명성으로 남은 위험을 확인합니다.",
    outcomes=(
        "FIND_PII로 칸마다 어떤 개인정보가 들었는지 찾을 수 있습니다.",
        "MASK_PII로 개인정보를 가이드라인 방식으로 가릴 수 있습니다.",
        "PSEUDONYMIZE와 GENERALIZE로 분석용 가명정보를 만들 수 있습니다.",
        "K_ANONYMITY로 재식별 위험을 재고, k를 키우는 방법을 설명할 수 있습니다.",
    ),
    data_note="이 통합 문서의 이름·주민등록번호·연락처·주소는 모두 연습용으로 만든 가짜 "
    "자료입니다. 실제 개인정보로 연습하지 마세요.",
    steps=(
        Step(
            title="개인정보 찾기",
            explanation=(
                "민원 대장에는 성명·연락처 열뿐 아니라 '민원 내용'이나 '비고' 같은 글 속에도 "
                "주민등록번호, 전화번호, 계좌번호가 섞여 있습니다. 공개하거나 다른 부서에 "
                "넘기기 전에 먼저 어디에 무엇이 있는지 알아야 합니다.",
                "DADEUM.FIND_PII(셀)은 칸에 든 개인정보의 종류를 '주민등록번호', '전화번호, "
                "주소'처럼 알려 주고, 없으면 빈칸을 돌려줍니다. 조사가 붙거나 문장 속에 있어도 "
                "찾습니다.",
                "이름처럼 모양만으로는 알기 어려운 값은 두 번째 인수로 열 머리글을 주면 "
                '찾습니다. 예: =DADEUM.FIND_PII("김민준","성명") → 이름.',
            ),
            example_columns=("칸의 내용", "FIND_PII 결과"),
            example_rows=(
                ("010-1234-5678", "전화번호"),
                ("도로 파손 신고, 처리 완료", "(빈칸)"),
            ),
            exercise=Exercise(
                prompt="민원 대장의 여러 칸에서 가져온 값입니다. '찾은 종류' 칸에 개인정보의 "
                "종류를 넣으세요(예: 전화번호).",
                columns=("번호", "칸의 내용"),
                rows=tuple((i, cell) for i, (cell, _) in enumerate(FOUND, start=1)),
                answer_header="찾은 종류",
                row_checks=tuple(text(kind) for _, kind in FOUND),
                row_formula="=DADEUM.FIND_PII(B{row})",
                questions=(
                    Question(
                        "전화번호가 든 칸은 몇 개입니까?",
                        number(sum(kind == "전화번호" for _, kind in FOUND)),
                        formula='=COUNTIF(C{first}:C{last},"*전화번호*")',
                    ),
                    Question(
                        "머리글 '성명'을 함께 주면 '홍길동'은 어떤 종류로 나옵니까?",
                        text("이름"),
                        formula='=DADEUM.FIND_PII("홍길동","성명")',
                    ),
                ),
                hint="주민등록번호는 생년월일 6자리-7자리, 차량번호는 '34가 5678' 모양입니다. "
                "계좌번호는 은행 이름과 함께 적힌 긴 번호입니다.",
            ),
        ),
        Step(
            title="개인정보 가리기(마스킹)",
            explanation=(
                "가리기(마스킹)는 값의 일부를 *로 바꿔 누구인지 알아보기 어렵게 합니다. "
                "가이드라인의 대표적인 방식은 주민등록번호 뒤 6자리, 전화번호 가운데 자리, "
                "이름 가운데 글자, 주소의 번지를 가리는 것입니다.",
                "DADEUM.MASK_PII(셀, 머리글)은 이 방식대로 가립니다. 글 속의 개인정보만 "
                "가리고 나머지 글과 조사는 그대로 둡니다. 두 번째 인수로 열 머리글을 주면 "
                "이름처럼 모양만으로 알기 어려운 값도 가립니다.",
                "가린 값은 원래대로 되돌릴 수 없습니다. 그래서 원본 시트는 그대로 두고, 가린 "
                "사본을 새 시트에 만들어 공개하거나 넘깁니다.",
            ),
            example_columns=("머리글", "원래 값", "MASK_PII 결과"),
            example_rows=(
                ("성명", "홍길동", "홍*동"),
                ("연락처", "010-1234-5678", "010-****-5678"),
            ),
            exercise=Exercise(
                prompt="A열의 머리글을 두 번째 인수로 주어 B열의 값을 가리세요. 직접 입력할 "
                "때는 가릴 자리의 글자마다 *를 하나씩 넣습니다(이메일 아이디는 첫 글자와 ***).",
                columns=("머리글", "원래 값"),
                rows=tuple((header, value) for header, value, _ in MASKED),
                answer_header="가린 값",
                row_checks=tuple(text(masked) for *_, masked in MASKED),
                row_formula="=DADEUM.MASK_PII(B{row},A{row})",
                questions=(
                    Question(
                        "가린 주민등록번호에서 생년월일 6자리는 그대로 보입니까? (TRUE 또는 FALSE)",
                        boolean(_mask_rrn(_RRN)[:6] == _RRN[:6]),
                    ),
                    Question(
                        "가린 값에서 원래 값을 되살릴 수 있습니까? (TRUE 또는 FALSE)",
                        boolean(False),
                    ),
                ),
                hint="주민등록번호는 앞 8자리(생년월일, -, 성별 숫자)만 남깁니다. 주소는 도로명"
                "까지 남기고 번지의 숫자만 가립니다. 하이픈(-)은 그대로 둡니다.",
            ),
        ),
        Step(
            title="가명 만들기와 범주화",
            explanation=(
                "가명처리는 분석에 쓸 사본에서 사람을 알아볼 수 있는 값을 바꾸는 일입니다. "
                "DADEUM.PSEUDONYMIZE(범위, 키 이름, 종류)는 값을 'P-'로 시작하는 가명으로 "
                "바꿉니다. 키는 통합 문서가 아니라 서버에 보관되고, 가명처리 권한이 있는 "
                "사람만 쓸 수 있습니다. 키 이름을 비워 두면 기본 키를 씁니다.",
                "같은 키로는 같은 값이 언제나 같은 가명이 됩니다. 010-1234-5678과 "
                "01012345678도 같은 가명이어서, 이름을 몰라도 같은 민원인이 몇 번 왔는지 셀 "
                "수 있습니다. 키가 없으면 가명에서 원래 번호를 알아낼 수 없습니다.",
                '나이처럼 그대로 두면 사람을 좁혀 주는 값은 DADEUM.GENERALIZE(셀, "나이")로 '
                "'30대'처럼 범주화합니다. 주소는 \"주소\"로 시군구까지만 남깁니다. "
                "PSEUDONYMIZE 결과는 펼쳐지므로, 서로 다른 가명의 수는 UNIQUE와 COUNTA로 "
                "셉니다(엑셀 2021·365). 가명 자체는 기관 키마다 다르므로 여기서는 묻지 "
                "않습니다.",
            ),
            example_columns=("원래 값", "바꾼 값", "방법"),
            example_rows=(
                ("010-1234-5678", "P-로 시작하는 16자 가명", "PSEUDONYMIZE"),
                (42, "40대", "GENERALIZE 나이"),
                ("서울특별시 종로구 세종대로 1", "서울특별시 종로구", "GENERALIZE 주소"),
            ),
            exercise=Exercise(
                prompt="민원 접수 대장입니다. '연령대' 칸에 나이를 10세 단위로 범주화해 넣고, "
                "연락처 가명으로 아래 문제에 답하세요.",
                columns=("접수번호", "성명", "연락처", "나이"),
                rows=REGISTER,
                answer_header="연령대",
                row_checks=tuple(text(f"{age // 10 * 10}대") for *_, age in REGISTER),
                row_formula='=DADEUM.GENERALIZE(D{row},"나이")',
                questions=(
                    Question(
                        "연락처로 보면 서로 다른 민원인은 몇 명입니까?",
                        number(DISTINCT_PEOPLE),
                        formula='=COUNTA(UNIQUE(DADEUM.PSEUDONYMIZE(C{first}:C{last},,"전화번호")))',
                    ),
                    Question(
                        "첫 번째 행과 네 번째 행의 연락처 가명은 같습니까? (TRUE 또는 FALSE)",
                        boolean(SAME_PERSON_1_4),
                        formula='=INDEX(DADEUM.PSEUDONYMIZE(C{first}:C{last},,"전화번호"),1)'
                        '=INDEX(DADEUM.PSEUDONYMIZE(C{first}:C{last},,"전화번호"),4)',
                    ),
                ),
                hint="34세와 38세는 모두 30대입니다. 연락처의 하이픈과 띄어쓰기를 빼고 숫자만 "
                "비교하면 같은 사람을 찾을 수 있습니다.",
            ),
        ),
        Step(
            title="k-익명성으로 위험 재기",
            explanation=(
                "이름과 번호를 지워도 연령대·성별·시군구 같은 값(준식별자)의 조합이 드물면 "
                "누구인지 짐작할 수 있습니다. 예를 들어 '종로구에 사는 60대 여성'이 한 명뿐이면 "
                "그 사람이 드러납니다.",
                "k-익명성의 k는 준식별자 조합이 같은 레코드끼리 묶었을 때 가장 작은 묶음의 "
                "건수입니다. k가 기준(보통 3~5)보다 작으면 범주를 더 넓히거나(10세 단위 → 20세 "
                "단위), 준식별자를 줄이거나, 작은 묶음의 레코드를 지웁니다.",
                'DADEUM.K_ANONYMITY(범위, "연령대, 성별, 시군구", 기준)은 결과를 펼칩니다. '
                "1행 2열이 k, 2행 2열이 묶음 수, 3행이 기준보다 작은 묶음의 레코드 비율이고, "
                "그 아래에 가장 작은 묶음들이 나옵니다. 범위에는 머리글 행을 넣습니다.",
            ),
            example_columns=("연령대", "성별", "시군구", "건수"),
            example_rows=(("30대", "남", "종로구", 3), ("60대", "여", "종로구", 1)),
            exercise=Exercise(
                prompt="범주화를 마친 민원인 자료입니다. 준식별자는 연령대, 성별, 시군구입니다.",
                columns=("민원인 자료(가명처리 후)", "", ""),
                rows=(QUASI, *RECORDS),
                merges=((0, 0, 0, 2),),
                questions=(
                    Question(
                        "연령대·성별·시군구 기준으로 k는 얼마입니까?",
                        number(min(_ALL.values())),
                        formula="=INDEX(DADEUM.K_ANONYMITY(A{first}:C{last},"
                        '"연령대, 성별, 시군구"),1,2)',
                    ),
                    Question(
                        "연령대·성별·시군구 조합으로 묶으면 묶음은 몇 개입니까?",
                        number(len(_ALL)),
                        formula="=INDEX(DADEUM.K_ANONYMITY(A{first}:C{last},"
                        '"연령대, 성별, 시군구"),2,2)',
                    ),
                    Question(
                        "시군구만 준식별자로 보면 k는 얼마입니까?",
                        number(min(_DISTRICT.values())),
                        formula='=INDEX(DADEUM.K_ANONYMITY(A{first}:C{last},"시군구"),1,2)',
                    ),
                    Question(
                        f"세 준식별자 기준으로 k를 {THRESHOLD} 이상으로 만들려면 레코드를 "
                        "최소 몇 건 지워야 합니까? (범주는 그대로 둘 때)",
                        number(sum(n for n in _ALL.values() if n < THRESHOLD)),
                    ),
                ),
                hint=f"같은 조합끼리 세어 보세요. {THRESHOLD}건보다 작은 묶음은 통째로 지워야 "
                "k가 커집니다.",
            ),
        ),
    ),
)
