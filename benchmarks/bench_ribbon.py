"""Reply size and time of every ribbon button on whole-column and whole-row selections.

    .venv/bin/python -m benchmarks.bench_ribbon [--rows 50 50000] [--columns 20]
                                                [--selection A:T 1:1048576] [--repo DIR]
                                                [--only clean_sheet] [--json out.json]

Starts ``dadeum serve`` (one worker, a fresh pseudonymisation key in a temporary folder) on a
free 127.0.0.1 port and posts, for each table size, the book Office.js sends for a seeded
sheet (``dadeum.samples.sheets.wide_sheet``: a title row, the header, 기간, 자치구, 민원번호,
전화번호, 접수일 and counts written with commas) selected as officials select it: column
letters (``A:T``) or row numbers (``1:1048576``). Every button runs once per case, timed from
request to the whole reply read (and the server's CPU seconds, which other load on a shared
machine does not inflate); the reply's size in bytes and the largest range it writes
(rows × columns) are printed beside the time. 예측 시트 runs on a daily series of the same
length (two columns, ``A:B``); 레시피 다시 실행 replays the 정리 recipe recorded in the same
run. ``--repo DIR`` serves another checkout instead (e.g. the commit before this work,
unpacked with ``git archive <commit> | tar -x -C DIR``), for the before/after figures.

The issue's targets: under 1 s and under 200 kB on a 50-row table, under 10 s on
50,000 rows × 20 columns.
"""

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.bench_load import REPO, XLWINGS_VERSION, served, server_cpu_seconds
from dadeum.samples.sheets import wide_sheet

SCRIPTS = "/xlwings/custom-scripts-call/"
BUTTONS = ["clean_sheet", "tidy_sheet", "check_sheet", "pseudonymize_sheet", "scan_book",
           "forecast_sheet", "replay_recipe"]  # fmt: skip
TIMEOUT = 600


def book(sheets: dict[str, list[list]], selection: str) -> dict:
    """The book Office.js posts (``custom-scripts/index.js`` getBookData)."""

    def used(values: list[list]) -> str:
        n, letters = max(len(row) for row in values), ""
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(65 + rest) + letters
        return f"A1:{letters}{len(values)}"

    return {
        "client": "Office.js", "version": XLWINGS_VERSION,
        "book": {"name": "민원.xlsx", "active_sheet_index": 0, "selection": selection,
                 "calculation": "Automatic"},
        "names": [],
        "sheets": [{
            "name": name, "visibility": "Visible", "show_gridlines": True, "print_area": None,
            "notes": [], "notes_supported": True, "used_range_address": used(values),
            "used_range_row_count": len(values),
            "used_range_column_count": max(len(row) for row in values),
            "values": values, "pictures": [], "shapes": [], "charts": [], "tables": [],
            "pivot_tables": [],
        } for name, values in sheets.items()],
    }  # fmt: skip


def daily_series(rows: int) -> list[list]:
    start = dt.date(2020, 1, 1)
    return [["일자", "교통량"]] + [
        [(start + dt.timedelta(days=d)).isoformat(), 40000 + (d % 7) * 1500 + (d % 365) * 10]
        for d in range(rows)
    ]


def largest_write(actions: list[dict]) -> tuple[int, int]:
    sized = [a for a in actions if a.get("row_count")]
    if not sized:
        return 0, 0
    return max(a["row_count"] for a in sized), max(a["column_count"] for a in sized)


def run_case(client: httpx.Client, base: str, script: str, payload: dict, pid: int = 0) -> dict:
    cpu = server_cpu_seconds(pid) if pid else float("nan")
    start = time.perf_counter()
    response = client.post(base + SCRIPTS + script, json=payload, timeout=TIMEOUT)
    body = response.content
    seconds = time.perf_counter() - start
    cpu = (server_cpu_seconds(pid) - cpu) if pid else float("nan")
    rows = columns = 0
    if response.status_code == 200:
        rows, columns = largest_write(json.loads(body).get("actions", []))
    return {"script": script, "status": response.status_code, "seconds": round(seconds, 3),
            "cpu_seconds": round(cpu, 2), "bytes": len(body), "rows": rows,
            "columns": columns}  # fmt: skip


def run(sizes: list[int], columns: int, selections: list[str], only: list[str], repo: Path):
    results = []
    with tempfile.TemporaryDirectory() as keys:
        env = {"DADEUM_KEY_DIR": keys, "DADEUM_KEY_NAME": ""}
        from dadeum.engine.privacy.keys import create_key

        create_key(folder=keys)
        with served(1, env=env, repo=repo) as (base, pid), httpx.Client() as client:
            for rows in sizes:
                sheet = wide_sheet(rows, columns)
                for selection in selections:
                    recipe = None
                    for script in only or BUTTONS:
                        if script == "forecast_sheet":  # its two columns, or whole rows
                            chosen = "A:B" if selection[0].isalpha() else selection
                            payload = book({"교통량": daily_series(rows)}, chosen)
                        elif script == "replay_recipe":
                            if recipe is None:
                                recipe = _recorded_recipe(client, base, sheet, selection)
                            payload = book({"민원": sheet, "_다듬_레시피": recipe}, selection)
                        else:
                            payload = book({"민원": sheet}, selection)
                        result = run_case(client, base, script, payload, pid)
                        result.update(table_rows=rows, selection=selection)
                        results.append(result)
                        print(f"{rows:>7,} {selection:<12} {script:<20} {result['status']} "
                              f"{result['seconds']:>8.2f} s (CPU {result['cpu_seconds']:>6.2f} s) "
                              f"{result['bytes']:>12,} B  "
                              f"writes ≤ {result['rows']:,} × {result['columns']:,}",
                              flush=True)  # fmt: skip
    return results


def _recorded_recipe(client, base, sheet, selection) -> list[list]:
    """The recipe sheet's cells after one 정리, as the workbook would hold them."""
    response = client.post(base + SCRIPTS + "clean_sheet", json=book({"민원": sheet}, selection),
                           timeout=TIMEOUT)  # fmt: skip
    actions = response.json()["actions"]
    position = next(a["args"][0] for a in actions
                    if a["func"] == "addSheet" and a["args"][1] == "_다듬_레시피")  # fmt: skip
    return next(a["values"] for a in actions
                if a["func"] == "setValues" and a["sheet_position"] == position)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[50, 50_000])
    parser.add_argument("--columns", type=int, default=20)
    parser.add_argument("--selection", nargs="+", default=["A:T", "1:1048576"])
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = run(args.rows, args.columns, args.selection, args.only, args.repo.resolve())
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
