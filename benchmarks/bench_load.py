"""Load on a real add-in server: many concurrent clients calling custom functions and a ribbon
script over loopback.

    .venv/bin/python -m benchmarks.bench_load [--seconds 30] [--concurrency 50] [--workers 2]
                                              [--rate 200] [--big-cells 100000]
                                              [--only clean_text]

Starts ``dadeum serve --workers N`` on a free 127.0.0.1 port, warms it up, then keeps
``concurrency`` httpx async clients (one connection each) busy for ``seconds``:

- without ``--rate`` (closed loop), each client sends its next call as soon as the last one
  answers, which measures the most calls per second the server gives;
- with ``--rate R`` (open loop), calls start at R per second whatever the answers do, and
  latency counts from the planned start, so a server that falls behind shows it.

The calls rotate through CLEAN_TEXT on one cell, TO_NUMBER on a 100-cell range, TIDY on a
small table and the 시트 정리 (clean_sheet) ribbon script on a 20 × 5 sheet (4:3:2:1), with
the bodies Office.js posts; ``--only`` sends one of them alone. Then one TO_NUMBER call on a
``--big-cells`` range (10 columns) is timed on its own, three times. Nothing leaves
127.0.0.1; every loop is bounded in count and time.

``--compare N`` runs N rounds of a baseline server and the current one in turn (same load,
same machine, so the noise of a shared machine hits both) and prints them side by side with
the ratio current/baseline. The baseline is the same code with ``DADEUM_SPEEDUPS=0`` (the
server start-up speed-ups off), or with ``--baseline-repo DIR`` another checkout, e.g. an
older commit unpacked with ``git archive <commit> | tar -x -C DIR``.

``--head-of-line`` measures what one long call costs the others: 4 clients keep
FORECAST_TRAFFIC on 3 years of daily counts and 4 keep TIDY on a 2,000-row table in flight
while one client sends one-cell CLEAN_TEXT calls one after another; it prints the cheap
calls' p50/p95 with the calls run on the event loop (``DADEUM_OFFLOAD=0``) and in threads
(now), ``--compare`` rounds each (default 1), side by side.

``--per-call`` starts no server: it times the engine in-process (median of 300 calls) on 1, 10
and 100 seeded cells for TO_NUMBER and TO_DATE and on the TIDY table, beside
``--baseline-repo DIR`` when given, which shows the fixed cost each call pays.
"""

import argparse
import asyncio
import contextlib
import importlib.metadata
import itertools
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np

from dadeum.samples.numbers import korean_number_samples

REPO = Path(__file__).resolve().parent.parent
FUNCTIONS = "/xlwings/custom-functions-call"
SCRIPTS = "/xlwings/custom-scripts-call/"
START_TIMEOUT = 90.0  # seconds for the server to answer its health check
REQUEST_TIMEOUT = 60.0
MAX_CALLS = 2_000_000  # a hard bound on any one run, whatever --seconds says
BIG_RUNS = 3
XLWINGS_VERSION = importlib.metadata.version("xlwings")

# Share of each call type in the mix (a repeating pattern, so runs are comparable).
MIX = ["clean_text"] * 4 + ["to_number_100"] * 3 + ["tidy"] * 2 + ["clean_sheet"]
FUNCTION_KINDS = ("clean_text", "to_number_100", "tidy")


def function_call(func_name: str, *args) -> dict:
    """The JSON body Office.js posts to /xlwings/custom-functions-call."""
    return {
        "client": "Office.js",
        "func_name": func_name,
        "args": list(args),
        "caller_address": "[Book1.xlsx]Sheet1!B1",
        "session_id": "bench-load",
        "culture_info_name": "ko-KR",
        "date_format": "yyyy-MM-dd",
        "version": XLWINGS_VERSION,
        "runtime": "1.4",
    }


