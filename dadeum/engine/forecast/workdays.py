"""Working-day series: data kept only on the days an office is open.

A 민원 office, a call centre or a counting site that only works on weekdays has no rows on
Saturdays and Sundays (and often none on public holidays). Those days are *closed*: not zero
(that would teach the models a weekly collapse that is not there) and not missing (that would
interpolate values for days that never come). Such a series is kept on its own calendar, a
pandas ``CustomBusinessDay`` (weekdays, minus the Korean public holidays when the data skips
them), so that ``future_index`` gives the next *working* days with their right dates.

``working_day_offset(days)`` looks at the distinct days of a daily series and returns the
offset and a Korean sentence for the notes, or ``None`` for an ordinary daily series.
"""

from dataclasses import dataclass

import pandas as pd

from dadeum.engine.forecast.calendar import _holidays

__all__ = ["WorkingDays", "working_day_calendar", "working_day_offset"]

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
