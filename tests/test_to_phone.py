"""to_phone: Korean phone numbers in any spelling to the standard hyphenated form."""

import asyncio

import custom_functions
import numpy as np
import pandas as pd
import phonenumbers
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given
from hypothesis import strategies as st

from dadeum.engine.cells import CellError
from dadeum.engine.phones import to_phone, to_phone_series
from dadeum.samples.contacts import messy_phones
from tests.conftest import office_js_call


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("01012345678", "010-1234-5678"),
        ("010 1234 5678", "010-1234-5678"),
        ("010.1234.5678", "010-1234-5678"),
        ("010·1234·5678", "010-1234-5678"),  # middle dots, as Korean documents write them
        ("02·123·4567", "02-123-4567"),
        ("010ㆍ1234ㆍ5678", "010-1234-5678"),  # Hangul araea, 한글's middle dot
        ("031‧1234‧5678", "031-1234-5678"),  # hyphenation point
        ("010 · 1234 · 5678", "010-1234-5678"),
        ("Tel·02·123·4567", "02-123-4567"),
        ("010-1234-5678", "010-1234-5678"),
        ("+82 10-1234-5678", "010-1234-5678"),
        ("+82 010-1234-5678", "010-1234-5678"),  # trunk 0 kept after the country code
        ("+82 (0)2 123 4567", "02-123-4567"),
        ("82-10-1234-5678", "010-1234-5678"),  # + left out
        ("0082-10-1234-5678", "010-1234-5678"),
        ("+82-2-123-4567", "02-123-4567"),
        ("02)123-4567", "02-123-4567"),
        ("(02) 123-4567", "02-123-4567"),
        ("02-1234-5678", "02-1234-5678"),
        ("0212345678", "02-1234-5678"),
        ("031-123-4567", "031-123-4567"),
        ("031 1234 5678", "031-1234-5678"),
        ("064)712-3456", "064-712-3456"),
        ("044-300-1234", "044-300-1234"),
        ("011-234-5678", "011-234-5678"),  # old mobile prefixes, 10 digits
        ("016-9234-5678", "016-9234-5678"),
        ("070-4321-1234", "070-4321-1234"),
        ("080-234-5678", "080-234-5678"),
        ("0505-234-5678", "0505-234-5678"),  # safe numbers keep 050X together
        ("050712345678", "0507-1234-5678"),
        ("1588-1234", "1588-1234"),
        ("1588 1234", "1588-1234"),
        ("15771234", "1577-1234"),
        ("1644-0000", "1644-0000"),
        ("０１０－１２３４－５６７８", "010-1234-5678"),  # full-width
        ("010ㅡ1234ㅡ5678", "010-1234-5678"),  # Hangul vowel as a dash
        ("010–1234–5678", "010-1234-5678"),  # en dash
        ("\u00a0010 - 1234 - 5678\u3000", "010-1234-5678"),
        ("Tel. 02-123-4567", "02-123-4567"),
        ("TEL:02-123-4567", "02-123-4567"),
        ("휴대폰: 010-1234-5678", "010-1234-5678"),
        ("☎ 02-123-4567", "02-123-4567"),
        ("H.P 010-1234-5678", "010-1234-5678"),
        ("02-123-4567(대표)", "02-123-4567"),
        ("010-1234-5678 (자택)", "010-1234-5678"),
        ("010-1234-5678(내선 12)", "010-1234-5678 내선 12"),
        ("02-123-4567 내선 123", "02-123-4567 내선 123"),
        ("02-123-4567 ext. 12", "02-123-4567 내선 12"),
        ("+1 650-253-0000", "+1 650-253-0000"),  # foreign, with its country code
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("001-1-650-253-0000", "+1 650-253-0000"),
    ],
)
def test_real_formats(raw, expected):
    assert to_phone(raw) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (1012345678, "010-1234-5678"),  # Excel dropped the 0 of a mobile number
        (1012345678.0, "010-1234-5678"),
        (np.int64(1012345678), "010-1234-5678"),
        ("1012345678", "010-1234-5678"),  # same, after a round trip through CSV
        (212345678, "02-1234-5678"),
        (21234567, "02-123-4567"),
        (311234567, "031-123-4567"),
        (7012345678, "070-1234-5678"),
        (15881234, "1588-1234"),  # representative numbers never had a 0
        (821012345678, "010-1234-5678"),
    ],
)
def test_numbers_that_lost_their_leading_zero(cell, expected):
    assert to_phone(cell) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("02-123-4567~8", "여러 개"),
        ("010-1234-5678, 02-123-4567", "여러 개"),
        ("010-1234-5678 / 010-2345-6789", "여러 개"),
        ("123-4567", "지역번호"),
        ("1234-5678", "지역번호"),  # 8 digits but not a representative prefix
        ("10-1234-5678", "0이 빠졌"),  # typed that way: not Excel's doing
        ("02-12-345", "자릿수"),
        ("010-1234-56789", "자릿수"),
        ("119", "자릿수"),
        ("Fax 02-123-4567", "팩스"),
        ("02-123-4567 (팩스)", "팩스"),
        ("02-123-4567 (사무실 옆)", "쓸 수 없는 글자"),
        ("홍길동", "전화번호가 아닙니다"),
        ("연락처 없음", "전화번호가 아닙니다"),
        ("013-123-4567", "국번"),
        ("02-0123-4567", "국번"),  # local numbers never start with 0
        ("+1 123", "외국"),
        ("+999 1234 5678", "국가번호"),
        ("010+1234", "'+'"),
        (True, "참/거짓"),
        (1.5, "전화번호가 아닙니다"),
        (-1012345678, "전화번호가 아닙니다"),
    ],
)
def test_what_cannot_be_read_is_an_error_with_a_korean_reason(raw, reason):
    result = to_phone(raw)
    assert isinstance(result, CellError)
    assert reason in result.reason


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000", float("nan")])
def test_blanks_stay_blank(blank):
    assert to_phone(blank) is None


