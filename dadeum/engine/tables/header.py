"""Header rows and row-label columns: how many, and one flat name per column."""

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from dadeum.engine.cells import CellError

MAX_HEADER_ROWS = 5
# A column whose cells below the first row are mostly text holds row labels (구분, 시군구, …).
LABEL_SHARE = 0.6
NUMBER_SHARE = 0.6


def cell_kinds(block: pd.DataFrame) -> pd.DataFrame:
    """ "blank", "number" or "text" for every cell; statistical placeholders count as numbers."""
    from dadeum.engine.numbers import to_number_series

    kinds = pd.DataFrame("blank", index=block.index, columns=block.columns, dtype=object)
    for column in block.columns:
        values = block[column]
        present = values.notna()
        if not present.any():
            continue
        converted = to_number_series(values[present])
        is_number = converted.map(lambda v: not isinstance(v, CellError)).astype(bool)
        kinds.loc[present[present].index, column] = is_number.map(
            {True: "number", False: "text"}
        ).to_numpy()
    return kinds


def label_column_count(kinds: pd.DataFrame) -> int:
    """How many leading columns hold row labels (text) rather than values."""
    below = kinds.iloc[1:] if len(kinds) > 1 else kinds
    count = 0
    for column in kinds.columns:
        present = below[column][below[column] != "blank"]
        if len(present) and (present == "text").mean() >= LABEL_SHARE:
            count += 1
        else:
            break
    return count


def _year_like(value: object) -> bool:
    try:
        number = float(str(value).replace(",", ""))
    except ValueError:
        return False
    return number.is_integer() and 1900 <= number <= 2100


def header_row_count(block: pd.DataFrame, kinds: pd.DataFrame, labels: int) -> int:
    """How many rows at the top are header rows (at least one).

    A later row is still a header row when, in the columns that hold numbers further down,
    it holds text, or a run of distinct years (2021, 2022, …) with no new row label.
    """
    value_columns = list(kinds.columns[labels:])
    below = kinds.iloc[1:]
    numeric = [
        c for c in value_columns
        if (below[c] != "blank").any()
        and (below[c][below[c] != "blank"] == "number").mean() >= NUMBER_SHARE
    ]  # fmt: skip
    if not numeric:
        return 1
    count = 1
    for position in range(1, min(MAX_HEADER_ROWS, len(block) - 1)):
        row_kinds = kinds.iloc[position][numeric]
        present = row_kinds[row_kinds != "blank"]
        label_cells = block.iloc[position, :labels]
        above_labels = block.iloc[position - 1, :labels]
        no_new_label = all(
            pd.isna(cell) or cell == above
            for cell, above in zip(label_cells, above_labels, strict=True)
        )
        if len(present) == 0:
            if no_new_label and labels:
                count += 1
                continue
            break
        if (present == "text").mean() > 0.5:
            count += 1
            continue
        values = block.iloc[position][present.index]
        if (
            no_new_label
            and len(values) >= 2
            and all(_year_like(v) for v in values)
            and values.nunique() == len(values)
        ):
            count += 1
            continue
        break
    return count


def header_text(value: object) -> str:
    """A header cell as text: 2022.0 → "2022", dates → "2023-03-05"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


@dataclass
class Header:
    names: list[str]  # one flat name per column
    levels: list[list[str]]  # each column's header parts, top to bottom (blanks dropped)
    filled_cells: list[tuple[int, int, str]]  # header cells filled from a merged neighbour


def flatten_header(header: pd.DataFrame, labels: int) -> Header:
    """One name per column from ``header`` (the header rows of a grid).

    Upper header rows are filled rightwards across blanks within their parent's span (the
    merged cell "2022" over 상반기 and 하반기); label columns take their text from top to
    bottom (a "구분" merged down two rows). Levels join with "_": 2022_상반기.
    """
    rows, columns = header.shape
    grid = [[header_text(header.iat[r, c]) for c in range(columns)] for r in range(rows)]
    original = [[bool(text) for text in row] for row in grid]
    filled_cells = []
    for r in range(rows - 1):
        last = ""
        for c in range(labels, columns):
            if original[r][c]:
                last = grid[r][c]
            elif last and not any(original[p][c] for p in range(r)):
                grid[r][c] = last
                filled_cells.append((header.index[r], header.columns[c], last))
            else:  # a new parent span starts here, so the previous label does not reach
                last = ""
    # A blank label header beside a named one is the rest of a merged "구분" cell.
    for c in range(1, labels):
        if not any(grid[r][c] for r in range(rows)):
            for r in range(rows):
                grid[r][c] = grid[r][c - 1]
                if grid[r][c]:
                    filled_cells.append((header.index[r], header.columns[c], grid[r][c]))
    levels, names = [], []
    for c in range(columns):
        parts: list[str] = []
        for r in range(rows):
            part = grid[r][c]
            if part and (not parts or parts[-1] != part):
                parts.append(part)
        levels.append(parts)
        names.append("_".join(parts))
    return Header(names=names, levels=levels, filled_cells=filled_cells)


_TOTAL = re.compile(
    r"^(합\s*계|총\s*계|소\s*계|계|합|총합계|전\s*체|전\s*국|total|sum|subtotal)$", re.IGNORECASE
)
_SUBTOTAL_INSIDE = re.compile(r"(소\s*계|합\s*계|총\s*계)")


def is_total_label(value: object) -> bool:
    """True for 합계, 계, 소계, 총계, 전체, 전국, "서울 소계", "(소계)" and the like."""
    if not isinstance(value, str):
        return False
    text = re.sub(r"[\s()\[\]<>]", "", value)
    return bool(_TOTAL.match(text) or _SUBTOTAL_INSIDE.search(text))
