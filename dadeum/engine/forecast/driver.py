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
4. The forecast is the median, date by date, of every model whose backtest MASE is within
   1.6 times the best one (seasonal naive included): picking the single best of three short
   backtests chose badly on real series, the median of the close ones measured better
   (``benchmarks/README.md``). A model that fails is left out with its Korean reason; if the
   combination fails on the full history, the single models follow by backtest MASE. Before
   all this, a recent lasting change of level (a run of at least half a season, all on one
   side of the same points of earlier seasons) brings the older history to the new level,
   so no model is dragged back to the old one.
5. Prediction intervals are split-conformal: the backtest's absolute errors, divided by a
   smoothed error profile by horizon step (learnt on ordinary steps; for counts also divided
   by √(forecast + 1)), give a quantile at the requested level (the finite-sample
   ⌈(n+1)·level⌉-th of n) that is scaled back per step. For daily and hourly data the steps
   fall in three groups, each with its own quantile: ordinary steps, steps within a week of
   설날/추석, and holiday steps (weekday public holidays, the 명절 days and the day on either
   side, the first working day after a long break). To have enough holiday errors, extra
   backtest origins are placed before past holidays (명절 first, up to 5 for daily and 4 for
   hourly data); they serve the intervals only, not MASE or the choice. A group is never
   narrower than the ordinary one, and with few days of examples at least 1.25 (near 명절)
   or 2 (holiday) times as wide. The coverage reported is honest: each window's errors are
   checked against intervals calibrated on the other windows. Counts and any series that
   was never negative are never forecast below 0.
