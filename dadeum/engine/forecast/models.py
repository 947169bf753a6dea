"""Forecasting models, all with one small interface.

``Model(season=…, counts=…, horizon=…)`` only stores its options; ``fit(y, calendar=None)``
learns from a regular series ``y`` (a float Series with a DatetimeIndex that has a freq) and
returns the model; ``predict(h, level=0.95)`` returns ``{"mean", "lower", "upper"}``, three
float arrays of length ``h``. ``calendar`` is a ``korean_calendar`` frame that covers the
history and may cover the future too (the driver computes it once); models that need
calendar features for dates it does not cover compute them.

The intervals a model gives on its own are rough (in-sample residual spread); the driver
replaces them with intervals calibrated on the backtest errors. With ``counts=True`` nothing
returned is below zero.

- ``SeasonalNaive``: the last season repeated (the yardstick every other model must beat).
- ``ETS``: additive Holt-Winters (statsmodels ``ExponentialSmoothing``, damped additive trend,
  additive season) — the family of Excel's FORECAST.ETS (AAA). Fitted on winsorised values,
  so a holiday dip or a one-off spike does not drag the level and the season along.
- ``MSTLModel``: hourly data only; statsmodels ``MSTL`` with daily (24) and weekly (168)
  cycles; each cycle's last round is repeated and the seasonally adjusted rest is forecast
  with a damped Holt model.
- ``CalendarRegression``: scikit-learn ``HistGradientBoostingRegressor`` (Poisson loss for
  counts, squared error otherwise) on Korean calendar features (holidays, 설날/추석 windows,
  the day after a long break, bridge days, weekday, hour) plus the value one or more whole
  seasons before the forecast origin and that season's mean.
- ``Croston``: the Syntetos–Boylan approximation (SBA) of Croston's method for intermittent
  counts (mostly zeros).
"""

import math
import warnings

import numpy as np
import pandas as pd
from scipy.stats import norm
from threadpoolctl import threadpool_limits

from dadeum.engine.forecast.calendar import korean_calendar

__all__ = [
    "ETS",
    "CalendarRegression",
    "Croston",
    "MSTLModel",
    "Model",
    "SeasonalNaive",
    "future_index",
    "season_length",
]

SEASONS = {"h": 24, "D": 7, "W": 52, "MS": 12, "B": 5}


def freq_code(index: pd.DatetimeIndex) -> str:
    """ "h", "D", "W", "MS" or "B" (working days) for a regular index."""
    code = index.freqstr or "D"
    if code in ("B", "C"):
        return "B"
    if code.startswith("W"):
        return "W"
    if code.endswith("MS"):
        return "MS"
    return "h" if code.lower().endswith("h") else "D"


def season_length(freq: str, n: int) -> int:
    """The main season for ``freq``, or 1 when the history holds fewer than two seasons."""
    m = SEASONS[freq]
    return m if n >= 2 * m else 1


def future_index(index: pd.DatetimeIndex, h: int) -> pd.DatetimeIndex:
    """The ``h`` timestamps after a regular index."""
    return pd.date_range(index[-1], periods=h + 1, freq=index.freq)[1:]


def winsorise(values: np.ndarray, m: int, k: float = 4.0) -> np.ndarray:
    """Values pulled in to a rolling median ± ``k`` robust standard deviations."""
    window = max(2 * m + 1, 5)
    median = pd.Series(values).rolling(window, center=True, min_periods=1).median().to_numpy()
    resid = values - median
    scale = 1.4826 * np.median(np.abs(resid - np.median(resid)))
    if not np.isfinite(scale) or scale <= 0:
        return values
    return median + np.clip(resid, -k * scale, k * scale)


class Model:
    """The shared interface; subclasses implement ``_fit`` and ``_mean``."""

    name = "Model"
    label = "모델"

    def __init__(self, *, season: int = 7, counts: bool = False, horizon: int | None = None):
        self.season = season
        self.counts = counts
        self.horizon = horizon

    def fit(self, y: pd.Series, calendar: pd.DataFrame | None = None) -> "Model":
        y = pd.Series(np.asarray(y, dtype=float), index=y.index)
        if y.isna().any():
            raise ValueError("y has missing values; prepare the series first")
        self.y_ = y
        self.calendar_ = calendar
        self._fit(y)
        self.sigma_ = self._sigma(y)
        return self

    def predict(self, h: int, level: float = 0.95) -> dict[str, np.ndarray]:
        mean = np.asarray(self._mean(int(h)), dtype=float)
        z = norm.ppf(0.5 + level / 2)
        steps = np.arange(1, h + 1)
        width = z * self.sigma_ * np.sqrt(1 + (steps - 1) / max(self.season, 1))
        out = {"mean": mean, "lower": mean - width, "upper": mean + width}
        if self.counts:
            out = {key: np.clip(value, 0, None) for key, value in out.items()}
        return out

    # ----------------------------------------------------------------------------------------
    def _fit(self, y: pd.Series) -> None:
        raise NotImplementedError

    def _mean(self, h: int) -> np.ndarray:
        raise NotImplementedError

    def _sigma(self, y: pd.Series) -> float:
        values = y.to_numpy()
        m = self.season if len(values) > self.season else 1
        diffs = values[m:] - values[:-m] if len(values) > m else np.zeros(1)
        return float(np.std(diffs)) if len(diffs) else 0.0

    def _calendar(self, index: pd.DatetimeIndex) -> pd.DataFrame:
        cal = self.calendar_
        if cal is not None and index.isin(cal.index).all():
            return cal.loc[index]
        return korean_calendar(index, freq_code(self.y_.index))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(season={self.season}, counts={self.counts})"


