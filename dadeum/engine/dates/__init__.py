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
"""

import datetime as dt
import decimal
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine import _regex
from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.dates._patterns import (
    _ENGLISH_DATES,
    _ENGLISH_MONTHS,
    _EXTRA,
    _FAMILIES,
    _NEEDS_CLEANING,
    _PLACEHOLDERS,
    _TIME_ONLY,
    _YEAR_WITH_MARK,
)
from dadeum.engine.dates._reasons import (
    BEFORE_1900,
    BOOLEAN,
    COMPACT_INVALID,
    MIN_YEAR,
    MIXED_SEPARATORS,
    NO_YEAR,
    NOT_A_DATE,
    PERIOD_WITH_TIME,
    RANGE,
    SLASH_TWO_DIGIT_YEAR,
    TIME_ONLY,
    TWO_DIGIT_PERIOD,
    TWO_DIGIT_YEAR,
    UNSUPPORTED,
    _ambiguous,
    _tail_junk,
    _time_reason,
    _weekday_mismatch,
)
from dadeum.engine.dates._serials import (
    _build_dates,
    _convert_numbers,
    _numbers_to_dates,
    _put_stamps,
)
from dadeum.engine.dates._tail import _parse_tails
from dadeum.engine.text import clean_text_series

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
    >>> to_date("03/05/2023").reason[:22]
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


# --------------------------------------------------------------------------------------------
# Text


def _convert_texts(texts: np.ndarray) -> np.ndarray:
    arr = pa.array(texts, type=pa.large_string())
    dirty = _regex.matches(arr, _NEEDS_CLEANING, few=4 * _regex.FEW)
    if dirty.any():
        cleaned = np.array(texts, dtype=object)
        fixed = clean_text_series(pd.Series(cleaned[dirty], dtype=object))
        cleaned[dirty] = [text.translate(_EXTRA) for text in fixed]
        arr = pa.array(cleaned, type=pa.large_string())
    arr = pc.utf8_trim(pc.utf8_lower(arr), " ")
    out = np.full(len(texts), None, dtype=object)
    _TextParser(arr, out).run()
    return out


class _TextParser:
    """Sorts distinct texts into format families, then checks each family with numpy."""

    def __init__(self, arr: pa.Array, out: np.ndarray):
        self.arr = arr
        self.out = out
        self.n = n = len(arr)
        self.family_rows: list[np.ndarray] = []
        self.family_groups: list[pa.StructArray | None] = []
        remaining, rest = np.arange(n), arr
        for _, pattern in _FAMILIES:
            hit = np.zeros(0, bool)
            if len(remaining):
                hit = _regex.matches(rest, pattern, few=4 * _regex.FEW)
            if not hit.any():
                self.family_rows.append(remaining[:0])
                self.family_groups.append(None)
                continue
            self.family_rows.append(remaining[hit])
            mine = rest if hit.all() else rest.filter(pa.array(hit))
            self.family_groups.append(_regex.extract(mine, pattern, few=4 * _regex.FEW))
            remaining = remaining[~hit]
            rest = rest.filter(pa.array(~hit)) if len(remaining) else rest.slice(0, 0)
        self.matched = np.ones(n, bool)
        self.matched[remaining] = False
        self._cache: dict = {}

    # Group values as full-length numpy arrays ----------------------------------------------
    def _group(self, name: str, kind: str, missing: Any, dtype: Any) -> np.ndarray:
        key = (name, kind)
        if key not in self._cache:
            values = np.full(self.n, missing, dtype=dtype)
            for rows, groups in zip(self.family_rows, self.family_groups, strict=True):
                if groups is None or groups.type.get_field_index(name) < 0:
                    continue
                field = groups.field(name)
                if kind == "has":
                    part = pc.not_equal(field, "")
                elif kind == "text":
                    part = field
                elif kind == "length":
                    part = pc.utf8_length(field)
                else:
                    part = pc.cast(pc.if_else(pc.equal(field, ""), str(missing), field), kind)
                values[rows] = part.to_numpy(zero_copy_only=False)
            self._cache[key] = values
        return self._cache[key]

    def has(self, name: str) -> np.ndarray:
        return self._group(name, "has", False, bool)

    def int_(self, name: str) -> np.ndarray:
        """Digits as int64, -1 where the group did not take part."""
        return self._group(name, "int64", -1, np.int64)

    def float_(self, name: str) -> np.ndarray:
        return self._group(name, "float64", 0.0, np.float64)

    def text(self, name: str) -> np.ndarray:
        return self._group(name, "text", "", object)

    def length(self, name: str) -> np.ndarray:
        return self._group(name, "length", 0, np.int64)

    def drop_named_years(self, bare: np.ndarray, *separators: str) -> None:
        """Clear the two-digit-year periods in ``bare`` whose year is written with 년
        (23년 7월, 23년 1분기): those need no apostrophe. Only the few bare rows are read."""
        where = np.flatnonzero(bare)
        if len(where):
            parts = [self.text(name)[where] for name in separators]
            written = ["".join(texts) for texts in zip(*parts, strict=True)]
            bare[where] = [not text.startswith("년") for text in written]

    def any_equal(self, name: str, value: str) -> bool:
        """Whether the group ``name`` is ``value`` in any row (without building arrays)."""
        return any(
            pc.any(pc.equal(groups.field(name), value)).as_py()
            for groups in self.family_groups
            if groups is not None and groups.type.get_field_index(name) >= 0
        )

    def error(self, mask: np.ndarray, reason: str) -> None:
        self.out[mask] = CellError(reason)

    # ----------------------------------------------------------------------------------------
    def run(self) -> None:
        n = self.n
        years = np.full(n, -1, np.int64)
        months = np.ones(n, np.int64)
        days = np.ones(n, np.int64)
        is_period = np.zeros(n, bool)
        failed = np.zeros(n, bool)  # reason already stored

        def two_digit_year(year_name: str, ap_name: str, rows: np.ndarray) -> tuple:
            raw = self.int_(year_name)
            short = rows & (self.length(year_name) == 2)
            full = np.where(short, np.where(raw < 70, 2000 + raw, 1900 + raw), raw)
            return full, short & ~self.has(ap_name)

        # Quarters and halves → first month of the period.
        for y, ap, sep, num in (("q_y", "q_ap", "q_s", "q_n"), ("q_y2", "q_ap2", "q_s2", "q_n2")):
            rows = self.has(y)
            if rows.any():
                full, bare = two_digit_year(y, ap, rows)
                self.drop_named_years(bare, sep)
                years[rows] = full[rows]
                months[rows] = (self.int_(num)[rows] - 1) * 3 + 1
                is_period |= rows
                self.error(bare, TWO_DIGIT_PERIOD)
                failed |= bare
        rows = self.has("h_y")
        if rows.any():
            full, bare = two_digit_year("h_y", "h_ap", rows)
            self.drop_named_years(bare, "h_s", "h_s3")
            kind = self.text("h_k")
            later = np.isin(kind, ["하", "후"]) | (self.int_("h_n") == 2)
            later |= (self.int_("h_n2") == 2) | (self.int_("h_n3") == 2)
            years[rows] = full[rows]
            months[rows] = np.where(later, 7, 1)[rows]
            is_period |= rows
            self.error(bare, TWO_DIGIT_PERIOD)
            failed |= bare

        # Year-month-day.
        rows = self.has("a_y")
        if rows.any():
            full, short = two_digit_year("a_y", "a_ap", rows)
            slash = short & (self.text("a_s") == "/")
            # 2023.5/4: "/" after "." or "-" is how periods are written (1/4 분기, 1/2 반기),
            # so the month/day reading would be a guess.
            mixed = np.zeros(n, bool)
            if self.any_equal("a_s2", "/"):  # rare: skip building the separator arrays
                mixed = rows & np.isin(self.text("a_s"), [".", "-"]) & (self.text("a_s2") == "/")
            years[rows] = full[rows]
            months[rows] = self.int_("a_m")[rows]
            days[rows] = self.int_("a_d")[rows]
            self.error(slash, SLASH_TWO_DIGIT_YEAR)
            self.error(mixed & ~slash, MIXED_SEPARATORS)
            failed |= slash | mixed
        compact = self.has("c_y")
        if compact.any():
            years[compact] = self.int_("c_y")[compact]
            months[compact] = self.int_("c_m")[compact]
            days[compact] = self.int_("c_d")[compact]

        # Day and month before a four-digit year: only unambiguous when they cannot swap.
        rows = self.has("l_y")
        if rows.any():
            first, second = self.int_("l_a"), self.int_("l_b")
            both_months = rows & (first <= 12) & (second <= 12) & (first != second)
            for i in np.flatnonzero(both_months):
                self.out[i] = CellError(_ambiguous(int(first[i]), int(second[i])))
            failed |= both_months
            day_first = first > 12
            years[rows] = self.int_("l_y")[rows]
            months[rows] = np.where(day_first, second, first)[rows]
            days[rows] = np.where(day_first, first, second)[rows]

        # Year and month.
        rows = self.has("p_y")
        if rows.any():
            full, bare = two_digit_year("p_y", "p_ap", rows)
            self.drop_named_years(bare, "p_s")
            years[rows] = full[rows]
            months[rows] = self.int_("p_m")[rows]
            is_period |= rows
            self.error(bare, TWO_DIGIT_PERIOD)
            failed |= bare

        # Year alone, written with 년.
        rows = self.has("y_y")
        if rows.any():
            full, bare = two_digit_year("y_y", "y_ap", rows)
            bare &= ~self.has("y_do") & ~self.has("y_fy")
            years[rows] = full[rows]
            is_period |= rows
            self.error(bare, TWO_DIGIT_YEAR)
            failed |= bare

        rows = self.has("m_m")
        self.error(rows, NO_YEAR)
        failed |= rows

        # Pure numbers are handled like number cells, with stricter rules (see module doc).
        tails = self.text("tail")
        has_tail = self.has("tail")
        numbers = self.has("n_v") & ~has_tail
        if numbers.any():
            values = self.float_("n_v")
            where = np.flatnonzero(numbers)
            self.out[where] = _numbers_to_dates(values[where], from_text=True)
        failed |= numbers

        dated = (years != -1) & ~failed
        # Tail: weekday, time, provisional mark.
        tail = _parse_tails(tails, dated)
        hours, minutes, micros, weekday = tail.hours, tail.minutes, tail.micros, tail.weekday
        tail_ok, tail_has_time, bad_time = tail.ok, tail.has_time, tail.bad_time
        # 20230305143015: the time is glued on (HHMM or HHMMSS).
        compact_time = self.has("c_t") & dated
        if compact_time.any():
            tail_ok &= ~(compact_time & tail_has_time)  # two times for one date
            glued = self.int_("c_t")
            six = self.length("c_t") == 6
            hhmm = np.where(six, glued // 100, glued)
            c_hours, c_minutes = hhmm // 100, hhmm % 100
            c_micros = np.where(six, glued % 100, 0) * 1_000_000
            hours = np.where(compact_time, c_hours, hours)
            minutes = np.where(compact_time, c_minutes, minutes)
            micros = np.where(compact_time, c_micros, micros)
            tail_has_time |= compact_time
            bad_time |= compact_time & (
                (c_hours > 23) | (c_minutes > 59) | (c_micros >= 60_000_000)
            )

        junk = dated & ~tail_ok
        for i in np.flatnonzero(junk):
            self.out[i] = CellError(RANGE if "~" in tails[i] else _tail_junk(tails[i]))
        period_extra = dated & tail_ok & is_period & (tail_has_time | (weekday >= 0))
        self.error(period_extra, PERIOD_WITH_TIME)
        dated &= ~junk & ~period_extra

        dates, reasons = _build_dates(years, months, days, dated)
        for i, reason in reasons.items():
            too_early = compact[i] and years[i] < MIN_YEAR
            self.out[i] = CellError(COMPACT_INVALID if too_early else reason)
            dated[i] = False
        for i in np.flatnonzero(dated & bad_time):
            second = micros[i] / 1e6
            self.out[i] = CellError(_time_reason(hours[i], minutes[i], second, tail.ampm[i]))
        dated &= ~bad_time

        actual = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        wrong_day = dated & (weekday >= 0) & (weekday != actual)
        for i in np.flatnonzero(wrong_day):
            self.out[i] = CellError(_weekday_mismatch(dates[i], int(weekday[i]), int(actual[i])))
        dated &= ~wrong_day

        stamps = dates.astype("M8[us]") + (
            hours * 3_600_000_000 + minutes * 60_000_000 + micros
        ).astype("m8[us]")
        where = np.flatnonzero(dated)
        _put_stamps(self.out, where, stamps[where])

        # Whatever no family explained: look closer, one distinct text at a time.
        leftovers = np.flatnonzero(np.equal(self.out, None))
        if len(leftovers):
            texts = self.arr.take(pa.array(leftovers)).to_pylist()
            for i, text in zip(leftovers, texts, strict=True):
                self.out[i] = _explain(text)


def _explain(text: str) -> Any:
    """A value no pattern matched: a placeholder, an English date, or the closest reason."""
    if text == "":
        return None
    if text in _PLACEHOLDERS:
        return Placeholder(f"값 없음 표시('{text}')라 빈칸으로 둡니다")
    for pattern, (y, m, d) in _ENGLISH_DATES:
        found = pattern.match(text)
        if found:
            year, day = int(found[y]), int(found[d])
            month = _ENGLISH_MONTHS[found[m]]
            dates, reasons = _build_dates(
                np.array([year]), np.array([month]), np.array([day]), np.array([True])
            )
            return CellError(reasons[0]) if reasons else pd.Timestamp(dates[0])
    found = _YEAR_WITH_MARK.match(text)
    if found:
        return (
            pd.Timestamp(int(found[1]), 1, 1)
            if int(found[1]) >= MIN_YEAR
            else CellError(BEFORE_1900)
        )
    if "~" in text:
        return CellError(RANGE)
    if _TIME_ONLY.match(text):
        return CellError(TIME_ONLY)
    return CellError(NOT_A_DATE)
