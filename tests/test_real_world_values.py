"""Values as they appear in real public Korean spreadsheets, with the answer an official expects.

The expectations were written from how the files look (KOSIS tables, 지방재정 예산서·결산서
exports, 민원 접수 대장, 공공데이터포털 CSVs, 시·군·구 현황표, TAAS, 주민등록인구) before
running the converters. Where a converter's documented choice differs from a first guess, the
test follows the documented choice and says why.
"""

import math
from datetime import datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from dadeum.engine.addresses import split_address, split_address_series
from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.columns import clean_frame, detect_column_type
from dadeum.engine.dates import to_date, to_date_series
from dadeum.engine.identifiers import check_id, check_id_series
from dadeum.engine.numbers import to_number, to_number_series
from dadeum.engine.phones import to_phone, to_phone_series

ERR = "ERR"  # a CellError is expected
PH = "PH"  # a Placeholder (statistical "no value" symbol) is expected
NBSP = "\u00a0"


def _check(actual, expected, value):
    if expected == ERR:
        assert isinstance(actual, CellError), f"{value!r} → {actual!r}, expected an error"
    elif expected == PH:
        assert isinstance(actual, Placeholder), f"{value!r} → {actual!r}, expected a placeholder"
    elif expected is None:
        assert actual is None, f"{value!r} → {actual!r}, expected a blank"
    elif isinstance(expected, float):
        assert isinstance(actual, float), f"{value!r} → {actual!r}, expected {expected!r}"
        # Exact: an official compares with what Excel shows for the same amount.
        assert actual == expected, f"{value!r} → {actual!r}, expected {expected!r}"
    else:
        assert actual == expected, f"{value!r} → {actual!r}, expected {expected!r}"


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------

NUMBERS = [
    # KOSIS and 주민등록인구 tables: thousands separators, decimals, plain zero.
    ("1,234,567", 1234567.0),
    ("12,345.6", 12345.6),
    ("0.0", 0.0),
    ("0", 0.0),
    ("1,234.50", 1234.5),
    ("9,730,406", 9730406.0),
    ("51,325,329", 51325329.0),
    ("1234", 1234.0),
    ("+1,234", 1234.0),
    (".5", 0.5),
    ("1.2e3", 1200.0),
    ("1.23457E+11", 123457000000.0),  # Excel's General format in a CSV export
    ("1.5E-03", 0.0015),
    # Spaces around and inside.
    ("1,234 ", 1234.0),
    (" 1,234", 1234.0),
    (f"{NBSP}1,234{NBSP}", 1234.0),
    ("1 234", 1234.0),
    ("1 234 567", 1234567.0),
    ("\t1,234\n", 1234.0),
    ("' 1234", 1234.0),  # text-forced cell exported with its apostrophe
    ("'1,234", 1234.0),
    # Malformed separators are not guessed.
    ("12,34", ERR),
    ("1,23,456", ERR),
    ("1.234.567", ERR),  # European grouping never appears in Korean tables
    # Statistical symbols.
    ("-", PH),
    ("…", PH),
    ("...", PH),
    ("x", PH),
    ("X", PH),
    ("－", PH),
    ("―", PH),
    ("비공개", PH),
    ("해당없음", PH),
    # Accounting negatives.
    ("(12)", -12.0),
    ("(1,234)", -1234.0),
    ("△12", -12.0),
    ("△ 1,234", -1234.0),
    ("-1,234", -1234.0),
    ("−1,234", -1234.0),
    ("1,234-", -1234.0),
    ("-0.5", -0.5),
    # Currency and units.
    ("₩1,000", 1000.0),
    ("￦1,000", 1000.0),
    ("1,000원", 1000.0),
    ("1,000 원", 1000.0),
    ("5만원", 50000.0),
    ("5만 원", 50000.0),
    ("2,345천원", 2345000.0),
    ("1,234백만원", 1234000000.0),
    ("12억 3,456만 7,890원", 1234567890.0),
    ("3억 5천만원", 350000000.0),
    ("2조 3,400억", 2340000000000.0),
    ("1.5천", 1500.0),
    ("12만", 120000.0),
    ("1억", 100000000.0),
    ("1,234명", 1234.0),
    ("123건", 123.0),
    ("12대", 12.0),
    ("12.5㎡", 12.5),
    ("1,234 ㎡", 1234.0),
    ("3개", 3.0),
    ("15세", 15.0),
    ("10,000 천원", 10000000.0),
    # Percentages become fractions, as Excel stores them.
    ("100.5%", 1.005),
    ("12.5%", 0.125),
    ("1.1%", 0.011),
    ("-3.2%", -0.032),
    ("3.5%p", 0.035),  # a difference of percentages, on the same scale as the percentages
    # Full-width digits (HWP copies).
    ("１，２３４", 1234.0),
    ("１２３４원", 1234.0),
    # Footnote and provisional marks that follow a figure.
    ("1,234*", 1234.0),
    ("1,234p", 1234.0),
    ("1,234 p)", 1234.0),
    ("1,234(잠정)", 1234.0),
    ("1,234¹⁾", 1234.0),
    ("1,234 (p)", 1234.0),
    ("1,234e)", 1234.0),
    ("(1,234)*", -1234.0),
    ("1,234 -", -1234.0),
    # Not a number.
    ("(단위:천원)", ERR),
    ("(단위: 명, %)", ERR),
    ("소계", ERR),
    ("합계", ERR),
    ("#DIV/0!", ERR),
    ("#N/A", ERR),
    ("#VALUE!", ERR),
    ("TRUE", ERR),
    ("FALSE", ERR),
    ("2024-01-05", ERR),
    ("010-1234-5678", ERR),
    ("1~5", ERR),
    ("서울특별시", ERR),
    # Blanks.
    ("", None),
    ("   ", None),
    (NBSP, None),
]


