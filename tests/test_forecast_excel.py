"""FORECAST_TRAFFIC, FORECAST_COMPLAINTS, FORECAST_ACCURACY, COUNT_BY_PERIOD through xlwings."""

import asyncio

import custom_functions
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server

from dadeum.samples.series import (
    complaint_records,
    daily_complaints,
    daily_traffic,
    hourly_traffic,
)
from tests.conftest import office_js_call

EXCEL_ORIGIN = pd.Timestamp("1899-12-30")


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


def serials(index):
    """Dates as Office.js sends them: Excel serial numbers, one per row."""
    return [[float((stamp - EXCEL_ORIGIN) / pd.Timedelta(days=1))] for stamp in index]


def column(values):
    return [[float(v)] for v in values]


def test_forecast_traffic_spills_header_and_one_row_per_day():
    series = daily_traffic(days=120)
    result = call("forecast_traffic", serials(series.index), column(series), [[14]])
    assert result[0] == ["날짜", "예측", "하한", "상한"]
    assert len(result) == 1 + 14


def test_forecast_traffic_errors_become_value_errors_with_the_korean_reason():
    series = daily_traffic(days=10)
    with pytest.raises(xw.XlwingsError, match="최소 2주"):
        call("forecast_traffic", serials(series.index), column(series), [[7]])
    with pytest.raises(xw.XlwingsError, match="한 열"):
        call("forecast_traffic", [[1, 2], [3, 4]], [[1], [2]], [[7]])
    with pytest.raises(xw.XlwingsError, match="크기가 다릅니다"):
        call("forecast_traffic", [[45000], [45001]], [[1]], [[7]])


def test_forecast_complaints_with_blank_trailing_rows_and_a_level():
    series = daily_complaints(days=200)
    dates = [*serials(series.index), [""], [""]]
    values = [*column(series), [""], [""]]
    result = call("forecast_complaints", dates, values, [[7]], [[0.8]])
    assert result[0] == ["날짜", "예측", "하한", "상한"]
    assert len(result) == 8
    assert all(row[1] >= 0 and row[2] >= 0 for row in result[1:])
    first = result[1][0]
    assert first["basicValue"] == serials([series.index[-1] + pd.Timedelta(days=1)])[0][0]


def test_forecast_accuracy_spills_the_backtest_table():
    series = daily_complaints(days=200)
    result = call("forecast_accuracy", serials(series.index), column(series), [[14]],
                  [["complaints"]])  # fmt: skip
    assert result[0] == ["모델", "MASE", "sMAPE", "구간 적중률", "선택"]
    assert sum(row[4] == "선택" for row in result[1:]) == 1


def test_count_by_period_counts_records_per_week():
    records = complaint_records(days=28)
    cells = [[stamp.strftime("%Y-%m-%d %H:%M")] for stamp in records]
    result = call("count_by_period", cells, [["week"]])
    assert result[0] == ["날짜", "건수"]
    assert sum(row[1] for row in result[1:]) == len(records)
    with pytest.raises(xw.XlwingsError, match="period"):
        call("count_by_period", cells, [["quarter"]])


def test_hourly_forecast_keeps_the_hour_in_the_date_value():
    series = hourly_traffic(days=21)
    result = call("forecast_traffic", serials(series.index), column(series), [[3]])
    stamps = [row[0]["basicValue"] for row in result[1:]]
    last = serials([series.index[-1]])[0][0]
    assert stamps == pytest.approx([last + k / 24 for k in (1, 2, 3)])


def test_forecast_complaints_on_a_working_day_register_skips_closed_days():
    # A 접수 대장 counted per working day, then forecast: every date is a weekday.
    records = complaint_records(days=37)
    cells = [[stamp.strftime("%Y-%m-%d %H:%M")] for stamp in records]
    counts = call("count_by_period", cells, [["workday"]])
    assert counts[0] == ["날짜", "건수"]
    days = counts[1:]
    assert sum(row[1] for row in days) == len(records)
    result = call("forecast_complaints", [[row[0]] for row in days], [[row[1]] for row in days],
                  [[5]])  # fmt: skip
    stamps = pd.to_datetime([row[0]["basicValue"] for row in result[1:]], unit="D",
                            origin="1899-12-30")  # fmt: skip
    assert (stamps.day_of_week < 5).all()
