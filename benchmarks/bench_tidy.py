"""Speed of the tidy-table conversion beside a plain ``pd.read_excel`` of the same file.

    .venv/bin/python -m benchmarks.bench_tidy [--rows 10000] [--cols 30] [--seed 0]

Writes a seeded messy sheet (``dadeum.samples.tables.big_messy_table``: title, unit row,
two-row merged header, 소계 rows every 20 rows, group labels merged down, numbers as text with
commas, placeholders, notes) to an .xlsx file in a temporary folder with openpyxl, then in
this one process times, each the best of three runs (wall and CPU time apart, because
wall time is inflated when other processes share the machine):

- ``pd.read_excel(path, header=None)``, the baseline: reading only, nothing tidied;
- our read: ``dadeum.fileio.read_table(path)`` and ``Table.grid()`` (cells, merges spread);
- our conversion: ``tidy_grid`` on that grid (every step, issues included);
- and the two together.

The issue's target: the conversion of 10,000 rows × 30 columns in under one second.

    .venv/bin/python -m benchmarks.bench_tidy --real [--corpus DIR]

scores the conversion of real published tables against long outputs written by hand
(precision, recall and F1 over cell values per table, rows out, seconds, the mean; see
``benchmarks.tidy_real`` for how cells are compared). It needs the corpus folder and says so
when it is absent.
"""

import argparse
import datetime as dt
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

RUNS = 3


#: CPU seconds of the best run of each ``best_time`` call, by call order; wall time is
#: inflated when other processes share the machine, CPU time much less so.
CPU_TIMES: list[float] = []


def best_time(function: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of ``RUNS`` runs, and the last result; the best CPU time goes to
    ``CPU_TIMES``."""
    best, best_cpu, result = math.inf, math.inf, None
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    CPU_TIMES.append(best_cpu)
    return best, result


def write_sheet(path: Path, rows: int, cols: int, seed: int) -> tuple[int, int]:
    """The messy sheet as .xlsx at ``path``; returns its size in rows and columns."""
    from openpyxl import Workbook

    from dadeum.samples.tables import big_messy_table

    case = big_messy_table(rows, cols, seed)
    book = Workbook()
    sheet = book.active
    sheet.title = "현황"
    for row in case.rows:
        sheet.append(row)
    for merge in case.merges:
        sheet.merge_cells(
            start_row=merge.top, start_column=merge.left,
            end_row=merge.bottom, end_column=merge.right,
        )  # fmt: skip
    book.save(path)
    return len(case.rows), max(len(row) for row in case.rows)


def run(rows: int, cols: int, seed: int) -> list[tuple[str, float, float, str]]:
    """(step, wall seconds, CPU seconds, note) for each timed step."""
    from dadeum.engine.tables.tidy import tidy_grid
    from dadeum.fileio import read_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "messy.xlsx"
        size = write_sheet(path, rows, cols, seed)
        baseline, frame = best_time(lambda: pd.read_excel(path, header=None))
        read, grid = best_time(lambda: read_table(path).grid())
        convert, tables = best_time(lambda: tidy_grid(grid, sheet="현황"))
    table = tables[0]
    cpu_base, cpu_read, cpu_convert = CPU_TIMES[-3:]
    return [
        (
            "pd.read_excel(header=None)",
            baseline,
            cpu_base,
            f"{frame.shape[0]:,} × {frame.shape[1]} cells",
        ),
        (
            "dadeum read_table + grid",
            read,
            cpu_read,
            f"{size[0]:,} × {size[1]}, {len(grid):,} grid rows",
        ),
        (
            "dadeum tidy_grid",
            convert,
            cpu_convert,
            f"→ {table.data.shape[0]:,} × {table.data.shape[1]}, {len(table.totals)} totals, "
            f"{len(table.issues):,} issues",
        ),
        ("dadeum read + tidy", read + convert, cpu_read + cpu_convert, ""),
    ]


def _print_table(results: list[tuple[str, float, float, str]]) -> None:
    baseline = results[0][1]
    header = ("step", "wall s", "CPU s", "vs read_excel", "")
    lines = [
        (
            step,
            f"{seconds:.3f}",
            f"{cpu:.3f}",
            f"{seconds / baseline:.2f}x" if baseline else "-",
            note,
        )
        for step, seconds, cpu, note in results
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    for line in [header, *lines]:
        print("  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(line)).rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_tidy", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--rows", type=int, default=10_000, help="data and 소계 rows")
    parser.add_argument("--cols", type=int, default=30, help="columns, two of them labels")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--real", action="store_true", help="score real tables of the corpus")
    parser.add_argument("--corpus", type=Path, help="folder of the real tables")
    args = parser.parse_args(argv)
    if args.real:
        from benchmarks.tidy_real import CORPUS, print_real, run_real

        corpus = args.corpus or CORPUS
        if not corpus.is_dir():
            print(f"skipped: no corpus at {corpus}")
            return 0
        print_real(run_real(corpus))
        return 0
    if args.rows < 2 or args.cols < 3:
        parser.error("--rows must be at least 2 and --cols at least 3")
    print(
        f"{args.rows:,} rows × {args.cols} columns, seed {args.seed}; {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"{dt.date.today()}"
    )
    results = run(args.rows, args.cols, args.seed)
    _print_table(results)
    convert, convert_cpu = results[2][1], results[2][2]
    verdict = "under" if convert_cpu < 1 else "over"
    print(
        f"conversion: {convert:.3f} s wall, {convert_cpu:.3f} s CPU, "
        f"{verdict} the 1 s target in CPU time"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
