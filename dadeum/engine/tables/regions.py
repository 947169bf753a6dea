"""Find the tables on a sheet and the title, unit and note rows around them."""

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dadeum.engine.tables.grid import filled

# "(단위: 천원)", "[단위 : 건, 명]", "단위:%", "(Unit: thousand persons)", "Units: KRW"; an
# index's base "(Base: 2010=100)" is what its values are measured in.
UNIT_PATTERN = re.compile(
    r"^[(\[<〈【]?\s*(?:단\s*위|units?\b|base\s*[:：])\s*[:：]?\s*"
    r"(?P<unit>[^)\]>〉】]+?)\s*[)\]>〉】]?\s*$",
    re.IGNORECASE,
)
# Footnotes and sources under a table: "※ …", "주) …", "1) …", "자료: …", "출처 : …", "* …"
NOTE_PATTERN = re.compile(
    r"^\s*(※|\*|＊|주\s*\d*\s*[)）:：]|\d{1,2}\s*[)）]\s|[①-⑳]|자료\s*[:：]|출처\s*[:：)]?|"
    r"주\s*석\s*[:：]|비고\s*[:：]|참고\s*[:：]|notes?\b|sources?\b)",
    re.IGNORECASE,
)
# "2023. 12. 31. 기준", "(2024.1.1 현재)", "기준일: 2023-12-31"
BASIS_PATTERN = re.compile(r"(기준\s*일|기준\s*시점|\d\s*[.)년일]?\s*(기준|현재)\s*[)\]]?\s*$)")


@dataclass
class TableRegion:
    """Where one table sits (1-based inclusive), with the text found around it."""

    top: int
    left: int
    bottom: int
    right: int
    titles: list[tuple[int, int, str]] = field(default_factory=list)
    units: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def unit(self) -> str | None:
        """The table-wide unit text, e.g. ``"천원"``, if one was written around the table."""
        return self.units[0][2] if self.units else None

    @property
    def title(self) -> str | None:
        return " ".join(text for _, _, text in self.titles) or None


def unit_of(text: object) -> str | None:
    """The unit in a "(단위: …)" cell, or None."""
    if not isinstance(text, str):
        return None
    match = UNIT_PATTERN.match(text.strip())
    return match.group("unit").strip() if match else None


def is_note(text: object) -> bool:
    return isinstance(text, str) and bool(NOTE_PATTERN.match(text))


class _RowCells(dict):
    """Each row's filled cells as (sheet column, value), read from the grid when first asked
    for: only the rows at the edges of a block are ever looked at."""

    def __init__(self, grid: pd.DataFrame, mask: pd.DataFrame) -> None:
        super().__init__()
        self.values = grid.to_numpy(dtype=object)
        self.present = mask.to_numpy()
        self.columns = list(grid.columns)
        self.position = {row: n for n, row in enumerate(grid.index)}

    def __missing__(self, row: int) -> list[tuple[int, object]]:
        n = self.position[row]
        cells = [(self.columns[j], self.values[n, j]) for j in np.flatnonzero(self.present[n])]
        self[row] = cells
        return cells


_TABLE_NUMBER = re.compile(r"^(?:(?:table|표|<표)\s*)?\d{1,2}(?:[.-]\d{1,2})?[.>]?$", re.IGNORECASE)
# The key of a "key: value" metadata row above a KOSIS download (통계표명:, 단위:, 조회기간:).
_META_KEY = re.compile(r"^\s*(?P<key>[^\d:：]{1,12}?)\s*[:：]\s*$")


def _metadata_row(cells: list[tuple[int, object]]) -> tuple[str, str] | None:
    """(key, value) of a row holding only "통계표명:" and its value, else None."""
    distinct = _distinct_cells(cells)
    if len(distinct) != 2 or not all(isinstance(v, str) for _, v in distinct):
        return None
    key = _META_KEY.match(distinct[0][1])
    return (key.group("key"), distinct[1][1].strip()) if key else None


def _is_annotation_above(cells: list[tuple[int, object]]) -> bool:
    """A row above a table holding only a title, and perhaps a unit or reference date."""
    texts = [value for _, value in cells]
    if len(texts) == 2 and _is_table_number(texts[0]) and isinstance(texts[1], str):
        return True  # a numbered title: "1.0 | Overseas residents' visits to the UK"
    if not texts or not all(isinstance(value, str) for value in texts):
        return False
    if _metadata_row(cells):
        return True
    distinct = set(texts)  # a merged title spread over its cells counts once
    side_notes = [t for t in distinct if unit_of(t) or BASIS_PATTERN.search(t)]
    return len(distinct) - len(side_notes) <= 1


