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

- ``run_off_the_loop``: custom functions and ribbon scripts run in worker threads instead of
  on the event loop (``DADEUM_OFFLOAD=0`` for the baseline).
"""

import functools
import gc
import importlib.util
import inspect
import os
import types
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


# -- custom functions and ribbon scripts off the event loop ---------------------------------

OFFLOAD_ENV = "DADEUM_OFFLOAD"
# A call with at most this many cells is "small" (CLEAN_TEXT on a cell, TO_NUMBER on a
# column of a form); bigger ones and every ribbon script are "big".
SMALL_CALL_CELLS = 1_000
SMALL_THREADS = 8  # per worker: small calls never wait behind big ones
BIG_THREADS = 2  # per worker: bounds the memory of big calls running at once


def _cells(value: Any) -> int:
    shape = getattr(value, "shape", None)
    if isinstance(shape, tuple) and shape:
        size = 1
        for n in shape:
            size *= int(n)
        return size
    if isinstance(value, (list, tuple)):
        return sum(len(row) if isinstance(row, (list, tuple)) else 1 for row in value)
    return 1


def run_off_the_loop(functions: Any, scripts: Any) -> list[str]:
    """Run Dadeum's custom functions and ribbon scripts in worker threads.

    xlwings calls a plain (sync) function inside the request's coroutine, on the worker's
    only event loop: one forecast holds up every other call of that worker, a one-cell
    CLEAN_TEXT included. Each ``@xw.func`` in ``functions`` is replaced by a coroutine that
    runs it in a thread (``__xlfunc__`` and the signature kept); for each ``@xw.script``
    the function xlwings' script wrapper calls is swapped the same way. Small calls and
    big ones have separate thread limits, so a small call never queues behind big ones,
    and the number of big ones in memory at once stays bounded. ``DADEUM_OFFLOAD=0``
    leaves everything on the loop, for a benchmark's baseline.
    """
    if os.environ.get(OFFLOAD_ENV, "1").strip() == "0":
        return []
    import anyio

    small = anyio.CapacityLimiter(SMALL_THREADS)
    big = anyio.CapacityLimiter(BIG_THREADS)
    done = 0
    for name in dir(functions):
        function = getattr(functions, name)
        if not isinstance(getattr(function, "__xlfunc__", None), dict):
            continue
        if inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function):
            continue
        setattr(functions, name, _threaded_function(function, small, big))
        done += 1
    changed = [f"{done} custom functions run in threads"]
    done = 0
    for name in dir(scripts):
        script = getattr(scripts, name)
        if isinstance(getattr(script, "__xlscript__", None), dict):
            threaded = _threaded_script(script, big)
            if threaded is not None:
                setattr(scripts, name, threaded)
                done += 1
    changed.append(f"{done} ribbon scripts run in threads")
    return changed


def _threaded_function(function: Any, small: Any, big: Any) -> Any:
    import anyio

    @functools.wraps(function)
    async def threaded(*args, **kwargs):
        size = sum(_cells(a) for a in args) + sum(_cells(v) for v in kwargs.values())
        limiter = small if size <= SMALL_CALL_CELLS else big
        call = functools.partial(function, *args, **kwargs)
        return await anyio.to_thread.run_sync(call, limiter=limiter)

    return threaded


def _threaded_script(wrapper: Any, big: Any) -> Any:
    """A copy of xlwings' script wrapper whose inner ``func`` runs in a thread, or None when
    the wrapper is not shaped as expected (then the script stays as it was)."""
    import anyio

    code = wrapper.__code__
    if "func" not in code.co_freevars or not wrapper.__closure__:
        return None
    position = code.co_freevars.index("func")
    inner = wrapper.__closure__[position].cell_contents
    if inspect.iscoroutinefunction(inner):
        return None

    @functools.wraps(inner)
    async def threaded(*args, **kwargs):
        call = functools.partial(inner, *args, **kwargs)
        return await anyio.to_thread.run_sync(call, limiter=big)

    cells = list(wrapper.__closure__)
    cells[position] = types.CellType(threaded)
    copy = types.FunctionType(
        code, wrapper.__globals__, wrapper.__name__, wrapper.__defaults__, tuple(cells)
    )
    copy.__kwdefaults__ = wrapper.__kwdefaults__
    copy.__dict__.update(wrapper.__dict__)
    copy.__qualname__, copy.__module__ = wrapper.__qualname__, wrapper.__module__
    copy.__doc__, copy.__annotations__ = wrapper.__doc__, dict(wrapper.__annotations__)
    return copy
