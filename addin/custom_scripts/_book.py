"""Helpers every ribbon script shares: what to read, and where to write without harm."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
import xlwings as xw

from dadeum.engine.columns import TEXT_FORMAT
from dadeum.engine.locate import EMPTY_SELECTION, TableLocation, locate_table
from dadeum.errors import DadeumError, InvalidArgumentError

_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31  # Excel's limit


def source_range(book: xw.Book) -> xw.Range:
    """The selection, or the whole used range when only one cell is selected.

    A selection is trimmed to the sheet's used range before anything reads it: xlwings pads
    a range past the data with empty cells, so whole columns (``A:D``) or the whole sheet
    would otherwise become a grid of up to 17 billion cells.
    """
    sheet = book.sheets.active
    selection = book.selection
    if selection is not None and selection.count > 1:
        return within_data(sheet, selection)
    used = sheet.used_range
    if used.count <= 1 and not used.value:
        raise InvalidArgumentError(EMPTY_SELECTION)
    return within_data(sheet, used)  # the used range as stated could be bigger than the data


@dataclass
class SourceTable:
    """The table a button works on: its cells (header rows first) and where they sit."""

    sheet: xw.Sheet
    rows: list[list]  # raw cells of the table, header rows included, title rows not
    location: TableLocation

    @property
    def name(self) -> str:
        return self.sheet.name

    @property
    def top(self) -> int:
        return self.location.top

    @property
    def left(self) -> int:
        return self.location.left

    @property
    def header_rows(self) -> int:
        return self.location.header_rows


def find_table(book: xw.Book, need: str = "cells", *, whole: bool = False) -> SourceTable:
    """The one way every button finds its table (raises xw.XlwingsError in Korean).

    A selection is cut at the data (whole columns or rows, or past the data), then the table
    in it is found as 기계판독 변환 finds it: title, unit and note rows are set aside and two-
    or three-row headers counted. One selected cell means the table around it. ``whole``:
    keep the selection (for one cell, the sheet) whole, titles and all, for 변환 and 점검,
    which read titles, units and every table themselves.
    ``need``: what the button cannot work without (see ``dadeum.engine.locate.NEEDS``).
    """
    try:
        source = source_range(book)
        area = source.options(ndim=2).value or [[]]
        selection = book.selection
        single = selection is None or selection.count <= 1
        cursor = (selection.row, selection.column) if single and selection is not None else None
        location = locate_table(
            area, top=source.row, left=source.column, cursor=cursor, need=need,
            find=not whole,
        )  # fmt: skip
    except DadeumError as error:
        raise xw.XlwingsError(str(error)) from error
    rows = [
        list(row[location.left - source.column : location.right - source.column + 1])
        for row in area[location.top - source.row : location.bottom - source.row + 1]
    ]
    width = location.right - location.left + 1
    rows = [row + [None] * (width - len(row)) for row in rows]
    return SourceTable(source.sheet, rows, location)


def _xl_value(value):
    """A cell as xlwings Server sends it to Office.js (``prepare_xl_data_element``)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool:
        return value
    if kind is float:
        return "" if value != value else value
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, np.number):
        return "" if np.isnan(value) else float(value)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.replace(tzinfo=None).isoformat(sep=" ").split(".")[0]
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if pd.isna(value) else value


