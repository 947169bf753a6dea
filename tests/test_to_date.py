"""to_date: the engine, the Excel wrapper, and the Excel path through xlwings Server."""

import asyncio
import datetime as dt
import decimal
import fractions

import custom_functions
import numpy as np
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given, settings
from hypothesis import strategies as st

import udfs
from dadeum.engine.cells import CellError, Placeholder, is_blank
from dadeum.engine.dates import to_date, to_date_series
from dadeum.errors import InvalidArgumentError
from dadeum.samples.dates import korean_date_samples
from tests.conftest import office_js_call
from udfs._excel import EXCEL_ERRORS

T = pd.Timestamp


# --------------------------------------------------------------------------------------------
# Formats found in Korean public spreadsheets, with the date a person reads in them.

READABLE = [
    # year-month-day
    ("2023. 3. 5.", T(2023, 3, 5)),
    ("2023. 3. 5", T(2023, 3, 5)),
    ("2023.03.05", T(2023, 3, 5)),
    ("2023.03.05.", T(2023, 3, 5)),
    ("2023.3.5", T(2023, 3, 5)),
    ("2023-3-5", T(2023, 3, 5)),
    ("2023-03-05", T(2023, 3, 5)),
    ("2023/03/05", T(2023, 3, 5)),
    ("2023/3/4", T(2023, 3, 4)),  # not the quarter form: that one is written with a dot
    ("2023 . 03 . 05", T(2023, 3, 5)),
    ("20230305", T(2023, 3, 5)),
    ("2023년 3월 5일", T(2023, 3, 5)),
    ("2023년3월5일", T(2023, 3, 5)),
    ("2023년 03월 05일", T(2023, 3, 5)),
    ("2024.2.29", T(2024, 2, 29)),  # leap year
    ("2000.2.29", T(2000, 2, 29)),  # divisible by 400
    ("1900.3.1", T(1900, 3, 1)),
    ("9999-12-31", T(9999, 12, 31)),
    # two-digit years: 00-69 → 20xx, 70-99 → 19xx
    ("23.3.5", T(2023, 3, 5)),
    ("23.03.05", T(2023, 3, 5)),
    ("23-03-05", T(2023, 3, 5)),
    ("'23.3.5", T(2023, 3, 5)),
    ("’23.3.5", T(2023, 3, 5)),  # curly apostrophe from word processors
    ("69.1.1", T(2069, 1, 1)),
    ("70.1.1", T(1970, 1, 1)),
    ("'95.12.31", T(1995, 12, 31)),
    ("99년 7월 1일", T(1999, 7, 1)),
    # weekdays that match (5 March 2023 was a Sunday)
    ("2023.3.5(일)", T(2023, 3, 5)),
    ("2023. 3. 5.(일)", T(2023, 3, 5)),
    ("2023.03.05 (일요일)", T(2023, 3, 5)),
    ("2023년 3월 5일 일요일", T(2023, 3, 5)),
    ("2023.3.5 일요일", T(2023, 3, 5)),
    ("2023년 3월 7일 화", T(2023, 3, 7)),
    ("2023-03-05 (Sun)", T(2023, 3, 5)),
    ("2023-03-06 Monday", T(2023, 3, 6)),
    # date-times
    ("2023-03-05 14:30", T(2023, 3, 5, 14, 30)),
    ("2023-03-05 14:30:15", T(2023, 3, 5, 14, 30, 15)),
    ("2023-03-05 00:00:00", T(2023, 3, 5)),
    ("2023-03-05T14:30:00", T(2023, 3, 5, 14, 30)),
    ("2023-03-05T14:30:00.250", T(2023, 3, 5, 14, 30, 0, 250_000)),
    ("2023-03-05T14:30:00+09:00", T(2023, 3, 5, 14, 30)),  # wall time as written
    ("2023-03-05T05:30:00Z", T(2023, 3, 5, 5, 30)),
    ("2023.3.5 14시 30분", T(2023, 3, 5, 14, 30)),
    ("2023.3.5 14시", T(2023, 3, 5, 14)),
    ("2023년 3월 5일 14시 30분 15초", T(2023, 3, 5, 14, 30, 15)),
    ("2023-03-05 오후 2:30", T(2023, 3, 5, 14, 30)),
    ("2023-03-05 오전 9시", T(2023, 3, 5, 9)),
    ("2023-03-05 오전 12:10", T(2023, 3, 5, 0, 10)),  # 12-hour clock: 오전 12시 is midnight
    ("2023-03-05 오후 12:10", T(2023, 3, 5, 12, 10)),
    ("2023. 3. 5. 오후 2:30:15", T(2023, 3, 5, 14, 30, 15)),  # Korean Windows display
    ("2023-03-05 2:30 PM", T(2023, 3, 5, 14, 30)),
    ("2023년 3월 5일 (일) 오후 2시 반", T(2023, 3, 5, 14, 30)),
    ("20230305143015", T(2023, 3, 5, 14, 30, 15)),
    # periods → first day
    ("2023.07", T(2023, 7, 1)),
    ("2023.7", T(2023, 7, 1)),
    ("2023-07", T(2023, 7, 1)),
    ("2023/07", T(2023, 7, 1)),
    ("2023년 3월", T(2023, 3, 1)),
    ("2023. 7월", T(2023, 7, 1)),
    ("2023.07 p)", T(2023, 7, 1)),  # p) 잠정치
    ("2023.07p", T(2023, 7, 1)),
    ("2023.07 (p)", T(2023, 7, 1)),
    ("2023.07 e)", T(2023, 7, 1)),  # e) 추정치
    ("2023.07 잠정", T(2023, 7, 1)),
    ("'23.07", T(2023, 7, 1)),
    ("23년 7월", T(2023, 7, 1)),
    ("202307", T(2023, 7, 1)),
    ("2017.1/4", T(2017, 1, 1)),
    ("2017.2/4", T(2017, 4, 1)),
    ("2017.4/4", T(2017, 10, 1)),
    ("2017. 3/4", T(2017, 7, 1)),
    ("2017년 1/4분기", T(2017, 1, 1)),
    ("2017년 1분기", T(2017, 1, 1)),
    ("2017년 제3분기", T(2017, 7, 1)),
    ("2017 1Q", T(2017, 1, 1)),
    ("2017 Q1", T(2017, 1, 1)),
    ("2017Q4", T(2017, 10, 1)),
    ("2017-Q2", T(2017, 4, 1)),
    ("2017년 상반기", T(2017, 1, 1)),
    ("2017년 하반기", T(2017, 7, 1)),
    ("2017 하반기", T(2017, 7, 1)),
    ("2017 H2", T(2017, 7, 1)),
    ("2014년", T(2014, 1, 1)),
    ("2014년도", T(2014, 1, 1)),
    ("'14년", T(2014, 1, 1)),
    ("2023 p)", T(2023, 1, 1)),  # a year column header in a statistics table
    # day and month before a four-digit year, when only one reading exists
    ("13/05/2023", T(2023, 5, 13)),
    ("05/13/2023", T(2023, 5, 13)),
    ("31.12.2023", T(2023, 12, 31)),
    ("05/05/2023", T(2023, 5, 5)),  # both readings are the same day
    # English month names
    ("Mar 5, 2023", T(2023, 3, 5)),
    ("5 March 2023", T(2023, 3, 5)),
    ("05-Mar-2023", T(2023, 3, 5)),
    # cleaning: spaces, NBSP, ideographic spaces, full-width digits, line breaks
    ("  2023-03-05  ", T(2023, 3, 5)),
    ("\u00a02023.3.5\u3000", T(2023, 3, 5)),
    ("２０２３．３．５", T(2023, 3, 5)),
    ("２０２３년 ３월 ５일", T(2023, 3, 5)),
    ("2023.\n3.\n5.", T(2023, 3, 5)),
    ("2023\u200b-03-05", T(2023, 3, 5)),
    ("2023·3·5", T(2023, 3, 5)),
    ("2023-03-05 14:30 pm", T(2023, 3, 5, 14, 30)),  # redundant but unambiguous
    ("2023.3.5 AM 9:05", T(2023, 3, 5, 9, 5)),
]


