"""Lesson 9: reading 민원 texts at scale (CLASSIFY_COMPLAINTS, COMPLAINT_KEYWORDS,
SIMILAR_COMPLAINTS).

A 구청's past 민원 with the department that took each (``complaint_frame``, seeded) teach
routing a new one; two months of 민원 in which one issue grows teach keyword trends; a list
with reworded repeats teaches finding the same issue raised again. Answers are computed here
with the engine the add-in calls (deterministic), so the workbook checks them without it.
"""

import datetime as dt

import numpy as np
import pandas as pd

from dadeum.engine.complaints import ComplaintClassifier
from dadeum.engine.complaints.keywords import top_keywords
from dadeum.engine.complaints.repeats import similar_complaints
from dadeum.samples.complaints import DEPARTMENTS, complaint_frame, reworded
from training.model import Exercise, Lesson, Question, Step, number, text

# Step 1: a year of routed 민원 (no names or phone numbers: a workbook is shared widely).
_HISTORY = complaint_frame(90, seed=9, start=dt.date(2024, 1, 2), days=330)
_HISTORY = _HISTORY[~_HISTORY["민원 내용"].str.contains("연락처")].reset_index(drop=True)
# The long text goes last, where it can run on to the right without being cut off.
HISTORY = tuple(
    (day, department, content)
    for day, content, department in _HISTORY[["접수일", "민원 내용", "담당부서"]].itertuples(
        index=False
    )
)
NEW = {
    "tree": "상가 앞 가로수 가지가 너무 자라서 간판이 보이지 않아요",
    "lamp": "골목 가로등이 며칠째 꺼져 있어 밤에 너무 어둡습니다",
    "lunch": "구청 구내식당 오늘 점심 메뉴가 궁금합니다",
    "short": "공원 화장실이 더러워요",
}
MODEL = ComplaintClassifier().fit(_HISTORY["민원 내용"].tolist(), _HISTORY["담당부서"].tolist())
ROUTED = {key: MODEL.predict([value])["예측분류"].iloc[0] for key, value in NEW.items()}
UNSURE = MODEL.with_min_confidence(0.5).predict([NEW["lunch"]])["예측분류"].iloc[0]
CLASSIFY = 'DADEUM.CLASSIFY_COMPLAINTS("{text}",C{{first}}:C{{last}},B{{first}}:B{{last}}{extra})'


def _classify(key: str, extra: str = "") -> str:
    return "=INDEX(" + CLASSIFY.format(text=NEW[key], extra=extra) + ",1,1)"


# Step 2: August and September 민원; 음식물 쓰레기 complaints pile up in September.
def _two_months() -> pd.DataFrame:
    rng = np.random.default_rng(19)
    issues = [(d, issue) for d, items in DEPARTMENTS.items() for issue in items]
    rows = []
    for month, n in ((8, 22), (9, 22)):
        for _ in range(n):
            _, (what, ask) = issues[int(rng.integers(len(issues)))]
            rows.append((dt.date(2024, month, int(rng.integers(1, 29))), f"{what}. {ask}."))
    food = DEPARTMENTS["청소행정과"][1]
    for day in rng.integers(2, 28, size=9):
        rows.append((dt.date(2024, 9, int(day)), reworded(f"{food[0]}. {food[1]}", rng) + "."))
    rows.sort(key=lambda row: row[0])
    return pd.DataFrame(rows, columns=["접수일", "민원 내용"])


MONTHS = _two_months()
LATEST = top_keywords(MONTHS["민원 내용"].tolist(), 5, MONTHS["접수일"].tolist(), "month")
OVERALL = top_keywords(MONTHS["민원 내용"].tolist(), 5)
KEYWORDS = 'DADEUM.COMPLAINT_KEYWORDS(B{first}:B{last},5,A{first}:A{last},"month")'

# Step 3: a month of 민원 with repeats; which earlier one does a new 민원 restate?
_LIST = complaint_frame(40, seed=31, start=dt.date(2024, 10, 1), days=30)
_LIST = _LIST[~_LIST["민원 내용"].str.contains("연락처")].reset_index(drop=True)
LIST = tuple(
    (i + 1, day, content)
    for i, (day, content) in enumerate(_LIST[["접수일", "민원 내용"]].itertuples(index=False))
)
PROBE = "횡단보도 신호등 보행 시간이 짧아 어르신들이 다 건너지 못합니다. 늘려 주세요"
SIMILAR = similar_complaints(PROBE, _LIST["민원 내용"].tolist(), 3)
FIND = f'DADEUM.SIMILAR_COMPLAINTS("{PROBE}",C{{first}}:C{{last}},3)'