"""

import copy
import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from dadeum.engine.forecast.calendar import korean_calendar
from dadeum.engine.forecast.models import (
    ETS,
    CalendarRegression,
    Croston,
    HolidayEffects,
    Model,
    MSTLModel,
    SeasonalNaive,
    day_types,
    future_index,
    office_day,
    office_week,
    recent_shift,
    season_length,
    season_reference,
)
from dadeum.engine.forecast.series import FREQ_NAMES, PreparedSeries, prepare_series
from dadeum.engine.korean import josa
from dadeum.errors import InvalidArgumentError

__all__ = ["ForecastResult", "forecast", "forecast_accuracy", "forecast_series"]

# (minimum, recommended) history length in periods.
# "B" is a daily series of working days only (no rows on closed days, see workdays.py).
# "BH" is an hourly series of office hours only (e.g. 09–18 on working days).
MIN_HISTORY = {"h": (72, 24 * 7 * 8), "D": (14, 56), "W": (13, 104), "MS": (12, 36),
               "B": (10, 40), "BH": (30, 9 * 40)}  # fmt: skip
_MIN_TEXT = {"h": "3일(72시간)", "D": "2주(14일)", "W": "13주", "MS": "12개월",
             "B": "2주(근무일 10일)", "BH": "근무시간 30시간"}  # fmt: skip
_RECOMMENDED_TEXT = {"h": "8주", "D": "8주(56일)", "W": "2년(104주)", "MS": "3년(36개월)",
                     "B": "8주(근무일 40일)", "BH": "8주(근무일 40일)"}  # fmt: skip
BACKTEST_CAP = {"h": 168, "D": 60, "W": 26, "MS": 12, "B": 43, "BH": 9 * 10}
MAX_HORIZON = {"h": 24 * 62, "D": 731, "W": 156, "MS": 60, "B": 522, "BH": 24 * 62}
ORIGINS = {"h": 3, "D": 3, "W": 3, "MS": 3, "B": 3, "BH": 3}
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
    how: str = "mean"  # how a combination joins its members: "mean" | "median"


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
    except OverflowError:  # a 400-digit integer: too large, said as such below
        value = math.inf
    if math.isnan(value) or value < 1 or (math.isfinite(value) and value != int(value)):
        shown = repr(horizon)
        shown = shown if len(shown) <= 20 else shown[:20] + "…"
        raise InvalidArgumentError(
            f"'horizon' 인수는 1 이상의 정수(예측할 기간 수)여야 합니다. 받은 값: {shown}"
        )
    limit = MAX_HORIZON[freq]
    if value > limit:
        raise InvalidArgumentError(
            f"{FREQ_NAMES[freq]} 단위 자료는 {limit:,}기간까지만 예측합니다. "
            f"받은 값: {_count_text(value)}. 예측 기간을 줄여 주세요."
        )
    return int(value)


def _count_text(value: float) -> str:
    return f"{int(value):,}" if value < 1e15 else "너무 큰 수"


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
    m = season_length(freq, len(y), y.index)
    options = {"season": m, "counts": counts, "horizon": horizon}
    models: list[Model] = [SeasonalNaive(**options)]
    if freq == "BH":  # six weeks of office hours, cycles of one office day and one week
        day, week = office_day(y.index), office_week(y.index)
        models.append(ETS(max_history=6 * week, **options))
        if len(y) >= 2 * day:
            models.append(MSTLModel(periods=(day, week), max_history=12 * week, **options))
    else:
        models.append(ETS(max_history=24 * 7 * 6 if freq == "h" else 730, **options))
    if freq == "h" and len(y) >= 2 * 24:
        models.append(MSTLModel(**options))
    models.append(CalendarRegression(max_iter=80 if freq in ("h", "BH") else 120, **options))
    if freq in ("D", "B"):
        models.append(HolidayEffects(base="ETS", **options))
        models.append(HolidayEffects(base="SeasonalNaive", **options))
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


# Step groups for interval calibration (daily and hourly data): ordinary steps, steps within a
# week of 설날/추석, and holiday steps (public holidays on weekdays, the 명절 days and the day on
# either side, the first working day after a long break).
ORDINARY, NEAR_MYEONGJEOL, HOLIDAY = 0, 1, 2
N_GROUPS = 3
# When a group has fewer distinct days than this in the calibration windows, its quantile is
# at least FEW_FLOOR times the ordinary one (one past 추석 says little about the next).
FEW_DAYS = {NEAR_MYEONGJEOL: 20, HOLIDAY: 12}
FEW_FLOOR = {NEAR_MYEONGJEOL: 1.25, HOLIDAY: 2.0}
# The combination takes the median, date by date, of every model whose backtest MASE is
# within this factor of the best one (measured on real series: benchmarks/README.md).
COMBINE_WITHIN = 1.6
# Extra backtest origins placed before past holidays, used for the intervals only.
HOLIDAY_ORIGINS = {"h": 4, "D": 5, "B": 5, "BH": 4}


def _groups(calendar: pd.DataFrame | None, index: pd.DatetimeIndex, freq: str) -> np.ndarray:
    """The calibration group of every timestamp of ``index``."""
    if calendar is None or freq not in HOLIDAY_ORIGINS:
        return np.zeros(len(index), dtype=int)
    cal = calendar.reindex(index)
    dist = np.abs(cal["myeongjeol_dist"].to_numpy(dtype=float))
    holiday = (
        (cal["holiday"].to_numpy(dtype=bool) & ~cal["weekend"].to_numpy(dtype=bool))
        | cal["seollal"].to_numpy(dtype=bool)
        | cal["chuseok"].to_numpy(dtype=bool)
        | (dist <= 1)
        | cal["after_long_break"].to_numpy(dtype=bool)
    )
    near = dist <= 7
    return np.where(holiday, HOLIDAY, np.where(near, NEAR_MYEONGJEOL, ORDINARY))


def _holiday_ends(groups: np.ndarray, freq: str, h: int, first_regular: int,
                  per_day: int) -> list[int]:  # fmt: skip
    """Backtest cut points placed so that a past holiday falls in the middle of the window.

    Only holidays whose window ends before the regular backtest and whose cut leaves at least
    a third of that history to fit on; 명절 first, then the most recent ones."""
    positions = np.flatnonzero(groups[:first_regular] == HOLIDAY)
    if not len(positions):
        return []
    # Runs of holiday steps (a gap of up to two days joins them: 연휴 around a weekend).
    breaks = np.flatnonzero(np.diff(positions) > 3 * per_day)
    starts = positions[np.r_[0, breaks + 1]]
    stops = positions[np.r_[breaks, len(positions) - 1]]
    least = max(MIN_HISTORY[freq][1], first_regular // 3)
    chosen = []
    for start, stop in zip(starts, stops, strict=True):
        end = int(start - max(per_day, (h - (stop - start + 1)) // 2))
        if end >= least and end + h <= first_regular:
            size = int(np.sum(groups[start : stop + 1] == HOLIDAY))
            chosen.append((size >= 3 * per_day, end))
    chosen.sort(reverse=True)  # 명절 (three or more holiday days) first, then the latest
    return sorted(end for _, end in chosen[: HOLIDAY_ORIGINS[freq]])


def _run_backtest(model, y, calendar, ends, h, nonneg):
    forecasts = np.empty((len(ends), h))
    for o, end in enumerate(ends):
        fitted = copy.deepcopy(model).fit(y.iloc[:end], calendar)
        mean = fitted.predict(h)["mean"]
        if not np.all(np.isfinite(mean)):
            raise ValueError("예측값에 숫자가 아닌 값이 나왔습니다")
        forecasts[o] = np.clip(mean, 0, None) if nonneg else mean
    return forecasts


def _profile(abs_errors: np.ndarray, ordinary: np.ndarray) -> np.ndarray:
    """A smooth, non-decreasing error size by horizon step, from the ordinary steps (a holiday
    early in one window would otherwise widen every later step)."""
    masked = np.where(ordinary, abs_errors, np.nan)
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        step_mean = np.nanmean(masked, axis=0)
    overall = float(np.nanmean(masked)) if ordinary.any() else float(abs_errors.mean())
    step_mean = np.where(np.isfinite(step_mean), step_mean, overall)
    window = max(3, abs_errors.shape[1] // 6)
    smooth = pd.Series(step_mean).rolling(window, center=True, min_periods=1).mean().to_numpy()
    smooth = np.maximum.accumulate(smooth)
    floor = max(overall * 0.2, 1e-9)
    return np.maximum(smooth, floor)


def _quantile(values: np.ndarray, level: float) -> float:
    """The split-conformal quantile: the ⌈(n+1)·level⌉-th smallest of n values."""
    values = np.sort(values[np.isfinite(values)])
    if not len(values):
        return 0.0
    k = math.ceil((len(values) + 1) * level)
    return float(values[min(k, len(values)) - 1])


def _scale_by_mean(forecast: np.ndarray, counts: bool) -> np.ndarray:
    """How error size grows with the forecast: like √ for counts (Poisson), flat otherwise
    (making it proportional for traffic was tried and covered worse)."""
    return np.sqrt(np.clip(forecast, 0, None) + 1) if counts else np.ones_like(forecast)


@dataclass
class _Calibration:
    quantiles: np.ndarray  # one per step group
    profile: np.ndarray  # error size by horizon step


def _calibrate(errors, forecasts, groups, level, counts, per_day) -> _Calibration:
    """Conformal quantiles per step group, from backtest errors (windows × H)."""
    abs_errors = np.abs(errors) / _scale_by_mean(forecasts, counts)
    profile = _profile(abs_errors, groups == ORDINARY)
    ratios = abs_errors / profile
    base = _quantile(ratios[groups == ORDINARY], level) if (groups == ORDINARY).any() else 0.0
    if base == 0.0:
        base = _quantile(ratios.ravel(), level)
    quantiles = np.full(N_GROUPS, base)
    for group in (NEAR_MYEONGJEOL, HOLIDAY):
        mask = groups == group
        days = math.ceil(int(mask.sum()) / per_day)
        q = _quantile(ratios[mask], level) if days else 0.0
        if days < FEW_DAYS[group]:
            q = max(q, base * FEW_FLOOR[group])
        quantiles[group] = max(q, base)
    return _Calibration(quantiles, profile)


def _widths(calibration: _Calibration, groups, forecast, counts):
    profile = calibration.profile
    h, big_h = len(forecast), len(profile)
    steps = np.arange(1, h + 1)
    base = np.where(
        steps <= big_h,
        profile[np.minimum(steps, big_h) - 1],
        profile[-1] * np.sqrt(steps / big_h),
    )
    return calibration.quantiles[groups] * base * _scale_by_mean(forecast, counts)


@dataclass
class _Windows:
    """The backtest windows: the regular rolling origins first, then those placed before past
    holidays (used for the intervals and their coverage, not for MASE or the choice)."""

    ends: list[int]
    regular: int  # how many of ``ends`` are the regular origins
    h: int
    actual: np.ndarray  # windows × h
    groups: np.ndarray  # windows × h
    per_day: int


def _score(score: _Score, windows: _Windows, y, m, level, counts) -> None:
    forecasts = score.forecasts
    errors = windows.actual - forecasts
    regular = windows.regular
    mases = [
        np.mean(np.abs(errors[o])) / _seasonal_scale(y.to_numpy()[: windows.ends[o]], m)
        for o in range(regular)
    ]
    score.mase = float(np.mean(mases))
    # Counts are compared as whole numbers: a forecast of 0.01 for a day with no 민원 is right,
    # not 200 % off.
    actual = windows.actual[:regular]
    rounded = np.round(forecasts[:regular]) if counts else forecasts[:regular]
    denominator = np.abs(actual) + np.abs(rounded)
    safe = np.where(denominator > 0, denominator, 1.0)
    ratio = np.where(denominator > 0, 2 * np.abs(actual - rounded) / safe, 0.0)
    score.smape = float(100 * ratio.mean())
    total = len(windows.ends)
    if regular >= 2:
        hits = []
        for o in range(total):  # each window against intervals calibrated on the others
            others = [i for i in range(total) if i != o]
            calibration = _calibrate(errors[others], forecasts[others],
                                     windows.groups[others], level, counts,
                                     windows.per_day)  # fmt: skip
            width = _widths(calibration, windows.groups[o], forecasts[o], counts)
            hits.append(np.abs(errors[o]) <= width + 1e-9)
        score.coverage = float(100 * np.mean(hits))


def _failure_reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"계산 실패 ({text[:80]})"


def _backtest(y, freq, kind, horizon, level, calendar):
    origins, h = _origins(len(y), freq, horizon)
    m = season_length(freq, len(y), y.index)
    counts = kind == "complaints"
    nonneg = counts or bool((y.to_numpy() >= 0).all())
    scores: list[_Score] = []
    if origins == 0:
        return scores, None
    n = len(y)
    ends = [n - (origins - o) * h for o in range(origins)]
    all_groups = _groups(calendar, y.index, freq)
    per_day = _per_day(y.index, freq)
    ends += _holiday_ends(all_groups, freq, h, ends[0], per_day) if origins >= 2 else []
    values = y.to_numpy()
    windows = _Windows(
        ends=ends,
        regular=origins,
        h=h,
        actual=np.vstack([values[end : end + h] for end in ends]),
        groups=np.vstack([all_groups[end : end + h] for end in ends]),
        per_day=per_day,
    )
    for model in _candidates(y, freq, kind, h):
        score = _Score(model=model, label=model.label)
        try:
            score.forecasts = _run_backtest(model, y, calendar, ends, h, nonneg)
        except Exception as error:  # a model that fails is left out, with the reason
            score.failure = _failure_reason(error)
            scores.append(score)
            continue
        _score(score, windows, y, m, level, counts)
        scores.append(score)
    pool = [s for s in scores if not s.failure]
    if pool:
        best = min(s.mase for s in pool)
        kept = [s for s in pool if s.mase <= COMBINE_WITHIN * best]
        if len(kept) >= 2:
            combo = _Score(model=None, label=f"중앙값 조합(모델 {len(kept)}개)",
                           members=tuple(s.model.name for s in kept), how="median")  # fmt: skip
            combo.forecasts = np.median(np.stack([s.forecasts for s in kept]), axis=0)
            _score(combo, windows, y, m, level, counts)
            scores.append(combo)
    for s in scores:
        if not s.failure:
            s.errors = windows.actual - s.forecasts  # type: ignore[attr-defined]
    return scores, windows


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
            member = model.fit(y, calendar).predict(horizon)["mean"]
            means.append(np.clip(member, 0, None) if nonneg else member)
        mean = np.median(means, axis=0) if score.how == "median" else np.mean(means, axis=0)
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
    if freq == "BH":
        intro = _office_intro(y, future, horizon, what)
    if freq == "B":
        closed = "주말과 공휴일" if _holidays_closed(y.index) else "주말"
        intro = (
            f"근무일만 있는 {what} 기록 "
            + _j(f"{len(y):,}일({y.index[0]:%Y-%m-%d}~{y.index[-1]:%Y-%m-%d})", "으로/로")
            + f" 다음 근무일 {horizon:,}일({future[0]:%Y-%m-%d}~{future[-1]:%Y-%m-%d})을 "
            f"예측했습니다. {_j(closed, '은/는')} 문을 닫는 날로 보고 예측 날짜에서 뺐습니다."
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
    observed = y
    y, shift_note = _level_shift(y, freq, unit, calendar)
    scores, windows = _backtest(y, freq, kind, horizon, level, calendar)
    # The combination first (when there is one), then the single models by backtest MASE.
    ranked = sorted((s for s in scores if not s.failure),
                    key=lambda s: (s.model is not None, s.mase))  # fmt: skip
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
        naive = SeasonalNaive(season=season_length(freq, len(y), y.index), counts=counts)
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
        calibration = _calibrate(chosen.errors, chosen.forecasts, windows.groups, level, counts,
                                 windows.per_day)  # fmt: skip
        width = _widths(calibration, _groups(calendar, future, freq), mean, counts)
        explanation = _explain(intro, chosen, scores, failures, windows, horizon, unit, level)
    if shift_note:
        explanation = explanation.replace(intro, f"{intro} {shift_note}", 1)
    lower = mean - width
    if nonneg:
        lower = np.clip(lower, 0, None)
    table = pd.DataFrame(
        {"날짜": future, "예측": mean, "하한": lower, "상한": mean + width}
    ).reset_index(drop=True)
    name = chosen.model.name if chosen.model is not None else "Combination"
    return ForecastResult(table, _accuracy_table(scores, chosen), name, explanation, observed,
                          prepared.notes, freq, level)  # fmt: skip


def _per_day(index: pd.DatetimeIndex, freq: str) -> int:
    return {"h": 24, "BH": office_day(index) if freq == "BH" else 0}.get(freq, 1)


def _office_intro(y: pd.Series, future: pd.DatetimeIndex, horizon: int, what: str) -> str:
    offset = y.index.freq
    start, end = offset.start[0].hour, offset.end[0].hour or 24
    if len(offset.weekmask.split()) == 7:
        days, closed = "매일", "밤 시간"
    elif _holidays_closed(y.index):
        days, closed = "근무일(주말·공휴일 제외)", "밤 시간과 주말·공휴일"
    else:
        days, closed = "평일", "밤 시간과 주말"
    return (
        f"{days} {start:02d}~{end:02d}시 근무시간만 있는 {what} 기록 "
        + _j(f"{len(y):,}시간({y.index[0]:%Y-%m-%d}~{y.index[-1]:%Y-%m-%d})", "으로/로")
        + f" 다음 근무시간 {horizon:,}시간({future[0]:%Y-%m-%d %H}시~{future[-1]:%Y-%m-%d %H}시)을 "
        f"예측했습니다. {_j(closed, '은/는')} 문을 닫는 때로 보고 예측 시각에서 뺐습니다."
    )


def _holidays_closed(index: pd.DatetimeIndex) -> bool:
    offset = index.freq
    return bool(len(getattr(offset, "holidays", ()) or ()))


def _level_shift(y: pd.Series, freq: str, unit: str, calendar) -> tuple[pd.Series, str]:
    """The series with its history before a recent lasting change of level (a new road, a
    new 민원 channel, COVID) brought to the new level, so that no model is dragged back to
    the old one, and a Korean sentence saying so. Unchanged when there is no such change."""
    if freq in ("h", "BH"):  # a holiday is a whole day of extremes: too easily taken for a shift
        return y, ""
    m = season_length(freq, len(y))
    values = y.to_numpy(dtype=float)
    run = recent_shift(values, m) if m > 1 else 0
    if not run or len(values) - run < 2 * m:
        return y, ""
    if freq in ("D", "B"):  # a long 연휴 at the end is no new level
        ordinary = day_types(calendar.reindex(y.index[-run:])) == 0
        if int(ordinary.sum()) < m:
            return y, ""
    start = len(values) - run
    post, ref = values[start:], season_reference(values, m)[start:]
    adjusted = values.copy()
    if (post > 0).all() and (ref > 0).all():
        ratio = float(np.median(post / ref))
        adjusted[:start] *= ratio
        how = f"그 전의 약 {ratio:.0%}"
    else:
        shift = float(np.median(post - ref))
        adjusted[:start] += shift
        if (values >= 0).all():
            adjusted = np.clip(adjusted, 0, None)
        how = f"그 전보다 약 {shift:+,.0f}"
    note = (
        f"최근 {run:,}{unit} 동안 값의 수준이 크게 바뀌어({how}) 이어질 변화로 보고, 그 전 "
        "기록을 새 수준에 맞춘 뒤 예측했습니다."
    )
    return pd.Series(adjusted, index=y.index, name=y.name), note


def _table(future, mean, width) -> pd.DataFrame:
    return pd.DataFrame({"날짜": future, "예측": mean, "하한": mean - width, "상한": mean + width})


def _explain(intro, chosen, scores, failures, windows, horizon, unit, level) -> str:
    origins, h = windows.regular, windows.h
    naive = next((s for s in scores if s.model is not None and s.model.name == "SeasonalNaive"),
                 None)  # fmt: skip
    parts = [intro]
    parts.append(
        f"최근 기록을 {origins}번 잘라 그 뒤 {_j(f'{h:,}{unit}', '을/를')} 미리 예측해 보는 "
        "검증(백테스트)으로 "
        f"후보 {len(scores)}개를 비교했습니다."
    )
    if chosen.model is None:
        best = min((s for s in scores if s.model is not None and not s.failure),
                   key=lambda s: s.mase)  # fmt: skip
        versus = f", 계절 단순 예측 {naive.mase:.2f}" if naive is not None and naive.mase else ""
        parts.append(
            f"백테스트 MASE가 가장 낮은 {best.label}의 {COMBINE_WITHIN:g}배 안에 드는 "
            f"모델 {len(chosen.members)}개({', '.join(_labels(scores, chosen.members))})의 예측을 "
            "날짜마다 중앙값으로 묶었습니다"
            f"(MASE {chosen.mase:.2f}{versus}). 짧은 백테스트로 한 모델만 고르면 새 기간에 "
            "빗나가기 쉬워, 여러 모델의 가운데 값을 씁니다."
        )
    elif naive is not None and chosen is naive:
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
    extra = len(windows.ends) - windows.regular
    if extra:
        parts.append(
            "공휴일·명절 무렵은 오차가 커서, 지난 공휴일 앞에서 따로 "
            f"{extra}번 해 본 백테스트의 오차까지 모아 구간을 따로 넓혔습니다."
        )
    if horizon > h:
        parts.append(f"백테스트는 {h:,}{unit}까지만 했으므로 그 뒤의 예측과 구간은 덜 확실합니다.")
    for s in failures:
        parts.append(f"{_j(s.label, '은/는')} {s.failure}해 뺐습니다.".replace("실패 (", "실패("))
    return " ".join(parts)


def _labels(scores: list[_Score], names: tuple[str, ...]) -> list[str]:
    by_name = {s.model.name: s.label for s in scores if s.model is not None}
    return [by_name.get(name, name) for name in names]


def _why(score: _Score) -> str:
    if score.model is None:
        return ""
    if score.model.name.startswith("HolidayEffects"):
        return " (명절·공휴일·연휴 다음 날의 효과를 종류별로 모아 배워 기본 모델 위에 얹습니다)"
    return {
        "CalendarRegression": " (공휴일·명절·연휴 다음 날을 따로 배우는 모델입니다)",
        "ETS": " (수준·추세·계절을 지수평활로 따라가는 엑셀 FORECAST.ETS 계열 모델입니다)",
        "MSTL": " (하루와 한 주의 두 주기를 함께 나눠 보는 모델입니다)",
        "Croston": " (드문드문 생기는 건수에 맞는 모델입니다)",
    }.get(score.model.name, "")


def forecast(
    dates, values, horizon, *, kind: str = "traffic", level=0.95, workdays: bool | None = None
) -> ForecastResult:
    """Forecast ``horizon`` periods after the last date (see the module docstring).

    ``kind="traffic"`` for measurements such as traffic volumes (gaps interpolated),
    ``kind="complaints"`` for counts such as 민원 (gaps are 0, forecasts never below 0).
    ``workdays``: see ``prepare_series`` (``None`` detects working days and office hours,
    ``True`` forecasts Korean working days only).
    """
    prepared = prepare_series(dates, values, kind=kind, workdays=workdays)
    return forecast_series(prepared, horizon, kind=kind, level=level)


def forecast_accuracy(dates, values, horizon=None, *, kind: str = "traffic") -> pd.DataFrame:
    """The backtest table alone: 모델, MASE, sMAPE, 구간 적중률, 선택.

    Without ``horizon`` the backtest uses one season (7 days, 24 hours, 13 weeks, 12 months).
    """
    prepared = prepare_series(dates, values, kind=kind)
    if horizon in (None, ""):
        horizon = {"h": 24, "D": 7, "W": 13, "MS": 12, "B": 5}.get(prepared.freq)
        horizon = horizon or office_day(prepared.series.index)
    return forecast_series(prepared, horizon, kind=kind).accuracy
