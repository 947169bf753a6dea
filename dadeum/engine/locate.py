"""Where the table is in what the user selected: the one step every ribbon button shares.

A selection arrives as rows of raw cells (already cut at the sheet's data by the Excel layer).
``locate_table`` finds the table in them with the region, title, unit and header detection
that 기계판독 변환 uses (``dadeum.engine.tables``): title, unit and note rows are not the
table, and two- and three-row headers are counted as header rows. A selection that holds no
table raises ``InvalidArgumentError`` with a Korean message that says what to select.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.tables.grid import make_grid, trim
from dadeum.engine.tables.header import (
    flatten_header,
    header_row_count,
    label_column_count,
    read_cells,
)
from dadeum.engine.tables.regions import TableRegion, find_tables
from dadeum.errors import InvalidArgumentError

__all__ = [
    "EMPTY_SELECTION",
    "NOT_A_TABLE",
    "SINGLE_VALUE",
    "TableLocation",
    "locate_table",
]

EMPTY_SELECTION = "선택한 범위에 데이터가 없습니다. 표가 있는 곳을 선택한 뒤 다시 눌러 주세요."
SINGLE_VALUE = (
    "선택한 곳에 값이 하나뿐입니다. 머리글과 값이 있는 표 전체를 선택하거나, 표 안의 한 칸만 "
    "선택한 뒤 다시 눌러 주세요."
)
NOT_A_TABLE = (
    "선택한 곳에서 표를 찾지 못했습니다. 머리글 행과 그 아래 값이 있는 두 열 이상의 표를 "
    "선택하거나, 표 안의 한 칸만 선택한 뒤 다시 눌러 주세요."
)
NO_ROWS = (
    "머리글만 있고 그 아래 값이 없습니다. 머리글과 값이 있는 표 전체를 선택한 뒤 다시 눌러 주세요."
)
# Header detection reads only the top of a table: header_row_count looks at most 10 rows
# down, and the kinds of a few hundred rows settle which columns hold numbers.
HEAD_ROWS = 300

# What a button needs: "cells" = two values or more (정리), "rows" = a header and a row
# under it (가명처리, 예측, 레시피), "table" = that and two columns (변환, 점검).
NEEDS = ("cells", "rows", "table")


@dataclass
class TableLocation:
    """The table found: sheet rows and columns (1-based, inclusive) of its header and body."""

    top: int
    left: int
    bottom: int
    right: int
    header_rows: int  # rows at the top that are header (0: none)
    label_columns: int  # leading columns that name a record (구분, 자치구, …)
    header_names: list[str]  # one name per column, a multi-row header joined as 변환 does
    region: TableRegion | None = None  # with the title, unit and note rows around the table
    grid: pd.DataFrame | None = None  # the table's cells as ``make_grid`` reads them

    @property
    def title(self) -> str | None:
        return self.region.title if self.region else None


def locate_table(
    rows: Sequence[Sequence[Any]],
    *,
    top: int = 1,
    left: int = 1,
    cursor: tuple[int, int] | None = None,
    need: str = "cells",
    find: bool = True,
) -> TableLocation:
    """The table in ``rows`` (raw cells whose first one sits at sheet row ``top``, column
    ``left``).

    ``cursor``: the one selected cell (sheet row, column); the table around it is taken, or
    the largest table when the cell is in none. Without a cursor, a selection holding one
    table loses its title, unit and note rows; one holding several is kept whole.
    ``find=False`` keeps the selection as it is, only without its blank edges. ``need``: see
    ``NEEDS``. Raises InvalidArgumentError (Korean) when the rows hold no such table.
    """
    if need not in NEEDS:
        raise InvalidArgumentError(f"need는 {', '.join(NEEDS)} 중 하나로 쓰세요. 받은 값: {need!r}")
    grid = trim(make_grid(rows, top=top, left=left))
    filled = int(grid.notna().to_numpy().sum()) if grid.size else 0
    if not filled:
        raise InvalidArgumentError(EMPTY_SELECTION)
    if filled == 1:
        raise InvalidArgumentError(SINGLE_VALUE)
    region = _pick(find_tables(grid), cursor) if find else None
    if region is None:
        bounds = (grid.index[0], grid.columns[0], grid.index[-1], grid.columns[-1])
    else:
        bounds = (region.top, region.left, region.bottom, region.right)
    block = grid.loc[bounds[0] : bounds[2], bounds[1] : bounds[3]]
    while len(block) > 2 and _is_preamble(block.iloc[0]):
        block = block.iloc[1:]  # KOSIS' "통계표명: …", "단위: 천명" rows above the header
    bounds = (block.index[0], *bounds[1:])
    header_rows, labels, names = _header(block)
    location = TableLocation(*bounds, header_rows, labels, names, region, block)
    _check(block, location, need)
    return location


def _pick(regions: list[TableRegion], cursor: tuple[int, int] | None) -> TableRegion | None:
    if not regions:
        return None
    if cursor is None and len(regions) > 1:
        return None  # the user selected several tables: keep them all, as selected
    if cursor is not None:
        row, column = cursor
        for region in regions:
            first = min([region.top, *(r for r, _, _ in region.titles + region.units)])
            if first <= row <= region.bottom and region.left <= column <= region.right:
                return region
    return max(regions, key=lambda r: (r.bottom - r.top + 1) * (r.right - r.left + 1))


def _is_preamble(row: pd.Series) -> bool:
    """A "name: value" row of an export's preamble (통계표명:, 단위:, 조회기간:)."""
    cells = [value for value in row.tolist() if value is not None]
    return (
        1 <= len(cells) <= 2
        and isinstance(cells[0], str)
        and cells[0].rstrip().endswith((":", "："))
    )


def _header(block: pd.DataFrame) -> tuple[int, int, list[str]]:
    """Header rows, label columns and column names, read as 기계판독 변환 reads them."""
    if len(block) < 2:
        return 0, 0, [f"열{n}" for n in range(1, block.shape[1] + 1)]
    head = block.iloc[:HEAD_ROWS]
    _, kinds, _ = read_cells(head)
    labels = label_column_count(kinds, head)
    count = header_row_count(head, kinds, labels)
    labels = label_column_count(kinds, head, count)
    count = max(1, min(count, len(block) - 1))
    names = flatten_header(head.iloc[:count], labels).names
    return count, labels, _unique([str(name).strip() for name in names])


def _unique(names: list[str]) -> list[str]:
    """Blank names become 열1, 열2, …; a repeated name gets _2, _3 (as records_from_grid)."""
    seen: list[str] = []
    for position, base in enumerate(names, start=1):
        base = base if base and base.lower() != "nan" else f"열{position}"
        name, number = base, 2
        while name in seen:
            name, number = f"{base}_{number}", number + 1
        seen.append(name)
    return seen


def _check(block: pd.DataFrame, location: TableLocation, need: str) -> None:
    if need == "cells":
        return
    body = block.iloc[location.header_rows :]
    if len(block) < 2 or not body.notna().to_numpy().any():
        raise InvalidArgumentError(NO_ROWS if len(block) == 1 else NOT_A_TABLE)
    if need == "table":
        present = block.notna().to_numpy()
        # Two columns, and a row holding two values: not a list, nor values scattered apart.
        if int(np.count_nonzero(present.any(axis=0))) < 2 or present.sum(axis=1).max() < 2:
            raise InvalidArgumentError(NOT_A_TABLE)
