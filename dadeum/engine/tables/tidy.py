"""One human-formatted table to one tidy table, step by step, reporting every step.

The steps, each usable alone on a grid (a DataFrame keyed by Excel row and column numbers):
find the table (``regions.find_tables``), drop empty rows and columns inside it, count
header rows and label columns (``header``), flatten the header, name its levels and read the
units written in it, forward-fill grouped row labels, set aside total rows and columns, read
the values as numbers and scale them to base units, and unpivot (``long.to_long``).
``tidy_grid`` runs them all; every step reports what it did as ``Issue`` rows with the
sheet's 1-based coordinates.
"""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dadeum.engine.issues import Issue, column_letter
from dadeum.engine.korean import josa, quoted
from dadeum.engine.tables.grid import trim
from dadeum.engine.tables.header import (
    NUMBER,
    PLACEHOLDER,
    UNREADABLE,
    flatten_header,
    header_row_count,
    header_text,
    is_summary_label,
    is_total_label,
    label_column_count,
    notes_above_header,
    read_cells,
    split_label_mark,
)
from dadeum.engine.tables.long import VALUE_COLUMN, TidyTable, level_column_names, to_long
from dadeum.engine.tables.names import (
    DIMENSION_WORD,
    GENERIC_LABELS,
    language_of,
    name_for,
    value_kind,
    year_of,
)
from dadeum.engine.tables.regions import TableRegion, find_tables
from dadeum.engine.tables.units import parse_unit, split_header_unit

__all__ = [
    "VALUE_COLUMN",
    "TidyTable",
    "level_column_names",
    "tidy_grid",
    "tidy_region",
    "to_long",
]

# Value columns whose header says they hold text, whatever their cells look like.
_TEXT_HEADER = re.compile(
    r"^(비고|내용|사유|주소|소재지|위치|설명|참고|특이사항|remarks?|notes?|comments?|description)$",
    re.IGNORECASE,
)
# Above this share of unreadable cells (placeholders aside) a value column is text (비고).
TEXT_SHARE = 0.5


def tidy_grid(
    grid: pd.DataFrame, *, header_rows: int | None = None, sheet: str | None = None
) -> list[TidyTable]:
    """Every table found on a grid, tidied. Empty list when the grid holds no table."""
    tables = [
        tidy_region(grid, region, header_rows=header_rows, sheet=sheet)
        for region in find_tables(trim(grid))
    ]
    _label_captions(tables)
    return tables


def _label_captions(tables: list[TidyTable]) -> None:
    """Stacked tables of the same columns under their own captions (CPI of industrial
    workers, of farm labourers, …) differ only by caption, so it becomes their first label
    column; tables of different columns keep their captions as titles."""
    groups: dict[tuple, list[TidyTable]] = {}
    for table in tables:
        groups.setdefault(tuple(table.data.columns), []).append(table)
    for group in groups.values():
        # The title nearest the table is its caption; a sheet title above the first is not.
        captions = [t.region.titles[-1][2] if t.region and t.region.titles else None
                    for t in group]  # fmt: skip
        if len(group) < 2 or not all(captions) or len(set(captions)) < len(captions):
            continue
        for table, caption in zip(group, captions, strict=True):
            name = name_for("table", table.language)
            if name in table.data.columns:
                continue
            for frame in (table.data, table.totals):
                frame.insert(0, name, caption)
            table.label_columns.insert(0, name)


def _quiet(*args, **kwargs) -> None:
    """The reporter of a verb called without one: issues are not collected."""


class _Reporter:
    """Collects issues: ``report(type, message, row, column, value)``, sheet coordinates."""

    def __init__(self, sheet: str | None) -> None:
        self.sheet = sheet
        self.issues: list[Issue] = []

    def __call__(self, kind: str, message: str, row=None, column=None, value=None) -> None:
        row = None if row is None else int(row)
        column = None if column is None else int(column)
        self.issues.append(Issue(kind, message, row, column, value, self.sheet))


@dataclass
class _ValueColumn:
    """A value column's header, read: its parts, unit and whether it is a total."""

    column: int  # sheet column
    parts: list[str]
    rows: list[int]  # sheet row of each part
    unit: str | None = None  # unit written in the header ("천원")
    total: bool = False

    def name(self, base_unit: str | None) -> str:
        name = "_".join(self.parts)
        return f"{name}({base_unit})" if self.unit and name else name


