"""Smoke test of the load benchmark: a short, gentle run against a real server; no timings."""

import xlwings.utils

from benchmarks import bench_load
from dadeum.server.speedups import skip_pyodide_probe


def test_load_benchmark_runs_and_every_call_succeeds(capsys):
    figures = bench_load.run(seconds=3, concurrency=4, workers=1, big_cells=2_000)
    rows = {row["call"]: row for row in figures["rows"]}
    assert set(rows) == {*bench_load.MIX, "all functions", "all calls"}
    assert all(row["ok"] > 0 and row["errors"] == 0 for row in rows.values())
    assert len(figures["big_call_seconds"]) == bench_load.BIG_RUNS
    printed = capsys.readouterr().out
    assert "p95 ms" in printed and "TO_NUMBER on 2,000 cells" in printed


def test_open_loop_run_of_one_call_type(capsys):
    figures = bench_load.run(seconds=1, concurrency=2, workers=1, rate=20, big_cells=0,
                             only="clean_text")  # fmt: skip
    rows = {row["call"]: row for row in figures["rows"]}
    assert rows["clean_text"]["ok"] == 20 and rows["clean_text"]["errors"] == 0
    assert figures["big_call_seconds"] == []


def test_pyodide_probe_is_skipped_only_where_pyodide_is_missing():
    assert skip_pyodide_probe()  # no Pyodide in this environment
    assert xlwings.utils.is_jsnull(None) is False
    assert xlwings.utils.is_jsnull("") is False


def test_compare_runs_baseline_and_current_side_by_side(capsys):
    results = bench_load.compare(1, seconds=1, concurrency=2, workers=1, rate=10, big_cells=0,
                                 only="clean_text")  # fmt: skip
    assert [name for name, _ in results] == ["baseline", "current"]
    for _, figures in results:
        rows = {row["call"]: row for row in figures["rows"]}
        assert rows["clean_text"]["ok"] == 10 and rows["clean_text"]["errors"] == 0
        assert figures["server_cpu_ms_per_call"] > 0  # the server's own CPU time, from /proc
    printed = capsys.readouterr().out
    assert "DADEUM_SPEEDUPS=0" in printed and "ratio" in printed
