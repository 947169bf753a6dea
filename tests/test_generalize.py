"""Generalisation, rounding and top/bottom coding (가명정보 처리 가이드라인 techniques)."""

import asyncio
import math
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import custom_functions
import numpy as np
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given, settings
from hypothesis import strategies as st

from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.privacy.generalize import (
    describe_generalization,
    generalize_series,
    suppress_series,
)
from dadeum.errors import InvalidArgumentError
from tests.conftest import office_js_call


def gen(values, kind, size=None) -> list:
    return generalize_series(pd.Series(values, dtype=object), kind, size).tolist()


def rrn(born: date, gender: int) -> str:
    front = born.strftime("%y%m%d") + str(gender) + "23456"
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    total = sum(int(d) * w for d, w in zip(front, weights, strict=True))
    return f"{front[:6]}-{front[6:]}{(11 - total % 11) % 10}"


# --- 나이 -------------------------------------------------------------------------------------


def expected_decade(age: float) -> str:
    whole = int(age)
    if whole < 10:
        return "10세 미만"
    if whole >= 100:
        return "100세 이상"
    return f"{str(whole)[:-1]}0대"  # the tens digit, written out: 37 → "30대"


@pytest.mark.parametrize(
    ("age", "band"),
    [(0, "10세 미만"), (9, "10세 미만"), (9.99, "10세 미만"), (10, "10대"), (35, "30대"),
     (39.9, "30대"), ("47세", "40대"), ("만 52세", "50대"), ("만52", "50대"),
     ("만 나이 61세", "60대"), ("８１", "80대"), (99, "90대"),
     (100, "100세 이상"), (130, "100세 이상")],
)  # fmt: skip
def test_age_in_ten_year_bands(age, band):
    assert gen([age], "나이") == [band]


@given(st.integers(0, 130) | st.floats(0, 130))
def test_age_bands_match_an_independent_rule(age):
    assert gen([age], "age") == [expected_decade(age)]


@pytest.mark.parametrize(
    ("size", "age", "band"),
    [(5, 34, "30~34세"), (5, 35, "35~39세"), (5, 0, "0~4세"), (5, 102, "100~104세"),
     (10, 35, "30대"), (20, 35, "20~39세"), (1, 35, "35세"), ("5", 7, "5~9세")],
)  # fmt: skip
def test_age_with_a_band_width(size, age, band):
    assert gen([age], "연령", size) == [band]


@pytest.mark.parametrize("age", [-1, 131, 250, "스무살", "30 세쯤", True])
def test_age_that_is_not_an_age_is_a_cell_error(age):
    (result,) = gen([age], "나이")
    assert isinstance(result, CellError) and "나이" in result.reason
    assert str(age) not in result.reason  # the reason never repeats the value


def test_age_blanks_and_placeholders():
    result = gen([None, "", "-", 40], "나이")
    assert result[:2] == [None, None] and isinstance(result[2], Placeholder)
    assert result[3] == "40대"


# --- 생년월일 ---------------------------------------------------------------------------------


BIRTH_CASES = [
    ("1990-01-01", 1990), ("1990.1.1", 1990), ("1990년 1월 1일", 1990), (19900101, 1990),
    ("19900101", 1990), (32874, 1990),  # an Excel date serial: 1990-01-01
    ("900101", 1990), ("90.01.01", 1990), (900101, 1990),  # YYMMDD, as forms ask
    ("010203", 2001), ("2001.1.5", 2001),
    (rrn(date(1985, 5, 5), 2), 1985), (rrn(date(2003, 12, 31), 3), 2003),
    (rrn(date(1899, 12, 1), 9), 1899), (rrn(date(1980, 2, 29), 5), 1980),  # 외국인
    (rrn(date(1985, 5, 5), 2).replace("-", ""), 1985),
    (int(rrn(date(2001, 2, 3), 4).replace("-", "")), 2001),  # Excel dropped its zeros
    ("850505-2******", 1985), ("030303-4******", 2003),  # masked: date and century remain
    (pd.Timestamp("1975-07-07"), 1975),
]  # fmt: skip


@pytest.mark.parametrize(("value", "year"), BIRTH_CASES)
def test_birth_date_to_year(value, year):
    assert gen([value], "생년월일") == [year]


def test_two_digit_years_take_the_century_that_is_in_the_past():
    today = date.today()
    tomorrow_last_century = date(today.year - 100, 1, 1)
    value = date(today.year, 12, 31).strftime("%y%m%d")  # later this year: 100 years ago
    if date(today.year, 12, 31) > today:
        assert gen([value], "birth") == [today.year - 100]
    assert gen([tomorrow_last_century.strftime("%y0101")], "birth") in (
        [today.year],
        [today.year - 100],
    )


