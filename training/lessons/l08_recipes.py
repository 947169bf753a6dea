"""Lesson 8: recording a month's cleanup once and replaying it (recipes).

No cell function: the learner reads a recipe table (the engine's ``recipe_table``, exactly what
the ribbon's 레시피 > 보기 writes), the summary ``dadeum recipe run`` wrote for the twelve seeded
monthly files of ``dadeum.samples.monthly`` with this recipe (the test replays them and checks
the table below is what the command really writes), and decides which headers a recipe still
recognises (answers from the engine's ``normalize_header``).
"""

from dadeum.engine.recipes import normalize_header, recipe_table
from training.model import Exercise, Lesson, Question, Step, boolean, number, text

# What 기계판독 변환, 정리 and 가명처리 record on a month of 읍면동별 민원 처리 현황
# (the same steps `dadeum tidy/clean/pseudonymize --save-recipe` write).
RECIPE = {
    "dadeum_recipe": 1,
    "name": "민원 처리 현황",
    "steps": [
        {"step": "tidy", "header_rows": None, "long": False, "totals": False},
        {
            "step": "clean",
            "header": None,
            "types": {
                "읍면동": "text",
                "접수 건수": "number",
                "처리 건수": "number",
                "담당자": "text",
                "연락처": "phone",
                "비고": "text",
            },
        },
        {"step": "pseudonymize", "columns": {"담당자": "가명", "연락처": "삭제"}, "key_name": None},
    ],
}
TABLE = recipe_table(RECIPE)
TABLE_ROWS = tuple(
    tuple("" if value is None else value for value in row) for row in TABLE.to_numpy().tolist()
)

# `dadeum recipe run 현황.recipe.json 받은파일 --out 결과 --key-file 기관.key` on the twelve files
# of dadeum.samples.monthly.write_monthly: its 결과/레시피_결과.csv (tests replay and compare).
BROKEN = "민원현황_2025_11.xlsx"
SUMMARY_COLUMNS = ("파일", "입력 행", "출력 행", "확인 건수", "상태")
SUMMARY = (
    ("민원현황_2025_01.xlsx", 17, 12, 15, "완료"),
    ("민원현황_2025_02.xlsx", 17, 12, 15, "완료"),
    ("민원현황_2025_03.csv", 17, 12, 15, "완료"),
    ("민원현황_2025_04.xlsx", 17, 12, 15, "완료"),
    ("민원현황_2025_05.xlsx", 17, 12, 15, "완료"),
    ("민원현황_2025_06.xlsx", 17, 12, 15, "완료"),
    ("민원현황_2025_07.xlsx", 18, 12, 16, "완료"),
    ("민원현황_2025_08.xlsx", 17, 12, 15, "완료"),
    ("민원현황_2025_09.xlsx", 17, 12, 16, "완료"),
    ("민원현황_2025_10.xlsx", 17, 12, 16, "완료"),
    (
        BROKEN,
        "",
        "",
        "",
        f"실패: {BROKEN}: 엑셀 파일을 열 수 없습니다 (File is not a zip file). "
        "엑셀에서 열어 다시 저장해 주세요.",
    ),
    ("민원현황_2025_12.xlsx", 17, 12, 16, "완료"),
)

# Step 3: a recipe's column name beside a header found in next month's file.
HEADER_PAIRS = (
    ("접수 건수", "접수건수"),
    ("처리 건수", " 처리  건수 "),
    ("읍면동", "읍·면·동"),
    ("E-mail", "email"),
    ("접수 건수", "접수 건수(건)"),
    ("연락처", "전화번호"),
    ("비고", "비 고"),
    ("담당자", "담당 직원"),
)


def same_column(recipe_column: str, header: str) -> bool:
    return normalize_header(recipe_column) == normalize_header(header)