@pytest.mark.parametrize(("value", "expected"), NUMBERS)
def test_to_number_real_values(value, expected):
    _check(to_number(value), expected, value)


def test_to_number_real_values_as_one_column():
    values = pd.Series([value for value, _ in NUMBERS], index=range(100, 100 + len(NUMBERS)))
    result = to_number_series(values)
    assert list(result.index) == list(values.index)
    for value, (_, expected), actual in zip(values, NUMBERS, result, strict=True):
        _check(actual, expected, value)


NUMBER_OBJECTS = [
    (1234, 1234.0),
    (1234.5, 1234.5),
    (np.int64(5), 5.0),
    (np.float32(0.5), 0.5),
    (np.float64(2.25), 2.25),
    (Decimal("1234.5"), 1234.5),
    (Decimal("0.1"), 0.1),
    (float("nan"), None),
    (np.nan, None),
    (pd.NA, None),
    (None, None),
    (float("inf"), ERR),
    (float("-inf"), ERR),
    (True, ERR),
    (False, ERR),
    (np.bool_(True), ERR),
    (datetime(2024, 1, 5), ERR),
    (-0.0, 0.0),
]


@pytest.mark.parametrize(("value", "expected"), NUMBER_OBJECTS)
def test_to_number_cell_objects(value, expected):
    _check(to_number(value), expected, value)
    _check(to_number_series(pd.Series([value], dtype=object)).iloc[0], expected, value)


def test_to_number_typed_columns():
    # Excel has no negative zero; a float32 column (parquet, numpy) holds 0.1 as written.
    result = to_number_series(pd.Series([-0.0, 1.5, np.nan]))
    assert math.copysign(1.0, result[0]) == 1.0
    assert to_number_series(pd.Series([0.1, 2.5], dtype="float32")).tolist() == [0.1, 2.5]
    assert to_number_series(pd.Series([0.1, None], dtype="Float32")).tolist() == [0.1, None]
    assert to_number(np.float32(0.1)) == 0.1
    assert math.copysign(1.0, to_number(Decimal("-0"))) == 1.0


@pytest.mark.parametrize("value", ["-0", "△0", "(0)", "0-", "-0.0", "-0%", "△ 0", "−0"])
def test_to_number_negative_zero_is_plain_zero(value):
    # Excel never shows "-0"; a zero written with a minus sign is zero.
    result = to_number(value)
    assert result == 0.0
    assert math.copysign(1.0, result) == 1.0, f"{value!r} → -0.0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Decimal amounts times a magnitude word: what Excel shows, not a float artefact.
        ("4.35만원", 43500.0),
        ("1.15천원", 1150.0),
        ("0.7억", 70000000.0),
        ("1.1억", 110000000.0),
        ("2.3백만원", 2300000.0),
        ("3.3조", 3300000000000.0),
        ("12.34억원", 1234000000.0),
        ("0.3", 0.3),
        ("0.1%", 0.001),
        ("0.7%", 0.007),
        ("14.3%", 0.143),
        ("57.1%", 0.571),
        ("1,234.56천원", 1234560.0),
    ],
)
def test_to_number_decimal_amounts_are_exact(value, expected):
    _check(to_number(value), expected, value)


