"""One human-formatted table to one tidy table, step by step, reporting every step.

The steps, each usable alone on a grid (a DataFrame keyed by Excel row and column numbers):
find the table (``regions.find_tables``), count header rows and label columns, flatten the
header, forward-fill grouped row labels, set aside total rows and columns, apply units,
convert values, drop empty rows and columns. ``tidy_grid`` runs them all.
"""

from dataclasses import dataclass, field

import pandas as pd

from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.issues import Issue, column_letter
from dadeum.engine.korean import quoted
from dadeum.engine.tables.grid import trim
from dadeum.engine.tables.header import (
    cell_kinds,
    flatten_header,
    header_row_count,
    is_total_label,
    label_column_count,
)
from dadeum.engine.tables.regions import TableRegion, find_tables
from dadeum.engine.tables.units import parse_unit, split_header_unit

VALUE_COLUMN = "value"


@dataclass
class TidyTable:
    """A tidy table with what it took to get there."""

    data: pd.DataFrame  # one header row, one value per cell; index = source sheet row
    label_columns: list[str]  # the columns that name a record (구분, 시군구, …)
    levels: dict[str, list[str]]  # each value column's header parts, for the long form
    units: dict[str, str]  # column → unit after scaling ("원", "명")
    totals: pd.DataFrame  # total and subtotal rows set aside (same columns as data)
    total_columns: pd.DataFrame  # total columns set aside (same rows as data)
    issues: list[Issue] = field(default_factory=list)
    region: TableRegion | None = None
    source_columns: dict[str, int] = field(default_factory=dict)  # column → sheet column

    def long(self) -> pd.DataFrame:
        """One record per value: the label columns, one column per header level, ``value``."""
        return to_long(self)


def tidy_grid(
    grid: pd.DataFrame, *, header_rows: int | None = None, sheet: str | None = None
) -> list[TidyTable]:
    """Every table found on a grid, tidied. Empty list when the grid holds no table."""
    tables = []
    for region in find_tables(trim(grid)):
        tables.append(tidy_region(grid, region, header_rows=header_rows, sheet=sheet))
    return tables


def tidy_region(
    grid: pd.DataFrame,
    region: TableRegion,
    *,
    header_rows: int | None = None,
    sheet: str | None = None,
) -> TidyTable:
    issues: list[Issue] = []

    def report(kind: str, message: str, row=None, column=None, value=None) -> None:
        issues.append(Issue(kind, message, row, column, value, sheet))

    for row, column, text in region.titles:
        report("title-row", "표 위의 제목 행을 데이터에서 뺐습니다.", row, column, text)
    for row, column, text in region.units:
        applied = (
            "값에 반영했습니다" if parse_unit(text) else "열마다 단위가 달라 값은 그대로 두었습니다"
        )
        report("unit-row", f"단위 행({text})을 데이터에서 빼고 {applied}.", row, column, text)
    for row, column, text in region.notes:
        report("note-row", "표 아래의 주석·출처 행을 데이터에서 뺐습니다.", row, column, text)

    block = grid.loc[region.top : region.bottom, region.left : region.right]
    kinds = cell_kinds(block)
    labels = label_column_count(kinds)
    count = header_rows if header_rows is not None else header_row_count(block, kinds, labels)
    count = max(1, min(count, len(block)))
    if count > 1:
        report(
            "multi-row-header",
            f"머리글 {count}개 행을 한 행으로 합쳤습니다.",
            row=int(block.index[0]),
            value=count,
        )
    header = flatten_header(block.iloc[:count], labels)
    for row, column, text in header.filled_cells:
        report(
            "merged-header-filled",
            f"병합된 머리글 {quoted(text, '을/를')} 채웠습니다.",
            row,
            column,
            text,
        )

    body = block.iloc[count:].copy()
    names = _unique_names(header.names, list(block.columns), labels, report, int(block.index[0]))
    body.columns = names
    source_columns = dict(zip(names, block.columns, strict=True))
    levels = dict(zip(names, header.levels, strict=True))
    label_names, value_names = names[:labels], names[labels:]

    body = _drop_empty(body, report, source_columns)
    label_names = [n for n in label_names if n in body.columns]
    value_names = [n for n in value_names if n in body.columns]
    _fill_row_labels(body, label_names, report, source_columns)
    body, totals = _set_aside_totals(body, label_names, report, source_columns)
    body, total_columns = _set_aside_total_columns(
        body, value_names, levels, report, source_columns
    )
    value_names = [n for n in value_names if n in body.columns]

    units = _units(value_names, region.unit, report, source_columns)
    _convert_values(
        body, value_names, {n: f for n, (_, _, f) in units.items()}, report, source_columns
    )
    renamed = {old: new for old, (new, _, _) in units.items()}
    for old, new in renamed.items():
        levels[new] = [*levels[old][:-1], split_header_unit(levels[old][-1])[0]]
        source_columns[new] = source_columns[old]
    value_names = [renamed.get(n, n) for n in value_names]
    return TidyTable(
        data=body.rename(columns=renamed),
        label_columns=label_names,
        levels={n: levels[n] for n in value_names},
        units={new: unit for new, unit, _ in units.values()},
        totals=totals.rename(columns=renamed),
        total_columns=total_columns,
        issues=issues,
        region=region,
        source_columns=source_columns,
    )


