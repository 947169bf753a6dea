"""Working-day series: data kept only on the days an office is open.

A 민원 office, a call centre or a counting site that only works on weekdays has no rows on
Saturdays and Sundays (and often none on public holidays). Those days are *closed*: not zero
(that would teach the models a weekly collapse that is not there) and not missing (that would
interpolate values for days that never come). Such a series is kept on its own calendar, a
pandas ``CustomBusinessDay`` (weekdays, minus the Korean public holidays when the data skips
them), so that ``future_index`` gives the next *working* days with their right dates.

``working_day_offset(days)`` looks at the distinct days of a daily series and returns the
offset and a Korean sentence for the notes, or ``None`` for an ordinary daily series.

An hourly series of a counter open 09–18 is the same one level down: ``office_hours(stamps)``
finds the daily window its rows stay in and returns a ``CustomBusinessHour`` over those hours
of the working days, so the next periods are the next *office hours*.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dadeum.engine.forecast.calendar import _holidays

__all__ = [
    "OfficeHours",
    "WorkingDays",
    "forced_working_days",
    "office_hours",
    "working_day_calendar",
    "working_day_offset",
]

# A weekday-only series may still have a stray weekend row (an online 민원 on a Saturday):
# up to this share of its rows may fall on weekends.
STRAY_SHARE = 0.02
# At least this many weekends must fall inside the span before their absence means anything.
MIN_WEEKENDS = 3
# Years of holidays known ahead of the last date (the longest horizon is about two years).
YEARS_AHEAD = 3


@dataclass
class WorkingDays:
    offset: pd.offsets.CustomBusinessDay
    holidays_closed: bool  # True: public holidays are closed days too
    stray: pd.DatetimeIndex  # weekend or holiday days that had rows

    @property
    def note(self) -> str:
        closed = "주말과 공휴일" if self.holidays_closed else "주말"
        return (
            f"{closed}에는 기록이 없어 문을 여는 날(근무일)만 있는 자료로 보고, "
            f"{closed}은 0도 빈칸도 아닌 쉬는 날로 두어 다음 근무일들을 예측합니다."
        )


def _offset(first: pd.Timestamp, last: pd.Timestamp, holidays_closed: bool):
    if not holidays_closed:
        return pd.offsets.CustomBusinessDay(weekmask="Mon Tue Wed Thu Fri")
    table = _holidays(first.year, last.year + YEARS_AHEAD)
    return pd.offsets.CustomBusinessDay(weekmask="Mon Tue Wed Thu Fri", holidays=sorted(table))


def working_day_offset(days: pd.DatetimeIndex) -> WorkingDays | None:
    """The working-day calendar of a daily series whose rows skip weekends, else ``None``.

    Public holidays count as closed when the series has rows on fewer than half of the
    weekday public holidays inside its span (or there is none to tell by)."""
    days = pd.DatetimeIndex(days).normalize().unique().sort_values()
    if len(days) < 10:
        return None
    span = pd.date_range(days[0], days[-1], freq="D")
    weekend_days = span[span.day_of_week >= 5]
    if len(weekend_days) < 2 * MIN_WEEKENDS:
        return None
    on_weekend = days[days.day_of_week >= 5]
    if len(on_weekend) > STRAY_SHARE * len(days):
        return None
    table = _holidays(days[0].year, days[-1].year)
    weekday_holidays = pd.DatetimeIndex(
        sorted(d for d in table if days[0] <= d <= days[-1] and d.day_of_week < 5)
    )
    seen = weekday_holidays.isin(days)
    holidays_closed = len(weekday_holidays) == 0 or seen.mean() < 0.5
    offset = _offset(days[0], days[-1], holidays_closed)
    stray = on_weekend.append(weekday_holidays[seen] if holidays_closed else weekday_holidays[:0])
    return WorkingDays(offset, holidays_closed, stray.sort_values())


def working_day_calendar(days: pd.DatetimeIndex) -> pd.offsets.CustomBusinessDay:
    """The Korean working-day calendar (weekdays minus public holidays) around ``days``."""
    days = pd.DatetimeIndex(days)
    return _offset(days.min(), days.max(), holidays_closed=True)


# An hourly series covers office hours when its rows sit in one window of at most this many
# hours a day (stray rows outside it allowed as for days) ...
MAX_OFFICE_HOURS = 16
# ... and a clock hour belongs to the window when it holds this share of the busiest hour's rows.
HOUR_SHARE = 0.2
MIN_OFFICE_DAYS = 10


@dataclass
class OfficeHours:
    offset: pd.offsets.CustomBusinessHour
    start: int  # first office hour (9 for 09:00)
    end: int  # hour the office closes (18 for 18:00)
    days: WorkingDays | None  # None: open every day of the week
    stray: pd.DatetimeIndex  # hourly stamps outside the office hours that had rows

    @property
    def note(self) -> str:
        if self.days is None:
            when = "매일"
        else:
            when = "주말과 공휴일을 뺀 근무일" if self.days.holidays_closed else "평일"
        return (
            f"{when} {self.start:02d}~{self.end:02d}시에만 기록이 있어 근무시간만 있는 "
            "자료로 보고, 그 밖의 시간은 0도 빈칸도 아닌 쉬는 시간으로 두어 다음 "
            "근무시간들을 예측합니다."
        )


def _hour_offset(start: int, end: int, days: WorkingDays | None):
    weekmask = "Mon Tue Wed Thu Fri" if days is not None else "Mon Tue Wed Thu Fri Sat Sun"
    holidays = list(getattr(days.offset, "holidays", ()) or ()) if days is not None else []
    return pd.offsets.CustomBusinessHour(
        start=f"{start:02d}:00", end=f"{end % 24:02d}:00", weekmask=weekmask, holidays=holidays
    )


def office_hours(stamps: pd.DatetimeIndex, *, workdays: bool | None = None) -> OfficeHours | None:
    """The office-hours calendar of an hourly series whose rows stay inside one daily window
    (e.g. 09–18), else ``None``. The days follow ``working_day_offset`` (weekdays, and public
    holidays when the data skips them); ``workdays=True`` closes weekends and holidays
    whatever the data shows, ``False`` keeps every day."""
    stamps = pd.DatetimeIndex(stamps).floor("h").unique().sort_values()
    days = stamps.normalize().unique()
    if len(days) < MIN_OFFICE_DAYS:
        return None
    per_hour = pd.Series(1, index=stamps.hour).groupby(level=0).sum()
    inside = per_hour.index[per_hour >= HOUR_SHARE * per_hour.max()]
    start, end = int(inside.min()), int(inside.max()) + 1
    if end - start > MAX_OFFICE_HOURS:
        return None
    outside = (stamps.hour < start) | (stamps.hour >= end)
    if outside.sum() > STRAY_SHARE * len(stamps):
        return None
    if workdays is None:
        closed = working_day_offset(days)
    elif workdays:
        closed = WorkingDays(working_day_calendar(days), True, pd.DatetimeIndex([]))
    else:
        closed = None
    offset = _hour_offset(start, end, closed)
    stray = stamps[outside | ~np.array([offset.is_on_offset(s) for s in stamps])]
    return OfficeHours(offset, start, end, closed, stray)


def forced_working_days(days: pd.DatetimeIndex) -> WorkingDays:
    """The Korean working-day calendar imposed on a daily series (the working-day option):
    weekend and public-holiday rows become strays."""
    days = pd.DatetimeIndex(days).normalize().unique().sort_values()
    offset = working_day_calendar(days)
    stray = days[~np.array([offset.is_on_offset(d) for d in days], dtype=bool)]
    return WorkingDays(offset, True, stray)