@pytest.mark.parametrize("value", ["1,234원(부가세 포함)", "₩(1,000)", "1,234 (단위:천원)"])
def test_to_number_blames_commas_only_when_they_are_misplaced(value):
    assert "쉼표" not in to_number(value).reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Documented: past Excel's 15 digits a figure is more likely an account number.
        ("123456789012345678", ERR),
        ("9,999,999,999,999", 9999999999999.0),
        ("1e308", 1e308),
        ("1e400", ERR),  # beyond what a cell can hold
        ("99999조", 9.9999e16),
    ],
)
def test_to_number_huge_values(value, expected):
    _check(to_number(value), expected, value)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

T = pd.Timestamp
D0105 = T(2024, 1, 5)
D0105_1505 = T(2024, 1, 5, 15, 5)

DATES = [
    ("2024-01-05", D0105),
    ("2024.1.5", D0105),
    ("2024. 1. 5", D0105),
    ("2024. 1. 5.", D0105),
    ("2024.01.05.", D0105),
    ("2024.01.05", D0105),
    ("2024/01/05", D0105),
    ("2024/1/5", D0105),
    ("2024-1-5", D0105),
    ("24.01.05", D0105),
    ("24.1.5", D0105),
    ("'24.1.5", D0105),
    ("20240105", D0105),
    ("2024년1월5일", D0105),
    ("2024년 1월 5일", D0105),
    ("2024년 01월 05일", D0105),
    ("24년 1월 5일", D0105),
    ("2024.1.5.(금)", D0105),
    ("2024.01.05(금)", D0105),
    ("2024년 1월 5일 (금)", D0105),
    ("2024 년 1 월 5 일", D0105),  # the 일 of the day, not 일요일
    ("2024년 1월 7일 일요일", T(2024, 1, 7)),
    ("2024-01-05 (금요일)", D0105),
    ("2024.1.5(목)", ERR),  # 5 January 2024 was a Friday
    (" 2024-01-05 ", D0105),
    (f"2024-01-05{NBSP}", D0105),
    # Date-times: Excel's Korean-locale exports, Google Forms timestamps, system logs.
    ("2024/1/5 오후 3:05:00", D0105_1505),
    ("2024-01-05 오후 3:05:00", D0105_1505),
    ("2024-01-05 오후 3:05", D0105_1505),
    ("2024. 1. 5 오후 3:05:00", D0105_1505),
    ("2024. 1. 5. 오후 3:05:00", D0105_1505),
    ("2024-01-05 15:05:00.000", D0105_1505),
    ("2024-01-05 15:05:00", D0105_1505),
    ("2024-01-05 15:05", D0105_1505),
    ("2024.01.05 15:05", D0105_1505),
    ("2024-01-05T15:05:00", D0105_1505),
    ("2024-01-05T15:05:00+09:00", D0105_1505),
    ("2024-01-05T15:05:00.000Z", D0105_1505),
    ("2024-01-05 15:05:00+09", D0105_1505),
    ("'20240105", D0105),  # apostrophe that kept the export as text
    ("2024년 1월 5일 15시 5분", D0105_1505),
    ("2024년 1월 5일 오후 3시 5분", D0105_1505),
    ("2024-01-05(금) 15:05", D0105_1505),
    ("2024-01-05 00:00:00", D0105),
    ("2024-01-05 오전 9:30", T(2024, 1, 5, 9, 30)),
    ("2024-01-05 오전 12:30", T(2024, 1, 5, 0, 30)),  # 오전 12시 is midnight
    ("2024-01-05 오후 12:30", T(2024, 1, 5, 12, 30)),  # 오후 12시 is noon
    ("2024.1.5 오전 12시", D0105),
    ("2024.1.5 오후 12시 5분", T(2024, 1, 5, 12, 5)),
    # Lenient by design: 13시 cannot be anything but 13:00, whatever 오후 says.
    ("2024-01-05 오후 13:00", T(2024, 1, 5, 13)),
    ("2024-01-05 오전 13:00", ERR),
    ("2024-01-05 25:00", ERR),
    ("2024-01-05 15:60", ERR),
    # Periods: KOSIS 시점 columns, 분기·반기 reports.
    ("2024.01", T(2024, 1, 1)),
    ("2024. 01", T(2024, 1, 1)),
    ("2024-01", T(2024, 1, 1)),
    ("202401", T(2024, 1, 1)),
    ("2024년 1월", T(2024, 1, 1)),
    ("2024년 12월", T(2024, 12, 1)),
    ("2024.12", T(2024, 12, 1)),
    ("2024.07 p)", T(2024, 7, 1)),
    ("2024년 1/4분기", T(2024, 1, 1)),
    ("2024년 3/4분기", T(2024, 7, 1)),
    ("2024 1/4", T(2024, 1, 1)),
    ("2024.1/4", T(2024, 1, 1)),
    ("2024.4/4", T(2024, 10, 1)),
    ("2024.1/2", T(2024, 1, 1)),  # KOSIS 반기, written like its quarters
    ("2024 2/2", T(2024, 7, 1)),
    ("2024/1/2", T(2024, 1, 2)),  # slashes throughout: a date
    ("2024.5/4", ERR),  # "/" after "." is period notation; May 4 would be a guess
    ("2024. 1분기", T(2024, 1, 1)),
    ("2024년 2분기", T(2024, 4, 1)),
    ("2024 Q3", T(2024, 7, 1)),
    ("2024 상반기", T(2024, 1, 1)),
    ("2024년 하반기", T(2024, 7, 1)),
    ("2024년", T(2024, 1, 1)),
    ("2024년도", T(2024, 1, 1)),
    ("2024회계연도", T(2024, 1, 1)),
    ("240105", ERR),  # YYMMDD or YYYYMM? neither is guessed, and May 2401 is absurd
    ("2024.13", ERR),
    ("2024년 5분기", ERR),
    # Calendar checks.
    ("2024.2.29", T(2024, 2, 29)),
    ("2000.2.29", T(2000, 2, 29)),
    ("2023.2.29", ERR),
    ("1900.2.29", ERR),
    ("2100.2.29", ERR),
    ("2024.06.31", ERR),
    ("2024-13-01", ERR),
    ("2024-00-10", ERR),
    ("1999.12.31", T(1999, 12, 31)),
    ("99.12.31", T(1999, 12, 31)),
    ("70.1.1", T(1970, 1, 1)),
    ("69.1.1", T(2069, 1, 1)),
    # Not one clear date.
    ("03/05/2023", ERR),
    ("1월 5일", ERR),  # no year: not guessed
    ("15:05", ERR),
    ("2024.01.05~2024.01.10", ERR),
    ("미정", PH),  # "not decided yet": a blank with its reason, like "-"
    ("-", PH),
    ("", None),
    # Serials in CSV exports.
    ("45296", D0105),
]


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_to_date_real_values(value, expected):
    _check(to_date(value), expected, value)


