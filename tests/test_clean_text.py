"""clean_text in plain Python: the engine and the Excel wrapper called directly."""

import pandas as pd
import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st

import udfs
from dadeum.engine.text import clean_text, clean_text_series


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  서울특별시  ", "서울특별시"),
        ("서울\u00a0특별시", "서울 특별시"),  # NBSP from web pages
        ("\u3000서울\u3000\u3000중구\u3000", "서울 중구"),  # ideographic space from HWP
        ("서울\u200b특별시", "서울특별시"),  # zero-width space sits inside the word
        ("\ufeff합계", "합계"),  # BOM at the start of a CSV cell
        ("민원\r\n접수\t대장", "민원 접수 대장"),  # Alt+Enter line breaks and tabs
        ("a\x00b\x07c\x1b", "abc"),  # control characters from old systems
        ("\u1100\u1161\u11a8", "각"),  # decomposed Hangul (NFD, Mac file names)
        (
            "\u1112\u1161\u11ab\u1100\u1173\u11af",
            "한글",
        ),
        ("ＡＢＣ－１２３", "ABC-123"),  # full-width ASCII
        ("（주）다듬", "(주)다듬"),
        ("ㅡ ㄱ ㅋㅋ", "ㅡ ㄱ ㅋㅋ"),  # compatibility jamo are kept (not NFKC)
        ("12㎡", "12㎡"),  # unit symbols are kept
        ("", ""),
        ("\u00a0\u3000 ", ""),
    ],
)
def test_clean_text_fixes_what_excel_trim_misses(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("value", [0, 1234.5, -3, True, None, pd.Timestamp("2023-03-05")])
def test_non_text_values_come_back_unchanged(value):
    assert clean_text(value) is value


def test_series_version_matches_scalar_and_keeps_index():
    values = pd.Series(["  a  b ", 3, None, "ＡＢ", "\u1100\u1161"], index=[10, 11, 12, 13, 14])
    result = clean_text_series(values)
    assert list(result.index) == [10, 11, 12, 13, 14]
    assert result.tolist() == [clean_text(value) for value in values]
    assert values.tolist()[0] == "  a  b "  # the input is not modified


any_cell = st.one_of(
    st.text(max_size=60),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)


@given(st.text())
def test_clean_text_is_idempotent_and_leaves_no_edge_space(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert "\u00a0" not in once and "\u3000" not in once and "\u200b" not in once


@given(st.lists(st.lists(any_cell, min_size=1, max_size=4), min_size=1, max_size=5))
def test_excel_wrapper_never_crashes_and_keeps_the_shape(rows):
    width = max(len(row) for row in rows)
    out = udfs.clean_text(rows) if (len(rows), width) != (1, 1) else None
    if out is None:  # a single cell: a value or a clear XlwingsError, never anything else
        try:
            out = udfs.clean_text(rows)
        except xw.XlwingsError:
            return
    assert len(out) == len(rows)
    assert all(len(row) == width for row in out)


def test_excel_wrapper_blanks_errors_and_numbers():
    out = udfs.clean_text([[" a ", None, "", 3, "#DIV/0!", "#N/A"]])
    assert out == [["a", "", "", 3, "#DIV/0!", "#N/A"]]


def test_excel_wrapper_rejects_text_too_long_for_a_cell():
    with pytest.raises(xw.XlwingsError, match="32,767"):
        udfs.clean_text("가" * 40_000)
    # in a range only that cell becomes #VALUE!, the rest is still cleaned
    assert udfs.clean_text([["가" * 40_000, " 나 "]]) == [["#VALUE!", "나"]]


def test_huge_text_within_the_cell_limit_is_cleaned():
    text = ("가\u00a0" * 16_000).strip()
    assert udfs.clean_text(text) == [[("가 " * 16_000).strip()]]
