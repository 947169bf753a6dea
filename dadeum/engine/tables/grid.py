"""Grids: a sheet's cells as a DataFrame keyed by Excel row and column numbers."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import is_blank
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


def make_grid(rows: Sequence[Sequence[Any]], *, top: int = 1, left: int = 1) -> pd.DataFrame:
    """A grid from rows of cell values whose top-left cell sits at (``top``, ``left``).

    Text is cleaned (``clean_text``) and blank-looking cells become None, so every later step
    can test blanks with ``isna``.
    """
    width = max((len(row) for row in rows), default=0)
    flat = pd.Series(
        [cell for row in rows for cell in [*row, *[None] * (width - len(row))]], dtype=object
    )
    cleaned = [None if is_blank(value) else value for value in clean_text_series(flat)]
    data = [cleaned[start : start + width] for start in range(0, len(cleaned), width or 1)]
    return pd.DataFrame(
        data,
        index=range(top, top + len(rows)),
        columns=range(left, left + width),
        dtype=object,
    )


def spread_merges(grid: pd.DataFrame, merges: Iterable[Merge]) -> pd.DataFrame:
    """Copy each merged area's top-left value into every cell of the area (a new grid)."""
    grid = grid.copy()
    for merge in merges:
        if merge.top not in grid.index or merge.left not in grid.columns:
            continue
        value = grid.at[merge.top, merge.left]
        rows = [r for r in range(merge.top, merge.bottom + 1) if r in grid.index]
        cols = [c for c in range(merge.left, merge.right + 1) if c in grid.columns]
        grid.loc[rows, cols] = value
    return grid


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
