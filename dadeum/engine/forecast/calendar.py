"""The Korean calendar as model features: holidays, 명절, weekends and working days.

Public holidays come from the ``holidays`` library's KR calendar (Korean names), which knows
the lunar holidays (설날, 부처님오신날, 추석), substitute holidays (대체 휴일), election days and
temporary holidays (임시공휴일). Columns of ``korean_calendar`` for daily and hourly indexes:

=================  ===========================================================================
weekday            0 = Monday … 6 = Sunday
weekend            Saturday or Sunday
holiday            a public holiday (any kind)
substitute         a substitute holiday (대체 휴일)
seollal, chuseok   the 설날 / 추석 holiday days (전날, 당일, 다음날, and their 대체 휴일)
myeongjeol_dist    signed days to the nearest 설날/추석 day (-7 … 7, 0 inside); 8 when farther
working_day        neither weekend nor holiday
break_before       for a working day: length of the run of days off just before it (else 0)
after_break        the first working day after two or more days off (weekends included)
after_long_break   the first working day after three or more days off (연휴 다음 날)
bridge_day         a working day between two days off (징검다리)
month, day         calendar month and day of month
hour               only for hourly indexes
=================  ===========================================================================

For weekly and monthly indexes each row sums the days of its period (a timestamp is the first
day of its period): ``days``, ``holidays`` (weekday holidays), ``working_days``,
``seollal``/``chuseok`` (days of the 명절 in the period), ``month`` and ``week``.
"""

from functools import lru_cache

import holidays
import numpy as np
import pandas as pd

__all__ = ["holiday_names", "korean_calendar"]


@lru_cache(maxsize=32)
def _holidays(first: int, last: int) -> dict[pd.Timestamp, str]:
    table = holidays.KR(years=range(first, last + 1), language="ko")
    return {pd.Timestamp(day): name for day, name in table.items()}


def holiday_names(start, end) -> pd.Series:
    """Korean names of the public holidays from ``start`` to ``end`` (inclusive)."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    table = _holidays(start.year, end.year)
    items = sorted((d, n) for d, n in table.items() if start <= d <= end)
    return pd.Series([n for _, n in items], index=pd.DatetimeIndex([d for d, _ in items]))


def _daily(start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Daily features from ``start`` to ``end``, computed with a margin on both sides."""
    days = pd.date_range(start - pd.Timedelta(days=14), end + pd.Timedelta(days=14), freq="D")
    table = _holidays(days[0].year, days[-1].year)
    names = pd.Series([table.get(d, "") for d in days], index=days)
    frame = pd.DataFrame(index=days)
    frame["weekday"] = days.day_of_week
    frame["weekend"] = days.day_of_week >= 5
    frame["holiday"] = (names != "").to_numpy()
    frame["substitute"] = names.str.contains("대체").to_numpy()
    frame["seollal"] = names.str.contains("설날").to_numpy()
    frame["chuseok"] = names.str.contains("추석").to_numpy()
    core = np.flatnonzero((frame["seollal"] | frame["chuseok"]).to_numpy())
    position = np.arange(len(days))
    if len(core):
        after = np.searchsorted(core, position)
        next_core = core[np.minimum(after, len(core) - 1)]
        prev_core = core[np.maximum(after - 1, 0)]
        to_next = np.where(after < len(core), next_core - position, 99)
        from_prev = np.where(after > 0, position - prev_core, 99)
        dist = np.where(to_next <= from_prev, -to_next, from_prev)
        dist = np.where(to_next == 0, 0, dist)
        frame["myeongjeol_dist"] = np.where(np.abs(dist) <= 7, dist, 8)
    else:
        frame["myeongjeol_dist"] = 8
    off = (frame["weekend"] | frame["holiday"]).to_numpy()
    frame["working_day"] = ~off
    # Length of the run of days off that ends just before each day.
    before = np.zeros(len(days), dtype=int)
    streak = 0
    for i in range(len(days)):
        before[i] = streak
        streak = streak + 1 if off[i] else 0
    frame["break_before"] = np.where(off, 0, before)
    frame["after_break"] = ~off & (before >= 2)
    frame["after_long_break"] = ~off & (before >= 3)
    previous_off = np.r_[False, off[:-1]]
    next_off = np.r_[off[1:], False]
    frame["bridge_day"] = ~off & previous_off & next_off
    frame["month"] = days.month
    frame["day"] = days.day
    frame["holiday_name"] = names.to_numpy()
    return frame


def korean_calendar(index: pd.DatetimeIndex, freq: str | None = None) -> pd.DataFrame:
    """Calendar features for every timestamp of ``index`` (see the module docstring).

    ``freq`` is one of ``"h"``, ``"D"``, ``"W"``, ``"MS"``; by default it is read from the
    index (a regular index is expected; a daily one is assumed when it cannot be told).
    """
    index = pd.DatetimeIndex(index)
    if freq is None:
        freq = _freq_code(index)
    if len(index) == 0:
        return pd.DataFrame(index=index)
    if freq in ("W", "MS"):
        return _periods(index, freq)
    days = index.normalize()
    daily = _daily(days.min(), days.max())
    out = daily.reindex(days)
    out.index = index
    if freq in ("h", "BH"):
        out.insert(0, "hour", index.hour)
    return out


def _freq_code(index: pd.DatetimeIndex) -> str:
    code = index.freqstr or (_inferred_freq(index) if len(index) >= 3 else None) or "D"
    if code.startswith("W"):
        return "W"
    if code in ("MS", "ME", "M"):
        return "MS"
    if code.lower() in ("h", "1h"):
        return "h"
    if code.lower() in ("bh", "cbh"):
        return "BH"
    return "D"


def _inferred_freq(index: pd.DatetimeIndex) -> str | None:
    """``pd.infer_freq`` as a string: pandas 3.1 starts moving it to an offset object."""
    try:
        with pd.option_context("future.infer_freq_returns_offset", True):
            inferred = pd.infer_freq(index)
    except (KeyError, AttributeError):  # pandas before 3.1: no such option, a string already
        inferred = pd.infer_freq(index)
    return getattr(inferred, "freqstr", inferred)


def _periods(index: pd.DatetimeIndex, freq: str) -> pd.DataFrame:
    starts = index.normalize()
    if freq == "W":
        ends = starts + pd.Timedelta(days=6)
    else:
        ends = starts + pd.offsets.MonthEnd(0)
    daily = _daily(starts.min(), ends.max())
    weekday_holiday = (daily["holiday"] & ~daily["weekend"]).astype(int)
    cumulative = pd.DataFrame(
        {
            "days": 1,
            "holidays": weekday_holiday,
            "working_days": daily["working_day"].astype(int),
            "seollal": daily["seollal"].astype(int),
            "chuseok": daily["chuseok"].astype(int),
        },
        index=daily.index,
    ).cumsum()
    upper = cumulative.reindex(ends).to_numpy()
    lower = cumulative.reindex(starts - pd.Timedelta(days=1)).to_numpy()
    out = pd.DataFrame(upper - lower, index=index, columns=cumulative.columns)
    out["month"] = index.month
    out["week"] = index.isocalendar().week.to_numpy().astype(int)
    return out