def test_to_date_real_values_as_one_column():
    values = pd.Series([value for value, _ in DATES])
    result = to_date_series(values)
    for value, (_, expected), actual in zip(values, DATES, result, strict=True):
        _check(actual, expected, value)


DATE_OBJECTS = [
    (45296, D0105),
    (45296.0, D0105),
    (np.int64(45296), D0105),
    (45296.5, T(2024, 1, 5, 12)),
    (45296 + 15 / 24 + 5 / 1440, D0105_1505),
    (45292, T(2024, 1, 1)),
    (45351, T(2024, 2, 29)),  # 2024 is a leap year
    (36526, T(2000, 1, 1)),
    (61, T(1900, 3, 1)),
    (20240105, D0105),
    (202401, T(2024, 1, 1)),
    (240105, ERR),
    (999912, ERR),
    (2024, ERR),  # a year, not a date in 1905
    (datetime(2024, 1, 5, 15, 5), D0105_1505),
    (pd.Timestamp("2024-01-05 15:05", tz="Asia/Seoul"), D0105_1505),
    (np.datetime64("2024-01-05T15:05"), D0105_1505),
    (pd.NaT, None),
    (None, None),
    (float("nan"), None),
    (float("inf"), ERR),
    (True, ERR),
    (-1, ERR),
]


@pytest.mark.parametrize(("value", "expected"), DATE_OBJECTS)
def test_to_date_cell_objects(value, expected):
    _check(to_date(value), expected, value)
    _check(to_date_series(pd.Series([value], dtype=object)).iloc[0], expected, value)


def test_to_date_keeps_true_apart_from_serial_1():
    # TRUE == 1 in Python: a TRUE after a 1 must not become the date of serial 1.
    result = to_date_series(pd.Series([1, True, 0, False, 45296], dtype=object))
    assert isinstance(result[1], CellError) and "참/거짓" in result[1].reason
    assert isinstance(result[3], CellError) and "참/거짓" in result[3].reason
    assert result[4] == D0105


def test_to_date_serial_seconds_do_not_drift():
    # 15:05:07 as Excel stores it; float noise must not give 15:05:06.999999.
    serial = 45296 + (15 * 3600 + 5 * 60 + 7) / 86400
    assert to_date(serial) == T(2024, 1, 5, 15, 5, 7)


# ---------------------------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------------------------

