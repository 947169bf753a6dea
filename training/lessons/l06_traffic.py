"""Lesson 6: forecasting daily traffic with Korean holidays (FORECAST_TRAFFIC, FORECAST_ACCURACY).

One seeded count point (``daily_traffic``, seed 6) from 2023-09-01: the learner first reads
its weekly rhythm and the 추석 dip, makes the simplest forecast by hand (same weekday last
week), then forecasts 설날 2024 with the add-in and reads the backtest table. Answers about the
data come from the series itself; answers about a forecast are computed here with the engine
the add-in calls, so a rebuild with a changed engine changes the workbook (and its test).
"""

import datetime as dt

import pandas as pd

from dadeum.engine import forecast as engine
from dadeum.engine.forecast.calendar import holiday_names
from dadeum.samples.series import daily_traffic
from training.model import Exercise, Lesson, Question, Step, boolean, date, number

WEEKDAYS = "월화수목금토일"
COLUMNS = ("날짜", "요일", "교통량(대)", "비고(공휴일·명절)")
SERIES = daily_traffic(start="2023-09-01", days=167, seed=6)

# Forecast setup of steps 3 and 4: history up to 2024-01-31, 14 days ahead over 설날.
HISTORY = SERIES[:"2024-01-31"]
ACTUAL = SERIES["2024-02-01":]
HORIZON = 14
SEOLLAL = pd.Timestamp("2024-02-10")
SEOLLAL_ROW = 2 + (SEOLLAL - ACTUAL.index[0]).days  # its row in the spilled result (1 = header)


def _day(stamp: pd.Timestamp) -> dt.date:
    return stamp.date()


def _rows(series: pd.Series, *, weekday: bool = False, holidays: bool = False) -> tuple:
    names = holiday_names(series.index[0], series.index[-1]) if holidays else {}
    rows = []
    for stamp, value in series.items():
        row = [_day(stamp)]
        if weekday:
            row.append(WEEKDAYS[stamp.weekday()])
        row.append(int(value))
        if holidays:
            row.append(names.get(stamp, ""))
        rows.append(tuple(row))
    return tuple(rows)


# The same call FORECAST_TRAFFIC and FORECAST_ACCURACY make (deterministic).
RESULT = engine.forecast(list(HISTORY.index), list(HISTORY.to_numpy()), HORIZON, kind="traffic")
ACCURACY = RESULT.accuracy
SEOLLAL_FORECAST = RESULT.table.iloc[SEOLLAL_ROW - 2]
# The example of step 4: the same count point with only ten weeks of history (no 명절 in it).
SHORT = HISTORY[-70:]
SHORT_ACCURACY = engine.forecast_accuracy(
    list(SHORT.index), list(SHORT.to_numpy()), HORIZON, kind="traffic"
)
BEST_MASE = float(ACCURACY["MASE"].min())

# Step 1: five weeks around 추석 2023.
WEEKS = SERIES["2023-09-11":"2023-10-15"]
LOW_LIMIT = 35_000
# Step 2: two weeks over 추석, each day forecast by the same weekday a week before.
NAIVE_DAYS = SERIES["2023-09-25":"2023-10-08"]
NAIVE = SERIES.shift(7)[NAIVE_DAYS.index]
NAIVE_ERRORS = (NAIVE_DAYS - NAIVE).abs()

FORECAST = "DADEUM.FORECAST_TRAFFIC(A{first}:A{last},C{first}:C{last},14)"
ACCURACY_CALL = "DADEUM.FORECAST_ACCURACY(A{first}:A{last},C{first}:C{last},14)"

