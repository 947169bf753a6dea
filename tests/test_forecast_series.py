"""prepare_series, korean_calendar and count_by_period."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dadeum.engine.forecast import count_by_period, holiday_names, korean_calendar, prepare_series
from dadeum.errors import InvalidArgumentError
from dadeum.samples.series import complaint_records, daily_complaints, hourly_traffic

EXCEL_ORIGIN = pd.Timestamp("1899-12-30")


def serial(text):
    return float((pd.Timestamp(text) - EXCEL_ORIGIN) / pd.Timedelta(days=1))


def test_daily_series_sorted_duplicates_summed_gaps_interpolated():
    dates = ["2024-03-04", "2024-03-01", "2024-03-02", "2024-03-02", "2024-03-05"]
    prepared = prepare_series(dates, [40, 10, 5, 15, 50])
    assert prepared.freq == "D"
    assert prepared.series.index.freqstr == "D"
    assert prepared.series.tolist() == [10.0, 20.0, 30.0, 40.0, 50.0]  # 3일 interpolated
    assert prepared.filled.tolist() == [False, False, True, False, False]
    text = " ".join(prepared.notes)
    assert "정렬" in text and "1곳의 값 2개를 시점마다 더했습니다" in text and "선형 보간" in text


def test_count_gaps_are_zero():
    prepared = prepare_series(["2024-03-01", "2024-03-04"], [3, 4], kind="complaints")
    assert prepared.series.tolist() == [3.0, 0.0, 0.0, 4.0]
    assert any("0건으로 채웠습니다" in note for note in prepared.notes)


def test_excel_serial_numbers_and_strings_mix():
    prepared = prepare_series([serial("2024-01-01"), "2024-01-02", dt.date(2024, 1, 3)], [1, 2, 3])
    assert prepared.series.index[0] == pd.Timestamp("2024-01-01")
    assert len(prepared.series) == 3 and prepared.freq == "D"


def test_hourly_from_serials_with_fractions_and_minutes():
    base = serial("2024-05-01")
    dates = [base + i / 24 for i in range(48)] + [base + 10 / 24 + 0.5 / 24]  # 10:30
    prepared = prepare_series(dates, [1.0] * 49)
    assert prepared.freq == "h"
    assert prepared.series.loc["2024-05-01 10:00"] == 2.0
    assert any("정각" in note for note in prepared.notes)


def test_weekly_and_monthly_detection():
    weeks = pd.date_range("2024-01-03", periods=20, freq="W-WED")
    prepared = prepare_series(weeks, range(20))
    assert prepared.freq == "W" and prepared.series.index.freqstr == "W-WED"
    months = pd.date_range("2022-01-31", periods=24, freq="ME")  # month ends
    prepared = prepare_series(months, range(24))
    assert prepared.freq == "MS" and prepared.series.index[0] == pd.Timestamp("2022-01-01")


def test_records_without_values_are_counted():
    records = complaint_records(days=30)
    prepared = prepare_series(records.tolist())
    expected = daily_complaints("2024-01-01", 30)
    expected = expected.loc[expected.index <= prepared.series.index[-1]]
    expected = expected.loc[expected.index >= prepared.series.index[0]]
    # The register has no rows on weekends and holidays: those days are closed, not 0.
    assert prepared.freq == "B"
    expected = expected.loc[korean_calendar(expected.index)["working_day"].to_numpy(bool)]
    np.testing.assert_array_equal(prepared.series.to_numpy(), expected.to_numpy())


def test_unreadable_dates_and_values_name_the_row():
    with pytest.raises(InvalidArgumentError, match="날짜로 읽을 수 없는 값이 1개"):
        prepare_series(["2024-01-01", "어제"], [1, 2])
    with pytest.raises(InvalidArgumentError, match="숫자로 읽을 수 없는"):
        prepare_series(["2024-01-01", "2024-01-02"], [1, "많음"])
    with pytest.raises(InvalidArgumentError, match="개수가 다릅니다"):
        prepare_series(["2024-01-01"], [1, 2])


def test_blank_dates_are_dropped():
    prepared = prepare_series(["2024-01-01", None, "2024-01-02", ""], [1, None, 2, None])
    assert prepared.series.tolist() == [1.0, 2.0]


def test_seollal_2024_with_substitute_holiday():
    cal = korean_calendar(pd.date_range("2024-02-08", "2024-02-14"), "D")
    seollal = cal.index[cal["seollal"]].strftime("%m-%d").tolist()
    assert seollal == ["02-09", "02-10", "02-11", "02-12"]
    assert cal.loc["2024-02-12", "substitute"]
    assert not cal.loc["2024-02-12", "working_day"]
    assert cal.loc["2024-02-13", "after_long_break"]  # first working day after 4 days off
    assert cal.loc["2024-02-13", "break_before"] == 4
    assert cal.loc["2024-02-08", "myeongjeol_dist"] == -1


def test_chuseok_2025_and_hangul_day_bridge():
    names = holiday_names("2025-10-01", "2025-10-31")
    chuseok = [d.strftime("%m-%d") for d, n in names.items() if "추석" in n]
    assert chuseok == ["10-05", "10-06", "10-07", "10-08"]
    cal = korean_calendar(pd.date_range("2025-10-01", "2025-10-13"), "D")
    assert cal.loc["2025-10-10", "working_day"]  # Friday between 한글날 and the weekend
    assert cal.loc["2025-10-10", "bridge_day"]
    assert cal.loc["2025-10-02", "working_day"] and not cal.loc["2025-10-03", "working_day"]


def test_hourly_and_monthly_calendars():
    hours = pd.date_range("2024-02-09 22:00", periods=4, freq="h")
    cal = korean_calendar(hours, "h")
    assert cal["hour"].tolist() == [22, 23, 0, 1] and cal["seollal"].all()
    months = korean_calendar(pd.date_range("2024-01-01", periods=12, freq="MS"), "MS")
    assert months.loc["2024-02-01", "seollal"] == 4
    assert months.loc["2024-09-01", "chuseok"] == 3
    assert months.loc["2024-07-01", "holidays"] == 0


def test_count_by_period_zero_fills_days_weeks_months():
    dates = ["2024-01-01 09:10", "2024-01-01 10:00", "2024-01-03", serial("2024-01-16")]
    days = count_by_period(dates, "day")
    assert list(days.columns) == ["날짜", "건수"]
    assert days["건수"].tolist()[:4] == [2, 0, 1, 0] and len(days) == 16
    weeks = count_by_period(dates, "week")
    assert weeks["날짜"].dt.day_of_week.eq(0).all()
    assert weeks["건수"].tolist() == [3, 0, 1]
    months = count_by_period(["2024-01-05", "2024-03-09"], "월")
    assert months["건수"].tolist() == [1, 0, 1]
    with pytest.raises(InvalidArgumentError, match="period"):
        count_by_period(dates, "year")


def test_hourly_generator_has_a_daily_cycle():
    y = hourly_traffic(days=14)
    by_hour = y.groupby(y.index.hour).mean()
    assert by_hour.idxmax() in (7, 8, 17, 18, 12, 13)
    assert by_hour.min() < by_hour.max() / 3