PHONES = [
    ("010-1234-5678", "010-1234-5678"),
    ("010 1234 5678", "010-1234-5678"),
    ("010.1234.5678", "010-1234-5678"),
    ("01012345678", "010-1234-5678"),
    ("010 - 1234 - 5678", "010-1234-5678"),
    ("010–1234–5678", "010-1234-5678"),
    ("０１０－１２３４－５６７８", "010-1234-5678"),
    ("+82-10-1234-5678", "010-1234-5678"),
    ("+82 10 1234 5678", "010-1234-5678"),
    ("82-10-1234-5678", "010-1234-5678"),
    ("+82(0)10-1234-5678", "010-1234-5678"),
    ("(02)2133-1234", "02-2133-1234"),
    ("(02) 2133-1234", "02-2133-1234"),
    ("02-2133-1234", "02-2133-1234"),
    ("02 2133 1234", "02-2133-1234"),
    ("0221331234", "02-2133-1234"),
    ("02)2133-1234", "02-2133-1234"),
    ("02-123-4567", "02-123-4567"),
    ("+82 2 2133 1234", "02-2133-1234"),
    ("031)123-4567", "031-123-4567"),
    ("031-8008-1234", "031-8008-1234"),
    ("063)222-1234", "063-222-1234"),
    ("044-300-3000", "044-300-3000"),
    ("064-710-2114", "064-710-2114"),
    ("053-803-0000", "053-803-0000"),
    ("070-1234-5678", "070-1234-5678"),
    ("0505-123-4567", "0505-123-4567"),
    ("080-123-4567", "080-123-4567"),
    ("1577-1234", "1577-1234"),
    ("1588 1234", "1588-1234"),
    ("15881234", "1588-1234"),
    ("1600-1234", "1600-1234"),
    ("Tel. 02-2133-1234", "02-2133-1234"),
    ("TEL:02-2133-1234", "02-2133-1234"),
    ("(대표) 02-2133-1234", "02-2133-1234"),
    ("☎ 02-2133-1234", "02-2133-1234"),
    ("☎02-2133-1234", "02-2133-1234"),
    ("☏ 02-2133-1234", "02-2133-1234"),
    # Documented: a fax number in a phone column is worth an error.
    ("팩스 02-2133-1234", ERR),
    ("FAX. 02-2133-1234", ERR),
    ("'010-1234-5678", "010-1234-5678"),  # apostrophe that kept the export as text
    ("[대표] 02-2133-1234", "02-2133-1234"),
    ("02-2133-1234(교환 123)", "02-2133-1234 내선 123"),
    ("02-2133-1234 내선 123", "02-2133-1234 내선 123"),
    # Documented: a range or several numbers in one cell are not guessed.
    ("02-2133-1234~5", ERR),
    ("02-2133-1234, 02-2133-1235", ERR),
    ("010-1234-567", ERR),  # a digit is missing; 010-123-4567 would hide it
    ("02-123-456", ERR),
    ("123-4567", ERR),
    ("없음", ERR),
    ("-", ERR),
    ("", None),
]


@pytest.mark.parametrize(("value", "expected"), PHONES)
def test_to_phone_real_values(value, expected):
    _check(to_phone(value), expected, value)


PHONE_OBJECTS = [
    (1012345678, "010-1234-5678"),  # Excel dropped the leading zero
    (1012345678.0, "010-1234-5678"),
    (np.int64(1012345678), "010-1234-5678"),
    (221331234, "02-2133-1234"),
    (3180081234, "031-8008-1234"),
    (15881234, "1588-1234"),
    (float("nan"), None),
    (pd.NA, None),
    (True, ERR),
    (1.5, ERR),
]


@pytest.mark.parametrize(("value", "expected"), PHONE_OBJECTS)
def test_to_phone_cell_objects(value, expected):
    _check(to_phone(value), expected, value)
    _check(to_phone_series(pd.Series([value], dtype=object)).iloc[0], expected, value)


# ---------------------------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------------------------

