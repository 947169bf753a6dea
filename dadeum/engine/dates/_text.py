"""Texts to dates: the distinct texts are sorted into format families by one RE2 pattern
each, every family is checked with numpy, and only what no family explains is looked at one
text at a time (``_explain``) to give a precise reason.

Kept apart because this is the bulk of the work, and reads best as one piece.
"""

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
    _ambiguous,
    _tail_junk,
    _time_reason,
    _weekday_mismatch,
)
from dadeum.engine.dates._serials import _build_dates, _numbers_to_dates, _put_stamps
from dadeum.engine.dates._tail import _parse_tails
from dadeum.engine.text import clean_text_series


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
        # A few texts keep their groups as lists of str: building a StructArray and reading
        # it back with kernels costs more than the reading itself.
        self.few = n <= 4 * _regex.FEW
        self.family_groups: list[pa.StructArray | dict[str, list[str]] | None] = []
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
            if self.few:
                self.family_groups.append(_extract_few(mine, pattern))
            else:
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
                if isinstance(groups, dict):
                    if name in groups:
                        values[rows] = _group_few(groups[name], kind, missing)
                    continue
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
        if self.few:
            return any(value in groups.get(name, ()) for groups in self.family_groups if groups)
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


def _extract_few(texts: pa.Array, pattern: str) -> dict[str, list[str]]:
    """The named groups of a few texts that all match ``pattern`` ("" where a group took no
    part), as ``_regex.extract`` reads them before it builds its StructArray."""
    search = _regex._compiled(pattern).search
    found = [search(text) for text in texts.to_pylist()]
    return {name: [match[name] or "" for match in found] for name in search.__self__.groupindex}


def _group_few(field: list[str], kind: str, missing: Any) -> list:
    """``_TextParser._group`` on a list: the kernels' answers for the digit groups of the
    patterns ([0-9] only, so ``int`` and ``float`` read them exactly as Arrow's casts do)."""
    if kind == "has":
        return [text != "" for text in field]
    if kind == "text":
        return field
    if kind == "length":
        return [len(text) for text in field]  # utf8_length counts code points, as len does
    if kind == "int64":
        return [int(text) if text else int(missing) for text in field]
    return [float(text) if text else float(missing) for text in field]


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
