"""to_number: the engine, the sample generator, the Excel wrapper and the Excel path."""

import asyncio
import math
from datetime import date, datetime
from decimal import Decimal

import custom_functions
import numpy as np
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given, settings
from hypothesis import strategies as st

import udfs
from dadeum.engine import numbers as engine
from dadeum.engine.cells import CellError, Placeholder, apply_on_error
from dadeum.engine.numbers import to_number, to_number_series
from dadeum.samples.numbers import korean_number_samples
from tests.conftest import office_js_call
from udfs._excel import EXCEL_ERRORS

# --- Real-world formats ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # separators and decimals
        ("1,234", 1234),
        ("1234", 1234),
        ("0", 0),
        ("1,234,567.89", 1234567.89),
        ("0.35", 0.35),
        (".5", 0.5),
        ("1 234 567", 1234567),  # space-grouped thousands, as some systems print them
        ("007", 7),
        ("1.5E+05", 150000),
        ("2.5e-3", 0.0025),
        # money
        ("1,234원", 1234),
        ("1,234 원", 1234),
        ("₩1,234", 1234),
        ("￦ 1,234", 1234),
        ("\\1,234", 1234),  # the backslash is the won sign in Korean Windows fonts
        ("금1,000,000원정", 1_000_000),
        ("일금 1,000,000원정", 1_000_000),
        ("KRW 5,000", 5000),
        ("$1,234.50", 1234.5),
        # scaled money units multiply
        ("1,234천원", 1_234_000),
        ("1,234 천원", 1_234_000),
        ("1,234백만원", 1_234_000_000),
        ("12만원", 120_000),
        ("3.5억원", 350_000_000),
        ("12십억원", 12_000_000_000),
        # counts and measures
        ("12명", 12),
        ("1,234건", 1234),
        ("3대", 3),
        ("15개소", 15),
        ("120가구", 120),
        ("87세대", 87),
        ("2호", 2),
        ("4회", 4),
        ("1,234.5톤", 1234.5),
        ("25kg", 25),
        ("3.2km", 3.2),
        ("3.2㎞", 3.2),
        ("84.97㎡", 84.97),
        ("84.97m²", 84.97),
        ("84.97m2", 84.97),
        ("32평", 32),
        ("12개월", 12),
        # percentages become fractions
        ("12.5%", 0.125),
        ("12.5 %", 0.125),
        ("100%", 1),
        ("0.1%", 0.001),
        ("3.2%p", 0.032),
        ("5‰", 0.005),
        ("-3.5%", -0.035),
        # Korean magnitude words
        ("12만", 120_000),
        ("1.5천", 1500),
        ("5천만", 50_000_000),
        ("5천만원", 50_000_000),
        ("3억 5천만원", 350_000_000),
        ("3억5천만원", 350_000_000),
        ("2조 3,400억", 2_340_000_000_000),
        ("1억 2,345만 6,789원", 123_456_789),
        ("1억 2천만 300", 120_000_300),
        ("1만 2천", 12_000),
        ("만 2천", 12_000),
        ("1천2백만", 12_000_000),
        ("1.1억", 110_000_000),
        ("0.5억", 50_000_000),
        ("2조", 2_000_000_000_000),
        ("1,000억원", 100_000_000_000),
        # Hangul numerals in formal sums
        ("일천만원", 10_000_000),
        ("금 일백만원정", 1_000_000),
        ("일금 오백만원정", 5_000_000),
        ("삼십오만원", 350_000),
        # accounting negatives
        ("△1,000", -1000),
        ("△ 1,000", -1000),
        ("▲1,000", -1000),  # 예산 증감: ▲ is 감소
        ("▽1,000", -1000),
        ("▼1,000", -1000),
        ("(1,234)", -1234),
        ("( 1,234 )", -1234),
        ("-1,234", -1234),
        ("－1,234", -1234),  # full-width minus
        ("−1,234", -1234),  # Unicode minus
        ("–1,234", -1234),  # en dash typed as a minus
        ("1,234-", -1234),  # trailing minus from SAP exports
        ("+1,234", 1234),
        ("△1,000원", -1000),
        ("△3억 5천만원", -350_000_000),
        ("₩-1,234", -1234),
        ("-₩1,234", -1234),
        ("(12.5%)", -0.125),
        ("-0", 0),
        # full-width digits and stray spaces
        ("１２３", 123),
        ("１,２３４", 1234),
        ("１２．５％", 0.125),
        ("  1,234  ", 1234),
        ("1,234\u00a0", 1234),
        ("\u30001,234원", 1234),
        ("1,234\t", 1234),
        ("1,234\u200b", 1234),  # zero-width space from the web
        # footnote marks
        ("1,234*", 1234),
        ("1,234 p)", 1234),
        # approximations keep their number
        ("약 1,000명", 1000),
    ],
)
def test_real_world_formats(raw, expected):
    result = to_number(raw)
    assert isinstance(result, float), result
    assert result == expected


