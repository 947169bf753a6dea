"""Lesson 4: from a 현황표 made for reading to a table a computer can use (TIDY, UNPIVOT,
MR_CHECK).

The tables that TIDY, UNPIVOT and MR_CHECK read must include their header row, so each of them
sits under a one-line title bar (the exercise's header row on the sheet): the ranges in the
formulas then start at the real header. Expected answers come from the numbers the tables are
written from; only the count of MR_CHECK's findings is the checker's own, computed here once.
"""

from dadeum.engine.tables.check import check_grid
from dadeum.engine.tables.grid import make_grid
from training.model import Exercise, Lesson, Question, Step, number

# 읍면동별 인구 (명): 2024년 남·여, 2025년 남·여.
POPULATION = (
    ("행복동", 6120, 6335, 6088, 6302),
    ("소망동", 4387, 4512, 4401, 4530),
    ("평화동", 11705, 11690, 11842, 11817),
    ("중앙동", 7503, 7788, 7421, 7702),
    ("새마을동", 3390, 3457, 3352, 3409),
    ("청솔동", 9912, 10240, 10105, 10388),
)
_TOTALS = tuple(sum(row[i] for row in POPULATION) for i in range(1, 5))


def _comma(value: int) -> str:
    return f"{value:,}"


# The 현황표 as it is usually sent: unit line, two-row header (구분 and the years merged),
# 합계 on top, numbers typed with commas (text) in some rows, and a note under the table.
STATUS_TITLE = "읍면동별 인구 현황"
STATUS_ROWS = (
    (None, None, None, None, "(단위: 명)"),
    ("구분", "2024년", None, "2025년", None),
    (None, "남", "여", "남", "여"),
    ("합계", *map(_comma, _TOTALS)),
    *(
        (name, *(_comma(v) if i % 2 == 0 else v for v in values))
        for i, (name, *values) in enumerate(POPULATION)
    ),
    ("주: 2025년은 잠정치", None, None, None, None),
)
# (first_row, first_col, last_row, last_col) from the title bar at row 0.
STATUS_MERGES = ((0, 0, 0, 4), (2, 0, 3, 0), (2, 1, 2, 2), (2, 3, 2, 4))
HEADER_ROWS = 2

# 읍면동별 연간 민원 건수, wide: one column per year.
YEARS = ("2023년", "2024년", "2025년")
COMPLAINTS = (
    ("행복동", 412, 455, 438),
    ("소망동", 298, 276, 301),
    ("평화동", 735, 802, 779),
    ("중앙동", 521, 498, 547),
    ("새마을동", 187, 203, 199),
)
WIDE_ROWS = (("읍면동", *YEARS), *COMPLAINTS)

# 민원 처리 현황 with units in the cells, a 합계 row at the bottom and a note.
HANDLING = (
    ("행복동", 1203, 1150),
    ("소망동", 987, 987),
    ("평화동", 1540, 1401),
    ("중앙동", 1122, 1098),
    ("새마을동", 640, 611),
)
HANDLING_ROWS = (
    ("읍면동", "접수", "처리"),
    *((name, f"{got:,}건", f"{done:,}건") for name, got, done in HANDLING),
    ("합계", f"{sum(r[1] for r in HANDLING):,}건", f"{sum(r[2] for r in HANDLING):,}건"),
    ("※ 12월 31일 기준", None, None),
)
TOTAL_ROW = 1 + len(HANDLING) + 1  # header, the 읍면동, then 합계 (counted from 1)
UNIT_CELLS = 2 * len(HANDLING)  # every 접수·처리 cell of a 읍면동 carries "건"
# MR_CHECK's findings on the table: the checker's own count, computed once here.
HANDLING_FINDINGS = len(check_grid(make_grid([list(row) for row in HANDLING_ROWS])).issues)