def book_payload(values: list[list]) -> dict:
    """The book JSON Office.js posts to /xlwings/custom-scripts-call/{script}, one sheet."""
    rows, columns = len(values), max(len(row) for row in values)
    return {
        "client": "Office.js",
        "version": XLWINGS_VERSION,
        "book": {"name": "Book1.xlsx", "active_sheet_index": 0, "selection": "A1",
                 "calculation": "Automatic"},
        "names": [],
        "sheets": [{
            "name": "민원", "visibility": "Visible", "show_gridlines": True, "print_area": None,
            "notes": [], "notes_supported": True,
            "used_range_address": f"A1:{chr(64 + columns)}{rows}",
            "used_range_row_count": rows, "used_range_column_count": columns,
            "values": values, "pictures": [], "shapes": [], "charts": [], "tables": [],
            "pivot_tables": [],
        }],
    }  # fmt: skip


def payloads(seed: int = 0) -> dict[str, tuple[str, dict]]:
    """Path and body of each call type, from the seeded generators."""
    numbers, _ = korean_number_samples(100, seed=seed)
    rng = np.random.default_rng(seed)
    table = [
        ["2023년 읍면동별 민원 처리 현황", None, None, None],
        ["(단위: 건)", None, None, None],
        ["읍면동", "접수", "처리", "비고"],
        *[[f"{name}동", f"{rng.integers(100, 5000):,}", int(rng.integers(50, 4000)), None]
          for name in ("중앙", "신흥", "태평", "수진", "단대", "산성")],
        ["합계", "12,345", 9876, None],
    ]  # fmt: skip
    sheet = [["접수일", "민원인 전화", "금액", "처리", "메모"]] + [
        [f"2023.{m}.{d}", f"010-{1000 + i:04d}-{5678 + i:04d}", f"{(i + 1) * 1250:,}원",
         "완료" if i % 3 else "진행", f"  메모\u00a0{i} "]
        for i, (m, d) in enumerate(rng.integers([1, 1], [13, 29], size=(19, 2)))
    ]  # fmt: skip
    return {
        "clean_text": (FUNCTIONS, function_call("clean_text", [["  민원\u00a0접수 "]])),
        "to_number_100": (FUNCTIONS, function_call("to_number", [[v] for v in numbers], None)),
        "tidy": (FUNCTIONS, function_call("tidy", table, None)),
        "clean_sheet": (SCRIPTS + "clean_sheet", book_payload(sheet)),
    }