def tidy_region(
    grid: pd.DataFrame,
    region: TableRegion,
    *,
    header_rows: int | None = None,
    sheet: str | None = None,
) -> TidyTable:
    """Tidy the table at ``region`` of ``grid`` (see the module docstring for the steps)."""
    report = _Reporter(sheet)
    _report_annotations(region, report)
    block = grid.loc[region.top : region.bottom, region.left : region.right]
    block = drop_empty_lines(block, report)
    converted, kinds, codes = read_cells(block)
    labels = label_column_count(kinds, block)
    if header_rows is None:
        count = header_row_count(block, kinds, labels)
        # Only the first column names rows here: notes above can make every column look
        # like labels until they are set aside.
        skip, _ = notes_above_header(block, count, min(labels, 1), kinds)
        if skip:
            for row in block.index[:skip]:
                for column, text in block.loc[row].dropna().drop_duplicates().items():
                    report(
                        "note-above", "표 위의 메모 행을 데이터에서 뺐습니다.", row, column, text
                    )
            block, converted, kinds = block.iloc[skip:], converted.iloc[skip:], kinds.iloc[skip:]
            codes = codes[skip:]
            labels = label_column_count(kinds, block)
            count = header_row_count(block, kinds, labels)
        labels = label_column_count(kinds, block, count)
    else:
        count = max(1, min(header_rows, len(block) - 1 if len(block) > 1 else 1))
        labels = label_column_count(kinds, block, count)
    count = max(1, min(count, len(block) - 1 if len(block) > 1 else 1))
    if count > 1:
        report(
            "multi-row-header",
            f"머리글 {count}개 행을 한 행으로 합쳤습니다.",
            block.index[0],
            value=count,
        )
    header = flatten_header(block.iloc[:count], labels)
    for row, column, text in header.filled_cells:
        report("merged-header-filled", f"병합된 머리글 {quoted(text, '을/를')} 채웠습니다.",
               row, column, text)  # fmt: skip
    body = block.iloc[count:]
    converted = converted.iloc[count:]
    codes = codes[count:]
    position_of = {column: n for n, column in enumerate(block.columns)}
    columns = list(block.columns)
    label_sources = columns[:labels]
    language = language_of(
        [*[p for parts in header.levels for p in parts], *body[label_sources].stack().tolist()]
    )

    values = [
        _ValueColumn(column, list(parts), list(rows))
        for column, parts, rows in zip(
            columns[labels:], header.levels[labels:], header.rows[labels:], strict=True
        )
    ]
    _read_header_parts(values, report)
    titles = _level_titles(values, report, block.index[0])

    # Label columns: fill grouped labels down, numbers and years as text, generic names named.
    label_frame = pd.DataFrame(
        {c: _label_values(body[c], c, report) for c in label_sources}, index=body.index
    )
    label_frame = fill_group_labels(label_frame, report)
    label_data = {c: label_frame[c].to_numpy(dtype=object) for c in label_sources}
    label_names = _label_names(header.names[:labels], label_sources, label_data, language, report)

    # Value columns: read as numbers and scaled, or kept as text (비고).
    base_units: dict[int, tuple[str, float] | None] = {}
    table_unit = parse_unit(region.unit) if region.unit else None
    for value in values:
        parsed = parse_unit(value.unit) if value.unit else None
        base_units[value.column] = parsed or (table_unit if not value.unit else None)
    names = _unique_names(
        label_names,
        [v.name(base_units[v.column][0] if base_units[v.column] else None) for v in values],
        columns,
        report,
        block.index[0],
    )
    data: dict[str, np.ndarray] = {}
    for name, column in zip(names[:labels], label_sources, strict=True):
        data[name] = label_data[column]
    attributes, units = [], {}
    for name, value in zip(names[labels:], values, strict=True):
        original = body[value.column]
        column_codes = codes[:, position_of[value.column]]
        if _is_text_column(value, column_codes):
            attributes.append(name)
            data[name] = original.to_numpy(dtype=object)
            if not value.total:
                report("text-column",
                       f"{quoted(name, '은/는')} 숫자 열이 아니라서 값을 그대로 두었습니다.",
                       column=value.column)  # fmt: skip
            continue
        unit = base_units[value.column]
        factor = unit[1] if unit else 1
        if unit and factor != 1 and not value.total:
            written = value.unit or region.unit
            report(
                "unit-applied",
                f"{quoted(name, '은/는')} {written} 단위라서 {unit[0]} 단위로 환산했습니다"
                f"(×{factor:,}).",
                column=value.column,
                value=written,
            )
        data[name] = convert_values(
            original, factor, report, value.column,
            converted=converted[value.column], codes=column_codes,
        )  # fmt: skip
        if unit:
            units[name] = unit[0]
    frame = pd.DataFrame(data, index=body.index)

    # Totals: rows and columns set aside, not lost; section headings lifted into a column.
    frame, totals = set_aside_total_rows(frame, names[:labels], report)
    frame, label_names = lift_section_rows(
        frame, names[:labels],
        [c for v, c in zip(values, names[labels:], strict=True)
         if c not in attributes and not v.total],
        body, report, name=name_for("group", language),
    )  # fmt: skip
    frame, label_names = drop_header_echo_labels(frame, label_names, report)
    totals = totals.drop(columns=[c for c in names[:labels] if c not in frame], errors="ignore")
    total_names = [n for n, v in zip(names[labels:], values, strict=True) if v.total]
    if len(total_names) == len(values):
        total_names = []  # a table of totals only: nothing to set aside
    for name in total_names:
        report("total-column", f"합계 열 {quoted(name, '을/를')} 따로 뺐습니다.",
               column=dict(zip(names, columns, strict=True))[name])  # fmt: skip
    total_columns = frame[total_names].copy()
    frame = frame.drop(columns=total_names)
    attributes = [a for a in attributes if a in frame.columns]
    levels = {
        name: list(value.parts)
        for name, value in zip(names[labels:], values, strict=True)
        if name in frame.columns and name not in attributes
    }
    return TidyTable(
        data=frame,
        label_columns=list(label_names),
        levels=levels,
        units={n: u for n, u in units.items() if n in levels},
        totals=totals,
        total_columns=total_columns,
        issues=report.issues,
        region=region,
        source_columns={n: c for n, c in zip(names, columns, strict=True) if n in frame},
        attribute_columns=attributes,
        level_titles=titles,
        language=language,
    )


