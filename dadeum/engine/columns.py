"""Whole-table cleaning: find what each column holds, convert it, and list what needs a look.

A table arrives as a *grid*: a DataFrame of raw cell values in sheet order, whose first rows may
be a header. Each column is tried with every converter once (vectorised), the type that
converts a clear majority of its cells wins, and the column is converted with it:

- a cell that converts takes the converted value;
- a statistical "no value" symbol (``-``, ``…``, ``x``) becomes blank and is listed;
- a cell that does not convert keeps its ORIGINAL value and is listed, so nothing is lost;
- text columns, and the header rows, get ``clean_text``.

Two rules keep a majority from mangling a column: digits with a leading zero (우편번호
``04524``, 기관코드 ``0010000``) keep it as text, since numbers would lose the zero; and it is
a phone column only when at least half of the cells read as phone numbers are written like
one (``010-…``, ``02)…``, or the 10-digit ``10…`` that Excel makes of a mobile number typed
without its apostrophe), since giving digits back a leading 0 also turns amounts such as
``234567890`` into ``02-3456-7890``.

Every listed cell is an ``Issue`` with its sheet coordinates (give ``top``/``left`` when the
table does not start at A1).
"""

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine.cells import CellError, Placeholder, is_blank
from dadeum.engine.issues import Issue
from dadeum.engine.text import clean_text_series

# Share of a column's non-blank cells a converter must convert for the column to take its type.
MAJORITY = 0.8
# At most this many leading rows are taken as header rows (titles, two-row headers).
MAX_HEADER_ROWS = 10

# Share of a phone column's cells that must be written like phone numbers (see
# _Column._written_as_phones), and share of zero-padded digit codes (04524) that keeps a
# column of digits as text.
PHONE_WRITTEN = 0.5
CODE_SHARE = 0.05

TYPES = ("number", "date", "phone", "text")
TYPE_NAMES = {"number": "숫자", "date": "날짜", "phone": "전화번호", "text": "텍스트"}
# When several converters accept a column: a phone number is never a number, and a column of
# date-looking values is dates even where the number converter also succeeds (20230305).
PRIORITY = ("phone", "date", "number")

ISSUE_TYPES = {
    "number": "not-a-number",
    "date": "not-a-date",
    "phone": "not-a-phone",
}
PLACEHOLDER_ISSUE = "placeholder"

# Excel number format codes for the cleaned columns.
DATE_FORMAT = "yyyy-mm-dd"
DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm"
INTEGER_FORMAT = "#,##0"
PLAIN_INTEGER_FORMAT = "0"  # years, codes and 민원 numbers: no thousands separator

# Headers of whole-number columns that name or date a record rather than count something.
_ID_HEADER = re.compile(
    r"(연도|년도|기간|시점|년월|번호|코드|순번|연번|일련|우편|학번|사번|회차|^\s*년\s*$|"
    r"\b(id|no|year|code)\b)",
    re.IGNORECASE,
)
# Headers of counts and amounts, which keep their separators even when they look like years.
_MEASURE_HEADER = re.compile(r"(수|건|명|액|량|계|금|원|비|율|합)")
GENERAL_FORMAT = "General"
TEXT_FORMAT = "@"

# Values the number converter also reads but that are dates in a date column:
# 8-digit 20230305, 6-digit 202307 (기준년월) and year.month periods such as 2023.07.
_YYYYMMDD = re.compile(r"^(19|20)\d{2}(0[1-9]|1[0-2])((0[1-9]|[12]\d|3[01]))?$")
_YEAR_MONTH = re.compile(r"^(19|20)\d{2}\.(0?[1-9]|1[0-2])$")

# Codes for what a converter returned in a cell.
_BLANK, _OK, _FAILED, _PLACEHOLDER = 0, 1, 2, 3


