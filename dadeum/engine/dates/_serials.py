"""Numbers to dates: Excel serials, ``YYYYMMDD`` and ``YYYYMM``, and the vectorised
calendar check that the text reader shares.

Kept apart because numbers follow their own rules (see the package docstring) and both
number cells and digit-only texts come through here.
"""

from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError
from dadeum.engine.dates._reasons import (
    BEFORE_1900,
    COMPACT6_INVALID,
    COMPACT_INVALID,
    MAX_SERIAL,
    MIN_YEAR,
    NOT_POSITIVE,
    NUMBER_NOT_DATE,
    SERIAL_TOO_LARGE,
    TIME_ONLY,
    YEAR_OR_SERIAL,
    _day_reason,
)

_LAST_YYYYMM_YEAR = 2100
_EXCEL_ORIGIN_MS = np.datetime64("1899-12-30", "ms")
_MS_PER_DAY = 86_400_000
# Up to this many stamps, pd.Timestamp one by one (the same unit and value as the
# DatetimeIndex boxing below) is faster than factorising.
_FEW_STAMPS = 64


def _as_float(value: Any) -> float:
    try:
        return float(value)
    except (OverflowError, ValueError, TypeError):
        return float("inf")


def _convert_numbers(values: np.ndarray) -> np.ndarray:
    try:
        numbers = values.astype(np.float64)
    except (OverflowError, ValueError, TypeError):
        numbers = np.fromiter(map(_as_float, values), dtype=np.float64, count=len(values))
    return _numbers_to_dates(numbers, from_text=False)


def _numbers_to_dates(x: np.ndarray, *, from_text: bool) -> np.ndarray:
    """Excel serials, YYYYMMDD and YYYYMM numbers; NaN is blank."""
    n = len(x)
    out = np.full(n, None, dtype=object)
    finite = np.isfinite(x)
    safe = np.where(finite, x, 0.0)
    whole = finite & (safe == np.floor(safe))
    as_int = np.where(whole & (np.abs(safe) < 1e15), safe, 0).astype(np.int64)

    compact8 = whole & (safe >= 10_000_000) & (safe <= 99_999_999)
    # Six whole digits are YYYYMM or nothing: as a serial they would be a date after 2173,
    # and a YYYYMM year after 2100 (240105 → 2401-05) is more likely YYMMDD, which is not
    # guessed either.
    compact6 = whole & (safe >= 100_000) & (safe <= 999_999)
    month6 = as_int % 100
    plausible6 = (as_int // 100 >= MIN_YEAR) & (as_int // 100 <= _LAST_YYYYMM_YEAR)
    if from_text:
        # Digits as text: only 5 digits pass as a serial.
        serial = finite & ~compact8 & ~compact6 & (safe >= 10_000) & (safe < 100_000)
    else:
        serial = finite & ~compact8 & ~compact6 & (safe >= 1) & (safe < MAX_SERIAL + 1)
    year_like = finite & (safe >= 1900) & (safe <= 2100) & ~compact8 & ~compact6
    serial &= ~year_like
    # Serial 60 is Excel's 1900-02-29 that never was; the shared 1899-12-30 origin maps it
    # (and every serial below it) one day early, as the package docstring says.
    ms = np.round(np.where(serial, safe, 0.0) * _MS_PER_DAY).astype(np.int64)
    stamps = (_EXCEL_ORIGIN_MS + ms).astype("M8[us]")
    _put_stamps(out, np.flatnonzero(serial), stamps[serial])

    year6 = np.where(plausible6, as_int // 100, 0)  # 0 fails below with COMPACT6_INVALID
    years = np.where(compact8, as_int // 10_000, np.where(compact6, year6, MIN_YEAR))
    months = np.where(compact8, as_int // 100 % 100, np.where(compact6, month6, 1))
    days = np.where(compact8, as_int % 100, 1)
    compact = compact8 | compact6
    built, reasons = _build_dates(years, months, days, compact)
    compact[list(reasons)] = False
    good = np.flatnonzero(compact)
    _put_stamps(out, good, built[good])
    for i, reason in reasons.items():
        if compact8[i] and years[i] < MIN_YEAR:
            out[i] = CellError(COMPACT_INVALID)
        elif compact6[i] and years[i] < MIN_YEAR:
            out[i] = CellError(COMPACT6_INVALID)
        else:
            out[i] = CellError(reason)

    for i in np.flatnonzero(finite & ~serial & ~compact8 & ~compact6):  # errors only
        value = x[i]
        if year_like[i]:
            out[i] = CellError(YEAR_OR_SERIAL)
        elif from_text:
            out[i] = CellError(NUMBER_NOT_DATE)
        elif value <= 0:
            out[i] = CellError(NOT_POSITIVE)
        elif value < 1:
            out[i] = CellError(TIME_ONLY)
        else:
            out[i] = CellError(SERIAL_TOO_LARGE)
    for i in np.flatnonzero(~finite & ~np.isnan(x)):
        out[i] = CellError(SERIAL_TOO_LARGE)
    return out


# --------------------------------------------------------------------------------------------
# Building and checking dates, vectorised


def _build_dates(
    years: np.ndarray, months: np.ndarray, days: np.ndarray, active: np.ndarray
) -> tuple[np.ndarray, dict[int, str]]:
    """Dates as datetime64[D] for the ``active`` rows, and the reason for each row among them
    whose date does not exist."""
    years = np.where(active, years, 2000).astype(np.int64)
    months = np.where(active, months, 1).astype(np.int64)
    days = np.where(active, days, 1).astype(np.int64)
    month_ok = (months >= 1) & (months <= 12)
    year_ok = (years >= MIN_YEAR) & (years <= 9999)
    first = (np.where(year_ok, years, 2000) - 1970) * 12 + np.where(month_ok, months, 1) - 1
    start = first.astype("M8[M]").astype("M8[D]")
    month_days = ((first + 1).astype("M8[M]").astype("M8[D]") - start).astype(np.int64)
    day_ok = (days >= 1) & (days <= month_days)
    dates = start + (np.where(day_ok, days, 1) - 1).astype("m8[D]")
    reasons = {
        int(i): BEFORE_1900
        if not year_ok[i]
        else _day_reason(int(years[i]), int(months[i]), int(days[i]))
        for i in np.flatnonzero(active & ~(year_ok & month_ok & day_ok))
    }
    return dates, reasons


def _put_stamps(out: np.ndarray, where: np.ndarray, stamps: np.ndarray) -> None:
    """Store ``pd.Timestamp`` objects, making one object per distinct moment."""
    if not len(where):
        return
    if len(where) <= _FEW_STAMPS:  # boxing a few directly beats building an index
        micros = stamps.astype("M8[us]")
        out[where] = [pd.Timestamp(stamp) for stamp in micros]
        return
    codes, distinct = pd.factorize(stamps.astype("M8[us]").view(np.int64))
    boxed = pd.DatetimeIndex(distinct.astype("M8[us]")).astype(object).to_numpy()
    out[where] = boxed[codes]
