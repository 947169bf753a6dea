"""Loaded by xlwings Server at start-up (``main.py`` imports ``routers.custom`` from the
project folder): registers Dadeum's request guard on the app, lets xlwings skip a per-cell
Pyodide import (``dadeum.server.speedups``), and adds the task pane's own routes: the
training workbooks, the pseudonymisation key's status (never the key) and the recipe kept in
a workbook as JSON.

xlwings Server offers no hook for middleware, so this reaches the app object that
``xlwings_server.main`` has already created by the time it imports this module. The
middleware goes on before the server is started, as Starlette requires. If anything here
fails, xlwings Server only logs it and starts without the guard; ``tests/
test_server_hostile.py`` therefore checks, on a served process, that the guard answers.
"""

import logging
import sys
from urllib.parse import quote

import xlwings as xw
from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse
from pydantic import BaseModel
from xlwings_server import dependencies as dep
from xlwings_server.config import settings
from xlwings_server.routers.xlwings import custom_functions, custom_scripts

from dadeum.server.errors import install_error_handlers
from dadeum.server.guard import RequestGuard
from dadeum.server.pages import (
    content_disposition,
    find_training_file,
    function_catalogue,
    key_report,
    training_files,
)
from dadeum.server.speedups import run_off_the_loop, skip_pyodide_probe
from dadeum.server.static import confine_static_files

if skip_pyodide_probe():
    logging.getLogger(__name__).info("xlwings: per-cell Pyodide probe skipped (no Pyodide)")

for _change in run_off_the_loop(custom_functions, custom_scripts):
    logging.getLogger(__name__).info("Dadeum speed-up: %s", _change)

router = APIRouter(prefix=settings.app_path)  # xlwings Server includes it

# The task pane renders the function catalogue and the training list on the server, so the
# page works (and can be tested) without a script fetching them.
try:
    from xlwings_server.templates import env as _templates

    _templates.globals["dadeum_functions"] = function_catalogue
    _templates.globals["dadeum_training"] = training_files
except ImportError:  # an xlwings Server without the shared Jinja environment
    logging.getLogger(__name__).warning("Task pane catalogue unavailable: no template env")


@router.get("/training")
async def list_training():
    """The training workbooks in the folder now, for the task pane's 학습 links."""
    base = f"{settings.app_path}/training/"
    return [
        {"file": f.name, "title": f.title, "size": f.size, "url": base + quote(f.name)}
        for f in training_files()
    ]


@router.get("/training/{name}")
async def get_training(name: str):
    # Only a name from the listing is served: no path, no "..", nothing outside workbooks/.
    found = find_training_file(name)
    if found is None:
        raise HTTPException(404, detail="그런 학습 자료가 없습니다. 작업창의 목록에서 고르세요.")
    return FileResponse(
        found.path,
        media_type=found.media_type,
        headers={"Content-Disposition": content_disposition(found.name)},
    )


@router.get("/dadeum/key-status")
async def get_key_status(current_user: dep.User):
    """Whether a pseudonymisation key is configured and its fingerprint; never the key."""
    return key_report()


class RecipeCells(BaseModel):
    cells: list[list[str | int | float | bool | None]]


@router.post("/dadeum/recipe")
async def recipe_from_sheet(body: RecipeCells, current_user: dep.User):
    """The recipe in the cells of a workbook's ``_다듬_레시피`` sheet, as JSON the command line
    reads. The task pane reads the cells with Office.js; the engine does the conversion."""
    from dadeum.errors import DadeumError
    from dadeum.reports.recipe import recipe_from_cells, recipe_json

    try:
        recipe = recipe_from_cells(body.cells)
    except DadeumError as error:
        raise HTTPException(400, detail=str(error)) from error
    if recipe is None:
        return {"recipe": None, "json": None}
    return {"recipe": recipe, "json": recipe_json(recipe, indent=2)}


_main = sys.modules.get("xlwings_server.main")
# The static mounts are made after this module is imported, from the class patched here.
if _main is not None and confine_static_files(_main):
    logging.getLogger(__name__).info("Static files confined to their folders")
if _main is not None and hasattr(_main, "app"):
    install_error_handlers(_main.app)
    _main.app.add_middleware(
        RequestGuard,
        functions=custom_functions,
        scripts=custom_scripts,
        version=xw.__version__,
        prefix=settings.app_path,
    )
    logging.getLogger(__name__).info("Registered Dadeum request guard (size limit, checks)")