@dataclass
class CleanResult:
    """What ``clean_frame`` returns.

    ``frame``: the cleaned grid (same shape, index and columns as the input);
    ``types``: the detected type of each column ("number", "date", "phone" or "text");
    ``issues``: one ``Issue`` per cell listed for review, in sheet order;
    ``header_rows``: how many leading rows were treated as a header;
    ``converted``: cells that now hold a number, date or phone number;
    ``changed``: cells whose value differs from the input (0 when cleaning clean data).
    """

    frame: pd.DataFrame
    types: dict[Hashable, str]
    issues: list[Issue]
    header_rows: int = 0
    converted: int = 0
    changed: int = 0
    converted_by_column: dict[Hashable, int] = field(default_factory=dict)


def _converters() -> dict[str, Callable[[pd.Series], pd.Series]]:
    # Imported on first use so that importing this module stays cheap.
    from dadeum.engine.dates import to_date_series
    from dadeum.engine.numbers import to_number_series
    from dadeum.engine.phones import to_phone_series

    # Numbers first: their placeholders (-, …, x) are left out when judging the other types.
    return {"number": to_number_series, "date": to_date_series, "phone": to_phone_series}


def number_format(values: pd.Series, kind: str, name: object = None) -> str:
    """The Excel number format code for a cleaned column of the given type.

    Text and phone numbers get the text format ("@"), so Excel keeps 00123 and 1-2 as typed,
    unless the column also holds numbers or dates, which that format would turn into text;
    dates get yyyy-mm-dd (with the time when any cell has one); whole numbers get thousands
    separators, except years, periods, codes and numbers that name a record (``name``, the
    header, says which: 기간, 연도, 번호, 코드 …), which read wrong as 2,014 or 97,674; other
    numbers keep Excel's General format.
    """
    filled = [value for value in values if not is_blank(value)]
    if kind == "date":
        with_time = any(
            getattr(value, "hour", 0) or getattr(value, "minute", 0) or getattr(value, "second", 0)
            for value in filled
        )
        return DATE_TIME_FORMAT if with_time else DATE_FORMAT
    if kind == "number":
        numbers = [v for v in filled if isinstance(v, int | float | np.number)]
        if numbers and all(float(v).is_integer() for v in numbers if not isinstance(v, bool)):
            return PLAIN_INTEGER_FORMAT if _names_records(numbers, name) else INTEGER_FORMAT
        return GENERAL_FORMAT
    return TEXT_FORMAT if all(isinstance(value, str) for value in filled) else GENERAL_FORMAT


def _names_records(numbers: list, name: object) -> bool:
    """Whole numbers that are years, periods or identifiers (see ``number_format``)."""
    header = name if isinstance(name, str) else ""
    if header and _ID_HEADER.search(header) and not header.strip().endswith("수"):
        return True
    if _MEASURE_HEADER.search(header) or not all(1900 <= float(v) <= 2100 for v in numbers):
        return False
    # Years repeat down a 기간 column or run one after another; prices such as 1,955원 do not.
    distinct = sorted({int(v) for v in numbers})
    return len(distinct) <= len(numbers) / 2 or distinct[-1] - distinct[0] == len(distinct) - 1


def _kinds(converted: np.ndarray, blank: np.ndarray) -> np.ndarray:
    """One code per cell: blank, converted, failed or placeholder."""
    types = np.fromiter(map(type, converted), dtype=object, count=len(converted))
    kinds = np.full(len(converted), _OK, dtype=np.int8)
    kinds[types == CellError] = _FAILED
    kinds[types == Placeholder] = _PLACEHOLDER
    kinds[pd.isna(converted).astype(bool) | blank] = _BLANK
    return kinds


def _mask(values: np.ndarray, test: Callable) -> np.ndarray:
    return np.fromiter(map(test, values), dtype=bool, count=len(values))


def _is_text(value) -> bool:
    return isinstance(value, str)


def _is_number(value) -> bool:
    return isinstance(value, int | float | np.number) and not isinstance(value, bool | np.bool_)