@pytest.mark.parametrize(
    ("size", "year", "band"),
    [(10, 1990, "1990년대"), (10, 1987, "1980년대"), (5, 1992, "1990~1994년"),
     (5, 1995, "1995~1999년"), (20, 1987, "1980~1999년"), (1, 1987, 1987)],
)  # fmt: skip
def test_birth_year_bands(size, year, band):
    assert gen([f"{year}-06-15"], "생년월일", size) == [band]


@pytest.mark.parametrize("value", ["abc", "901301-1234567", "2099-01-01x", "13월 5일", True])
def test_unreadable_birth_dates(value):
    (result,) = gen([value], "생년월일")
    assert isinstance(result, CellError) and "생년월일" in result.reason
    assert str(value) not in result.reason


# --- 주소 -------------------------------------------------------------------------------------


ADDRESS_CASES = [
    ("서울특별시 강남구 테헤란로 152", "서울특별시 강남구", "서울특별시"),
    ("서울 강남구 역삼동 737", "서울특별시 강남구", "서울특별시"),
    ("(06236) 서울특별시 강남구 테헤란로 152, 12층", "서울특별시 강남구", "서울특별시"),
    ("경기 성남시 분당구 판교역로 235", "경기도 성남시 분당구", "경기도"),
    ("분당구 정자동 178-1", "경기도 성남시 분당구", "경기도"),
    ("세종시 한누리대로 2130", "세종특별자치시", "세종특별자치시"),
    ("강원도 춘천시 중앙로 1", "강원특별자치도 춘천시", "강원특별자치도"),
    ("부산광역시 해운대구 센텀중앙로 79", "부산광역시 해운대구", "부산광역시"),
]


@pytest.mark.parametrize(("address", "level2", "level1"), ADDRESS_CASES)
def test_address_to_sigungu_and_sido(address, level2, level1):
    assert gen([address], "주소") == [level2]
    assert gen([address], "address", 1) == [level1]


def test_address_without_a_place_is_an_error_without_the_address():
    (result,) = gen(["테헤란로 152 역삼빌딩"], "주소")
    assert isinstance(result, CellError) and "테헤란로" not in result.reason


# --- 날짜 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "month", "quarter", "year"),
    [("2023-03-05", "2023-03", "2023년 1분기", 2023),
     ("2023. 12. 31.", "2023-12", "2023년 4분기", 2023),
     (45000, "2023-03", "2023년 1분기", 2023),  # Excel serial of 2023-03-15
     ("2024년 7월 1일 오후 3시", "2024-07", "2024년 3분기", 2024),
     (pd.Timestamp("1999-06-30 23:59"), "1999-06", "1999년 2분기", 1999)],
)  # fmt: skip
def test_date_to_month_quarter_year(value, month, quarter, year):
    assert gen([value], "날짜") == [month]
    assert gen([value], "date", "month") == [month]
    assert gen([value], "날짜", "분기") == [quarter]
    assert gen([value], "날짜", "연도") == [year]
    assert gen([value], "date", "year") == [year]


def test_bad_date_is_an_error():
    (result,) = gen(["2023.2.30"], "날짜")
    assert isinstance(result, CellError) and "2023" not in result.reason


# --- 금액 (라운딩) -----------------------------------------------------------------------------


def excel_round(value: float, step: float) -> float:
    """Excel's ROUND to a multiple of step: half away from zero, computed with Decimal."""
    quotient = (Decimal(repr(value)) / Decimal(repr(step))).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    return float(quotient * Decimal(repr(step)))


@pytest.mark.parametrize(
    ("value", "size", "rounded"),
    [(1_234_567, None, 1_235_000), (1_234_499, None, 1_234_000), (1_234_500, None, 1_235_000),
     (-1_500, None, -2_000), (499, None, 0), ("1,234,567원", None, 1_235_000),
     ("△1,500", None, -2_000), ("3억 5천만원", 100_000_000, 400_000_000),
     (1_234_567, 10_000, 1_230_000), (0.285, 0.01, 0.29), (1.005, 0.01, 1.01),
     (2.5, 1, 3), (-2.5, 1, -3), (1234.5678, 0.1, 1234.6), (0, None, 0),
     (28_770_276_585, 10, 28_770_276_590), (-(10**12) + 5, 10, -(10**12))],
)  # fmt: skip
def test_rounding_table(value, size, rounded):
    (result,) = gen([value], "금액", size)
    assert result == pytest.approx(rounded, abs=1e-9)
    assert isinstance(result, float)


