"""Scan a whole table for personal data and list every finding for a report.

A report row says where (sheet, cell), what (type) and how sure (confidence), with a
masked sample; never the value itself, so the report can be shared where the data cannot.
"""

import re
from collections.abc import Hashable, Iterable
from itertools import repeat
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from dadeum.engine.cells import is_blank
from dadeum.engine.issues import column_letter
from dadeum.engine.privacy.detect import _find, header_types, scan_texts, without_gc
from dadeum.engine.privacy.detect_names import name_shape
from dadeum.engine.privacy.mask import masked_samples

__all__ = ["REPORT_COLUMNS", "PiiRecord", "records_frame", "scan_frame", "summary_counts"]

REPORT_COLUMNS = {
    "sheet": "시트",
    "cell": "셀",
    "type": "유형",
    "sample": "가린 값",
    "confidence": "신뢰도",
}
# Words that make a first row look like a header even when no personal-data type matches.
_HEADER_WORDS = re.compile(
    r"번호|일자|날짜|일시|내용|비고|구분|금액|제목|분류|부서|상태|결과|유형|수량|합계|연번|순번|코드"
)


class PiiRecord(NamedTuple):
    """One finding in a table. ``row`` and ``column`` are 1-based sheet coordinates."""

    sheet: str | None
    row: int
    column: int
    type: str
    sample: str
    confidence: float

    @property
    def cell(self) -> str:
        """The A1 address, e.g. ``C7``."""
        return f"{column_letter(self.column)}{self.row}"


def scan_frame(
    frame: pd.DataFrame,
    *,
    sheet: str | None = None,
    top: int = 1,
    left: int = 1,
    header: bool | None = None,
) -> list[PiiRecord]:
    """Every piece of personal data in ``frame``, in sheet order (row by row).

    ``frame`` is either a raw grid (default integer column labels; row 0 is the sheet's row
    ``top``), whose first row is taken as the header when it looks like one (``header=None``)
    or when ``header=True``; or a frame with column labels, which are then the headers, as
    read by ``pandas.read_excel``: the header sits at sheet row ``top`` and the data starts on
    the row below. ``left`` is the sheet column of the frame's first column.

    Headers steer detection (see ``find_pii_series``) and are never reported themselves.
    The input is not modified.
    """
    labelled = not isinstance(frame.columns, pd.RangeIndex)
    if labelled and header is None:
        with without_gc():
            return _scan(frame, list(frame.columns), sheet=sheet, first_row=top + 1, left=left)
    if header is None:
        at, rows = _header_rows(frame)
    else:
        at, rows = 0, (1 if header and len(frame) else 0)
    blank: list[Any] = [None] * frame.shape[1]
    headers = _merged_header(frame.iloc[at : at + rows]) if rows else blank
    with without_gc():
        # a title and notes above the header (2024년 가입자 명단) are read without one
        records = _scan(frame.iloc[:at], blank, sheet=sheet, first_row=top, left=left) if at else []
        body = frame.iloc[at + rows :]
        return records + _scan(body, headers, sheet=sheet, first_row=top + at + rows, left=left)


def _scan(data: pd.DataFrame, headers: list, *, sheet, first_row: int, left: int) -> list:
    """The records in sheet order."""
    # Per type: (row, column, confidence, value) per finding; then one masking pass per type.
    found: dict[str, list[tuple[int, int, float, str]]] = {}
    for position in range(data.shape[1]):
        column = left + position
        texts = scan_texts(data.iloc[:, position], header=headers[position])
        for row, findings in _find(texts, header_types(headers[position])).items():
            text, sheet_row = texts[row], first_row + row
            for f in findings:
                items = found.get(f.type)
                if items is None:
                    items = found[f.type] = []
                items.append((sheet_row, column, f.confidence, text[f.start : f.end]))
    records: list[PiiRecord] = []
    rows: list[int] = []
    columns: list[int] = []
    for kind, items in found.items():
        kind_rows, kind_columns, confidences, values = zip(*items, strict=True)
        samples = masked_samples(list(values), kind)
        records += map(
            PiiRecord, repeat(sheet), kind_rows, kind_columns, repeat(kind), samples, confidences
        )
        rows += kind_rows
        columns += kind_columns
    order = np.lexsort((columns, rows))  # sheet order; stable, so text order within a cell
    return [records[i] for i in order.tolist()]


