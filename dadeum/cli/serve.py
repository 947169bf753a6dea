"""``dadeum serve``: start the add-in server (xlwings Server on uvicorn).

The one command for every setup: one office (``--workers 2`` on a PC or server), and the
container image behind nginx or a Kubernetes Ingress (the Dockerfile's CMD). Settings that
xlwings Server reads from ``XLWINGS_*`` variables are set here from Dadeum's options, so the
worker processes, which import the server afresh, all get them.
"""

import json
import logging
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from dadeum.excel.runtime import addin_dir, prepare_xlwings

# File names mkcert writes for "mkcert localhost 127.0.0.1 ::1"; xlwings Server uses the same.
CERT_FILE = "localhost+2.pem"
KEY_FILE = "localhost+2-key.pem"

REDIS_ENV = "DADEUM_REDIS_URL"
AUTH_ENV = "DADEUM_AUTH"
CORS_ENV = "DADEUM_CORS_ORIGINS"
# Hosts of Excel on the web. The add-in's own pages (task pane, ribbon and custom functions,
# one shared runtime) call the server from its own origin and need no CORS; these are for
# Excel on the web when it calls from Microsoft's pages instead.
OFFICE_WEB_ORIGINS = (
    "https://excel.officeapps.live.com",
    "https://excel.cloud.microsoft",
)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="추가 기능 서버 시작 (start the add-in server)",
        description="엑셀이 불러오는 다듬 추가 기능 서버를 시작합니다.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="기본값 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="기본값 8000")
    parser.add_argument("--workers", type=int, default=1, help="작업 프로세스 수 (기본값 1)")
    parser.add_argument(
        "--dev", action="store_true", help="개발 모드: 코드가 바뀌면 다시 읽고 자세한 오류 표시"
    )
    parser.add_argument(
        "--redis",
        default=os.environ.get(REDIS_ENV) or None,
        metavar="URL",
        help=f"작업 프로세스가 함께 쓰는 Redis (예: redis://redis:6379/0, 기본값 ${REDIS_ENV})",
    )
    parser.add_argument(
        "--auth",
        default=os.environ.get(AUTH_ENV) or None,
        metavar="방식",
        help="로그인: custom(접근 토큰), entraid(Microsoft 365), 또는 custom,entraid "
        f"(기본값 ${AUTH_ENV}, 없으면 로그인 없음)",
    )
    parser.add_argument(
        "--cors",
        default=os.environ.get(CORS_ENV) or None,
        metavar="출처",
        help="다른 출처에서의 호출을 허용할 주소들(쉼표로 구분) 또는 *; 기본값은 이 서버와 "
        f"웹용 엑셀 (${CORS_ENV})",
    )
    parser.set_defaults(handler=run)


def certificates(project: Path) -> tuple[Path, Path] | None:
    cert, key = project / "certs" / CERT_FILE, project / "certs" / KEY_FILE
    return (cert, key) if cert.is_file() and key.is_file() else None


def instructions(base_url: str, https: bool) -> str:
    """What to tell the user once the server runs, in Korean and English."""
    lines = [
        f"다듬 추가 기능 서버: {base_url}",
        f"  매니페스트(manifest): {base_url}/manifest  (내려받기: {base_url}/manifest/download)",
        "",
        "엑셀에 추가하는 방법 / How to sideload the add-in:",
        "  Windows: 매니페스트를 공유 폴더에 저장 → 파일 > 옵션 > 보안 센터 > 보안 센터 설정",
        "           > 신뢰할 수 있는 추가 기능 카탈로그에 폴더 추가 → 삽입 > 추가 기능 > 공유 폴더",
        "           (save the manifest to a shared folder, trust it as a catalog, Insert>Add-ins)",
        "  Mac:     매니페스트를 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ 에",
        "           복사한 뒤 엑셀을 다시 시작 → 삽입 > 추가 기능 > 내 추가 기능",
        "  웹(web):  삽입 > 추가 기능 > 내 추가 기능 관리 > 내 추가 기능 업로드 (Upload My Add-in)",
        "",
        "셀에 =DADEUM.CLEAN_TEXT(A2) 처럼 입력합니다. 리본의 '다듬' 탭에서 시트 정리를 실행합니다.",
    ]
    if not https:
        lines += [
            "",
            "주의: 인증서가 없어 HTTP로 실행합니다. 엑셀 데스크톱은 HTTPS를 요구하므로 README의",
            "  'HTTPS 인증서 만들기'(mkcert)를 따라 addin/certs/ 에 인증서를 두세요.",
            "  (No certificates found: running on plain HTTP; see README for mkcert.)",
        ]
    return "\n".join(lines)


def cors_origins(option: str | None, own_origin: str) -> list[str]:
    """Origins allowed to call from other pages: ``*``, a comma list, or by default this
    server's public origin and Excel on the web."""
    if option and option.strip():
        if option.strip() == "*":
            return ["*"]
        origins = [o.strip().rstrip("/") for o in option.split(",") if o.strip()]
        for origin in origins:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or not parts.netloc or parts.path:
                raise SystemExit(
                    f"--cors 값이 올바르지 않습니다: {origin!r}. "
                    "https://엑셀.기관.go.kr 처럼 주소(경로 없이)를 쉼표로 구분해 쓰세요."
                )
        return origins
    return list(dict.fromkeys([own_origin, *OFFICE_WEB_ORIGINS]))


def providers(option: str | None) -> list[str]:
    return [p.strip().lower() for p in (option or "").split(",") if p.strip()]