@pytest.mark.parametrize(("raw", "expected"), READABLE)
def test_reads_korean_and_iso_formats(raw, expected):
    result = to_date(raw)
    assert isinstance(result, pd.Timestamp), result
    assert result == expected


# Values that must not become a date, and the gist of the reason the official sees.
UNREADABLE = [
    ("03/05/2023", "일/월 순서를 알 수 없습니다"),
    ("5/3/2023", "일/월 순서를 알 수 없습니다"),
    ("05.03.2023", "일/월 순서를 알 수 없습니다"),
    ("1-2-2023", "일/월 순서를 알 수 없습니다"),
    ("23/03/05", "연도가 두 자리라"),
    ("05/03/23", "연도가 두 자리라"),
    ("2023.2.30", "2월에는 30일이 없습니다"),
    ("2023-02-29", "2023년 2월에는 29일이 없습니다"),
    ("1900-02-29", "1900년 2월에는 29일이 없습니다"),
    ("2023.4.31", "4월에는 31일이 없습니다"),
    ("2023.13.1", "13월은 없습니다"),
    ("2023.0.1", "0월은 없습니다"),
    ("2023.1.0", "0일은 없습니다"),
    ("2023.1.32", "32일은 없습니다"),
    ("20230230", "2월에는 30일이 없습니다"),
    ("12345678", "8자리 숫자"),
    ("123456", "6자리 숫자"),
    ("202313", "13월은 없습니다"),
    ("2023.13", "13월은 없습니다"),
    ("2023년 13월", "13월은 없습니다"),
    ("13/13/2023", "13월은 없습니다"),
    ("1899.12.31", "1900년 이전"),
    ("3월 5일", "연도가 없어"),
    ("3/5", "연도가 없어"),
    ("2023.3.5(화)", "요일이 날짜와 맞지 않습니다"),
    ("2023-03-05 (Mon)", "요일이 날짜와 맞지 않습니다"),
    ("2023-03-05 25:00", "25시는 없습니다"),
    ("2023-03-05 14:60", "60분은 없습니다"),
    ("2023-03-05 오전 13시", "오전 13시는 없습니다"),
    ("2023.07 14:30", "기간에는"),
    ("2017년 1분기 (월)", "기간에는"),
    ("23.07", "두 자리 연도"),
    ("14년", "두 자리 연도"),
    ("2014", "연도인지 엑셀 날짜 일련번호인지"),
    ("123", "날짜로 읽을 수 없는 숫자"),
    ("1234567", "날짜로 읽을 수 없는 숫자"),
    ("14:30", "시각만 있고"),
    ("오후 2:30", "시각만 있고"),
    ("오전 9시", "시각만 있고"),
    ("2023.3.5~2023.3.10", "기간(~)"),
    ("2023.3.5 ~ 3.10", "기간(~)"),
    ("2023.3.5 접수", "날짜 뒤에 읽을 수 없는 글자가 있습니다: '접수'"),
    ("내일", "날짜로 읽을 수 없습니다"),
    ("abc", "날짜로 읽을 수 없습니다"),
]


