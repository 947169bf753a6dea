"""One contract test over every forecasting model: same interface, sane output."""

import numpy as np
import pandas as pd
import pytest

from dadeum.engine.forecast import MODELS, MSTLModel, korean_calendar
from dadeum.engine.forecast.models import season_length
from dadeum.samples.series import daily_complaints, daily_traffic, hourly_traffic, sparse_complaints

SERIES = {
    "daily_traffic": (lambda: daily_traffic(days=200), "D", False),
    "daily_complaints": (lambda: daily_complaints(days=200), "D", True),
    "sparse_complaints": (lambda: sparse_complaints(days=200), "D", True),
    "hourly_traffic": (lambda: hourly_traffic(days=28), "h", False),
}
H = 10


def _cases():
    for model in MODELS:
        for name, (_, freq, _counts) in SERIES.items():
            if model is MSTLModel and freq != "h":
                continue
            yield pytest.param(model, name, id=f"{model.__name__}-{name}")


@pytest.mark.parametrize(("model_class", "series_name"), list(_cases()))
def test_model_contract(model_class, series_name):
    make, freq, counts = SERIES[series_name]
    y = make()
    season = season_length(freq, len(y))
    calendar = korean_calendar(y.index.union(pd.date_range(y.index[-1], periods=H + 1,
                                                           freq=y.index.freq)), freq)  # fmt: skip

    def run():
        model = model_class(season=season, counts=counts, horizon=H)
        assert model.fit(y, calendar) is model
        return model.predict(H, level=0.9)

    out = run()
    assert set(out) == {"mean", "lower", "upper"}
    for key in out:
        assert out[key].shape == (H,)
        assert np.isfinite(out[key]).all()
    assert (out["lower"] <= out["mean"] + 1e-9).all()
    assert (out["mean"] <= out["upper"] + 1e-9).all()
    if counts:
        assert (out["lower"] >= 0).all() and (out["mean"] >= 0).all()
    # Deterministic: the same data gives the same forecast.
    again = run()
    np.testing.assert_allclose(out["mean"], again["mean"])
    # Wider level, wider interval.
    model = model_class(season=season, counts=counts, horizon=H).fit(y, calendar)
    narrow, wide = model.predict(H, 0.5), model.predict(H, 0.99)
    assert (wide["upper"] - wide["lower"] >= narrow["upper"] - narrow["lower"] - 1e-9).all()
    # Without a calendar the model computes what it needs itself.
    alone = model_class(season=season, counts=counts, horizon=H).fit(y).predict(H)
    np.testing.assert_allclose(alone["mean"], out["mean"], rtol=1e-6)


def test_regression_learns_a_horizon_longer_than_it_was_fitted_for():
    from dadeum.engine.forecast import CalendarRegression

    y = daily_traffic(days=300)
    model = CalendarRegression(season=7, horizon=7).fit(y)
    assert model.predict(40)["mean"].shape == (40,)
