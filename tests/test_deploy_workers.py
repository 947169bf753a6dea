"""``dadeum serve --workers 2 --redis URL``: a real Redis and two worker processes on loopback.

No Dadeum function returns object handles today, so no call needs Redis to cross workers;
what is shown is that both workers answer custom functions and ribbon scripts correctly
under concurrent load, and that the Redis setting reaches every worker process.
"""

import os
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import _free_port, book_json, office_js_call, running_server

pytestmark = pytest.mark.needs("redis")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redis")
    port = _free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


def _serve_pid(port: int) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in command and str(port).encode() in command:
                return int(entry.name)
    raise AssertionError("dadeum serve process not found")


def test_two_workers_share_the_load_with_redis(redis_url, tmp_path):
    log = tmp_path / "server.log"
    args = ("--workers", "2", "--redis", redis_url)
    with running_server(*args, log=log) as base:
        body = office_js_call("clean_text", [[" 가\u00a0나 "], ["  다  "]])

        def function_call(_):
            # A new connection each time, so the kernel hands calls to either worker.
            response = httpx.post(base + "/xlwings/custom-functions-call", json=body, timeout=60)
            return response.status_code, response.json()

        with ThreadPoolExecutor(max_workers=12) as pool:
            results = list(pool.map(function_call, range(240)))
        assert results == [(200, {"result": [["가 나"], ["다"]]})] * 240

        payload = book_json({"Sheet1": [[" 가 ", "나\u3000"], ["다", " 라 "]]})

        def script_call(_):
            url = base + "/xlwings/custom-scripts-call/clean_sheet"
            response = httpx.post(url, json=payload, timeout=60)
            actions = response.json()["actions"] if response.status_code == 200 else []
            values = [a["values"] for a in actions if a["func"] == "setValues"]
            return response.status_code, [["가", "나"], ["다", "라"]] in values

        with ThreadPoolExecutor(max_workers=6) as pool:
            scripts = list(pool.map(script_call, range(30)))
        assert scripts == [(200, True)] * 30

        port = int(base.rsplit(":", 1)[1])
        parent = _serve_pid(port)
        started = {int(p) for p in re.findall(r"Started server process \[(\d+)\]", log.read_text())}
        workers = sorted(started & set(_children(parent)))
        environments = [_environ(pid) for pid in workers]
    text = log.read_text(encoding="utf-8")
    served_by = {int(pid) for pid in re.findall(r"\[(\d+)\] INFO [\w.]+: Function ", text)}
    scripted_by = {int(pid) for pid in re.findall(r"\[(\d+)\] INFO [\w.]+: Script ", text)}

    assert len(workers) == 2, text[-2000:]
    for environment in environments:
        assert environment["XLWINGS_OBJECT_CACHE_URL"] == redis_url
        # socket.io sessions would break across workers; Dadeum has no streaming functions.
        assert environment["XLWINGS_ENABLE_SOCKETIO"] == "false"
    assert served_by <= set(workers) and scripted_by <= set(workers)
    assert len(served_by) == 2, f"only worker(s) {served_by} answered"
    assert "Redis 연결 확인" in text
    assert os.getpid() not in served_by


def test_unreachable_redis_is_reported_and_the_server_still_serves(tmp_path):
    dead = f"redis://127.0.0.1:{_free_port()}/0"
    log = tmp_path / "server.log"
    with running_server("--redis", dead, log=log) as base:
        body = office_js_call("clean_text", [["가"]])
        response = httpx.post(base + "/xlwings/custom-functions-call", json=body)
        assert response.json() == {"result": [["가"]]}
    assert "Redis(redis://127.0.0.1" in log.read_text(encoding="utf-8")