ADDRESSES = [
    ("서울특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("서울 중구 세종대로 110 (태평로1가)", ("서울특별시", "중구", "세종대로 110 (태평로1가)")),
    ("서울시 종로구 세종로 1", ("서울특별시", "종로구", "세종로 1")),
    ("서울특별시 종로구 청운동 1-1번지", ("서울특별시", "종로구", "청운동 1-1번지")),
    ("서울특별시  중구  세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("대한민국 서울특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("(04524) 서울특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("[04524] 서울특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("04524 서울특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("(12345) 서울특별시 강남구 테헤란로 152", ("서울특별시", "강남구", "테헤란로 152")),
    ("(우)04524 서울특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("우) 04524 서울 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("우편번호: 04524 서울 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("(우)04524", ("", "", "(우)04524")),  # nothing else: kept, never emptied
    (
        "경기도 성남시 분당구 판교역로 235, 에이치스퀘어 N동 8층",
        ("경기도", "성남시 분당구", "판교역로 235, 에이치스퀘어 N동 8층"),
    ),
    ("경기 수원시 팔달구 효원로 1", ("경기도", "수원시 팔달구", "효원로 1")),
    ("경기도 고양시 덕양구 고양시청로 10", ("경기도", "고양시 덕양구", "고양시청로 10")),
    ("경기도 부천시 원미구 길주로 210", ("경기도", "부천시 원미구", "길주로 210")),
    ("경기도 광주시 행정타운로 50", ("경기도", "광주시", "행정타운로 50")),
    ("광주광역시 서구 내방로 111", ("광주광역시", "서구", "내방로 111")),
    ("광주 서구 내방로 111", ("광주광역시", "서구", "내방로 111")),
    ("강원도 춘천시 중앙로 1", ("강원특별자치도", "춘천시", "중앙로 1")),
    ("강원 춘천시 중앙로 1", ("강원특별자치도", "춘천시", "중앙로 1")),
    ("강원특별자치도 춘천시 중앙로 1", ("강원특별자치도", "춘천시", "중앙로 1")),
    (
        "전라북도 전주시 완산구 노송광장로 10",
        ("전북특별자치도", "전주시 완산구", "노송광장로 10"),
    ),
    ("전북 전주시 완산구 노송광장로 10", ("전북특별자치도", "전주시 완산구", "노송광장로 10")),
    ("전라남도 무안군 삼향읍 오룡길 1", ("전라남도", "무안군", "삼향읍 오룡길 1")),
    ("세종특별자치시 한누리대로 2130", ("세종특별자치시", "", "한누리대로 2130")),
    ("세종시 한누리대로 2130", ("세종특별자치시", "", "한누리대로 2130")),
    ("세종특별자치시 조치원읍 군청로 93", ("세종특별자치시", "", "조치원읍 군청로 93")),
    ("제주특별자치도 제주시 문연로 6", ("제주특별자치도", "제주시", "문연로 6")),
    ("제주도 서귀포시 중앙로 105", ("제주특별자치도", "서귀포시", "중앙로 105")),
    ("대구광역시 군위군 군위읍 군청로 200", ("대구광역시", "군위군", "군위읍 군청로 200")),
    ("경상북도 군위군 군위읍 군청로 200", ("대구광역시", "군위군", "군위읍 군청로 200")),
    ("경북 포항시 남구 시청로 1", ("경상북도", "포항시 남구", "시청로 1")),
    ("부산 해운대구 중동2로 11", ("부산광역시", "해운대구", "중동2로 11")),
    ("부산광역시 해운대구 우동 1411ㅡ1", ("부산광역시", "해운대구", "우동 1411-1")),
    ("인천광역시 남구 소성로 163", ("인천광역시", "미추홀구", "소성로 163")),
    ("인천광역시 미추홀구 소성로 163", ("인천광역시", "미추홀구", "소성로 163")),
    ("충청북도 청주시 상당구 상당로 155", ("충청북도", "청주시 상당구", "상당로 155")),
    ("충남 천안시 동남구 중앙로 1", ("충청남도", "천안시 동남구", "중앙로 1")),
    ("경상남도 창원시 의창구 중앙대로 151", ("경상남도", "창원시 의창구", "중앙대로 151")),
    ("대전광역시 서구 둔산로 100", ("대전광역시", "서구", "둔산로 100")),
    ("울산광역시 남구 중앙로 201", ("울산광역시", "남구", "중앙로 201")),
    ("경상북도 울릉군 울릉읍 울릉순환로 1", ("경상북도", "울릉군", "울릉읍 울릉순환로 1")),
    ("서울특별시중구세종대로 110", ("서울특별시", "중구", "세종대로 110")),
    ("서울 특별시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),  # from a PDF
    ("전라 북도 전주시 완산구 노송광장로 10", ("전북특별자치도", "전주시 완산구", "노송광장로 10")),
    ("서울 특별시", ("서울특별시", "", "")),
    # Old addresses in registers kept for years (인허가 대장): units since merged away.
    ("충청북도 청원군 오창읍 중심상업로 1", ("충청북도", "청원군", "오창읍 중심상업로 1")),
    ("경상남도 마산시 합포구 3.15대로 1", ("경상남도", "마산시", "합포구 3.15대로 1")),
    ("경남 진해시 중원로 1", ("경상남도", "창원시 진해구", "중원로 1")),
    ("제주도 북제주군 애월읍 애월리 1", ("제주특별자치도", "제주시", "애월읍 애월리 1")),
    ("충청남도 연기군 조치원읍 1", ("충청남도", "연기군", "조치원읍 1")),
    ("경기도 여주군 여주읍 1", ("경기도", "여주시", "여주읍 1")),
    ("충청남도 당진군 당진읍 1", ("충청남도", "당진시", "당진읍 1")),
    ("중구 세종대로 110", ("", "중구", "세종대로 110")),
]


@pytest.mark.parametrize(("value", "expected"), ADDRESSES)
def test_split_address_real_values(value, expected):
    assert split_address(value) == expected


def test_split_address_real_values_as_one_column():
    values = pd.Series([value for value, _ in ADDRESSES] + [None, "  "])
    result = split_address_series(values)
    assert list(result.columns) == ["시도", "시군구", "나머지"]
    for row, (_, expected) in zip(result.itertuples(index=False), ADDRESSES, strict=False):
        assert tuple(row) == expected
    assert result.iloc[-2].tolist() == [None, None, None]
    assert result.iloc[-1].tolist() == [None, None, None]


# ---------------------------------------------------------------------------------------------
# Identifiers: check digits computed here independently of the engine
# ---------------------------------------------------------------------------------------------


def _brn_check(nine: str) -> str:
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(int(d) * w for d, w in zip(nine, weights, strict=True))
    total += int(nine[8]) * 5 // 10
    return str((10 - total % 10) % 10)


def _crn_check(twelve: str) -> str:
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(twelve))
    return str((10 - total % 10) % 10)


def _rrn_check(twelve: str) -> str:
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    total = sum(int(d) * w for d, w in zip(twelve, weights, strict=True))
    return str((11 - total % 11) % 10)


BRN_OK = "220816251" + _brn_check("220816251")
CRN_OK = "110111012345" + _crn_check("110111012345")
RRN_2001 = "010101300001" + _rrn_check("010101300001")

IDS = [
    ("124-81-00998", "사업자", True),
    ("1248100998", "brn", True),
    ("124 81 00998", "brn", True),
    ("124.81.00998", "brn", True),
    ("124-81-00999", "brn", False),
    (f"{BRN_OK[:3]}-{BRN_OK[3:5]}-{BRN_OK[5:]}", "brn", True),
    ("124-81-0099", "brn", False),
    (f"{CRN_OK[:6]}-{CRN_OK[6:]}", "법인", True),
    (f"{CRN_OK[:6]}-{CRN_OK[6:12]}{(int(CRN_OK[12]) + 1) % 10}", "crn", False),
    ("900101-1234567", "주민", True),
    ("9001011234567", "주민", True),
    ("901301-1234567", "주민", False),
    ("900230-1234567", "주민", False),
    ("000229-3234567", "주민", True),  # 2000 was a leap year
    ("010229-3234567", "주민", False),
    ("900101-5234567", "주민", False),  # 5 is a foreigner's digit
    ("900101-5234567", "외국인", True),
    ("900101-1******", "주민", False),
    (RRN_2001, "주민", True),
    ("", "주민", None),
]


@pytest.mark.parametrize(("value", "kind", "expected"), IDS)
def test_check_id_real_values(value, kind, expected):
    assert check_id(value, kind) is expected


def test_check_id_numeric_cells_get_their_leading_zero_back():
    # 010101-3… typed without an apostrophe is the number 101013…
    assert check_id(int(RRN_2001), "주민") is True
    assert check_id(float(int(RRN_2001)), "주민") is True
    assert check_id(1248100998, "brn") is True
    assert check_id(Decimal("1248100998"), "brn") is True
    assert check_id(Decimal("1248100998.5"), "brn") is False
    result = check_id_series(pd.Series([int(RRN_2001), "900101-1234567", None]), "rrn")
    assert result.tolist() == [True, True, None]


def test_check_id_rejects_booleans_and_fractions():
    assert check_id(True, "brn") is False
    assert check_id(1248100998.5, "brn") is False


# ---------------------------------------------------------------------------------------------
# Column type detection on tables shaped like the public files
# ---------------------------------------------------------------------------------------------


def test_kosis_population_table():
    frame = pd.DataFrame(
        [
            ["행정구역", "시점", "총인구수 (명)", "세대수", "남자 비율", "비고"],
            ["서울특별시", "2024.01", "9,386,034", "4,473,013", "48.6%", ""],
            ["부산광역시", "2024.01", "3,293,362", "1,563,041", "48.9%", "x"],
            ["대구광역시", "2024.01", "2,374,960", "1,082,107", "49.1%", "p)"],
            ["인천광역시", "2024.01", "3,000,210", "1,334,571", "50.0%", ""],
            ["세종특별자치시", "2024.01", "386,525", "155,023", "49.7%", ""],
            ["군위군", "2024.01", "-", "-", "-", ""],
        ]
    )
    result = clean_frame(frame)
    assert result.header_rows == 1
    assert result.types == {0: "text", 1: "date", 2: "number", 3: "number", 4: "number", 5: "text"}
    assert result.frame.iloc[1, 2] == 9386034.0
    assert result.frame.iloc[1, 4] == 0.486
    assert result.frame.iloc[6, 2] is None or pd.isna(result.frame.iloc[6, 2])


def test_codes_with_leading_zeros_stay_text():
    # 우편번호 and 법정동 codes: converting to numbers would lose the leading zero.
    frame = pd.DataFrame(
        {
            "우편번호": ["04524", "03154", "06236", "01234", "04520"],
            "기관코드": ["0010000", "0020000", "0030000", "0040000", "0050000"],
        }
    )
    result = clean_frame(frame, header=False)
    assert result.types == {"우편번호": "text", "기관코드": "text"}
    assert result.frame["우편번호"].tolist() == ["04524", "03154", "06236", "01234", "04520"]


def test_nationwide_postcodes_stay_text_even_when_few_start_with_zero():
    codes = pd.Series(["04524", *[f"{n}000" for n in range(13, 64, 3)]])
    assert detect_column_type(codes) == "text"


@pytest.mark.parametrize(
    "values",
    [
        # 예산서 amounts in 원 stored as numbers: 0 + digits would be valid Seoul numbers.
        [234567890.0, 256000000.0, 212345678.0, 298765432.0, 223000000.0],
        [234567890.0, 256000000.0, 323000000.0, 317000000.0, 1012345678.0],
        # 법정동코드 as text: 0 + digits would be a valid 011 mobile number.
        ["1111010100", "1111010200", "1111010300", "1111010400"],
    ],
)
def test_amounts_and_codes_are_not_phone_numbers(values):
    assert detect_column_type(pd.Series(values)) != "phone"


@pytest.mark.parametrize(
    "values",
    [
        [1012345678.0, 1098765432.0, 1055556666.0],  # mobiles typed without the apostrophe
        ["02-2133-1234", 221331234.0, "031-123-4567", 311234567.0],
        ["010-1234-5678", "01098765432", 1012345678.0, "02-2133-1234"],
    ],
)
def test_phone_columns_with_dropped_zeros_are_still_phones(values):
    assert detect_column_type(pd.Series(values)) == "phone"


@pytest.mark.parametrize(
    "values",
    [
        [f"{v:,}" for v in range(123_456_789, 987_654_321, 7_654_321)],
        [float(v) for v in range(123_456_789, 987_654_321, 7_654_321)],
    ],
)
def test_amount_columns_skip_the_phone_and_date_readers(monkeypatch, values):
    # Whole-sheet cleaning stays fast: amounts cannot end up as phones or dates, so those
    # readers (one phonenumbers call per distinct value) are not run on them.
    import dadeum.engine.dates
    import dadeum.engine.phones

    def fail(_):
        raise AssertionError("reader should not run")

    monkeypatch.setattr(dadeum.engine.phones, "to_phone_series", fail)
    monkeypatch.setattr(dadeum.engine.dates, "to_date_series", fail)
    assert detect_column_type(pd.Series(values)) == "number"


def test_year_column_is_a_number_not_a_date():
    years = pd.Series(["2019", "2020", "2021", "2022", "2023"])
    assert detect_column_type(years) == "number"


def test_budget_column_with_triangles_and_units():
    amounts = pd.Series(["1,234,000", "△12,000", "(3,000)", "-", "0", "5,000천원"])
    assert detect_column_type(amounts) == "number"


def test_complaint_register_dates_and_phones():
    frame = pd.DataFrame(
        {
            "접수일시": [
                "2024-01-05 오후 3:05:00",
                "2024-01-05 오전 9:12:45",
                "2024-01-06 오후 12:01:00",
                "2024-01-08 오전 12:15:00",
            ],
            "연락처": ["010-1234-5678", "01098765432", "02-2133-1234", "010 5555 6666"],
            "처리부서": ["도로과", "환경과", "민원실", "도로과"],
        }
    )
    result = clean_frame(frame, header=False)
    assert result.types == {"접수일시": "date", "연락처": "phone", "처리부서": "text"}
    assert result.frame["접수일시"].tolist() == [
        T(2024, 1, 5, 15, 5),
        T(2024, 1, 5, 9, 12, 45),
        T(2024, 1, 6, 12, 1),
        T(2024, 1, 8, 0, 15),
    ]
    assert result.frame["연락처"].tolist() == [
        "010-1234-5678",
        "010-9876-5432",
        "02-2133-1234",
        "010-5555-6666",
    ]


def test_ids_column_stays_text():
    ids = pd.Series(["124-81-00998", "220-81-62517", "110-81-12345", "314-86-00001"])
    assert detect_column_type(ids) == "text"