def _report_annotations(region: TableRegion, report) -> None:
    for row, column, text in region.titles:
        report("title-row", "표 위의 제목 행을 데이터에서 뺐습니다.", row, column, text)
    for row, column, text in region.units:
        applied = (
            "값에 반영했습니다" if parse_unit(text) else "열마다 단위가 달라 값은 그대로 두었습니다"
        )
        report("unit-row", f"단위 행({text})을 데이터에서 빼고 {applied}.", row, column, text)
    for row, column, text in region.notes:
        report("note-row", "표 아래의 주석·출처 행을 데이터에서 뺐습니다.", row, column, text)


def drop_empty_lines(block: pd.DataFrame, report=None) -> pd.DataFrame:
    """``block`` without its blank rows and columns (spacer rows between groups, a narrow
    blank column between header groups), each reported to ``report`` if given."""
    report = report or _quiet
    filled = block.notna().to_numpy()
    empty_rows = block.index[~filled.any(axis=1)]
    empty_columns = block.columns[~filled.any(axis=0)]
    for row in empty_rows:
        report("empty-row", "표 안의 빈 행을 지웠습니다.", row)
    for column in empty_columns:
        report("empty-column", f"표 안의 빈 열({column_letter(column)}열)을 지웠습니다.",
               column=column)  # fmt: skip
    if len(empty_rows) or len(empty_columns):
        block = block.drop(index=empty_rows, columns=empty_columns)
    return block


# A footnote mark after a header: "인구1)", "출생아수²⁾", "사업체*" (not "계(1)").
_FOOTNOTE_MARK = re.compile(r"(?<=[^\s(\d/])\s*(?:\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\)?|\*+)$")
# A header cell holding only a unit: "(명)", "[천원]", "(단위: 명)".
_UNIT_ONLY = re.compile(r"^[(\[]\s*(?:단\s*위\s*[:：]?\s*)?(?P<unit>[^()\[\]]+?)\s*[)\]]$")


