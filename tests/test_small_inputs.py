"""A few cells read exactly as they would inside a big column.

TO_NUMBER and TO_DATE take shortcuts on a few cells (Python ``str`` methods and ``re``
instead of pyarrow kernels, whose fixed cost per call is larger than the work on a handful of
texts). These tests hold the shortcuts to the vectorised path: the same values, types and
Korean reasons, cell for cell.
"""

import contextlib
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dadeum.engine import _regex
from dadeum.engine.dates import _serials, to_date_series
from dadeum.engine.numbers import to_number_series
from dadeum.samples.dates import korean_date_samples
from dadeum.samples.numbers import korean_number_samples

# Cells the seeded generators do not make: spacing, full-width forms, marks and near misses.
HAND_WRITTEN = [
    "", " ", "\u3000", "１,２３４원", "1 234 567", "1,234\u00a0", "\t12\t", "  3억  5천만 원 ",
    "12m2", "3.5 km2", "5m3", "１２ m3", " 7\u3000m2", "1,234천원", "2조 3,400억", "1억 2천",
    "1억 12,345만", "만", "천원",
    "5천만", "1.5E+05", "(1,234)", "△ 1,000", "1,234-", "--5", "1,234*", "1,234¹⁾", "1,234 p)",
    "'1,234", "일금 일백만원정", "12.5%", "0", "-0", "01012345678", "1234567890123456",
    "2023. 3. 5.", "2023.3.5(일)", "2023-03-05 오후 2:30", "23.3.5", "'95.3.5", "2017.1/4",
    "2017년 3분기", "2023년 하반기", "20230305", "202307", "240105", "45000", "2014년",
    "2014회계연도", "03/05/2023", "13/05/2023", "2023.2.30", "2023-03-05T14:30:00+09:00",
    "2023.07", "'23.07", "23년 7월", "3월 5일", "14:30", "2023.5/4", "2023-03-05 25:00",
    "2023.3.5 (월)", "1899.12.31", "2023년 3월 5일 오전 9시 30분", "2023.3.5 p)", "-", "…",
    "x", "비공개", "해당없음", "n/a", "#DIV/0!", "10~20", "100명 이상", "abc", 2023, 45000.5,
    0.25, -3, 1e300, True, None,
]  # fmt: skip


def _key(value):
    """What must not change: the type, the exact value (repr) and a timestamp's unit."""
    return type(value).__name__, repr(value), getattr(value, "unit", None)


def _keys(series: pd.Series) -> list:
    return [_key(v) for v in series.tolist()]


@contextlib.contextmanager
def _no_shortcuts():
    """Every call takes the vectorised path, as for a big column."""
    with mock.patch.object(_regex, "FEW", -1), mock.patch.object(_serials, "_FEW_STAMPS", 0):
        yield


@pytest.fixture(scope="module")
def columns():
    numbers, _ = korean_number_samples(3_000, seed=11)
    dates, _ = korean_date_samples(3_000, seed=11)
    return numbers + HAND_WRITTEN, dates + HAND_WRITTEN


@pytest.mark.parametrize("convert", [to_number_series, to_date_series], ids=["number", "date"])
@pytest.mark.parametrize("source", [0, 1], ids=["number_samples", "date_samples"])
def test_a_few_cells_read_as_inside_a_big_column(columns, convert, source):
    column = columns[source]
    whole = _keys(convert(pd.Series(column, dtype=object)))
    rng = np.random.default_rng(5)
    sizes = [*range(1, 12), 63, 64, 65, 100, 255, 256, 257, 300]
    for size in sizes * 4:
        if rng.random() < 0.5:
            start = int(rng.integers(0, len(column) - size))
            picked = np.arange(start, start + size)
        else:
            picked = rng.integers(0, len(column), size)
        small = convert(pd.Series([column[i] for i in picked], dtype=object))
        assert _keys(small) == [whole[i] for i in picked], picked


@pytest.mark.parametrize("convert", [to_number_series, to_date_series], ids=["number", "date"])
def test_each_hand_written_cell_alone(convert):
    whole = _keys(convert(pd.Series(HAND_WRITTEN * 30, dtype=object)))  # past every threshold
    for i, value in enumerate(HAND_WRITTEN):
        assert _keys(convert(pd.Series([value], dtype=object))) == [whole[i]], value


# Characters the readers care about, so random texts reach the trims, magnitude words,
# quick clean, date families and tails.
_ALPHABET = (
    "0123456789" * 3 + ",.. -/:'()%*p△▲" + "조억만천백십원건명년월일시분초오전후반기분"
    "요화수목금토 \u00a0\u3000\t" + "０１２３，．" + "m23kmeE+~"
)
messy_text = st.text(alphabet=_ALPHABET, max_size=16)


@settings(max_examples=300, deadline=None)
@given(st.lists(messy_text, min_size=1, max_size=12))
def test_number_shortcuts_match_the_vectorised_path(texts):
    series = pd.Series(texts, dtype=object)
    fast = _keys(to_number_series(series))
    with _no_shortcuts():
        assert _keys(to_number_series(series)) == fast


@settings(max_examples=300, deadline=None)
@given(st.lists(messy_text, min_size=1, max_size=12))
def test_date_shortcuts_match_the_vectorised_path(texts):
    series = pd.Series(texts, dtype=object)
    fast = _keys(to_date_series(series))
    with _no_shortcuts():
        assert _keys(to_date_series(series)) == fast


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from([v for v in HAND_WRITTEN if isinstance(v, str)]), min_size=1, max_size=8
    )
)
def test_hand_written_mixtures_match_the_vectorised_path(texts):
    series = pd.Series(texts, dtype=object)
    for convert in (to_number_series, to_date_series):
        fast = _keys(convert(series))
        with _no_shortcuts():
            assert _keys(convert(series)) == fast