LESSON = Lesson(
    number=6,
    title="교통량 예측",
    minutes=35,
    goal="하루 교통량 기록으로 다음 두 주를 예측하고, 설날·추석처럼 평소와 다른 날을 예측이 어떻게 "
    "다루는지, 예측을 얼마나 믿어도 되는지 읽는 법을 익힙니다.",
    outcomes=(
        "교통량 기록에서 요일마다 되풀이되는 흐름과 명절에 줄어드는 모습을 찾을 수 있습니다.",
        "'지난주 같은 요일' 예측과 그 오차를 직접 계산할 수 있습니다.",
        "FORECAST_TRAFFIC로 예측하고, 펼쳐진 결과에서 예측값과 예측 구간(하한·상한)을 읽을 수 "
        "있습니다.",
        "FORECAST_ACCURACY의 검증 표(MASE, 구간 적중률)로 예측을 얼마나 믿을지 판단할 수 있습니다.",
    ),
    data_note="이 통합 문서의 교통량은 한 지점의 하루 통행 대수를 흉내 내어 만든 가상 자료입니다. "
    "공휴일·설날·추석 날짜는 실제 달력을 따릅니다.",
    steps=(
        Step(
            title="교통량 자료의 모양: 요일과 명절",
            explanation=(
                "예측을 하기 전에 먼저 자료를 봅니다. 하루 교통량은 요일마다 비슷한 흐름이 "
                "되풀이됩니다. 이 지점은 금요일이 가장 붐비고 일요일이 가장 한산합니다.",
                "공휴일에는 교통량이 줄고, 설날·추석 연휴에는 도시가 비어 훨씬 더 줄어듭니다. "
                "반대로 연휴 바로 전 평일에는 고향으로 떠나는 차로 평소보다 붐빕니다.",
                "이런 날은 해마다 날짜가 바뀌므로(음력), 예측할 때 달력을 아는 방법이 "
                "필요합니다. 다듬의 예측 함수는 우리나라 공휴일과 명절 달력을 알고 있습니다.",
            ),
            example_columns=COLUMNS,
            example_rows=_rows(SERIES["2023-09-18":"2023-09-20"], weekday=True, holidays=True)
            + _rows(SERIES["2023-09-29":"2023-09-29"], weekday=True, holidays=True),
            exercise=Exercise(
                prompt="2023년 9월 11일부터 5주 동안의 교통량입니다. 표를 보고 아래 문제에 "
                "답하세요. 엑셀 함수를 써도 되고 눈으로 찾아도 됩니다.",
                columns=COLUMNS,
                rows=_rows(WEEKS, weekday=True, holidays=True),
                questions=(
                    Question(
                        "5주 동안 가장 적은 하루 교통량은 몇 대입니까?",
                        number(WEEKS.min()),
                        formula="=MIN(C{first}:C{last})",
                    ),
                    Question(
                        "그날은 언제입니까? (날짜로 답하세요)",
                        date(_day(WEEKS.idxmin())),
                        formula="=INDEX(A{first}:A{last},MATCH(MIN(C{first}:C{last}),"
                        "C{first}:C{last},0))",
                    ),
                    Question(
                        f"교통량이 {LOW_LIMIT:,}대보다 적은 날은 며칠입니까?",
                        number(int((WEEKS < LOW_LIMIT).sum())),
                        formula=f'=COUNTIF(C{{first}}:C{{last}},"<{LOW_LIMIT}")',
                    ),
                    Question(
                        "추석 연휴 바로 전 평일(9월 27일 수요일)은 한 주 전 수요일(9월 20일)보다 "
                        "교통량이 많습니까? (TRUE 또는 FALSE)",
                        boolean(bool(SERIES["2023-09-27"] > SERIES["2023-09-20"])),
                    ),
                ),
                hint='가장 적은 날은 추석 연휴 안에 있습니다. COUNTIF의 조건은 "<35000"처럼 '
                "따옴표로 감싸 적습니다.",
            ),
        ),
        Step(
            title="가장 쉬운 예측: 지난주 같은 요일",
            explanation=(
                "가장 쉬운 예측은 '다음 주 월요일은 이번 주 월요일과 같다'고 보는 것입니다. "
                "이를 계절 단순 예측이라고 합니다. 평소에는 꽤 잘 맞아서, 다른 예측 방법이 "
                "쓸 만한지 견주는 기준으로 씁니다.",
                "예측이 얼마나 틀렸는지는 오차 = |실제 − 예측|으로 잽니다. 엑셀에서는 "
                "=ABS(실제-예측)입니다. 오차들의 평균을 평균 절대 오차라고 합니다.",
                "이 방법은 달력을 모릅니다. 명절이 낀 주에는 지난주 값을 그대로 쓰니 크게 "
                "틀리고, 명절 다음 주에는 명절의 낮은 값을 그대로 따라 해서 또 틀립니다.",
            ),
            example_columns=("날짜", "실제", "예측(지난주)", "오차"),
            example_rows=((dt.date(2023, 9, 18), 44363, 42355, 2008),),
            exercise=Exercise(
                prompt="추석이 낀 두 주입니다. '예측(지난주 같은 요일)' 열은 7일 전 교통량입니다. "
                "'오차' 열에 날마다 |실제 − 예측|을 구하세요. 그다음 아래 문제에 답하세요.",
                columns=("날짜", "요일", "실제 교통량", "예측(지난주 같은 요일)"),
                rows=tuple(
                    (_day(stamp), WEEKDAYS[stamp.weekday()], int(NAIVE_DAYS[stamp]), int(before))
                    for stamp, before in NAIVE.items()
                ),
                answer_header="오차",
                row_checks=tuple(number(error) for error in NAIVE_ERRORS),
                row_formula="=ABS(C{row}-D{row})",
                questions=(
                    Question(
                        "두 주의 평균 절대 오차는 몇 대입니까? (소수점은 반올림해도 됩니다)",
                        number(NAIVE_ERRORS.mean(), tolerance=0.5),
                        formula="=AVERAGE(E{first}:E{last})",
                    ),
                    Question(
                        "오차가 가장 큰 날은 언제입니까?",
                        date(_day(NAIVE_ERRORS.idxmax())),
                        formula="=INDEX(A{first}:A{last},MATCH(MAX(E{first}:E{last}),"
                        "E{first}:E{last},0))",
                    ),
                    Question(
                        "지난주 같은 요일 예측은 추석이 온다는 것을 알고 값을 낮춥니까? "
                        "(TRUE 또는 FALSE)",
                        boolean(False),
                    ),
                ),
                hint="오차는 언제나 0 이상입니다. 추석 연휴(9월 28일~30일)와 그다음 주 "
                "같은 요일의 오차를 살펴보세요.",
            ),
        ),
        Step(
            title="FORECAST_TRAFFIC로 설날까지 예측하기",
            explanation=(
                "=DADEUM.FORECAST_TRAFFIC(날짜 범위, 교통량 범위, 예측할 일수)는 여러 예측 "
                "방법을 과거 기록으로 미리 시험해 보고 가장 잘 맞은 방법으로 예측합니다. "
                "공휴일과 음력 설날·추석, 대체공휴일을 압니다.",
                "결과는 한 칸이 아니라 표로 펼쳐집니다(스필). 첫 행은 머리글(날짜, 예측, 하한, "
                "상한)이고 그 아래에 예측할 날마다 한 행씩 나옵니다. 넣은 칸의 오른쪽과 아래가 "
                "비어 있어야 합니다. 표 오른쪽의 빈 칸에 넣어 보세요.",
                "값 하나만 필요하면 INDEX(결과, 행, 열)로 꺼냅니다. 예를 들어 "
                "=INDEX(DADEUM.FORECAST_TRAFFIC(…),2,2)는 예측 첫날의 예측값입니다.",
                "하한과 상한 사이를 예측 구간이라고 합니다. 실제 값이 이 안에 들 확률이 "
                "95%가 되도록 맞춘 범위입니다. 명절처럼 드문 날은 구간이 더 넓습니다.",
                "명절을 제대로 예측하려면 과거 기록에 명절이 한 번 이상 들어 있어야 합니다. "
                "여기서는 2023년 추석이 든 다섯 달치 기록을 씁니다.",
            ),
            example_columns=("날짜", "예측", "하한", "상한"),
            example_rows=(
                (
                    _day(RESULT.table["날짜"].iloc[0]),
                    *(round(RESULT.table[c].iloc[0]) for c in ("예측", "하한", "상한")),
                ),
                ("…", "…", "…", "…"),
            ),
            exercise=Exercise(
                prompt="2023년 9월 1일부터 2024년 1월 31일까지의 교통량입니다. 다음 14일"
                "(2월 1일~14일, 설날 연휴 포함)을 예측하고 아래 문제에 답하세요. 문제 아래의 "
                "'수식 예'를 그대로 넣으면 됩니다.",
                columns=COLUMNS,
                rows=_rows(HISTORY, weekday=True, holidays=True),
                questions=(
                    Question(
                        "예측 결과는 머리글을 포함해 몇 행으로 펼쳐집니까?",
                        number(HORIZON + 1),
                        formula=f"=ROWS({FORECAST})",
                    ),
                    Question(
                        "예측 첫날(결과의 2행 1열)은 언제입니까?",
                        date(_day(ACTUAL.index[0])),
                        formula=f"=INDEX({FORECAST},2,1)",
                    ),
                    Question(
                        "설날 당일(2월 10일)의 예측 교통량을 정수로 반올림하면 몇 대입니까?",
                        number(round(SEOLLAL_FORECAST["예측"]), tolerance=1),
                        formula=f"=ROUND(INDEX({FORECAST},{SEOLLAL_ROW},2),0)",
                    ),
                    Question(
                        "설날 당일 예측 구간의 하한을 정수로 반올림하면 몇 대입니까?",
                        number(round(SEOLLAL_FORECAST["하한"]), tolerance=1),
                        formula=f"=ROUND(INDEX({FORECAST},{SEOLLAL_ROW},3),0)",
                    ),
                    Question(
                        f"실제로 2월 10일에는 {int(ACTUAL[SEOLLAL]):,}대가 지나갔습니다. 이 값은 "
                        "예측 구간(하한~상한) 안에 듭니까? (TRUE 또는 FALSE)",
                        boolean(
                            bool(
                                SEOLLAL_FORECAST["하한"]
                                <= ACTUAL[SEOLLAL]
                                <= SEOLLAL_FORECAST["상한"]
                            )
                        ),
                    ),
                ),
                hint="2월 1일이 결과의 2행이므로 2월 10일은 11행입니다. 2열은 예측, 3열은 하한, "
                "4열은 상한입니다.",
            ),
        ),
        Step(
            title="예측을 얼마나 믿을까: FORECAST_ACCURACY",
            explanation=(
                "=DADEUM.FORECAST_ACCURACY(날짜 범위, 교통량 범위, 일수)는 FORECAST_TRAFFIC가 "
                "방법을 고를 때 한 시험(백테스트)의 성적표를 펼칩니다. 기록의 끝부분을 가리고 "
                "그 앞부분만으로 예측한 다음, 가린 실제 값과 견주는 시험을 세 번 합니다.",
                "열은 모델, MASE, sMAPE, 구간 적중률, 선택입니다. MASE는 오차를 '지난주 같은 "
                "요일' 방식이 과거 기록에서 낸 평균 오차로 나눈 값입니다. 1보다 작으면 그보다 "
                "정확하고, 0.8이면 오차가 20% 작다는 뜻입니다.",
                "sMAPE는 오차를 백분율(%)로 나타낸 값이고, 구간 적중률은 실제 값이 예측 "
                "구간 안에 든 비율(%)입니다. 95%에 가까우면 구간을 믿을 만합니다. '선택' "
                "열에 표시된 것이 FORECAST_TRAFFIC가 쓴 예측입니다. 시험 세 번만으로 한 "
                "모델을 고르면 빗나가기 쉬워, 대개는 성적이 가장 좋은 모델과 크게 다르지 않은 "
                "모델들의 예측을 날짜마다 가운데 값으로 묶은 '중앙값 조합'을 씁니다.",
                "아래 예시는 같은 지점의 기록이 10주뿐일 때의 검증 표입니다. 기록에 명절이 "
                "없으니 공휴일·명절을 배우는 달력 회귀가 오히려 가장 나쁩니다.",
            ),
            example_columns=("모델", "MASE", "sMAPE", "구간 적중률", "선택"),
            example_rows=tuple(tuple(row) for row in SHORT_ACCURACY.itertuples(index=False)),
            exercise=Exercise(
                prompt="3단계와 같은 교통량 기록입니다. 검증 표를 펼쳐 보고(예: 표 오른쪽 빈 "
                "칸에 =DADEUM.FORECAST_ACCURACY(…)) 아래 문제에 답하세요.",
                columns=COLUMNS,
                rows=_rows(HISTORY, weekday=True, holidays=True),
                questions=(
                    Question(
                        "비교한 후보 모델은 몇 개입니까? (머리글 행은 빼고 셉니다)",
                        number(len(ACCURACY)),
                        formula=f"=ROWS({ACCURACY_CALL})-1",
                    ),
                    Question(
                        "계절 단순 예측(표의 첫 모델)의 MASE는 얼마입니까?",
                        number(ACCURACY["MASE"].iloc[0], tolerance=0.0005),
                        formula=f"=INDEX({ACCURACY_CALL},2,2)",
                    ),
                    Question(
                        "표에서 가장 작은 MASE는 얼마입니까? 다듬은 MASE가 이 값의 1.6배 안에 "
                        "드는 모델들의 예측을 날짜마다 중앙값으로 묶어 씁니다.",
                        number(BEST_MASE, tolerance=0.0005),
                        formula=f"=MIN(INDEX({ACCURACY_CALL},0,2))",
                    ),
                    Question(
                        "어떤 모델의 MASE가 0.75라면, 지난주 같은 요일 방식보다 오차가 몇 % "
                        "작습니까? (숫자만)",
                        number(25),
                    ),
                    Question(
                        "구간 적중률이 60%라면 '95% 예측 구간'을 그대로 믿어도 됩니까? "
                        "(TRUE 또는 FALSE)",
                        boolean(False),
                    ),
                ),
                hint="INDEX(결과,0,2)는 결과의 2열(MASE) 전체입니다. MIN은 머리글 글자를 "
                "건너뜁니다. MASE 0.75는 오차가 기준의 75%라는 뜻입니다.",
            ),
        ),
    ),
)
