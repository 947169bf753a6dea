"""check_id: 사업자·법인·주민·외국인등록번호.

Every number here is fake: random digits completed with a check digit computed by the helpers
below, which are written from the published rules independently of the engine.
"""

import asyncio
from datetime import date, timedelta

import custom_functions
import numpy as np
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given
from hypothesis import strategies as st

from dadeum.engine.identifiers import (
    check_id,
    check_id_series,
    explain_id,
    explain_id_series,
    is_valid_brn,
    is_valid_crn,
    is_valid_frn,
    is_valid_rrn,
)
from dadeum.errors import InvalidArgumentError
from tests.conftest import office_js_call

# --- independent check-digit helpers ----------------------------------------------


def brn_check(nine: str) -> str:
    """국세청: weights 1,3,7,1,3,7,1,3,5; add the tens of the last product; 10 - sum % 10."""
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    products = [int(a) * b for a, b in zip(nine, weights, strict=True)]
    total = sum(products) + products[-1] // 10
    return str((10 - total % 10) % 10)


def crn_check(twelve: str) -> str:
    """법인등록번호: weights 1,2,1,2,…; 10 - sum % 10."""
    total = sum(int(a) * (1 if i % 2 == 0 else 2) for i, a in enumerate(twelve))
    return str((10 - total % 10) % 10)


def rrn_check(twelve: str) -> str:
    """주민등록번호 (before 2020-10): weights 2..9,2..5; (11 - sum % 11) % 10."""
    total = sum(
        int(a) * w for a, w in zip(twelve, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True)
    )
    return str((11 - total % 11) % 10)


def frn_check(twelve: str) -> str:
    """외국인등록번호 (before 2020-10): the same sum; ((11 - sum % 11) % 10 + 2) % 10."""
    return str((int(rrn_check(twelve)) + 2) % 10)


def wrong(digit: str) -> str:
    return str((int(digit) + 1) % 10)


def brn(nine: str) -> str:
    return nine + brn_check(nine)


def crn(twelve: str) -> str:
    return twelve + crn_check(twelve)


def resident(born: str, gender: str, serial: str, *, foreign: bool = False) -> str:
    twelve = born + gender + serial
    return twelve + (frn_check if foreign else rrn_check)(twelve)


# --- the check digit helpers agree with hand-worked examples ---------------------------


def test_helpers_on_hand_worked_examples():
    # 123-45-6789?: 1+6+21+4+15+42+7+24+45 = 165, + 45//10 = 169 -> (10 - 9) % 10 = 1
    assert brn_check("123456789") == "1"
    # 110111-123456?: 1+2+0+2+1+2+1+4+3+8+5+12 = 41 -> 9
    assert crn_check("110111123456") == "9"
    # 900101-123456?: 18+0+0+5+0+7+8+18+6+12+20+30 = 124, 124 % 11 = 3 -> 8
    assert rrn_check("900101123456") == "8"
    assert frn_check("900101523456") == str((int(rrn_check("900101523456")) + 2) % 10)


# --- 사업자등록번호 ------------------------------------------------------------------


@pytest.mark.parametrize("nine", ["123456789", "101810000", "220880123", "605120987", "000000001"])
def test_brn_valid_in_any_spelling(nine):
    number = brn(nine)
    spelled = [
        number,
        f"{number[:3]}-{number[3:5]}-{number[5:]}",
        f"{number[:3]} {number[3:5]} {number[5:]}",
    ]
    for text in spelled:
        assert check_id(text, "사업자등록번호") is True
        assert check_id(text, "brn") is True
    assert is_valid_brn(number)
    assert explain_id(number, "사업자") == "유효합니다."


@pytest.mark.parametrize("nine", ["123456789", "101810000", "220880123"])
def test_brn_wrong_check_digit(nine):
    number = nine + wrong(brn_check(nine))
    assert check_id(number, "사업자") is False
    assert not is_valid_brn(number)
    assert explain_id(number, "사업자") == "검증번호가 맞지 않습니다."


def test_brn_as_a_number_cell():
    number = brn("123456789")
    assert check_id(int(number), "사업자") is True
    assert check_id(float(number), "사업자") is True


# --- 법인등록번호 --------------------------------------------------------------------


@pytest.mark.parametrize("twelve", ["110111123456", "134511000000", "201311987654"])
def test_crn(twelve):
    number = crn(twelve)
    assert check_id(f"{number[:6]}-{number[6:]}", "법인등록번호") is True
    assert check_id(number, "crn") is True
    assert is_valid_crn(number)
    bad = twelve + wrong(crn_check(twelve))
    assert check_id(bad, "법인") is False
    assert not is_valid_crn(bad)


# --- 주민등록번호 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "gender"),
    [
        ("900101", "1"),
        ("851231", "2"),
        ("000229", "3"),  # 2000 was a leap year
        ("150615", "4"),
        ("991231", "1"),
        ("990101", "9"),  # 1899
        ("500505", "0"),
    ],
)
def test_rrn_valid_with_check_digit(born, gender):
    number = resident(born, gender, "23456")
    assert check_id(f"{number[:6]}-{number[6:]}", "주민등록번호") is True
    assert check_id(number, "rrn", strict=True) is True
    assert is_valid_rrn(number, strict=True)
    assert explain_id(number, "주민") == "유효합니다."


