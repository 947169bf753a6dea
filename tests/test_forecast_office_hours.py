"""Office-hours hourly series (rows only 09–18 on working days) and the working-day option."""

import numpy as np
import pandas as pd

from dadeum.engine.forecast import count_by_period, forecast, korean_calendar, prepare_series
from tests.conftest import run_dadeum as dadeum


def _counter(start: str, end: str, *, seed: int = 0) -> pd.Series:
    """Hourly 민원 visits at a counter open 09–18 on Korean working days only."""
    days = pd.date_range(start, end, freq="D")
    days = days[korean_calendar(days)["working_day"].to_numpy(bool)]
    stamps = pd.DatetimeIndex([d + pd.Timedelta(hours=h) for d in days for h in range(9, 18)])
    rate = np.array([5, 20, 25, 18, 10, 22, 24, 15, 8])[stamps.hour - 9]
    rate = rate * np.array([1.3, 1, 1, 1, 0.9, 0, 0])[stamps.day_of_week]
    values = np.random.default_rng(seed).poisson(rate).astype(float)
    return pd.Series(values, index=stamps)


def _office_stamps(table: pd.DataFrame) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(table["날짜"])


def test_an_office_hours_series_is_forecast_on_the_next_office_hours():
    visits = _counter("2024-03-04", "2024-06-14")  # ends on a Friday at 17:00
    result = forecast(list(visits.index), visits.tolist(), 12, kind="complaints")
    assert result.freq == "BH"
    stamps = _office_stamps(result.table)
    expected = [*pd.date_range("2024-06-17 09:00", periods=9, freq="h"),
                *pd.date_range("2024-06-18 09:00", periods=3, freq="h")]  # fmt: skip
    assert list(stamps) == expected
    assert "09~18시" in result.explanation and "다음 근무시간" in result.explanation
    assert "밤 시간과 주말·공휴일" in result.explanation
    # the hour-of-day shape is kept: the 11시 peak above the 09시 opening hour
    assert result.table["예측"].iloc[2] > result.table["예측"].iloc[0] + 5


def test_seollal_inside_the_horizon_is_skipped_by_office_hours():
    # 2025: 임시공휴일 Mon 27 Jan and 설 연휴 Tue 28 – Thu 30 Jan.
    visits = _counter("2024-09-02", "2025-01-24")
    table = forecast(list(visits.index), visits.tolist(), 18, kind="complaints").table
    stamps = _office_stamps(table)
    assert stamps[0] == pd.Timestamp("2025-01-31 09:00")
    assert sorted(set(stamps.date)) == [pd.Timestamp("2025-01-31").date(),
                                        pd.Timestamp("2025-02-03").date()]  # fmt: skip
    assert set(stamps.hour) == set(range(9, 18))


def test_a_round_the_clock_hourly_series_stays_hourly():
    stamps = pd.date_range("2024-03-01", periods=24 * 40, freq="h")
    values = 100 + 50 * np.sin(2 * np.pi * stamps.hour / 24)
    prepared = prepare_series(list(stamps), values.tolist())
    assert prepared.freq == "h"


def test_an_evening_record_counts_in_the_next_office_hour():
    visits = _counter("2024-03-04", "2024-05-31")
    late = pd.Timestamp("2024-04-10 18:00")  # one 민원 handled at closing time
    prepared = prepare_series([*visits.index, late], [*visits.tolist(), 3.0], kind="complaints")
    assert prepared.freq == "BH"
    morning = pd.Timestamp("2024-04-11 09:00")
    assert prepared.series[morning] == visits[morning] + 3
    assert any("다음 근무시간에 더했습니다" in note for note in prepared.notes)


def test_the_working_day_option_closes_weekends_a_daily_series_has():
    days = pd.date_range("2024-01-01", "2024-05-31", freq="D")
    values = np.where(days.day_of_week >= 5, 5.0, 40.0)
    auto = prepare_series(list(days), values.tolist())
    assert auto.freq == "D"
    forced = forecast(list(days), values.tolist(), 4, workdays=True)
    assert forced.freq == "B"
    assert list(forced.table["날짜"]) == list(
        pd.DatetimeIndex(["2024-06-03", "2024-06-04", "2024-06-05", "2024-06-07"])
    )  # 6 June is 현충일


def test_the_working_day_option_can_be_turned_off():
    visits = _counter("2024-03-04", "2024-06-14").groupby(lambda s: s.normalize()).sum()
    assert prepare_series(list(visits.index), visits.tolist()).freq == "B"
    assert prepare_series(list(visits.index), visits.tolist(), workdays=False).freq == "D"


