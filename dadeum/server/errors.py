"""Korean error answers that never echo what the client sent.

Starlette and FastAPI answer in English (``{"detail": "Not Found"}``), and FastAPI's 422
lists every invalid field with its ``input``, which is a cell value when the body held cells.
:func:`install_error_handlers` puts Korean answers in their place: an ``HTTPException`` that
already carries Dadeum's own (Korean) text keeps it; the framework's stock phrases become
Korean; a 422 names only the fields.
"""

import logging
import re
from http import HTTPStatus
from typing import Any

logger = logging.getLogger(__name__)

KOREAN_STATUS = {
    400: "요청이 올바르지 않습니다.",
    401: "로그인이 필요합니다. 작업창 설정에서 접근 토큰을 입력하세요.",
    403: "이 기능을 쓸 권한이 없습니다.",
    404: "그런 파일이 없습니다. 주소를 확인하세요.",
    405: "이 주소는 그런 방식의 요청을 받지 않습니다.",
    413: "요청이 너무 큽니다.",
    429: "요청이 너무 많습니다. 잠시 뒤에 다시 하세요.",
}
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


def korean_detail(status: int, detail: Any) -> str:
    """Dadeum's own message as it is; a framework's stock English phrase in Korean."""
    stock = {HTTPStatus(status).phrase} if status in HTTPStatus._value2member_map_ else set()
    if isinstance(detail, str) and detail and detail not in stock:
        return detail
    return KOREAN_STATUS.get(status, "요청을 처리하지 못했습니다.")


def validation_message(errors: list) -> str:
    """Where a request body was wrong, by field name only (never the value sent)."""
    places = []
    for error in errors[:5]:
        location = error.get("loc", ()) if isinstance(error, dict) else ()
        parts = [
            str(part)
            for part in location
            if part != "body"
            and (isinstance(part, int) or (isinstance(part, str) and _FIELD.fullmatch(part)))
        ]
        if parts:
            places.append(".".join(parts))
    where = f" 확인할 항목: {', '.join(dict.fromkeys(places))}." if places else ""
    return "요청 본문의 형식이 올바르지 않습니다." + where


def install_error_handlers(app: Any) -> None:
    """Register the Korean handlers on the FastAPI ``app`` (before it starts serving)."""
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    async def http_error(request, exception: HTTPException):
        status = exception.status_code
        body = {"detail": korean_detail(status, exception.detail)}
        return JSONResponse(body, status_code=status, headers=exception.headers)

    async def invalid_request(request, exception: RequestValidationError):
        return JSONResponse({"detail": validation_message(exception.errors())}, status_code=422)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