def _unique_names(names, columns, labels, report, header_row) -> list[str]:
    result: list[str] = []
    for position, (name, column) in enumerate(zip(names, columns, strict=True)):
        if not name:
            is_label = position < labels and "구분" not in result
            name = "구분" if is_label else f"열{column_letter(column)}"
            report(
                "blank-column-name",
                f"이름이 없는 열에 {quoted(name, '이라는/라는')} 이름을 붙였습니다.",
                header_row,
                column,
            )
        base, number = name, 2
        while name in result:
            name = f"{base}_{number}"
            number += 1
        if name != base:
            report(
                "duplicate-column-name",
                f"열 이름 {quoted(base, '이/가')} 겹쳐 {quoted(name, '으로/로')} 바꿨습니다.",
                header_row,
                column,
                base,
            )
        result.append(name)
    return result


def _drop_empty(body: pd.DataFrame, report, source_columns) -> pd.DataFrame:
    empty_rows = body.index[body.isna().all(axis=1)]
    for row in empty_rows:
        report("empty-row", "표 안의 빈 행을 지웠습니다.", int(row))
    body = body.drop(index=empty_rows)
    empty_columns = [c for c in body.columns if body[c].isna().all()]
    for name in empty_columns:
        report(
            "empty-column",
            f"빈 열 {quoted(name, '을/를')} 지웠습니다.",
            column=source_columns[name],
        )
    return body.drop(columns=empty_columns)


def _fill_row_labels(body: pd.DataFrame, label_names, report, source_columns) -> None:
    """Fill a group label down into the rows below it (merged 시도 over its 시군구)."""
    for name in label_names[:-1]:
        column = body[name]
        filled = column.ffill()
        for row in body.index[column.isna() & filled.notna()]:
            report(
                "row-label-filled",
                f"병합된 {quoted(filled[row], '을/를')} 채웠습니다.",
                int(row),
                source_columns[name],
                filled[row],
            )
        body[name] = filled.astype(object)


def _set_aside_totals(body, label_names, report, source_columns):
    if not label_names:
        return body, body.iloc[0:0]
    is_total = body[label_names].map(is_total_label).any(axis=1)
    for row in body.index[is_total]:
        labels = " ".join(dict.fromkeys(str(v) for v in body.loc[row, label_names] if pd.notna(v)))
        report("total-row", f"합계·소계 행 {quoted(labels, '을/를')} 따로 뺐습니다.", int(row))
    return body[~is_total].copy(), body[is_total].copy()


def _set_aside_total_columns(body, value_names, levels, report, source_columns):
    totals = [n for n in value_names if is_total_label((levels.get(n) or [n])[-1])]
    if len(totals) == len(value_names):  # a table of totals only: nothing to set aside
        totals = []
    for name in totals:
        report(
            "total-column",
            f"합계 열 {quoted(name, '을/를')} 따로 뺐습니다.",
            column=source_columns[name],
        )
    return body.drop(columns=totals), body[totals].copy()