def _join_split_headers(
    runs: list[tuple[int, int]], row_numbers: list[int], cells: "_RowCells"
) -> list[tuple[int, int]]:
    """Runs of filled rows, with a header split by one blank row joined again: a few rows
    of text only, ending in a row of several headings (Holiday | Business | …), then after
    one blank row a row of text (NSA | SA) over numbers."""

    def text_only(row: int) -> bool:
        return bool(cells[row]) and all(
            isinstance(v, str) and not _looks_numeric(v) for _, v in cells[row]
        )

    joined: list[tuple[int, int]] = []
    for start, end in runs:
        if joined:
            top, bottom = joined[-1]
            upper = [row_numbers[n] for n in range(top, bottom + 1)]
            lower = [row_numbers[n] for n in range(start, min(end, start + 1) + 1)]
            if (
                start - bottom == 2
                and len(upper) <= 6
                and all(text_only(row) or _is_annotation_above(cells[row]) for row in upper)
                and not _is_annotation_above(cells[upper[-1]])
                and len(lower) == 2
                and text_only(lower[0])
                and any(_looks_numeric(v) for _, v in cells[lower[1]])
            ):
                joined[-1] = (top, end)
                continue
        joined.append((start, end))
    return joined


def _is_caption(cells: list[tuple[int, object]]) -> bool:
    """A row of one text, perhaps with a unit or reference date beside it."""
    texts = {v for _, v in cells}
    if not texts or not all(isinstance(t, str) and not _looks_numeric(t) for t in texts):
        return False
    return len([t for t in texts if not (unit_of(t) or BASIS_PATTERN.search(t))]) == 1


def _is_table_number(value: object) -> bool:
    """A table's number before its title: 1, 1.0, "2.1", "Table 3", "표 4"."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return 0 < value < 100
    return isinstance(value, str) and bool(_TABLE_NUMBER.match(value.strip()))


def _holds_no_text(cells: list[tuple[int, object]]) -> bool:
    return all(not isinstance(v, str) or _looks_numeric(v) for _, v in cells)


def _is_annotation_below(cells: list[tuple[int, object]], width: int = 0) -> bool:
    texts = [value for _, value in cells]
    if len(set(texts)) == 1 and isinstance(texts[0], str):
        return True
    if bool(texts) and is_note(texts[0]) and all(isinstance(t, str) for t in texts):
        return True
    # Free text scattered under a table ("at the | bottom,"): a few words in under half of
    # the table's columns and not one number, so no record of the table.
    return (
        0 < len(set(texts)) <= 2
        and 2 * len(texts) <= width
        and all(isinstance(t, str) and not _looks_numeric(t) for t in texts)
    )


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """Start and end positions (inclusive) of each run of True."""
    edges = np.diff(np.concatenate(([0], np.asarray(flags, dtype=np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1) - 1
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def find_tables(grid: pd.DataFrame) -> list[TableRegion]:
    """Every table on the sheet, top to bottom then left to right.

    Blank rows separate blocks; leading title/unit rows and trailing note rows are set aside;
    a block after a blank row that starts with data rather than a header of its own (a blank
    row between groups) continues the table above; a fully blank column splits a block into
    side-by-side tables when the part on its right starts with its own text label column.
    """
    mask = filled(grid)
    row_numbers = list(grid.index)
    regions: list[TableRegion] = []
    pending_above: list[tuple[str, tuple[int, int, str]]] = []
    closed = True  # the last table has notes below it, so a later block cannot continue it
    cells = _RowCells(grid, mask)
    for start, end in _join_split_headers(_runs(mask.any(axis=1).to_numpy()), row_numbers, cells):
        block_rows = row_numbers[start : end + 1]
        first = 0
        while first < len(block_rows) and _is_annotation_above(cells[block_rows[first]]):
            first += 1
        if 0 < first < len(block_rows) and _holds_no_text(cells[block_rows[first]]):
            # Numbers right under a lone text cell: that cell was the header ("인구" over a
            # single column of values), not a title.
            lone = cells[block_rows[first - 1]]
            if not any(unit_of(v) or BASIS_PATTERN.search(v) for _, v in lone):
                first -= 1
        last = len(block_rows) - 1
        width = int(mask.iloc[start : end + 1].any(axis=0).sum())
        while last >= first and _is_annotation_below(cells[block_rows[last]], width):
            last -= 1
        above = block_rows[:first]
        below = block_rows[last + 1 :]
        below_notes = [(row, c, v) for row in below for c, v in _distinct_cells(cells[row])]
        if first > last:  # only annotations: a title block above, or notes below, a table
            if (
                regions
                and not pending_above
                and all(
                    _is_annotation_below(cells[row]) and is_note(cells[row][0][1])
                    for row in block_rows
                )
            ):
                regions[-1].notes += [
                    (row, c, v) for row in block_rows for c, v in _distinct_cells(cells[row])
                ]
                closed = True
            else:
                pending_above += [
                    found for row in block_rows for found in _classify_row(row, cells[row])
                ]
            continue
        body_rows = block_rows[first : last + 1]
        if len(block_rows) == 1 and _is_caption(cells[block_rows[0]]):
            # One text (and perhaps its unit) alone between blank rows: the caption of the
            # table below.
            pending_above += _classify_row(block_rows[0], cells[block_rows[0]])
            continue
        if not (above or pending_above or closed) and _continues(grid, regions[-1], body_rows):
            regions[-1].bottom = body_rows[-1]
            regions[-1].notes += below_notes
            closed = bool(below_notes)
            continue
        for left, right in _split_columns(grid, body_rows):
            region = TableRegion(body_rows[0], left, body_rows[-1], right)
            for kind, item in pending_above + [
                found for row in above for found in _classify_row(row, cells[row])
            ]:
                (region.units if kind == "unit" else region.titles).append(item)
            regions.append(region)
            pending_above = []
        regions[-1].notes += below_notes
        closed = bool(below_notes)
    if pending_above and regions:
        regions[-1].notes += [item for _, item in pending_above]
    return regions


_NUMBER_TEXT = re.compile(r"^[△▲▽▼∆Δ\-−+(]?\s*[\d,]*\d(\.\d+)?\s*\)?\s*%?$")
_PLACEHOLDER_TEXT = {"-", "–", "—", "…", "...", "x", "X", "·"}


def _looks_numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float, np.number)):
        return True
    return isinstance(value, str) and (
        value.strip() in _PLACEHOLDER_TEXT or bool(_NUMBER_TEXT.match(value.strip()))
    )


def _continues(grid: pd.DataFrame, region: TableRegion, rows: list[int]) -> bool:
    """Whether a block after blank rows carries on ``region``: it lies within the region's
    columns, and its first row is data (numbers beside its label), not a header."""
    if region.right <= region.left:
        return False
    block = grid.loc[rows]
    used = block.columns[block.notna().any(axis=0).to_numpy()]
    if not len(used) or used.min() < region.left or used.max() > region.right:
        return False
    first = grid.loc[rows[0], region.left : region.right]
    values = [v for v in first.iloc[1:] if v is not None and not pd.isna(v)]
    numbers = [v for v in values if _looks_numeric(v)]
    if not numbers:
        return False
    years = [v for v in numbers if _is_year(v)]
    if len(years) == len(values) and len(set(map(str, years))) == len(years) >= 2:
        return False  # a header of years: 2022, 2023, …
    return True


def _is_year(value: object) -> bool:
    try:
        number = float(str(value).strip())
    except ValueError:
        return False
    return number.is_integer() and 1900 <= number <= 2100


def _distinct_cells(cells: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """A row's cells without the copies a spread merge made (first occurrence kept)."""
    seen, result = set(), []
    for column, value in cells:
        if value not in seen:
            seen.add(value)
            result.append((column, value))
    return result


