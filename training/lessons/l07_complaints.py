"""Lesson 7: from a 민원 접수 대장 to counts per day and a forecast (COUNT_BY_PERIOD,
FORECAST_COMPLAINTS).

A small 행정복지센터's register over the two weeks around 추석 2024 (``complaint_records``
thinned to about a fifth, seeded), a city hall's daily counts around the same 추석, and seven
months of daily counts forecast over 설날 2025. Counts are computed here with pandas from the
records; forecast answers with the engine the add-in calls (deterministic).
"""

import numpy as np
import pandas as pd

from dadeum.engine import forecast as engine
from dadeum.engine.forecast.calendar import holiday_names
from dadeum.samples.series import complaint_records, daily_complaints
from training.model import Exercise, Lesson, Question, Step, boolean, date, number

WEEKDAYS = "월화수목금토일"
KINDS = (
    "전입신고",
    "주민등록등본 발급",
    "인감증명 발급",
    "여권 접수",
    "복지 상담",
    "불법 주정차 신고",
    "도로 파손 신고",
    "생활 쓰레기 민원",
)


def _register() -> pd.DataFrame:
    """About a fifth of a city hall's 민원, as one 동 would receive them (a thinned Poisson
    process is still Poisson, so the weekday and after-holiday pattern stays)."""
    records = complaint_records(start="2024-09-09", days=14, seed=3)
    rng = np.random.default_rng(8)
    records = records[rng.random(len(records)) < 0.18].reset_index(drop=True)
    kinds = rng.choice(len(KINDS), size=len(records))
    return pd.DataFrame(
        {
            "접수번호": [f"2024-{1201 + i:04d}" for i in range(len(records))],
            "접수일시": [stamp.to_pydatetime() for stamp in records],
            "민원 종류": [KINDS[k] for k in kinds],
        }
    )


REGISTER = _register()
_DAYS = pd.to_datetime(REGISTER["접수일시"]).dt.normalize()
FIRST_DAY, LAST_DAY = _DAYS.min(), _DAYS.max()
PER_DAY = _DAYS.value_counts().reindex(pd.date_range(FIRST_DAY, LAST_DAY), fill_value=0)
WEEKS = _DAYS.dt.to_period("W-SUN").nunique()
AFTER_CHUSEOK = pd.Timestamp("2024-09-19")
CHUSEOK = pd.Timestamp("2024-09-17")


def _period_row(day: pd.Timestamp) -> int:
    """Row of ``day`` in COUNT_BY_PERIOD's daily result (row 1 is the header)."""
    return 2 + (day - FIRST_DAY).days


COUNTS = "DADEUM.COUNT_BY_PERIOD(B{first}:B{last})"

# Step 2: a city hall's daily counts over five weeks around 추석 2024.
DAILY = daily_complaints(start="2024-07-01", days=270, seed=3)
AROUND = DAILY["2024-09-02":"2024-10-06"]

# Step 3: seven months of history, 21 days ahead over 설날 2025.
HISTORY = DAILY[:"2025-01-17"]
ACTUAL = DAILY["2025-01-18":"2025-02-07"]
HORIZON = 21
RESULT = engine.forecast(list(HISTORY.index), list(HISTORY.to_numpy()), HORIZON, kind="complaints")
SEOLLAL = pd.Timestamp("2025-01-29")
AFTER_SEOLLAL = pd.Timestamp("2025-01-31")


def _forecast_row(day: pd.Timestamp) -> int:
    return 2 + (day - ACTUAL.index[0]).days


def _forecast_at(day: pd.Timestamp) -> pd.Series:
    return RESULT.table.iloc[_forecast_row(day) - 2]


FORECAST = "DADEUM.FORECAST_COMPLAINTS(A{first}:A{last},C{first}:C{last},21)"
COLUMNS = ("날짜", "요일", "접수 건수", "비고(공휴일·명절)")


def _daily_rows(series: pd.Series) -> tuple:
    names = holiday_names(series.index[0], series.index[-1])
    return tuple(
        (stamp.date(), WEEKDAYS[stamp.weekday()], int(value), names.get(stamp, ""))
        for stamp, value in series.items()
    )


