"""Header rows and row-label columns: how many, and one flat name per column."""

import datetime as dt
import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.tables.periods import PERIOD_HEADER, is_period, year_of

MAX_HEADER_ROWS = 5
# Metadata rows under a series-name row (Unit, Series Type, Frequency, Series ID …), as in
# statistical offices' time-series downloads: at most this many more header rows.
MAX_METADATA_ROWS = 12
# A label column is a date column when this share of its filled cells from its first date
# on are dates.
DATE_SHARE = 0.8
# A column whose cells below the first row are mostly text holds row labels (구분, 시군구, …).
LABEL_SHARE = 0.6
NUMBER_SHARE = 0.6


# What each cell turned out to be when read as a number.
NUMBER, BLANK, PLACEHOLDER, UNREADABLE = 0, 1, 2, 3
_KIND_NAMES = np.array(["number", "blank", "number", "text"])
# A column longer than this whose first SAMPLE filled cells are all text is taken as text
# throughout without reading every cell (row labels: 10,000 names need no number parsing).
SAMPLE = 256
_TEXT = CellError("글자입니다.")


def read_cells(block: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Every cell read as a number once: (converted, kinds, codes).

    ``converted`` holds what ``to_number_series`` made of each cell (a float, ``Placeholder``
    or ``CellError``; None for blanks); ``kinds`` says "blank", "number" or "text" for each
    cell, statistical placeholders counting as numbers (plain Python strings: the header
    checks compare them many times, and object cells compare several times faster than Arrow
    strings); ``codes`` is the same as NUMBER, BLANK, PLACEHOLDER or UNREADABLE in an int8
    array.
    """
    from dadeum.engine.numbers import to_number_series

    converted = np.full(block.shape, None, dtype=object)
    codes = np.full(block.shape, BLANK, dtype=np.int8)
    small: list[tuple[int, np.ndarray, pd.Series]] = []
    for position, column in enumerate(block.columns):
        values = block[column]
        present = values.notna().to_numpy()
        count = int(present.sum())
        if not count:
            continue
        filled = values[present]
        if count <= 4 * SAMPLE and filled.dtype == object:
            small.append((position, present, filled))
            continue
        if count > 4 * SAMPLE:
            sample = _codes(to_number_series(filled.iloc[:SAMPLE]).to_numpy(dtype=object))
            if (sample == UNREADABLE).all():
                converted[present, position] = _TEXT
                codes[present, position] = UNREADABLE
                continue
        _store(converted, codes, position, present, filled, to_number_series(filled))
    if small:
        # to_number_series reads each cell on its own, so the small columns are read in one
        # call: its fixed cost (some hundred Arrow kernels) is paid once, not per column.
        read = to_number_series(pd.concat([f for _, _, f in small], ignore_index=True))
        start = 0
        for position, present, filled in small:
            part = read.iloc[start : start + len(filled)]
            _store(converted, codes, position, present, filled, part)
            start += len(filled)
    return (
        pd.DataFrame(converted, index=block.index, columns=block.columns, dtype=object),
        pd.DataFrame(_KIND_NAMES[codes], index=block.index, columns=block.columns, dtype=object),
        codes,
    )


def _store(
    converted: np.ndarray,
    codes: np.ndarray,
    position: int,
    present: np.ndarray,
    filled: pd.Series,
    read: pd.Series,
) -> None:
    """One column's cells as read by ``to_number_series``, with table symbols, in place."""
    values = read.to_numpy(dtype=object, copy=True)
    read_codes = _codes(values)
    _read_table_symbols(values, read_codes, filled.to_numpy(dtype=object))
    converted[present, position] = values
    codes[present, position] = read_codes


# "No value" symbols of statistical tables beyond the Korean ones TO_NUMBER knows: "[x]",
# "[c]", "[z]" (ONS), ":" (Eurostat), "n.a.", "—".
# "***" and "**" are suppressed cells (서울 열린데이터광장: too few to publish).
_TABLE_SYMBOL = re.compile(r"^(\[[a-z]{1,3}\]|:|n\.?\s?a\.?|—|–|\.|\*{2,3})$", re.IGNORECASE)


def _read_table_symbols(read: np.ndarray, codes: np.ndarray, original: np.ndarray) -> None:
    """Turn unreadable cells that are table symbols into placeholders, in place."""
    for n in np.flatnonzero(codes == UNREADABLE):
        text = original[n]
        if isinstance(text, str) and _TABLE_SYMBOL.match(text.strip()):
            read[n] = Placeholder(f"통계표 기호 '{text.strip()}' 표시라서 빈칸으로 바꿨습니다.")
            codes[n] = PLACEHOLDER


def _codes(read: np.ndarray) -> np.ndarray:
    return np.fromiter(
        (
            NUMBER if type(v) is float
            else BLANK if v is None
            else UNREADABLE if type(v) is CellError
            else PLACEHOLDER if type(v) is Placeholder
            else NUMBER
            for v in read
        ),
        dtype=np.int8,
        count=len(read),
    )  # fmt: skip


def cell_kinds(block: pd.DataFrame) -> pd.DataFrame:
    """ "blank", "number" or "text" for every cell; statistical placeholders count as numbers."""
    return read_cells(block)[1].astype(object)


# Headers of label columns that hold numbers: codes, years, periods, serial numbers.
_ID_HEADER = re.compile(
    r"(코드|번호|순번|연번|일련|시점|연도|년도|년월|연월|기간|code|year|period|\bid\b|^no\.?$)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"^\d+$")


def _id_like(values: pd.Series) -> str | None:
    """ "strong" when a column of numbers is surely row labels (distinct years, perhaps
    provisional), "weak" when it may be (distinct whole numbers written without separators,
    like codes and serial numbers), else None."""

    present = [
        split_label_mark(v)[0] if isinstance(v, str) and v[-1:] in _MARK_ENDS else v
        for v in values
        if v is not None
    ]
    present = [v for v in present if not is_total_label(v)]
    if not present:
        return None
    if all(year_of(v) for v in present) and len({year_of(v)[0] for v in present}) == len(present):
        return "strong"
    for value in present:
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, np.integer)):
            continue
        if isinstance(value, float) and value.is_integer():
            continue
        if isinstance(value, str) and _DIGITS.match(value.strip()):
            continue
        return None
    keys = [str(int(v)) if isinstance(v, (int, float, np.integer)) else v.strip() for v in present]
    return "weak" if len(set(keys)) == len(keys) else None


