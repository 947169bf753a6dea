"""Speed and accuracy of the number and date converters beside the closest pandas baselines.

    .venv/bin/python -m benchmarks.bench_cleaning [--rows 1048576] [--seed 0]

Generates seeded messy Korean number and date strings (``dadeum.samples``), then in this one
process times our converters and the pandas baselines on the same column, each the best of
three runs (one run when a run takes longer than ``SLOW_SECONDS``), and prints cells per
second and the share of cells each got right against the generator's true values.
"""

import argparse
import datetime as dt
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError, Placeholder

EXCEL_ROWS = 1_048_576
RUNS = 3
SLOW_SECONDS = 20.0


@dataclass
class Row:
    method: str
    cells: int
    seconds: float
    correct: float
    baseline_seconds: float | None = None

    @property
    def cells_per_second(self) -> float:
        return self.cells / self.seconds if self.seconds else math.inf

    @property
    def ratio(self) -> float:
        """Our speed over the baseline's (>1 = faster); 1 for the baseline itself."""
        if self.baseline_seconds is None:
            return 1.0
        return self.baseline_seconds / self.seconds if self.seconds else math.inf


def best_time(function: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of ``RUNS`` runs (a single run if it is slower than SLOW_SECONDS)."""
    best, result = math.inf, None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        if elapsed > SLOW_SECONDS:
            break
    return best, result


def _has_value(value: Any) -> bool:
    """Whether a converter gave the cell a value (not blank, not an error, not a placeholder)."""
    if value is None or isinstance(value, CellError | Placeholder):
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _same_number(got: Any, want: Any) -> bool:
    try:
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def _same_date(got: Any, want: Any) -> bool:
    try:
        return pd.Timestamp(got) == pd.Timestamp(want)
    except (TypeError, ValueError):
        return False


def share_correct(
    results: Sequence[Any], truth: Sequence[Any], same: Callable[[Any, Any], bool]
) -> float:
    """Share of cells right: a value equal to the truth; or no value where the truth has none
    (blanks, placeholders and inputs the generator marks as expected failures)."""
    right = 0
    # Compare each distinct (result, truth) pair once; the columns repeat heavily.
    pairs = pd.Series(list(zip(_hashable(results), _hashable(truth), strict=True)))
    for (got, want), count in pairs.value_counts(dropna=False).items():
        expected = _has_value(want)
        if _has_value(got) == expected and (not expected or same(got, want)):
            right += count
    return right / len(truth) if len(truth) else 1.0


def _hashable(values: Sequence[Any]) -> list[Any]:
    # NaN != NaN would split identical pairs; None stands for every kind of "no value".
    return [value if _has_value(value) else None for value in values]


def _print_table(rows: list[Row]) -> None:
    header = ("method", "cells", "seconds", "cells/s", "vs baseline", "correct")
    table = [
        (
            row.method,
            f"{row.cells:,}",
            f"{row.seconds:.3f}",
            f"{row.cells_per_second:,.0f}",
            f"{row.ratio:.2f}x",
            f"{row.correct:.1%}",
        )
        for row in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *table]) for i in range(len(header))]
    for line in [header, *table]:
        print("  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(line)).rstrip())


def run(rows: int, seed: int) -> list[Row]:
    from dadeum.engine.dates import to_date_series
    from dadeum.engine.numbers import to_number_series
    from dadeum.samples.dates import korean_date_samples
    from dadeum.samples.numbers import korean_number_samples

    number_texts, number_truth = korean_number_samples(rows, seed=seed)
    date_texts, date_truth = korean_date_samples(rows, seed=seed)
    numbers = pd.Series(number_texts, dtype=object)
    dates = pd.Series(date_texts, dtype=object)

    results = []
    seconds, baseline = best_time(
        lambda: pd.to_numeric(numbers.str.replace(",", "", regex=False), errors="coerce")
    )
    baseline_row = Row(
        "pd.to_numeric (commas removed)",
        len(numbers),
        seconds,
        share_correct(baseline.tolist(), number_truth, _same_number),
    )
    seconds, ours = best_time(lambda: to_number_series(numbers))
    results += [
        Row(
            "dadeum to_number_series",
            len(numbers),
            seconds,
            share_correct(ours.tolist(), number_truth, _same_number),
            baseline_seconds=baseline_row.seconds,
        ),
        baseline_row,
    ]

    seconds, baseline = best_time(lambda: pd.to_datetime(dates, format="mixed", errors="coerce"))
    baseline_row = Row(
        'pd.to_datetime(format="mixed")',
        len(dates),
        seconds,
        share_correct(baseline.tolist(), date_truth, _same_date),
    )
    seconds, ours = best_time(lambda: to_date_series(dates))
    results += [
        Row(
            "dadeum to_date_series",
            len(dates),
            seconds,
            share_correct(ours.tolist(), date_truth, _same_date),
            baseline_seconds=baseline_row.seconds,
        ),
        baseline_row,
    ]
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_cleaning", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--rows", type=int, default=EXCEL_ROWS, help="cells per column")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    print(
        f"{args.rows:,} number strings and {args.rows:,} date strings, seed {args.seed}; "
        f"{os.cpu_count()} CPUs, numpy {np.__version__}, pandas {pd.__version__}, {dt.date.today()}"
    )
    _print_table(run(args.rows, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
