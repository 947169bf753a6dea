"""Turn bad and hostile requests into clear Korean 4xx answers before xlwings Server sees them.

xlwings Server trusts the shape of what Office.js posts: a missing key, a wrong type or an
unknown function name ends in a ``KeyError``/``AttributeError`` and an HTTP 500, which the
Excel client retries three times; FastAPI's own 422 answers echo the body back, cell values
included. :class:`RequestGuard` is an ASGI middleware that

- answers 404 to any path that could leave the folder it names (``..`` raw or encoded,
  backslashes, NULs; see ``dadeum.server.static``), before any route serves a file;
- refuses a body larger than ``DADEUM_MAX_REQUEST_MB`` (20 MB by default) with 413, from the
  ``Content-Length`` header before reading it, or as soon as a streamed body passes the limit;
- checks the JSON of ``/xlwings/custom-functions-call`` and ``/xlwings/custom-scripts-call/…``
  (an object with the keys xlwings reads, of the types it expects, a known function or script,
  an argument count the function accepts) and answers 400/404 with ``{"detail": "<Korean>"}``,
  which is what the Excel client shows; no message quotes a cell value;
- holds every call to Excel's own limits: at most ``DADEUM_MAX_CELLS`` cells (2 million),
  32,767 characters a cell, no lone surrogates, no NaN/Infinity or numbers past a double,
  one rectangle as the selection;
- answers an error no route handled with a Korean 500 (400 for overflow and encoding errors,
  which retrying cannot mend) and logs only its type and place;
- after 10 failed sign-ins (401) from one address within a minute, answers that address
  429 for a minute (per worker; the health probe and the add-in's files stay open).

It is registered by ``addin/routers/custom.py``, the hook xlwings Server loads from the
project folder, so ``dadeum serve``, gunicorn and uvicorn all get it.
"""

import inspect
import json
import logging
import math
import os
import re
import time
import typing
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from dadeum.server.log_redaction import describe
from dadeum.server.static import FILE_PREFIXES, NOT_FOUND, unsafe_path

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_REQUEST_MB = 20.0
MAX_REQUEST_ENV = "DADEUM_MAX_REQUEST_MB"
# Cells one request may carry (all arguments, or all sheets of a book): 2 million, e.g.
# 200,000 rows × 10 columns. The byte limit alone would let 10 million tiny cells through.
DEFAULT_MAX_CELLS = 2_000_000
MAX_CELLS_ENV = "DADEUM_MAX_CELLS"
MAX_CELL_CHARS = 32_767  # Excel's limit for the text in one cell
# Failed sign-ins (401) one client address may make per window before it waits (429).
MAX_FAILED_SIGN_INS = 10
SIGN_IN_WINDOW = 60.0  # seconds
_TRACKED_CLIENTS = 10_000  # memory bound of the failure table
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# One rectangle, as Office.js writes a selection: A1, A1:B2, A:D, 1:5 ($ allowed).
_ADDRESS = re.compile(
    r"\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?"
    r"|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7}"
)
UNEXPECTED = (
    "서버에서 계산하지 못했습니다. 같은 요청은 다시 보내도 결과가 같으니 입력을 확인하거나 "
    "관리자에게 알려 주세요."
)
UNREADABLE_INPUT = "입력값을 처리할 수 없습니다. 너무 큰 숫자나 깨진 문자가 없는지 확인하세요."
TOO_MANY_FAILURES = (
    "접근 토큰이 여러 번 틀려 잠시 요청을 받지 않습니다. 1분 뒤에 올바른 토큰으로 다시 하세요."
)
# Unhandled errors that come from what the client sent, not from the server: a 400, which
# Excel does not retry, instead of a 500, which it retries three times.
_INPUT_ERRORS = (OverflowError, UnicodeError, RecursionError)
# Names are quoted back only when they look like Python names, and never longer than this.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_SCALARS = (str, int, float, bool, type(None))