_WORD = re.compile("[가-힣A-Za-z]")
# Category names that read as a number with a unit: age bands, floors, grades, lines.
_BAND = re.compile(r"^\d+\s*(?:대|세|층|학년|등급|위|호선|차|년생)\s*(?:이상|미만|이하|초과)?\+?$")


def _worded(values: pd.Series, kinds: pd.Series) -> bool:
    """Labels some of which read as numbers with a unit ("10대", "20대" beside 남자, 여자):
    plain words and such category names only, words making most of the column. Counts with
    a unit ("12명") keep a column a value column."""
    text = kinds == "text"
    if not text.any() or not (kinds == "number").any():
        return False
    numbers = values[(kinds == "number").to_numpy()]
    if not numbers.map(lambda v: isinstance(v, str) and bool(_BAND.match(v.strip()))).all():
        return False
    worded = values.map(lambda v: isinstance(v, str) and bool(_WORD.search(v)))
    return bool(worded.mean() >= LABEL_SHARE)


def _skipped(value: object, echo: set[str]) -> bool:
    return is_total_label(value) or (isinstance(value, str) and value.strip() in echo)


def _period_column(values: pd.Series, header: str, rows: int | None = None) -> bool:
    """A leading column of periods is row labels: under a period header (기간, 연도, 시점, 월 …)
    or, unnamed, when each period heads a block of rows (1991, 1991, …, 1992, 1992, …, or
    written once at the top of its block, the cells below it blank). ``values``: the filled
    cells; ``rows``: how many body rows there are."""

    words = header.split()
    cue = next((w for w in words if PERIOD_HEADER.search(w)), "")
    # A lower header row repeating the header ("기간" under "기간") is not a value.
    echo = set(words)
    head = [split_label_mark(v)[0] for v in values.iloc[:20]]
    if not all(is_period(v, cue) for v in head if not _skipped(v, echo)):
        return False  # most value columns stop here, after a few cells
    present = [split_label_mark(v)[0] for v in values]
    present = [v for v in present if not _skipped(v, echo)]
    if not present:
        return False
    distinct = pd.unique(pd.Series(present, dtype=object).map(header_text))
    if not all(is_period(v, cue) for v in distinct):
        return False
    if cue:
        return True
    # Unnamed: every period a single run of rows, and some repeated.
    runs = int((pd.Series(present).map(header_text).ne(
        pd.Series(present).map(header_text).shift())).sum())  # fmt: skip
    sparse = rows is not None and len(values) < rows
    return runs == len(distinct) >= 2 and (len(distinct) < len(present) or sparse)


