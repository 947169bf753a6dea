"""What the forecast surfaces (the 예측 시트 ribbon button and ``dadeum forecast``) share:
picking the date and value columns out of a grid, deciding traffic or 민원 from the data,
and the report tables. No Excel library here, so both surfaces and the tests use it alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError, is_blank
from dadeum.engine.dates import to_date_series
from dadeum.engine.korean import quoted
from dadeum.engine.numbers import to_number_series
from dadeum.errors import InvalidArgumentError

__all__ = [
    "KIND_LABELS",
    "Selection",
    "column_position",
    "explanation_lines",
    "guess_kind",
    "report_frames",
    "select_columns",
]

KIND_LABELS = {"traffic": "교통량", "complaints": "민원 건수"}
_LETTERS = re.compile(r"[A-Za-z]{1,3}")
_MAX_COLUMN = 16384  # XFD, Excel's last column
# Header words that settle the kind before the numbers are looked at.
_COMPLAINT_WORDS = ("민원", "건수", "접수", "신고", "신청", "complaint", "count")
_TRAFFIC_WORDS = ("교통", "통행", "차량", "대수", "traffic", "volume", "vehicle")
# Integer counts at or below this median are small counts (민원 per day), not volumes.
SMALL_COUNT_MEDIAN = 50
MANY_ZEROS = 0.05


@dataclass
class Selection:
    """The two columns to forecast from, as raw cells, and what they were called."""

    dates: list[Any]
    values: list[Any] | None  # None: every row is one record, counted per period
    date_name: str
    value_name: str
    header: bool


def _letters_to_position(letters: str) -> int:
    position = 0
    for char in letters.upper():
        position = position * 26 + ord(char) - 64
    return position - 1


def _column_letter(position: int) -> str:
    letters, n = "", position + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_position(spec: str, header: list[Any], width: int, what: str) -> tuple[int, bool]:
    """The 0-based column a ``--date``/``--value`` spec names, and whether it was found by
    its header: a header text first (exact, then ignoring case and spaces), then a column
    letter such as B."""
    texts = ["" if is_blank(cell) else str(cell).strip() for cell in header]
    wanted = str(spec).strip()
    if wanted in texts:
        return texts.index(wanted), True
    folded = [re.sub(r"\s+", "", text).casefold() for text in texts]
    key = re.sub(r"\s+", "", wanted).casefold()
    if key and key in folded:
        return folded.index(key), True
    if _LETTERS.fullmatch(wanted) and _letters_to_position(wanted) < _MAX_COLUMN:
        position = _letters_to_position(wanted)
        if position < width:
            return position, False
        raise InvalidArgumentError(
            f"{what} 열 {wanted.upper()}에 값이 없습니다. "
            f"표는 {_column_letter(width - 1)}열까지입니다."
        )
    named = ", ".join(f"'{text}'" for text in texts if text) or "(머리글 없음)"
    raise InvalidArgumentError(
        f"{what} 열 {quoted(wanted, '을/를')} 찾지 못했습니다. 머리글 이름이나 열 문자(A, B, …)를 "
        f"주세요. 첫 행의 머리글: {named}"
    )


def _is_date(cell: Any) -> bool:
    if is_blank(cell):
        return False
    value = to_date_series(pd.Series([cell], dtype=object)).iloc[0]
    return not isinstance(value, CellError) and value is not None


def _is_number(cell: Any) -> bool:
    if is_blank(cell):
        return False
    value = to_number_series(pd.Series([cell], dtype=object)).iloc[0]
    return isinstance(value, int | float) and not isinstance(value, bool)


def select_columns(
    rows: list[list[Any]], date: str | int = 0, value: str | int | None = 1
) -> Selection:
    """The date and value columns of a grid whose first row may be a header.

    ``date``/``value`` are header names, column letters (strings) or 0-based positions;
    ``value=None`` means records (one row per 민원), counted per period. The first row is a
    header when a column was named by it, or when its date cell is not a date.
    """
    rows = [list(row) for row in rows if row is not None]
    rows = [row for row in rows if any(not is_blank(cell) for cell in row)]
    if not rows:
        raise InvalidArgumentError("값이 없습니다. 날짜와 값 두 열을 선택해 주세요.")
    width = max(len(row) for row in rows)
    rows = [row + [None] * (width - len(row)) for row in rows]
    first = rows[0]
    by_name = False
    if isinstance(date, int):
        date_at = date
    else:
        date_at, by_name = column_position(date, first, width, "날짜")
    value_at = None
    if isinstance(value, int):
        value_at = value
    elif value is not None:
        value_at, named = column_position(value, first, width, "값")
        by_name = by_name or named
    if value_at is not None and value_at == date_at:
        raise InvalidArgumentError("날짜 열과 값 열이 같습니다. 서로 다른 두 열을 주세요.")
    if date_at >= width or (value_at is not None and value_at >= width):
        raise InvalidArgumentError("날짜와 값 두 열을 선택해 주세요 (왼쪽이 날짜, 오른쪽이 값).")
    header = by_name or not _is_date(first[date_at])
    body = rows[1:] if header else rows
    if not body:
        raise InvalidArgumentError("머리글 아래에 자료가 없습니다.")

    def name(position: int | None, fallback: str) -> str:
        if position is None:
            return fallback
        cell = first[position]
        if header and not is_blank(cell):
            return str(cell).strip()
        return f"{_column_letter(position)}열"

    return Selection(
        dates=[row[date_at] for row in body],
        values=None if value_at is None else [row[value_at] for row in body],
        date_name=name(date_at, "날짜"),
        value_name=name(value_at, "건수"),
        header=header,
    )


def guess_kind(values: list[Any] | None, name: str = "") -> tuple[str, str]:
    """``("traffic" | "complaints", reason)``: 민원 counts or traffic volumes, and why.

    Records (no values) are 민원. Otherwise a header word decides (민원·건수 or 교통·통행·차량),
    and failing that the numbers: whole numbers, none negative, with many zeros or a small
    median, are counts (민원); anything else is treated like traffic volumes.
    """
    if values is None:
        return "complaints", "한 행이 한 건인 기록이라 기간별 건수(민원)로 세어 예측했습니다."
    lowered = name.casefold()
    for word in _COMPLAINT_WORDS:
        if word in lowered:
            return "complaints", (
                f"값 열 이름 '{name}'에 {quoted(word, '이/가')} 있어 민원 건수로 보았습니다."
            )
    for word in _TRAFFIC_WORDS:
        if word in lowered:
            return "traffic", (
                f"값 열 이름 '{name}'에 {quoted(word, '이/가')} 있어 교통량으로 보았습니다."
            )
    numbers = to_number_series(pd.Series(list(values), dtype=object))
    array = np.array(
        [float(v) for v in numbers if isinstance(v, int | float) and not isinstance(v, bool)],
        dtype=float,
    )
    array = array[np.isfinite(array)]
    if not len(array):
        return "traffic", "숫자 값이 없어 교통량으로 보았습니다."
    whole = bool(np.all(array == np.round(array)) and np.all(array >= 0))
    zeros = float(np.mean(array == 0))
    median = float(np.median(array))
    if whole and (zeros >= MANY_ZEROS or median <= SMALL_COUNT_MEDIAN):
        why = f"0이 {zeros:.0%}" if zeros >= MANY_ZEROS else f"중앙값이 {median:,.0f}"
        return "complaints", (
            f"값이 모두 0 이상의 정수이고 {why}라서 민원 같은 건수로 보았습니다 "
            "(예측은 0 아래로 내려가지 않고, 빠진 날은 0건으로 채웁니다)."
        )
    if not whole:
        why = "소수가 있어"
    elif np.any(array < 0):
        why = "음수가 있어"
    else:
        why = f"값이 크고(중앙값 {median:,.0f}) 0이 드물어"
    return "traffic", (
        f"{why} 교통량 같은 측정값으로 보았습니다 (빠진 날은 앞뒤 값을 이어 채웁니다)."
    )


def explanation_lines(result: Any, kind_reason: str | None = None) -> list[str]:
    """The Korean explanation, then how the data was read and the kind decided."""
    lines = [result.explanation]
    if kind_reason:
        lines.append(f"자료 종류: {kind_reason}")
    lines += [f"자료 정리: {note}" for note in getattr(result, "notes", []) or []]
    return lines


# One line a measure, under the accuracy table of the 예측 sheet.
ACCURACY_NOTES = [
    "MASE: 1보다 작으면 단순 예측(지난 주기의 값을 그대로 쓰는 예측)보다 정확합니다.",
    "sMAPE(%): 예측이 실제 값과 평균 몇 % 어긋났는지입니다. 작을수록 정확합니다.",
    "구간 적중률(%): 실제 값이 예측 구간 안에 들어간 비율입니다. 예측 구간의 수준에 "
    "가까울수록 구간을 믿을 만합니다.",
]
# A past value this many robust standard deviations (1.4826 × MAD) above the median counts
# as a spike; an upper bound this many times the typical past level is "widened".
SPIKE_Z = 6.0
WIDE_UPPER = 1.5


def spike_note(result: Any) -> str | None:
    """Why the interval is wide, when a past spike is the reason; else None.

    The intervals come from backtest errors, so one extreme value in the history (a festival
    month, a data-entry slip) widens every later interval. The note names it, so the reader
    can judge whether it will happen again.
    """
    history = getattr(result, "history", None)
    series = getattr(history, "series", history)
    table = getattr(result, "table", None)
    if series is None or table is None or "상한" not in table or len(series) < 8:
        return None
    values = pd.Series(series, dtype=float).dropna()
    median = float(values.median())
    spread = 1.4826 * float((values - median).abs().median())
    if not spread:
        return None
    spikes = values[(values - median) / spread > SPIKE_Z]
    ordinary = values.drop(spikes.index)
    if spikes.empty or ordinary.empty:
        return None
    upper = float(pd.Series(table["상한"], dtype=float).max())
    if upper < WIDE_UPPER * float(ordinary.max()):
        return None
    stamp, value = spikes.idxmax(), float(spikes.max())
    when = stamp.strftime("%Y-%m-%d") if hasattr(stamp, "strftime") else str(stamp)
    return (
        f"예측 구간이 넓은 까닭: {when}의 값 {value:,.0f}이(가) 평소(중앙값 {median:,.0f})보다 "
        "크게 튀어서 과거 예측 오차가 커졌고, 구간은 그 오차로 정합니다. 일회성 값이었다면 "
        "상한을 그만큼 낮춰 읽으세요."
    )


def report_frames(result: Any, kind_reason: str | None = None) -> dict[str, pd.DataFrame]:
    """The three tables a file output holds: 예측, 정확도, 설명."""
    table = result.table.copy()
    numbers = [column for column in ("예측", "하한", "상한") if column in table]
    table[numbers] = table[numbers].astype(float).round(2)
    explanation = pd.DataFrame({"설명": explanation_lines(result, kind_reason)})
    return {"예측": table, "정확도": result.accuracy.copy(), "설명": explanation}
