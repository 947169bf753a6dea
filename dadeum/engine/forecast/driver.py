"""The forecasting driver: backtest the candidate models, choose one, forecast, explain.

How a forecast is made:

1. ``prepare_series`` makes one regular series and notes what it did.
2. Candidates for the frequency and kind are backtested from rolling origins: the series is
   cut 3 times a backtest horizon apart, each model is fitted on the part
   before the cut and forecasts the part after it. The backtest horizon is the requested
   horizon capped (60 days, 168 hours, 26 weeks, 12 months) and shortened when the history
   is short.
3. Scores: MASE (mean absolute error divided by the in-sample error of the seasonal naive
   forecast at that origin; below 1 beats it), sMAPE (%), and interval coverage (%).
4. The model with the lowest mean MASE is chosen; the seasonal naive forecast is always a
   candidate, so the choice is never worse than it in the backtest. A model that fails is
   left out with its Korean reason; if the chosen one then fails on the full history, the
   next best is used. A combination (the mean of the two best models) is a candidate too.
5. Prediction intervals are split-conformal: the backtest's absolute errors, divided by a
   smoothed error profile by horizon step (and, for counts, by √(forecast + 1)), give one
   quantile at the requested level that is scaled back per step. The coverage reported is
   honest: each origin's errors are checked against intervals calibrated on the other
   origins. Counts and any series that was never negative are never forecast below 0.
"""

import copy
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from dadeum.engine.forecast.calendar import korean_calendar
from dadeum.engine.forecast.models import (
    ETS,
    CalendarRegression,
    Croston,
    Model,
    MSTLModel,
    SeasonalNaive,
    future_index,
    season_length,
)
from dadeum.engine.forecast.series import FREQ_NAMES, PreparedSeries, prepare_series
from dadeum.engine.korean import josa
from dadeum.errors import InvalidArgumentError

__all__ = ["ForecastResult", "forecast", "forecast_accuracy", "forecast_series"]

# (minimum, recommended) history length in periods.
MIN_HISTORY = {"h": (72, 24 * 7 * 8), "D": (14, 56), "W": (13, 104), "MS": (12, 36)}
_MIN_TEXT = {"h": "3일(72시간)", "D": "2주(14일)", "W": "13주", "MS": "12개월"}
_RECOMMENDED_TEXT = {"h": "8주", "D": "8주(56일)", "W": "2년(104주)", "MS": "3년(36개월)"}
BACKTEST_CAP = {"h": 168, "D": 60, "W": 26, "MS": 12}
MAX_HORIZON = {"h": 24 * 62, "D": 731, "W": 156, "MS": 60}
ORIGINS = {"h": 3, "D": 3, "W": 3, "MS": 3}
ACCURACY_COLUMNS = ["모델", "MASE", "sMAPE", "구간 적중률", "선택"]
TABLE_COLUMNS = ["날짜", "예측", "하한", "상한"]
KIND_NAMES = {"traffic": "교통량", "complaints": "민원 건수"}


@dataclass
class ForecastResult:
    """A forecast with its backtest report and a Korean explanation."""

    table: pd.DataFrame  # 날짜, 예측, 하한, 상한
    accuracy: pd.DataFrame  # 모델, MASE, sMAPE, 구간 적중률, 선택
    chosen: str
    explanation: str
    history: pd.Series
    notes: list[str] = field(default_factory=list)
    freq: str = "D"
    level: float = 0.95


@dataclass
class _Score:
    model: Model | None
    label: str
    forecasts: np.ndarray | None = None  # origins × H
    mase: float = math.nan
    smape: float = math.nan
    coverage: float = math.nan
    failure: str = ""
    members: tuple[str, ...] = ()


def _j(word: object, pair: str) -> str:
    """``josa`` that reads the word before a closing parenthetical: 달력 회귀(…)가."""
    text = str(word)
    base = text
    while base.endswith(")") and "(" in base:
        depth, cut = 0, None
        for i in range(len(base) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(base[i], 0)
            if depth == 0:
                cut = i
                break
        if not cut:
            break
        base = base[:cut]
    return text + josa(base, pair)[len(base) :]


# --------------------------------------------------------------------------------------------
# Arguments


def _check_horizon(horizon, freq: str) -> int:
    try:
        value = float(horizon)
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value) or value < 1 or value != int(value):
        raise InvalidArgumentError(
            f"'horizon' 인수는 1 이상의 정수(예측할 기간 수)여야 합니다. 받은 값: {horizon!r}"
        )
    limit = MAX_HORIZON[freq]
    if value > limit:
        raise InvalidArgumentError(
            f"{FREQ_NAMES[freq]} 단위 자료는 {limit:,}기간까지만 예측합니다. "
            f"받은 값: {int(value):,}"
        )
    return int(value)


