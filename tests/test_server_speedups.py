"""``dadeum.server.speedups.lighten_requests``: the same responses, byte for byte in headers,
with xlwings Server's BaseHTTPMiddleware swapped out and the start-up heap frozen.

Each check runs the real xlwings Server app (with Dadeum's router and guard) in a fresh
process, because the app and its settings are module-level singletons.
"""

import json
import os
import subprocess
import sys
import textwrap

from .conftest import ADDIN, REPO

CHILD = textwrap.dedent(
    """
    import gc, json, os, sys
    import xlwings as xw
    from fastapi.testclient import TestClient
    from xlwings_server.main import app, main_app
    from dadeum.server.speedups import lighten_requests

    body = {"client": "Office.js", "func_name": "clean_text", "args": [[[" 다듬 "]]],
            "caller_address": "[Book1.xlsx]Sheet1!B1", "culture_info_name": "ko-KR",
            "date_format": "yyyy-MM-dd", "version": xw.__version__, "runtime": "1.4"}
    requests = [
        ("GET", "/", None), ("GET", "/manifest", None), ("GET", "/taskpane", None),
        ("GET", "/static/js/ribbon.js", None),
        ("GET", "/static/images/ribbon/LearnGroup-16.png", None),
        ("POST", "/xlwings/custom-functions-call", body),
        ("POST", "/xlwings/custom-functions-call", {**body, "func_name": "nope"}),
        ("POST", "/xlwings/custom-functions-call", {**body, "args": "x"}),
    ]

    def responses():
        app.middleware_stack = None
        out = []
        with TestClient(main_app, raise_server_exceptions=False) as client:
            for method, path, payload in requests:
                r = client.request(method, path, json=payload)
                headers = sorted((k, v) for k, v in r.headers.items() if k != "date")
                out.append([path, r.status_code, r.text[:200], headers])
        return out

    before = responses()  # DADEUM_SPEEDUPS=0 so far: addin/lifespan.py left the app as it was
    os.environ["DADEUM_SPEEDUPS"] = sys.argv[1]
    done = lighten_requests(app)
    after = responses()
    kinds_after = [getattr(m.cls, "__name__", "") for m in app.user_middleware]
    print(json.dumps({"before": before, "after": after, "done": done,
                      "middleware": kinds_after, "frozen": gc.get_freeze_count()}))
    """
)


def _child(code: str, *args: str, **extra: str) -> str:
    """Runs ``code`` in a fresh Python with the add-in's server settings; its output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env.update(
        XLWINGS_ON_SERVER="true", XLWINGS_LICENSE_KEY="noncommercial",
        XLWINGS_PROJECT_DIR=str(ADDIN), XLWINGS_ENVIRONMENT="prod",
        XLWINGS_ENABLE_SOCKETIO="false", PYTHONPATH=os.pathsep.join([str(ADDIN), str(REPO)]),
    )  # fmt: skip
    env.update(extra)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _run(speedups: str = "1", **extra: str) -> dict:
    out = _child(CHILD, speedups, **{**extra, "DADEUM_SPEEDUPS": "0"})
    return json.loads(out.strip().splitlines()[-1])


def test_the_same_responses_and_headers_without_base_http_middleware():
    out = _run()
    assert out["after"] == out["before"]
    statuses = [status for _, status, _, _ in out["before"]]
    assert statuses[0] == 200 and statuses[-1] == 400  # the guard still answers
    assert "BaseHTTPMiddleware" not in out["middleware"]
    assert "SecurityHeaders" in out["middleware"] and "RequestGuard" in out["middleware"]
    # the security headers are really there, and images may still be cached
    headers = {path: dict(h) for path, _, _, h in out["after"]}
    assert headers["/taskpane"]["x-content-type-options"] == "nosniff"
    assert headers["/"]["strict-transport-security"].startswith("max-age=")
    assert "cache-control" not in headers["/static/images/ribbon/LearnGroup-16.png"]
    assert out["frozen"] > 10_000 and len(out["done"]) == 2


def test_custom_headers_and_switched_off_security_headers_match_too():
    out = _run(XLWINGS_ADD_SECURITY_HEADERS="false", XLWINGS_ENVIRONMENT="dev",
               XLWINGS_CUSTOM_HEADERS='{"X-Dadeum": "1"}')  # fmt: skip
    assert out["after"] == out["before"]
    headers = dict(out["after"][0][3])
    assert headers["x-dadeum"] == "1" and headers["cache-control"] == "no-store, max-age=0"


def test_dadeum_speedups_0_leaves_the_server_as_xlwings_made_it():
    out = _run(speedups="0")
    assert out["done"] == [] and "BaseHTTPMiddleware" in out["middleware"]
    assert out["frozen"] == 0


def test_the_served_add_in_applies_them_at_start_up(tmp_path):
    import httpx

    from .conftest import running_server

    log = tmp_path / "serve.log"
    with running_server(log=log) as base:
        response = httpx.get(base + "/manifest")
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    text = log.read_text(encoding="utf-8")
    assert "security headers without BaseHTTPMiddleware" in text
    assert "frozen out of the GC" in text


WARM_UP_CHILD = textwrap.dedent(
    """
    import threading
    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app
    from dadeum.engine.privacy import detect_nlp

    before = detect_nlp._load_kiwi.cache_info().currsize
    with TestClient(main_app) as client:  # runs addin/lifespan.py
        status = client.get("/").status_code
        for thread in threading.enumerate():
            if thread.name == "dadeum-analyser":
                thread.join(timeout=120)
    print(before, detect_nlp._load_kiwi.cache_info().currsize, status)
    """
)


def test_the_korean_analyser_loads_in_the_background_at_start_up():
    assert _child(WARM_UP_CHILD).split() == ["0", "1", "200"]