@settings(max_examples=300)
@given(
    st.integers(-(10**12), 10**12),
    st.sampled_from([1, 10, 100, 1000, 10_000, 1_000_000]),
)
def test_rounding_matches_decimal_half_up(value, step):
    assert gen([value], "round", step) == [excel_round(value, step)]


@pytest.mark.parametrize("size", [0, -10, "abc", float("inf")])
def test_rounding_needs_a_positive_size(size):
    with pytest.raises(InvalidArgumentError, match="size"):
        gen([1], "금액", size)


# --- 상하단 코딩 --------------------------------------------------------------------------------


def linear_quantile(sorted_values: list[float], q: float) -> float:
    """Hyndman & Fan type 7 (numpy's default), written out."""
    position = (len(sorted_values) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def test_top_and_bottom_coding_of_1_to_100():
    result = gen(list(range(1, 101)), "상하단")
    assert result[:5] == ["5.95 이하"] * 5
    assert result[5:95] == [float(v) for v in range(6, 96)]
    assert result[95:] == ["95.05 이상"] * 5


def test_top_coding_of_incomes_with_thousands_separators():
    incomes = [3_000_000 + 10_000 * i for i in range(19)] + [250_000_000]
    result = gen(incomes, "topcode", 0.05)
    high = linear_quantile(sorted(incomes), 0.95)
    low = linear_quantile(sorted(incomes), 0.05)
    assert result[-1] == f"{high:,.0f} 이상"
    assert result[0] == f"{low:,.0f} 이하"
    assert result[1:-1] == [float(v) for v in incomes[1:-1]]


@settings(max_examples=200)
@given(
    st.lists(st.integers(0, 10**6), min_size=2, max_size=60),
    st.sampled_from([0.01, 0.05, 0.1, 5, 10, 25]),
)
def test_top_coding_matches_an_independent_quantile(values, size):
    share = size / 100 if size >= 1 else size
    ordered = sorted(values)
    low, high = linear_quantile(ordered, share), linear_quantile(ordered, 1 - share)
    result = gen(values, "상하단", size)
    for value, coded in zip(values, result, strict=True):
        if value > high + 1e-9 * max(1, abs(high)):
            assert isinstance(coded, str) and coded.endswith("이상")
        elif value < low - 1e-9 * max(1, abs(low)):
            assert isinstance(coded, str) and coded.endswith("이하")
        elif low < value < high:
            assert coded == float(value)


def test_top_coding_keeps_blanks_and_errors_in_place():
    result = gen([1, None, "abc", 2, 3], "상하단", 0.25)
    assert result[1] is None and isinstance(result[2], CellError)


@pytest.mark.parametrize("size", [0, 0.5, 50, -1, "abc"])
def test_top_coding_share_must_be_below_half(size):
    with pytest.raises(InvalidArgumentError, match="size"):
        gen([1, 2, 3], "상하단", size)


# --- 우편번호 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "head"),
    [("06236", "062"), (6236, "062"), (6236.0, "062"), ("(06236)", "062"), ("０６２３６", "062"),
     ("63309", "633"), (" 13529 ", "135")],
)  # fmt: skip
def test_postcode_to_first_three_digits(value, head):
    assert gen([value], "우편번호") == [head]


@pytest.mark.parametrize("value", ["135-080", "99999", "00123", "1234", "주소", 123456, 12.5])
def test_bad_postcodes(value):
    (result,) = gen([value], "postcode")
    assert isinstance(result, CellError)
    assert str(value) not in result.reason


def test_postcode_takes_no_size():
    with pytest.raises(InvalidArgumentError, match="size"):
        gen(["06236"], "우편번호", 2)


# --- Kinds and general behaviour ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["나이", "연령", "age", " AGE ", "생년월일", "birth", "주소",
                                  "날짜", "금액", "라운딩", "round", "상하단", "상하단 코딩",
                                  "topcode", "우편번호", "zipcode"])  # fmt: skip
def test_kind_aliases(kind):
    generalize_series(pd.Series([], dtype=object), kind)


def test_unknown_kind_lists_the_choices():
    with pytest.raises(InvalidArgumentError, match="나이") as caught:
        gen([1], "성별")
    assert "우편번호" in str(caught.value)