def _check_level(level) -> float:
    try:
        value = float(level)
    except (TypeError, ValueError):
        value = math.nan
    if 50 <= value < 100:  # 95 means 95 %
        value /= 100
    if not 0.5 <= value < 1:
        raise InvalidArgumentError(
            "'level' 인수는 0.5 이상 1 미만의 신뢰 수준이어야 합니다 (예: 0.95). "
            f"받은 값: {level!r}"
        )
    return value


def _check_length(prepared: PreparedSeries) -> None:
    n, freq = len(prepared.series), prepared.freq
    minimum, recommended = MIN_HISTORY[freq]
    if n < minimum:
        unit = prepared.unit
        raise InvalidArgumentError(
            f"예측하려면 최소 {_MIN_TEXT[freq]}의 기록이 필요합니다 (지금 {n}{unit}). "
            f"{_RECOMMENDED_TEXT[freq]} 이상이면 더 정확합니다."
        )
    if n < recommended:
        prepared.notes.append(
            f"기록이 {n:,}{prepared.unit}로 짧습니다. {_RECOMMENDED_TEXT[freq]} 이상이면 "
            "예측이 더 정확해집니다."
        )


# --------------------------------------------------------------------------------------------
# Candidates and the backtest


def _candidates(y: pd.Series, freq: str, kind: str, horizon: int) -> list[Model]:
    counts = kind == "complaints"
    m = season_length(freq, len(y))
    options = {"season": m, "counts": counts, "horizon": horizon}
    models: list[Model] = [SeasonalNaive(**options)]
    models.append(ETS(max_history=24 * 7 * 6 if freq == "h" else 730, **options))
    if freq == "h" and len(y) >= 2 * 24:
        models.append(MSTLModel(**options))
    models.append(CalendarRegression(max_iter=80 if freq == "h" else 120, **options))
    if counts and float((y.to_numpy() == 0).mean()) >= 0.5:
        models.append(Croston(**options))
    return models


def _seasonal_scale(train: np.ndarray, m: int) -> float:
    for lag in (m, 1):
        if len(train) > lag:
            scale = float(np.mean(np.abs(train[lag:] - train[:-lag])))
            if scale > 0:
                return scale
    return 1.0


def _origins(n: int, freq: str, horizon: int) -> tuple[int, int]:
    """Number of origins and the backtest horizon, or (0, 0) when there is no room."""
    minimum = MIN_HISTORY[freq][0]
    h = min(horizon, BACKTEST_CAP[freq])
    for origins in range(ORIGINS[freq], 0, -1):
        room = (n - minimum) // origins
        if room >= 1:
            return origins, min(h, room)
    return 0, 0


def _run_backtest(model, y, calendar, origins, h, nonneg):
    forecasts = np.empty((origins, h))
    n = len(y)
    for o in range(origins):
        end = n - (origins - o) * h
        fitted = copy.deepcopy(model).fit(y.iloc[:end], calendar)
        mean = fitted.predict(h)["mean"]
        if not np.all(np.isfinite(mean)):
            raise ValueError("예측값에 숫자가 아닌 값이 나왔습니다")
        forecasts[o] = np.clip(mean, 0, None) if nonneg else mean
    return forecasts


