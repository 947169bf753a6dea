"""Sign-in and roles for the add-in server: access tokens for small offices, Entra ID for
Microsoft 365 tenants, and roles for sensitive functions such as 가명처리.

xlwings Server looks these up in the project folder, so no route or middleware is added:

- ``addin/auth/custom`` → :func:`validate_custom_token` (``XLWINGS_AUTH_PROVIDERS=["custom"]``);
  tokens come from ``DADEUM_TOKENS_FILE`` (one ``token role1,role2 [label]`` per line) or
  ``DADEUM_TOKENS`` (the same lines, ``;``-separated).
- ``addin/auth/entraid`` → xlwings' own Entra ID check with Korean messages, and the signing
  keys read from ``DADEUM_ENTRAID_JWKS_FILE`` when the server cannot reach Microsoft (망분리).
- ``addin/models/user.py`` → xlwings' user with :func:`check_roles`: a missing role is a 403
  with a Korean message, and roles are not checked when the server runs without sign-in
  (one office on its own PC), so ``required_roles`` on a function does not lock everyone
  out there.

This module imports nothing from xlwings Server at import time: its user model imports
this module, and ``dadeum serve`` checks the settings here before the server is loaded.

Tokens are compared in constant time and never logged; a user's ``id`` is a fingerprint.
"""

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import HTTPException, status

logger = logging.getLogger(__name__)

TOKENS_FILE_ENV = "DADEUM_TOKENS_FILE"
TOKENS_ENV = "DADEUM_TOKENS"
JWKS_FILE_ENV = "DADEUM_ENTRAID_JWKS_FILE"

# Roles as they appear in a token file or as Entra ID app role values (ASCII, no spaces),
# with the Korean name a user is shown.
ROLE_PSEUDONYMIZE = "pseudonymize"
ROLE_LABELS = {ROLE_PSEUDONYMIZE: "가명처리"}

NO_TOKEN = (
    "접근 토큰이 없습니다. 다듬 작업창의 설정에 관리자에게 받은 접근 토큰을 입력한 뒤 "
    "다시 실행하세요."
)
BAD_TOKEN = "접근 토큰이 올바르지 않거나 만료되었습니다. 관리자에게 받은 토큰을 다시 확인하세요."
ENTRA_FAILED = (
    "Microsoft 365 로그인을 확인하지 못했습니다. 엑셀에 조직 계정으로 로그인했는지 "
    "확인하고, 계속되면 관리자에게 문의하세요."
)


class AuthSetupError(Exception):
    """The server's sign-in settings are unusable; ``str()`` says what to fix, in Korean."""


@dataclass(frozen=True)
class TokenEntry:
    token: str
    roles: tuple[str, ...]
    label: str


def parse_tokens(text: str, source: str = TOKENS_FILE_ENV) -> list[TokenEntry]:
    """Token lines: ``token role1,role2 [label]``; ``-`` for no roles; ``#`` starts a comment."""
    entries = []
    for number, raw in enumerate(text.replace(";", "\n").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(maxsplit=2)
        token = parts[0]
        if len(token) < 16:
            # Said without the token itself: the message may end up in a log.
            raise AuthSetupError(
                f"{source} {number}번째 줄의 토큰이 너무 짧습니다({len(token)}자). "
                "추측할 수 없도록 16자 이상으로 만드세요 (예: openssl rand -hex 24)."
            )
        roles = () if len(parts) < 2 or parts[1] == "-" else tuple(parts[1].split(","))
        roles = tuple(role.strip() for role in roles if role.strip())
        label = parts[2].strip() if len(parts) > 2 else f"토큰 사용자 {number}"
        entries.append(TokenEntry(token, roles, label))
    return entries


_cache: dict[str, Any] = {"key": None, "entries": []}


def configured_tokens(environ: Any = None) -> list[TokenEntry]:
    """The tokens from ``DADEUM_TOKENS_FILE`` and ``DADEUM_TOKENS``, re-read when the file
    changes (so a token can be revoked without restarting the server)."""
    env = os.environ if environ is None else environ
    path = env.get(TOKENS_FILE_ENV, "").strip()
    inline = env.get(TOKENS_ENV, "")
    stamp = None
    if path:
        try:
            info = Path(path).stat()
        except OSError:
            raise AuthSetupError(
                f"접근 토큰 파일을 찾을 수 없습니다: {path} ({TOKENS_FILE_ENV})"
            ) from None
        stamp = (info.st_mtime_ns, info.st_size)
    key = (path, stamp, hashlib.sha256(inline.encode()).hexdigest())
    if _cache["key"] != key:
        entries = parse_tokens(inline, TOKENS_ENV)
        if path:
            entries += parse_tokens(Path(path).read_text(encoding="utf-8-sig"), path)
        _cache.update(key=key, entries=entries)
    return _cache["entries"]


def fingerprint(token: str) -> str:
    """A short, non-reversible id for a token, safe to log."""
    return "tok-" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:12]


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail=message)