class BadRequest(Exception):
    """A request the server refuses; ``str()`` is the Korean message the user sees."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def max_request_bytes() -> int:
    """The request size limit from ``DADEUM_MAX_REQUEST_MB`` (megabytes, may be fractional)."""
    raw = os.environ.get(MAX_REQUEST_ENV, "").strip()
    megabytes = DEFAULT_MAX_REQUEST_MB
    if raw:
        try:
            megabytes = float(raw)
        except ValueError:
            megabytes = -1.0
        if not megabytes > 0:
            logger.warning(
                "%s=%r is not a positive number; using %s MB",
                MAX_REQUEST_ENV,
                raw,
                DEFAULT_MAX_REQUEST_MB,
            )
            megabytes = DEFAULT_MAX_REQUEST_MB
    return int(megabytes * 1024 * 1024)


def max_request_cells() -> int:
    """The cell limit from ``DADEUM_MAX_CELLS`` (a positive whole number)."""
    raw = os.environ.get(MAX_CELLS_ENV, "").strip()
    if raw:
        try:
            if int(raw) > 0:
                return int(raw)
        except ValueError:
            pass
        logger.warning(
            "%s is not a positive whole number; using %s", MAX_CELLS_ENV, DEFAULT_MAX_CELLS
        )
    return DEFAULT_MAX_CELLS


def _quoted(name: Any) -> str:
    return f": '{name}'" if isinstance(name, str) and _NAME.fullmatch(name) else ""


def _is_matrix(value: Any) -> bool:
    """A range as Office.js sends it: a non-empty list of lists of plain cells."""
    if not isinstance(value, list) or not value:
        return False
    for row in value:
        if not isinstance(row, list):
            return False
        for cell in row:
            # Office.js sends plain values, and an error cell (#N/A, #DIV/0!) as a data-type
            # object {"type": "Error", ...}, which xlwings reads; object handles travel as
            # their key (a string). No Dadeum function takes other entities.
            if not isinstance(cell, _SCALARS) and not _is_error_value(cell):
                return False
    return True


def _is_error_value(cell: Any) -> bool:
    return isinstance(cell, dict) and cell.get("type") == "Error"


def _optional_text(data: dict, key: str) -> None:
    if key in data and not isinstance(data[key], (str, type(None))):
        raise BadRequest(f"요청의 '{key}' 항목은 문자열이어야 합니다.")


class _Cells:
    """Counts the cells of a request and checks each text against Excel's limits."""

    def __init__(self, limit: int, surrogates: bool):
        self.limit = limit
        self.count = 0
        self.surrogates = surrogates  # only when the body has a \\uD8xx escape at all

    def check(self, rows: list, where: str) -> None:
        for row in rows:
            self.count += len(row)
            if self.count > self.limit:
                raise BadRequest(
                    f"요청의 셀이 너무 많습니다. 이 서버는 한 번에 {self.limit:,}칸까지 받습니다 "
                    f"(관리자 설정 {MAX_CELLS_ENV}). 범위를 나누어 실행하세요.",
                    status=413,
                )
            for cell in row:
                if isinstance(cell, str):
                    self.text(cell, where)

    def text(self, cell: str, where: str) -> None:
        if len(cell) > MAX_CELL_CHARS:
            raise BadRequest(
                f"{where}에 엑셀 한 칸의 한도({MAX_CELL_CHARS:,}자)보다 긴 값이 있습니다."
            )
        if self.surrogates and _SURROGATE.search(cell):
            raise BadRequest(f"{where}에 깨진 문자가 있습니다. 셀 값을 다시 입력하세요.")


