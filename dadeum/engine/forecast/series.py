"""Series preparation: dates and values in, one regular time series out, with notes.

What ``prepare_series`` does, in order, each step reported as a Korean sentence in ``notes``:

1. reads the dates (Excel serial numbers, Korean date strings, datetimes) with
   ``to_date_series`` and the values with ``to_number_series``; rows with a blank date are
   dropped, an unreadable date or value is an error naming the row;
2. detects the frequency from the spacing of the distinct timestamps: hourly ``"h"``, daily
   ``"D"``, weekly ``"W"`` (anchored on the weekday the data uses) or monthly ``"MS"``; stamps
   are put on their period's start (14:30 → 14:00, 2024-03-31 → 2024-03-01 for months);
3. sorts, and sums the values that share a timestamp (several rows for one day are several
   records of that day); a daily series without weekend rows is kept on its working days
   (``"B"``), an hourly one with rows only in office hours on those hours (``"BH"``), see
   ``workdays.py``;
4. fills gaps explicitly: with 0 for counts (no row means nothing happened), by linear
   interpolation for measurements such as traffic volumes (a missing day was not counted).

Without values every row is one record (one 민원), so the series counts rows per period (per
day when the records carry times of day).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError, Placeholder, is_blank
from dadeum.engine.dates import to_date_series
from dadeum.engine.forecast.workdays import (
    forced_working_days,
    office_hours,
    working_day_calendar,
    working_day_offset,
)
from dadeum.engine.numbers import to_number_series
from dadeum.errors import InvalidArgumentError
from dadeum.limits import MAX_PERIODS

__all__ = ["FREQ_NAMES", "PreparedSeries", "count_by_period", "prepare_series"]

FREQ_NAMES = {"h": "시간", "D": "일", "W": "주", "MS": "월", "B": "근무일", "BH": "근무시간"}
_UNITS = {"h": "시간", "D": "일", "W": "주", "MS": "개월", "B": "일", "BH": "시간"}
WEEKDAY_NAMES = ("월", "화", "수", "목", "금", "토", "일")
_PERIODS = {"day": "D", "week": "W", "month": "MS", "일": "D", "주": "W", "월": "MS",
            "workday": "B", "근무일": "B", "workhour": "BH", "근무시간": "BH"}  # fmt: skip
# Office hours counted by ``count_by_period(..., "workhour")``: 09:00–18:00 on working days.
OFFICE_START, OFFICE_END = 9, 18


@dataclass
class PreparedSeries:
    """A regular series ready for the models, and what was done to get it."""

    series: pd.Series
    # "h" | "D" | "W" | "MS" | "B" (working days only) | "BH" (office hours only), see workdays.py
    freq: str
    notes: list[str] = field(default_factory=list)
    filled: pd.Series | None = None  # True where a value was filled in

    @property
    def unit(self) -> str:
        """The Korean counter for one period (일, 주, 개월, 시간)."""
        return _UNITS[self.freq]


def _as_series(values: Any, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        return pd.Series(values.to_numpy(dtype=object), dtype=object, name=name)
    if isinstance(values, (pd.Index, np.ndarray)):
        return pd.Series(np.asarray(values, dtype=object).ravel(), dtype=object, name=name)
    if isinstance(values, Sequence) and not isinstance(values, str):
        return pd.Series(list(values), dtype=object, name=name)
    raise InvalidArgumentError(f"'{name}' 인수는 값의 목록이나 범위여야 합니다.")


def _first_problem(converted: pd.Series, original: pd.Series, what: str) -> None:
    bad = [i for i, v in enumerate(converted.tolist()) if isinstance(v, CellError)]
    if bad:
        i = bad[0]
        shown = repr(original.iloc[i])
        shown = shown if len(shown) <= 40 else shown[:40] + "…"  # a cell may be 32,767 long
        reason = str(converted.iloc[i])
        reason = reason if len(reason) <= 120 else reason[:120] + "…"
        raise InvalidArgumentError(
            f"{what}로 읽을 수 없는 값이 {len(bad)}개 있습니다 "
            f"(첫 번째: {i + 1}번째 값 {shown}: {reason})."
        )


def read_dates(dates: Any) -> pd.Series:
    """Dates as an object Series of Timestamps (None for blanks); an unreadable one raises."""
    raw = _as_series(dates, "dates")
    if pd.api.types.is_datetime64_any_dtype(getattr(dates, "dtype", None)):
        converted = to_date_series(pd.Series(dates).reset_index(drop=True))
    else:
        converted = to_date_series(raw)
    converted = converted.map(lambda v: None if isinstance(v, Placeholder) else v)
    _first_problem(converted, raw, "날짜")
    return converted


def prepare_series(
    dates: Any, values: Any = None, *, kind: str = "traffic", workdays: bool | None = None
) -> PreparedSeries:
    """One regular series from dates and values (see the module docstring).

    ``kind="complaints"`` (counts) fills gaps with 0; ``kind="traffic"`` interpolates them.
    Without ``values`` every row counts as one record and gaps are 0 whatever the kind.
    ``workdays``: ``None`` detects a series kept only on working days (or office hours),
    ``True`` keeps only Korean working days (weekdays that are not public holidays) whatever
    the data shows, ``False`` keeps every day.
    """
    if kind not in ("traffic", "complaints"):
        raise InvalidArgumentError(
            f'\'kind\' 인수는 "traffic"(교통량) 또는 "complaints"(민원 건수)여야 합니다. '
            f"받은 값: {kind!r}"
        )
    stamps = read_dates(dates)
    notes: list[str] = []
    if values is None:
        numbers = pd.Series(1.0, index=stamps.index, dtype=float)
        counts = True
    else:
        raw = _as_series(values, "values")
        if len(raw) != len(stamps):
            raise InvalidArgumentError(
                f"날짜({len(stamps)}개)와 값({len(raw)}개)의 개수가 다릅니다. "
                "같은 길이의 두 범위를 주세요."
            )
        converted = to_number_series(raw)
        converted = converted.map(lambda v: None if isinstance(v, Placeholder) else v)
        _first_problem(converted, raw, "숫자")
        numbers = pd.Series(
            [np.nan if v is None else float(v) for v in converted.tolist()], dtype=float
        )
        counts = kind == "complaints"
    keep = stamps.map(lambda v: not is_blank(v)).to_numpy(dtype=bool)
    dropped_values = int((~keep & numbers.notna().to_numpy()).sum())
    if dropped_values:
        notes.append(f"날짜가 빈 행 {dropped_values}개는 뺐습니다.")
    index = pd.DatetimeIndex(stamps[keep].tolist())
    numbers = pd.Series(numbers.to_numpy()[keep], index=index)
    if len(numbers) == 0:
        raise InvalidArgumentError("날짜가 하나도 없습니다. 날짜 범위를 확인하세요.")

    freq, anchor = _detect_frequency(index, records=values is None)
    starts = _period_starts(index, freq, anchor)
    if freq == "h" and (index != starts).any():
        notes.append("분·초가 있는 시각은 그 시간의 정각으로 모았습니다.")
    elif freq == "MS" and (index != starts).any():
        notes.append("월 자료의 날짜는 그 달 1일로 맞췄습니다.")
    elif freq == "D" and (index != starts).any():
        notes.append("시각이 있는 날짜는 그 날로 모았습니다.")
    numbers.index = starts
    if not numbers.index.is_monotonic_increasing:
        notes.append("날짜 순으로 정렬했습니다.")
        numbers = numbers.sort_index(kind="stable")
    duplicated = int(numbers.index.duplicated().sum())
    if duplicated:
        if values is None:
            notes.append(f"기록 {len(numbers):,}건을 {FREQ_NAMES[freq]}별 건수로 셌습니다.")
        else:
            places = int(numbers.index[numbers.index.duplicated()].nunique())
            rows = int(numbers.index.duplicated(keep=False).sum())
            notes.append(
                f"같은 시점에 값이 여러 개인 {places:,}곳의 값 {rows:,}개를 시점마다 더했습니다."
            )
        numbers = numbers.groupby(level=0, sort=True).sum(min_count=1)
    elif values is None:
        notes.append(f"기록 {len(numbers):,}건을 {FREQ_NAMES[freq]}별 건수로 셌습니다.")
    pandas_freq = (
        f"W-{['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'][anchor]}" if (freq == "W") else freq
    )
    _check_span(numbers.index[0], numbers.index[-1], freq)
    if freq == "D" and workdays is not False:
        numbers, freq, pandas_freq = _working_days(numbers, pandas_freq, counts, notes, workdays)
    elif freq == "h":
        numbers, freq, pandas_freq = _office_hours(numbers, pandas_freq, counts, notes, workdays)
    full = pd.date_range(numbers.index[0], numbers.index[-1], freq=pandas_freq)
    series = numbers.reindex(full)
    missing = series.isna()
    n_missing = int(missing.sum())
    if n_missing:
        unit = _UNITS[freq]
        if counts:
            series = series.fillna(0.0)
            notes.append(f"기록이 없는 {n_missing:,}{unit}은 0건으로 채웠습니다.")
        else:
            if series.notna().sum() < 2:
                raise InvalidArgumentError("값이 있는 날짜가 2개보다 적어 예측할 수 없습니다.")
            series = series.interpolate(method="linear", limit_direction="both")
            notes.append(f"빠진 {n_missing:,}{unit}은 앞뒤 값을 이어(선형 보간) 채웠습니다.")
        share = n_missing / len(series)
        if share > 0.3 and not counts:
            notes.append(
                f"전체의 {share:.0%}가 채운 값이라 예측을 믿기 어렵습니다 "
                "(엑셀 FORECAST.ETS도 30%까지만 채웁니다)."
            )
    series = series.astype(float)
    series.index.name = "날짜"
    series.name = "값"
    return PreparedSeries(series=series, freq=freq, notes=notes, filled=missing)


def period_count(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> int:
    """Periods from ``first`` to ``last`` (both period starts), from the span alone."""
    if freq == "MS":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    seconds = (last - first).total_seconds()
    step = {"h": 3_600, "D": 86_400, "W": 7 * 86_400}[freq]
    return int(seconds // step) + 1


def _check_span(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> None:
    """Refuse a span too long to fill, before a date range is built for it: one date typed
    as 9999-12-31 would otherwise ask for millions of periods."""
    count = period_count(first, last, freq)
    if count > MAX_PERIODS:
        raise InvalidArgumentError(
            f"날짜가 {first:%Y-%m-%d}부터 {last:%Y-%m-%d}까지라 {FREQ_NAMES[freq]} 단위로 "
            f"{count:,}기간입니다. 한 번에 {MAX_PERIODS:,}기간까지만 다룹니다. "
            "잘못 입력된 날짜(예: 9999년)가 없는지 확인하거나 기간을 나누어 주세요."
        )


def _working_days(numbers: pd.Series, freq, counts: bool, notes: list[str], force=None):
    """A daily series without weekend rows goes onto its working-day calendar."""
    if force:
        workdays = forced_working_days(numbers.index)
    else:
        workdays = working_day_offset(numbers.index)
    if workdays is None:
        return numbers, "D", freq
    numbers = _move_strays(numbers, workdays.stray, workdays.offset, counts, notes, "일치")
    notes.append(workdays.note)
    return numbers, "B", workdays.offset


def _office_hours(numbers: pd.Series, freq, counts: bool, notes: list[str], force=None):
    """An hourly series with rows only in office hours goes onto its office-hours calendar."""
    hours = office_hours(numbers.index, workdays=force)
    if hours is None:
        return numbers, "h", freq
    numbers = _move_strays(numbers, hours.stray, hours.offset, counts, notes, "시간")
    notes.append(hours.note)
    return numbers, "BH", hours.offset


def _move_strays(numbers, stray, offset, counts: bool, notes: list[str], unit: str):
    """Rows on closed days or hours: counts go to the next open period, values are dropped."""
    if not len(stray):
        return numbers
    closed, when = ("날", "근무일") if unit == "일치" else ("시간", "근무시간")
    at = numbers.index.isin(stray)
    moved = numbers[at]
    numbers = numbers[~at]
    if counts:
        moved.index = pd.DatetimeIndex([_next_open(offset, d) for d in moved.index])
        numbers = pd.concat([numbers, moved]).groupby(level=0, sort=True).sum(min_count=1)
        notes.append(f"쉬는 {closed}에 있던 {len(moved):,}{unit} 기록은 다음 {when}에 더했습니다.")
    else:
        notes.append(f"쉬는 {closed}에 있던 {len(moved):,}{unit} 값은 뺐습니다.")
    return numbers


def _next_open(offset, stamp: pd.Timestamp) -> pd.Timestamp:
    """The open period a record on a closed day or hour belongs to. For office hours a record
    at closing time (18:00) counts in the next morning's first hour, which ``rollforward``
    alone leaves at 18:00."""
    if isinstance(offset, pd.offsets.CustomBusinessHour):
        return offset.rollforward(stamp + pd.Timedelta(minutes=1)).floor("h")
    return offset.rollforward(stamp)


def _detect_frequency(index: pd.DatetimeIndex, *, records: bool = False) -> tuple[str, int]:
    """The frequency code and, for weeks, the weekday (0 = Monday) the data is anchored on.

    Records (dates without values) with times of day are counted per day, not per hour.
    """
    distinct = index.unique().sort_values()
    has_time = bool((distinct != distinct.normalize()).any())
    if has_time and records:
        distinct = distinct.normalize().unique()
    elif has_time:
        hours = distinct.floor("h").unique()
        if len(hours) < 2 or np.median(_seconds_between(hours)) / 3_600 <= 6:
            return "h", 0
        distinct = distinct.normalize().unique()
    if len(distinct) < 2:
        return "D", 0
    days = _seconds_between(distinct) / 86_400
    step = float(np.median(days))
    if step < 3.5:
        return "D", 0
    if step < 14:
        weekdays = pd.Series(distinct.day_of_week).mode()
        return "W", int(weekdays.iloc[0])
    if step < 120:
        return "MS", 0
    raise InvalidArgumentError(
        f"날짜 간격이 평균 {step:.0f}일이라 예측할 수 없습니다. "
        "시간·일·주·월 단위 자료만 예측합니다 (연 단위 자료는 지원하지 않습니다)."
    )


def _seconds_between(index: pd.DatetimeIndex) -> np.ndarray:
    # pandas 3 keeps the resolution of the input (ns, us, s), so go through datetime64[s].
    return np.diff(index.to_numpy().astype("datetime64[s]").astype(np.int64)).astype(float)


def _period_starts(index: pd.DatetimeIndex, freq: str, anchor: int) -> pd.DatetimeIndex:
    if freq == "h":
        return index.floor("h")
    if freq == "D":
        return index.normalize()
    if freq == "W":
        days = index.normalize()
        return days - pd.to_timedelta((days.day_of_week - anchor) % 7, unit="D")
    return index.normalize() - pd.to_timedelta(index.day - 1, unit="D")


def count_by_period(dates: Any, period: str = "day") -> pd.DataFrame:
    """Records (one date per row, e.g. one row per 민원) as counts per day, week or month.

    Weeks start on Monday and months on the 1st; periods without records count 0. With
    ``period="workday"`` only working days are listed (weekdays that are not Korean public
    holidays): a record on a closed day counts on the next working day, when it is handled.
    ``period="workhour"`` counts per office hour (09–18 on working days) in the same way: a
    record after hours counts in the next office hour. Returns 날짜 and 건수.
    """
    key = str(period).strip().lower() if period not in (None, "") else "day"
    if key not in _PERIODS:
        raise InvalidArgumentError(
            '\'period\' 인수는 "day", "week", "month", "workday"(근무일), '
            f'"workhour"(근무시간) 중 하나여야 합니다. '
            f"받은 값: {period!r}"
        )
    freq = _PERIODS[key]
    stamps = read_dates(dates)
    stamps = [v for v in stamps.tolist() if not is_blank(v)]
    if not stamps:
        raise InvalidArgumentError("날짜가 하나도 없습니다. 날짜 범위를 확인하세요.")
    # Bound the span before any calendar or range is built (a working-day calendar is daily).
    raw = pd.DatetimeIndex(stamps)
    _check_span(raw.min(), raw.max(), {"B": "D", "BH": "h"}.get(freq, freq))
    if freq == "BH":
        days = working_day_calendar(raw)
        offset = pd.offsets.CustomBusinessHour(
            start=f"{OFFICE_START:02d}:00", end=f"{OFFICE_END:02d}:00",
            weekmask="Mon Tue Wed Thu Fri", holidays=list(days.holidays),
        )  # fmt: skip
        index = pd.DatetimeIndex([_next_open(offset, d) for d in raw.floor("h")])
        pandas_freq = offset
    elif freq == "B":
        offset = working_day_calendar(raw)
        days = raw.normalize()
        index = pd.DatetimeIndex([offset.rollforward(d) for d in days])
        pandas_freq = offset
    else:
        index = _period_starts(raw, freq, 0)
        pandas_freq = "W-MON" if freq == "W" else freq
    counts = pd.Series(1, index=index).groupby(level=0).sum()
    full = pd.date_range(counts.index.min(), counts.index.max(), freq=pandas_freq)
    counts = counts.reindex(full, fill_value=0).astype(int)
    return pd.DataFrame({"날짜": full, "건수": counts.to_numpy()})
