"""The forecast is the median of the models whose backtest is close to the best."""

import numpy as np
import pandas as pd

from dadeum.engine.forecast import forecast, korean_calendar, prepare_series
from dadeum.engine.forecast.driver import COMBINE_WITHIN, _backtest
from dadeum.samples.series import daily_traffic


def test_the_combination_is_the_median_of_the_close_models_only():
    prepared = prepare_series(*_columns(daily_traffic("2023-01-01", 400, seed=1)))
    y = prepared.series
    future = pd.date_range(y.index[-1], periods=15, freq="D")[1:]
    calendar = korean_calendar(y.index.union(future), "D")
    scores, _ = _backtest(y, "D", "traffic", 14, 0.95, calendar)
    singles = [s for s in scores if s.model is not None and not s.failure]
    combo = next(s for s in scores if s.model is None)
    best = min(s.mase for s in singles)
    close = [s for s in singles if s.mase <= COMBINE_WITHIN * best]
    assert combo.members == tuple(s.model.name for s in close)
    expected = np.median(np.stack([s.forecasts for s in close]), axis=0)
    np.testing.assert_allclose(combo.forecasts, expected)


def test_the_combination_is_chosen_and_explained():
    y = daily_traffic("2023-01-01", 400, seed=1)
    result = forecast(*_columns(y), 14)
    chosen = result.accuracy.loc[result.accuracy["선택"] == "선택", "모델"].iloc[0]
    assert chosen.startswith("중앙값 조합(모델 ")
    assert "중앙값으로 묶었습니다" in result.explanation


def _columns(y: pd.Series):
    return list(y.index), y.tolist()