@pytest.mark.parametrize(("raw", "reason"), UNREADABLE)
def test_never_guesses_and_says_why(raw, reason):
    result = to_date(raw)
    assert isinstance(result, CellError), result
    assert reason in result.reason


@pytest.mark.parametrize("raw", ["-", "…", "x", "미정", "해당없음"])
def test_no_value_symbols_become_placeholders(raw):
    assert isinstance(to_date(raw), Placeholder)


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000", float("nan"), pd.NaT, pd.NA])
def test_blanks_stay_blank(raw):
    assert to_date(raw) is None


# --------------------------------------------------------------------------------------------
# Excel serial numbers: what an Excel date cell holds.

SERIALS = [
    (45000, T(2023, 3, 15)),  # the example
    (45000.0, T(2023, 3, 15)),
    (44927, T(2023, 1, 1)),
    (45000.5, T(2023, 3, 15, 12)),
    (45000.25, T(2023, 3, 15, 6)),
    (45000.604166666664, T(2023, 3, 15, 14, 30)),  # 14:30 as Excel stores it
    (45000.99998842592, T(2023, 3, 15, 23, 59, 59)),
    (61, T(1900, 3, 1)),  # the first serial after Excel's phantom 1900-02-29
    (25569, T(1970, 1, 1)),
    (2958465, T(9999, 12, 31)),
    (np.int64(45000), T(2023, 3, 15)),
    (np.float32(45000), T(2023, 3, 15)),
    ("45000", T(2023, 3, 15)),  # a serial in a CSV export
    ("45000.5", T(2023, 3, 15, 12)),
    (20230305, T(2023, 3, 5)),  # YYYYMMDD typed as a number
    (20230305.0, T(2023, 3, 5)),
    (202307, T(2023, 7, 1)),  # YYYYMM typed as a number
]


