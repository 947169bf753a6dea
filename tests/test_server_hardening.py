"""Hostile inputs a review found, each through the real route: cell values never reach the
log, unhandled errors and odd inputs get Korean answers (400 where retrying cannot help),
Excel's per-cell limit and a cell limit hold at the edge, whole-column selections are read
only as far as the data goes, and repeated wrong tokens are slowed down."""

import json
import logging
import secrets
import shutil
import tracemalloc

import httpx
import pytest

from tests.conftest import ADDIN, book_json, office_js_call, running_server

FUNCTIONS = "/xlwings/custom-functions-call"
SCRIPTS = "/xlwings/custom-scripts-call/"
RRN = "880808-1357913"  # a resident registration number as a cell value
DIGITS = ("880808", "1357913")
MAX_CELLS = 5_000

# A copy of the add-in with one function and one script that fail on a cell, as a bug in a
# recipe step would: the error's message quotes the value.
FAILING_FUNCTION = '''

import xlwings as _xw


@_xw.func
def explode_on_cell(value):
    """시험용: 셀 값을 숫자로 바꾸다 실패합니다."""
    return float(value)


import threading as _threading

_FLAG, _WAITING = _threading.Event(), _threading.Event()


@_xw.func
def wait_for_flag():
    """시험용: 다른 호출이 깃발을 올릴 때까지(최대 15초) 기다립니다."""
    _WAITING.set()
    return _FLAG.wait(15)


@_xw.func
def is_waiting():
    """시험용: wait_for_flag가 기다리는 중인지."""
    return _WAITING.is_set()


@_xw.func
def raise_flag():
    """시험용: 깃발을 올립니다."""
    _FLAG.set()
    return True
'''
FAILING_SCRIPT = '''

import xlwings as _xw


@_xw.script
def explode_on_sheet(book: _xw.Book):
    """시험용: A1을 숫자로 바꾸다 실패합니다."""
    float(book.sheets.active["A1"].value)
'''


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hardening")
    addin = folder / "addin"
    shutil.copytree(ADDIN, addin, ignore=shutil.ignore_patterns("certs", "__pycache__"))
    with open(addin / "custom_functions" / "__init__.py", "a", encoding="utf-8") as file:
        file.write(FAILING_FUNCTION)
    with open(addin / "custom_scripts" / "__init__.py", "a", encoding="utf-8") as file:
        file.write(FAILING_SCRIPT)
    log = folder / "server.log"
    env = {"DADEUM_ADDIN_DIR": str(addin), "DADEUM_MAX_CELLS": str(MAX_CELLS)}
    with running_server(env=env, log=log) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client, log


def _no_value_in(text: str) -> None:
    assert RRN not in text
    for digits in DIGITS:
        assert digits not in text


def _korean(response: httpx.Response) -> str:
    detail = response.json()["detail"]
    assert any("가" <= ch <= "힣" for ch in detail), detail
    _no_value_in(response.text)
    return detail


def test_a_failing_function_logs_no_cell_value_and_answers_in_korean(server):
    client, log = server
    response = client.post(FUNCTIONS, json=office_js_call("explode_on_cell", [[RRN]]))
    assert response.status_code == 500
    assert "계산하지 못했습니다" in _korean(response)
    text = log.read_text(encoding="utf-8")
    _no_value_in(text)
    assert "ValueError" in text  # the kind and place of the error are kept


def test_a_failing_script_logs_no_cell_value_and_answers_in_korean(server):
    client, log = server
    response = client.post(SCRIPTS + "explode_on_sheet", json=book_json({"Sheet1": [[RRN]]}))
    assert response.status_code == 500
    _korean(response)
    text = log.read_text(encoding="utf-8")
    _no_value_in(text)
    assert "custom_scripts:" in text  # where: module and line of Dadeum's frame


def test_an_unparsable_caller_address_is_not_logged(server):
    client, log = server
    body = {**office_js_call("clean_text", [[" 가 "]]), "caller_address": RRN}
    assert client.post(FUNCTIONS, json=body).status_code == 200
    _no_value_in(log.read_text(encoding="utf-8"))


def _raw(body: str) -> dict:
    return {"content": body.encode("utf-8"), "headers": {"Content-Type": "application/json"}}


def _function_body(arg_json: str, name: str = "clean_text") -> str:
    fields = json.dumps(office_js_call(name))[1:-1].replace('"args": []', f'"args": [{arg_json}]')
    return "{" + fields + "}"


LONG = "가" * 32_768
BOOK = book_json({"Sheet1": [["이름", "번호"], ["김", RRN]]}, selection="A1:B2")

