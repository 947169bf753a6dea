"""Bad and hostile requests get a clear Korean 4xx from a real ``dadeum serve``, which keeps
serving, and no answer quotes a cell value."""

import httpx
import pytest

from dadeum.server.guard import DEFAULT_MAX_REQUEST_MB, max_request_bytes
from tests.conftest import book_json, office_js_call, running_server

FUNCTIONS = "/xlwings/custom-functions-call"
SCRIPTS = "/xlwings/custom-scripts-call/"
SECRET = "홍길동 900101-1234567"  # a cell value no error body may repeat
LIMIT_MB = 1


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("hostile") / "server.log"
    with running_server(env={"DADEUM_MAX_REQUEST_MB": str(LIMIT_MB)}, log=log) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client, log


def _still_serving(client: httpx.Client) -> None:
    response = client.post(FUNCTIONS, json=office_js_call("clean_text", [[" 가\u00a0나 "]]))
    assert response.status_code == 200
    assert response.json() == {"result": [["가 나"]]}


def _without(body: dict, key: str) -> dict:
    return {k: v for k, v in body.items() if k != key}


CALL = office_js_call("to_number", [[SECRET]], [["blank"]])
BOOK = book_json({"Sheet1": [[SECRET, 1], [None, "x"]]})

# name, path, request keywords, expected status, a word the Korean message must contain
BAD_REQUESTS = [
    ("malformed JSON", FUNCTIONS, {"content": b'{"func_name": "clean_text", "args": [[["'}, 400,
     "JSON"),
    ("body not an object", FUNCTIONS, {"json": [SECRET, 1]}, 400, "객체"),
    ("empty body", FUNCTIONS, {"content": b""}, 400, "비어"),
    ("not UTF-8", FUNCTIONS, {"content": b"\xff\xfe{}"}, 400, "JSON"),
    ("missing func_name", FUNCTIONS, {"json": _without(CALL, "func_name")}, 400, "func_name"),
    ("missing args", FUNCTIONS, {"json": _without(CALL, "args")}, 400, "args"),
    ("missing version", FUNCTIONS, {"json": _without(CALL, "version")}, 400, "version"),
    ("func_name not text", FUNCTIONS, {"json": {**CALL, "func_name": 7}}, 400, "func_name"),
    ("args not a list", FUNCTIONS, {"json": {**CALL, "args": SECRET}}, 400, "목록"),
    ("argument not a range", FUNCTIONS, {"json": {**CALL, "args": [SECRET, None]}}, 400, "인수"),
    ("three-dimensional argument", FUNCTIONS, {"json": {**CALL, "args": [[[[SECRET]]], None]}},
     400, "인수"),
    ("deeply nested list", FUNCTIONS,
     {"content": b'{"func_name": "clean_text", "args": ' + b"[" * 100_000 + b"]" * 100_000
      + b"}"}, 400, "중첩"),
    ("caller_address not text", FUNCTIONS, {"json": {**CALL, "caller_address": [1]}}, 400,
     "caller_address"),
    ("unknown function", FUNCTIONS, {"json": {**CALL, "func_name": "nope"}}, 400,
     "알 수 없는 함수"),
    ("private name", FUNCTIONS, {"json": {**CALL, "func_name": "__class__"}}, 400,
     "알 수 없는 함수"),
    ("module attribute, not a function", FUNCTIONS,
     {"json": {**CALL, "func_name": "install_log_redaction"}}, 400, "알 수 없는 함수"),
    ("too many arguments", FUNCTIONS,
     {"json": office_js_call("clean_text", [[SECRET]], [[1]], [[2]])}, 400, "1개"),
    ("too few arguments", FUNCTIONS, {"json": office_js_call("to_number")}, 400, "1~2개"),
    ("unknown script", SCRIPTS + "nope", {"json": BOOK}, 404, "알 수 없는 스크립트"),
    ("private script name", SCRIPTS + "_book", {"json": BOOK}, 404, "알 수 없는 스크립트"),
    ("script body malformed", SCRIPTS + "clean_sheet", {"content": b"{"}, 400, "JSON"),
    ("script body a list", SCRIPTS + "clean_sheet", {"json": [BOOK]}, 400, "객체"),
    ("script extra arguments", SCRIPTS + "clean_sheet", {"json": {**BOOK, "args": [SECRET]}},
     400, "0개"),
    ("script args not a list", SCRIPTS + "clean_sheet", {"json": {**BOOK, "args": 3}}, 400,
     "목록"),
    ("active sheet out of range", SCRIPTS + "clean_sheet",
     {"json": {**BOOK, "book": {**BOOK["book"], "active_sheet_index": 5}}}, 400, "범위"),
    ("no sheets", SCRIPTS + "clean_sheet", {"json": _without(BOOK, "sheets")}, 400, "sheets"),
    ("sheet values not rows", SCRIPTS + "clean_sheet",
     {"json": {**BOOK, "sheets": [{**BOOK["sheets"][0], "values": SECRET}]}}, 400, "values"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "request_args", "status", "word"),
    [case[1:] for case in BAD_REQUESTS],
    ids=[case[0] for case in BAD_REQUESTS],
)
def test_bad_request_gets_a_korean_4xx_and_the_server_keeps_serving(
    server, path, request_args, status, word
):
    client, _ = server
    response = client.post(path, **request_args)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert word in detail
    assert SECRET not in response.text and "900101" not in response.text
    _still_serving(client)


