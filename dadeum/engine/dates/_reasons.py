"""Why a value is not a date, in the short Korean an official would write, and the limits
the reasons quote.

Kept apart from the parsing so the wording can be read and reviewed in one place.
"""

import numpy as np

MIN_YEAR = 1900
# Excel's last date, 9999-12-31, is serial 2958465.
MAX_SERIAL = 2958465
WEEKDAYS = ("월", "화", "수", "목", "금", "토", "일")

# Reasons (short Korean, as an official would write them).
NOT_A_DATE = "날짜로 읽을 수 없습니다"
NO_YEAR = "연도가 없어 날짜를 정할 수 없습니다"
TIME_ONLY = "시각만 있고 날짜가 없습니다"
RANGE = "기간(~)은 날짜 하나로 바꿀 수 없습니다"
BEFORE_1900 = "1900년 이전 날짜는 엑셀에서 쓸 수 없습니다"
YEAR_OR_SERIAL = "연도인지 엑셀 날짜 일련번호인지 알 수 없습니다. 연도라면 '2014년'처럼 적어 주세요"
SLASH_TWO_DIGIT_YEAR = (
    "연도가 두 자리라 어느 쪽이 연도인지 알 수 없습니다. '2023/03/05'처럼 네 자리로 적어 주세요"
)
TWO_DIGIT_PERIOD = "두 자리 연도의 기간은 '23.07이나 23년 7월처럼 적어 주세요"
TWO_DIGIT_YEAR = "두 자리 연도만 있으면 '23년이나 2023년처럼 적어 주세요"
PERIOD_WITH_TIME = "월·분기·연도 같은 기간에는 요일이나 시각을 붙일 수 없습니다"
MIXED_SEPARATORS = "구분 기호가 섞여 있어 날짜인지 1/4·1/2 같은 기간인지 알 수 없습니다"
COMPACT_INVALID = "8자리 숫자를 연월일(YYYYMMDD)로 읽을 수 없습니다"
COMPACT6_INVALID = "6자리 숫자를 연월(YYYYMM)로 읽을 수 없습니다"
NUMBER_NOT_DATE = "날짜로 읽을 수 없는 숫자입니다"
SERIAL_TOO_LARGE = f"엑셀 날짜 일련번호의 범위(1~{MAX_SERIAL:,})를 벗어난 숫자입니다"
NOT_POSITIVE = "0 이하의 숫자는 날짜가 아닙니다"
BOOLEAN = "참/거짓 값은 날짜가 아닙니다"
UNSUPPORTED = "날짜로 바꿀 수 없는 값입니다"


def _ambiguous(first: int, second: int) -> str:
    return (
        f"일/월 순서를 알 수 없습니다({first}월 {second}일인지 {second}월 {first}일인지). "
        "'2023-03-05'처럼 연-월-일 순서로 적어 주세요"
    )


def _tail_junk(tail: str) -> str:
    return f"날짜 뒤에 읽을 수 없는 글자가 있습니다: '{tail.strip()}'"


def _weekday_mismatch(date: np.datetime64, written: int, actual: int) -> str:
    day = str(date.astype("M8[D]"))
    return (
        f"요일이 날짜와 맞지 않습니다({day}: {WEEKDAYS[actual]}요일, "
        f"적힌 요일: {WEEKDAYS[written]}요일)"
    )


def _day_reason(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"{month}월은 없습니다"
    if day < 1 or day > 31:
        return f"{day}일은 없습니다"
    if month == 2 and day == 29:
        return f"{year}년 2월에는 29일이 없습니다(윤년이 아닙니다)"
    return f"{month}월에는 {day}일이 없습니다"


def _time_reason(hour: int, minute: int, second: float, ampm: int) -> str:
    if ampm == 1 and hour > 12:
        return f"오전 {hour}시는 없습니다"
    if hour > 23:
        return f"{hour}시는 없습니다"
    if minute > 59:
        return f"{minute}분은 없습니다"
    return f"{second:g}초는 없습니다"