# name, path, request keywords, expected status, a word the Korean message must contain
ODD_INPUTS = [
    ("lone surrogate", FUNCTIONS, _raw(_function_body('[["\\ud800' + RRN + '"]]')), 400, "깨진"),
    ("Infinity", FUNCTIONS, _raw(_function_body("[[Infinity]]")), 400, "Infinity"),
    ("-Infinity", FUNCTIONS, _raw(_function_body("[[-Infinity]]")), 400, "Infinity"),
    ("NaN", FUNCTIONS, _raw(_function_body("[[NaN]]")), 400, "NaN"),
    ("1e999", FUNCTIONS, _raw(_function_body("[[1e999]]")), 400, "큰 숫자"),
    ("400-digit horizon", FUNCTIONS,
     _raw(_function_body('[["2024-01-01"], ["2024-01-02"]], [[1], [2]], [[' + "9" * 400 + "]]",
                         "forecast")), 400, "큰 숫자"),
    ("cell longer than Excel's", FUNCTIONS, {"json": office_js_call("clean_text", [[LONG]])},
     400, "1번째 인수"),
    ("second argument too long", FUNCTIONS,
     {"json": office_js_call("to_number", [[RRN]], [[LONG]])}, 400, "2번째 인수"),
    ("sheet cell too long", SCRIPTS + "clean_sheet",
     {"json": book_json({"Sheet1": [[RRN, LONG]]})}, 400, "1번째 시트"),
    ("too many cells in arguments", FUNCTIONS,
     {"json": office_js_call("clean_text", [[i] for i in range(MAX_CELLS + 1)])}, 413,
     f"{MAX_CELLS:,}칸"),
    ("too many cells in a book", SCRIPTS + "clean_sheet",
     {"json": book_json({"Sheet1": [[i] * 10 for i in range(MAX_CELLS // 10 + 1)]})}, 413,
     "칸까지"),
    ("multi-area selection", SCRIPTS + "clean_sheet",
     {"json": {**BOOK, "book": {**BOOK["book"], "selection": "A1:A2,B4:B5"}}}, 400, "여러 영역"),
    ("unreadable selection", SCRIPTS + "clean_sheet",
     {"json": {**BOOK, "book": {**BOOK["book"], "selection": RRN}}}, 400, "주소"),
    ("recipe cells of the wrong type (FastAPI 422)", "/dadeum/recipe",
     {"json": {"cells": [[{"값": RRN}]]}}, 422, "형식"),
    ("recipe body not an object (FastAPI 422)", "/dadeum/recipe", {"json": [RRN]}, 422, "형식"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "request_args", "status", "word"),
    [case[1:] for case in ODD_INPUTS],
    ids=[case[0] for case in ODD_INPUTS],
)
def test_odd_input_gets_a_korean_answer_without_the_value(server, path, request_args, status, word):
    client, log = server
    response = client.post(path, **request_args)
    assert response.status_code == status, response.text[:300]
    assert word in _korean(response)
    assert LONG[:100] not in response.text
    _no_value_in(log.read_text(encoding="utf-8"))
    ok = client.post(FUNCTIONS, json=office_js_call("clean_text", [[" 가 "]]))
    assert ok.json() == {"result": [["가"]]}


def test_a_cell_of_exactly_excels_limit_is_accepted(server):
    client, _ = server
    response = client.post(FUNCTIONS, json=office_js_call("clean_text", [["가" * 32_767]]))
    assert response.status_code == 200
    assert len(response.json()["result"][0][0]) == 32_767


def test_missing_static_file_is_a_korean_404(server):
    client, _ = server
    response = client.get("/static/js/nope.js")
    assert response.status_code == 404
    assert "파일이 없습니다" in response.json()["detail"]


def test_a_call_in_flight_does_not_hold_up_the_others(server):
    """A long call (here one waiting for another call) runs off the event loop: the worker
    answers other calls meanwhile. On the loop, the second call could not be served until
    the first gave up."""
    import threading

    client, _ = server
    base = str(client.base_url)
    answer = {}

    def long_call():
        body = office_js_call("wait_for_flag")
        answer["wait"] = httpx.post(base + FUNCTIONS, json=body, timeout=60).json()

    waiter = threading.Thread(target=long_call)
    waiter.start()
    try:
        for _ in range(100):  # bounded: the long call is sent at once
            waiting = client.post(FUNCTIONS, json=office_js_call("is_waiting")).json()
            if waiting == {"result": [[True]]}:
                break
        assert client.post(FUNCTIONS, json=office_js_call("raise_flag")).status_code == 200
    finally:
        waiter.join(60)
    assert answer["wait"] == {"result": [[True]]}  # the flag came while it waited


# -- whole-column and whole-sheet selections ------------------------------------------------


@pytest.mark.parametrize(
    ("selection", "used_range"),
    [
        ("A:D", None),
        ("1:1048576", None),
        ("A1:XFD1048576", None),
        ("$A$1:$D$1048576", None),
        ("A1", "A1:XFD1048576"),  # one cell selected: the used range, here overstated
    ],
)
def test_whole_column_selection_is_read_only_as_far_as_the_data(selection, used_range):
    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app

    rows = [["이름", "금액", "날짜", "메모"]] + [
        [f"민원인{i}", f"{i * 1000:,}원", "2024. 3. 5.", " 메모 "] for i in range(1, 30)
    ]
    payload = book_json({"Sheet1": rows}, selection=selection)
    if used_range:
        payload["sheets"][0]["used_range_address"] = used_range
    with TestClient(main_app, raise_server_exceptions=False) as client:
        tracemalloc.start()
        try:
            response = client.post(SCRIPTS + "clean_sheet", json=payload)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert response.status_code == 200, response.text[:300]
    written = [a for a in response.json()["actions"] if a["func"] == "setValues"]
    assert max(len(a["values"]) for a in written) <= len(rows) + 1
    assert peak < 50 * 2**20, f"peak {peak / 2**20:.0f} MB"  # was 908 MB for A:D


def test_a_selection_beside_the_data_is_refused_in_korean():
    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app

    payload = book_json({"Sheet1": [["가", "나"], ["다", "라"]]}, selection="F:H")
    with TestClient(main_app, raise_server_exceptions=False) as client:
        response = client.post(SCRIPTS + "clean_sheet", json=payload)
    assert response.status_code == 400
    assert "데이터가 없습니다" in response.text


# -- failed sign-ins ------------------------------------------------------------------------


def test_repeated_wrong_tokens_are_slowed_down(tmp_path):
    token = secrets.token_urlsafe(24)
    tokens = tmp_path / "tokens.txt"
    tokens.write_text(f"{token} - 민원팀\n", encoding="utf-8")
    env = {"DADEUM_TOKENS_FILE": str(tokens), "DADEUM_KEY_DIR": str(tmp_path / "keys")}
    with running_server("--auth", "custom", env=env) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            body = office_js_call("clean_text", [[" 가 "]])
            right = {"Authorization": token}
            assert client.post(FUNCTIONS, json=body, headers=right).status_code == 200
            for attempt in range(10):
                wrong = {"Authorization": f"wrong-{attempt}-" + "x" * 20}
                assert client.post(FUNCTIONS, json=body, headers=wrong).status_code == 401
            refused = client.post(FUNCTIONS, json=body, headers=right)
            assert refused.status_code == 429
            assert "1분 뒤" in refused.json()["detail"]
            assert client.get("/").status_code == 200  # health probes stay open
            assert client.get("/static/js/auth.js").status_code == 200


# -- the redacting formatter, logger by logger ----------------------------------------------


def _record(name, level, msg, args=(), error=None):
    exc_info = (type(error), error, error.__traceback__) if error else None
    return logging.LogRecord(name, level, __file__, 1, msg, args, exc_info)


def _failing():
    try:
        float(RRN)
    except ValueError as error:
        return error


@pytest.mark.parametrize(
    "name",
    ["uvicorn.error", "uvicorn", "fastapi", "xlwings_server.main", "xlwings_server.routers.xlwings",
     "xlwings", "asyncio", "py.warnings", "root", "starlette", "dadeum.server.guard"],
)  # fmt: skip
def test_no_logger_writes_a_cell_value(name):
    """Other libraries' text is dropped; uvicorn's fixed texts (it logs %-style) and
    Dadeum's own (which quote no cell) are kept; tracebacks become kind and place."""
    from dadeum.server.log_redaction import RedactingFormatter

    formatter = RedactingFormatter("%(levelname)s %(name)s: %(message)s")
    error = _failing()
    records = [
        _record(name, logging.ERROR, "Exception in ASGI application\n", error=error),
        _record(name, logging.ERROR, error),  # xlwings Server: logger.error(exception)
        _record(name, logging.WARNING, 'Could not parse caller address "%s"', (RRN,)),
    ]
    if not name.startswith(("dadeum", "uvicorn")):
        records += [
            _record(name, logging.WARNING, f'Could not parse caller address "{RRN}"'),
            _record(name, logging.INFO, "value %s", (RRN,)),
            _record(name, logging.INFO, f"value {RRN}"),
        ]
    if name.startswith("dadeum"):
        records = records[:2]
    for record in records:
        line = formatter.format(record)
        _no_value_in(line)
        assert "Traceback" not in line
    assert "ValueError (" in formatter.format(records[0])  # the kind and the place


def test_uvicorn_start_up_and_access_lines_are_kept():
    from dadeum.server.log_redaction import RedactingFormatter

    formatter = RedactingFormatter("%(message)s")
    start = _record("uvicorn.error", logging.INFO, "Uvicorn running on %s", ("http://127.0.0.1",))
    assert formatter.format(start) == "Uvicorn running on http://127.0.0.1"
    access = _record("uvicorn.access", logging.INFO, '%s - "%s %s HTTP/%s" %d',
                     ("127.0.0.1:5", "GET", "/manifest", "1.1", 200))  # fmt: skip
    assert formatter.format(access) == '127.0.0.1:5 - "GET /manifest HTTP/1.1" 200'
