"""Seeded time series for the forecasting tests, benchmarks and training workbooks.

Every generator takes a ``seed`` and gives the same series for the same arguments. Holidays
come from the holidays library's KR calendar (``dadeum.engine.forecast.calendar``), so 설날 and
추석 fall on their real lunar dates, substitute holidays included.

- ``daily_traffic``: vehicles per day at a city count point: a weekly cycle (Friday busiest,
  Sunday quietest), a slow upward trend, a mild summer rise, public holidays quieter,
  설날/추석 much quieter (the city empties), noise.
- ``hourly_traffic``: vehicles per hour: morning and evening peaks on working days, a flatter
  midday hump on weekends and holidays, the daily level as in ``daily_traffic``.
- ``daily_complaints``: 민원 received per day: Poisson counts with a weekday pattern (Monday
  busiest), none on weekends and holidays, a spike on the first working day after a long
  holiday (설날, 추석, long weekends) as the backlog arrives.
- ``complaint_records``: the same as one row per 민원 (a date each), for ``count_by_period``.
- ``sparse_complaints``: rare 민원 (most days none), for the intermittent-demand model.
- ``weekly_traffic``, ``monthly_complaints``: the daily series summed per week or month.
"""

import numpy as np
import pandas as pd

from dadeum.engine.forecast.calendar import korean_calendar

__all__ = [
    "complaint_records",
    "daily_complaints",
    "daily_traffic",
    "hourly_traffic",
    "monthly_complaints",
    "sparse_complaints",
    "weekly_traffic",
]

_TRAFFIC_WEEK = np.array([1.00, 1.02, 1.03, 1.05, 1.10, 0.88, 0.78])
_COMPLAINT_WEEK = np.array([38.0, 32.0, 30.0, 29.0, 27.0, 0.0, 0.0])


def _traffic_level(days: pd.DatetimeIndex) -> np.ndarray:
    cal = korean_calendar(days, "D")
    t = np.arange(len(days)) / 365.25
    level = 42_000 * (1 + 0.03 * t) * (1 + 0.05 * np.exp(-(((days.day_of_year - 210) / 25.0) ** 2)))
    level = level * _TRAFFIC_WEEK[cal["weekday"].to_numpy()]
    holiday = cal["holiday"].to_numpy() & ~cal["weekend"].to_numpy()
    level = np.where(holiday, level * 0.80, level)
    myeongjeol = (cal["seollal"] | cal["chuseok"]).to_numpy()
    level = np.where(myeongjeol, level * 0.55 / np.where(holiday, 0.80, 1.0), level)
    # The working day before the 명절 is busy with people leaving.
    before = cal["myeongjeol_dist"].to_numpy() == -1
    return np.where(before & ~myeongjeol, level * 1.12, level)


def daily_traffic(start: str = "2022-01-01", days: int = 3 * 365, seed: int = 0) -> pd.Series:
    """Vehicles per day (see the module docstring)."""
    rng = np.random.default_rng(seed)
    index = pd.date_range(start, periods=days, freq="D", name="날짜")
    level = _traffic_level(index)
    values = np.round(level * (1 + rng.normal(0, 0.03, len(index))))
    return pd.Series(values, index=index, name="교통량")


_WORKDAY_HOURS = np.array([0.15, 0.10, 0.08, 0.08, 0.15, 0.45, 1.20, 2.10, 2.00, 1.30, 1.10,
                           1.15, 1.20, 1.15, 1.15, 1.25, 1.50, 2.00, 2.10, 1.50, 1.05, 0.80,
                           0.55, 0.30])  # fmt: skip
_OFFDAY_HOURS = np.array([0.30, 0.20, 0.15, 0.12, 0.12, 0.20, 0.35, 0.60, 0.90, 1.20, 1.45,
                          1.60, 1.65, 1.65, 1.60, 1.55, 1.50, 1.45, 1.35, 1.15, 0.95, 0.75,
                          0.55, 0.40])  # fmt: skip


def hourly_traffic(start: str = "2024-01-01", days: int = 365, seed: int = 0) -> pd.Series:
    """Vehicles per hour (see the module docstring)."""
    rng = np.random.default_rng(seed)
    day_index = pd.date_range(start, periods=days, freq="D")
    daily = _traffic_level(day_index) / 24
    cal = korean_calendar(day_index, "D")
    working = cal["working_day"].to_numpy()
    profile = np.where(working[:, None], _WORKDAY_HOURS / _WORKDAY_HOURS.mean(),
                       _OFFDAY_HOURS / _OFFDAY_HOURS.mean())  # fmt: skip
    level = (daily[:, None] * profile).ravel()
    index = pd.date_range(start, periods=days * 24, freq="h", name="날짜")
    values = np.round(level * (1 + rng.normal(0, 0.05, len(index))))
    return pd.Series(values, index=index, name="교통량")


def _complaint_rate(days: pd.DatetimeIndex, scale: float = 1.0) -> np.ndarray:
    cal = korean_calendar(days, "D")
    rate = _COMPLAINT_WEEK[cal["weekday"].to_numpy()] * scale
    rate = rate * (1 + 0.04 * np.arange(len(days)) / 365.25)
    rate = np.where(cal["working_day"].to_numpy(), rate, 0.0)
    spike = cal["after_long_break"].to_numpy()
    return np.where(spike, rate * 1.8, rate)


def daily_complaints(start: str = "2023-01-01", days: int = 2 * 365, seed: int = 0) -> pd.Series:
    """민원 per day (see the module docstring)."""
    rng = np.random.default_rng(seed)
    index = pd.date_range(start, periods=days, freq="D", name="날짜")
    values = rng.poisson(_complaint_rate(index)).astype(float)
    return pd.Series(values, index=index, name="민원")


def complaint_records(start: str = "2024-01-01", days: int = 90, seed: int = 0) -> pd.Series:
    """One row per 민원: its received date-time, in the order they came in (a few shuffled)."""
    rng = np.random.default_rng(seed)
    counts = daily_complaints(start, days, seed)
    stamps = np.repeat(counts.index.to_numpy(), counts.to_numpy().astype(int))
    minutes = rng.integers(9 * 60, 18 * 60, len(stamps))
    stamps = pd.DatetimeIndex(stamps) + pd.to_timedelta(minutes, unit="min")
    order = np.arange(len(stamps))
    swap = rng.choice(len(stamps), size=min(10, len(stamps)), replace=False)
    order[swap] = order[swap[::-1]]
    return pd.Series(stamps[order], name="접수일시")


def sparse_complaints(start: str = "2023-01-01", days: int = 365, seed: int = 0) -> pd.Series:
    """Rare 민원 per day: most days none."""
    rng = np.random.default_rng(seed)
    index = pd.date_range(start, periods=days, freq="D", name="날짜")
    rate = _complaint_rate(index, scale=0.012)
    return pd.Series(rng.poisson(rate).astype(float), index=index, name="민원")


def weekly_traffic(start: str = "2021-01-04", weeks: int = 3 * 52, seed: int = 0) -> pd.Series:
    """Vehicles per week (weeks start on Monday)."""
    daily = daily_traffic(start, weeks * 7, seed)
    weekly = daily.resample("W-MON", label="left", closed="left").sum()
    weekly.index.name = "날짜"
    return weekly


def monthly_complaints(start: str = "2020-01-01", months: int = 48, seed: int = 0) -> pd.Series:
    """민원 per month."""
    end = pd.Timestamp(start) + pd.DateOffset(months=months)
    daily = daily_complaints(start, (end - pd.Timestamp(start)).days, seed)
    monthly = daily.resample("MS").sum()
    monthly.index.name = "날짜"
    return monthly
