"""Replaying a five-step recipe on a folder of monthly files, beside plain reading and writing.

    .venv/bin/python -m benchmarks.bench_recipe [--files 100] [--rows 5000] [--format both]

Generates ``files`` seeded monthly 민원 lists of ``rows`` records each
(``dadeum.samples.monthly.big_month_rows``: title, unit row, header, thousands separators,
dates written three ways, names and phone numbers, a 합계 row, a source line) into a temporary
folder, as .csv and/or .xlsx, and records a five-step recipe on the first one:

    tidy → clean (types) → pseudonymize (담당자 가명, 연락처 삭제) → tidy → clean

Then times, side by side, for each format:

- ``recipe run``: one ``dadeum recipe run RECIPE FILES --out OUT --quiet`` process, as a
  scheduler would start it (Python start-up and imports included; one worker per core);
- ``--jobs 1``: the same with a single worker;
- ``read+write``: the same files read and written again with the same readers and writers
  (``dadeum.fileio``), no steps: the floor any replay pays for the files themselves;
- ``pandas``: ``pd.read_csv``/``pd.read_excel`` and ``to_csv``/``to_excel`` of the same files;
- ``one by one``: ``dadeum recipe run`` started once per file (what a loop in a batch file
  does), on the first ``--loop`` files, scaled to all of them.

Prints wall and CPU seconds, files/s, rows/s and each ratio to ``recipe run``. The target in
issue #7 is under 60 s for 100 files of 5,000 rows on a 2-core machine.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60.0


def generate(folder: Path, files: int, rows: int, suffix: str) -> list[Path]:
    from dadeum.fileio import write_csv, write_excel
    from dadeum.samples.monthly import big_month_rows

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(1, files + 1):
        grid = pd.DataFrame(big_month_rows((n - 1) % 12 + 1, rows, seed=2025 + n), dtype=object)
        path = folder / f"민원_{n:03d}{suffix}"
        if suffix == ".csv":
            write_csv(path, grid)
        else:
            write_excel(path, {"민원": (grid, {})})
        paths.append(path)
    return paths


def recipe_for(source: Path, work: Path) -> Path:
    """Record the five steps on the first file with the command line, as an official would."""
    recipe = work / "레시피.json"
    env = {**os.environ, "DADEUM_KEY_DIR": str(work / "keys")}
    steps = [
        ("tidy", source, "t1.csv", []),
        ("clean", "t1.csv", "c1.csv", []),
        ("pseudonymize", "c1.csv", "p.csv", ["--columns", "담당자=가명", "연락처=삭제"]),
        ("tidy", "p.csv", "t2.csv", []),
        ("clean", "t2.csv", "c2.csv", ["--header"]),
    ]
    run(["key", "create"], env)
    for command, given, target, extra in steps:
        given = given if isinstance(given, Path) else work / given
        run([command, str(given), "--out", str(work / target), *extra, "--save-recipe",
             str(recipe)], env)  # fmt: skip
    steps_recorded = [step["step"] for step in json.loads(recipe.read_text("utf-8"))["steps"]]
    assert steps_recorded == [s[0] for s in steps], steps_recorded
    return recipe


def run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-m", "dadeum", *args], cwd=REPO, env=env,
                            capture_output=True, text=True)  # fmt: skip
    if result.returncode not in (0,):
        raise SystemExit(f"dadeum {' '.join(args[:2])} failed:\n{result.stderr}{result.stdout}")


CPU: dict[str, float] = {}  # CPU seconds of the last timed call, this process and children


def timed(function) -> tuple[float, float]:
    """Wall and CPU seconds (CPU counts the child processes too: it shows the work when other
    programs share the machine)."""
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    function()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
              for a, b in zip(after, before, strict=True))  # fmt: skip
    return wall, cpu


def replay(recipe: Path, inputs: list[Path], out: Path, env: dict[str, str], jobs=None) -> None:
    extra = ["--jobs", jobs] if jobs else []
    run(["recipe", "run", str(recipe), *map(str, inputs), "--out", str(out), "--quiet", *extra],
        env)  # fmt: skip


def read_write(paths: list[Path], out: Path) -> None:
    from dadeum.fileio import read_table, write_csv, write_excel

    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        frame = read_table(path).frame
        target = out / path.name
        if path.suffix == ".csv":
            write_csv(target, frame)
        else:
            write_excel(target, {"결과": (frame, {})})


def plain_pandas(paths: list[Path], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if path.suffix == ".csv":
            pd.read_csv(path, header=None, dtype=object).to_csv(out / path.name, index=False)
        else:
            pd.read_excel(path, header=None, dtype=object, engine="openpyxl").to_excel(
                out / path.name, index=False
            )


def measure(temp: Path, suffix: str, args) -> tuple[float, dict, int, int]:
    start = time.perf_counter()
    inputs = generate(temp / f"in{suffix}", args.files, args.rows, suffix)
    made = time.perf_counter() - start
    work = temp / f"work{suffix}"
    work.mkdir()
    recipe = recipe_for(inputs[0], work)
    env = {**os.environ, "DADEUM_KEY_DIR": str(work / "keys")}
    loop = inputs[: max(1, min(args.loop, len(inputs)))]
    out = temp / f"out{suffix}"
    times = {
        "recipe run": timed(lambda: replay(recipe, inputs, out, env)),
        "--jobs 1": timed(lambda: replay(recipe, inputs, temp / f"j1{suffix}", env, "1")),
        "read+write": timed(lambda: read_write(inputs, temp / f"rw{suffix}")),
        "pandas": timed(lambda: plain_pandas(inputs, temp / f"pd{suffix}")),
    }
    wall, cpu = timed(lambda: [replay(recipe, [p], temp / f"one{suffix}", env) for p in loop])
    times["one by one"] = (wall / len(loop) * len(inputs), cpu / len(loop) * len(inputs))
    summary = pd.read_csv(out / "레시피_결과.csv", encoding="utf-8-sig")
    failed = int((summary["상태"] != "완료").sum())
    rows_out = int(pd.to_numeric(summary["출력 행"], errors="coerce").sum())
    return made, times, failed, rows_out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--format", choices=["csv", "xlsx", "both"], default="both")
    parser.add_argument("--loop", type=int, default=5, help="files for the one-by-one run")
    args = parser.parse_args(argv)
    formats = [".csv", ".xlsx"] if args.format == "both" else [f".{args.format}"]
    print(f"recipe replay: {args.files} files × {args.rows:,} rows, five steps, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    results = []
    with tempfile.TemporaryDirectory(prefix="dadeum-bench-") as temp:
        temp = Path(temp)
        for suffix in formats:
            results.append((suffix, *measure(temp, suffix, args)))
    total_rows = args.files * args.rows
    for suffix, made, times, failed, rows_out in results:
        print(f"\n{suffix[1:]} (generated in {made:.1f} s; {rows_out:,} rows out, "
              f"{failed} failed)")  # fmt: skip
        base = times["recipe run"][0]
        print(f"  {'':<12}{'seconds':>9}{'CPU s':>8}{'files/s':>9}{'rows/s':>10}"
              f"{'÷ recipe run':>14}")  # fmt: skip
        for name, (seconds, cpu) in times.items():
            scaled = " (scaled)" if name == "one by one" else ""
            print(f"  {name:<12}{seconds:9.1f}{cpu:8.1f}{args.files / seconds:9.1f}"
                  f"{total_rows / seconds:10,.0f}{seconds / base:14.2f}{scaled}")  # fmt: skip
        if args.files * args.rows >= 100 * 5000:
            verdict = "meets" if base < TARGET_SECONDS else "misses"
            print(f"  target: under {TARGET_SECONDS:.0f} s for 100 × 5,000 rows → {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