def test_percent_is_exact_not_floating_point_noise():
    assert to_number("12.5%") == 0.125
    assert to_number("0.1%") == 0.001  # 0.1 / 100 would give 0.0010000000000000002
    assert to_number("1.1억") == 110_000_000  # 1.1 * 1e8 would give 110000000.00000001
    assert to_number("7%") == 0.07


@pytest.mark.parametrize(
    ("raw", "meaning"),
    [
        ("-", "해당 숫자 없음"),
        ("–", "해당 숫자 없음"),
        ("—", "해당 숫자 없음"),
        ("ㅡ", "해당 숫자 없음"),
        (" - ", "해당 숫자 없음"),
        ("－", "해당 숫자 없음"),
        ("…", "미상"),
        ("...", "미상"),
        ("x", "비밀보호"),
        ("X", "비밀보호"),
        ("*", "비밀보호"),
        ("n/a", "해당 없음"),
        ("N/A", "해당 없음"),
        ("비공개", None),
        ("해당없음", None),
        ("해당 없음", None),
        ("미상", None),
    ],
)
def test_statistical_symbols_become_placeholders_with_their_reason(raw, meaning):
    result = to_number(raw)
    assert isinstance(result, Placeholder)
    assert "빈칸" in result.reason
    assert raw.strip() in result.reason or raw == "－"
    if meaning:
        assert meaning in result.reason


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("abc", "숫자가 없습니다"),
        ("합계", "숫자가 없습니다"),
        ("1.2.3", "소수점"),
        ("12-34", "범위"),
        ("10~20", "범위"),
        ("100명 이상", "범위 표현"),
        ("50% 미만", "범위 표현"),
        ("2023.03.05", "날짜"),
        ("2023-03-05", "날짜"),
        ("2023. 3. 5.", "날짜"),
        ("2023년 3월", "날짜"),
        ("14:30", "시각"),
        ("010-1234-5678", "전화번호"),
        ("02-123-4567", "전화번호"),
        ("1588-1234", "전화번호"),
        ("01012345678", "전화번호"),
        ("1,23", "쉼표"),
        ("12,34,567", "쉼표"),
        ("1234,567", "쉼표"),
        ("12 34", "여러 개"),
        ("1억2천", "분명하지 않습니다"),  # 1억 2천 or 1억 2천만?
        ("3억 500", "분명하지 않습니다"),
        ("1조 5천", "분명하지 않습니다"),
        ("천원", "단위만"),
        ("(천원)", "단위만"),
        ("--5", "부호"),
        ("△-1,000", "부호"),
        ("(-1,234)", "부호"),
        ("(1,234", "괄호"),
        ("1,234)", "괄호"),
        ("12 apples", "알 수 없는 단위"),
        ("12ab", "알 수 없는 단위"),
        ("1234567890123456", "15자리"),
        ("1e400", "너무 커서"),
        ("#DIV/0!", "오류"),
        ("inf", "숫자가 없습니다"),
        ("nan", None),  # "nan" is a placeholder word, not a failure
        ("이천", "숫자가 없습니다"),  # a place name, not 2,000
        ("3억 2조", "읽을 수 없습니다"),  # words out of order
        ("1만 2만", "읽을 수 없습니다"),
    ],
)
def test_cells_that_are_not_numbers_fail_with_a_korean_reason(raw, fragment):
    result = to_number(raw)
    if fragment is None:
        assert isinstance(result, Placeholder)
        return
    assert isinstance(result, CellError), result
    assert fragment in result.reason
    assert f"'{raw}'" in result.reason  # the reason quotes the cell


