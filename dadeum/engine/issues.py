"""Issue rows: what a conversion or check did to a table, one row per finding.

Every step that changes or questions a cell reports an ``Issue`` with a stable kebab-case
``type`` (so Excel users can filter on it), Excel's 1-based coordinates and a Korean message.
A list of issues flattens to a DataFrame with Korean column headers for a report sheet.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

ISSUE_COLUMNS = {
    "type": "유형",
    "sheet": "시트",
    "cell": "셀",
    "value": "원래 값",
    "message": "설명",
}
REPORT_COLUMNS = list(ISSUE_COLUMNS.values())


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding. ``row`` and ``column`` are 1-based sheet coordinates; None = whole row or
    column (or the whole table when both are None)."""

    type: str
    message: str
    row: int | None = None
    column: int | None = None
    value: Any = None
    sheet: str | None = None

    @property
    def cell(self) -> str:
        """``B7`` for a cell, ``7행`` for a row, ``B열`` for a column, blank for the table."""
        if self.row is not None and self.column is not None:
            return f"{column_letter(self.column)}{self.row}"
        if self.row is not None:
            return f"{self.row}행"
        if self.column is not None:
            return f"{column_letter(self.column)}열"
        return ""


def column_letter(number: int) -> str:
    """Excel's column letters for a 1-based column number: 1 → A, 27 → AA.

    >>> column_letter(28)
    'AB'
    """
    if number < 1:
        raise ValueError(f"column numbers start at 1, got {number}")
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The inverse of ``column_letter``: ``"AB"`` → 28."""
    number = 0
    for char in letters.strip().upper():
        if not "A" <= char <= "Z":
            raise ValueError(f"not a column letter: {letters!r}")
        number = number * 26 + ord(char) - 64
    return number


def issues_frame(issues: Iterable[Issue], *, sheet: str | None = None) -> pd.DataFrame:
    """Issues as a DataFrame with Korean headers (유형, 시트, 셀, 원래 값, 설명), in order."""
    rows = []
    for issue in issues:
        record = asdict(issue)
        rows.append(
            {
                "type": issue.type,
                "sheet": record["sheet"] if record["sheet"] is not None else sheet,
                "cell": issue.cell,
                "value": issue.value,
                "message": issue.message,
            }
        )
    frame = pd.DataFrame(rows, columns=list(ISSUE_COLUMNS), dtype=object)
    return frame.rename(columns=ISSUE_COLUMNS)