LESSON = Lesson(
    number=8,
    title="반복 업무를 레시피로 자동화",
    minutes=25,
    goal="매달 같은 모양으로 들어오는 현황 파일의 정리 작업을 한 번만 하고, 그 과정을 레시피로 "
    "남겨 다음 달부터는 버튼 하나나 명령 한 줄로 되풀이하는 법을 익힙니다.",
    outcomes=(
        "리본 단추로 한 작업이 레시피로 기록된다는 것을 알고, 레시피 표를 읽을 수 있습니다.",
        "레시피를 다음 달 파일에 다시 실행하고(다시 실행 단추, dadeum recipe run) 결과 요약을 "
        "읽을 수 있습니다.",
        "머리글이 조금 달라져도 레시피가 열을 찾는 경우와 못 찾는 경우를 구별할 수 있습니다.",
    ),
    data_note="이 통합 문서의 현황 파일 이름과 결과는 다듬에 들어 있는 연습용 월별 파일 12개에 "
    "레시피를 실제로 실행해 얻은 것입니다.",
    steps=(
        Step(
            title="한 번 한 작업이 레시피로 남습니다",
            explanation=(
                "매달 받는 '읍면동별 민원 처리 현황'은 모양이 같습니다. 첫 달에 다듬 탭의 "
                "기계판독 변환, 정리, 가명처리 단추를 차례로 누르면, 누를 때마다 그 단계가 이 "
                "통합 문서의 숨은 시트(_다듬_레시피)에 기록됩니다. 이것을 레시피라고 합니다.",
                "레시피 > 보기 단추를 누르면 레시피가 새 시트에 표로 나옵니다. 열은 단계, 열, "
                "옵션, 값, 설명이고 옵션 하나가 한 행입니다. '값'은 컴퓨터가 읽는 말(tidy, "
                "clean, number, phone 등)이고, '설명'에 같은 뜻이 우리말로 적혀 있습니다.",
                "레시피에는 열 이름과 처리 방법만 들어 있고, 자료의 값이나 가명 키는 들어 있지 "
                "않습니다. 그래서 다른 부서나 기관과 안심하고 주고받을 수 있습니다.",
            ),
            exercise=Exercise(
                prompt="아래는 레시피 > 보기가 보여 준 레시피 표입니다. 표를 읽고 아래 문제에 "
                "답하세요.",
                columns=tuple(TABLE.columns),
                rows=TABLE_ROWS,
                questions=(
                    Question(
                        "이 레시피는 몇 단계입니까?",
                        number(len(RECIPE["steps"])),
                        formula="=MAX(A{first}:A{last})",
                    ),
                    Question(
                        "'열 유형' 옵션은 몇 행입니까?",
                        number(int((TABLE["옵션"] == "열 유형").sum())),
                        formula='=COUNTIF(C{first}:C{last},"열 유형")',
                    ),
                    Question(
                        "정리 단계에서 '연락처' 열의 값(영어)은 무엇입니까?",
                        text(RECIPE["steps"][1]["types"]["연락처"]),
                    ),
                    Question(
                        "가명처리 단계에서 '담당자' 열은 어떻게 처리됩니까? (값 열 그대로)",
                        text(RECIPE["steps"][2]["columns"]["담당자"]),
                    ),
                    Question(
                        "기계판독 변환 단계의 결과에 합계·소계 행이 남습니까? (TRUE 또는 FALSE)",
                        boolean(RECIPE["steps"][0]["totals"]),
                    ),
                    Question(
                        "이 레시피 표에 담당자의 실제 이름이 들어 있습니까? (TRUE 또는 FALSE)",
                        boolean(False),
                    ),
                ),
                hint="단계 번호는 A열에 있습니다. 옵션 '합계 따로'의 설명 열을 읽어 보세요.",
            ),
        ),
        Step(
            title="다음 달 파일에 다시 실행하기",
            explanation=(
                "다음 달 파일이 오면 그 시트를 열고 표를 선택한 뒤 레시피 > 다시 실행을 "
                "누릅니다. 기록된 단계가 차례로 실행되어 새 시트에 결과가 나옵니다. 원본 "
                "시트는 바뀌지 않습니다.",
                "파일이 많으면 레시피 > 내보내기로 레시피를 JSON 파일(예: 현황.recipe.json)로 "
                "저장하고, 명령 창에서 한 번에 실행합니다: dadeum recipe run 현황.recipe.json "
                "받은파일 --out 결과. '받은파일' 폴더의 파일마다 결과가 '결과' 폴더에 쓰이고, "
                "요약이 결과/레시피_결과.csv에 남습니다.",
                "한 파일이 깨져 있어도 나머지 파일은 계속 처리합니다. 모두 성공하면 종료 "
                "코드가 0, 하나라도 실패하면 1, 명령을 잘못 적으면 2입니다. 작업 스케줄러에 "
                "걸어 두면 매달 정해진 날 저절로 실행됩니다.",
            ),
            exercise=Exercise(
                prompt="1년치 현황 파일 12개가 든 폴더에 1단계의 레시피를 실행한 요약"
                "(레시피_결과.csv)입니다. 아래 문제에 답하세요.",
                columns=SUMMARY_COLUMNS,
                rows=SUMMARY,
                questions=(
                    Question(
                        "완료된 파일은 몇 개입니까?",
                        number(sum(row[4] == "완료" for row in SUMMARY)),
                        formula='=COUNTIF(E{first}:E{last},"완료")',
                    ),
                    Question(
                        "완료된 파일의 출력 행을 모두 더하면 몇 행입니까?",
                        number(sum(row[2] for row in SUMMARY if row[4] == "완료")),
                        formula="=SUM(C{first}:C{last})",
                    ),
                    Question(
                        "몇 월 파일이 실패했습니까? (숫자만)",
                        number(int(BROKEN.split("_")[2].split(".")[0])),
                    ),
                    Question(
                        "이 실행의 종료 코드는 무엇입니까? (0, 1, 2 중 하나)",
                        number(1 if any(row[4] != "완료" for row in SUMMARY) else 0),
                    ),
                    Question(
                        "실패한 파일 하나 때문에 그 뒤 12월 파일은 처리되지 않았습니까? "
                        "(TRUE 또는 FALSE)",
                        boolean(False),
                    ),
                ),
                hint="상태 열에서 '완료'가 아닌 행을 찾아보세요. 종료 코드는 모두 성공했을 "
                "때만 0입니다.",
            ),
        ),
        Step(
            title="머리글이 조금 달라져도 됩니다",
            explanation=(
                "레시피는 열을 위치가 아니라 머리글의 뜻으로 찾습니다. 띄어쓰기, 앞뒤 공백, "
                "가운뎃점·하이픈 같은 문장부호, 영문 대소문자는 무시합니다. 그래서 열의 순서가 "
                "바뀌거나 새 열이 더해져도 레시피는 그대로 돌아갑니다.",
                "하지만 글자가 달라지면 다른 열입니다. '접수 건수(건)'처럼 단위가 붙거나 "
                "'연락처'가 '전화번호'로 바뀌면 찾지 못합니다. 이때 다듬은 그 파일을 멈추고 "
                "가장 비슷한 머리글을 알려 주며, 반쯤 쓴 결과 파일을 남기지 않습니다.",
            ),
            example_columns=("레시피의 열", "새 파일의 머리글", "같은 열로 찾음"),
            example_rows=(("처리 건수", "처리건수", "TRUE"), ("담당자", "담당", "FALSE")),
            exercise=Exercise(
                prompt="왼쪽은 레시피에 적힌 열, 오른쪽은 다음 달 파일의 머리글입니다. 레시피가 "
                "같은 열로 찾으면 TRUE, 못 찾으면 FALSE를 적으세요.",
                columns=("레시피의 열", "새 파일의 머리글"),
                rows=HEADER_PAIRS,
                answer_header="같은 열로 찾음",
                row_checks=tuple(boolean(same_column(a, b)) for a, b in HEADER_PAIRS),
                questions=(
                    Question(
                        "9월 파일은 '연락처'가 '담당자' 앞으로 옮겨지고 '전월 대비' 열이 "
                        "더해졌습니다. 레시피가 이 파일을 처리했습니까? (TRUE 또는 FALSE)",
                        boolean(
                            any(row[0].endswith("_09.xlsx") and row[4] == "완료" for row in SUMMARY)
                        ),
                    ),
                ),
                hint="띄어쓰기와 문장부호를 모두 지운 뒤 두 글자를 견주어 보세요. 괄호 안의 "
                "단위도 글자입니다.",
            ),
        ),
    ),
)
