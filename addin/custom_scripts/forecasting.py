"""Ribbon script of the 예측 group: 예측 시트 (the source never changes).

From the two selected columns (dates on the left, values on the right, a header row allowed)
it writes a new sheet "<source>_예측": a title and the Korean explanation, the history and
the forecast with its interval in one table, the backtest table beside it, and the chart as
a picture (xlwings Server sends the PNG to Office.js as an addPicture action).
"""

import pandas as pd
import xlwings as xw

from custom_scripts._book import POINTS_PER_CHARACTER, add_result_sheet, display_width, find_table
from dadeum.engine.columns import DATE_FORMAT, DATE_TIME_FORMAT
from dadeum.errors import DadeumError
from dadeum.reports.forecast import (
    ACCURACY_NOTES,
    KIND_LABELS,
    explanation_lines,
    guess_kind,
    select_columns,
    spike_note,
)

__all__ = ["forecast_sheet"]

# The periods to forecast, by detected frequency: four weeks of days, a week of hours,
# a quarter of weeks, a year of months (office hours: a week of them, see _forecast).
# Working days and office hours are detected from the data (no weekend rows, rows only in
# office hours): the button's working-day option is the data itself.
DEFAULT_HORIZON = {"h": 168, "D": 28, "W": 13, "MS": 12, "B": 20}
NUMBER_FORMAT = "#,##0.0"
COUNT_FORMAT = "#,##0"  # counts and whole-number series: 13, not 13.0
# Accuracy headers with their units, as the notes under the table explain them.
ACCURACY_HEADERS = {"sMAPE": "sMAPE(%)", "구간 적중률": "구간 적중률(%)"}
TABLE_COLUMNS = ["날짜", "실적", "예측", "하한", "상한"]
ACCURACY_GAP = 1  # empty columns between the data table and the accuracy table


def _forecast(selection, kind):
    """Forecast with the default horizon for the data's frequency."""
    from dadeum.engine.forecast import forecast_series, office_week, prepare_series

    # Prepared once: the frequency decides the horizon, and the same series is forecast.
    prepared = prepare_series(selection.dates, selection.values, kind=kind)
    if prepared.freq == "BH":
        horizon = office_week(prepared.series.index)
    else:
        horizon = DEFAULT_HORIZON.get(prepared.freq, 28)
    return forecast_series(prepared, horizon, kind=kind)


def _history(result) -> pd.Series:
    history = getattr(result, "history", None)
    return getattr(history, "series", history)


def _data_rows(result) -> list[list]:
    """History then forecast: 날짜, 실적, 예측, 하한, 상한 (blank where not applicable)."""
    rows = [[stamp.to_pydatetime(), float(value), None, None, None]
            for stamp, value in _history(result).items()]  # fmt: skip
    for record in result.table.itertuples(index=False):
        date, mean, lower, upper = record[:4]
        rows.append([pd.Timestamp(date).to_pydatetime(), None, float(mean), float(lower),
                     float(upper)])  # fmt: skip
    return rows


@xw.script
def forecast_sheet(book: xw.Book):
    """선택한 두 열(왼쪽 날짜, 오른쪽 값, 머리글 한 줄 가능)로 공휴일·설날·추석을 아는 예측을
    만들어, 실적·예측·예측 구간·정확도 표·설명·그래프를 새 시트에 씁니다."""
    from dadeum.reports.forecast import report_frames
    from dadeum.reports.plots import chosen_label, forecast_figure

    source = find_table(book, "rows")
    try:
        rows = source.rows
        selection = select_columns(rows, 0, 1)
        kind, reason = guess_kind(selection.values, selection.value_name)
        result = _forecast(selection, kind)
    except DadeumError as error:
        raise xw.XlwingsError(str(error)) from error
    frames = report_frames(result, reason)

    sheet = add_result_sheet(book, f"{source.name}_예측")
    label = KIND_LABELS[kind]
    title = f"{selection.value_name} 예측 ({label}) — 선택한 모델: {chosen_label(result)}"
    lines = explanation_lines(result, reason)
    note = spike_note(result)
    if note:
        lines.append(note)
    top = [[title], *[[line] for line in lines]]
    sheet["A1"].value = top

    header_row = len(top) + 2
    data = _data_rows(result)
    last_row = header_row + len(data)
    hourly = getattr(result, "freq", "D") in ("h", "BH")
    sheet.range((header_row + 1, 1), (last_row, 1)).number_format = (
        DATE_TIME_FORMAT if hourly else DATE_FORMAT
    )
    whole = kind == "counts" or all(float(v).is_integer() for v in _history(result))
    sheet.range((header_row + 1, 2), (last_row, 5)).number_format = (
        COUNT_FORMAT if whole else NUMBER_FORMAT
    )
    sheet.range((header_row, 1)).value = [TABLE_COLUMNS, *data]

    accuracy = frames["정확도"]
    left = len(TABLE_COLUMNS) + ACCURACY_GAP + 1
    values = accuracy.astype(object).where(accuracy.notna(), None).to_numpy().tolist()
    headers = [ACCURACY_HEADERS.get(column, column) for column in accuracy.columns]
    sheet.range((header_row, left)).value = [headers, *values]
    # What each measure means, under the table (one line each, spilling to the right).
    sheet.range((header_row + len(values) + 2, left)).value = [[n] for n in ACCURACY_NOTES]
    _widths(sheet, [TABLE_COLUMNS, *data[:50]], 1)
    _widths(sheet, [headers, *values], left)
    sheet.range((header_row, 1), (header_row, left + len(headers) - 1)).font.bold = True

    figure = forecast_figure(result, title=f"{selection.value_name} 예측 ({label})",
                             unit=selection.value_name)  # fmt: skip
    anchor = sheet.range((header_row + len(accuracy) + len(ACCURACY_NOTES) + 3, left))
    sheet.pictures.add(figure, name="예측 그래프", anchor=anchor, export_options={"dpi": 110})
    sheet.activate()


def _widths(sheet, rows: list[list], first: int) -> None:
    """Column widths from the content: dates and numbers fit, model names readable."""
    on_server = isinstance(sheet.api, dict)
    for offset in range(max(len(row) for row in rows)):
        chars = min(
            max(display_width(_shown(row[offset])) for row in rows if offset < len(row)), 40
        )
        chars = max(chars + 2, 8)
        width = chars * POINTS_PER_CHARACTER if on_server else chars
        sheet.range((1, first + offset)).column_width = width


def _shown(value):
    """A cell as it shows: dates as yyyy-mm-dd (hh:mm), numbers with one decimal."""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M" if getattr(value, "hour", 0) else "%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:,.1f}"
    return value
