"""Dates: the many ways Korean office data writes a date, read into real date values.

Korean order is year-month-day, so ``2023. 3. 5.``, ``23.3.5``, ``2023년 3월 5일`` and
``20230305`` all read as 5 March 2023. What the function never does is guess: input whose
day/month order is unclear (``03/05/2023``), dates that do not exist (``2023.2.30``) and
weekdays that do not match the date come back as ``CellError`` with a short Korean reason.

Readings worth knowing:

- Two-digit years: 00–69 are 20xx, 70–99 are 19xx (``23.3.5`` → 2023, ``'95.3.5`` → 1995).
  A period (month, quarter, year) with a two-digit year needs the apostrophe or ``년``
  (``'23.07``, ``23년 7월``), since ``23.07`` alone reads as a decimal number.
- Periods become their first day: ``2023.07`` and ``2023년 7월`` → 2023-07-01,
  ``2017.1/4``, ``2017년 1분기``, ``2017 Q1`` → 2017-01-01, ``하반기`` and ``2017.2/2``
  → 1 July,
  ``2014년`` and ``2014회계연도`` (the government's fiscal year is the calendar year) →
  2014-01-01. Marks for provisional or estimated figures (``p)``, ``(p)``, ``e)``,
  ``잠정``) are dropped.
- Numbers are Excel date serials counted from 1899-12-30, the origin Excel, xlwings and pandas
  share for every date from 1900-03-01 (serials from 61); the fraction is the time of day.
  Below 61 the result is one day before what Excel shows, because Excel counts a 29 February
  1900 that never was; written back through xlwings it shows the same date again.
  Exceptions: an 8-digit whole number is ``YYYYMMDD`` (``20230305``); a 6-digit whole number
  is ``YYYYMM`` (``202307``) with a year from 1900 to 2100, or an error (``240105`` is more
  likely YYMMDD than May 2401, and that is not guessed); a number from 1900 to 2100 is an
  error, since it is more likely a year (or a count) than a date in 1905.
- Text made only of digits (a leading apostrophe allowed): 8 digits ``YYYYMMDD``, 6 digits
  ``YYYYMM`` as above, 5 digits an Excel serial (from a CSV export); anything else
  (``2014``, ``123``) is an error. ``2014년`` is the
  way to write a year.
- A time after the date is kept: ``2023-03-05 14:30``, ``2023.3.5 오후 2시 30분``,
  ``2023-03-05T14:30:00+09:00`` (the time is kept as written; the offset is dropped).
- Text must give a date from 1900 on, the first year Excel can hold (this also catches typos
  such as ``1023.03.05``). Values that already are dates (``datetime``, ``pd.Timestamp``)
  pass through unchanged, a time zone dropped with the wall time kept.

Whole columns are read at once: the distinct texts go through one RE2 pattern (pyarrow)
with a named group per format family, the numbers are checked with numpy, and the answers
are mapped back to every row. Only the few distinct texts no pattern matched are looked at
one by one, to give a precise reason.

This module holds the public functions and sorts cells by type; the work is done in
``_text`` (texts), ``_tail`` (weekday and time after a date), ``_serials`` (numbers, and the
calendar check both use), ``_patterns`` (the grammar) and ``_reasons`` (the Korean reasons).
"""

import datetime as dt
import decimal
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError
from dadeum.engine.dates._reasons import BOOLEAN, UNSUPPORTED
from dadeum.engine.dates._serials import _convert_numbers
from dadeum.engine.dates._text import _convert_texts

__all__ = ["to_date", "to_date_series"]


# --------------------------------------------------------------------------------------------
# Public API


def to_date(value: Any) -> Any:
    """Read one value as a date: a ``pd.Timestamp``, None for a blank, or ``CellError``.

    >>> to_date("2023. 3. 5.")
    Timestamp('2023-03-05 00:00:00')
    >>> to_date("2023-03-05 오후 2:30")
    Timestamp('2023-03-05 14:30:00')
    >>> to_date("2017년 3분기")
    Timestamp('2017-07-01 00:00:00')
    >>> to_date(45000)
    Timestamp('2023-03-15 00:00:00')
    >>> to_date("03/05/2023").reason[:24]
    '일/월 순서를 알 수 없습니다(3월 5일인지'
    """
    return to_date_series(pd.Series([value], dtype=object)).iloc[0]