LESSON = Lesson(
    number=7,
    title="민원 건수 예측",
    minutes=30,
    goal="한 건에 한 행인 민원 접수 대장을 날짜별 건수로 바꾸고, 명절 연휴 앞뒤의 민원 건수를 "
    "예측해 창구 인력과 일정을 미리 준비하는 법을 익힙니다.",
    outcomes=(
        "접수 대장을 COUNT_BY_PERIOD로 일별·주별 건수 표로 바꿀 수 있습니다.",
        "민원이 요일과 연휴에 따라 어떻게 몰리는지 건수 표에서 찾을 수 있습니다.",
        "FORECAST_COMPLAINTS로 다음 몇 주의 민원 건수와 그 범위를 예측하고 읽을 수 있습니다.",
    ),
    data_note="이 통합 문서의 민원 기록과 건수는 연습용으로 만든 가상 자료입니다. 공휴일·설날·"
    "추석 날짜는 실제 달력을 따릅니다.",
    steps=(
        Step(
            title="접수 대장을 날짜별 건수로: COUNT_BY_PERIOD",
            explanation=(
                "민원 접수 대장은 민원 한 건이 한 행입니다. 예측하려면 먼저 '날마다 몇 건'인 "
                "표로 바꿔야 합니다. 피벗 테이블로도 되지만, 민원이 한 건도 없는 날(주말, "
                "공휴일)은 빠져 버립니다.",
                "=DADEUM.COUNT_BY_PERIOD(접수일시 범위)는 날짜, 건수 두 열의 표를 펼칩니다. "
                "첫날부터 마지막 날까지 하루도 빠짐없이 넣고, 없는 날은 0건으로 적습니다. "
                "접수 시각이 붙어 있어도, 행 순서가 섞여 있어도 됩니다.",
                '두 번째 값으로 "week"(주별, 월요일 시작)나 "month"(월별)를 주면 주·월 단위로 '
                "셉니다. 값 하나만 필요하면 INDEX(결과, 행, 열)로 꺼냅니다. 1행은 머리글입니다.",
            ),
            example_columns=("날짜", "건수"),
            example_rows=(
                (FIRST_DAY.date(), int(PER_DAY.iloc[0])),
                ((FIRST_DAY + pd.Timedelta(days=1)).date(), int(PER_DAY.iloc[1])),
                ("…", "…"),
            ),
            exercise=Exercise(
                prompt="어느 동 행정복지센터의 2주 동안 민원 접수 대장입니다(추석 연휴 포함). "
                "아래 문제에 답하세요. 다듬이 없으면 COUNTIFS로 세어도 됩니다.",
                columns=tuple(REGISTER.columns),
                rows=tuple(tuple(row) for row in REGISTER.itertuples(index=False)),
                questions=(
                    Question(
                        "일별 건수 표는 머리글을 빼고 몇 행입니까? (첫 접수일부터 마지막 "
                        "접수일까지의 날수)",
                        number(len(PER_DAY)),
                        formula=f"=ROWS({COUNTS})-1",
                    ),
                    Question(
                        "추석 연휴 다음 날인 9월 19일에는 몇 건이 접수되었습니까?",
                        number(int(PER_DAY[AFTER_CHUSEOK])),
                        formula=f"=INDEX({COUNTS},{_period_row(AFTER_CHUSEOK)},2)",
                    ),
                    Question(
                        "추석 당일인 9월 17일은 표에 몇 건으로 나옵니까?",
                        number(int(PER_DAY[CHUSEOK])),
                        formula=f"=INDEX({COUNTS},{_period_row(CHUSEOK)},2)",
                    ),
                    Question(
                        "주별로 세면 머리글을 빼고 몇 행입니까?",
                        number(WEEKS),
                        formula='=ROWS(DADEUM.COUNT_BY_PERIOD(B{first}:B{last},"week"))-1',
                    ),
                ),
                hint=f"결과의 2행이 첫 접수일(9월 9일)이므로 9월 19일은 "
                f"{_period_row(AFTER_CHUSEOK)}행입니다. 직접 세려면 "
                '=COUNTIFS(B:B,">="&DATE(2024,9,19),B:B,"<"&DATE(2024,9,20))처럼 씁니다.',
            ),
        ),
        Step(
            title="민원은 언제 몰리나: 요일과 연휴 다음 날",
            explanation=(
                "민원 건수에는 뚜렷한 규칙이 있습니다. 주말과 공휴일에는 0건이고, 월요일이 "
                "가장 많으며 금요일로 갈수록 줄어듭니다.",
                "긴 연휴 다음 첫 근무일에는 쉬는 동안 밀린 민원이 한꺼번에 몰립니다. 이날 "
                "창구 인력을 더 두면 대기 시간을 줄일 수 있습니다.",
            ),
            exercise=Exercise(
                prompt="시청 민원실의 2024년 9월 2일부터 5주 동안의 하루 접수 건수입니다. 표를 "
                "보고 아래 문제에 답하세요.",
                columns=COLUMNS,
                rows=_daily_rows(AROUND),
                questions=(
                    Question(
                        "가장 많이 접수된 날은 언제입니까?",
                        date(AROUND.idxmax().date()),
                        formula="=INDEX(A{first}:A{last},MATCH(MAX(C{first}:C{last}),"
                        "C{first}:C{last},0))",
                    ),
                    Question(
                        "그날은 몇 건입니까?",
                        number(AROUND.max()),
                        formula="=MAX(C{first}:C{last})",
                    ),
                    Question(
                        "접수가 0건인 날(주말·공휴일)은 며칠입니까?",
                        number(int((AROUND == 0).sum())),
                        formula="=COUNTIF(C{first}:C{last},0)",
                    ),
                    Question(
                        "접수가 있었던 날의 하루 평균은 몇 건입니까? (소수 첫째 자리까지)",
                        # Exact mean; the tolerance takes any answer rounded to one decimal.
                        number(AROUND[AROUND > 0].mean(), tolerance=0.051),
                        formula='=ROUND(AVERAGEIF(C{first}:C{last},">0"),1)',
                    ),
                    Question(
                        "10월 1일(화)이 0건인 것은 자료가 잘못된 것입니까? (TRUE 또는 FALSE)",
                        boolean(False),
                    ),
                ),
                hint="2024년 10월 1일 국군의 날은 임시공휴일이었습니다. 비고 열을 보세요. "
                'AVERAGEIF의 조건 ">0"은 0건인 날을 빼고 평균을 냅니다.',
            ),
        ),
        Step(
            title="FORECAST_COMPLAINTS로 설날 앞뒤 예측하기",
            explanation=(
                "=DADEUM.FORECAST_COMPLAINTS(날짜 범위, 건수 범위, 예측할 일수)는 6번 학습의 "
                "FORECAST_TRAFFIC와 같은 방식으로 예측하되, 민원의 성질을 압니다. 주말·공휴일은 "
                "0건, 연휴 다음 날은 몰림, 예측과 하한은 0보다 작아지지 않습니다.",
                "결과는 날짜, 예측, 하한, 상한 네 열로 펼쳐지고 1행은 머리글입니다. 예측은 "
                "소수로 나오므로 인력 계획에는 반올림하거나 상한을 씁니다.",
                "INDEX(결과,0,2)는 예측 열 전체입니다. =SUM(INDEX(결과,0,2))처럼 감싸면 예측 "
                "기간의 총 건수를 얻습니다(머리글 글자는 SUM이 건너뜁니다).",
            ),
            example_columns=("날짜", "예측", "하한", "상한"),
            example_rows=(
                (
                    RESULT.table["날짜"].iloc[2].date(),
                    *(round(float(RESULT.table[c].iloc[2]), 1) for c in ("예측", "하한", "상한")),
                ),
                ("…", "…", "…", "…"),
            ),
            exercise=Exercise(
                prompt="시청 민원실의 2024년 7월 1일부터 2025년 1월 17일까지의 하루 접수 "
                "건수입니다. 다음 21일(1월 18일~2월 7일, 설날 연휴 포함)을 예측하고 아래 문제에 "
                "답하세요.",
                columns=COLUMNS,
                rows=_daily_rows(HISTORY),
                questions=(
                    Question(
                        "예측 결과는 머리글을 포함해 몇 행입니까?",
                        number(HORIZON + 1),
                        formula=f"=ROWS({FORECAST})",
                    ),
                    Question(
                        "설날 당일(1월 29일)의 예측을 정수로 반올림하면 몇 건입니까?",
                        number(round(_forecast_at(SEOLLAL)["예측"]), tolerance=0.5),
                        formula=f"=ROUND(INDEX({FORECAST},{_forecast_row(SEOLLAL)},2),0)",
                    ),
                    Question(
                        "연휴 다음 첫 근무일(1월 31일)의 예측을 정수로 반올림하면 몇 건입니까?",
                        number(round(_forecast_at(AFTER_SEOLLAL)["예측"]), tolerance=1),
                        formula=f"=ROUND(INDEX({FORECAST},{_forecast_row(AFTER_SEOLLAL)},2),0)",
                    ),
                    Question(
                        "21일 동안의 예측 건수를 모두 더해 정수로 반올림하면 몇 건입니까?",
                        number(round(RESULT.table["예측"].sum()), tolerance=1),
                        formula=f"=ROUND(SUM(INDEX({FORECAST},0,2)),0)",
                    ),
                    Question(
                        f"실제로 1월 31일에는 {int(ACTUAL[AFTER_SEOLLAL])}건이 접수되었습니다. "
                        "예측 구간(하한~상한) 안에 듭니까? (TRUE 또는 FALSE)",
                        boolean(
                            bool(
                                _forecast_at(AFTER_SEOLLAL)["하한"]
                                <= ACTUAL[AFTER_SEOLLAL]
                                <= _forecast_at(AFTER_SEOLLAL)["상한"]
                            )
                        ),
                    ),
                ),
                hint=f"1월 18일이 결과의 2행이므로 1월 29일은 {_forecast_row(SEOLLAL)}행, "
                f"1월 31일은 {_forecast_row(AFTER_SEOLLAL)}행입니다. 2025년 "
                "설 연휴는 임시공휴일(1월 27일)을 더해 토요일부터 엿새입니다.",
            ),
        ),
    ),
)