def _read_header_parts(values: list[_ValueColumn], report) -> None:
    """Footnote marks off headers ("인구1)" → 인구), provisional marks off years ("2023 p)" →
    "2023"), units out of the parts ("인구(명)" → 인구, unit 명; a unit row "(명)" under the
    header), and which columns are totals (계, 합계, Total at any level)."""
    reported = set()
    for value in values:
        for n, part in enumerate(value.parts):
            mark = _FOOTNOTE_MARK.search(part)
            if mark and not year_of(part):
                value.parts[n] = part = part[: mark.start()]
                if (value.rows[n], mark.group()) not in reported:
                    reported.add((value.rows[n], mark.group()))
                    report("footnote-mark",
                           f"머리글 '{part + mark.group()}'에서 주석 표시"
                           f"({josa(mark.group().strip(), '을/를')} 뺐습니다.",
                           value.rows[n], value.column, part + mark.group())  # fmt: skip
            year = year_of(part)
            if year and year[1]:
                stripped = part[: part.rfind(year[1])].rstrip() or year[0]
                value.parts[n] = stripped
                if (value.rows[n], part) not in reported:
                    reported.add((value.rows[n], part))
                    report("provisional-mark",
                           f"'{part}'에서 잠정치 표시를 빼고 "
                           f"{quoted(stripped, '으로/로')} 적었습니다.",
                           value.rows[n], value.column, part)  # fmt: skip
        for n in range(len(value.parts) - 1, -1, -1):
            only = _UNIT_ONLY.match(value.parts[n])
            if only and parse_unit(only.group("unit")):
                value.unit = only.group("unit").strip()
                del value.parts[n], value.rows[n]
                break
            base, unit = split_header_unit(value.parts[n])
            if unit:
                value.parts[n], value.unit = base, unit
                break
        value.total = any(is_total_label(part) for part in value.parts)


def _level_titles(values: list[_ValueColumn], report, header_row) -> dict[int, str]:
    """A header cell spanning every value column over a deeper level names that level
    (사고유형 over 차대사람, 차대차, …): it leaves the column names and titles the level."""
    titles: dict[int, str] = {}
    kept = [v for v in values if not v.total] or values
    level = 0
    while kept and all(len(v.parts) > level + 1 for v in kept):
        parts = {v.parts[level] for v in kept}
        if len(parts) != 1 or not DIMENSION_WORD.search(next(iter(parts))):
            level += 1
            continue
        title = next(iter(parts))
        for value in values:
            if len(value.parts) > level + 1 and value.parts[level] == title:
                del value.parts[level]
                del value.rows[level]
        titles[level] = title
        report("header-level-named",
               f"모든 값 열에 걸친 머리글 {quoted(title, '은/는')} 열 이름에서 빼고 그 아래 "
               "단계의 이름으로 썼습니다.", header_row, value=title)  # fmt: skip
    return titles


def _label_values(values: pd.Series, column: int, report) -> np.ndarray:
    """A label column as text: numbers as written (1111051500, 2023), provisional marks off."""
    out = values.to_numpy(dtype=object).copy()
    for position, value in enumerate(out):
        label, mark = split_label_mark(value)
        if mark:
            report("footnote-mark",
                   f"구분 '{label}' 뒤의 주석 표시 {quoted(mark, '을/를')} 뺐습니다.",
                   values.index[position], column, value)  # fmt: skip
            out[position] = value = label
        if value is None or isinstance(value, str):
            year = year_of(value) if isinstance(value, str) else None
            if year and year[1]:
                out[position] = year[0]
                report("provisional-mark",
                       f"'{value}'에서 잠정치 표시를 빼고 "
                       f"{quoted(year[0], '으로/로')} 적었습니다.",
                       values.index[position], column, value)  # fmt: skip
            continue
        out[position] = header_text(value)
    return out


def fill_group_labels(labels: pd.DataFrame, report=None) -> pd.DataFrame:
    """Fill a group label down into the rows below it (a merged 시도 over its 시군구), in
    every label column but the last; a new frame. ``labels`` is keyed by sheet row and
    column, as a grid is, so each filled cell is reported where it is."""
    report = report or _quiet
    out = labels.copy()
    for column in labels.columns[:-1]:
        values = labels[column]
        filled = values.ffill()
        for position in np.flatnonzero((values.isna() & filled.notna()).to_numpy()):
            label = filled.iat[position]
            report("row-label-filled", f"병합된 {quoted(label, '을/를')} 채웠습니다.",
                   labels.index[position], column, label)  # fmt: skip
        out[column] = filled.astype(object)
    return out


