"""A tidy table (``TidyTable``, what ``tidy.tidy_grid`` returns) and its long form: one record
per value.

Columns: the label columns, the text columns that ride along (비고), one column per header
level (named as ``names.level_names`` decides: 연도, 성별, 항목 …), the unit when the table
has one (단위; "unit" in an English table), then ``value``. Records follow the wide table row
by row, and within a row its value columns left to right; blank values make no record.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dadeum.engine.issues import Issue
from dadeum.engine.tables.names import level_names, name_for, year_of
from dadeum.engine.tables.regions import TableRegion

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
    attribute_columns: list[str] = field(default_factory=list)  # text among values (비고)
    level_titles: dict[int, str] = field(default_factory=dict)  # levels the header names
    language: str = "ko"  # "en" for a table written in English

    def long(self) -> pd.DataFrame:
        """One record per value: the label columns, one column per header level, ``value``."""
        return to_long(self)


def level_column_names(table: "TidyTable", depth: int | None = None) -> list[str]:
    """Names for the header levels of ``table``'s value columns (연도, 월, 분기, 성별, 시도 when
    the values say so, a name the header gave, else 항목 or 항목1, 항목2 …)."""
    parts = list(table.levels.values())
    names = level_names(
        parts or [[]],
        getattr(table, "level_titles", {}),
        [*table.label_columns, *getattr(table, "attribute_columns", [])],
        getattr(table, "language", "ko"),
    )
    if depth is not None:
        names = names[:depth]
    return names


def to_long(table: "TidyTable") -> pd.DataFrame:
    """Unpivot a tidy table: one row per value, one column per header level, then ``value``.

    Years in a level named for years are written as four digits ("2021년" → "2021").
    """
    data = table.data
    value_names = [name for name in table.levels if name in data.columns]
    ids = [*table.label_columns]
    ids += [
        name
        for name in getattr(table, "attribute_columns", [])
        if name in data.columns and name not in ids and name not in table.levels
    ]
    levels = [table.levels[name] or [name] for name in value_names]
    depth = max((len(parts) for parts in levels), default=0)
    names = level_column_names(table)[:depth]
    while len(names) < depth:  # levels added by hand (UNPIVOT) beyond the guessed names
        names.append(f"{name_for('item', getattr(table, 'language', 'ko'))}{len(names) + 1}")

    values = data[value_names].to_numpy(dtype=object)
    rows, columns = values.shape
    flat = values.ravel()
    keep = ~pd.isna(flat)
    row_index = np.repeat(np.arange(rows), columns)[keep]
    column_index = np.tile(np.arange(columns), rows)[keep]

    out: dict[str, np.ndarray] = {}
    for name in ids:
        out[name] = data[name].to_numpy(dtype=object)[row_index]
    for level, name in enumerate(names):
        parts = [p[level] if len(p) > level else None for p in levels]
        if all(year_of(p) for p in parts if p is not None):
            parts = [year_of(p)[0] if p is not None else None for p in parts]
        out[name] = np.array(parts, dtype=object)[column_index]
    units = getattr(table, "units", {})
    unit_name = name_for("unit", getattr(table, "language", "ko"))
    if any(units.get(name) for name in value_names) and unit_name not in out:
        unit_values = np.array([units.get(name) for name in value_names], dtype=object)
        out[unit_name] = unit_values[column_index]
    out[VALUE_COLUMN] = flat[keep]
    return pd.DataFrame(out, columns=list(out), dtype=object)
