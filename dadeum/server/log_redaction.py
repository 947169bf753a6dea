"""Keep cell values out of the add-in server's logs, whichever library writes the line.

Error messages quote what they are about ("could not convert string to float:
'880808-1357913'"), and xlwings Server, uvicorn, asyncio and pandas all log messages and
tracebacks. :class:`RedactingFormatter` sits on every handler and writes a safe copy of each
record:

- Dadeum's own loggers (``dadeum.*``, the project's ``routers.custom`` and lifespan hook)
  write no cell values, so their text is kept;
- uvicorn's start-up and access lines are kept (the access line without its query string,
  see ``dadeum.cli.serve.DropQueryStrings``); its warnings and errors keep their fixed text
  but not the values formatted into it;
- every other logger (xlwings, xlwings Server, FastAPI, asyncio, warnings, …) keeps only its
  name and level: their text may be built from a request;
- a traceback becomes the exception's type and where it was raised (``module:line``, and the
  last line in Dadeum's code when that differs), never its message or arguments.

The user still gets the full message in Excel; the log keeps only the error's kind.
"""

import copy
import logging
import re
import types

REDACTED = "(내용 생략: 셀 값이 들어 있을 수 있어 기록하지 않습니다)"
_OWN = ("dadeum", "routers.custom", "_xlwings_server_user_lifespan", "custom_scripts", "udfs")
_UVICORN = ("uvicorn", "uvicorn.error", "uvicorn.access")
_PROJECT = ("dadeum", "udfs", "custom_scripts", "custom_functions", "routers")
# Lines of other loggers known to hold no request data, kept below WARNING: xlwings Server's
# start-up lines and its "which function, which user" line (names, never arguments).
_KNOWN_SAFE = {
    "xlwings_server.main": re.compile(
        r"Running in '\w+' mode\.|Registered custom [a-z ]+|Serving static files from dist/.*"
    ),
    "xlwings_server.routers.xlwings": re.compile(
        r'(Function|Script) "[A-Za-z_][A-Za-z0-9_]*" called by [^\n]*'
    ),
    "xlwings_server.dependencies": re.compile(r"Using auth provider [a-z]{1,20}"),
    # Kept so that a test can see the server never tried to download Microsoft's keys.
    "xlwings_server.auth.entraid": re.compile(r"Get default JWKS json for Entra ID"),
}


def _is_under(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == root or name.startswith(root + ".") for root in roots)


def where(traceback: types.TracebackType | None) -> str:
    """``module:line`` of the innermost frame, and of the innermost project frame if other."""
    innermost = project = None
    while traceback is not None:
        frame = traceback.tb_frame
        place = f"{frame.f_globals.get('__name__', '?')}:{traceback.tb_lineno}"
        innermost = place
        if _is_under(frame.f_globals.get("__name__", ""), _PROJECT):
            project = place
        traceback = traceback.tb_next
    if innermost is None:
        return "?"
    return innermost if project in (None, innermost) else f"{innermost}, {project}"


def describe(error: BaseException) -> str:
    """An exception as the log may show it: its type and place, never its message."""
    return f"{type(error).__name__} ({where(error.__traceback__)})"


def _known_safe(record: logging.LogRecord) -> bool:
    pattern = _KNOWN_SAFE.get(record.name)
    return pattern is not None and bool(pattern.fullmatch(record.getMessage()))


def redacted(record: logging.LogRecord) -> logging.LogRecord:
    """A copy of ``record`` whose text cannot carry a cell value."""
    safe = copy.copy(record)
    safe.__dict__.pop("color_message", None)  # uvicorn's coloured copy of the message
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(record.msg, BaseException):
        error = error or record.msg
        text = ""
    elif _is_under(record.name, _OWN) or (
        _is_under(record.name, _UVICORN)
        and (record.levelno < logging.WARNING or record.name == "uvicorn.access")
    ):
        text = record.getMessage()
    elif _is_under(record.name, _UVICORN):
        text = str(record.msg).split("%", 1)[0].strip() or REDACTED
    elif record.levelno < logging.WARNING and _known_safe(record):
        text = record.getMessage()
    else:
        text = REDACTED
    if error is not None:
        text = f"{text}: {describe(error)}" if text else describe(error)
    safe.msg, safe.args = text, ()
    safe.exc_info = safe.exc_text = safe.stack_info = None
    return safe


class RedactingFormatter(logging.Formatter):
    """Formats the redacted copy of a record, with the handler's own formatter if it had one."""

    def __init__(self, fmt: str | None = None, datefmt: str | None = None, inner=None, **kwargs):
        super().__init__(fmt, datefmt, **kwargs)
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        safe = redacted(record)
        if self.inner is not None:
            return self.inner.format(safe)
        return super().format(safe)


def _handlers():
    loggers = [logging.getLogger()]
    loggers += [
        logger
        for logger in list(logging.Logger.manager.loggerDict.values())
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        yield from logger.handlers


def install_log_redaction() -> None:
    """Put :class:`RedactingFormatter` on every handler there is (once), and send Python
    warnings through logging so they are redacted too. Called in each worker at start-up."""
    logging.captureWarnings(True)
    for handler in _handlers():
        if not isinstance(handler.formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(inner=handler.formatter))
