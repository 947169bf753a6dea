"""What the input guards and CSV neutralising cost, beside the same work without them.

    .venv/bin/python -m benchmarks.bench_limits [--rows 10000] [--cols 30] [--seed 0]

Writes the seeded messy sheet of ``bench_tidy`` as .xlsx and as CSV in a temporary folder, then
in this one process times, each the best of three runs:

- ``check_input_file`` alone on the .xlsx (file size, zip member count, declared sizes and
  compression ratio, from the zip's central directory);
- ``_check_xml_extent`` alone on the sheet's XML (rows and columns from A1 to the last cell);
- ``read_table`` of the .xlsx and of the CSV with every guard, beside the same reads with the
  file, extent and cell-length checks switched off (the reader as it was before);
- ``write_csv`` of the tidy result with ``csv_safe`` on every text cell, beside ``write_csv``
  with ``csv_safe`` replaced by the identity (the writer as it was before).
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd

from benchmarks.bench_tidy import best_time, write_sheet


def run(rows: int, cols: int, seed: int) -> list[tuple[str, float, float, str]]:
    """(step, seconds with guards, seconds without, note) for each timed step."""
    from dadeum import fileio
    from dadeum.fileio import check_input_file, read_table, write_csv

    with tempfile.TemporaryDirectory() as folder:
        xlsx = Path(folder) / "messy.xlsx"
        write_sheet(xlsx, rows, cols, seed)
        grid = read_table(xlsx).frame
        csv_path = Path(folder) / "messy.csv"
        write_csv(csv_path, grid)
        out = Path(folder) / "out.csv"
        size = (
            f"{xlsx.stat().st_size / 1e6:.1f} MB .xlsx, {csv_path.stat().st_size / 1e6:.1f} MB CSV"
        )

        check, _ = best_time(lambda: check_input_file(xlsx, "excel"))
        xml = fileio._sheet_xml(xlsx, 0)
        extent, _ = best_time(lambda: fileio._check_xml_extent(xml, "sheet"))
        with_x, _ = best_time(lambda: read_table(xlsx))
        with_c, _ = best_time(lambda: read_table(csv_path))
        written, _ = best_time(lambda: write_csv(out, grid))
        with (
            mock.patch.object(fileio, "check_input_file", lambda path, kind: None),
            mock.patch.object(fileio, "_check_cell_lengths", lambda *args: None),
            mock.patch.object(fileio, "_check_xml_extent", lambda *args: None),
        ):
            without_x, _ = best_time(lambda: read_table(xlsx))
            without_c, _ = best_time(lambda: read_table(csv_path))
        with mock.patch.object(fileio, "csv_safe", lambda text: text):
            plain, _ = best_time(lambda: write_csv(out, grid))
    return [
        ("check_input_file (.xlsx)", check, 0.0, size),
        ("_check_xml_extent", extent, 0.0, f"{len(xml) / 1e6:.1f} MB of sheet XML"),
        ("read_table .xlsx", with_x, without_x, f"{grid.shape[0]:,} × {grid.shape[1]} cells"),
        ("read_table .csv", with_c, without_c, ""),
        ("write_csv", written, plain, "csv_safe on every text cell"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_limits", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--rows", type=int, default=10_000, help="data and 소계 rows")
    parser.add_argument("--cols", type=int, default=30, help="columns, two of them labels")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    args = parser.parse_args(argv)
    if args.rows < 2 or args.cols < 3:
        parser.error("--rows must be at least 2 and --cols at least 3")
    print(
        f"{args.rows:,} rows × {args.cols} columns, seed {args.seed}; {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"{dt.date.today()}"
    )
    header = ("step", "with guards (s)", "without (s)", "cost", "")
    lines = [
        (
            step,
            f"{guarded:.3f}",
            f"{bare:.3f}" if bare else "-",
            f"{(guarded - bare) / bare:+.0%}" if bare else "-",
            note,
        )
        for step, guarded, bare, note in run(args.rows, args.cols, args.seed)
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    for line in [header, *lines]:
        print("  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(line)).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
