"""The real-series mode of the forecast benchmark, without the corpus."""

import io
import itertools

import numpy as np
import pandas as pd

from benchmarks.bench_forecast import run_real
from benchmarks.real_series import origins, working_days_only


def test_rolling_origins_reach_back_and_leave_history():
    cuts = origins(365, 28, 3, least=56)
    assert cuts[-1] == 365 - 28 and len(cuts) == 3
    assert all(b - a >= 28 for a, b in itertools.pairwise(cuts))
    short = origins(48, 12, 3, least=24)
    assert short[0] >= 24 and short[-1] == 36


def test_working_days_only_drops_weekends_and_korean_holidays():
    days = pd.date_range("2024-09-09", "2024-09-22", freq="D")
    kept = working_days_only(pd.Series(np.arange(len(days), dtype=float), index=days))
    # 추석 2024 is Mon 16 – Wed 18 September.
    assert list(kept.index.strftime("%d")) == ["09", "10", "11", "12", "13", "19", "20"]


def test_without_the_corpus_the_real_mode_says_it_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("DADEUM_CORPUS", str(tmp_path))
    out = io.StringIO()
    assert run_real(libreoffice=False, out=out) is None
    assert "skipped" in out.getvalue()
