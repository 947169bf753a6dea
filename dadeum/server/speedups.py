"""Work-arounds for xlwings and xlwings Server costs; applied by the add-in server.

- ``skip_pyodide_probe``: xlwings 0.37.8 checks every cell of a custom-function argument for
  Pyodide's ``JsNull`` with ``xlwings.utils.is_jsnull``, which runs ``from pyodide.ffi import
  JsNull`` each time. Outside Pyodide that import fails, and a failed import is not
  remembered, so each cell pays for a search of the whole ``sys.path``: about 50 µs, or 5
  seconds for a 100,000-cell range.
- ``lighten_requests`` (every request): xlwings Server adds its security headers with
  ``@app.middleware("http")``, a ``BaseHTTPMiddleware`` that runs each request in an extra
  task with memory streams; ``SecurityHeaders`` sets the same headers from a plain ASGI
  wrapper. And after start-up the modules' objects (pandas, statsmodels, the engine's tables)
  are frozen out of the garbage collector, whose full collections otherwise walk them all,
  pausing a worker for about 0.1 s every few hundred calls.

``DADEUM_SPEEDUPS=0`` leaves both of the latter off, for a benchmark's baseline.
"""

import gc
import importlib.util
import os
from typing import Any

SPEEDUPS_ENV = "DADEUM_SPEEDUPS"


def _never_jsnull(value) -> bool:
    """``is_jsnull`` where Pyodide does not exist: no value can be its ``JsNull``."""
    return False


def skip_pyodide_probe() -> bool:
    """Let xlwings skip its per-cell Pyodide import when Pyodide is not installed.

    Returns whether the work-around was applied. Inside Pyodide (xlwings Lite, Wasm) it does
    nothing, so ``JsNull`` cells are still read as empty there.
    """
    if importlib.util.find_spec("pyodide") is not None:
        return False
    import xlwings.conversion.standard
    import xlwings.utils

    xlwings.utils.is_jsnull = _never_jsnull
    xlwings.conversion.standard.is_jsnull = _never_jsnull
    return True


def lighten_requests(app: Any) -> list[str]:
    """Swap xlwings Server's security-header middleware for ``SecurityHeaders`` and freeze
    the start-up heap; returns what was done. Call once, before the server starts.
    """
    if os.environ.get(SPEEDUPS_ENV, "1").strip() == "0":
        return []
    done = []
    if _swap_security_headers(app):
        done.append("security headers without BaseHTTPMiddleware")
    gc.collect()
    gc.freeze()  # what is alive now lives as long as the worker: the GC need not walk it
    done.append(f"{gc.get_freeze_count():,} start-up objects frozen out of the GC")
    return done


def _swap_security_headers(app: Any) -> bool:
    from starlette.middleware import Middleware
    from xlwings_server import main

    original = getattr(main, "add_security_headers", None)
    for position, middleware in enumerate(app.user_middleware):
        if original is not None and middleware.kwargs.get("dispatch") is original:
            app.user_middleware[position] = Middleware(SecurityHeaders)
            app.middleware_stack = None  # rebuilt on the next request, should it exist
            return True
    return False


class SecurityHeaders:
    """xlwings Server's ``add_security_headers`` as plain ASGI middleware, same headers.

    The settings are read per response, as the original does, so tests that change them
    still see the change.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                _add_headers(message, scope.get("path", ""))
            await send(message)

        await self.app(scope, receive, send_with_headers)


_IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "bmp", "webp", "svg")


def _add_headers(message: dict, path: str) -> None:
    from starlette.datastructures import MutableHeaders
    from xlwings_server.config import settings
    from xlwings_server.security_headers import resolve_security_headers

    headers = MutableHeaders(scope=message)
    if not settings.add_security_headers and settings.environment == "dev":
        headers["Cache-Control"] = "no-store, max-age=0"
    if settings.add_security_headers:
        wanted = resolve_security_headers(
            excel_online=settings.enable_excel_online, cdn_officejs=settings.cdn_officejs
        )
        extension = path.split(".")[-1].lower()
        for name, value in wanted.items():
            # Excel on Windows does not show ribbon icons that may not be cached.
            if name == "Cache-Control" and extension in _IMAGE_EXTENSIONS:
                continue
            headers[name] = value
    for name, value in settings.custom_headers.items():
        headers[name] = value