def test_long_texts_are_shortened_in_the_reason():
    result = to_number("가" * 100)
    assert isinstance(result, CellError)
    assert len(result.reason) < 80


# --- Values that are not text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3.0),
        (2.5, 2.5),
        (-0.0, 0.0),
        (np.int64(7), 7.0),
        (np.float32(1.5), 1.5),
        (Decimal("1.25"), 1.25),
        (10**20, 1e20),
    ],
)
def test_numbers_pass_through_as_floats(value, expected):
    result = to_number(value)
    assert isinstance(result, float) and result == expected


@pytest.mark.parametrize("value", [None, float("nan"), np.nan, pd.NA, pd.NaT, "", "   ", "\u3000"])
def test_blanks_stay_blank(value):
    assert to_number(value) is None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (True, "참/거짓"),
        (False, "참/거짓"),
        (np.bool_(True), "참/거짓"),
        (datetime(2023, 3, 5), "날짜"),
        (date(2023, 3, 5), "날짜"),
        (pd.Timestamp("2023-03-05"), "날짜"),
        (float("inf"), "너무 커서"),
        (10**400, "너무 커서"),
        (1 + 2j, "숫자로 읽을 수 없는"),
    ],
)
def test_booleans_dates_and_oddities_are_not_silently_numbers(value, fragment):
    result = to_number(value)
    assert isinstance(result, CellError)
    assert fragment in result.reason


def test_converted_cells_pass_through_unchanged():
    error, placeholder = CellError("이유"), Placeholder("이유")
    assert to_number(error) is error
    assert to_number(placeholder) is placeholder


# --- The Series function -------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [object, "str", "string[python]", "category"])
def test_series_keeps_index_and_does_not_modify_input(dtype):
    values = pd.Series(["1,234원", None, "△5", "-", "abc", "1,234원"], index=list("abcdef"))
    values = values.astype(dtype)
    before = values.copy()
    result = to_number_series(values)
    assert list(result.index) == list("abcdef")
    assert result.dtype == object
    assert result["a"] == 1234 and result["f"] == 1234
    assert result["b"] is None
    assert result["c"] == -5
    assert isinstance(result["d"], Placeholder)
    assert isinstance(result["e"], CellError)
    pd.testing.assert_series_equal(values, before)


def test_series_of_mixed_types():
    values = pd.Series(["12.5%", 3, 2.5, True, None, float("nan"), "x", Decimal("1.5")])
    result = to_number_series(values).tolist()
    assert result[:3] == [0.125, 3.0, 2.5]
    assert isinstance(result[3], CellError)
    assert result[4] is None and result[5] is None
    assert isinstance(result[6], Placeholder)
    assert result[7] == 1.5


@pytest.mark.parametrize("dtype", ["float64", "int64", "Int64", "Float64"])
def test_numeric_columns(dtype):
    values = pd.Series([1, 2, None] if dtype[0].isupper() else [1, 2, 3], dtype=dtype)
    result = to_number_series(values).tolist()
    assert result[:2] == [1.0, 2.0]
    assert all(isinstance(v, float) for v in result[:2])
    if dtype[0].isupper():
        assert result[2] is None


def test_empty_series():
    result = to_number_series(pd.Series([], dtype=object))
    assert result.empty and result.dtype == object


def test_many_repeats_and_odd_cells_are_read_the_same_everywhere():
    cells = ["1,234", "－１,２３４", "x", "abc", "3억 5천만원", " 12 ", "1 234"] * 500
    result = to_number_series(pd.Series(cells)).tolist()
    assert result == [to_number(cell) for cell in cells]


# --- The sample generator ----------------------------------------------------------------


def _right(got, want) -> bool:
    if want is None:
        return got is None or isinstance(got, Placeholder)
    if math.isnan(want):
        return isinstance(got, CellError)
    return isinstance(got, float) and got == want


def test_samples_are_deterministic_and_seeded():
    assert korean_number_samples(500, seed=3) == korean_number_samples(500, seed=3)
    assert korean_number_samples(500, seed=3)[0] != korean_number_samples(500, seed=4)[0]
    texts, expected = korean_number_samples(1000)
    assert len(texts) == len(expected) == 1000
    assert all(isinstance(text, str) for text in texts)