def server_environment(args, own_origin: str, environ: dict[str, str]) -> dict[str, str]:
    """The ``XLWINGS_*`` settings the workers need, from Dadeum's options.

    A variable the administrator set directly wins: these are only defaults.
    """
    wanted: dict[str, str] = {}
    if args.redis:
        # Object handles live in a per-process cache unless they are in Redis.
        wanted["XLWINGS_OBJECT_CACHE_URL"] = args.redis
    if max(1, args.workers) > 1 and not args.dev:
        # socket.io (streaming functions, hot reload) keeps per-worker sessions that break
        # behind several workers; Dadeum has no streaming functions, so it is switched off.
        wanted["XLWINGS_ENABLE_SOCKETIO"] = "false"
    if args.auth:
        wanted["XLWINGS_AUTH_PROVIDERS"] = json.dumps(providers(args.auth))
    wanted["XLWINGS_CORS_ALLOW_ORIGINS"] = json.dumps(cors_origins(args.cors, own_origin))
    return {k: v for k, v in wanted.items() if k not in environ}


def public_origin(scheme: str, host: str, port: int, environ: dict[str, str]) -> str:
    """The origin Excel loads the add-in from: ``XLWINGS_HOSTNAME`` behind a proxy."""
    if environ.get("XLWINGS_HOSTNAME"):
        return f"https://{environ['XLWINGS_HOSTNAME']}"
    default = (scheme == "https" and port == 443) or (scheme == "http" and port == 80)
    return f"{scheme}://{host}" + ("" if default else f":{port}")


def log_config(level: str = "INFO") -> dict:
    """Logging for the server and its workers: each line says which worker process wrote it,
    and request lines are logged without their query string (an alert's text, which may
    quote a cell, travels in one)."""
    fmt = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "plain",
        "stream": "ext://sys.stderr",
        "filters": ["no_query"],
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"no_query": {"()": "dadeum.cli.serve.DropQueryStrings"}},
        # Every line goes through the redacting formatter: no cell value in any log.
        "formatters": {
            "plain": {"()": "dadeum.server.log_redaction.RedactingFormatter", "fmt": fmt}
        },
        "handlers": {"default": handler},
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": ["default"], "level": level, "propagate": False},
        },
        "root": {"handlers": ["default"], "level": level},
    }


class DropQueryStrings(logging.Filter):
    """Cut the query string from uvicorn's access lines (``GET /xlwings/alert?prompt=…``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple):
            args = list(record.args)
            if len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
                args[2] = args[2].split("?", 1)[0] + "?…"
                record.args = tuple(args)
        return True


def run(args) -> int:
    project = addin_dir()
    if args.dev:
        os.environ["XLWINGS_ENVIRONMENT"] = "dev"
    prepare_xlwings(project)
    import uvicorn

    from dadeum.server.auth import AuthSetupError, check_setup

    certs = certificates(project)
    scheme = "https" if certs else "http"
    shown_host = "localhost" if args.host in ("0.0.0.0", "::", "127.0.0.1") else args.host
    own = public_origin(scheme, shown_host, args.port, dict(os.environ))
    os.environ.update(server_environment(args, own, dict(os.environ)))
    signed_in = _json_list(os.environ.get("XLWINGS_AUTH_PROVIDERS"))
    from dadeum.server.static import secret_problems

    exposed = secret_problems(project)
    if exposed:
        for problem in exposed:
            print(f"오류: {problem}", file=sys.stderr)
        return 2
    try:
        check_setup(signed_in)
    except AuthSetupError as problem:
        print(f"오류: {problem}", file=sys.stderr)
        return 2
    print(instructions(own, https=bool(certs)), flush=True)
    if args.redis:
        print(redis_status(args.redis), flush=True)
    if signed_in:
        print(f"\n로그인: {', '.join(signed_in)}", flush=True)
    elif args.host not in LOOPBACK:
        print(
            "\n주의: 로그인 없이 네트워크에 열려 있습니다. 같은 망의 누구나 계산을 요청할 수 "
            "있으니 --auth custom(접근 토큰) 또는 --auth entraid를 쓰세요 (README '조직 배포').",
            flush=True,
        )
    uvicorn.run(
        "xlwings_server.main:main_app",
        host=args.host,
        port=args.port,
        workers=max(1, args.workers) if not args.dev else None,
        reload=args.dev,
        reload_dirs=[str(project), str(project.parent / "udfs"), str(project.parent / "dadeum")]
        if args.dev
        else None,
        ssl_certfile=str(certs[0]) if certs else None,
        ssl_keyfile=str(certs[1]) if certs else None,
        log_level="info",
        log_config=log_config(),
        # A worker loading the Korean analyser holds the GIL for up to 1.6 s at a stretch on an
        # idle machine, several seconds on a busy two-core PC: uvicorn's 5 s health ping then
        # goes unanswered and it kills a healthy worker. 30 s still catches a real hang.
        timeout_worker_healthcheck=30,
    )
    return 0


def redis_status(url: str) -> str:
    """One line on whether Redis answers; the password in the URL is never printed."""
    parts = urlsplit(url)
    shown = f"{parts.scheme}://{parts.hostname}:{parts.port or 6379}{parts.path}"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except Exception as problem:  # the server still starts: only object handles need it
        return f"주의: Redis({shown})에 연결하지 못했습니다 ({type(problem).__name__})."
    return f"Redis 연결 확인: {shown} (작업 프로세스가 함께 쓰는 캐시)"


def _json_list(raw: str | None) -> list[str]:
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw.split(",")
    return [str(v).strip() for v in (value if isinstance(value, list) else [value]) if v]
