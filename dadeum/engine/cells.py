"""Cell-level conventions every conversion shares: blanks, failures and the on_error policy.

A conversion never raises for a bad cell. It returns ``CellError`` in that cell, carrying a
short Korean reason, or ``Placeholder`` for a statistical symbol that means "no value"
(``-``, ``…``, ``x``, ``비공개``), which always becomes blank but keeps its reason for reports.
The caller then applies the user's ``on_error`` choice to the ``CellError`` cells:

- ``"error"`` (default): keep the ``CellError`` (Excel shows ``#VALUE!``, batch lists it);
- ``"blank"``: an empty cell;
- ``"keep"``: the original value, unchanged.
"""

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dadeum.engine._validation import check_choice

ON_ERROR_CHOICES = ("error", "blank", "keep")


@dataclass(frozen=True, slots=True)
class CellError:
    """A cell that could not be converted, with the reason in Korean."""

    reason: str

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A symbol that stands for "no value" in Korean statistics; it becomes a blank cell."""

    reason: str

    def __str__(self) -> str:
        return self.reason


def is_blank(value: Any) -> bool:
    """True for what Excel shows as an empty cell: None, NaN, NaT, or text of only spaces."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def apply_on_error(
    original: pd.Series, converted: pd.Series, on_error: str, *, function: str
) -> pd.Series:
    """Replace every ``CellError`` in ``converted`` as the user's ``on_error`` asks, and every
    ``Placeholder`` with None.

    Returns a new object Series; neither input is modified.
    """
    policy = check_choice(function, "on_error", on_error or "error", ON_ERROR_CHOICES)
    result = converted.astype(object).copy()
    placeholder = result.map(lambda value: isinstance(value, Placeholder)).astype(bool)
    result[placeholder] = None
    if policy == "error":
        return result
    failed = result.map(lambda value: isinstance(value, CellError)).astype(bool)
    if policy == "blank":
        result[failed] = None
    else:
        result[failed] = original[failed]
    return result