def test_samples_hold_every_kind_of_cell():
    texts, expected = korean_number_samples(20_000, seed=1)
    failures = sum(1 for e in expected if e is not None and math.isnan(e))
    blanks = sum(1 for e in expected if e is None)
    assert 0.01 < failures / 20_000 < 0.08
    assert 0.03 < blanks / 20_000 < 0.12
    joined = "\n".join(texts)
    for marker in ["원", "%", "△", "억", "천원", "(", "１", "\u00a0", "-", "비공개", "㎡"]:
        assert marker in joined, marker


def test_every_sample_is_read_right():
    texts, expected = korean_number_samples(20_000, seed=7)
    result = to_number_series(pd.Series(texts)).tolist()
    wrong = [(t, g, e) for t, g, e in zip(texts, result, expected, strict=True) if not _right(g, e)]
    assert not wrong, wrong[:10]


def test_samples_beat_the_pandas_baseline_on_correctness():
    texts, expected = korean_number_samples(5_000, seed=2)
    baseline = pd.to_numeric(pd.Series(texts).str.replace(",", ""), errors="coerce").tolist()
    as_cells = [None if math.isnan(v) else float(v) for v in baseline]
    baseline_right = sum(
        (isinstance(e, float) and math.isnan(e) and g is None) or _right(g, e)
        for g, e in zip(as_cells, expected, strict=True)
    )
    assert baseline_right / len(texts) < 0.8  # the point of the exercise


# --- Properties ----------------------------------------------------------------------------

any_cell = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789,.-+△▲()%원만억천조 ", max_size=15),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)


@given(st.lists(any_cell, max_size=30))
@settings(max_examples=200, deadline=None)
def test_never_crashes_and_returns_only_known_kinds(cells):
    result = to_number_series(pd.Series(cells, dtype=object))
    assert len(result) == len(cells)
    for value in result:
        assert value is None or isinstance(value, (float, CellError, Placeholder))
        if isinstance(value, float):
            assert math.isfinite(value)
        if isinstance(value, (CellError, Placeholder)):
            assert value.reason and any("가" <= ch <= "힣" for ch in value.reason)


@given(st.lists(any_cell, max_size=30))
@settings(max_examples=100, deadline=None)
def test_converting_again_changes_nothing(cells):
    once = to_number_series(pd.Series(cells, dtype=object))
    twice = to_number_series(once)
    assert twice.tolist() == once.tolist()


@given(st.lists(any_cell, max_size=20))
@settings(max_examples=100, deadline=None)
def test_a_column_reads_like_its_cells_one_by_one(cells):
    together = to_number_series(pd.Series(cells, dtype=object)).tolist()
    assert together == [to_number(cell) for cell in cells]


@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1))
def test_thousands_separated_integers_round_trip(n):
    assert to_number(f"{n:,}") == n
    assert to_number(str(n)) == n


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_decimals_round_trip_exactly(d):
    assert to_number(f"{d:,f}") == float(d)
    assert to_number(f"{d:f}%") == float(d / 100)


@given(st.integers(min_value=1, max_value=10**12))
def test_accounting_negatives(n):
    for form in ("△{}", "▲ {}", "({})", "-{}", "{}-", "−{}"):
        assert to_number(form.format(f"{n:,}")) == -n


@given(
    st.integers(0, 9_999),
    st.integers(0, 9_999),
    st.integers(0, 9_999),
    st.integers(0, 9_999),
)
def test_korean_magnitudes_read_like_the_number_they_spell(jo, eok, man, rest):
    parts = [(jo, "조"), (eok, "억"), (man, "만")]
    words = [f"{v:,}{w}" for v, w in parts if v]
    text = " ".join(words + ([f"{rest:,}"] if rest else []))
    value = to_number(text + "원") if text else None
    if not text:
        return
    if rest and not man and (jo or eok):  # "1억 2천" is ambiguous on purpose
        assert isinstance(value, CellError)
        return
    exact = jo * 10**12 + eok * 10**8 + man * 10**4 + rest
    if len(str(exact).rstrip("0")) > 15:  # more digits than Excel keeps
        assert isinstance(value, CellError) and "15자리" in value.reason
        return
    assert value == exact


