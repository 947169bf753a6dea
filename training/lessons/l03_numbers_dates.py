"""Lesson 3: numbers and dates that arrive as text (TO_NUMBER, TO_DATE).

Every expected answer is written down here from the value the messy text was made from, never
by running the converters, so the tests check that the taught formula really earns a ✓.
"""

import datetime as dt

from training.model import Exercise, Lesson, Question, Step, boolean, date, number

# 사업별 예산, typed the ways 예산 자료 arrive from different 부서: (사업, as written, 원).
BUDGET = (
    ("경로당 냉난방비 지원", "12,500,000원", 12_500_000),
    ("어린이 통학로 정비", "3억 5천만원", 350_000_000),
    ("가로등 LED 교체", "4,820천원", 4_820_000),
    ("작은도서관 도서 구입", "２，５００，０００", 2_500_000),
    ("방범 CCTV 설치", "1억2000만 원", 120_000_000),
    ("마을 안길 포장", " 85,000,000 ", 85_000_000),
    ("청년 창업 공간 조성", "9.5억원", 950_000_000),
    ("경로당 안마의자 구입", 4_200_000, 4_200_000),
)

# 읍면동별 인구 증감: (동, 증감 as written, 증감, 증감률 as written, 증감률 or None for a symbol).
CHANGE = (
    ("행복동", "△125", -125, "-1.2%", -0.012),
    ("소망동", "(48)", -48, "-0.5%", -0.005),
    ("평화동", "+230", 230, "2.4%", 0.024),
    ("중앙동", "1,105", 1105, "12.5%", 0.125),
    ("청솔동", "△1,020", -1020, "-", None),
    ("은행동", "0", 0, "…", None),
    ("매화동", "△ 37", -37, "-0.4%", -0.004),
)

# 민원 접수일, one spelling per row: (접수번호, as written, the date it means).
RECEIVED = (
    ("민원-0311", "2025. 3. 5.", dt.date(2025, 3, 5)),
    ("민원-0318", "2025.03.07", dt.date(2025, 3, 7)),
    ("민원-0326", "2025-3-10", dt.date(2025, 3, 10)),
    ("민원-0334", "2025/03/12", dt.date(2025, 3, 12)),
    ("민원-0341", "20250314", dt.date(2025, 3, 14)),
    ("민원-0352", "25.3.17", dt.date(2025, 3, 17)),
    ("민원-0360", "2025년 3월 19일", dt.date(2025, 3, 19)),
    ("민원-0367", "2025. 3. 21.(금)", dt.date(2025, 3, 21)),
    ("민원-0375", "2025-03-26 14:30", dt.date(2025, 3, 26)),
    # An Excel date serial that lost its format when pasted: 45751 days after 1899-12-30.
    ("민원-0388", 45751, dt.date(1899, 12, 30) + dt.timedelta(days=45751)),
)

# 접수일 and 처리일 written by two different people: (접수번호, 접수, 처리, dates they mean).
HANDLED = (
    ("민원-0402", "2025.4.1", "2025-04-03", dt.date(2025, 4, 1), dt.date(2025, 4, 3)),
    ("민원-0405", "2025. 4. 2.", "2025.04.11", dt.date(2025, 4, 2), dt.date(2025, 4, 11)),
    ("민원-0409", "20250403", "2025년 4월 8일", dt.date(2025, 4, 3), dt.date(2025, 4, 8)),
    ("민원-0413", "2025-04-07", "2025. 4. 17.(목)", dt.date(2025, 4, 7), dt.date(2025, 4, 17)),
    ("민원-0420", "2025/04/09", "20250410", dt.date(2025, 4, 9), dt.date(2025, 4, 10)),
    ("민원-0426", "25.4.14", "2025.4.24", dt.date(2025, 4, 14), dt.date(2025, 4, 24)),
    ("민원-0431", "2025년 4월 15일", "2025-04-16", dt.date(2025, 4, 15), dt.date(2025, 4, 16)),
    ("민원-0437", "2025.04.18", "2025. 4. 21.", dt.date(2025, 4, 18), dt.date(2025, 4, 21)),
)
DEADLINE_DAYS = 7
_DAYS = tuple((done - got).days for *_, got, done in HANDLED)

