"""The 다듬 ribbon of the classic Windows add-in (Dadeum.xlam): a button's tag → its script.

Every button in the add-in's customUI calls the one VBA macro ``RibbonDispatch``
(``addin/classic/RibbonDispatch.bas``) with its ``tag``, the name of a ribbon script from
``addin/ribbon.toml``. The macro runs::

    RunPython "import dadeum.excel.classic_ribbon as r; r.run('clean_sheet')"

and ``run`` calls the same ``custom_scripts`` function xlwings Server runs for the Office.js
ribbon, on ``xw.Book.caller()`` (the user's active workbook). Only scripts named in
``ribbon.toml`` can run, so an edited tag cannot call anything else. Problems are shown as a
Korean message box instead of xlwings' traceback window.
"""

import inspect
import sys
from collections.abc import Callable
from functools import cache
from typing import Any

from dadeum.errors import DadeumError, InvalidArgumentError
from dadeum.excel.runtime import addin_dir

__all__ = ["ALERT_TITLE", "resolve", "ribbon_scripts", "run"]

ALERT_TITLE = "다듬"


@cache
def ribbon_scripts() -> tuple[str, ...]:
    """The script names of the ribbon's buttons, in ribbon order."""
    from dadeum.excel.ribbon import load_ribbon

    groups = load_ribbon(addin_dir() / "ribbon.toml")
    return tuple(
        button.script
        for group in groups
        for button in group.buttons
        if button.action == "script" and button.script
    )


def resolve(tag: Any) -> Callable:
    """The ribbon script a button's tag names; a Korean error for anything else."""
    name = tag.strip() if isinstance(tag, str) else tag
    if name not in ribbon_scripts():
        raise InvalidArgumentError(
            f"알 수 없는 리본 단추입니다: {tag!r}. 다듬 추가 기능(Dadeum.xlam)이 이 버전과 "
            "맞지 않습니다. 관리자에게 'dadeum addin classic'으로 다시 만들어 달라고 요청하세요."
        )
    scripts = _custom_scripts()
    script = getattr(scripts, name, None)
    if not callable(script):
        raise InvalidArgumentError(
            f"리본 단추 '{name}'의 스크립트를 찾을 수 없습니다. 다듬을 다시 설치해 주세요."
        )
    # Imported where xlwings Server's decorators are active, a script is an async wrapper
    # expecting the signed-in user first; classic Excel has neither, so call the function.
    if inspect.iscoroutinefunction(script) and hasattr(script, "__wrapped__"):
        script = script.__wrapped__
    return script


def run(tag: str, book: Any = None) -> None:
    """Run the ribbon script ``tag`` on ``book`` (default: the workbook that clicked)."""
    import xlwings as xw

    if book is None:
        book = xw.Book.caller()
    try:
        resolve(tag)(book)
    except (DadeumError, xw.XlwingsError) as error:
        book.app.alert(str(error), title=ALERT_TITLE, mode="critical")


def _custom_scripts():
    """The add-in's ``custom_scripts`` package, which lives in ``addin/`` beside ``udfs``."""
    folder = str(addin_dir())
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import custom_scripts

    return custom_scripts
