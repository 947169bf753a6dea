"""The thin layer between Excel and the engine: cells in, engine call, cells out.

Shared by every custom function so that blanks, Excel errors, per-cell failures and Excel's
own limits are handled the same way everywhere, for xlwings Server (Office.js), classic COM
UDFs and xlwings Lite alike.
"""

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

import pandas as pd
import xlwings as xw

from dadeum.engine.cells import CellError, Placeholder, apply_on_error, is_blank
from dadeum.errors import DadeumError

# Error values Excel can hand us (with err_to_str=True) and that we hand straight back.
EXCEL_ERRORS = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
        "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
        "#BUSY!", "#UNKNOWN!",
    }
)  # fmt: skip
# The most characters one Excel cell holds.
MAX_CELL_CHARS = 32_767
VALUE_ERROR = "#VALUE!"

# Classic COM UDFs (Windows Excel with the xlwings add-in, no xlwings Server) hand cells over
# differently from Office.js: every number is a float (2023.0), and a date cell arrives as a
# datetime instead of its serial number. xlwings Server turns Office.js' "" into None, so
# empty cells are None on both. Off the server the arguments are made to look like Office.js
# sends them, so both paths give the same results; on the server this costs nothing.
CLASSIC_VALUES = not getattr(xw, "on_server", False)
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# Excel counts the 29 February 1900 that never was: serials 1-59 are one less than COM's dates.
_LEAP_BUG_START, _LEAP_BUG_END = dt.datetime(1900, 1, 1), dt.datetime(1900, 3, 1)
# JavaScript's JSON writes integral numbers below 1e21 without a decimal point.
_JSON_INT_LIMIT = 1e21


def excel_function(function: Callable) -> Callable:
    """Prepare an engine wrapper for Excel; place it right under ``@xw.func``/``@xw.arg``.

    Dadeum's own errors become the one error xlwings shows users (``#VALUE!`` with the Korean
    message on hover), and the docstring is folded onto one line, since Excel shows it as is.
    """

    @wraps(function)
    def wrapper(*args, **kwargs):
        if CLASSIC_VALUES:
            args = tuple(office_values(arg) for arg in args)
            kwargs = {name: office_values(arg) for name, arg in kwargs.items()}
        try:
            return function(*args, **kwargs)
        except DadeumError as error:
            raise xw.XlwingsError(str(error)) from error

    wrapper.__doc__ = " ".join((function.__doc__ or "").split())
    return wrapper


def office_values(value: Any) -> Any:
    """A cell, row or range from classic COM as Office.js would send it.

    Integral floats become ints (2023.0 → 2023, as JSON from Excel on the web has it) and
    dates and times become Excel serial numbers (2024-03-05 → 45356, 14:30 → 0.6041…).
    Everything else, None and text included, is returned as is.
    """
    if isinstance(value, list | tuple):
        return [office_values(item) for item in value]
    if type(value) is float:
        if value.is_integer() and abs(value) < _JSON_INT_LIMIT:
            return int(value)
        return value
    if isinstance(value, dt.date):
        return excel_serial(value)
    return value


def excel_serial(value: dt.date) -> int | float:
    """Excel's serial number of a date or datetime (1900 date system), as Office.js sends it."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    value = value.replace(tzinfo=None)
    delta = value - _EXCEL_EPOCH
    serial = delta.days + delta.seconds / 86_400 + delta.microseconds / 86_400_000_000
    if _LEAP_BUG_START <= value < _LEAP_BUG_END:
        serial -= 1
    return int(serial) if float(serial).is_integer() else serial


def summary(function: Callable) -> str:
    """The first sentence of a custom function's description, for catalogues."""
    description = " ".join((function.__doc__ or "").split())
    head, dot, _ = description.partition(". ")
    return head + dot.strip()


def as_rows(values: Any) -> list[list[Any]]:
    """A cell or range argument as a list of rows, whatever the runtime handed over."""
    if not isinstance(values, (list, tuple)):
        return [[values]]
    if not values:
        return [[None]]
    if not isinstance(values[0], (list, tuple)):
        return [list(values)]
    return [list(row) for row in values]


def _is_excel_error(value: Any) -> bool:
    return isinstance(value, str) and value in EXCEL_ERRORS


def map_cells(values: Any, convert: Callable[[pd.Series], pd.Series]) -> list[list[Any]]:
    """Apply a vectorised engine conversion to a cell or range and keep its shape.

    Blanks stay blank and Excel errors pass through untouched; every other cell goes to
    ``convert`` in one call. A failed cell becomes ``#VALUE!``; when the call was for a single
    cell, its Korean reason is raised instead, so Excel shows it when the user hovers.
    """
    rows = as_rows(values)
    width = max(len(row) for row in rows)
    flat = [cell for row in rows for cell in row + [None] * (width - len(row))]
    out: list[Any] = [""] * len(flat)
    todo: list[int] = []
    # One pass with the common cell types first: a 100,000-cell range is checked per cell.
    for i, cell in enumerate(flat):
        kind = type(cell)
        if cell is None:
            continue
        if kind is str:
            if cell in EXCEL_ERRORS:
                out[i] = cell
            elif cell.strip():
                todo.append(i)
        elif kind is int or kind is float:
            if cell == cell:  # NaN is blank
                todo.append(i)
        elif _is_excel_error(cell):
            out[i] = cell
        elif not is_blank(cell):
            todo.append(i)
    if todo:
        converted = convert(pd.Series([flat[i] for i in todo], dtype=object))
        for i, value in zip(todo, converted.tolist(), strict=True):
            out[i] = value
    if len(out) == 1:
        cell = fit_excel_cell(out[0])
        if isinstance(cell, CellError):
            raise xw.XlwingsError(cell.reason)
    cells = [
        value if type(value) is str and len(value) <= MAX_CELL_CHARS else _excel_cell(value)
        for value in out
    ]
    return [cells[start : start + width] for start in range(0, len(cells), width)]


def _excel_cell(value: Any) -> Any:
    """``fit_excel_cell`` with a failed cell as ``#VALUE!``."""
    value = fit_excel_cell(value)
    return VALUE_ERROR if isinstance(value, CellError) else value


def convert_cells(
    values: Any, convert: Callable[[pd.Series], pd.Series], on_error: Any, *, function: str
) -> list[list[Any]]:
    """``map_cells`` for conversions that take the user's ``on_error`` choice."""
    return map_cells(
        values,
        lambda column: apply_on_error(column, convert(column), on_error, function=function),
    )


def fit_excel_cell(value: Any) -> Any:
    """One engine value as something an Excel cell can hold, or the reason it cannot."""
    if value is None or isinstance(value, Placeholder):
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        return CellError(f"결과가 {len(value):,}자로, 엑셀 셀 한 칸의 한도(32,767자)를 넘습니다.")
    return value
