"""Table Schema (frictionless) descriptions of tidy tables, for 공공데이터포털-style publishing."""

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

TABLE_SCHEMA_PROFILE = "https://specs.frictionlessdata.io/schemas/table-schema.json"


def field_type(values: pd.Series) -> str:
    """The Table Schema type of a column: integer, number, date, datetime, boolean or string."""
    present = [v for v in values if not (v is None or (not isinstance(v, str) and pd.isna(v)))]
    if not present:
        return "string"
    if all(isinstance(v, (bool, np.bool_)) for v in present):
        return "boolean"
    if all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in present):
        return "integer" if all(float(v).is_integer() for v in present) else "number"
    if all(isinstance(v, (dt.date, pd.Timestamp)) for v in present):
        has_time = any(
            isinstance(v, (dt.datetime, pd.Timestamp)) and (v.hour or v.minute or v.second)
            for v in present
        )
        return "datetime" if has_time else "date"
    return "string"


def table_schema(
    frame: pd.DataFrame,
    *,
    units: dict[str, str] | None = None,
    primary_key: list[str] | None = None,
) -> dict[str, Any]:
    """A Table Schema descriptor for ``frame`` as it is written to CSV (blank = missing)."""
    units = units or {}
    fields = []
    for name in frame.columns:
        field: dict[str, Any] = {"name": str(name), "type": field_type(frame[name])}
        if units.get(name):
            field["description"] = f"단위: {units[name]}"
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if primary_key:
        schema["primaryKey"] = primary_key
    return schema