LESSON = Lesson(
    number=4,
    title="기계판독 가능한 표 만들기",
    minutes=35,
    goal="보고용 현황표를 컴퓨터가 바로 계산할 수 있는 표로 바꾸고, 공공데이터 기계판독 "
    "기준에 맞는지 스스로 점검합니다.",
    outcomes=(
        "기계판독 가능한 표의 원칙(머리글 한 줄, 병합 없음, 합계 행 없음, 단위는 머리글에)을 "
        "설명할 수 있습니다.",
        "TIDY로 여러 줄 머리글·합계 행·단위 행이 있는 현황표를 한 번에 바꿀 수 있습니다.",
        "UNPIVOT으로 연도가 옆으로 펼쳐진 표를 긴 표로 바꿀 수 있습니다.",
        "MR_CHECK 결과를 읽고 고칠 곳을 찾을 수 있습니다.",
    ),
    steps=(
        Step(
            title="사람이 보는 표와 기계가 읽는 표",
            explanation=(
                "보고용 현황표는 제목, 단위 줄, 두 줄 머리글, 병합된 칸, 맨 위의 합계, 표 아래 "
                "주석으로 사람이 읽기 좋게 꾸며져 있습니다. 그런데 이런 표는 정렬·필터·피벗이 "
                "제대로 되지 않고, 공공데이터로 올리면 기계판독이 안 된다는 지적을 받습니다.",
                "기계가 읽을 수 있는 표의 원칙은 네 가지입니다. ① 머리글은 첫 행 한 줄, "
                "② 병합된 칸 없음, ③ 합계·소계 행 없음(필요하면 계산), ④ 단위는 머리글에 "
                "적고(예: 인구(명)) 칸에는 숫자만.",
                "두 줄 머리글은 '2024년_남'처럼 한 줄로 합칩니다. 그러면 열 하나가 "
                "'2024년의 남자 인구'라는 뜻 하나만 갖게 됩니다.",
            ),
            example_columns=("읍면동", "2024년_남", "2024년_여"),
            example_rows=(("행복동", 6120, 6335), ("소망동", 4387, 4512)),
            exercise=Exercise(
                prompt="아래 현황표를 보고 답하세요. 계산은 필요 없고, 표의 모양만 세어 보면 "
                "됩니다.",
                columns=(STATUS_TITLE, "", "", "", ""),
                rows=STATUS_ROWS,
                merges=STATUS_MERGES,
                questions=(
                    Question("이 표의 머리글은 몇 줄입니까?", number(HEADER_ROWS)),
                    Question(
                        "합계 행과 주석을 빼면 자료 행(읍면동)은 몇 개입니까?",
                        number(len(POPULATION)),
                    ),
                    Question(
                        "머리글을 한 줄로 합친 표('읍면동', '2024년_남' …)는 열이 몇 개입니까?",
                        number(1 + 2 * 2),
                    ),
                ),
                hint="'구분'과 연도 칸은 위아래 또는 옆 칸과 병합되어 있습니다. 연도 두 개 × "
                "성별 두 개에 읍면동 열 하나를 더하면 됩니다.",
            ),
        ),
        Step(
            title="TIDY로 한 번에 바꾸기",
            explanation=(
                "DADEUM.TIDY 함수에 현황표 범위를 통째로 주면, 단위 줄과 주석을 빼고, 두 줄 "
                "머리글을 '2024년_남'처럼 합치고, 합계 행을 빼고, '1,234' 같은 글자를 숫자로 "
                "바꾼 표를 돌려줍니다. 단위가 천원이면 원으로 환산합니다.",
                "TIDY의 결과는 여러 칸에 펼쳐집니다(스필). 결과가 들어갈 오른쪽·아래 칸이 "
                "비어 있어야 하며, 막혀 있으면 #SPILL!이 나옵니다. 빈 시트의 A1에 넣는 것이 "
                "가장 쉽습니다.",
                "결과의 한 값만 필요할 때는 감싸는 함수를 씁니다. ROWS(결과)는 행 수(머리글 "
                "포함), COLUMNS(결과)는 열 수, INDEX(결과,0,2)는 두 번째 열 전체입니다.",
            ),
            example_columns=("받은 표", "TIDY 결과"),
            example_rows=(
                ("(단위: 명) 줄", "빠짐"),
                ("두 줄 머리글 2024년 / 남", "2024년_남"),
                ("합계 행", "빠짐"),
                ("'6,120' (글자)", "6120 (숫자)"),
            ),
            exercise=Exercise(
                prompt="1단계의 현황표입니다. 빈 시트에 TIDY 결과를 펼쳐 보고, 아래 문제의 "
                "수식으로 답하세요.",
                columns=(STATUS_TITLE, "", "", "", ""),
                rows=STATUS_ROWS,
                merges=STATUS_MERGES,
                questions=(
                    Question(
                        "TIDY 결과는 머리글을 포함해 몇 행입니까?",
                        number(1 + len(POPULATION)),
                        formula="=ROWS(DADEUM.TIDY(A{first}:E{last}))",
                    ),
                    Question(
                        "TIDY 결과는 몇 열입니까?",
                        number(5),
                        formula="=COLUMNS(DADEUM.TIDY(A{first}:E{last}))",
                    ),
                    Question(
                        "2024년 남자 인구(결과의 두 번째 열)를 모두 더하면 몇 명입니까?",
                        number(sum(row[1] for row in POPULATION)),
                        formula="=SUM(INDEX(DADEUM.TIDY(A{first}:E{last}),0,2))",
                    ),
                ),
                hint="합계 행이 빠지므로 결과의 2024년 남자 합계는 표의 합계 행 값과 같아야 "
                "합니다. 직접 셀 때는 읍면동 여섯 곳만 더하세요.",
            ),
        ),
        Step(
            title="UNPIVOT으로 긴 표 만들기",
            explanation=(
                "연도가 열마다 펼쳐진 표(넓은 표)는 해가 바뀔 때마다 열이 늘어나고, 연도별 "
                "피벗이나 그래프를 만들기 어렵습니다. 값 하나에 한 행인 '긴 표'로 바꾸면 "
                "읍면동·연도·값 세 열로 언제나 같은 모양이 됩니다.",
                "DADEUM.UNPIVOT(범위)는 왼쪽의 글자 열(읍면동)을 기준 열로 두고, 나머지 열 "
                "이름을 '연도' 열로, 값을 'value' 열로 내립니다. 기준 열이 여러 개면 두 번째 "
                "인수로 개수(예: 2)나 열 이름을 줍니다.",
                "행은 읍면동 순서대로, 한 읍면동 안에서는 열 순서(2023년, 2024년, 2025년)대로 "
                "나옵니다. 그래서 결과의 3행은 첫 읍면동의 2024년 값입니다.",
            ),
            example_columns=("읍면동", "연도", "value"),
            example_rows=(
                ("행복동", "2023", 412),
                ("행복동", "2024", 455),
                ("행복동", "2025", 438),
            ),
            exercise=Exercise(
                prompt="읍면동별 연간 민원 건수입니다. UNPIVOT으로 긴 표를 만들어 보고 답하세요.",
                columns=("읍면동별 연간 민원 건수(건)", "", "", ""),
                rows=WIDE_ROWS,
                merges=((0, 0, 0, 3),),
                questions=(
                    Question(
                        "긴 표는 머리글을 포함해 몇 행입니까?",
                        number(1 + len(COMPLAINTS) * len(YEARS)),
                        formula="=ROWS(DADEUM.UNPIVOT(A{first}:D{last}))",
                    ),
                    Question(
                        "긴 표의 3행, 3열(value)의 값은 얼마입니까?",
                        number(COMPLAINTS[0][2]),
                        formula="=INDEX(DADEUM.UNPIVOT(A{first}:D{last}),3,3)",
                    ),
                    Question(
                        "긴 표에서 '행복동'은 몇 행에 나옵니까?",
                        number(len(YEARS)),
                    ),
                ),
                hint="읍면동 다섯 곳 × 연도 세 개만큼 자료 행이 생기고, 맨 위에 머리글 한 행이 "
                "더 있습니다.",
            ),
        ),
        Step(
            title="MR_CHECK로 점검하기",
            explanation=(
                "DADEUM.MR_CHECK(범위)는 표가 공공데이터 기계판독 기준에 맞는지 점검해 "
                "펼칩니다. 첫 행은 머리글, 둘째 행은 100점 만점의 점수이고, 셋째 행부터 "
                "문제마다 규칙, 셀, 값, 문제, 고치는 방법이 한 행씩 나옵니다.",
                "셀 위치는 점검한 범위의 왼쪽 위 칸을 A1로 셉니다. 행 전체의 문제(합계 행 "
                "등)는 '5행'처럼 나옵니다. 원본을 고치기 전에 TIDY 결과를 다시 점검해 보면 "
                "무엇이 해결되었는지 알 수 있습니다.",
            ),
            example_columns=("규칙", "셀", "값", "문제"),
            example_rows=(
                ("기계판독 점수", "", "", "75점 / 100점"),
                ("합계·소계 행·열", "5행", "", "합계·소계 행입니다."),
                ("숫자에 단위·쉼표·기호", "B2", "1,203건", "숫자가 글자로 저장되어 있습니다."),
            ),
            exercise=Exercise(
                prompt="읍면동별 민원 처리 현황입니다. MR_CHECK로 점검해 보고 답하세요.",
                columns=("읍면동별 민원 처리 현황", "", ""),
                rows=HANDLING_ROWS,
                merges=((0, 0, 0, 2),),
                questions=(
                    Question(
                        "MR_CHECK는 문제를 모두 몇 건 찾습니까? (점검 결과의 행 수에서 머리글과 "
                        "점수 두 행을 뺍니다)",
                        number(HANDLING_FINDINGS),
                        formula="=ROWS(DADEUM.MR_CHECK(A{first}:C{last}))-2",
                    ),
                    Question(
                        "합계 행은 점검 결과에 몇 행으로 나옵니까? (범위의 첫 행이 1행)",
                        number(TOTAL_ROW),
                    ),
                    Question(
                        "'숫자에 단위·쉼표·기호' 문제가 나온 칸은 몇 개입니까?",
                        number(UNIT_CELLS),
                        formula="=SUMPRODUCT(--(INDEX(DADEUM.MR_CHECK(A{first}:C{last}),0,1)"
                        '="숫자에 단위·쉼표·기호"))',
                    ),
                    Question(
                        "TIDY로 바꾼 표를 다시 점검하면 문제가 몇 건 남습니까?",
                        number(0),
                        formula="=ROWS(DADEUM.MR_CHECK(DADEUM.TIDY(A{first}:C{last})))-2",
                    ),
                ),
                hint="'1,203건'처럼 단위가 붙은 칸은 읍면동마다 접수·처리 두 칸입니다. 합계 행의 "
                "칸은 행 전체가 한 번에 지적되므로 따로 세지 않습니다.",
            ),
        ),
    ),
)