def _label_names(names, sources, label_data, language, report) -> list[str]:
    """A generic label header (구분, 항목, a blank) named after its values when every value
    says what it is (월, 연도, 시군구). A header shared by several label columns (구분 merged
    over 시군구 and 읍면동) stays as it is: 구분, 구분_2."""
    result = list(names)
    for position, (name, column) in enumerate(zip(names, sources, strict=True)):
        if name.strip().lower() not in GENERIC_LABELS or (name and names.count(name) > 1):
            continue
        kind = value_kind(label_data[column])
        guess = name_for(kind, language) if kind else None
        if guess and guess not in result:
            result[position] = guess
            if name:
                report("label-column-named",
                       f"{quoted(name, '이라는/라는')} 열 이름을 값에 맞게 "
                       f"{quoted(guess, '으로/로')} 바꿨습니다.", None, column, name)  # fmt: skip
    return result


def _unique_names(label_names, value_names, columns, report, header_row) -> list[str]:
    result: list[str] = []
    labels = len(label_names)
    for position, (name, column) in enumerate(
        zip([*label_names, *value_names], columns, strict=True)
    ):
        if not name:
            is_label = position < labels and "구분" not in result
            name = "구분" if is_label else f"열{column_letter(column)}"
            report("blank-column-name",
                   f"이름이 없는 열에 {quoted(name, '이라는/라는')} 이름을 붙였습니다.",
                   header_row, column)  # fmt: skip
        base, number = name, 2
        while name in result:
            name = f"{base}_{number}"
            number += 1
        if name != base:
            report("duplicate-column-name",
                   f"열 이름 {quoted(base, '이/가')} 겹쳐 {quoted(name, '으로/로')} 바꿨습니다.",
                   header_row, column, base)  # fmt: skip
        result.append(name)
    return result


def _is_text_column(value: _ValueColumn, codes: np.ndarray) -> bool:
    """A header such as 비고 or 주소, or mostly unreadable cells (placeholders aside)."""
    if value.parts and _TEXT_HEADER.match(value.parts[-1]):
        return True
    failed = int((codes == UNREADABLE).sum())
    counted = failed + int((codes == NUMBER).sum())
    return bool(counted) and failed > TEXT_SHARE * counted


def convert_values(
    original: pd.Series,
    factor: float = 1,
    report=None,
    column: int | None = None,
    *,
    converted: pd.Series | None = None,
    codes: np.ndarray | None = None,
) -> np.ndarray:
    """A value column as numbers (scaled by ``factor``): a float array with NaN for blanks
    and placeholders, or an object array keeping the cells that could not be read, each
    placeholder and unreadable cell reported at (its sheet row, ``column``).

    ``converted`` and ``codes`` (from ``header.read_cells``) save reading the cells again.
    """
    from dadeum.engine.tables.header import _codes

    report = report or _quiet
    if converted is None:
        from dadeum.engine.numbers import to_number_series

        converted = to_number_series(original)
    read = converted.to_numpy(dtype=object)
    codes = _codes(read) if codes is None else codes
    numbers = np.full(len(read), np.nan)
    good = codes == NUMBER
    numbers[good] = read[good].astype(float)
    if factor != 1:
        numbers = np.round(numbers * factor, max(0, 9 - round(np.log10(factor))))
    rows = original.index
    for position in np.flatnonzero(codes == PLACEHOLDER):
        report("placeholder", read[position].reason, rows[position], column,
               original.iat[position])  # fmt: skip
    errors = np.flatnonzero(codes == UNREADABLE)
    for position in errors:
        report("not-a-number", f"숫자로 바꾸지 못해 원래 값을 두었습니다. {read[position].reason}",
               rows[position], column, original.iat[position])  # fmt: skip
    if not len(errors):
        return numbers
    out = numbers.astype(object)
    out[np.isnan(numbers)] = None
    out[errors] = original.to_numpy(dtype=object)[errors]
    return out  # fmt: skip


