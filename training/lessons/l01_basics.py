"""Lesson 1: what makes spreadsheet data usable (one value per cell, types, table shape)."""

import datetime as dt

from training.model import Exercise, Lesson, Question, Step, number, text

# 읍·면·동 인구 현황, written the way it often arrives: numbers typed as text with units.
_TOWNS = ("행복동", "소망동", "평화동", "중앙동", "새마을동", "청솔동", "은행동", "매화동")
_PEOPLE = (12345, 8760, 23410, 15002, 6891, 19870, 10234, 7655)
_WRITTEN = ("12,345명", 8760, "23,410 명", 15002, "6,891", "19,870명", 10234, "7,655 ")


def _type_name(value) -> str:
    if isinstance(value, dt.date):
        return "날짜"
    if isinstance(value, int | float):
        return "숫자"
    return "텍스트"


_TYPE_VALUES = (
    1234,
    "1,234",
    dt.date(2023, 3, 5),
    "2023. 3. 5.",
    "010-1234-5678",
    0.125,
    "12.5%",
    "서울특별시",
)

# A 현황표 with a 합계 row and a 소계 row mixed into the data rows.
_TABLE = (
    ("행복동", 1203),
    ("소망동", 987),
    ("소계", 2190),
    ("평화동", 1540),
    ("중앙동", 2210),
    ("합계", 5940),
)

LESSON = Lesson(
    number=1,
    title="엑셀 데이터의 기본",
    minutes=25,
    goal="사람이 보기 좋은 표와 컴퓨터가 계산할 수 있는 표의 차이를 알고, 자료를 "
    "계산할 수 있는 모양으로 적는 세 가지 원칙을 익힙니다.",
    outcomes=(
        "한 칸에 값 하나만 적는 이유를 설명할 수 있습니다.",
        "숫자·날짜·텍스트를 구별하고, 숫자처럼 보이는 텍스트를 찾아낼 수 있습니다.",
        "합계·소계 행이 섞인 표에서 계산이 틀어지는 까닭을 알고 바르게 셀 수 있습니다.",
    ),
    steps=(
        Step(
            title="한 칸에는 값 하나",
            explanation=(
                "엑셀은 칸에 든 값이 숫자일 때만 더하고 평균을 냅니다. '12,345명'처럼 단위를 "
                "함께 적으면 사람 눈에는 숫자지만 엑셀에는 글자(텍스트)여서 SUM이 건너뜁니다.",
                "단위는 머리글에 한 번만 적고(예: '인구(명)'), 칸에는 숫자만 적는 것이 "
                "원칙입니다. 이미 단위가 붙은 자료는 다듬의 TO_NUMBER 함수로 숫자로 바꿀 수 "
                "있습니다.",
            ),
            example_columns=("원래 적힌 값", "바르게 적은 값"),
            example_rows=(("3,120명", 3120), ("1,500 명", 1500), ("2,400", 2400)),
            exercise=Exercise(
                prompt="아래는 동별 인구입니다. '인구(숫자)' 열에 각 행의 인구를 숫자로 "
                "적으세요. 그다음 아래 문제에 답하세요.",
                columns=("동", "인구(받은 그대로)"),
                rows=tuple(zip(_TOWNS, _WRITTEN, strict=True)),
                answer_header="인구(숫자)",
                row_checks=tuple(number(n) for n in _PEOPLE),
                row_formula="=DADEUM.TO_NUMBER(B{row})",
                questions=(
                    Question(
                        "'인구(받은 그대로)' 열에서 엑셀이 숫자로 알아보는 칸은 몇 개입니까?",
                        number(sum(isinstance(v, int) for v in _WRITTEN)),
                        formula="=COUNT(B{first}:B{last})",
                    ),
                    Question(
                        "여덟 개 동의 인구를 모두 더하면 몇 명입니까?",
                        number(sum(_PEOPLE)),
                        formula="=SUM(C{first}:C{last})",
                    ),
                ),
                hint="받은 그대로의 열을 SUM으로 더하면 텍스트 칸이 빠져 값이 작게 나옵니다. "
                "COUNT는 숫자 칸만 셉니다.",
            ),
        ),
        Step(
            title="숫자·날짜·텍스트 구별하기",
            explanation=(
                "엑셀의 칸에는 크게 숫자, 날짜, 텍스트가 들어갑니다. 날짜도 속으로는 숫자"
                "(1900년 1월 1일부터 센 날수)여서 빼면 기간이 나오고 정렬도 됩니다.",
                "숫자와 날짜는 기본으로 오른쪽에, 텍스트는 왼쪽에 붙습니다. ISNUMBER 함수는 "
                "숫자나 날짜이면 TRUE, 텍스트이면 FALSE를 돌려줍니다.",
            ),
            example_columns=("값", "=ISNUMBER(값)", "종류"),
            example_rows=((500, "TRUE", "숫자"), ("500원", "FALSE", "텍스트")),
            exercise=Exercise(
                prompt="각 값이 숫자, 날짜, 텍스트 중 무엇인지 '종류' 칸에 적으세요.",
                columns=("값",),
                rows=tuple((v,) for v in _TYPE_VALUES),
                answer_header="종류",
                row_checks=tuple(text(_type_name(v)) for v in _TYPE_VALUES),
                hint="날짜처럼 보여도 '2023. 3. 5.'처럼 점과 띄어쓰기로 적은 값은 텍스트입니다. "
                "빈 칸에 =ISNUMBER(A…)를 넣어 확인해 보세요.",
            ),
        ),
        Step(
            title="합계 행은 자료가 아닙니다",
            explanation=(
                "보고용 표에는 소계·합계 행이 자료 사이에 섞여 있는 일이 많습니다. 이런 표를 "
                "그대로 더하면 같은 인구를 두세 번 세게 됩니다.",
                "기계가 읽을 수 있는 표는 머리글 한 줄과 자료 행으로만 이루어지고, 합계는 "
                "필요할 때 계산해서 구합니다. 다듬의 '기계판독 변환'은 합계 행을 따로 빼 줍니다.",
            ),
            exercise=Exercise(
                prompt="아래 표에서 소계·합계 행을 빼고 답하세요.",
                columns=("구분", "세대 수"),
                rows=_TABLE,
                questions=(
                    Question(
                        "B열을 그냥 모두 더하면 얼마입니까?",
                        number(sum(n for _, n in _TABLE)),
                        formula="=SUM(B{first}:B{last})",
                    ),
                    Question(
                        "소계·합계 행을 뺀, 동 네 곳의 세대 수 합계는 얼마입니까?",
                        number(sum(n for name, n in _TABLE if name not in ("소계", "합계"))),
                        formula='=SUMIFS(B{first}:B{last},A{first}:A{last},"<>소계",A{first}:A{last},"<>합계")',
                    ),
                    Question(
                        "자료 행(동)은 몇 개입니까?",
                        number(sum(name not in ("소계", "합계") for name, _ in _TABLE)),
                    ),
                ),
                hint="합계 행의 값은 위 행들을 더한 값이라, 함께 더하면 두 번 세게 됩니다.",
            ),
        ),
    ),
)