LESSON = Lesson(
    number=3,
    title="숫자·날짜 변환",
    minutes=30,
    goal="글자로 적힌 금액·인구·날짜를 엑셀이 계산할 수 있는 숫자와 날짜로 바꾸고, 바꾼 값으로 "
    "합계·기간을 구합니다.",
    outcomes=(
        "쉼표·단위·만·억이 섞인 금액을 TO_NUMBER로 숫자로 바꿀 수 있습니다.",
        "예산서의 △와 괄호 음수, 백분율, 통계표 기호(-, …)가 어떻게 바뀌는지 압니다.",
        "여러 모양으로 적힌 날짜를 TO_DATE로 엑셀 날짜로 바꿀 수 있습니다.",
        "바꾼 날짜로 처리 기간을 계산하고 기한을 넘긴 건을 셀 수 있습니다.",
    ),
    steps=(
        Step(
            title="글자로 된 금액을 숫자로",
            explanation=(
                "부서마다 금액을 적는 방식이 다릅니다. '12,500,000원', '3억 5천만원', "
                "'4,820천원'은 사람에게는 같은 종류의 값이지만 엑셀에는 모두 글자여서 SUM이 "
                "더하지 않습니다.",
                "수식 =DADEUM.TO_NUMBER(셀)을 쓰면 쉼표와 원·명 같은 단위를 떼고, 천원·만·억은 "
                "곱해서 원 단위 숫자로 돌려줍니다. 이미 숫자인 칸은 그대로 둡니다.",
                "전각 숫자(２，５００)와 앞뒤 빈칸도 알아서 정리합니다. 원래 열은 그대로 두고 "
                "옆 열에 수식을 넣는 것이 좋습니다. 원자료를 고치지 않아야 나중에 확인할 수 "
                "있습니다.",
            ),
            example_columns=("받은 그대로", "TO_NUMBER 결과"),
            example_rows=(
                ("3,120,000원", 3_120_000),
                ("2억 4천만원", 240_000_000),
                ("750천원", 750_000),
            ),
            exercise=Exercise(
                prompt="사업별 예산이 여러 모양으로 적혀 있습니다. '예산(원)' 칸에 원 단위 숫자를 "
                "넣고, 아래 문제에 답하세요.",
                columns=("사업", "예산(받은 그대로)"),
                rows=tuple((name, written) for name, written, _ in BUDGET),
                answer_header="예산(원)",
                row_checks=tuple(number(won) for *_, won in BUDGET),
                row_formula="=DADEUM.TO_NUMBER(B{row})",
                questions=(
                    Question(
                        "'예산(받은 그대로)' 열을 그대로 SUM으로 더하면 얼마가 나옵니까?",
                        number(sum(w for _, w, _ in BUDGET if isinstance(w, int))),
                        formula="=SUM(B{first}:B{last})",
                    ),
                    Question(
                        "여덟 개 사업의 예산 합계는 몇 원입니까?",
                        number(sum(won for *_, won in BUDGET)),
                        formula="=SUM(C{first}:C{last})",
                    ),
                ),
                hint="'천원'은 1,000을, '만'은 10,000을, '억'은 100,000,000을 곱합니다. "
                "'3억 5천만원'은 3억과 5천만을 더한 값입니다.",
            ),
        ),
        Step(
            title="△, 괄호, %, 그리고 통계표 기호",
            explanation=(
                "예산서와 통계표에서는 줄어든 값을 △125나 (48)로 적습니다. TO_NUMBER는 둘 다 "
                "-125, -48 같은 음수로 바꿉니다. 12.5%는 0.125가 됩니다(셀 서식을 %로 바꾸면 "
                "12.5%로 보입니다).",
                "'-', '…', 'x', '비공개'처럼 값이 없다는 뜻의 통계표 기호는 0이 아니라 빈칸이 "
                "됩니다. 0으로 바꾸면 평균이 틀어지기 때문입니다.",
                "TO_NUMBER에 범위를 통째로 주면(예: =DADEUM.TO_NUMBER(C10:C16)) 같은 모양으로 "
                "결과가 펼쳐집니다. 그 결과를 SUM, COUNT, INDEX로 감싸면 한 칸에 값 하나만 얻을 수 "
                "있습니다. INDEX(범위, 4)는 네 번째 값입니다.",
            ),
            example_columns=("받은 그대로", "TO_NUMBER 결과"),
            example_rows=(("△1,000", -1000), ("(350)", -350), ("3.5%", 0.035), ("-", "(빈칸)")),
            exercise=Exercise(
                prompt="읍면동별 인구 증감표입니다. '증감(숫자)' 칸에 B열의 증감을 숫자로 넣고, "
                "C열 증감률에 관한 문제에 답하세요.",
                columns=("읍면동", "전년 대비 증감", "증감률"),
                rows=tuple((dong, written, rate) for dong, written, _, rate, _ in CHANGE),
                answer_header="증감(숫자)",
                row_checks=tuple(number(change) for _, _, change, _, _ in CHANGE),
                row_formula="=DADEUM.TO_NUMBER(B{row})",
                questions=(
                    Question(
                        "일곱 개 동의 인구 증감을 모두 더하면 얼마입니까?",
                        number(sum(change for _, _, change, _, _ in CHANGE)),
                        formula="=SUM(D{first}:D{last})",
                    ),
                    Question(
                        "증감률 열에서 실제 값이 있는 칸(기호가 아닌 칸)은 몇 개입니까?",
                        number(sum(rate is not None for *_, rate in CHANGE)),
                        formula="=COUNT(DADEUM.TO_NUMBER(C{first}:C{last}))",
                    ),
                    Question(
                        "네 번째 동(중앙동)의 증감률을 숫자로 바꾸면 얼마입니까?",
                        number(CHANGE[3][4], tolerance=1e-9),
                        formula="=INDEX(DADEUM.TO_NUMBER(C{first}:C{last}),4)",
                    ),
                ),
                hint="△와 괄호는 음수입니다. '+230'의 더하기 기호는 양수라는 뜻이어서 230입니다. "
                "12.5%를 숫자로 직접 적을 때는 0.125로 적습니다.",
            ),
        ),
        Step(
            title="여러 모양의 날짜를 엑셀 날짜로",
            explanation=(
                "'2025. 3. 5.', '20250314', '25.3.17', '2025년 3월 19일'은 모두 날짜를 뜻하지만 "
                "엑셀에는 글자입니다. 글자 날짜는 정렬하면 순서가 엉키고, 빼서 기간을 구할 수 "
                "없습니다.",
                "수식 =DADEUM.TO_DATE(셀)은 이런 글자를 엑셀 날짜로 바꿉니다. 요일이 붙은 날짜는 "
                "요일이 맞는지도 확인하고, 시각은 날짜와 함께 남깁니다. 45751처럼 서식이 풀려 "
                "숫자로 보이는 날짜(엑셀 날짜 일련번호)도 날짜로 돌려줍니다.",
                "결과 칸이 숫자로 보이면 셀 서식을 '날짜'로 바꾸세요. 값은 이미 날짜입니다.",
            ),
            example_columns=("받은 그대로", "TO_DATE 결과"),
            example_rows=(
                ("2024. 12. 31.", dt.date(2024, 12, 31)),
                ("24.1.5", dt.date(2024, 1, 5)),
                ("2024년 2월 9일(금)", dt.date(2024, 2, 9)),
            ),
            exercise=Exercise(
                prompt="민원 접수일이 여러 모양으로 적혀 있습니다. '접수일(날짜)' 칸에 날짜를 "
                "넣고, 아래 문제에 답하세요.",
                columns=("접수번호", "접수일(받은 그대로)"),
                rows=tuple((no, written) for no, written, _ in RECEIVED),
                answer_header="접수일(날짜)",
                row_checks=tuple(date(day) for *_, day in RECEIVED),
                row_formula="=DADEUM.TO_DATE(B{row})",
                questions=(
                    Question(
                        "가장 늦게 접수된 날짜는 언제입니까?",
                        date(max(day for *_, day in RECEIVED)),
                        formula="=MAX(C{first}:C{last})",
                    ),
                    Question(
                        "3월에 접수된 민원은 몇 건입니까?",
                        number(sum(day.month == 3 for *_, day in RECEIVED)),
                        formula="=SUMPRODUCT(--(MONTH(C{first}:C{last})=3))",
                    ),
                ),
                hint="'25.3.17'의 25는 2025년입니다. 45751은 1899년 12월 30일부터 센 날수라서 "
                "2025년 4월 4일입니다. 날짜를 직접 적을 때는 2025-03-05처럼 적으면 됩니다.",
            ),
        ),
        Step(
            title="날짜로 처리 기간 계산하기",
            explanation=(
                "날짜는 속으로 날수이므로 처리일에서 접수일을 빼면 걸린 날수가 나옵니다. "
                "두 칸이 모두 글자라면 한 수식 안에서 둘 다 바꿔서 빼면 됩니다.",
                "TO_DATE는 뜻이 분명하지 않은 값은 추측하지 않습니다. 03/05/2025는 3월 5일인지 "
                "5월 3일인지 알 수 없고, 2025.2.30은 없는 날짜라서 #VALUE!가 됩니다. 칸에 "
                "마우스를 올리면 이유가 보입니다. 오류 대신 원래 값을 남기려면 두 번째 인수로 "
                '"keep"을, 빈칸으로 두려면 "blank"를 줍니다.',
            ),
            example_columns=("접수일", "처리일", "처리 일수"),
            example_rows=(("2025.1.6", "2025-01-09", 3), ("20250110", "2025. 1. 20.", 10)),
            exercise=Exercise(
                prompt=f"민원 처리 기한은 {DEADLINE_DAYS}일입니다. '처리 일수' 칸에 접수일부터 "
                "처리일까지 걸린 날수를 넣고, 아래 문제에 답하세요.",
                columns=("접수번호", "접수일", "처리일"),
                rows=tuple(row[:3] for row in HANDLED),
                answer_header="처리 일수",
                row_checks=tuple(number(days) for days in _DAYS),
                row_formula="=DADEUM.TO_DATE(C{row})-DADEUM.TO_DATE(B{row})",
                questions=(
                    Question(
                        f"처리 기한({DEADLINE_DAYS}일)을 넘긴 민원은 몇 건입니까?",
                        number(sum(days > DEADLINE_DAYS for days in _DAYS)),
                        formula=f'=COUNTIF(D{{first}}:D{{last}},">{DEADLINE_DAYS}")',
                    ),
                    Question(
                        "평균 처리 일수는 며칠입니까? (소수 둘째 자리까지)",
                        number(round(sum(_DAYS) / len(_DAYS), 2), tolerance=0.005),
                        formula="=ROUND(AVERAGE(D{first}:D{last}),2)",
                    ),
                    Question(
                        "2025.2.30을 TO_DATE로 바꾸면 오류가 납니까? (TRUE 또는 FALSE)",
                        boolean(True),
                        formula='=ISERROR(DADEUM.TO_DATE("2025.2.30"))',
                    ),
                ),
                hint="결과가 날짜 모양(1900-01-03 등)으로 보이면 셀 서식을 '일반'이나 '숫자'로 "
                "바꾸세요. 2월은 28일(윤년은 29일)까지입니다.",
            ),
        ),
    ),
)
