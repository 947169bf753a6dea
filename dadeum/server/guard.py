"""Turn bad and hostile requests into clear Korean 4xx answers before xlwings Server sees them.

xlwings Server trusts the shape of what Office.js posts: a missing key, a wrong type or an
unknown function name ends in a ``KeyError``/``AttributeError`` and an HTTP 500, which the
Excel client retries three times; FastAPI's own 422 answers echo the body back, cell values
included. :class:`RequestGuard` is an ASGI middleware that

- refuses a body larger than ``DADEUM_MAX_REQUEST_MB`` (20 MB by default) with 413, from the
  ``Content-Length`` header before reading it, or as soon as a streamed body passes the limit;
- checks the JSON of ``/xlwings/custom-functions-call`` and ``/xlwings/custom-scripts-call/…``
  (an object with the keys xlwings reads, of the types it expects, a known function or script,
  an argument count the function accepts) and answers 400/404 with ``{"detail": "<Korean>"}``,
  which is what the Excel client shows; no message quotes a cell value.

It is registered by ``addin/routers/custom.py``, the hook xlwings Server loads from the
project folder, so ``dadeum serve``, gunicorn and uvicorn all get it.
"""

import inspect
import json
import logging
import os
import re
import typing
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_REQUEST_MB = 20.0
MAX_REQUEST_ENV = "DADEUM_MAX_REQUEST_MB"
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
        self.max_bytes = max_request_bytes() if max_bytes is None else max_bytes
        self._arity: dict[str, tuple[int, int | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            declared = self._content_length(scope)
            path = scope.get("path", "")
            if scope.get("method") == "POST" and (
                path == self.functions_path or path.startswith(self.scripts_prefix)
            ):
                body = await self._read_body(receive)
                if path == self.functions_path:
                    self._check_function_call(body)
                else:
                    self._check_script_call(path.removeprefix(self.scripts_prefix), scope, body)
                await self.app(scope, _replay(body, receive), send)
            elif declared is None and scope.get("method") in ("POST", "PUT", "PATCH"):
                # A streamed body of unknown length: read it here, up to the limit.
                body = await self._read_body(receive)
                await self.app(scope, _replay(body, receive), send)
            else:
                await self.app(scope, receive, send)
        except BadRequest as problem:
            await _refuse(send, problem.status, str(problem))

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
        data = json.loads(body)
    except RecursionError:
        raise BadRequest("요청 본문의 JSON이 너무 깊게 중첩되어 있습니다.") from None
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("요청 본문이 올바른 JSON이 아닙니다.") from None
    if not isinstance(data, dict):
        raise BadRequest("요청 본문은 JSON 객체여야 합니다.")
    return data


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