@settings(max_examples=200)
@given(
    values=st.lists(
        st.one_of(
            st.text(max_size=30),
            st.integers(-(10**13), 10**13),
            st.floats(allow_nan=True, allow_infinity=True),
            st.booleans(),
            st.none(),
            st.dates(),
        ),
        max_size=15,
    ),
    kind=st.sampled_from(["나이", "생년월일", "주소", "날짜", "금액", "상하단", "우편번호"]),
)
def test_never_raises_for_any_cell(values, kind):
    result = gen(values, kind)
    assert len(result) == len(values)
    for value, out in zip(values, result, strict=True):
        if isinstance(out, CellError):
            assert not isinstance(value, str) or len(value) < 4 or value not in out.reason


def test_index_is_kept_and_input_not_modified():
    values = pd.Series([35, None, 47], index=[10, 20, 30])
    before = values.copy()
    result = generalize_series(values, "나이")
    assert list(result.index) == [10, 20, 30]
    assert result.tolist() == ["30대", None, "40대"]
    pd.testing.assert_series_equal(values, before)


def test_a_large_column_is_quick():
    rng = np.random.default_rng(0)
    ages = pd.Series(rng.integers(0, 100, 200_000))
    births = pd.Series(
        [date(1950, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 25_000, 20_000)]
    )
    assert generalize_series(ages, "나이").str.endswith(("대", "미만")).all()
    assert generalize_series(births.astype(str), "생년월일").between(1950, 2020).all()


@pytest.mark.parametrize(
    ("kind", "size", "text"),
    [("나이", None, "나이를 10세 단위로 범주화 (예: 35 → 30대)"),
     ("age", 5, "나이를 5세 단위로 범주화 (예: 35 → 35~39세)"),
     ("생년월일", None, "생년월일을 출생연도로 일반화 (예: 1992-05-05 → 1992)"),
     ("생년월일", 10, "생년월일을 10년 단위로 범주화 (예: 1992-05-05 → 1990년대)"),
     ("주소", None, "주소를 시도와 시군구까지로 일반화"), ("주소", 1, "주소를 시도까지로 일반화"),
     ("날짜", "분기", "날짜를 분기로 일반화"),
     ("금액", 10000, "금액을 10,000 단위로 라운딩(반올림)"),
     ("상하단", 5, "상하단 코딩: 양 끝 5%의 값을 기준값 이상/이하로 바꿈"),
     ("우편번호", None, "우편번호를 앞 3자리(시군구)로 일반화")],
)  # fmt: skip
def test_descriptions_for_the_review_record(kind, size, text):
    assert describe_generalization(kind, size) == text


def test_description_checks_the_size_like_the_function():
    with pytest.raises(InvalidArgumentError, match="size"):
        describe_generalization("주소", 3)


def test_suppress_blanks_everything_and_keeps_the_index():
    values = pd.Series(["홍길동", 35, None], index=[5, 6, 7])
    result = suppress_series(values)
    assert result.tolist() == [None, None, None] and list(result.index) == [5, 6, 7]
    assert values.tolist()[0] == "홍길동"


# --- Excel path -----------------------------------------------------------------------------


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


ERROR_VALUE = {"type": "Error", "errorType": "Value"}


def test_excel_generalize_keeps_the_shape():
    assert call("generalize", [[35, ""], ["47세", 102]], [["나이"]]) == [
        ["30대", ""],
        ["40대", "100세 이상"],
    ]
    assert call("generalize", [[34], [35]], [["나이"]], [[5]]) == [["30~34세"], ["35~39세"]]


def test_excel_generalize_addresses_and_dates():
    result = call("generalize", [["서울 강남구 테헤란로 152"]], [["주소"]], [[1]])
    assert result == [["서울특별시"]]
    assert call("generalize", [[45000]], [["날짜"]], [["연도"]]) == [[2023]]


def test_excel_generalize_errors_and_on_error():
    result = call("generalize", [["abc"], [35]], [["나이"]])
    assert result == [[ERROR_VALUE], ["30대"]]
    result = call("generalize", [["abc"], [35]], [["나이"]], [[""]], [["blank"]])
    assert result == [[""], ["30대"]]
    with pytest.raises(xw.XlwingsError, match="나이로 읽을 수 없는"):
        call("generalize", [["abc"]], [["나이"]])


def test_excel_generalize_refuses_keep():
    with pytest.raises(xw.XlwingsError, match="keep"):
        call("generalize", [["abc"]], [["나이"]], [[""]], [["keep"]])


def test_excel_generalize_unknown_kind():
    with pytest.raises(xw.XlwingsError, match="kind"):
        call("generalize", [[35]], [["성별"]])


def test_excel_top_coding_uses_the_whole_range():
    cells = [[v] for v in range(1, 21)]
    result = call("generalize", cells, [["상하단"]], [[0.05]])
    assert result[0][0].endswith("이하") and result[-1][0].endswith("이상")
    assert result[1][0] == 2