@given(st.lists(st.lists(any_cell, min_size=1, max_size=4), min_size=1, max_size=5))
@settings(max_examples=100, deadline=None)
def test_excel_wrapper_keeps_the_shape(rows):
    width = max(len(row) for row in rows)
    try:
        out = udfs.to_number(rows)
    except xw.XlwingsError:
        assert (len(rows), width) == (1, 1)  # only a single failed cell raises
        return
    assert len(out) == len(rows)
    assert all(len(row) == width for row in out)
    for row in out:
        for cell in row:
            assert cell == "" or cell in EXCEL_ERRORS or isinstance(cell, float)


# --- on_error ------------------------------------------------------------------------------


def test_on_error_in_the_engine_policy():
    original = pd.Series(["1,234", "abc", "-"])
    converted = to_number_series(original)
    assert apply_on_error(original, converted, "blank", function="TO_NUMBER").tolist() == [
        1234.0,
        None,
        None,
    ]
    kept = apply_on_error(original, converted, "keep", function="TO_NUMBER").tolist()
    assert kept == [1234.0, "abc", None]


def test_excel_wrapper_on_error_choices():
    cells = [["1,234원", "abc", "-", None, 3]]
    assert udfs.to_number(cells) == [[1234.0, "#VALUE!", "", "", 3.0]]
    assert udfs.to_number(cells, "blank") == [[1234.0, "", "", "", 3.0]]
    assert udfs.to_number(cells, "keep") == [[1234.0, "abc", "", "", 3.0]]
    assert udfs.to_number(cells, " KEEP ") == [[1234.0, "abc", "", "", 3.0]]


def test_excel_wrapper_single_cell_failure_raises_the_reason():
    with pytest.raises(xw.XlwingsError, match="날짜처럼"):
        udfs.to_number("2023.03.05")
    assert udfs.to_number("2023.03.05", "keep") == [["2023.03.05"]]
    assert udfs.to_number("2023.03.05", "blank") == [[""]]


@pytest.mark.parametrize("bad", ["ignore", "무시", 1])
def test_bad_on_error_is_a_korean_message(bad):
    with pytest.raises(xw.XlwingsError, match="TO_NUMBER 함수의 'on_error' 인수는"):
        udfs.to_number([["1", "2"]], bad)
    with pytest.raises(xw.XlwingsError, match="중 하나여야 합니다"):
        udfs.to_number([[None]], bad)  # even when there is nothing to convert


def test_function_metadata():
    info = udfs.to_number.__xlfunc__
    assert [arg["name"] for arg in info["args"]] == ["text", "on_error"]
    assert udfs.to_number.__doc__.startswith("숫자처럼 적힌 글자를")


# --- The Excel path (xlwings Server, Office.js bodies) --------------------------------------


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_excel_path_single_cell():
    assert call("to_number", [["3억 5천만원"]]) == [[350_000_000]]


def test_excel_path_range_keeps_shape_and_blanks():
    args = [["1,234원", "△1,000"], ["12.5%", ""], [None, "-"]]
    assert call("to_number", args) == [[1234, -1000], [0.125, ""], ["", ""]]


def test_excel_path_single_cell_failure_is_a_readable_error():
    with pytest.raises(xw.XlwingsError, match="전화번호처럼"):
        call("to_number", [["010-1234-5678"]])


def test_excel_path_range_failure_is_a_value_error_cell():
    result = call("to_number", [["1,234", "abc"]])
    assert result == [[1234, {"type": "Error", "errorType": "Value"}]]


def test_excel_path_on_error_argument():
    assert call("to_number", [["1,234", "abc"]], [["keep"]]) == [[1234, "abc"]]
    assert call("to_number", [["1,234", "abc"]], [["blank"]]) == [[1234, ""]]
    with pytest.raises(xw.XlwingsError, match="on_error"):
        call("to_number", [["1,234", "abc"]], [["nope"]])


# --- Invariants of the tables ----------------------------------------------------------------


def test_trim_sets_never_eat_into_a_number():
    digits_and_words = set("0123456789.,십백천만억조")
    assert not digits_and_words & set(engine._PREFIX_CHARS)
    assert not digits_and_words & set(engine._SUFFIX_CHARS)
    for unit in engine.UNITS:
        assert unit and not set(unit) & digits_and_words, unit