@dataclass
class _Cells:
    """What a column's raw values are, found once and shared by every step."""

    values: np.ndarray
    cleaned: np.ndarray  # clean_text of every cell
    text: np.ndarray  # the cell is text
    number: np.ndarray  # the cell is a number (not a boolean)
    blank: np.ndarray  # blank once cleaned (also text of only invisible characters)
    digits: np.ndarray  # how many digits the cell has (text) or its whole part has (numbers)

    @classmethod
    def of(cls, values: pd.Series) -> "_Cells":
        array = values.to_numpy(dtype=object)
        cleaned = clean_text_series(pd.Series(array, dtype=object)).to_numpy(dtype=object)
        text = _mask(array, _is_text)
        number = _mask(array, _is_number)
        blank = pd.isna(array).astype(bool)
        digits = np.zeros(len(array), dtype=np.int64)
        if text.any():
            words = pd.Series(cleaned[text], dtype=object)
            blank[text] = (words.str.len() == 0).to_numpy(dtype=bool)
            digits[text] = words.str.count(r"[0-9]").to_numpy(dtype=np.int64)
        if number.any():
            x = np.abs(array[number].astype(float))
            with np.errstate(divide="ignore", invalid="ignore"):
                width = np.floor(np.log10(np.where(x >= 1, x, 1))) + 1
            digits[number] = np.where(np.isfinite(width), width, 0).astype(np.int64)
        return cls(array, cleaned, text, number, blank, digits)

    @cached_property
    def _words(self) -> pa.Array:
        return pa.array(self.cleaned[self.text].tolist(), type=pa.large_string())

    def matches(self, pattern: str) -> np.ndarray:
        """Text cells that match an RE2 ``pattern`` once cleaned (other cells: False)."""
        found = np.zeros(len(self.values), dtype=bool)
        if self.text.any():
            hit = pc.match_substring_regex(self._words, pattern)
            found[self.text] = hit.to_numpy(zero_copy_only=False)
        return found

    @cached_property
    def zero_padded(self) -> np.ndarray:
        """Text of digits with a leading zero (04524, 0010000): codes such as 우편번호 or
        기관코드, which would lose the zero as numbers."""
        return self.matches("^0[0-9]+$")

    @cached_property
    def bare_digits(self) -> tuple[np.ndarray, np.ndarray]:
        """Cells that are digits alone without a leading 0 (a number cell, or text such as
        1012345678), and among them those shaped like a mobile number whose 0 Excel dropped
        (10 digits starting 10)."""
        bare = self.matches("^[1-9][0-9]*$")
        mobile = self.matches("^10[0-9]{8}$")
        if self.number.any():
            x = self.values[self.number].astype(float)
            whole = np.isfinite(x) & (x == np.floor(x)) & (x > 0)
            bare[self.number] = whole
            mobile[self.number] = whole & (x >= 1_000_000_000) & (x < 1_100_000_000)
        return bare, mobile

    @cached_property
    def never_phone(self) -> np.ndarray:
        """Text that the phone reader always rejects: a comma between digits (1,234,567)
        or a mark of several numbers (~ ; / & |)."""
        return self.matches("[0-9],[0-9]|[~;/&|]")

    @cached_property
    def date_shaped(self) -> np.ndarray:
        """Cells written like dates though the number converter reads them too: 20230305,
        202307 (기준년월) and, in text, 2023.07."""
        shaped = np.zeros(len(self.values), dtype=bool)
        if self.text.any():
            words = pd.Series(self.cleaned[self.text], dtype=object)
            shaped[self.text] = (
                words.str.match(_YYYYMMDD) | words.str.match(_YEAR_MONTH)
            ).to_numpy(dtype=bool)
        if self.number.any():
            x = self.values[self.number].astype(float)
            whole = np.isfinite(x) & (x == np.floor(x))
            last, middle = x % 100, (x // 100) % 100
            # YYYYMMDD: middle two digits a month, last two a day; YYYYMM: last two a month.
            eight = (x >= 19000101) & (x <= 20991231) & (middle >= 1) & (middle <= 12)
            eight &= (last >= 1) & (last <= 31)
            six = (x >= 190001) & (x <= 209912) & (last >= 1) & (last <= 12)
            shaped[self.number] = whole & (eight | six)
        return shaped


@dataclass
class _Column:
    """One column tried with every converter."""

    cells: _Cells
    converted: dict[str, np.ndarray]
    kinds: dict[str, np.ndarray]
    placeholder: np.ndarray  # a placeholder for any converter
    date_shaped: np.ndarray

    @property
    def values(self) -> np.ndarray:
        return self.cells.values

    @property
    def blank(self) -> np.ndarray:
        return self.cells.blank

    def detect(self, start: int) -> str:
        """The column's type judged on rows ``start`` onwards."""
        filled = ~self.blank[start:] & ~self.placeholder[start:]
        total = int(filled.sum())
        if not total:
            return "text"
        ok = {name: (kinds[start:] == _OK) & filled for name, kinds in self.kinds.items()}
        share = {name: mask.sum() / total for name, mask in ok.items()}
        for name in PRIORITY:
            if name not in ok or share[name] < MAJORITY:
                continue
            if name == "date" and "number" in ok:
                # Where both read a cell, it counts as a date only if written like one, so a
                # column of amounts or serial numbers stays numbers.
                dates = ok["date"] & (~ok["number"] | self.date_shaped[start:])
                if dates.sum() / total < MAJORITY:
                    continue
            if name == "phone" and not self._written_as_phones(ok["phone"], start):
                continue
            if name == "number" and self._codes(filled, start):
                continue
            return name
        return "text"

    def _written_as_phones(self, phones: np.ndarray, start: int) -> bool:
        """Whether enough of the cells read as phone numbers were written as such. Digits
        alone only become a phone number by getting back a leading 0, which also turns
        amounts into numbers (234567890 → 02-3456-7890); only the 10-digit 10… that a
        mobile number typed without its apostrophe becomes counts as written like one."""
        bare, mobile = self.cells.bare_digits
        written = phones & (~bare[start:] | mobile[start:])
        return written.sum() >= PHONE_WRITTEN * phones.sum()

    def _codes(self, filled: np.ndarray, start: int) -> bool:
        """Whether the column holds codes written with leading zeros (우편번호 04524): some
        of them, or any among digit texts all of one width (a nationwide list of postcodes
        where only Seoul's start with 0)."""
        padded = self.cells.zero_padded[start:] & filled
        if not padded.any():
            return False
        if padded.sum() >= CODE_SHARE * filled.sum():
            return True
        cells = self.cells
        if not cells.text[start:][filled].all():
            return False
        words = pd.Series(cells.cleaned[start:][filled], dtype=object)
        return bool(words.str.fullmatch(r"[0-9]+").all() and words.str.len().nunique() == 1)


def _try_column(values: pd.Series, converters: dict[str, Callable]) -> _Column:
    cells = _Cells.of(values)
    n = len(cells.values)
    converted, kinds = {}, {}
    placeholder = np.zeros(n, dtype=bool)
    column = pd.Series(cells.values, dtype=object)
    for name, convert in converters.items():
        if cells.blank.all() or not _may_reach_majority(name, cells, placeholder, kinds):
            continue
        converted[name] = convert(column).to_numpy(dtype=object)
        kinds[name] = _kinds(converted[name], cells.blank)
        placeholder |= kinds[name] == _PLACEHOLDER
    return _Column(cells, converted, kinds, placeholder, cells.date_shaped)


# The fewest digits a value needs to be read as each type; a type that too few cells could
# reach is not tried at all, which keeps whole-sheet cleaning fast.
_MIN_DIGITS = {"date": 1, "phone": 8}


def _may_reach_majority(
    name: str, cells: _Cells, placeholder: np.ndarray, kinds: dict[str, np.ndarray]
) -> bool:
    if name not in _MIN_DIGITS:
        return True
    filled = ~cells.blank & ~placeholder
    possible = filled & (cells.digits >= _MIN_DIGITS[name])
    if name == "date":  # date and time objects hold no digits
        possible |= filled & ~cells.text & ~cells.number
    # Header rows (at most MAX_HEADER_ROWS) are left out when the type is judged.
    data = filled.sum() - MAX_HEADER_ROWS
    if possible.sum() < MAJORITY * data:
        return False
    if name == "date" and "number" in kinds:
        # Where numbers were read, only date-shaped ones can count as dates (see detect);
        # the cells numbers failed on may all be dates, or placeholders that leave the count.
        failed = filled & (kinds["number"] == _FAILED)
        dates = (filled & (kinds["number"] == _OK) & cells.date_shaped).sum() + failed.sum()
        if dates < MAJORITY * (data - failed.sum()):
            return False
    if name == "phone":
        # See _Column._written_as_phones: a column of amounts is not worth reading as phones.
        bare, mobile = cells.bare_digits
        written = possible & ~cells.never_phone & (~bare | mobile)
        return written.sum() >= PHONE_WRITTEN * MAJORITY * data
    return True


def _is_text_row(frame: pd.DataFrame, row: int, blank: np.ndarray) -> bool:
    cells = frame.iloc[row].tolist()
    filled = [cell for cell, empty in zip(cells, blank, strict=True) if not empty]
    return bool(filled) and all(isinstance(cell, str) for cell in filled)


def _header_rows(frame: pd.DataFrame, columns: list[_Column], header: bool | None) -> int:
    """How many leading rows are a header (see ``clean_frame``)."""
    if isinstance(header, bool):
        return int(header) if len(frame) else 0
    if header is not None:  # a count read elsewhere (the table finder's multi-row header)
        return max(0, min(int(header), len(frame)))
    if not columns or len(frame) < 2:
        return 0
    blank_rows = np.column_stack([column.blank for column in columns])
    limit = 0
    while limit < min(MAX_HEADER_ROWS, len(frame) - 1) and _is_text_row(
        frame, limit, blank_rows[limit]
    ):
        limit += 1
    if not limit:
        return 0
    # Types depend on where the data starts and the header on the types: start from the usual
    # one header row and repeat until it settles (or cycles, then the last answer counts).
    rows, seen = 1, set()
    while rows not in seen:
        seen.add(rows)
        rows = _header_for(columns, [column.detect(rows) for column in columns], limit)
    return rows


def _header_for(columns: list[_Column], types: list[str], limit: int) -> int:
    """The header that the given column types imply, among the first ``limit`` (text) rows.

    A header row has a cell that fails to convert in a typed column and none that converts;
    rows with only blanks or placeholders in the typed columns (a title over a text column)
    may sit between header rows. A table of text columns has one header row.
    """
    typed = [(column, kind) for column, kind in zip(columns, types, strict=True) if kind != "text"]
    if not typed:
        return 1
    rows = 0
    for r in range(limit):
        codes = [column.kinds[kind][r] for column, kind in typed]
        if _OK in codes:
            break
        if any(
            code == _FAILED and not column.placeholder[r]
            for code, (column, _) in zip(codes, typed, strict=True)
        ):
            rows = r + 1
    return rows


def clean_frame(
    frame: pd.DataFrame,
    *,
    header: bool | int | None = None,
    top: int = 1,
    left: int = 1,
    sheet: str | None = None,
) -> CleanResult:
    """Detect each column's type, convert it, and list every cell that needs a look.

    ``frame`` holds raw cell values in sheet order (row 0 is the sheet's first row of the
    table). ``header``: True = the first row is a header, False = no header, a number = that
    many header rows, None (default) = detect it: leading rows of text that fail to convert
    where the rows below them convert.
    ``top``/``left``: the sheet row and column of the frame's first cell, for issue addresses.

    Returns a ``CleanResult``; the input frame is not modified.
    """
    converters = _converters()
    columns = [_try_column(frame.iloc[:, j], converters) for j in range(frame.shape[1])]
    header_rows = _header_rows(frame, columns, header)

    cleaned: list[np.ndarray] = []
    types: dict[Hashable, str] = {}
    converted_by_column: dict[Hashable, int] = {}
    issues: list[Issue] = []
    changed = 0
    for position, (label, column) in enumerate(zip(frame.columns, columns, strict=True)):
        kind = column.detect(header_rows)
        types[label] = kind
        out = column.cells.cleaned.copy()
        data = np.arange(len(out)) >= header_rows
        count = 0
        if kind != "text":
            codes = column.kinds[kind]
            ok = data & (codes == _OK)
            failed = data & (codes == _FAILED) & ~column.placeholder
            placeholder = data & column.placeholder & ~ok
            out[ok] = column.converted[kind][ok]
            out[failed] = column.values[failed]
            out[placeholder] = None
            count = int(ok.sum())
            issues += _issues(
                column, kind, failed=failed, placeholder=placeholder,
                column_number=left + position, top=top, sheet=sheet,
            )  # fmt: skip
        out[column.blank] = None  # also text that cleaning emptied (e.g. only "\x08")
        converted_by_column[label] = count
        changed += int((~_same(column.values, out)).sum())
        cleaned.append(out)

    result = pd.DataFrame(dict(enumerate(cleaned)), index=frame.index, dtype=object)
    result.columns = frame.columns
    issues.sort(key=lambda issue: (issue.row, issue.column))
    return CleanResult(
        frame=result,
        types=types,
        issues=issues,
        header_rows=header_rows,
        converted=sum(converted_by_column.values()),
        changed=changed,
        converted_by_column=converted_by_column,
    )


def _same(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Cell-wise: did cleaning leave the value as it was (None and NaN count as equal)?"""
    try:
        equal = np.equal(before, after, dtype=object).astype(bool)
    except (TypeError, ValueError):  # e.g. dates with and without a time zone
        equal = np.array([_equal(a, b) for a, b in zip(before, after, strict=True)], dtype=bool)
    return equal | (pd.isna(before).astype(bool) & pd.isna(after).astype(bool))


def _equal(a, b) -> bool:
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _issues(
    column: _Column,
    kind: str,
    *,
    failed: np.ndarray,
    placeholder: np.ndarray,
    column_number: int,
    top: int,
    sheet: str | None,
) -> list[Issue]:
    issues = []
    for row in np.flatnonzero(failed | placeholder):
        if placeholder[row]:
            # The reason from whichever converter recognised the symbol.
            reason = next(
                str(result[row])
                for result in column.converted.values()
                if isinstance(result[row], Placeholder)
            )
            kind_of_issue = PLACEHOLDER_ISSUE
        else:
            reason, kind_of_issue = str(column.converted[kind][row]), ISSUE_TYPES[kind]
        issues.append(
            Issue(kind_of_issue, reason, top + int(row), column_number, column.values[row], sheet)
        )
    return issues


def detect_column_type(values: pd.Series) -> str:
    """The type of a column of raw values (without its header): "number", "date", "phone" or
    "text".

    A type is chosen only when its converter converts at least ``MAJORITY`` of the non-blank
    cells (statistical placeholders aside); see ``PRIORITY`` for ties.

    >>> detect_column_type(pd.Series(["1,234", "△500", "12만", "-"]))
    'number'
    >>> detect_column_type(pd.Series(["20230305", "2023. 3. 6.", "2023-03-07"]))
    'date'
    """
    return _try_column(values, _converters()).detect(0)