@pytest.mark.parametrize(
    ("born", "gender", "reason"),
    [
        ("901301", "1", "날짜"),  # month 13
        ("900100", "1", "날짜"),  # day 0
        ("900431", "1", "날짜"),  # 30 days in April
        ("010229", "3", "날짜"),  # 2001 was not a leap year
        ("000229", "1", "날짜"),  # nor was 1900
        ("900101", "5", "외국인등록번호"),  # 5-8 belong to foreigners
        ("900101", "7", "외국인등록번호"),
    ],
)
def test_rrn_invalid(born, gender, reason):
    number = resident(born, gender, "23456")
    assert check_id(number, "주민") is False
    assert not is_valid_rrn(number)
    assert reason in explain_id(number, "주민")


def test_rrn_born_in_the_future_is_invalid():
    tomorrow = date.today() + timedelta(days=1)
    born = tomorrow.strftime("%y%m%d")
    gender = "3" if tomorrow.year >= 2000 else "1"
    assert check_id(resident(born, gender, "23456"), "주민") is False
    assert "오늘보다 뒤" in explain_id(resident(born, gender, "23456"), "주민")


def test_rrn_check_digit_is_optional_unless_strict():
    twelve = "900101123456"
    bad = twelve + wrong(rrn_check(twelve))
    assert check_id(bad, "주민") is True  # could be a number issued after 2020-10
    assert "검증번호가 맞지 않아" in explain_id(bad, "주민")
    assert check_id(bad, "주민", strict=True) is False
    assert explain_id(bad, "주민", strict=True) == "검증번호가 맞지 않습니다."
    assert not is_valid_rrn(bad, strict=True) and is_valid_rrn(bad)


def test_rrn_born_after_october_2020_never_needs_a_check_digit():
    twelve = "2103153" + "98765"
    bad = twelve + wrong(rrn_check(twelve))
    assert check_id(bad, "주민", strict=True) is True
    assert explain_id(bad, "주민") == "유효합니다."
    born_before = "2010043" + "98765"  # 2020-10-04: a number with a check digit was possible
    assert check_id(born_before + wrong(rrn_check(born_before)), "주민", strict=True) is False


@pytest.mark.parametrize(
    ("cell", "valid"),
    [
        # born 2000-01-01: the number starts 0001…, and Excel drops the three zeros
        (int(resident("000101", "3", "23456")), True),
        (float(resident("000101", "3", "23456")), True),
        (int(resident("091231", "4", "23456")), True),
        (12345, False),  # far too short to be a number that lost its zeros
    ],
)
def test_rrn_as_a_number_cell_gets_its_zeros_back(cell, valid):
    assert check_id(cell, "주민") is valid


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("900101-1******", "가려진"),
        ("900101-1xxxxxx", "가려진"),
        ("900101-123456", "13자리"),
        ("900101-12345678", "13자리"),
        ("900101/1234567", "다른 글자"),
        ("주민번호 없음", "다른 글자"),
    ],
)
def test_rrn_malformed(text, reason):
    assert check_id(text, "주민") is False
    assert reason in explain_id(text, "주민")


def test_full_width_digits_and_odd_dashes():
    number = resident("900101", "1", "23456")
    full = f"{number[:6]}－{number[6:]}".translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    assert check_id(full, "주민", strict=True) is True
    assert check_id(f"{number[:6]}ㅡ{number[6:]}", "주민", strict=True) is True
    assert check_id(f" {number[:6]} - {number[6:]} ", "주민", strict=True) is True


# --- 외국인등록번호 ------------------------------------------------------------------


@pytest.mark.parametrize(("born", "gender"), [("900101", "5"), ("851231", "6"), ("050505", "7")])
def test_frn(born, gender):
    number = resident(born, gender, "12345", foreign=True)
    assert check_id(number, "외국인등록번호", strict=True) is True
    assert is_valid_frn(number, strict=True)
    assert check_id(number, "주민") is False
    assert check_id(resident(born, "1", "12345"), "외국인") is False
    twelve = number[:12]
    bad = twelve + wrong(frn_check(twelve))
    assert check_id(bad, "frn") is True and check_id(bad, "frn", strict=True) is False


# --- kinds, blanks, series -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("사업자등록번호", "brn"), ("사업자", "brn"), ("BRN", "brn"), (" 사업자 등록번호 ", "brn"),
        ("법인등록번호", "crn"), ("법인", "crn"), ("crn", "crn"),
        ("주민등록번호", "rrn"), ("주민", "rrn"), ("RRN", "rrn"),
        ("외국인등록번호", "frn"), ("외국인", "frn"), ("frn", "frn"),
    ],
)  # fmt: skip
def test_kind_names(kind, code):
    numbers = {
        "brn": brn("123456789"),
        "crn": crn("110111123456"),
        "rrn": resident("900101", "1", "23456"),
        "frn": resident("900101", "5", "23456", foreign=True),
    }
    for other, number in numbers.items():
        assert check_id(number, kind, strict=True) is (other == code)