class RequestGuard:
    """ASGI middleware: a size limit on every request, shape checks on the xlwings calls.

    ``functions`` and ``scripts`` are the modules xlwings Server serves (its
    ``custom_functions`` and ``custom_scripts``); ``version`` is the server's xlwings version.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        functions: Any,
        scripts: Any,
        version: str,
        prefix: str = "",
        max_bytes: int | None = None,
    ):
        self.app = app
        self.functions = functions
        self.scripts = scripts
        self.version = version
        self.functions_path = f"{prefix}/xlwings/custom-functions-call"
        self.scripts_prefix = f"{prefix}/xlwings/custom-scripts-call/"
        self.prefix = prefix
        self.max_bytes = max_request_bytes() if max_bytes is None else max_bytes
        self.max_cells = max_request_cells()
        self._arity: dict[str, tuple[int, int | None]] = {}
        # client address -> times of its recent failed sign-ins, and when its wait ends
        self._failures: OrderedDict[str, deque] = OrderedDict()
        self._blocked: dict[str, float] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        client = _client(scope)

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if message.get("status") == 401:
                    self._failed_sign_in(client)
            await send(message)

        try:
            path = scope.get("path", "")
            if unsafe_path(path, scope.get("raw_path"), self.prefix):
                raise BadRequest(NOT_FOUND, status=404)
            if self._waiting(client) and not self._always_open(path, scope):
                raise BadRequest(TOO_MANY_FAILURES, status=429)
            declared = self._content_length(scope)
            if scope.get("method") == "POST" and (
                path == self.functions_path or path.startswith(self.scripts_prefix)
            ):
                body = await self._read_body(receive)
                if path == self.functions_path:
                    self._check_function_call(body)
                else:
                    self._check_script_call(path.removeprefix(self.scripts_prefix), scope, body)
                await self.app(scope, _replay(body, receive), watched)
            elif declared is None and scope.get("method") in ("POST", "PUT", "PATCH"):
                # A streamed body of unknown length: read it here, up to the limit.
                body = await self._read_body(receive)
                await self.app(scope, _replay(body, receive), watched)
            else:
                await self.app(scope, receive, watched)
        except BadRequest as problem:
            if not started:
                await _refuse(send, problem.status, str(problem))
        except Exception as error:
            # Logged as its type and place only: the message may quote a cell. Answered
            # here, in Korean, rather than by xlwings Server's English "An error occurred."
            logger.error("처리하지 못한 오류: %s", describe(error))
            if not started:
                if isinstance(error, _INPUT_ERRORS):
                    await _refuse(send, 400, UNREADABLE_INPUT)
                else:
                    await _refuse(send, 500, UNEXPECTED)

    # -- failed sign-ins ---------------------------------------------------------------------

    def _always_open(self, path: str, scope: Scope) -> bool:
        """The health probe and the add-in's files stay open while a client waits."""
        local = path.removeprefix(self.prefix) if self.prefix else path
        return scope.get("method") in ("GET", "HEAD") and (
            local in ("", "/") or local.startswith(FILE_PREFIXES)
        )

    def _waiting(self, client: str) -> bool:
        until = self._blocked.get(client)
        if until is None:
            return False
        if time.monotonic() < until:
            return True
        del self._blocked[client]
        return False

    def _failed_sign_in(self, client: str) -> None:
        now = time.monotonic()
        times = self._failures.pop(client, None) or deque(maxlen=MAX_FAILED_SIGN_INS)
        times.append(now)
        self._failures[client] = times  # most recent last
        while len(self._failures) > _TRACKED_CLIENTS:
            self._failures.popitem(last=False)
        if len(times) == MAX_FAILED_SIGN_INS and now - times[0] <= SIGN_IN_WINDOW:
            self._blocked[client] = now + SIGN_IN_WINDOW
            times.clear()
            logger.warning("접근 토큰 실패가 잦아 %d초 동안 요청을 막습니다", SIGN_IN_WINDOW)
            if len(self._blocked) > _TRACKED_CLIENTS:
                self._blocked.pop(next(iter(self._blocked)))

    def _too_large(self) -> BadRequest:
        limit = self.max_bytes / (1024 * 1024)
        return BadRequest(
            f"요청이 너무 큽니다. 이 서버는 한 번에 {limit:g} MB까지 받습니다 "
            f"(관리자 설정 {MAX_REQUEST_ENV}). 범위를 나누어 계산하세요.",
            status=413,
        )

    def _content_length(self, scope: Scope) -> int | None:
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    raise BadRequest("요청의 Content-Length 헤더가 올바르지 않습니다.") from None
                if length > self.max_bytes:
                    raise self._too_large()
                return length
        return None

    async def _read_body(self, receive: Receive) -> bytes:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise BadRequest("요청을 다 받기 전에 연결이 끊어졌습니다.")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    # -- /xlwings/custom-functions-call -------------------------------------------------------

    def _check_function_call(self, body: bytes) -> None:
        data = _parse_object(body)
        cells = _Cells(self.max_cells, bool(_SURROGATE_ESCAPE.search(body)))
        for key in ("func_name", "args", "version", "runtime"):
            if key not in data:
                raise BadRequest(f"요청에 '{key}' 항목이 없습니다.")
        name = data["func_name"]
        if not isinstance(name, str):
            raise BadRequest("요청의 'func_name' 항목은 문자열이어야 합니다.")
        if not isinstance(data["version"], str):
            raise BadRequest("요청의 'version' 항목은 문자열이어야 합니다.")
        if not isinstance(data["runtime"], str):
            raise BadRequest("요청의 'runtime' 항목은 문자열이어야 합니다.")
        for key in ("client", "caller_address", "session_id", "culture_info_name", "date_format"):
            _optional_text(data, key)
        if data["version"] != self.version and data.get("client") != "Office.js":
            raise BadRequest(
                "xlwings 버전이 서버와 다릅니다. 엑셀을 다시 시작하거나 작업창을 새로 고치세요."
            )
        low, high = self._arity_of(name)
        args = data["args"]
        if not isinstance(args, list):
            raise BadRequest("요청의 'args' 항목은 목록이어야 합니다.")
        if not low <= len(args) <= (len(args) if high is None else high):
            expected = f"{low}개" if low == high else f"{low}~{high}개"
            raise BadRequest(f"함수 '{name}'의 인수는 {expected}입니다. 받은 인수: {len(args)}개.")
        for position, arg in enumerate(args, start=1):
            if arg is not None and not _is_matrix(arg):
                raise BadRequest(
                    f"{position}번째 인수가 셀 범위 모양(값이 든 행 목록의 목록)이 아닙니다."
                )
            if arg is not None:
                cells.check(arg, f"{position}번째 인수")

    def _arity_of(self, name: str) -> tuple[int, int | None]:
        """How many Excel arguments a custom function takes: (required, most or None)."""
        if name in self._arity:
            return self._arity[name]
        function = getattr(self.functions, name, None) if not name.startswith("_") else None
        info = getattr(function, "__xlfunc__", None)
        if not isinstance(info, dict):
            raise BadRequest(
                f"알 수 없는 함수입니다{_quoted(name)}. 추가 기능을 다시 불러오거나 "
                "함수 이름을 확인하세요."
            )
        hidden = _hidden_parameters(function, {"Caller", "CurrentUser"})
        shown = [arg for arg in info["args"] if arg["name"] not in hidden]
        required = sum(1 for arg in shown if "optional" not in arg and not arg["vararg"])
        most = None if any(arg["vararg"] for arg in shown) else len(shown)
        self._arity[name] = (required, most)
        return required, most

    # -- /xlwings/custom-scripts-call/{name} --------------------------------------------------

    def _check_script_call(self, name: str, scope: Scope, body: bytes) -> None:
        script = getattr(self.scripts, name, None) if not name.startswith("_") else None
        if not isinstance(getattr(script, "__xlscript__", None), dict):
            raise BadRequest(
                f"알 수 없는 스크립트입니다{_quoted(name)}. 추가 기능을 다시 불러오세요.",
                status=404,
            )
        content_type = dict(scope.get("headers", ())).get(b"content-type", b"").lower()
        if content_type.startswith(b"application/x-www-form-urlencoded"):
            form = parse_qs(body.decode("utf-8", "replace"), max_num_fields=100)
            if "bookData" not in form:
                raise BadRequest("요청에 통합 문서 데이터(bookData)가 없습니다.")
            body = form["bookData"][0].encode("utf-8")
        elif content_type.startswith(b"multipart/"):
            return  # xlwings' own form parsing; the size limit still applies
        data = _parse_object(body)
        cells = _Cells(self.max_cells, bool(_SURROGATE_ESCAPE.search(body)))
        for key in ("version", "client"):
            if not isinstance(data.get(key), str):
                raise BadRequest(f"통합 문서 데이터에 '{key}' 문자열이 없습니다.")
        args = data.get("args") or []
        if not isinstance(args, list):
            raise BadRequest("스크립트의 'args' 항목은 목록이어야 합니다.")
        low, high = _script_arity(script)
        if not low <= len(args) <= high:
            expected = f"{low}개" if low == high else f"{low}~{high}개"
            raise BadRequest(
                f"스크립트 '{name}'의 인수는 {expected}입니다. 받은 인수: {len(args)}개."
            )
        book, sheets = data.get("book"), data.get("sheets")
        if not isinstance(book, dict):
            raise BadRequest("통합 문서 데이터에 'book' 객체가 없습니다.")
        if not isinstance(sheets, list) or not sheets:
            raise BadRequest("통합 문서 데이터에 'sheets' 목록이 없습니다.")
        if "names" in data and not isinstance(data["names"], list):
            raise BadRequest("통합 문서 데이터의 'names' 항목은 목록이어야 합니다.")
        active = book.get("active_sheet_index")
        if not isinstance(active, int) or isinstance(active, bool):
            raise BadRequest("통합 문서 데이터의 'active_sheet_index'는 정수여야 합니다.")
        if not 0 <= active < len(sheets):
            raise BadRequest(
                f"'active_sheet_index'({active})가 시트 수({len(sheets)}) 범위를 벗어났습니다."
            )
        for key in ("name", "selection"):
            if not isinstance(book.get(key), str):
                raise BadRequest(f"통합 문서 데이터의 book에 '{key}' 문자열이 없습니다.")
        if "," in book["selection"]:
            raise BadRequest("여러 영역이 선택되어 있습니다. 한 영역만 선택한 뒤 다시 누르세요.")
        if not _ADDRESS.fullmatch(book["selection"]):
            raise BadRequest(
                "선택 범위의 주소를 읽을 수 없습니다. 한 영역을 선택한 뒤 다시 누르세요."
            )
        for position, arg in enumerate(args, start=1):
            if isinstance(arg, str):
                cells.text(arg, f"스크립트의 {position}번째 인수")
        for position, sheet in enumerate(sheets, start=1):
            if not isinstance(sheet, dict) or not isinstance(sheet.get("name"), str):
                raise BadRequest(f"{position}번째 시트 데이터에 'name' 문자열이 없습니다.")
            for key in ("visibility", "used_range_address", "print_area"):
                if not isinstance(sheet.get(key), (str, type(None))):
                    raise BadRequest(f"{position}번째 시트의 '{key}' 항목은 문자열이어야 합니다.")
            values = sheet.get("values")
            if not isinstance(values, list) or not all(isinstance(row, list) for row in values):
                raise BadRequest(f"{position}번째 시트의 'values'가 행 목록의 목록이 아닙니다.")
            for row in values:
                for cell in row:
                    if not isinstance(cell, _SCALARS):
                        raise BadRequest(
                            f"{position}번째 시트의 'values'에 셀이 아닌 값이 있습니다."
                        )
            cells.check(values, f"{position}번째 시트")