def test_oversized_body_is_refused_before_it_is_read(server):
    client, _ = server
    cells = [[SECRET]] * (LIMIT_MB * 1024 * 1024 // len(SECRET.encode()) + 10)
    response = client.post(FUNCTIONS, json=office_js_call("clean_text", cells))
    assert response.status_code == 413
    assert f"{LIMIT_MB} MB" in response.json()["detail"]
    assert SECRET not in response.text
    _still_serving(client)


def test_oversized_streamed_body_without_length_is_refused(server):
    client, _ = server
    chunk = b" " * 65_536

    def stream():  # no Content-Length: sent chunked, refused once it passes the limit
        yield b'{"func_name": "clean_text", "args": [[["'
        for _ in range(LIMIT_MB * 16 + 4):
            yield chunk

    response = client.post(FUNCTIONS, content=stream())
    assert response.status_code == 413
    _still_serving(client)


def test_body_under_the_limit_is_served(server):
    client, _ = server
    cells = [[f" 민원 {i} "] for i in range(20_000)]  # about 0.3 MB
    response = client.post(FUNCTIONS, json=office_js_call("clean_text", cells))
    assert response.status_code == 200
    assert response.json()["result"][-1] == ["민원 19999"]


def test_ribbon_script_still_runs_through_the_guard(server):
    client, _ = server
    response = client.post(SCRIPTS + "clean_sheet", json=book_json({"Sheet1": [[" 가 ", "나"]]}))
    assert response.status_code == 200
    assert any(action["func"] == "addSheet" for action in response.json()["actions"])


def test_guard_is_loaded_from_the_project_router(server):
    _, log = server
    assert "Registered Dadeum request guard" in log.read_text(encoding="utf-8")


def test_size_limit_setting(monkeypatch):
    monkeypatch.delenv("DADEUM_MAX_REQUEST_MB", raising=False)
    assert max_request_bytes() == DEFAULT_MAX_REQUEST_MB * 1024 * 1024 == 20 * 1024 * 1024
    monkeypatch.setenv("DADEUM_MAX_REQUEST_MB", "0.5")
    assert max_request_bytes() == 512 * 1024
    for wrong in ("abc", "-3", "0"):
        monkeypatch.setenv("DADEUM_MAX_REQUEST_MB", wrong)
        assert max_request_bytes() == 20 * 1024 * 1024


def test_hostile_suite_summary(capsys):
    """``python -m benchmarks.hostile`` sends every hostile case to a fresh server and
    reports, per kind, how many were sent and refused correctly; all must be."""
    import subprocess
    import sys

    from tests.conftest import REPO

    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.hostile"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    with capsys.disabled():
        print("\n" + result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    total = next(line for line in result.stdout.splitlines() if line.startswith("total"))
    sent, refused = map(int, total.split()[1:3])
    assert sent == refused >= 100
    assert "0 with a cell value" in result.stdout
