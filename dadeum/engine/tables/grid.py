"""Grids: a sheet's cells as a DataFrame keyed by Excel row and column numbers."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine.text import clean_text_series


@dataclass(frozen=True, slots=True)
class Merge:
    """A merged area in 1-based inclusive sheet coordinates."""

    top: int
    left: int
    bottom: int
    right: int

    @classmethod
    def from_range(cls, address: str) -> "Merge":
        """``Merge.from_range("B2:D3")``, as openpyxl's ``merged_cells`` prints them."""
        from dadeum.engine.issues import column_number

        start, _, end = address.replace("$", "").partition(":")
        end = end or start
        col1, row1 = _split_address(start)
        col2, row2 = _split_address(end)
        return cls(row1, column_number(col1), row2, column_number(col2))


def _split_address(cell: str) -> tuple[str, int]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    return letters, int(cell[len(letters) :])


# Text that clean_text would leave as it is: printable ASCII and Hangul syllables, single
# spaces between words. Only the rest goes through clean_text (RE2 syntax, for pyarrow).
_ALREADY_CLEAN = "^[!-~가-힣]+( [!-~가-힣]+)*$"


def make_grid(rows: Sequence[Sequence[Any]], *, top: int = 1, left: int = 1) -> pd.DataFrame:
    """A grid from rows of cell values whose top-left cell sits at (``top``, ``left``).

    Text is cleaned (``clean_text``) and blank-looking cells become None, so every later step
    can test blanks with ``isna``.
    """
    width = max((len(row) for row in rows), default=0)
    data = np.full((len(rows), width), None, dtype=object)
    for position, row in enumerate(rows):
        if len(row):
            data[position, : len(row)] = _cells(row)
    flat = data.reshape(-1)
    is_text = np.fromiter((isinstance(v, str) for v in flat), dtype=bool, count=flat.size)
    flat[~is_text & pd.isna(flat)] = None  # NaN, NaT, pd.NA
    where = np.flatnonzero(is_text)
    if len(where):
        texts = flat[where]
        arrow = pa.array(texts.tolist(), type=pa.large_string())
        clean = pc.match_substring_regex(arrow, _ALREADY_CLEAN).to_numpy(zero_copy_only=False)
        dirty = where[~clean]
        if len(dirty):
            flat[dirty] = clean_text_series(pd.Series(flat[dirty], dtype=object)).to_numpy()
            blank = dirty[np.fromiter((v == "" for v in flat[dirty]), bool, count=len(dirty))]
            flat[blank] = None
    return pd.DataFrame(
        data,
        index=range(top, top + len(rows)),
        columns=range(left, left + width),
        dtype=object,
    )


def _cells(row: Sequence[Any]) -> np.ndarray:
    """A row as a 1-d object array, even when a cell is itself a list or tuple."""
    out = np.empty(len(row), dtype=object)
    try:
        out[:] = list(row)
    except ValueError:  # numpy tried to read a list-valued cell as a dimension
        for position, value in enumerate(row):
            out[position] = value
    return out


def spread_merges(grid: pd.DataFrame, merges: Iterable[Merge]) -> pd.DataFrame:
    """Copy each merged area's top-left value into every cell of the area (a new grid)."""
    values = grid.to_numpy(dtype=object, copy=True)
    rows = {row: n for n, row in enumerate(grid.index)}
    columns = {column: n for n, column in enumerate(grid.columns)}
    for merge in merges:
        if merge.top not in rows or merge.left not in columns:
            continue
        top, left = rows[merge.top], columns[merge.left]
        # Clamped to the grid first: a merge down to row 1,048,576 must not be walked back.
        bottom = _last_inside(rows, merge.top, min(merge.bottom, grid.index[-1]))
        right = _last_inside(columns, merge.left, min(merge.right, grid.columns[-1]))
        values[top : bottom + 1, left : right + 1] = values[top, left]
    return pd.DataFrame(values, index=grid.index, columns=grid.columns, dtype=object)


def _last_inside(positions: dict[int, int], first: int, last: int) -> int:
    """The position of the last of first…last that the grid has (grids are contiguous)."""
    while last > first and last not in positions:
        last -= 1
    return positions[last]


def filled(grid: pd.DataFrame) -> pd.DataFrame:
    """Boolean grid: True where a cell holds a value."""
    return grid.notna()


def trim(grid: pd.DataFrame) -> pd.DataFrame:
    """The grid without its fully blank outer rows and columns."""
    mask = filled(grid)
    rows = mask.any(axis=1)
    cols = mask.any(axis=0)
    if not rows.any():
        return grid.iloc[0:0, 0:0]
    row_index = np.flatnonzero(rows.to_numpy())
    col_index = np.flatnonzero(cols.to_numpy())
    return grid.iloc[row_index[0] : row_index[-1] + 1, col_index[0] : col_index[-1] + 1]
