"""Holiday effects learnt from few 명절, level shifts and one-off spikes."""

import numpy as np
import pandas as pd

from dadeum.engine.forecast import forecast, korean_calendar
from dadeum.engine.forecast.models import DAY_TYPES, HolidayEffects, day_types, winsorise


def _station(start: str, end: str, seed: int = 0, shift_from: str | None = None) -> pd.Series:
    """Daily riders at a market station: busy every day, busiest at weekends and on ordinary
    holidays, and nearly empty on 설날/추석 (the market closes), unlike any other day off."""
    days = pd.date_range(start, end, freq="D")
    cal = korean_calendar(days)
    rng = np.random.default_rng(seed)
    level = np.where(cal["working_day"].to_numpy(bool), 100_000.0, 110_000.0)
    level = np.where(cal["seollal"] | cal["chuseok"], 22_000.0, level)
    if shift_from is not None:
        level = np.where(days >= pd.Timestamp(shift_from), level * 1.4, level)
    return pd.Series(level * np.exp(rng.normal(0, 0.03, len(days))), index=days)


def test_day_types_pool_the_holidays():
    cal = korean_calendar(pd.date_range("2024-09-10", "2024-09-23"))
    types = dict(zip(cal.index.strftime("%m-%d"), day_types(cal), strict=True))
    # 추석 2024: Mon 16 – Wed 18 September; the 19th is the first working day after it.
    assert types["09-16"] == types["09-17"] == types["09-18"] == 1
    assert types["09-19"] == 5
    assert types["09-13"] == 7 and types["09-10"] == 0
    assert set(DAY_TYPES) == set(range(1, 9))


def test_a_forecast_through_chuseok_shows_the_dip():
    # One year of history: 추석 2023 and 설날 2024 seen once each.
    y = _station("2023-09-01", "2024-09-06")
    result = forecast(list(y.index), y.tolist(), 21)
    table = result.table.set_index("날짜")["예측"]
    chuseok = table.loc["2024-09-16":"2024-09-18"]
    ordinary = table.loc["2024-09-23":"2024-09-25"]  # the same weekdays a week later
    assert (chuseok < 0.5 * ordinary.to_numpy()).all()


def test_holiday_effects_work_on_top_of_a_base_model():
    y = _station("2023-09-01", "2024-09-06")
    cal = korean_calendar(y.index.union(pd.date_range("2024-09-07", periods=21)))
    model = HolidayEffects(base="SeasonalNaive", season=7).fit(y, cal)
    mean = model.predict(21)["mean"]
    future = pd.date_range("2024-09-07", periods=21)
    dip = mean[(future >= "2024-09-16") & (future <= "2024-09-18")]
    assert (dip < 40_000).all()  # the base alone repeats last week's ~100,000
    assert model.effects_[1] < np.log(0.4)


def test_a_level_shift_is_followed():
    # A new line opened eight weeks before the end: 40% more riders from then on.
    y = _station("2023-03-01", "2024-05-31", shift_from="2024-04-05")
    table = forecast(list(y.index), y.tolist(), 14).table
    working = korean_calendar(pd.DatetimeIndex(table["날짜"]))["working_day"].to_numpy(bool)
    assert np.median(table["예측"].to_numpy()[working]) > 125_000


def test_a_one_off_spike_is_not_learnt_as_season():
    y = _station("2023-03-01", "2024-05-31")
    spike_day = pd.Timestamp("2024-05-29")  # a Wednesday: a festival near the station
    y[spike_day] *= 4
    table = forecast(list(y.index), y.tolist(), 14).table.set_index("날짜")["예측"]
    assert table.loc["2024-06-05"] < 130_000


def _visitors(months: int = 130, drop_last: int = 8, seed: int = 0) -> pd.Series:
    """Monthly visitors with a yearly cycle that fall to a fifth in their last months."""
    index = pd.date_range("2010-01-01", periods=months, freq="MS")
    rng = np.random.default_rng(seed)
    season = 1 + 0.2 * np.sin(2 * np.pi * index.month / 12)
    level = np.where(np.arange(months) >= months - drop_last, 0.2, 1.0)
    return pd.Series(1_000_000 * season * level * np.exp(rng.normal(0, 0.03, months)), index)


def test_winsorising_keeps_a_lasting_change_at_the_end():
    values = _visitors().to_numpy()
    kept = winsorise(values, 12)
    np.testing.assert_allclose(kept[-8:], values[-8:], rtol=1e-9)
    spike = _visitors(drop_last=0).to_numpy().copy()
    spike[-1] *= 5  # one month: an outlier, pulled in
    assert winsorise(spike, 12)[-1] < 0.5 * spike[-1]


def test_a_monthly_series_after_a_collapse_is_forecast_at_its_new_level():
    y = _visitors()
    table = forecast(list(y.index), y.tolist(), 6).table
    assert np.median(table["예측"]) < 400_000


def test_a_long_break_at_the_end_is_not_taken_for_a_new_level():
    # 추석 2017: ten days off (30 September – 9 October); the history ends on the last one.
    days = pd.date_range("2016-09-01", "2017-10-09", freq="D")
    rng = np.random.default_rng(3)
    level = np.where((days >= "2017-09-30") & (days <= "2017-10-09"), 20_000.0, 100_000.0)
    y = pd.Series(level * np.exp(rng.normal(0, 0.03, len(days))), index=days)
    result = forecast(list(y.index), y.tolist(), 14)
    assert "수준이 크게 바뀌어" not in result.explanation
    # Taken for a new level, the whole history would be scaled to a fifth (about 20,000).
    assert np.median(result.table["예측"]) > 40_000