@pytest.mark.parametrize("kind", ["여권번호", "", None, 3])
def test_unknown_kind_lists_the_choices(kind):
    with pytest.raises(InvalidArgumentError, match=r"사업자등록번호.*외국인등록번호"):
        check_id("1", kind)


def test_series_blanks_bools_index_and_input_untouched():
    good = brn("123456789")
    values = pd.Series([good, None, "  ", np.nan, True, 1, good, "x"], index=list("abcdefgh"))
    before = values.copy()
    result = check_id_series(values, "사업자")
    assert list(result.index) == list(values.index)
    assert result.tolist() == [True, None, None, None, False, False, True, False]
    assert all(type(v) is bool for v in result if v is not None)
    reasons = explain_id_series(values, "사업자")
    assert reasons["a"] == "유효합니다." and reasons["b"] is None
    assert "읽을 수 없는" in reasons["e"]  # True is not the number 1
    assert "10자리" in reasons["f"]
    pd.testing.assert_series_equal(values, before)


# --- properties ----------------------------------------------------------------------

birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date.today())
serials = st.from_regex(r"[0-9]{5}", fullmatch=True)


def gender_for(born: date, foreign: bool, female: bool) -> str:
    base = {(False, 1900): 1, (False, 2000): 3, (True, 1900): 5, (True, 2000): 7}
    return str(base[(foreign, born.year // 100 * 100)] + female)


@given(birth_dates, serials, st.booleans(), st.booleans())
def test_any_real_birth_date_with_its_check_digit_is_valid(born, serial, foreign, female):
    number = resident(
        born.strftime("%y%m%d"), gender_for(born, foreign, female), serial, foreign=foreign
    )
    kind = "외국인" if foreign else "주민"
    assert check_id(number, kind, strict=True) is True
    twelve = number[:12]
    bad = twelve + wrong(number[12])
    assert check_id(bad, kind) is True
    assert check_id(bad, kind, strict=True) is (born >= date(2020, 10, 5))


@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_brn_exactly_one_check_digit_fits(nine):
    fits = [d for d in "0123456789" if check_id(nine + d, "사업자")]
    assert fits == [brn_check(nine)]


@given(st.from_regex(r"[0-9]{12}", fullmatch=True))
def test_crn_exactly_one_check_digit_fits(twelve):
    fits = [d for d in "0123456789" if is_valid_crn(twelve + d)]
    assert fits == [crn_check(twelve)]


@given(
    st.lists(st.from_regex(r"[0-9]{13}", fullmatch=True), min_size=1, max_size=30), st.booleans()
)
def test_scalar_validators_agree_with_the_column_version(numbers, strict):
    series = pd.Series(numbers)
    assert check_id_series(series, "rrn", strict=strict).tolist() == [
        is_valid_rrn(n, strict=strict) for n in numbers
    ]
    assert check_id_series(series, "frn", strict=strict).tolist() == [
        is_valid_frn(n, strict=strict) for n in numbers
    ]
    assert check_id_series(series, "crn").tolist() == [is_valid_crn(n) for n in numbers]
    tens = series.str[:10]
    assert check_id_series(tens, "brn").tolist() == [is_valid_brn(n) for n in tens]


any_cell = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"[0-9]{6}-?[0-9]{7}", fullmatch=True),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
)


@given(st.lists(any_cell, max_size=20), st.sampled_from(["사업자", "법인", "주민", "외국인"]))
def test_never_crashes_and_keeps_the_shape(cells, kind):
    values = pd.Series(cells, dtype=object)
    result = check_id_series(values, kind)
    reasons = explain_id_series(values, kind)
    assert len(result) == len(reasons) == len(values)
    for verdict, reason in zip(result, reasons, strict=True):
        assert (verdict is None) == (reason is None)
        assert verdict is None or (verdict is True) == reason.startswith("유효합니다")


# --- Excel ---------------------------------------------------------------------------


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_excel_true_false_same_shape_blanks_and_errors():
    good = brn("123456789")
    bad = "123456789" + wrong(brn_check("123456789"))
    error_cell = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
    args = [[good, bad], [None, error_cell], [int(good), "123-45"]]
    assert call("check_id", args, [["사업자"]], None) == [
        [True, False],
        ["", {"type": "Error", "errorType": "NotAvailable"}],
        [True, False],
    ]


def test_excel_detail_gives_the_reason_text():
    number = resident("900101", "1", "23456")
    args = [[number], ["901301-1234567"], [None]]
    assert call("check_id", args, [["주민등록번호"]], [[True]]) == [
        ["유효합니다."],
        ["앞 6자리가 있는 날짜(생년월일)가 아닙니다."],
        [""],
    ]


def test_excel_unknown_kind_is_a_readable_error():
    with pytest.raises(xw.XlwingsError, match="kind"):
        call("check_id", [["123"]], [["여권"]], None)


def test_excel_bad_detail_is_a_readable_error():
    with pytest.raises(xw.XlwingsError, match="detail"):
        call("check_id", [["123"]], [["사업자"]], [["자세히"]])
