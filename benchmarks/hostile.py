"""Send the hostile-input suite to a real ``dadeum serve`` and count how each kind fared.

    .venv/bin/python -m benchmarks.hostile

Starts the server on a free 127.0.0.1 port (no sign-in, ``DADEUM_MAX_REQUEST_MB=1``,
``DADEUM_MAX_CELLS=5000``), sends every case of ``tests/test_server_hostile.py``,
``tests/test_server_hardening.py`` and ``tests/test_server_static.py`` (bad shapes, odd
inputs, path traversals), and prints per kind how many were sent and how many were refused
correctly: the expected status, a Korean message, no cell value or file content in the
answer. Last, it counts the server log's lines that hold a cell value (should be 0).
"""

import re
import sys
import tempfile
from pathlib import Path

import httpx

from tests.conftest import running_server
from tests.test_server_hardening import DIGITS, MAX_CELLS, ODD_INPUTS
from tests.test_server_hostile import BAD_REQUESTS, LIMIT_MB, SECRET
from tests.test_server_static import PASSWD, raw_get, traversals

HANGUL = re.compile("[가-힣]")
LEAKS = (SECRET, "900101", *DIGITS)


def _fine(status: int, expected: int, text: str) -> bool:
    return status == expected and bool(HANGUL.search(text)) and not any(v in text for v in LEAKS)


def main() -> int:
    tally: dict[str, list[int]] = {}

    def count(kind: str, ok: bool) -> None:
        tally.setdefault(kind, [0, 0])
        tally[kind][0] += 1
        tally[kind][1] += ok

    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"
        env = {"DADEUM_MAX_REQUEST_MB": str(LIMIT_MB), "DADEUM_MAX_CELLS": str(MAX_CELLS)}
        with running_server(env=env, log=log) as base:
            with httpx.Client(base_url=base, timeout=60) as client:
                for _, path, request, status, _ in BAD_REQUESTS:
                    response = client.post(path, **request)
                    count("bad request shape", _fine(response.status_code, status, response.text))
                for name, path, request, status, _ in ODD_INPUTS:
                    response = client.post(path, **request)
                    kind = "FastAPI 422" if "422" in name else "odd input (400/413)"
                    count(kind, _fine(response.status_code, status, response.text))
            passwd = PASSWD.read_bytes()[:40]
            for route in ("/static/", "/static/js/", "/training/", "/wasm/", "/custom_scripts/"):
                for target in traversals(PASSWD, route).values():
                    status, body = raw_get(base, target)
                    text = body.decode("utf-8", "replace")
                    count("path traversal", _fine(status, 404, text) and passwd not in body)
        lines = log.read_text(encoding="utf-8").splitlines()
        leaked = sum(any(v in line for v in LEAKS) for line in lines)

    print(f"{'kind':<24}{'sent':>8}{'refused correctly':>20}")
    for kind, (sent, ok) in tally.items():
        print(f"{kind:<24}{sent:>8}{ok:>20}")
    total_sent = sum(s for s, _ in tally.values())
    total_ok = sum(o for _, o in tally.values())
    print(f"{'total':<24}{total_sent:>8}{total_ok:>20}")
    print(f"server log: {len(lines):,} lines, {leaked} with a cell value")
    return 0 if total_ok == total_sent and not leaked else 1


if __name__ == "__main__":
    sys.exit(main())
