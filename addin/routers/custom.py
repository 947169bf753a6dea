"""Loaded by xlwings Server at start-up (``main.py`` imports ``routers.custom`` from the
project folder): registers Dadeum's request guard on the app, lets xlwings skip a per-cell
Pyodide import (``dadeum.server_speedups``), and adds no routes.

xlwings Server offers no hook for middleware, so this reaches the app object that
``xlwings_server.main`` has already created by the time it imports this module. The
middleware goes on before the server is started, as Starlette requires. If anything here
fails, xlwings Server only logs it and starts without the guard; ``tests/
test_server_hostile.py`` therefore checks, on a served process, that the guard answers.
"""

import logging
import sys

import xlwings as xw
from fastapi import APIRouter
from xlwings_server.config import settings
from xlwings_server.routers.xlwings import custom_functions, custom_scripts

from dadeum.server_guard import RequestGuard
from dadeum.server_speedups import skip_pyodide_probe

if skip_pyodide_probe():
    logging.getLogger(__name__).info("xlwings: per-cell Pyodide probe skipped (no Pyodide)")

router = APIRouter()  # xlwings Server includes it; Dadeum has no routes of its own here

_main = sys.modules.get("xlwings_server.main")
if _main is not None and hasattr(_main, "app"):
    _main.app.add_middleware(
        RequestGuard,
        functions=custom_functions,
        scripts=custom_scripts,
        version=xw.__version__,
        prefix=settings.app_path,
    )
    logging.getLogger(__name__).info("Registered Dadeum request guard (size limit, checks)")