@pytest.mark.parametrize(("serial", "expected"), SERIALS)
def test_excel_serial_numbers(serial, expected):
    assert to_date(serial) == expected


def test_serials_below_61_use_the_shared_1899_12_30_origin():
    # Excel shows serial 1 as 1900-01-01 because it counts a 1900-02-29 that never was;
    # pandas and xlwings count from 1899-12-30, so the value round-trips through xlwings.
    assert to_date(1) == T(1899, 12, 31)
    assert to_date(60) == T(1900, 2, 28)
    assert pd.Timestamp("1899-12-30") + pd.Timedelta(days=45000) == to_date(45000)


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (0, "0 이하"),
        (-5, "0 이하"),
        (0.5, "시각만 있고"),
        (2014, "연도인지"),
        (2014.0, "연도인지"),
        (2023.07, "연도인지"),  # 2023.07 typed in Excel becomes a number; 2023.1 could be Oct
        (2958466, "범위"),
        (10**30, "범위"),
        (float("inf"), "범위"),
        (20231301, "13월은 없습니다"),
        (True, "참/거짓"),
        (False, "참/거짓"),
    ],
)
def test_numbers_that_are_not_dates(number, reason):
    result = to_date(number)
    assert isinstance(result, CellError), result
    assert reason in result.reason


# --------------------------------------------------------------------------------------------
# Values that already are dates pass through.


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (T(2023, 3, 5, 14, 30), T(2023, 3, 5, 14, 30)),
        (dt.datetime(2023, 3, 5, 14, 30), T(2023, 3, 5, 14, 30)),
        (dt.date(2023, 3, 5), T(2023, 3, 5)),
        (np.datetime64("2023-03-05T14:30"), T(2023, 3, 5, 14, 30)),
        (T("2023-03-05 14:30", tz="Asia/Seoul"), T(2023, 3, 5, 14, 30)),  # wall time kept
    ],
)
def test_dates_pass_through(value, expected):
    result = to_date(value)
    assert isinstance(result, pd.Timestamp)
    assert result == expected and result.tzinfo is None


def test_a_time_alone_is_not_a_date():
    assert isinstance(to_date(dt.time(14, 30)), CellError)


def test_other_number_types_and_odd_objects():
    assert to_date(decimal.Decimal("45000.5")) == T(2023, 3, 15, 12)
    assert to_date(fractions.Fraction(90001, 2)) == T(2023, 3, 15, 12)
    result = to_date_series(pd.Series([[1, 2], "2023.3.5", {"a": 1}, 1 + 2j], dtype=object))
    assert result[1] == T(2023, 3, 5)
    assert all(isinstance(result[i], CellError) for i in (0, 2, 3))


def test_fractions_of_a_second_are_cut_not_rounded_up():
    assert to_date("2023-03-05 23:59:59.9999999") == T(2023, 3, 5, 23, 59, 59, 999_999)


def test_datetime_columns_take_the_fast_path():
    values = pd.Series(
        pd.to_datetime(["2023-03-05", None, "2024-01-01 09:00"], format="ISO8601"), index=[5, 6, 7]
    )
    result = to_date_series(values)
    assert result.dtype == object and list(result.index) == [5, 6, 7]
    assert result.tolist() == [T(2023, 3, 5), None, T(2024, 1, 1, 9)]
    zoned = to_date_series(values.dt.tz_localize("Asia/Seoul"))
    assert zoned.tolist() == [T(2023, 3, 5), None, T(2024, 1, 1, 9)]


def test_true_and_one_in_one_column_are_kept_apart():
    # True == 1 in Python; a column holding both must not give them the same answer.
    result = to_date_series(pd.Series([True, 1, 45000, 1.0, False, 0], dtype=object))
    assert isinstance(result[0], CellError) and isinstance(result[4], CellError)
    assert result[1] == result[3] == T(1899, 12, 31)
    assert result[2] == T(2023, 3, 15)
    assert isinstance(result[5], CellError) and "0 이하" in result[5].reason


# --------------------------------------------------------------------------------------------
# The column function.