def test_messy_samples_all_come_out_right():
    pairs = messy_phones(5_000, seed=3)
    values = pd.Series([raw for raw, _ in pairs], dtype=object)
    result = to_phone_series(values)
    wrong = [
        (raw, true, got) for (raw, true), got in zip(pairs, result, strict=True) if got != true
    ]
    assert not wrong, wrong[:5]


def test_the_format_matches_phonenumbers_national_form_except_050():
    # Our own formatter must agree with the library wherever the library writes the Korean way.
    pairs = messy_phones(3_000, seed=4)
    for _, true in pairs:
        number = phonenumbers.parse(true, "KR")
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        if true.startswith("050"):
            assert national.replace("-", "") == true.replace("-", "")
        else:
            assert national == true


def test_series_keeps_index_mixed_types_and_leaves_input_alone():
    values = pd.Series(
        [True, 1, "010-1234-5678", None, np.nan, 1012345678, "x", "010-1234-5678"],
        index=[9, 8, 7, 6, 5, 4, 3, 2],
        dtype=object,
    )
    before = values.copy()
    result = to_phone_series(values)
    assert list(result.index) == list(values.index)
    assert result.dtype == object
    assert isinstance(result[9], CellError) and "참/거짓" in result[9].reason  # not merged with 1
    assert isinstance(result[8], CellError) and "참/거짓" not in result[8].reason
    assert result[7] == result[2] == result[4] == "010-1234-5678"
    assert result[6] is None and result[5] is None
    assert isinstance(result[3], CellError)
    pd.testing.assert_series_equal(values, before)


def test_float_and_string_columns():
    floats = pd.Series([1012345678.0, np.nan, 212345678.0])
    assert to_phone_series(floats).tolist() == ["010-1234-5678", None, "02-1234-5678"]
    strings = pd.Series(["010-1234-5678", None], dtype="string")
    assert to_phone_series(strings).tolist() == ["010-1234-5678", None]


phone_like = st.one_of(
    st.text(alphabet="0123456789-.() +ㅡ~내선ext,", max_size=25),
    st.from_regex(r"\+?(82)?[ -]?0?1[016789][ -]?\d{3,4}[ -]?\d{4}", fullmatch=True),
    st.integers(min_value=-(10**13), max_value=10**13),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.none(),
    st.booleans(),
)


@given(st.lists(phone_like, max_size=20))
def test_never_crashes_same_shape_and_idempotent(cells):
    values = pd.Series(cells, dtype=object)
    result = to_phone_series(values)
    assert len(result) == len(values)
    assert list(result.index) == list(values.index)
    for value in result:
        assert value is None or isinstance(value, str | CellError)
        if isinstance(value, str):
            assert to_phone(value) == value  # its own output reads back unchanged


@given(
    st.sampled_from(["010", "011", "02", "031", "051", "064", "070", "0505"]),
    st.integers(2_000, 9_999),
    st.integers(0, 9_999),
    st.sampled_from(
        [
            "{p}-{m}-{l}",
            "{p}{m}{l}",
            "{p} {m} {l}",
            "({p}){m}-{l}",
            "{p}.{m}.{l}",
            "{p}·{m}·{l}",
            "{p}ㆍ{m}ㆍ{l}",
            "{p}‧{m}‧{l}",
        ]  # the last three: middle dots
    ),
)
def test_any_spelling_of_a_valid_number_gives_the_same_answer(prefix, middle, last, style):
    canonical = to_phone(f"{prefix}-{middle}-{last:04d}")
    spelled = style.format(p=prefix, m=middle, l=f"{last:04d}")
    if isinstance(canonical, CellError):  # an unused range (010-5970-…): the reason quotes it
        assert isinstance(to_phone(spelled), CellError)
    else:
        assert to_phone(spelled) == canonical


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_excel_single_cell():
    assert call("to_phone", [["+82 10 1234 5678"]], None) == [["010-1234-5678"]]


def test_excel_range_keeps_shape_blanks_numbers_and_errors():
    error_cell = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
    args = [["02)123-4567", None], [1012345678, "안내 불가"], [error_cell, "1588 1234"]]
    assert call("to_phone", args, None) == [
        ["02-123-4567", ""],
        ["010-1234-5678", {"type": "Error", "errorType": "Value"}],
        [{"type": "Error", "errorType": "NotAvailable"}, "1588-1234"],
    ]


@pytest.mark.parametrize(("on_error", "expected"), [("blank", ""), ("keep", "안내 불가")])
def test_excel_on_error_choices(on_error, expected):
    assert call("to_phone", [["안내 불가"], ["010 1234 5678"]], [[on_error]]) == [
        [expected],
        ["010-1234-5678"],
    ]


def test_excel_single_cell_failure_shows_the_reason():
    with pytest.raises(xw.XlwingsError, match="지역번호가 없습니다"):
        call("to_phone", [["123-4567"]], None)


def test_excel_bad_on_error_is_a_readable_error():
    with pytest.raises(xw.XlwingsError, match="on_error"):
        call("to_phone", [["010 1234 5678"]], [["ignore"]])


def test_excel_and_the_clean_button_read_middle_dots():
    from dadeum.engine.columns import detect_column_type

    assert call("to_phone", [["010·1234·5678"], ["02ㆍ123ㆍ4567"]], None) == [
        ["010-1234-5678"],
        ["02-123-4567"],
    ]
    column = pd.Series(["010·1234·5678", "02·123·4567", "031‧1234‧5678"], dtype=object)
    assert detect_column_type(column) == "phone"