def to_date_series(values: pd.Series) -> pd.Series:
    """Read a whole column as dates.

    Returns an object Series with the same index: ``pd.Timestamp`` (midnight when no time
    was given), None for blank cells, ``Placeholder`` for "no value" symbols such as ``-``,
    and ``CellError`` with a Korean reason for a value that is not one clear date. The input
    is not modified.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        out = values.astype(object)
        return out.where(values.notna(), None)
    array = values.to_numpy(dtype=object)
    try:
        codes, uniques = pd.factorize(array, use_na_sentinel=True)
    except TypeError:  # an unhashable cell (a list, a dict): no spreadsheet sends one
        array = np.array([v if _hashable(v) else _UNREADABLE for v in array], dtype=object)
        codes, uniques = pd.factorize(array, use_na_sentinel=True)
    types = np.fromiter(map(type, uniques), dtype=object, count=len(uniques))
    if _has_boolean(array, codes, uniques, types):
        # True == 1 in Python, so hashing folds TRUE cells into 1 (or 1 into TRUE): keep
        # booleans apart. Rare, so the slow way is fine.
        array = np.array(
            [_Boolean(bool(v)) if isinstance(v, (bool, np.bool_)) else v for v in array],
            dtype=object,
        )
        codes, uniques = pd.factorize(array, use_na_sentinel=True)
        types = np.fromiter(map(type, uniques), dtype=object, count=len(uniques))
    results = _convert_uniques(uniques, types)
    # Code -1 (blank) picks the trailing None.
    mapped = np.append(results, None)[codes]
    return pd.Series(mapped, index=values.index, dtype=object, name=values.name)


# --------------------------------------------------------------------------------------------
# Dispatch by type


def _has_boolean(array: np.ndarray, codes: np.ndarray, uniques: np.ndarray, types) -> bool:
    """Whether a TRUE/FALSE cell is in the column, also when factorize filed it under an
    equal number (TRUE == 1) that came first."""
    kinds = set(pd.unique(types))
    if kinds & {bool, np.bool_}:
        return True
    if kinds <= {str}:
        return False
    not_text = ~np.equal(types, str)
    suspects = np.flatnonzero(not_text)[np.isin(uniques[not_text], [0, 1])]
    for index in suspects.tolist():
        rows = np.flatnonzero(codes == index)
        if {bool, np.bool_} & set(map(type, array[rows])):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Boolean:
    value: bool


_UNREADABLE = object()


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


_TEXT, _NUMBER_KIND, _DATETIME, _OTHER = range(4)


def _kind_of(kind: type) -> int:
    if issubclass(kind, str):
        return _TEXT
    if issubclass(kind, (bool, np.bool_, _Boolean)):
        return _OTHER
    if issubclass(kind, (numbers.Real, decimal.Decimal)):
        return _NUMBER_KIND
    if issubclass(kind, (dt.date, np.datetime64)):  # datetime and Timestamp are dates too
        return _DATETIME
    return _OTHER


def _convert_uniques(uniques: np.ndarray, types: np.ndarray) -> np.ndarray:
    results = np.empty(len(uniques), dtype=object)
    if not len(uniques):
        return results
    type_codes, distinct = pd.factorize(types)
    kinds = np.array([_kind_of(kind) for kind in distinct], dtype=np.int8)[type_codes]
    for kind, convert in (
        (_TEXT, _convert_texts),
        (_NUMBER_KIND, _convert_numbers),
        (_DATETIME, _convert_datetimes),
        (_OTHER, _convert_others),
    ):
        where = np.flatnonzero(kinds == kind)
        if len(where):
            results[where] = convert(uniques[where])
    return results


def _convert_others(values: np.ndarray) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        is_bool = isinstance(value, (bool, np.bool_, _Boolean))
        out[i] = CellError(BOOLEAN if is_bool else UNSUPPORTED)
    return out


def _convert_datetimes(values: np.ndarray) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        if isinstance(value, pd.Timestamp):
            out[i] = value if value.tzinfo is None else value.tz_localize(None)
        elif isinstance(value, dt.datetime):
            out[i] = pd.Timestamp(value.replace(tzinfo=None))
        elif isinstance(value, dt.date):
            out[i] = pd.Timestamp(value.year, value.month, value.day)
        else:
            stamp = pd.Timestamp(value)
            out[i] = None if stamp is pd.NaT else stamp
    return out