def label_column_count(
    kinds: pd.DataFrame, block: pd.DataFrame | None = None, header_rows: int = 1
) -> int:
    """How many leading columns hold row labels rather than values.

    A column of mostly text is a label column. So is a column of numbers that are labels
    (given ``block``): distinct years, or numbers under a header such as 코드, 시점, 연도,
    순번; distinct whole numbers without separators count too when a text label column
    follows them (행정동코드 before 행정동명).
    """
    body = kinds.iloc[header_rows:] if len(kinds) > header_rows else kinds.iloc[-1:]
    count = 0
    weak = False  # leading columns that are labels only if a text label column follows
    for position, column in enumerate(kinds.columns):
        cells = body[column]
        present = cells[cells != "blank"]
        if len(present) and (
            (present == "text").mean() >= LABEL_SHARE
            or (block is not None and _worded(block[column].loc[present.index], present))
        ):
            if not weak or present.size >= 0.8 * len(body):
                count = position + 1
                weak = False
                continue
            break
        if block is None or not len(present):
            break
        header = " ".join(str(v) for v in block[column].iloc[:header_rows] if isinstance(v, str))
        if _period_column(block[column].loc[present.index], header, len(body)):
            count = position + 1
            weak = False
            continue
        if (present == "text").mean() > 0.2:
            break
        kind = _id_like(block[column].loc[present.index])
        if kind == "strong" or (kind and _ID_HEADER.search(header)):
            count = position + 1
            continue
        if kind == "weak" and count == 0:
            weak = True
            continue
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
    first_date = _first_date_row(block.iloc[:, 0]) if labels else None
    below = kinds.iloc[max(1, first_date or 1) :]  # a time series' values start at its dates
    numeric = [
        c for c in value_columns
        if (below[c] != "blank").any()
        and (below[c][below[c] != "blank"] == "number").mean() >= NUMBER_SHARE
    ]  # fmt: skip
    if not numeric:
        return 1
    count = 1
    for position in range(1, min(MAX_HEADER_ROWS + MAX_METADATA_ROWS, len(block) - 1)):
        key = block.iat[position, 0]
        if first_date and position < first_date and isinstance(key, str) and key.strip():
            # Above dated rows, a row named by a text key ("Unit", "Series ID") describes
            # each column's series: a header level, whatever its cells hold.
            count += 1
            continue
        if position >= MAX_HEADER_ROWS:
            break
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
        # Years across the top (2022, 2023, perhaps with 증감 beside them) and no new label.
        numbers = block.iloc[position][present.index[present == "number"]]
        if (
            no_new_label
            and len(present) >= 2
            and all(_year_like(v) for v in numbers)
            and (labels or numbers.map(header_text).nunique() == len(numbers))
        ):
            count += 1
            continue
        break
    return count


def notes_above_header(
    block: pd.DataFrame, count: int, labels: int, kinds: pd.DataFrame | None = None
) -> tuple[int, int]:
    """(rows of notes at the top, header rows under them) of a table whose ``count`` header
    rows were counted from its first row.

    In a real multi-row header the label column's heading is merged down or blank above its
    name; a different text above it ("or" over "Name") belongs to free notes written above
    the table, and so does every row above that one. Given ``kinds``, text rows between the
    counted header and the first number count too when the row right above that number is a
    full row of distinct headings (Name, Age, …). A time series' metadata rows (keyed by text
    above dated rows) are header levels and stay.
    """
    if labels < 1 or _first_date_row(block.iloc[:, 0]) is not None:
        return 0, count
    end = count
    if kinds is not None:
        # Notes above are a few rows: the first number is looked for near the top only.
        near = kinds.iloc[count : count + MAX_HEADER_ROWS + MAX_METADATA_ROWS, labels:]
        numbers = (near == "number").any(axis=1).to_numpy()
        first_data = count + int(np.argmax(numbers)) if numbers.any() else count
        leaf = [header_text(v) for v in block.iloc[first_data - 1]]
        if first_data > count and all(leaf) and len(set(leaf)) == len(leaf):
            end = first_data
    if end < 2:
        return 0, count
    column = [header_text(v) for v in block.iloc[:end, 0]]
    skip = 0
    for position in range(end - 1):
        upper, lower = column[position], column[position + 1]
        if upper and lower and upper != lower and not _titles_a_level(block.iloc[position]):
            skip = position + 1
    return (skip, end - skip) if skip else (0, count)


