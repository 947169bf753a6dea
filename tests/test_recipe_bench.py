"""The recipe benchmark runs end to end on a tiny folder (no timing is asserted)."""

import subprocess
import sys

from tests.conftest import REPO


def test_bench_recipe_runs_tiny():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_recipe", "--files", "3", "--rows", "50",
         "--loop", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr + result.stdout
    for table in ("csv (", "xlsx ("):
        assert table in result.stdout
    assert result.stdout.count("150 rows out, 0 failed") == 2
    for name in ("recipe run", "--jobs 1", "read+write", "pandas", "one by one"):
        assert result.stdout.count(f"  {name} ") == 2, name