async def validate_custom_token(token_string: str | None) -> Any:
    """The user a token belongs to, or a 401 with a Korean message.

    Every configured token is compared (constant time, no early exit), so the answer time
    does not tell how much of a guess was right or where in the list it matched.
    """
    given = (token_string or "").strip()
    if given.lower().startswith("bearer "):
        given = given[7:].strip()
    if not given:
        raise _unauthorized(NO_TOKEN)
    try:
        entries = configured_tokens()
    except AuthSetupError as problem:
        logger.error("접근 토큰 설정 오류: %s", problem)
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="서버의 접근 토큰 설정에 문제가 있습니다. 관리자에게 문의하세요.",
        ) from None
    given_bytes = given.encode("utf-8")
    found = None
    for entry in entries:
        if hmac.compare_digest(entry.token.encode("utf-8"), given_bytes) and found is None:
            found = entry
    if found is None:
        logger.warning("접근 토큰 거부: %s", fingerprint(given))
        raise _unauthorized(BAD_TOKEN)
    from xlwings_server.models import User  # the project's model (addin/models/user.py)

    return User(id=fingerprint(found.token), name=found.label, roles=list(found.roles))


def auth_providers() -> list[str]:
    """The sign-in providers the server runs with (xlwings' ``auth_providers`` setting)."""
    try:
        from xlwings_server.config import settings
    except Exception:  # settings unreadable: treat as no sign-in, as xlwings would fail anyway
        return []
    return list(settings.auth_providers or [])


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def check_roles(user: Any, required_roles: list[str] | None) -> bool:
    """True when ``user`` has every role, or sign-in is off; else a 403 in Korean.

    xlwings checks ``@func(required_roles=...)``/``@script(required_roles=...)`` and
    ``XLWINGS_AUTH_REQUIRED_ROLES`` through ``User.has_required_roles``, which calls this.
    xlwings' own answer would be an English 400. Without sign-in there are no roles to
    check: whoever reaches the server may run everything, as before.
    """
    if not required_roles or not auth_providers():
        return True
    missing = [role for role in required_roles if role not in (user.roles or [])]
    if not missing:
        return True
    names = ", ".join(f"{role_label(role)}({role})" for role in missing)
    logger.warning("권한 없음: 사용자 %s, 필요한 역할 %s", user.id, ", ".join(missing))
    raise HTTPException(
        status_code=status.HTTP_403_FORBIDDEN,
        detail=f"이 기능을 쓸 권한이 없습니다. 필요한 역할: {names}. 관리자에게 권한을 요청하세요.",
    )


async def korean_entraid(validate, token_string: str) -> Any:
    """Run xlwings' Entra ID check; its English 401 texts become one Korean message."""
    if not (token_string or "").strip():
        raise _unauthorized(ENTRA_FAILED)
    try:
        return await validate(token_string)
    except HTTPException as problem:
        if problem.status_code == status.HTTP_401_UNAUTHORIZED:
            raise _unauthorized(ENTRA_FAILED) from None
        raise


_jwks_cache: dict[str, Any] = {"key": None, "data": None}


async def local_jwks() -> dict | None:
    """The Entra ID signing keys from ``DADEUM_ENTRAID_JWKS_FILE``, or None to let xlwings
    download them from Microsoft.

    On a 망분리 network the server cannot reach login.microsoftonline.com; an administrator
    saves the tenant's key set (``https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys``)
    on a machine that can, copies it here and refreshes it when Microsoft rolls keys.
    """
    path = os.environ.get(JWKS_FILE_ENV, "").strip()
    if not path:
        return None
    try:
        info = Path(path).stat()
        key = (path, info.st_mtime_ns, info.st_size)
        if _jwks_cache["key"] != key:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("keys"), list):
                raise ValueError("no 'keys' list")
            _jwks_cache.update(key=key, data=data)
    except (OSError, ValueError) as problem:
        logger.error("Entra ID 키 파일(%s)을 읽지 못했습니다: %s", path, type(problem).__name__)
        raise HTTPException(
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="서버의 Microsoft 365 로그인 설정에 문제가 있습니다. 관리자에게 문의하세요.",
        ) from None
    return _jwks_cache["data"]


def check_setup(providers: list[str], environ: dict[str, str] | None = None) -> None:
    """Refuse to start with sign-in switched on but unusable; raises :class:`AuthSetupError`."""
    env = os.environ if environ is None else environ
    unknown = [p for p in providers if p not in ("custom", "entraid")]
    if unknown:
        raise AuthSetupError(
            f"알 수 없는 로그인 방식입니다: {', '.join(unknown)}. custom 또는 entraid를 쓰세요."
        )
    if "custom" in providers:
        if not (env.get(TOKENS_FILE_ENV, "").strip() or env.get(TOKENS_ENV, "").strip()):
            raise AuthSetupError(
                f"접근 토큰 로그인(custom)을 켰지만 토큰이 없습니다. {TOKENS_FILE_ENV}에 "
                "토큰 파일을 지정하세요 (한 줄에 '토큰 역할1,역할2 이름')."
            )
        if not configured_tokens(env):
            raise AuthSetupError("접근 토큰 파일에 토큰이 하나도 없습니다.")
    if "entraid" in providers:
        for name in ("XLWINGS_AUTH_ENTRAID_CLIENT_ID", "XLWINGS_AUTH_ENTRAID_TENANT_ID"):
            if not env.get(name, "").strip():
                raise AuthSetupError(
                    f"Microsoft 365 로그인(entraid)에는 {name}이 필요합니다 "
                    "(Entra ID 앱 등록의 값)."
                )