class SeasonalNaive(Model):
    """The last full season repeated: next Monday = last Monday."""

    name = "SeasonalNaive"
    label = "계절 단순 예측"

    def _fit(self, y: pd.Series) -> None:
        m = min(self.season, len(y))
        self.last_ = y.to_numpy()[-m:]

    def _mean(self, h: int) -> np.ndarray:
        return np.resize(self.last_, h)


class ETS(Model):
    """Additive Holt-Winters (damped trend, additive season) on winsorised values."""

    name = "ETS"
    label = "지수평활(ETS)"

    def __init__(self, *, damped: bool = True, max_history: int | None = None, **options):
        super().__init__(**options)
        self.damped = damped
        self.max_history = max_history

    def _fit(self, y: pd.Series) -> None:
        from statsmodels.tsa.holtwinters import ExponentialSmoothing

        values = y.to_numpy()
        if self.max_history and len(values) > self.max_history:
            values = values[-self.max_history :]
        values = winsorise(values, self.season)
        seasonal = "add" if self.season > 1 and len(values) >= 2 * self.season else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = ExponentialSmoothing(
                values,
                trend="add",
                damped_trend=self.damped,
                seasonal=seasonal,
                seasonal_periods=self.season if seasonal else None,
                initialization_method="heuristic"
                if len(values) >= 10 + 2 * self.season
                else "estimated",
            )
            self.result_ = model.fit(use_brute=False)
        self.resid_ = values - self.result_.fittedvalues

    def _mean(self, h: int) -> np.ndarray:
        return np.asarray(self.result_.forecast(h), dtype=float)

    def _sigma(self, y: pd.Series) -> float:
        return float(np.std(self.resid_))