def _units(value_names, table_unit, report, source_columns):
    """Each value column's unit: from its header ("예산(천원)") or from the table's unit row.

    Returns {column: (new name, base unit, factor)} for the columns that have one.
    """
    found = {}
    for name in value_names:
        base, unit = split_header_unit(name)
        from_header = unit is not None
        if not from_header and table_unit and parse_unit(table_unit):
            unit = table_unit
        if unit is None:
            continue
        base_unit, factor = parse_unit(unit)
        new_name = f"{base}({base_unit})" if from_header else name
        found[name] = (new_name, base_unit, factor)
        if factor != 1:
            report(
                "unit-applied",
                f"{quoted(name, '은/는')} {unit} 단위라서 {base_unit} 단위로 "
                f"환산했습니다(×{factor:,}).",
                column=source_columns[name],
                value=unit,
            )
    return found


def _convert_values(body, value_names, factors, report, source_columns) -> None:
    from dadeum.engine.numbers import to_number_series

    for name in value_names:
        column = body[name]
        present = column.notna()
        converted = to_number_series(column[present])
        failed = converted.map(lambda v: isinstance(v, CellError)).astype(bool)
        if len(failed) and failed.mean() > 0.5:
            continue  # a text column among the values (비고, 주소): leave it as text
        out = column.astype(object).copy()
        factor = factors.get(name, 1)
        for row, value in converted.items():
            if isinstance(value, CellError):
                report(
                    "not-a-number",
                    f"숫자로 바꾸지 못해 원래 값을 두었습니다. {value.reason}",
                    int(row),
                    source_columns[name],
                    column[row],
                )
            elif isinstance(value, Placeholder):
                report("placeholder", value.reason, int(row), source_columns[name], column[row])
                out[row] = None
            else:
                out[row] = value * factor if factor != 1 else value
        body[name] = out


def to_long(table: TidyTable) -> pd.DataFrame:
    """Unpivot a tidy table: one row per value, one column per header level, then ``value``."""
    value_names = list(table.levels)
    depth = max((len(parts) for parts in table.levels.values()), default=1)
    level_names = level_column_names(table, depth)
    records = []
    for row in table.data.index:
        labels = [table.data.at[row, name] for name in table.label_columns]
        for name in value_names:
            value = table.data.at[row, name]
            if pd.isna(value):
                continue
            parts = table.levels[name] or [name]
            parts = [*parts, *[""] * (depth - len(parts))]
            records.append([*labels, *parts, value])
    columns = [*table.label_columns, *level_names, VALUE_COLUMN]
    long = pd.DataFrame(records, columns=columns, dtype=object)
    if table.units and len(set(table.units.values())) >= 1:
        unit_by_parts = {tuple(table.levels[n]): table.units.get(n, "") for n in value_names}
        long.insert(
            len(columns) - 1,
            "단위",
            [
                unit_by_parts.get(tuple(p for p in rec[len(table.label_columns) : -1] if p), "")
                for rec in records
            ],
        )
    return long


def level_column_names(table: TidyTable, depth: int) -> list[str]:
    """Names for the header levels: 연도, 월, 분기, 성별 when the values say so, else 항목1…"""
    names = []
    for level in range(depth):
        values = {parts[level] for parts in table.levels.values() if len(parts) > level}
        names.append(_guess_level_name(values) or f"항목{level + 1}")
    taken = set(table.label_columns)
    result = []
    for name in names:
        base, number = name, 2
        while name in taken:
            name = f"{base}{number}"
            number += 1
        taken.add(name)
        result.append(name)
    return result


def _guess_level_name(values: set[str]) -> str | None:
    import re

    if not values:
        return None
    if all(re.fullmatch(r"(19|20)\d\d\s*(년|p\)?|\(p\)|e\)?)?", v) for v in values):
        return "연도"
    if all(re.fullmatch(r"\d{1,2}\s*월", v) for v in values):
        return "월"
    if all(re.fullmatch(r"[1-4]\s*(분기|/4|Q)|Q[1-4]", v) for v in values):
        return "분기"
    if values <= {"남", "여", "남자", "여자", "남성", "여성"}:
        return "성별"
    return None