def _titles_a_level(row: pd.Series) -> bool:
    """Whether a header row with its own text over the label column names the level it
    spans: that text merged over the next column too (발생년도 over the label columns), or
    years across the rest (발생년도 | 2017 | 2017 | 2018)."""
    texts = [header_text(v) for v in row]
    if len(texts) > 1 and texts[0] == texts[1]:
        return True
    rest = [v for v in row.iloc[1:] if header_text(v)]
    return bool(rest) and all(_year_like(v) for v in rest)


def _first_date_row(values: pd.Series) -> int | None:
    """Position of the first date in a label column whose cells from there on are mostly
    dates (a time series' date column), else None. Only the top rows can hold the header,
    and a sample of cells after the first date tells the column, so long columns cost little."""
    top = values.iloc[: MAX_HEADER_ROWS + MAX_METADATA_ROWS + 1].tolist()
    first = next((n for n, v in enumerate(top) if isinstance(v, (dt.date, pd.Timestamp))), None)
    if first is None:
        return None
    rest = [v for v in values.iloc[first : first + SAMPLE].tolist() if v is not None and v == v]
    dates = sum(isinstance(v, (dt.date, pd.Timestamp)) for v in rest)
    return first if len(rest) >= 2 and dates >= DATE_SHARE * len(rest) else None


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
    rows: list[list[int]]  # the sheet row each part of ``levels`` was read from


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
    levels, names, sources = [], [], []
    for c in range(columns):
        parts: list[str] = []
        part_rows: list[int] = []
        for r in range(rows):
            part = grid[r][c]
            if part and (not parts or parts[-1] != part):
                parts.append(part)
                part_rows.append(int(header.index[r]))
        levels.append(parts)
        sources.append(part_rows)
        names.append("_".join(parts))
    return Header(names=names, levels=levels, filled_cells=filled_cells, rows=sources)


_TOTAL = re.compile(
    r"^(합계|총계|소계|계|합|총합계|누계합계|전체|전국|"
    r"(grand)?(sub)?total|sum|all|bothsexes|allages|allindustries|wholecountry|"
    r"all(regions|areas|persons|people|households|sectors|countries|groups|types|items))$",
    re.IGNORECASE,
)
# Row labels of figures derived from the rows above them (rolling sums, year to date,
# changes), set aside like totals: "Latest three months", "Year to date", "% change from
# year earlier", "Change on previous year".
_SUMMARY = re.compile(
    r"^(latest\s+(\w+\s+)?(months?|quarters?|years?)|year\s+to\s+date|"
    r"%?\s*change\s+(from|on|over)\b.*)$",
    re.IGNORECASE,
)


def is_summary_label(value: object) -> bool:
    """True for a row label naming a summary of the rows above ("Year to date")."""
    return isinstance(value, str) and bool(_SUMMARY.match(value.strip()))


_SUBTOTAL_INSIDE = re.compile(r"(소계|합계|총계)$")  # not 합계출산율
_ENDS_IN_TOTAL = re.compile(r"\s(계|소계|합계|total|subtotal)$", re.IGNORECASE)


# A footnote mark after a row label: "2015 *", "합계¹", "종로구²⁾", "서울1)", "Jan†" (a
# revision mark) (not "2016 p)", a provisional mark, nor "(소계)").
_LABEL_MARK = re.compile(
    r"(?:(?<=\S)\s*[*†‡]{1,3}|\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+[)⁾]?|(?<=[가-힣A-Za-z])\s*\d{1,2}\))$"
)


_MARK_ENDS = set("*†‡)⁾¹²³⁴⁵⁶⁷⁸⁹⁰")


def split_label_mark(value: object) -> tuple[object, str | None]:
    """(label, footnote mark): "2015 *" → ("2015", "*"), "합계¹" → ("합계", "¹"); a label
    without a mark comes back unchanged with None."""
    if not isinstance(value, str):
        return value, None
    match = _LABEL_MARK.search(value)
    if not match or not value[: match.start()].strip():
        return value, None
    return value[: match.start()].rstrip(), match.group().strip()


def is_total_label(value: object) -> bool:
    """True for 합계, 계, 소계, 총계, 전체, 전국, "서울 소계", "(소계)", "종로구 계", Total,
    Subtotal, "Both sexes", "All ages" and the like."""
    return isinstance(value, str) and _is_total_text(value)


@functools.lru_cache(maxsize=4096)
def _is_total_text(value: str) -> bool:
    text = re.sub(r"[\s()\[\]<>]", "", value)
    return bool(
        _TOTAL.match(text) or _SUBTOTAL_INSIDE.search(text) or _ENDS_IN_TOTAL.search(value.strip())
    )