_UNIT_INSIDE = re.compile(
    r"[(\[<〈【]\s*(?:단\s*위|units?\b)\s*[:：]\s*(?P<unit>[^)\]>〉】]+?)\s*[)\]>〉】]",
    re.IGNORECASE,
)


def _classify_row(row: int, cells: list[tuple[int, object]]) -> list[tuple[str, tuple]]:
    """A row above a table: "단위: | 천명" is the unit, "통계표명: | …" a title, any other row
    cell by cell."""
    meta = _metadata_row(cells)
    if meta:
        column = cells[0][0]
        key = meta[0].replace(" ", "")
        if key in ("단위", "unit", "units") or key.lower() in ("unit", "units"):
            return [("unit", (row, column, meta[1]))]
        return [("title", (row, column, f"{meta[0]}: {meta[1]}"))]
    return [found for c, v in _distinct_cells(cells) for found in _classify_above(row, c, v)]


def _classify_above(row: int, column: int, value: object) -> list[tuple[str, tuple]]:
    """A cell above a table as a unit, a title, or a title with its unit ("인구 (단위: 명)")."""
    unit = unit_of(value)
    if unit:
        return [("unit", (row, column, unit))]
    found = [("title", (row, column, str(value)))]
    inside = _UNIT_INSIDE.search(str(value))
    if inside:
        found.append(("unit", (row, column, inside.group("unit").strip())))
    return found


def _split_columns(grid: pd.DataFrame, rows: list[int]) -> list[tuple[int, int]]:
    block = grid.loc[rows]
    used = block.notna().any(axis=0).to_numpy()
    columns = list(block.columns)
    spans = [(columns[a], columns[b]) for a, b in _runs(used)]
    merged = [spans[0]]
    for left, right in spans[1:]:
        first_column = block[left].iloc[1:].dropna()
        own_labels = len(first_column) > 0 and (
            first_column.map(lambda v: isinstance(v, str) and not _looks_numeric(v)).mean() >= 0.8
        )
        if own_labels and right > left:
            merged.append((left, right))
        else:  # a spacer column inside one table
            merged[-1] = (merged[-1][0], right)
    return merged
