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
- ``HolidayEffects``: any base model (ETS or seasonal naive) fitted on history whose holiday
  days (and one-off spikes) are replaced by the same weekday of the weeks around, times
  holiday effects learnt pooled by day type (명절 days, other holidays, the first working day
  after a long break, bridge days, the days before and after 명절), so one or two 설날/추석
  of history are enough.
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
    "HolidayEffects",
    "MSTLModel",
    "Model",
    "SeasonalNaive",
    "future_index",
    "office_day",
    "office_week",
    "recent_shift",
    "season_length",
    "season_reference",
]

SEASONS = {"h": 24, "D": 7, "W": 52, "MS": 12, "B": 5, "BH": 9}


def freq_code(index: pd.DatetimeIndex) -> str:
    """ "h", "D", "W", "MS", "B" (working days) or "BH" (office hours) for a regular index."""
    code = index.freqstr or "D"
    if code in ("B", "C"):
        return "B"
    if code.lower() in ("bh", "cbh"):
        return "BH"
    if code.startswith("W"):
        return "W"
    if code.endswith("MS"):
        return "MS"
    return "h" if code.lower().endswith("h") else "D"


def office_day(index: pd.DatetimeIndex) -> int:
    """Office hours in one day of an office-hours index (9 for 09:00–18:00)."""
    offset = index.freq
    start, end = offset.start[0], offset.end[0]
    return ((end.hour - start.hour) % 24) or 24


def office_week(index: pd.DatetimeIndex) -> int:
    """Office hours in one week of an office-hours index."""
    return office_day(index) * len(index.freq.weekmask.split())


def season_length(freq: str, n: int, index: pd.DatetimeIndex | None = None) -> int:
    """The main season for ``freq``, or 1 when the history holds fewer than two seasons.

    For office hours (``"BH"``) it is one office day, read from ``index``."""
    m = office_day(index) if freq == "BH" and index is not None else SEASONS[freq]
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
    clipped = median + np.clip(resid, -k * scale, k * scale)
    # A run of same-side extremes that reaches the end is a lasting change of level (a new
    # road, COVID), not an outlier: pulling it back would drag the forecast to the old level.
    run = recent_shift(values, m)
    if run:
        clipped[-run:] = values[-run:]
    return clipped


def season_reference(values: np.ndarray, m: int, cycles: int = 4) -> np.ndarray:
    """Per point, the median of the values at the same point of the previous ``cycles``
    seasons (NaN where there is none)."""
    n = len(values)
    stack = np.full((cycles, n), np.nan)
    for k in range(1, cycles + 1):
        if k * m < n:
            stack[k - 1, k * m :] = values[: n - k * m]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmedian(stack, axis=0)