def big_payload(cells: int, seed: int = 0) -> dict:
    """TO_NUMBER on a range of ``cells`` messy number strings, 10 columns wide."""
    width = 10 if cells >= 10 else 1
    values, _ = korean_number_samples(cells - cells % width, seed=seed)
    rows = [values[i : i + width] for i in range(0, len(values), width)]
    return function_call("to_number", rows, [["blank"]])


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def fail(self, reason: str) -> None:
        self.errors += 1
        self.statuses[reason] = self.statuses.get(reason, 0) + 1


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its descendants.

    Other work on a shared machine slows the server down but does not add to its CPU time,
    so CPU per call compares runs better than calls per second does. Linux only (reads
    /proc); NaN elsewhere.
    """
    proc = Path("/proc")
    if not (proc / str(pid) / "stat").exists():
        return math.nan
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in proc.iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                # after the name: state ppid ... utime (12th) stime (13th)
                stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    tree, todo = set(), [pid]
    while todo:
        current = todo.pop()
        tree.add(current)
        todo += [child for child, (parent, _) in stats.items() if parent == current]
    return sum(stats[p][1] for p in tree if p in stats) / ticks


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(
    workers: int, env: dict[str, str] | None = None, repo: Path = REPO
) -> Iterator[tuple[str, int]]:
    """``dadeum serve --workers N`` from ``repo`` on a free loopback port; yields its URL and
    process id."""
    port = _free_port()
    command = [sys.executable, "-m", "dadeum", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    environment = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
    if repo != REPO:  # the checkout's own dadeum, udfs and addin, not the installed ones
        environment["PYTHONPATH"] = str(repo)
        environment.pop("DADEUM_ADDIN_DIR", None)
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(
            command, cwd=repo, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if process.poll() is not None:
                    output.seek(0)
                    raise RuntimeError("dadeum serve exited early:\n" + output.read()[-4000:])
                with contextlib.suppress(httpx.TransportError):
                    if httpx.get(base + "/", timeout=1).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"dadeum serve did not answer within {START_TIMEOUT} s")
                time.sleep(0.2)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


async def _call(client: httpx.AsyncClient, path: str, body: dict, tally: Tally, start: float):
    try:
        response = await client.post(path, json=body)
    except httpx.HTTPError as error:
        tally.fail(type(error).__name__)
        return
    if response.status_code == 200:
        tally.latencies.append(time.perf_counter() - start)
    else:
        tally.fail(str(response.status_code))


async def _load(base: str, seconds: float, concurrency: int, rate: float | None, mix: list[str]):
    bodies = {kind: body for kind, body in payloads().items() if kind in mix}
    tallies = {kind: Tally() for kind in bodies}
    clients = [
        httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT,
                          limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))
        for _ in range(concurrency)
    ]  # fmt: skip
    mix = itertools.cycle(mix)
    started = time.perf_counter()
    end = started + seconds
    sent = 0
    try:
        if rate is None:  # closed loop: every client sends again as soon as it is answered

            async def worker(client: httpx.AsyncClient) -> None:
                nonlocal sent
                while time.perf_counter() < end and sent < MAX_CALLS:
                    sent += 1
                    kind = next(mix)
                    path, body = bodies[kind]
                    await _call(client, path, body, tallies[kind], time.perf_counter())

            await asyncio.gather(*(worker(client) for client in clients))
        else:  # open loop: calls start on schedule; a busy server makes them wait and count
            idle: asyncio.Queue[httpx.AsyncClient] = asyncio.Queue()
            for client in clients:
                idle.put_nowait(client)
            tasks = set()

            async def one(kind: str, planned: float) -> None:
                client = await idle.get()
                try:
                    path, body = bodies[kind]
                    await _call(client, path, body, tallies[kind], planned)
                finally:
                    idle.put_nowait(client)

            total = min(MAX_CALLS, int(seconds * rate))
            for n in range(total):
                planned = started + n / rate
                delay = planned - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                task = asyncio.create_task(one(next(mix), planned))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
                sent += 1
            if tasks:
                await asyncio.wait(tasks, timeout=REQUEST_TIMEOUT)
    finally:
        await asyncio.gather(*(client.aclose() for client in clients))
    return tallies, time.perf_counter() - started


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) * 1000 if values else float("nan")


def report(tallies: dict[str, Tally], elapsed: float) -> list[dict]:
    rows = []
    groups = {kind: [kind] for kind in tallies}
    groups["all functions"] = [kind for kind in FUNCTION_KINDS if kind in tallies]
    groups["all calls"] = list(tallies)
    for name, kinds in groups.items():
        latencies = [x for kind in kinds for x in tallies[kind].latencies]
        errors = sum(tallies[kind].errors for kind in kinds)
        rows.append({
            "call": name, "ok": len(latencies), "errors": errors,
            "calls_per_s": len(latencies) / elapsed,
            "p50_ms": _percentile(latencies, 50), "p95_ms": _percentile(latencies, 95),
            "p99_ms": _percentile(latencies, 99),
        })  # fmt: skip
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'call':<16}{'ok':>8}{'errors':>8}{'calls/s':>10}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}")  # fmt: skip
    for row in rows:
        print(f"{row['call']:<16}{row['ok']:>8,}{row['errors']:>8,}{row['calls_per_s']:>10.1f}"
              f"{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}")  # fmt: skip


def time_big_call(base: str, cells: int) -> list[float]:
    """Seconds for each of ``BIG_RUNS`` TO_NUMBER calls on a ``cells``-cell range."""
    body = big_payload(cells)
    times = []
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        for _ in range(BIG_RUNS):
            start = time.perf_counter()
            response = client.post(FUNCTIONS, json=body)
            times.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise RuntimeError(f"big call failed with HTTP {response.status_code}")
    return times


def run(
    seconds: float = 30.0,
    concurrency: int = 50,
    workers: int = 2,
    rate: float | None = None,
    big_cells: int = 100_000,
    only: str | None = None,
    env: dict[str, str] | None = None,
    repo: Path = REPO,
) -> dict:
    """Start a server, load it, time the big call; returns the figures it printed."""
    seconds = max(0.5, min(seconds, 3600.0))
    concurrency = max(1, min(concurrency, 1000))
    with served(workers, env, repo) as (base, pid):
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
            for path, body in payloads().values():  # warm-up: first calls import and cache
                for _ in range(3 * workers):
                    client.post(path, json=body)
        mode = f"open loop at {rate:g}/s" if rate else "closed loop"
        mode += f", {only} only" if only else ", mixed calls"
        print(f"dadeum serve --workers {workers} on {base}; {concurrency} clients, "
              f"{seconds:g} s, {mode}; {os.cpu_count()} CPUs")  # fmt: skip
        client_cpu = time.process_time()
        server_cpu = server_cpu_seconds(pid)
        mix = [only] if only else MIX
        tallies, elapsed = asyncio.run(_load(base, seconds, concurrency, rate, mix))
        client_cpu = time.process_time() - client_cpu
        server_cpu = server_cpu_seconds(pid) - server_cpu
        rows = report(tallies, elapsed)
        print_table(rows)
        calls = next(row["ok"] for row in rows if row["call"] == "all calls")
        cpu_per_call = server_cpu * 1000 / calls if calls else math.nan
        print(f"elapsed {elapsed:.1f} s; load client used {client_cpu:.1f} s of CPU; "
              f"server used {server_cpu:.1f} s of CPU, {cpu_per_call:.2f} ms per call")  # fmt: skip
        for kind, tally in tallies.items():
            if tally.statuses:
                print(f"  {kind} errors: {tally.statuses}")
        big = time_big_call(base, big_cells) if big_cells else []
        if big:
            print(f"TO_NUMBER on {big_cells:,} cells: "
                  + ", ".join(f"{t:.2f} s" for t in big) + f" (best {min(big):.2f} s)")  # fmt: skip
    return {"rows": rows, "elapsed": elapsed, "big_call_seconds": big,
            "server_cpu_ms_per_call": cpu_per_call}  # fmt: skip


def compare(
    rounds: int,
    baseline_repo: Path | None = None,
    **options,
) -> list[tuple[str, dict]]:
    """Baseline and current server in turn, ``rounds`` times; prints them side by side."""
    rounds = max(1, min(rounds, 10))
    if baseline_repo is not None:
        baseline = ("baseline", {"repo": Path(baseline_repo).resolve()})
        label = f"baseline = {Path(baseline_repo).resolve()}"
    else:
        baseline = ("baseline", {"env": {"DADEUM_SPEEDUPS": "0"}})
        label = "baseline = DADEUM_SPEEDUPS=0"
    results = []
    for number in range(1, rounds + 1):
        for name, settings in (baseline, ("current", {})):
            print(f"\n--- round {number}/{rounds}: {name} ---")
            results.append((name, run(**options, **settings)))
    print(f"\nside by side ({label}; current/baseline in the last column)")
    print(f"{'round':<7}{'calls':<15}{'server':<10}{'calls/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}{'big s':>8}{'CPU ms/call':>13}")  # fmt: skip
    for number in range(rounds):
        pair = results[2 * number : 2 * number + 2]
        for group in ("all functions", "all calls"):
            figures, cpu = [], []
            for name, result in pair:
                row = next(r for r in result["rows"] if r["call"] == group)
                big = min(result["big_call_seconds"]) if result["big_call_seconds"] else math.nan
                figures.append(row["calls_per_s"])
                cpu.append(result["server_cpu_ms_per_call"])
                print(f"{number + 1:<7}{group:<15}{name:<10}{row['calls_per_s']:>9.1f}"
                      f"{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}"
                      f"{big:>8.2f}{cpu[-1]:>13.2f}")  # fmt: skip
            print(f"{'':<7}{group:<15}{'ratio':<10}{figures[1] / figures[0]:>9.2f}"
                  f"{'':<34}{cpu[1] / cpu[0]:>13.2f}")  # fmt: skip
    return results


# In-process engine time per call on small inputs: run with ``python -c`` inside a checkout,
# so the current code and a baseline checkout are timed by the same lines.
_PER_CALL_CODE = """
import json, statistics, sys, time
import pandas as pd
from dadeum.engine.dates import to_date_series
from dadeum.engine.numbers import to_number_series
from dadeum.samples.dates import korean_date_samples
from dadeum.samples.numbers import korean_number_samples
import udfs
table, repeats = json.loads(sys.argv[1]), int(sys.argv[2])
numbers, _ = korean_number_samples(100, seed=0)
dates, _ = korean_date_samples(100, seed=0)
calls = {}
for k in (1, 10, 100):
    calls[f"TO_NUMBER engine, {k} cells"] = (to_number_series, pd.Series(numbers[:k], dtype=object))