def write_values(sheet: xw.Sheet, values: list[list]) -> None:
    """``sheet["A1"].value = values``, faster on the server: the cells are prepared here in
    one tight pass and sent as they are, instead of through xlwings' per-cell checks."""
    if not isinstance(sheet.api, dict) or not values:
        sheet["A1"].value = values
        return
    width = max(len(row) for row in values)
    prepared = [[_xl_value(v) for v in row] + [""] * (width - len(row)) for row in values]
    # In parts, as xlwings itself writes a big range: Office.js refuses an oversized request.
    budget = sheet["A1"].impl.max_cells_per_write or len(prepared) * width
    step = max(1, budget // width)
    for start in range(0, len(prepared), step):
        part = prepared[start : start + step]
        sheet.range((start + 1, 1), (start + len(part), width)).raw_value = part


def within_data(sheet: xw.Sheet, selected: xw.Range) -> xw.Range:
    """``selected`` cut at the last row and column of data: the used range's and, on the
    server, the values Office.js sent (which start at A1)."""
    used = sheet.used_range
    last_row, last_column = used.last_cell.row, used.last_cell.column
    sent = sheet.api.get("values") if isinstance(sheet.api, dict) else None
    if sent is not None:  # the book posted by Office.js; a client could misstate its range
        last_row = min(last_row, len(sent))
        last_column = min(last_column, max((len(row) for row in sent), default=0))
    top, left = selected.row, selected.column  # kept: results cite the user's cells
    bottom = min(selected.last_cell.row, last_row)
    right = min(selected.last_cell.column, last_column)
    if bottom < top or right < left:
        raise InvalidArgumentError(
            "선택한 범위에 데이터가 없습니다. 표가 있는 곳을 선택한 뒤 다시 눌러 주세요."
        )
    if (bottom, right) == (selected.last_cell.row, selected.last_cell.column):
        return selected
    return sheet.range((top, left), (bottom, right))


def new_sheet_name(book: xw.Book, base: str) -> str:
    """A sheet name Excel accepts that no sheet in the book has yet: 정리, 정리 (2), …"""
    base = _SHEET_NAME_FORBIDDEN.sub("_", base).strip("'")[:MAX_SHEET_NAME] or "다듬"
    taken = {sheet.name.casefold() for sheet in book.sheets}
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    return name


def add_result_sheet(book: xw.Book, base: str) -> xw.Sheet:
    """A new sheet after the active one, so the user's sheets are never overwritten."""
    return book.sheets.add(name=new_sheet_name(book, base), after=book.sheets.active)


def write_grid(
    sheet: xw.Sheet,
    frame: pd.DataFrame,
    formats: dict[int, tuple[int, str]],
    *,
    header_row: int | None = 1,
) -> None:
    """Write a grid at A1. Formats go first: Excel reads a value written into a General cell
    as if typed, which would turn text such as 00123 or 1-2 into numbers and dates.

    ``header_row``: the row of column names, which ``lay_out`` freezes (None: no layout)."""
    n_rows = len(frame)
    if not n_rows or not frame.shape[1]:
        return
    if any(start for start, _ in formats.values()):
        header_rows = max(start for start, _ in formats.values())
        sheet.range((1, 1), (header_rows, frame.shape[1])).number_format = TEXT_FORMAT
    for position, (start, code) in formats.items():
        if start < n_rows:
            sheet.range((start + 1, position + 1), (n_rows, position + 1)).number_format = code
    values = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
    write_values(sheet, values)
    if header_row is not None and n_rows > header_row - 1:
        lay_out(sheet, values, header_row=header_row)


def for_the_user(error: DadeumError) -> str:
    """An engine error as the ribbon shows it: a missing key without the server's folder,
    which means nothing on the user's PC (the administrator knows where keys live)."""
    from dadeum.engine.privacy.keys import KeyNotFoundError

    if isinstance(error, KeyNotFoundError):
        return (
            f"서버에 가명처리 키 '{error.name}'가 없습니다. 관리자에게 "
            f"'dadeum key create {error.name}' 명령으로 키를 만들어 달라고 요청하세요."
        )
    return str(error)


# -- making result sheets readable ----------------------------------------------------------


def labelled(report: pd.DataFrame, column: str = "유형") -> pd.DataFrame:
    """``report`` with its code column in Korean (not-a-number → 숫자가 아님)."""
    from dadeum.engine.labels import issue_label

    if column in report.columns:
        report = report.assign(**{column: report[column].map(issue_label)})
    return report


# Column widths in characters (a Hangul syllable counts two): at least Excel's default, at
# most about a screen's third; longer text wraps inside the capped width.
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE = 500  # rows looked at: widths of a 50,000-row result come from its top
POINTS_PER_CHARACTER = 6.0  # xlwings Server sets widths in points, classic Excel in characters


def display_width(value) -> int:
    """How many narrow characters ``value`` takes on screen (Hangul and full-width: two)."""
    if value is None or (isinstance(value, float) and value != value):
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return len(f"{value:,}")
    text = str(value)
    longest = max(text.split("\n"), key=len) if "\n" in text else text
    return sum(2 if "\u1100" <= char and unicodedata.east_asian_width(char) in "WF" else 1
               for char in longest)  # fmt: skip


def lay_out(sheet: xw.Sheet, rows: list[list], *, header_row: int = 1) -> None:
    """Make a result sheet readable: each column as wide as its content (capped, long text
    wrapped), the header row bold and frozen so it stays in view while scrolling.

    ``rows``: the values written from A1; ``header_row``: the 1-based row of column names
    (a report with a title above its table passes 2)."""
    if not rows:
        return
    width = max(len(row) for row in rows)
    sample = rows[: header_row + WIDTH_SAMPLE]
    on_server = isinstance(sheet.api, dict)
    for column in range(width):
        widths = [display_width(row[column]) for row in sample[header_row - 1 :]
                  if column < len(row)]  # fmt: skip
        # A title above the table spills over the columns to its right: it sets no width.
        chars = min(max([MIN_WIDTH, *widths]) + 2, MAX_WIDTH)
        sheet.range((header_row, column + 1)).column_width = (
            chars * POINTS_PER_CHARACTER if on_server else chars
        )
        if max(widths, default=0) + 2 > MAX_WIDTH and len(rows) > header_row:
            sheet.range((header_row, column + 1), (len(rows), column + 1)).wrap_text = True
    sheet.range((header_row, 1), (header_row, width)).font.bold = True
    sheet.freeze_panes.freeze_at(f"1:{header_row}")