LESSON = Lesson(
    number=9,
    title="민원 분석",
    minutes=30,
    goal="쌓여 있는 민원 글을 엑셀에서 바로 읽어, 새 민원을 맡을 부서를 정하고, 이번 달에 "
    "늘어난 민원 내용을 찾고, 같은 사안을 다시 낸 반복 민원을 찾는 법을 익힙니다.",
    outcomes=(
        "CLASSIFY_COMPLAINTS로 지난 민원과 담당부서를 배워 새 민원의 담당부서를 정할 수 있습니다.",
        "COMPLAINT_KEYWORDS로 많이 나온 키워드와 지난달보다 늘어난 키워드를 읽을 수 있습니다.",
        "SIMILAR_COMPLAINTS로 새 민원과 비슷한 지난 민원을 찾아 반복 민원인지 판단할 수 있습니다.",
    ),
    data_note="이 통합 문서의 민원은 연습용으로 만든 가상 자료이며, 실제 민원인의 글이나 "
    "개인정보는 들어 있지 않습니다.",
    steps=(
        Step(
            title="새 민원은 어느 부서로: CLASSIFY_COMPLAINTS",
            explanation=(
                "지난 민원과 그 민원을 맡은 부서가 있으면, 다듬이 그 기록에서 배워 새 민원의 "
                "담당부서를 제안합니다. 형태소 분석으로 조사와 어미를 떼고(주차장을 → 주차장) "
                "인사말·날짜·전화번호를 뺀 뒤 내용어로 판단합니다.",
                "=DADEUM.CLASSIFY_COMPLAINTS(새 민원, 지난 민원 내용 범위, 담당부서 범위)는 새 "
                "민원마다 부서 이름을 같은 모양으로 펼칩니다. 새 민원 자리에 범위를 주면 한꺼번에 "
                "분류합니다. 같은 학습 범위로는 한 번만 배우므로 다시 계산해도 빠릅니다.",
                "네 번째 값은 확신도 기준(0~1, 생략하면 0.3)입니다. 확신이 그보다 낮으면 "
                '"모름"으로 두어 사람이 직접 보게 합니다. 지난 기록에 없던 내용일수록 확신도가 '
                "낮습니다.",
            ),
            example_columns=("새 민원", "결과"),
            example_rows=((NEW["short"], ROUTED["short"]),),
            exercise=Exercise(
                prompt="어느 구청의 지난 민원과 담당부서입니다. 이 기록으로 아래 새 민원의 "
                "담당부서를 정해 보세요. 다듬이 없으면 비슷한 지난 민원을 찾아 그 부서를 써도 "
                "됩니다.",
                columns=("접수일", "담당부서", "민원 내용"),
                rows=HISTORY,
                questions=(
                    Question(
                        f'"{NEW["tree"]}" 민원은 어느 부서가 맡습니까?',
                        text(ROUTED["tree"]),
                        formula=_classify("tree"),
                    ),
                    Question(
                        f'"{NEW["lamp"]}" 민원은 어느 부서가 맡습니까?',
                        text(ROUTED["lamp"]),
                        formula=_classify("lamp"),
                    ),
                    Question(
                        f'"{NEW["lunch"]}"를 확신도 기준 0.5로 분류하면 무엇이 나옵니까?',
                        text(UNSURE),
                        formula=_classify("lunch", ",0.5"),
                    ),
                ),
                hint="결과가 한 칸이어도 INDEX(결과,1,1)로 감싸면 그 값을 다른 셀에서 쓸 수 "
                "있습니다. 구내식당 메뉴처럼 지난 민원에 없던 내용은 어느 부서로도 확신하지 "
                "못합니다.",
            ),
        ),
        Step(
            title="무엇이 늘었나: COMPLAINT_KEYWORDS",
            explanation=(
                "=DADEUM.COMPLAINT_KEYWORDS(민원 내용 범위, 개수)는 많이 나온 키워드와 그 "
                "키워드가 나온 민원 건수를 펼칩니다. 한 민원에 같은 낱말이 여러 번 나와도 "
                "한 건으로 셉니다. 이름 같은 개인정보는 가린 뒤에 세므로 키워드로 나오지 않습니다.",
                '세 번째 값으로 접수일 범위, 네 번째로 "month"(월)나 "week"(주)를 주면 마지막 '
                "달(주)의 키워드를 세고, 그 전 달의 건수(이전 건수)와 증감을 함께 보여 줍니다.",
                "결과의 1행은 머리글(키워드, 건수, 이전 건수, 증감)이므로 1위 키워드는 2행에 "
                "있습니다.",
            ),
            example_columns=tuple(LATEST.columns),
            example_rows=(tuple(LATEST.iloc[0]), ("…", "…", "…", "…")),
            exercise=Exercise(
                prompt="어느 구청의 8월과 9월 민원입니다. 9월에 무엇이 늘었는지 찾아 보세요.",
                columns=tuple(MONTHS.columns),
                rows=tuple(MONTHS.itertuples(index=False, name=None)),
                questions=(
                    Question(
                        "9월에 가장 많은 민원에 나온 키워드는 무엇입니까?",
                        text(LATEST["키워드"].iloc[0]),
                        formula=f"=INDEX({KEYWORDS},2,1)",
                    ),
                    Question(
                        "그 키워드는 9월에 몇 건의 민원에 나왔습니까?",
                        number(int(LATEST["건수"].iloc[0])),
                        formula=f"=INDEX({KEYWORDS},2,2)",
                    ),
                    Question(
                        "그 키워드는 8월에는 몇 건이었습니까?",
                        number(int(LATEST["이전 건수"].iloc[0])),
                        formula=f"=INDEX({KEYWORDS},2,3)",
                    ),
                    Question(
                        "접수일 없이 두 달 전체로 세면 1위 키워드는 몇 건의 민원에 나옵니까?",
                        number(int(OVERALL["건수"].iloc[0])),
                        formula="=INDEX(DADEUM.COMPLAINT_KEYWORDS(B{first}:B{last},5),2,2)",
                    ),
                ),
                hint='다듬이 없으면 =COUNTIFS(A:A,">="&DATE(2024,9,1),B:B,"*음식물*")처럼 '
                "낱말이 든 민원을 셀 수 있습니다.",
            ),
        ),
        Step(
            title="같은 사안을 또: SIMILAR_COMPLAINTS",
            explanation=(
                "같은 곳의 같은 문제를 여러 사람이, 또는 한 사람이 여러 번 내는 반복 민원은 "
                "낱말과 순서가 조금씩 다릅니다. 글자가 똑같은지 보는 것으로는 찾지 못합니다.",
                "=DADEUM.SIMILAR_COMPLAINTS(새 민원, 지난 민원 범위, 개수)는 내용이 가장 비슷한 "
                "지난 민원의 행 번호(범위 안에서 몇 번째인지)와 유사도(0~1)를 펼칩니다. 유사도 "
                "0.5 이상이면 같은 사안을 다시 낸 것일 가능성이 큽니다.",
                "리본의 예측 > 민원 분석 단추는 선택한 민원 목록 전체에서 반복 민원 묶음, 월별 "
                "건수, 늘어난 키워드를 한 시트로 정리합니다(예시 글의 개인정보는 가립니다).",
            ),
            example_columns=("행", "유사도"),
            example_rows=(tuple(SIMILAR.iloc[0]), ("…", "…")),
            exercise=Exercise(
                prompt=f'10월에 들어온 민원 목록입니다. 새로 들어온 "{PROBE}" 민원이 반복 '
                "민원인지 살펴보세요.",
                columns=("번호", "접수일", "민원 내용"),
                rows=LIST,
                questions=(
                    Question(
                        "새 민원과 가장 비슷한 민원은 목록의 몇 번째입니까?",
                        number(int(SIMILAR["행"].iloc[0])),
                        formula=f"=INDEX({FIND},2,1)",
                    ),
                    Question(
                        "그 유사도는 얼마입니까? (소수 둘째 자리까지)",
                        number(round(float(SIMILAR["유사도"].iloc[0]), 2), tolerance=0.011),
                        formula=f"=ROUND(INDEX({FIND},2,2),2)",
                    ),
                ),
                hint="결과의 1행은 머리글(행, 유사도)이라 가장 비슷한 민원은 2행에 있습니다. "
                "번호 열과 행 번호가 같게 만들어 두었습니다.",
            ),
        ),
    ),
)
