"""Cell-level conventions every conversion shares: blanks, failures and the on_error policy.

A conversion never raises for a bad cell. It returns ``CellError`` in that cell, carrying a
short Korean reason; the caller then applies the user's ``on_error`` choice:

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
    """Replace every ``CellError`` in ``converted`` as the user's ``on_error`` asks.

    Returns a new object Series; neither input is modified.
    """
    policy = check_choice(function, "on_error", on_error, ON_ERROR_CHOICES)
    result = converted.astype(object).copy()
    if policy == "error":
        return result
    failed = result.map(lambda value: isinstance(value, CellError)).astype(bool)
    if policy == "blank":
        result[failed] = None
    else:
        result[failed] = original[failed]
    return result
