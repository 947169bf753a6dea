"""Working-day series: no rows on closed days, forecasts on the next working days."""

import numpy as np
import pandas as pd
import pytest

from dadeum.engine.forecast import count_by_period, forecast, korean_calendar, prepare_series


def _office(start: str, end: str, *, holidays_closed: bool = True, seed: int = 0) -> pd.Series:
    """A call centre's daily calls: rows only on the days it is open, a Monday peak."""
    days = pd.date_range(start, end, freq="D")
    cal = korean_calendar(days)
    open_days = cal["working_day"] if holidays_closed else ~cal["weekend"]
    days = days[open_days.to_numpy(bool)]
    rng = np.random.default_rng(seed)
    rate = np.array([60, 48, 45, 44, 40, 0, 0])[days.day_of_week]
    return pd.Series(rng.poisson(rate).astype(float), index=days)


def test_seollal_over_a_weekend_and_its_substitute_day_are_skipped():
    # 설 연휴 2024: Fri 9 Feb, Sat 10 (설날), Sun 11, and Mon 12 Feb 대체공휴일.
    calls = _office("2023-06-01", "2024-02-06")
    result = forecast(list(calls.index), calls.tolist(), 6, kind="complaints")
    expected = ["2024-02-07", "2024-02-08", "2024-02-13", "2024-02-14", "2024-02-15",
                "2024-02-16"]  # fmt: skip
    assert list(result.table["날짜"]) == list(pd.DatetimeIndex(expected))
    assert result.freq == "B"
    assert "근무일" in result.explanation and "주말과 공휴일" in result.explanation


def test_a_children_day_substitute_holiday_is_not_forecast():
    # 어린이날 2024 fell on a Sunday: Monday 6 May was the 대체공휴일.
    calls = _office("2023-09-01", "2024-05-02")
    table = forecast(list(calls.index), calls.tolist(), 3, kind="complaints").table
    assert list(table["날짜"]) == list(pd.DatetimeIndex(["2024-05-03", "2024-05-07",
                                                          "2024-05-08"]))  # fmt: skip


def test_weekdays_open_on_holidays_keep_their_holidays():
    calls = _office("2023-09-01", "2024-05-02", holidays_closed=False)
    prepared = prepare_series(list(calls.index), calls.tolist(), kind="complaints")
    assert prepared.freq == "B"
    assert "주말에는" in prepared.notes[-1] and "공휴일" not in prepared.notes[-1]
    table = forecast(list(calls.index), calls.tolist(), 3, kind="complaints").table
    assert list(table["날짜"]) == list(pd.DatetimeIndex(["2024-05-03", "2024-05-06",
                                                          "2024-05-07"]))  # fmt: skip


def test_a_daily_series_with_weekend_rows_stays_daily():
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    values = np.where(days.day_of_week >= 5, 0.0, 30.0)  # closed days written as 0
    prepared = prepare_series(list(days), values.tolist(), kind="complaints")
    assert prepared.freq == "D" and len(prepared.series) == 120


def test_a_stray_saturday_record_counts_on_the_next_working_day():
    calls = _office("2024-01-02", "2024-04-30")
    dates = [*calls.index, pd.Timestamp("2024-03-09")]  # one online 민원 on a Saturday
    values = [*calls.tolist(), 1.0]
    prepared = prepare_series(dates, values, kind="complaints")
    assert prepared.freq == "B"
    assert prepared.series[pd.Timestamp("2024-03-11")] == calls[pd.Timestamp("2024-03-11")] + 1
    assert any("다음 근무일에 더했습니다" in note for note in prepared.notes)


def test_the_forecast_is_not_pulled_down_by_closed_days():
    # Read as an ordinary daily series, the closed days would be interpolated or zero and the
    # weekly cycle of 7 would not fit five working days.
    calls = _office("2023-06-01", "2024-05-31")
    table = forecast(list(calls.index), calls.tolist(), 10, kind="complaints").table
    mondays = table.loc[table["날짜"].dt.day_of_week == 0, "예측"]
    fridays = table.loc[table["날짜"].dt.day_of_week == 4, "예측"]
    assert table["예측"].min() > 30
    assert mondays.mean() > fridays.mean() + 10


def test_count_by_period_by_working_day():
    records = ["2024-02-08", "2024-02-08", "2024-02-10", "2024-02-13", "2024-02-15"]
    table = count_by_period(records, "workday")
    # 9–12 Feb 2024 are 설 연휴 (the 12th a 대체공휴일): the Saturday record counts on the 13th.
    assert list(table["날짜"]) == list(pd.DatetimeIndex(["2024-02-08", "2024-02-13",
                                                          "2024-02-14", "2024-02-15"]))  # fmt: skip
    assert table["건수"].tolist() == [2, 2, 0, 1]
    assert count_by_period(records, "근무일").equals(table)
    with pytest.raises(Exception, match="workday"):
        count_by_period(records, "hour")