def test_series_keeps_index_and_input_and_matches_scalar():
    raw = ["2023. 3. 5.", None, 45000, "03/05/2023", "2023.07 p)", "-", "2023. 3. 5."]
    values = pd.Series(raw, index=list("abcdefg"), dtype=object)
    before = values.copy()
    result = to_date_series(values)
    assert list(result.index) == list("abcdefg")
    assert result.dtype == object
    assert result.tolist() == [to_date(value) for value in raw]
    pd.testing.assert_series_equal(values, before)


def test_series_of_arrow_strings():
    values = pd.Series(["2023-03-05", None, "2023.3.5"], dtype="str")
    assert to_date_series(values).tolist() == [T(2023, 3, 5), None, T(2023, 3, 5)]


def test_empty_series():
    result = to_date_series(pd.Series([], dtype=object))
    assert result.empty and result.dtype == object


def test_generated_samples_are_all_read_correctly():
    values, expected = korean_date_samples(20_000, seed=3)
    result = to_date_series(pd.Series(values, dtype=object))
    wrong = []
    for value, truth, got in zip(values, expected, result, strict=True):
        if truth is None:
            ok = got is None if is_blank(value) else isinstance(got, CellError | Placeholder)
        else:
            ok = isinstance(got, pd.Timestamp) and got == truth
        if not ok:
            wrong.append((value, truth, got))
    assert not wrong, wrong[:10]


def test_samples_are_deterministic_and_realistic():
    values, expected = korean_date_samples(20_000, seed=1)
    again, _ = korean_date_samples(20_000, seed=1)
    assert values == again
    assert korean_date_samples(20_000, seed=2)[0] != values
    texts = [v for v in values if isinstance(v, str)]
    numbers = [v for v in values if isinstance(v, int | float)]
    assert len(texts) > 0.8 * len(values) and len(numbers) > 0.03 * len(values)
    distinct = len(set(map(repr, values)))
    assert 0.2 * len(values) < distinct < 0.8 * len(values)  # repeats and a long tail
    failing = sum(1 for v, e in zip(values, expected, strict=True) if e is None)
    assert 0.02 * len(values) < failing < 0.1 * len(values)


# --------------------------------------------------------------------------------------------
# Properties.

any_cell = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789./-년월일 :()화오후전pPQ'", max_size=25),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31)),
    st.dates(),
)


@given(st.lists(any_cell, max_size=30))
@settings(max_examples=300, deadline=None)
def test_never_crashes_and_returns_only_known_kinds(values):
    result = to_date_series(pd.Series(values, dtype=object))
    assert len(result) == len(values)
    for got in result:
        assert got is None or isinstance(got, pd.Timestamp | CellError | Placeholder)
        if isinstance(got, CellError):
            assert got.reason and "\n" not in got.reason


@given(any_cell)
@settings(max_examples=300, deadline=None)
def test_converting_the_result_again_gives_the_same(value):
    once = to_date(value)
    if isinstance(once, pd.Timestamp):
        assert to_date(once) == once
        if once.year >= 1900:  # text before 1900 is refused (Excel cannot hold it)
            assert to_date(str(once)) == once
            assert to_date(str(once.date())) == once.normalize()


KOREAN_FORMATS = [
    "{y}. {m}. {d}.",
    "{y}.{m:02}.{d:02}",
    "{y}-{m}-{d}",
    "{y}/{m:02}/{d:02}",
    "{y}{m:02}{d:02}",
    "{y}년 {m}월 {d}일",
    " {y} . {m} . {d} ",
    "{y}-{m:02}-{d:02} 00:00:00",
    "{y}.{m:02}.{d:02}({w})",
]


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(KOREAN_FORMATS),
)
@settings(max_examples=300, deadline=None)
def test_any_date_in_any_korean_format_reads_back(day, template):
    weekday = "월화수목금토일"[day.weekday()]
    text = template.format(y=day.year, m=day.month, d=day.day, w=weekday)
    assert to_date(text) == T(day)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_year_last_is_read_only_when_unambiguous(day):
    result = to_date(f"{day.day:02}/{day.month:02}/{day.year}")
    if day.day <= 12 and day.day != day.month:
        assert isinstance(result, CellError) and "일/월 순서" in result.reason
    else:
        assert result == T(day)