def recent_shift(values: np.ndarray, m: int, k: float = 4.0) -> int:
    """How many of the last values stand on a new level (0 when there is no recent shift):
    a run reaching the end, at least half a season long (a whole one below 12), of values
    more than ``k`` robust deviations on the same side of the same point of earlier seasons.
    A run shorter than that is a holiday or an outlier, not a change of level."""
    if m < 2 or len(values) < 3 * m:
        return 0
    diff = values - season_reference(values, m)
    usable = diff[np.isfinite(diff)]
    scale = 1.4826 * np.median(np.abs(usable - np.median(usable)))
    if not np.isfinite(scale) or scale <= 0:
        return 0
    side = np.where(np.abs(np.nan_to_num(diff)) > k * scale, np.sign(diff), 0)
    if side[-1] == 0:
        return 0
    run = len(side) - int(np.flatnonzero(np.r_[True, side != side[-1]])[-1])
    return run if run >= (m // 2 if m >= 12 else m) else 0


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
_FEATURES["BH"] = _FEATURES["h"]
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

        if self.freq_ == "BH":  # one office week, else one office day
            base = office_week(y.index)
            if len(y) < 3 * base:
                base = office_day(y.index)
        else:
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


# Day types whose effect is learnt pooled over all their days (few 명절 are ever seen, so the
# effect of "a 명절 day" is learnt from every 설날 and 추석 day together), in priority order.
ORDINARY_DAY = 0
DAY_TYPES = {
    1: "명절 당일·연휴(평일)",
    2: "명절 당일·연휴(주말)",
    3: "공휴일(평일)",
    4: "공휴일(주말)",
    5: "긴 연휴 다음 첫 근무일",
    6: "징검다리 근무일",
    7: "명절 앞 사흘",
    8: "명절 뒤 사흘",
}


def day_types(cal: pd.DataFrame) -> np.ndarray:
    """The pooled day type of every row of a daily ``korean_calendar`` frame (0 = ordinary)."""
    weekend = cal["weekend"].to_numpy(bool)
    core = cal["seollal"].to_numpy(bool) | cal["chuseok"].to_numpy(bool)
    holiday = cal["holiday"].to_numpy(bool)
    dist = cal["myeongjeol_dist"].to_numpy(float)
    out = np.zeros(len(cal), dtype=int)
    rules = [
        (core & ~weekend, 1), (core & weekend, 2), (holiday & ~weekend, 3),
        (holiday & weekend, 4), (cal["after_long_break"].to_numpy(bool), 5),
        (cal["bridge_day"].to_numpy(bool), 6), ((dist < 0) & (dist >= -3), 7),
        ((dist > 0) & (dist <= 3), 8),
    ]  # fmt: skip
    for mask, code in reversed(rules):  # the first rule wins
        out[mask] = code
    return out


def _same_weekday_baseline(values: np.ndarray, ordinary: np.ndarray, step: int) -> np.ndarray:
    """Per day, the median of the ordinary days one and two seasons before and after."""
    n = len(values)
    stack = np.full((4, n), np.nan)
    for row, k in enumerate((-2, -1, 1, 2)):
        source = np.arange(n) + k * step
        ok = (source >= 0) & (source < n)
        picked = np.full(n, np.nan)
        picked[ok] = np.where(ordinary[source[ok]], values[source[ok]], np.nan)
        stack[row] = picked
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmedian(stack, axis=0)


def _one_off(ratio: np.ndarray, ordinary: np.ndarray, k: float = 5.0) -> np.ndarray:
    """Ordinary days far off their same-weekday baseline while the days either side are not:
    one-off spikes or drops. A lasting level change moves its neighbours too, so it stays."""
    usable = ordinary & np.isfinite(ratio)
    if usable.sum() < 10:
        return np.zeros(len(ratio), dtype=bool)
    centre = np.median(ratio[usable])
    scale = 1.4826 * np.median(np.abs(ratio[usable] - centre))
    if not np.isfinite(scale) or scale <= 0:
        return np.zeros(len(ratio), dtype=bool)
    z = np.where(usable, (ratio - centre) / scale, 0.0)
    extreme = np.abs(z) > k
    calm_before = np.abs(np.r_[0.0, z[:-1]]) < k / 2
    calm_after = np.abs(np.r_[z[1:], 0.0]) < k / 2
    return extreme & calm_before & calm_after


class HolidayEffects(Model):
    """Any base model on holiday-cleaned history, times pooled holiday-type effects.

    Each holiday-type day of the history is compared with the median of the same weekday one
    and two weeks before and after (ordinary days only); the effect of a type is the median
    log ratio over all its days, shrunk toward none when it has been seen on few days. The
    base model is fitted on the history with those days replaced by that baseline, so a
    추석 dip is neither learnt as a level change nor as season, and the effects are put back
    on the future days of each type."""

    name = "HolidayEffects"
    label = "명절·공휴일 효과"

    def __init__(self, *, base: str = "ETS", shrink: float = 2.0, **options):
        super().__init__(**options)
        self.base = base
        self.shrink = shrink
        self.name = f"HolidayEffects+{base}"
        self.label = f"명절·공휴일 효과 + {'계절 단순' if base == 'SeasonalNaive' else 'ETS'}"

    def _base_model(self) -> Model:
        options = {"season": self.season, "counts": self.counts, "horizon": self.horizon}
        if self.base == "SeasonalNaive":
            return SeasonalNaive(**options)
        return ETS(max_history=730, **options)

    def _fit(self, y: pd.Series) -> None:
        values = y.to_numpy(dtype=float)
        types = day_types(self._calendar(y.index))
        ordinary = types == ORDINARY_DAY
        baseline = _same_weekday_baseline(values, ordinary, self.season if self.season > 1 else 7)
        self.effects_ = np.zeros(len(DAY_TYPES) + 1)
        positive = bool((values >= 0).all())
        cleaned = values
        if positive:
            ratio = np.log((values + 1) / (baseline + 1))
            for code in DAY_TYPES:
                seen = ratio[(types == code) & np.isfinite(ratio)]
                if len(seen):
                    weight = len(seen) / (len(seen) + self.shrink)
                    self.effects_[code] = float(np.median(seen)) * weight
            replace = ~ordinary | _one_off(ratio, ordinary)
            cleaned = np.where(replace & np.isfinite(baseline), baseline, values)
        self.base_ = self._base_model().fit(pd.Series(cleaned, index=y.index), self.calendar_)

    def _mean(self, h: int) -> np.ndarray:
        mean = np.asarray(self.base_._mean(h), dtype=float)
        types = day_types(self._calendar(future_index(self.y_.index, h)))
        factor = np.exp(self.effects_[types])
        return mean + (np.clip(mean, 0, None) + 1) * (factor - 1)

    def _sigma(self, y: pd.Series) -> float:
        return self.base_.sigma_


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