def _profile(abs_errors: np.ndarray) -> np.ndarray:
    """A smooth, non-decreasing error size by horizon step."""
    step_mean = abs_errors.mean(axis=0)
    window = max(3, abs_errors.shape[1] // 6)
    smooth = pd.Series(step_mean).rolling(window, center=True, min_periods=1).mean().to_numpy()
    smooth = np.maximum.accumulate(smooth)
    floor = max(float(abs_errors.mean()) * 0.2, 1e-9)
    return np.maximum(smooth, floor)


def _quantile(values: np.ndarray, level: float) -> float:
    values = np.sort(values[np.isfinite(values)])
    if not len(values):
        return 0.0
    k = math.ceil((len(values) + 1) * level)
    return float(values[min(k, len(values)) - 1])


def _scale_by_mean(forecast: np.ndarray, counts: bool) -> np.ndarray:
    """How error size grows with the forecast: like √ for counts (Poisson), flat otherwise
    (making it proportional for traffic was tried and covered worse)."""
    return np.sqrt(np.clip(forecast, 0, None) + 1) if counts else np.ones_like(forecast)


def _calibrate(errors, forecasts, level, counts):
    """(quantile, step profile) from backtest errors (origins × H)."""
    abs_errors = np.abs(errors) / _scale_by_mean(forecasts, counts)
    profile = _profile(abs_errors)
    return _quantile((abs_errors / profile).ravel(), level), profile


def _widths(q, profile, forecast, counts):
    h, big_h = len(forecast), len(profile)
    steps = np.arange(1, h + 1)
    base = np.where(
        steps <= big_h,
        profile[np.minimum(steps, big_h) - 1],
        profile[-1] * np.sqrt(steps / big_h),
    )
    return q * base * _scale_by_mean(forecast, counts)


def _score(score: _Score, actual, y, origins, h, m, level, counts) -> None:
    forecasts = score.forecasts
    errors = actual - forecasts
    n = len(y)
    mases = []
    for o in range(origins):
        end = n - (origins - o) * h
        mases.append(np.mean(np.abs(errors[o])) / _seasonal_scale(y.to_numpy()[:end], m))
    score.mase = float(np.mean(mases))
    # Counts are compared as whole numbers: a forecast of 0.01 for a day with no 민원 is right,
    # not 200 % off.
    rounded = np.round(forecasts) if counts else forecasts
    denominator = np.abs(actual) + np.abs(rounded)
    safe = np.where(denominator > 0, denominator, 1.0)
    ratio = np.where(denominator > 0, 2 * np.abs(actual - rounded) / safe, 0.0)
    score.smape = float(100 * ratio.mean())
    if origins >= 2:
        hits = []
        for o in range(origins):
            others = [i for i in range(origins) if i != o]
            q, profile = _calibrate(errors[others], forecasts[others], level, counts)
            width = _widths(q, profile, forecasts[o], counts)
            hits.append(np.abs(errors[o]) <= width + 1e-9)
        score.coverage = float(100 * np.mean(hits))


def _failure_reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"계산 실패 ({text[:80]})"


def _backtest(y, freq, kind, horizon, level, calendar):
    origins, h = _origins(len(y), freq, horizon)
    m = season_length(freq, len(y))
    counts = kind == "complaints"
    nonneg = counts or bool((y.to_numpy() >= 0).all())
    scores: list[_Score] = []
    if origins == 0:
        return scores, origins, h
    actual = np.vstack([y.to_numpy()[len(y) - (origins - o) * h :][:h] for o in range(origins)])
    for model in _candidates(y, freq, kind, h):
        score = _Score(model=model, label=model.label)
        try:
            score.forecasts = _run_backtest(model, y, calendar, origins, h, nonneg)
        except Exception as error:  # a model that fails is left out, with the reason
            score.failure = _failure_reason(error)
            scores.append(score)
            continue
        _score(score, actual, y, origins, h, m, level, counts)
        scores.append(score)
    working = sorted(
        (s for s in scores if not s.failure and s.model.name != "SeasonalNaive"),
        key=lambda s: s.mase,
    )
    if len(working) >= 2:
        first, second = working[:2]
        combo = _Score(model=None, label=f"조합({first.label} + {second.label})",
                       members=(first.model.name, second.model.name))  # fmt: skip
        combo.forecasts = (first.forecasts + second.forecasts) / 2
        _score(combo, actual, y, origins, h, m, level, counts)
        scores.append(combo)
    for s in scores:
        if not s.failure:
            s.errors = actual - s.forecasts  # type: ignore[attr-defined]
    return scores, origins, h


# --------------------------------------------------------------------------------------------
# The driver


def _accuracy_table(scores: list[_Score], chosen: _Score | None) -> pd.DataFrame:
    rows = []
    for s in scores:
        mark = "실패: " + s.failure if s.failure else ("선택" if s is chosen else "")
        rows.append([s.label, _round(s.mase, 3), _round(s.smape, 1), _round(s.coverage, 1), mark])
    return pd.DataFrame(rows, columns=ACCURACY_COLUMNS)


def _round(value: float, digits: int) -> float:
    return round(value, digits) if math.isfinite(value) else math.nan


def _final_forecast(score: _Score, scores, y, calendar, horizon, nonneg):
    if score.model is not None:
        model = copy.deepcopy(score.model)
        model.horizon = horizon
        mean = model.fit(y, calendar).predict(horizon)["mean"]
    else:
        by_name = {s.model.name: s.model for s in scores if s.model is not None}
        means = []
        for name in score.members:
            model = copy.deepcopy(by_name[name])
            model.horizon = horizon
            means.append(model.fit(y, calendar).predict(horizon)["mean"])
        mean = np.mean(means, axis=0)
    if not np.all(np.isfinite(mean)):
        raise ValueError("예측값에 숫자가 아닌 값이 나왔습니다")
    return np.clip(mean, 0, None) if nonneg else mean


def forecast_series(
    prepared: PreparedSeries, horizon, *, kind: str = "traffic", level=0.95
) -> ForecastResult:
    """``forecast`` for a series already prepared with ``prepare_series``."""
    # One thread: the problems are small, and OpenMP threads spinning on a busy 2-core
    # machine made gradient boosting 50 times slower.
    with threadpool_limits(limits=1):
        return _forecast_series(prepared, horizon, kind=kind, level=level)


def _forecast_series(prepared: PreparedSeries, horizon, *, kind: str, level) -> ForecastResult:
    y, freq = prepared.series, prepared.freq
    horizon = _check_horizon(horizon, freq)
    level = _check_level(level)
    _check_length(prepared)
    counts = kind == "complaints"
    nonneg = counts or bool((y.to_numpy() >= 0).all())
    future = future_index(y.index, horizon)
    unit = prepared.unit
    what = KIND_NAMES[kind]
    intro = (
        f"{FREQ_NAMES[freq]} 단위 {what} 기록 "
        + _j(f"{len(y):,}{unit}({y.index[0]:%Y-%m-%d}~{y.index[-1]:%Y-%m-%d})", "으로/로")
        + f" 다음 {_j(f'{horizon:,}{unit}', '을/를')} 예측했습니다."
    )
    if y.nunique() == 1:
        value = float(y.iloc[0])
        table = _table(future, np.full(horizon, value), np.zeros(horizon))
        accuracy = pd.DataFrame(
            [["상수(모든 값이 같음)", 0.0, 0.0, 100.0, "선택"]], columns=ACCURACY_COLUMNS
        )
        explanation = f"{intro} 모든 값이 같아({value:,.6g}) 그 값으로 예측했고, 구간 폭은 0입니다."
        return ForecastResult(table, accuracy, "Constant", explanation, y, prepared.notes,
                              freq, level)  # fmt: skip
    calendar = korean_calendar(y.index.union(future), freq)
    scores, origins, h = _backtest(y, freq, kind, horizon, level, calendar)
    ranked = sorted((s for s in scores if not s.failure), key=lambda s: s.mase)
    failures = [s for s in scores if s.failure]
    chosen = None
    mean = None
    for score in ranked:
        try:
            mean = _final_forecast(score, scores, y, calendar, horizon, nonneg)
        except Exception as error:
            score.failure = _failure_reason(error)
            failures.append(score)
            continue
        chosen = score
        break
    if chosen is None:  # no backtest was possible, or everything failed
        naive = SeasonalNaive(season=season_length(freq, len(y)), counts=counts)
        prediction = naive.fit(y).predict(horizon, level)
        mean = prediction["mean"]
        width = prediction["upper"] - prediction["mean"]
        chosen = _Score(model=naive, label=naive.label)
        scores = [*scores, chosen] if scores else [chosen]
        explanation = (
            f"{intro} 기록이 짧아 미리 예측해 보는 검증(백테스트)을 할 수 없어, 마지막 한 주기를 "
            "되풀이하는 계절 단순 예측을 썼습니다. 구간은 과거 같은 시점끼리의 차이로 "
            "어림했습니다."
        )
    else:
        q, profile = _calibrate(chosen.errors, chosen.forecasts, level, counts)
        width = _widths(q, profile, mean, counts)
        explanation = _explain(intro, chosen, scores, failures, origins, h, horizon, unit, level)
    lower = mean - width
    if nonneg:
        lower = np.clip(lower, 0, None)
    table = pd.DataFrame(
        {"날짜": future, "예측": mean, "하한": lower, "상한": mean + width}
    ).reset_index(drop=True)
    name = chosen.model.name if chosen.model is not None else "Combination"
    return ForecastResult(table, _accuracy_table(scores, chosen), name, explanation, y,
                          prepared.notes, freq, level)  # fmt: skip


def _table(future, mean, width) -> pd.DataFrame:
    return pd.DataFrame({"날짜": future, "예측": mean, "하한": mean - width, "상한": mean + width})


def _explain(intro, chosen, scores, failures, origins, h, horizon, unit, level) -> str:
    naive = next((s for s in scores if s.model is not None and s.model.name == "SeasonalNaive"),
                 None)  # fmt: skip
    parts = [intro]
    parts.append(
        f"최근 기록을 {origins}번 잘라 그 뒤 {_j(f'{h:,}{unit}', '을/를')} 미리 예측해 보는 "
        "검증(백테스트)으로 "
        f"후보 {len(scores)}개를 비교했습니다."
    )
    if naive is not None and chosen is naive:
        parts.append(
            "어느 모델도 마지막 한 주기를 되풀이하는 계절 단순 예측"
            f"(MASE {naive.mase:.2f})보다 "
            "낫지 않아 계절 단순 예측을 골랐습니다."
        )
    elif naive is not None and not naive.failure:
        gain = (1 - chosen.mase / naive.mase) * 100 if naive.mase > 0 else 0.0
        reason = _why(chosen)
        parts.append(
            f"{_j(chosen.label, '이/가')} MASE {_j(f'{chosen.mase:.2f}', '으로/로')} 계절 단순 예측"
            f"({naive.mase:.2f})보다 오차가 {gain:.0f}% 작아 골랐습니다{reason}."
        )
    else:
        parts.append(f"MASE가 가장 낮은 {_j(chosen.label, '을/를')} 골랐습니다.")
    if math.isfinite(chosen.coverage):
        parts.append(
            f"{level:.0%} 예측 구간은 백테스트 오차로 맞춘 것이며, 백테스트에서 실제 값의 "
            f"{chosen.coverage:.0f}%가 구간 안에 들었습니다."
        )
    if horizon > h:
        parts.append(f"백테스트는 {h:,}{unit}까지만 했으므로 그 뒤의 예측과 구간은 덜 확실합니다.")
    for s in failures:
        parts.append(f"{_j(s.label, '은/는')} {s.failure}해 뺐습니다.".replace("실패 (", "실패("))
    return " ".join(parts)


def _why(score: _Score) -> str:
    if score.model is None:
        return " (두 모델의 평균이 한 모델보다 안정적입니다)"
    return {
        "CalendarRegression": " (공휴일·명절·연휴 다음 날을 따로 배우는 모델입니다)",
        "ETS": " (수준·추세·계절을 지수평활로 따라가는 엑셀 FORECAST.ETS 계열 모델입니다)",
        "MSTL": " (하루와 한 주의 두 주기를 함께 나눠 보는 모델입니다)",
        "Croston": " (드문드문 생기는 건수에 맞는 모델입니다)",
    }.get(score.model.name, "")


def forecast(dates, values, horizon, *, kind: str = "traffic", level=0.95) -> ForecastResult:
    """Forecast ``horizon`` periods after the last date (see the module docstring).

    ``kind="traffic"`` for measurements such as traffic volumes (gaps interpolated),
    ``kind="complaints"`` for counts such as 민원 (gaps are 0, forecasts never below 0).
    """
    prepared = prepare_series(dates, values, kind=kind)
    return forecast_series(prepared, horizon, kind=kind, level=level)


def forecast_accuracy(dates, values, horizon=None, *, kind: str = "traffic") -> pd.DataFrame:
    """The backtest table alone: 모델, MASE, sMAPE, 구간 적중률, 선택.

    Without ``horizon`` the backtest uses one season (7 days, 24 hours, 13 weeks, 12 months).
    """
    prepared = prepare_series(dates, values, kind=kind)
    if horizon in (None, ""):
        horizon = {"h": 24, "D": 7, "W": 13, "MS": 12}[prepared.freq]
    return forecast_series(prepared, horizon, kind=kind).accuracy
