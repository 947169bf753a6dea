"""``dadeum serve``: start the add-in server (xlwings Server on uvicorn)."""

import os
from pathlib import Path

from dadeum.excel_runtime import addin_dir, prepare_xlwings

# File names mkcert writes for "mkcert localhost 127.0.0.1 ::1"; xlwings Server uses the same.
CERT_FILE = "localhost+2.pem"
KEY_FILE = "localhost+2-key.pem"


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


def run(args) -> int:
    project = addin_dir()
    if args.dev:
        os.environ["XLWINGS_ENVIRONMENT"] = "dev"
    prepare_xlwings(project)
    import uvicorn

    certs = certificates(project)
    scheme = "https" if certs else "http"
    shown_host = "localhost" if args.host in ("0.0.0.0", "::", "127.0.0.1") else args.host
    print(instructions(f"{scheme}://{shown_host}:{args.port}", https=bool(certs)), flush=True)
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
    )
    return 0