def test_cli_workdays_option(tmp_path):
    days = pd.date_range("2024-01-01", "2024-05-31", freq="D")
    values = np.where(days.day_of_week >= 5, 5.0, 40.0)
    path = tmp_path / "민원.csv"
    pd.DataFrame({"일자": days.strftime("%Y-%m-%d"), "건수": values}).to_csv(path, index=False)
    out = tmp_path / "예측.csv"
    result = dadeum("forecast", path, "--date", "일자", "--value", "건수", "--horizon", 3,
                    "--kind", "complaints", "--workdays", "--out", out)  # fmt: skip
    assert result.returncode == 0, result.stderr
    dates = pd.read_csv(out)["날짜"].tolist()
    assert dates == ["2024-06-03", "2024-06-04", "2024-06-05"]
    assert "근무일" in result.stdout
    plain = dadeum("forecast", path, "--date", "일자", "--value", "건수", "--horizon", 3,
                   "--kind", "complaints", "--out", tmp_path / "매일.csv")  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    assert pd.read_csv(tmp_path / "매일.csv")["날짜"].tolist()[0] == "2024-06-01"


def test_count_by_period_per_office_hour_follows_the_forecast_calendar():
    records = ["2025-01-24 09:15", "2025-01-24 09:50", "2025-01-24 17:59", "2025-01-24 18:30",
               "2025-01-25 11:00", "2025-01-31 10:05"]  # fmt: skip
    table = count_by_period(records, "workhour")
    stamps = pd.DatetimeIndex(table["날짜"])
    # Fri 24 Jan 09–17, then 설 연휴 (27–30 Jan) and the weekend are skipped: Fri 31 Jan
    assert stamps[0] == pd.Timestamp("2025-01-24 09:00")
    assert stamps[9] == pd.Timestamp("2025-01-31 09:00")
    assert len(stamps) == 9 + 2
    counts = dict(zip(stamps, table["건수"], strict=True))
    assert counts[pd.Timestamp("2025-01-24 09:00")] == 2
    assert counts[pd.Timestamp("2025-01-24 17:00")] == 1
    # after hours on Friday and on Saturday: counted when the counter opens again
    assert counts[pd.Timestamp("2025-01-31 09:00")] == 2
    assert counts[pd.Timestamp("2025-01-31 10:00")] == 1


def test_the_working_day_option_closes_holidays_an_office_hours_series_has():
    # Open on weekday public holidays (삼일절 Fri 1 Mar, 선거일 Wed 10 Apr 2024): detected as
    # weekdays only; the option closes those holidays too (현충일 Thu 6 Jun is skipped).
    days = pd.date_range("2024-02-01", "2024-06-04", freq="D")
    days = days[days.day_of_week < 5]
    stamps = pd.DatetimeIndex([d + pd.Timedelta(hours=h) for d in days for h in range(9, 18)])
    values = (10 + 5 * (stamps.hour == 11)).astype(float)
    values = values + np.random.default_rng(1).normal(0, 1, len(values))
    auto = forecast(list(stamps), values.tolist(), 18)
    assert sorted(set(pd.DatetimeIndex(auto.table["날짜"]).day)) == [5, 6]
    assert "평일 09~18시" in auto.explanation
    forced = forecast(list(stamps), values.tolist(), 18, workdays=True)
    assert sorted(set(pd.DatetimeIndex(forced.table["날짜"]).day)) == [5, 7]
    assert "주말·공휴일" in forced.explanation


def test_the_speed_benchmark_has_an_office_hours_case():
    from benchmarks.bench_forecast import speed_cases

    office = {name: series for name, series, _ in speed_cases()}["1년 근무시간"]
    assert prepare_series(list(office.index), office.tolist()).freq == "BH"


def test_ribbon_forecast_sheet_forecasts_one_office_week():
    import asyncio

    import custom_scripts
    import xlwings as xw
    import xlwings.server

    from tests.conftest import book_json

    visits = _counter("2024-03-04", "2024-05-31")
    values = [["접수 시각", "건수"]] + [
        [stamp.strftime("%Y-%m-%d %H:%M"), int(n)] for stamp, n in visits.items()
    ]
    payload = book_json({"창구": values}, selection=f"A1:B{len(values)}")
    book = xw.Book(json=payload)
    response = asyncio.run(xlwings.server.custom_scripts_call(
        custom_scripts, "forecast_sheet", typehint_to_value={xw.Book: book}))  # fmt: skip
    writes = [a for a in response.json()["actions"] if a["func"] == "setValues"]
    table = max((a["values"] for a in writes), key=len)
    forecast_rows = [row for row in table[1:] if row[2] not in (None, "")]
    assert len(forecast_rows) == 45  # five office days of 09–18
    assert "근무시간" in str([a["values"] for a in writes])