for k in (1, 10, 100):
    calls[f"TO_DATE engine, {k} cells"] = (to_date_series, pd.Series(dates[:k], dtype=object))
calls["TIDY (udfs.tidy), 11 rows"] = (udfs.tidy, table)
result = {}
for name, (function, argument) in calls.items():
    for _ in range(20):
        function(argument)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(argument)
        times.append(time.perf_counter() - start)
    result[name] = statistics.median(times) * 1e3
print(json.dumps(result))
"""


def per_call_times(repo: Path, repeats: int = 300) -> dict[str, float]:
    """Median ms per call of the engine on small seeded inputs, measured in ``repo``."""
    table = payloads()["tidy"][1]["args"][0]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    done = subprocess.run(
        [sys.executable, "-c", _PER_CALL_CODE, json.dumps(table), str(repeats)],
        cwd=repo, env=env, capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_call(baseline_repo: Path | None) -> None:
    """Print the per-call table for this checkout, beside ``baseline_repo`` when given."""
    current = per_call_times(REPO)
    baseline = per_call_times(baseline_repo) if baseline_repo else None
    width = max(map(len, current))
    if baseline is None:
        print(f"{'call':{width}}  median ms")
        for name, ms in current.items():
            print(f"{name:{width}}  {ms:9.3f}")
        return
    print(f"{'call':{width}}  baseline ms  current ms  ratio")
    for name, ms in current.items():
        print(f"{name:{width}}  {baseline[name]:11.3f}  {ms:10.3f}  {ms / baseline[name]:5.2f}")


# -- --head-of-line ---------------------------------------------------------------------------

HEAVY_CLIENTS = {"forecast_traffic": 4, "tidy_big": 4}


def heavy_payloads(seed: int = 0) -> dict[str, dict]:
    """FORECAST_TRAFFIC on 3 years of daily counts; TIDY on a 2,000-row table."""
    rng = np.random.default_rng(seed)
    days = 3 * 365
    start = 45_000  # an Excel date serial (2023-03-15)
    weekly = np.tile([1.0, 1.0, 1.0, 1.0, 1.1, 0.7, 0.6], days // 7 + 1)[:days]
    counts = (20_000 * weekly + rng.normal(0, 800, days)).round()
    dates = [[float(start + i)] for i in range(days)]
    values = [[float(v)] for v in counts]
    table = [
        ["2023년 읍면동별 민원 처리 현황", None, None, None],
        ["읍면동", "접수", "처리", "비고"],
    ]
    table += [[f"동{i}", f"{int(rng.integers(100, 5000)):,}", int(rng.integers(50, 4000)), None]
              for i in range(2_000)]  # fmt: skip
    return {
        "forecast_traffic": function_call("forecast_traffic", dates, values, [[28]]),
        "tidy_big": function_call("tidy", table, None),
    }


async def _head_of_line(base: str, seconds: float) -> dict:
    bodies = heavy_payloads()
    cheap = payloads()["clean_text"][1]
    heavy_done = {kind: Tally() for kind in bodies}
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def heavy(kind: str) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT * 5) as client:
            for _ in range(MAX_CALLS):
                start = time.perf_counter()
                if start > stop:
                    return
                await _call(client, FUNCTIONS, bodies[kind], heavy_done[kind], start)

    async def light() -> None:
        nonlocal errors
        await asyncio.sleep(1.0)  # let the heavy calls get going first
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as client:
            for _ in range(MAX_CALLS):
                start = time.perf_counter()
                if start > stop:
                    return
                response = await client.post(FUNCTIONS, json=cheap)
                if response.status_code == 200:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors += 1
                await asyncio.sleep(0.05)

    tasks = [heavy(kind) for kind, n in HEAVY_CLIENTS.items() for _ in range(n)]
    await asyncio.gather(light(), *tasks)
    return {
        "cheap_ok": len(latencies), "cheap_errors": errors,
        "p50_ms": _percentile(latencies, 50), "p95_ms": _percentile(latencies, 95),
        **{f"{kind}_ok": len(t.latencies) for kind, t in heavy_done.items()},
        **{f"{kind}_errors": t.errors for kind, t in heavy_done.items()},
    }  # fmt: skip


def head_of_line(seconds: float, workers: int, rounds: int) -> dict[str, list[dict]]:
    """Cheap-call latency under long calls, on the loop (baseline) and in threads (now)."""
    results: dict[str, list[dict]] = {"on the loop (DADEUM_OFFLOAD=0)": [], "in threads": []}
    for _ in range(max(1, rounds)):
        for label, env in (("on the loop (DADEUM_OFFLOAD=0)", {"DADEUM_OFFLOAD": "0"}),
                           ("in threads", {"DADEUM_OFFLOAD": "1"})):  # fmt: skip
            with served(workers, env=env) as (base, _):
                with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT * 5) as client:
                    for body in heavy_payloads().values():  # warm-up, and a shape check
                        response = client.post(FUNCTIONS, json=body)
                        if response.status_code != 200:
                            raise RuntimeError(f"heavy call failed: HTTP {response.status_code}")
                results[label].append(asyncio.run(_head_of_line(base, seconds)))
    print(
        f"\nCLEAN_TEXT (one cell) while {HEAVY_CLIENTS['forecast_traffic']} FORECAST_TRAFFIC "
        f"(3 years daily) and {HEAVY_CLIENTS['tidy_big']} TIDY (2,000 rows) run; "
        f"{workers} workers, {seconds:g} s a round, median of {max(1, rounds)} round(s)"
    )
    keys = ["p50_ms", "p95_ms", "cheap_ok", "cheap_errors", "forecast_traffic_ok", "tidy_big_ok",
            "forecast_traffic_errors", "tidy_big_errors"]  # fmt: skip
    labels = list(results)
    print(f"{'':<26}" + "".join(f"{label:>32}" for label in labels))
    for key in keys:
        values = [float(np.median([r[key] for r in results[label]])) for label in labels]
        print(f"{key:<26}" + "".join(f"{v:>32,.1f}" for v in values))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="load time (default 30)")
    parser.add_argument("--concurrency", type=int, default=50, help="clients (default 50)")
    parser.add_argument("--workers", type=int, default=2, help="server workers (default 2)")
    parser.add_argument(
        "--rate",
        type=float,
        default=None,
        help="calls per second to start (open loop); default: closed loop",
    )
    parser.add_argument(
        "--big-cells",
        type=int,
        default=100_000,
        help="cells in the separately timed TO_NUMBER call; 0 skips it",
    )
    parser.add_argument(
        "--only",
        choices=sorted(set(MIX)),
        default=None,
        help="send only this call type instead of the mix",
    )
    parser.add_argument(
        "--compare",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="run a baseline and the current server in turn, ROUNDS times, side by side",
    )
    parser.add_argument(
        "--baseline-repo",
        type=Path,
        default=None,
        help="with --compare: serve the baseline from this checkout (default: this one "
        "with DADEUM_SPEEDUPS=0)",
    )
    parser.add_argument(
        "--per-call",
        action="store_true",
        help="no server: time the engine in-process per call on 1, 10 and 100 cells and on "
        "TIDY's table (beside --baseline-repo when given)",
    )
    parser.add_argument(
        "--head-of-line",
        action="store_true",
        help="cheap-call latency while forecasts and big TIDY calls are in flight, with the "
        "calls on the event loop (DADEUM_OFFLOAD=0) and in threads, side by side",
    )
    args = parser.parse_args(argv)  # fmt: skip
    if args.head_of_line:
        head_of_line(args.seconds, args.workers, args.compare or 1)
        return 0
    if args.per_call:
        per_call(args.baseline_repo)
        return 0
    options = {"seconds": args.seconds, "concurrency": args.concurrency, "workers": args.workers,
               "rate": args.rate, "big_cells": args.big_cells, "only": args.only}  # fmt: skip
    if args.compare:
        compare(args.compare, args.baseline_repo, **options)
    else:
        run(**options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