def _header_rows(frame: pd.DataFrame) -> tuple[int, int]:
    """Where the header is in a raw grid: (first row, number of rows, 0 if none). Sheets
    open with a title, a date or a unit line above the header (2024년 보험 가입자 명단), and
    a header may take two rows (인적사항 over 성명 | 주민등록번호)."""
    wide = frame.shape[1] > 1
    for at in range(min(_HEADER_SEARCH_ROWS, len(frame) - 1)):
        if _looks_like_header(frame.iloc[at].tolist(), below_first=at > 0, wide=wide):
            below = at + 1 < len(frame) - 1 and _looks_like_header(
                frame.iloc[at + 1].tolist(), below_first=True, wide=wide
            )
            return at, 2 if below else 1
    return 0, 0


_HEADER_SEARCH_ROWS = 10


def _merged_header(rows: pd.DataFrame) -> list[Any]:
    """One header per column; of two header rows, the lower names the column where it has a
    word (성명 under 인적사항), the upper where the lower is blank (merged down)."""
    upper = rows.iloc[0].tolist()
    if len(rows) == 1:
        return upper
    lower = rows.iloc[1].tolist()
    return [up if is_blank(low) else low for up, low in zip(upper, lower, strict=True)]


def _looks_like_header(cells: list, *, below_first: bool = False, wide: bool = False) -> bool:
    """A row of short labels without digits, one of which names a column we know. In a grid
    of several columns (``wide``) one lone cell is a title (보험 가입자 명단), no header. Below
    the first row (``below_first``: a header under a title, or a header's second row) the
    labels are short, at least half of them known, one names a personal-data type (성명,
    연락처), and none reads as a person's data."""
    cells = [cell for cell in cells if not is_blank(cell)]
    if not cells or not all(isinstance(cell, str) for cell in cells):
        return False
    if any(len(cell) > 30 or any(ch.isdigit() for ch in cell) or "@" in cell for cell in cells):
        return False
    if wide and len(cells) == 1:
        return False
    if below_first:
        named = [cell for cell in cells if header_types(cell) or _HEADER_WORDS.search(cell)]
        short = all(len(cell) <= 12 for cell in cells) and 2 * len(named) >= len(cells)
        others = [cell.strip() for cell in cells if cell not in named]
        if not short or any(" " in cell or name_shape(cell) for cell in others):
            return False  # 홍길동 | 서울 주소 미상, 홍길동 주무관 | 연락처 없음: a person's row
        return any(header_types(cell) for cell in cells)
    return any(header_types(cell) or _HEADER_WORDS.search(cell) for cell in cells)


def records_frame(records: Iterable[PiiRecord]) -> pd.DataFrame:
    """Records as a report table with Korean headers: 시트, 셀, 유형, 가린 값, 신뢰도."""
    rows = [
        {
            "sheet": record.sheet,
            "cell": record.cell,
            "type": record.type,
            "sample": record.sample,
            "confidence": record.confidence,
        }
        for record in records
    ]
    frame = pd.DataFrame(rows, columns=list(REPORT_COLUMNS), dtype=object)
    return frame.rename(columns=REPORT_COLUMNS)


def summary_counts(records: Iterable[PiiRecord]) -> dict[str, int]:
    """How many findings of each type, most frequent first."""
    counts: dict[Hashable, int] = {}
    for record in records:
        counts[record.type] = counts.get(record.type, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))  # type: ignore[arg-type]
