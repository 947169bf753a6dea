"""Test set-up: xlwings reads its environment at import time, so it is prepared here first."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDIN = REPO / "addin"

os.environ["XLWINGS_ON_SERVER"] = "true"  # otherwise xw.func is a no-op on Linux
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
os.environ["XLWINGS_PROJECT_DIR"] = str(ADDIN)
os.environ.setdefault("XLWINGS_ENVIRONMENT", "prod")
os.environ.setdefault("XLWINGS_ENABLE_SOCKETIO", "false")
for path in (str(ADDIN), str(REPO)):
    if path not in sys.path:
        sys.path.insert(0, path)

import xlwings as xw  # noqa: E402

# The needs(...) marker and the missing-programs summary line.
from tests.system_tools import (  # noqa: E402, F401
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_runtest_setup,
    pytest_terminal_summary,
)

OFFICE_JS_BODY = {
    "client": "Office.js",
    "caller_address": "[Book1.xlsx]Sheet1!B1",
    "session_id": "7d0e5d62-0a3c-4d7e-9a0e-2f6b1c0d4e55",
    "culture_info_name": "ko-KR",
    "date_format": "yyyy-MM-dd",
    "version": xw.__version__,
    "runtime": "1.4",
}


def office_js_call(func_name: str, *args) -> dict:
    """The JSON body Office.js posts to /xlwings/custom-functions-call."""
    return {**OFFICE_JS_BODY, "func_name": func_name, "args": list(args)}


def book_json(sheets: dict[str, list[list]], selection: str = "A1", active: int = 0) -> dict:
    """The book payload Office.js posts to /xlwings/custom-scripts-call/{script}."""
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {
            "name": "Book1.xlsx",
            "active_sheet_index": active,
            "selection": selection,
            "calculation": "Automatic",
        },
        "names": [],
        "sheets": [
            {
                "name": name,
                "visibility": "Visible",
                "show_gridlines": True,
                "print_area": None,
                "notes": [],
                "notes_supported": True,
                "used_range_address": _used_address(values),
                "used_range_row_count": len(values),
                "used_range_column_count": max(len(row) for row in values),
                "values": values,
                "pictures": [],
                "shapes": [],
                "charts": [],
                "tables": [],
                "pivot_tables": [],
            }
            for name, values in sheets.items()
        ],
    }


def run_dadeum(*args, env: dict[str, str] | None = None, timeout: float = 300):
    """Run the ``dadeum`` command line as a user would, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "dadeum", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def dadeum_on_a_terminal(*args) -> str:
    """What ``python -m dadeum ARGS`` writes to stderr when stderr is a terminal (a pty), as
    text; the command must succeed."""
    import pty
    import select

    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "dadeum", *map(str, args)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=child, env=os.environ.copy(),
    )  # fmt: skip
    os.close(child)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 0
    os.close(main)
    return seen.decode("utf-8")


def _used_address(values: list[list]) -> str:
    columns = max(len(row) for row in values)
    last = ""
    n = columns
    while n:
        n, rest = divmod(n - 1, 26)
        last = chr(65 + rest) + last
    return f"A1:{last}{len(values)}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(
    *args: str, env: dict[str, str] | None = None, https: bool = False, log: Path | None = None
):
    """A real ``dadeum serve`` process on a free loopback port; yields its base URL.

    The server's output goes to a file (a pipe nobody reads would fill up and stall it):
    ``log`` when given, so a test can read it afterwards.
    """
    import httpx

    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    environment.update(env or {}, PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "dadeum", "serve", "--host", "127.0.0.1", "--port", str(port)]
    opened = open(log, "w+", encoding="utf-8") if log else tempfile.TemporaryFile("w+")
    with opened as output:
        process = subprocess.Popen(
            [*command, *args], cwd=REPO, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        base = f"{'https' if https else 'http'}://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        try:
            while True:
                if process.poll() is not None:
                    output.seek(0)
                    raise RuntimeError("dadeum serve exited early:\n" + output.read())
                try:
                    if httpx.get(base + "/", timeout=1, verify=False).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("dadeum serve did not answer within 60 s")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def live_server():
    """One ``dadeum serve`` for the whole session, as the README's first command starts it."""
    with running_server() as base:
        yield base