def lift_section_rows(frame, label_names, value_names, original, report=None, *, name="상위구분"):
    """Rows with a label but no value at all are section headings inside the table ("1.
    일반회계" over its items, "성별" over 남자 and 여자): each becomes the value of a new label
    column ``name`` for the rows below it, placed before the label column the headings stand
    in, and the heading rows go. Labels a heading shares with the row below it (the period
    2021 filled down beside 성별) are not part of the heading; a heading made only of those
    (a year alone on a row over its 자치구) just goes. A placeholder counts as a value.
    ``original`` holds the cells as written, on the same rows. Returns (frame, label names).
    """
    report = report or _quiet
    if not value_names or not label_names or not len(frame):
        return frame, label_names
    written = original.loc[frame.index].notna().to_numpy()
    positions = [frame.columns.get_loc(n) for n in value_names]
    heading = ~written[:, positions].any(axis=1)
    if not heading.any():
        return frame, label_names
    labels = frame[label_names].to_numpy(dtype=object)
    sections = np.full(len(frame), None, dtype=object)
    where: list[int] = []  # the label column each heading stands in
    data_rows = np.flatnonzero(~heading)
    for n in np.flatnonzero(heading):
        below = data_rows[data_rows > n]
        following = labels[below[0]] if len(below) else [None] * len(label_names)
        own = [
            j for j, v in enumerate(labels[n])
            if not pd.isna(v) and (pd.isna(following[j]) or following[j] != v)
        ]  # fmt: skip
        text = " ".join(dict.fromkeys(str(labels[n][j]) for j in own))
        shown = text or " ".join(str(v) for v in labels[n] if not pd.isna(v))
        if own:
            sections[n] = text
            where.append(own[0])
        moved = (
            "아래 행들의 상위 구분으로 옮겼습니다"
            if own and n + 1 < len(frame) and not heading[n + 1]
            else "뺐습니다"
        )
        report("section-row", f"값이 하나도 없는 행 {quoted(shown, '은/는')} {moved}.",
               frame.index[n], value=shown)  # fmt: skip
    # A heading alone on its row: it names the rows below until the next heading.
    filled = np.full(len(frame), None, dtype=object)
    current = None
    for n in range(len(frame)):
        if heading[n]:
            current = sections[n]
        filled[n] = current
    frame = frame.copy()
    if pd.notna(filled[~heading]).any():
        name = name if name not in frame.columns else f"{name}_2"
        at = min(where) if where else 0
        before = frame.columns.get_loc(label_names[at])
        frame.insert(before, name, filled)
        label_names = [*label_names[:at], name, *label_names[at:]]
    return frame[~heading], label_names


def drop_header_echo_labels(frame: pd.DataFrame, label_names: list[str], report=None):
    """Without the label columns that only repeat their own header in every row (a column
    구분 filled with "구분" beside the years): they name nothing. Returns (frame, label names);
    the last label column always stays."""
    report = report or _quiet
    kept = list(label_names)
    for name in label_names:
        values = frame[name]
        base = re.sub(r"_\d+$", "", str(name)).strip()
        if len(kept) < 2 or not len(values) or not base:
            continue
        if values.map(lambda v, base=base: isinstance(v, str) and v.strip() == base).all():
            kept.remove(name)
            report("label-column-dropped",
                   f"모든 행에 머리글과 같은 '{base}'만 적힌 열이라서 뺐습니다.",
                   value=base)  # fmt: skip
    if len(kept) == len(label_names):
        return frame, label_names
    return frame.drop(columns=[n for n in label_names if n not in kept]), kept


def set_aside_total_rows(frame: pd.DataFrame, label_names: list[str], report=None):
    """(the rows that are not totals, the 합계·소계 rows): a row is a total when any of its
    ``label_names`` cells is (합계, 소계, 계, 전국, Total …) or names a summary of the rows
    above it (Year to date, % change from year earlier); each reported at its row."""
    report = report or _quiet
    if not label_names:
        return frame, frame.iloc[0:0]
    labels = frame[label_names].to_numpy(dtype=object)
    distinct = pd.unique(labels.ravel())
    summaries = {v for v in distinct if is_summary_label(v)}
    totals = {v for v in distinct if is_total_label(v)} | summaries
    if not totals:
        return frame, frame.iloc[0:0]
    is_total = pd.Series(labels.ravel()).isin(totals).to_numpy().reshape(labels.shape).any(axis=1)
    for position in np.flatnonzero(is_total):
        text = " ".join(dict.fromkeys(str(v) for v in labels[position] if not pd.isna(v)))
        if summaries.intersection(labels[position]):
            report("summary-row", f"요약 행 {quoted(text, '을/를')} 따로 뺐습니다.",
                   frame.index[position])  # fmt: skip
            continue
        report("total-row", f"합계·소계 행 {quoted(text, '을/를')} 따로 뺐습니다.",
               frame.index[position])  # fmt: skip
    return frame[~is_total].copy(), frame[is_total].copy()