# Serials of 6 digits (from 2173-10-14 on) would clash with YYYYMM numbers; none is a real
# date in a public-sector sheet.
@given(
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2173, 10, 13)),
    st.integers(0, 86_399),
)
@settings(max_examples=200, deadline=None)
def test_serials_agree_with_excel_origin(day, second):
    serial = (T(day) - T(1899, 12, 30)).days
    if 1900 <= serial <= 2100:  # 1905: refused as it looks like a year
        assert isinstance(to_date(serial), CellError)
        return
    assert to_date(serial) == T(day)
    moment = T(day) + pd.Timedelta(seconds=second)
    assert to_date(serial + second / 86_400) == moment


@given(st.lists(st.lists(any_cell, min_size=1, max_size=4), min_size=1, max_size=5))
@settings(max_examples=200, deadline=None)
def test_excel_wrapper_keeps_the_shape(rows):
    width = max(len(row) for row in rows)
    try:
        out = udfs.to_date(rows)
    except xw.XlwingsError:
        assert (len(rows), width) == (1, 1)  # only a single cell may raise its reason
        return
    assert len(out) == len(rows)
    assert all(len(row) == width for row in out)
    for row in out:
        for cell in row:
            passed_through = cell in EXCEL_ERRORS  # an Excel error in stays that error
            assert cell in ("", "#VALUE!") or passed_through or isinstance(cell, pd.Timestamp)


# --------------------------------------------------------------------------------------------
# The Excel wrapper and on_error.


def test_on_error_choices():
    cells = [["2023.2.30", "2023. 3. 5.", "-", None]]
    assert udfs.to_date(cells) == [["#VALUE!", T(2023, 3, 5), "", ""]]
    assert udfs.to_date(cells, "blank") == [["", T(2023, 3, 5), "", ""]]
    assert udfs.to_date(cells, "keep") == [["2023.2.30", T(2023, 3, 5), "", ""]]
    assert udfs.to_date(cells, " KEEP ") == [["2023.2.30", T(2023, 3, 5), "", ""]]


def test_bad_on_error_is_a_clear_error():
    with pytest.raises(xw.XlwingsError, match="on_error"):
        udfs.to_date([["2023.3.5"]], "skip")
    with pytest.raises(InvalidArgumentError):
        from dadeum.engine.cells import apply_on_error

        values = pd.Series(["x"], dtype=object)
        apply_on_error(values, to_date_series(values), "skip", function="TO_DATE")


def test_single_cell_failure_raises_the_reason():
    with pytest.raises(xw.XlwingsError, match="2월에는 30일이 없습니다"):
        udfs.to_date("2023.2.30")


def test_excel_errors_pass_through():
    assert udfs.to_date([["#N/A", "2023.3.5"]]) == [["#N/A", T(2023, 3, 5)]]


# --------------------------------------------------------------------------------------------
# The Excel path: an Office.js request through xlwings Server's own call machinery.


def call(*args, **body):
    request = {**office_js_call("to_date", *args), **body}
    return asyncio.run(xlwings.server.custom_functions_call(request, custom_functions))


def excel_date(serial):
    return {"type": "FormattedNumber", "basicValue": serial, "numberFormat": "yyyy-MM-dd"}


def test_excel_single_cell_becomes_an_excel_date():
    # 2023-03-05 is serial 44990.
    assert call([["2023. 3. 5."]]) == [[excel_date(44990.0)]]


def test_excel_range_keeps_shape_times_blanks_and_errors():
    args = [["2023년 3월 5일", 45000.5], [None, "03/05/2023"], ["2023.07 p)", "-"]]
    assert call(args) == [
        [excel_date(44990.0), excel_date(45000.5)],
        ["", {"type": "Error", "errorType": "Value"}],
        [excel_date(45108.0), ""],
    ]


def test_excel_on_error_keep_returns_the_original_text():
    assert call([["03/05/2023", "2023-03-05"]], [["keep"]]) == [["03/05/2023", excel_date(44990.0)]]


def test_excel_single_cell_failure_shows_the_reason():
    with pytest.raises(xw.XlwingsError, match="일/월 순서를 알 수 없습니다"):
        call([["03/05/2023"]])


def test_older_excel_runtimes_get_plain_serials():
    assert call([["2023-03-05 12:00"]], runtime="1.3") == [[44990.5]]
