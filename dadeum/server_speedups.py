"""Work-arounds for xlwings costs that only show on large ranges; applied by the add-in server.

xlwings 0.37.8 checks every cell of a custom-function argument for Pyodide's ``JsNull``
with ``xlwings.utils.is_jsnull``, which runs ``from pyodide.ffi import JsNull`` each time.
Outside Pyodide that import fails, and a failed import is not remembered, so each cell pays
for a search of the whole ``sys.path``: about 50 µs, or 5 seconds for a 100,000-cell range.
"""

import importlib.util


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