def _script_arity(script: Any) -> tuple[int, int]:
    """How many ``args`` a ribbon script takes besides the book and the user."""
    hidden = _hidden_parameters(script, {"Book", "CurrentUser"})
    shown = [
        p
        for name, p in inspect.signature(script).parameters.items()
        if name not in hidden and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return sum(p.default is p.empty for p in shown), len(shown)


def _hidden_parameters(function: Any, special: set[str]) -> set[str]:
    """Parameters xlwings fills in itself (``Caller``, ``CurrentUser``, ``Book``) by type hint."""
    try:
        hints = typing.get_type_hints(function)
    except Exception:  # an unresolvable annotation: count every parameter
        return set()
    hidden = set()
    for name, hint in hints.items():
        names = {getattr(h, "__name__", "") for h in (hint, *typing.get_args(hint))}
        if name != "return" and names & special:
            hidden.add(name)
    parameters = inspect.signature(function).parameters
    return {name for name in hidden if name in parameters}


def _parse_object(body: bytes) -> dict:
    if not body:
        raise BadRequest("요청 본문이 비어 있습니다.")
    try:
        data = json.loads(
            body, parse_constant=_no_constant, parse_int=_excel_int, parse_float=_excel_float
        )
    except BadRequest:
        raise
    except RecursionError:
        raise BadRequest("요청 본문의 JSON이 너무 깊게 중첩되어 있습니다.") from None
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("요청 본문이 올바른 JSON이 아닙니다.") from None
    if not isinstance(data, dict):
        raise BadRequest("요청 본문은 JSON 객체여야 합니다.")
    return data


def _no_constant(name: str) -> None:
    raise BadRequest("요청에 숫자가 아닌 값(NaN, Infinity)이 있습니다. 셀 값을 확인하세요.")


def _excel_int(digits: str) -> int | float:
    """Whole numbers as Excel holds them: beyond 15 digits a double; past its range refused."""
    if len(digits.lstrip("-")) <= 15:
        return int(digits)
    return _excel_float(digits)


def _excel_float(text: str) -> float:
    number = float(text)  # never raises for JSON's number syntax: too big is inf
    if math.isinf(number):
        raise BadRequest("요청에 엑셀이 다룰 수 없을 만큼 큰 숫자가 있습니다. 셀 값을 확인하세요.")
    return number


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "?"


def _replay(body: bytes, receive: Receive) -> Receive:
    """``receive`` for the app behind the guard: the body already read, then the client."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}, ensure_ascii=False).encode("utf-8")
    headers = [
        (b"content-type", b"application/json; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    if status == 413:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