class MSTLModel(Model):
    """MSTL with daily and weekly cycles for hourly data, the rest by damped Holt."""

    name = "MSTL"
    label = "다중 계절 분해(MSTL)"

    def __init__(self, *, periods: tuple[int, ...] = (24, 168), max_history: int = 2016,
                 **options):  # fmt: skip
        super().__init__(**options)
        self.periods = periods
        self.max_history = max_history

    def _fit(self, y: pd.Series) -> None:
        from statsmodels.tsa.holtwinters import ExponentialSmoothing
        from statsmodels.tsa.seasonal import MSTL

        values = y.to_numpy()[-self.max_history :]
        periods = tuple(p for p in self.periods if len(values) >= 2 * p)
        if not periods:
            raise ValueError("MSTL needs two full cycles")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = MSTL(values, periods=periods, iterate=1).fit()
        seasonal = np.asarray(result.seasonal).reshape(len(values), -1)
        self.cycles_ = [seasonal[-p:, i] for i, p in enumerate(periods)]
        adjusted = values - seasonal.sum(axis=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.rest_ = ExponentialSmoothing(
                adjusted[-min(len(adjusted), 4 * max(periods)) :],
                trend="add",
                damped_trend=True,
                initialization_method="estimated",
            ).fit(use_brute=False)
        fitted = self.rest_.fittedvalues
        self.resid_ = adjusted[-len(fitted) :] - fitted

    def _mean(self, h: int) -> np.ndarray:
        mean = np.asarray(self.rest_.forecast(h), dtype=float)
        for cycle in self.cycles_:
            mean = mean + np.resize(cycle, h)
        return mean

    def _sigma(self, y: pd.Series) -> float:
        return float(np.std(self.resid_))


# Calendar columns the regression uses, by frequency.
_FEATURES = {
    "D": ["weekday", "weekend", "holiday", "substitute", "seollal", "chuseok",
          "myeongjeol_dist", "working_day", "break_before", "after_break", "after_long_break",
          "bridge_day", "month", "day"],
    "h": ["hour", "weekday", "weekend", "holiday", "seollal", "chuseok", "myeongjeol_dist",
          "working_day", "after_long_break", "bridge_day", "month"],
    "W": ["holidays", "working_days", "seollal", "chuseok", "week", "month"],
    "MS": ["holidays", "working_days", "seollal", "chuseok", "month", "days"],
}  # fmt: skip
_FEATURES["B"] = _FEATURES["D"]
_LAG_SEASON = {"h": 168, "D": 7, "W": 52, "MS": 12, "B": 5}


class CalendarRegression(Model):
    """Gradient boosting on Korean calendar features and a value whole seasons back."""

    name = "CalendarRegression"
    label = "달력 회귀(공휴일·명절)"

    def __init__(self, *, max_iter: int = 120, **options):
        super().__init__(**options)
        self.max_iter = max_iter

    def _fit(self, y: pd.Series) -> None:
        self.freq_ = freq_code(y.index)
        self._train(y, self.horizon or 1)

    def _train(self, y: pd.Series, h: int) -> None:
        from sklearn.ensemble import HistGradientBoostingRegressor

        base = _LAG_SEASON[self.freq_]
        if len(y) < 3 * base and self.freq_ == "h":
            base = 24
        lag = base * math.ceil(h / base)
        self.base_ = base
        self.lag_ = lag if len(y) >= lag + base + 2 * base else None
        features = self._features(y.index, y)
        values = y.to_numpy()
        rows = slice(self.lag_ + base - 1, None) if self.lag_ else slice(None)
        x, target = features[rows], values[rows]
        loss = (
            "poisson"
            if self.counts and (values >= 0).all() and values.sum() > 0
            else ("squared_error")
        )
        model = HistGradientBoostingRegressor(
            loss=loss,
            max_iter=self.max_iter,
            learning_rate=0.1,
            max_leaf_nodes=15,
            min_samples_leaf=max(5, min(20, len(target) // 20)),
            l2_regularization=1.0,
            early_stopping=False,
            random_state=0,
        )
        with threadpool_limits(limits=1, user_api="openmp"):  # see driver.forecast_series
            self.model_ = model.fit(x, target)
            fitted = self.model_.predict(x)
        self.trained_for_ = h
        self.resid_ = target - fitted

    def _features(self, index: pd.DatetimeIndex, y: pd.Series) -> np.ndarray:
        cal = self._calendar(index)
        columns = [cal[name].to_numpy(dtype=float) for name in _FEATURES[self.freq_]]
        start = self.y_.index[0]
        steps = (index - start) / (self.y_.index[1] - start) if len(self.y_) > 1 else index * 0
        columns.append(np.asarray(steps, dtype=float))
        if self.lag_:
            union = index.union(self.y_.index)
            known = self.y_.reindex(union).to_numpy()
            source = union.get_indexer(index) - self.lag_
            total = np.r_[0.0, np.cumsum(np.nan_to_num(known))]
            first = source - self.base_ + 1
            lagged = np.where(source >= 0, known[np.clip(source, 0, None)], np.nan)
            level = np.where(
                first >= 0,
                (total[np.clip(source, 0, None) + 1] - total[np.clip(first, 0, None)]) / self.base_,
                np.nan,
            )
            columns += [lagged, level]
        return np.column_stack(columns)

    def _mean(self, h: int) -> np.ndarray:
        if h > self.trained_for_ and self.lag_ is not None:
            self._train(self.y_, h)
        index = future_index(self.y_.index, h)
        with threadpool_limits(limits=1, user_api="openmp"):
            return self.model_.predict(self._features(index, self.y_))

    def _sigma(self, y: pd.Series) -> float:
        return float(np.std(self.resid_))


class Croston(Model):
    """Croston's method with the Syntetos–Boylan correction, for intermittent counts."""

    name = "Croston"
    label = "간헐 수요(Croston SBA)"

    def __init__(self, *, alpha: float = 0.1, **options):
        super().__init__(**options)
        self.alpha = alpha

    def _fit(self, y: pd.Series) -> None:
        values = y.to_numpy()
        demand = np.flatnonzero(values > 0)
        if len(demand) == 0:
            self.rate_ = 0.0
            return
        sizes = values[demand]
        intervals = np.diff(np.r_[-1, demand]).astype(float)
        z, p = sizes[0], intervals[0]
        for size, gap in zip(sizes[1:], intervals[1:], strict=True):
            z += self.alpha * (size - z)
            p += self.alpha * (gap - p)
        self.rate_ = float((1 - self.alpha / 2) * z / p)

    def _mean(self, h: int) -> np.ndarray:
        return np.full(h, self.rate_)

    def _sigma(self, y: pd.Series) -> float:
        return float(np.std(y.to_numpy() - self.rate_))
