"""Forecasting traffic volumes and 민원 counts with the Korean calendar.

Public surface (engine only: pandas, numpy, statsmodels, scikit-learn, holidays):

- ``prepare_series(dates, values=None, *, kind)`` → ``PreparedSeries`` (series, freq, notes)
- ``korean_calendar(index, freq=None)`` → calendar features (holidays, 설날/추석, working days)
- ``forecast(dates, values, horizon, *, kind, level)`` → ``ForecastResult``
- ``forecast_accuracy(dates, values, horizon=None, *, kind)`` → the backtest table
- ``count_by_period(dates, period="day")`` → 날짜, 건수 (zero-filled)
- ``MODELS``: the model classes, one interface (``fit(y, calendar)``, ``predict(h, level)``)
"""

from dadeum.engine.forecast.calendar import holiday_names, korean_calendar
from dadeum.engine.forecast.driver import (
    ForecastResult,
    forecast,
    forecast_accuracy,
    forecast_series,
)
from dadeum.engine.forecast.models import (
    ETS,
    CalendarRegression,
    Croston,
    HolidayEffects,
    Model,
    MSTLModel,
    SeasonalNaive,
    office_day,
    office_week,
)
from dadeum.engine.forecast.series import PreparedSeries, count_by_period, prepare_series

MODELS = (SeasonalNaive, ETS, MSTLModel, CalendarRegression, HolidayEffects, Croston)

__all__ = [
    "ETS",
    "MODELS",
    "CalendarRegression",
    "Croston",
    "ForecastResult",
    "HolidayEffects",
    "MSTLModel",
    "Model",
    "PreparedSeries",
    "SeasonalNaive",
    "count_by_period",
    "forecast",
    "forecast_accuracy",
    "forecast_series",
    "holiday_names",
    "korean_calendar",
    "office_day",
    "office_week",
    "prepare_series",
]
