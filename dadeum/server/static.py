"""Serve files only from inside their folders, and keep secrets out of those folders.

xlwings Server 1.20 serves ``/static`` (and, with Wasm, ``/wasm``, ``/custom_functions``,
``/custom_scripts``) through ``OverridableStaticFiles``, which looks in the project folder
first with ``user_dir / path`` and never checks that the result stays inside it:
``GET /static/%2e%2e/%2e%2e/etc/passwd`` returned the file, tokens and keys included. Three
layers close that, each enough on its own:

- :func:`unsafe_path` lets the request guard refuse, before any route runs, every path with
  a dot segment (raw or percent-encoded, once or twice), a backslash, a NUL or, under a
  file-serving prefix, an empty segment (an absolute path);
- :func:`confine_static_files` replaces that lookup with one that resolves the path and
  serves it only when it stays under the folder (symbolic links included);
- :func:`secrets_in_served_folders` finds a key folder, token file or TLS key that lies in a
  served folder, so that ``dadeum serve`` refuses to start and other starts log a warning.
"""

import os
from pathlib import Path
from urllib.parse import unquote

NOT_FOUND = "그런 파일이 없습니다. 주소를 확인하세요."
# Prefixes of routes that answer with a file from disk.
FILE_PREFIXES = ("/static/", "/wasm/", "/custom_functions/", "/custom_scripts/", "/training/")
# Percent-encodings a file URL never needs: '.', '/', '\\', NUL and '%' itself (double
# encoding). Checked in the raw request target, before any decoding.
_ENCODED = (b"%2e", b"%2f", b"%5c", b"%00", b"%25")


def _has_dot_segment(path: str) -> bool:
    return any(segment in (".", "..") for segment in path.replace("\\", "/").split("/"))


def unsafe_path(path: str, raw_path: bytes | None = None, prefix: str = "") -> bool:
    """Whether a request path could leave the folder it names, however it is encoded.

    ``path`` is the path as the server decoded it once (ASGI ``scope["path"]``), ``raw_path``
    the bytes the client sent. Dot segments, backslashes and NULs are refused on every
    route; encoded separators, encoded dots and empty segments only under the file-serving
    prefixes, where a file name never needs them.
    """
    twice = unquote(path)
    for candidate in (path, twice):
        if "\x00" in candidate or "\\" in candidate or _has_dot_segment(candidate):
            return True
    local = path.removeprefix(prefix) if prefix else path
    if local.startswith(FILE_PREFIXES):
        rest = local.split("/", 2)[2] if local.count("/") >= 2 else ""
        if rest.startswith("/") or "//" in rest:
            return True
        if raw_path is not None and any(code in raw_path.lower() for code in _ENCODED):
            return True
    return False


def inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """Whether ``path``, resolved (links followed), lies in ``folder``, resolved."""
    resolved, base = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([resolved, base]) == base
    except ValueError:  # different drives on Windows
        return False


def confined_lookup(self, path: str) -> tuple[str, os.stat_result | None]:
    """``OverridableStaticFiles.lookup_path`` that stays inside the project's folder; the
    package's folder is then looked up by Starlette's own (checked) ``lookup_path``."""
    from starlette.staticfiles import StaticFiles

    if "\x00" in path or "\\" in path or os.path.isabs(path) or _has_dot_segment(path):
        return "", None
    user_dir = getattr(self, "user_dir", None)
    if user_dir is not None:
        candidate = os.path.join(user_dir, path)
        if inside(candidate, user_dir) and os.path.isfile(candidate):
            resolved = os.path.realpath(candidate)
            return resolved, os.stat(resolved)
    return StaticFiles.lookup_path(self, path)


def confine_static_files(main_module=None) -> bool:
    """Make every ``OverridableStaticFiles`` (mounted already or later) use
    :func:`confined_lookup`; returns whether xlwings Server's class was found."""
    if main_module is None:
        import xlwings_server.main as main_module
    served = getattr(main_module, "OverridableStaticFiles", None)
    if served is None:
        return False
    served.lookup_path = confined_lookup
    return True


def served_folders(project: Path, package: Path | None = None, *, wasm: bool = False) -> list:
    """The folders the add-in server answers with files from."""
    folders = [project / "static", project / "dist" / "static"]
    if package is not None:
        folders.append(package / "static")
    if wasm:
        for name in ("wasm", "custom_functions", "custom_scripts"):
            folders += [project / name] + ([package / name] if package is not None else [])
    from dadeum.server.pages import training_dir

    folders.append(training_dir())
    return folders


def secret_paths(project: Path, environ: dict | None = None) -> dict[str, Path]:
    """The secrets the server reads, by the Korean name a message uses."""
    environ = os.environ if environ is None else environ
    from dadeum.engine.privacy.keys import key_dir

    found = {"가명처리 키 폴더(DADEUM_KEY_DIR)": key_dir()}
    if environ.get("DADEUM_TOKENS_FILE", "").strip():
        found["접근 토큰 파일(DADEUM_TOKENS_FILE)"] = Path(environ["DADEUM_TOKENS_FILE"].strip())
    for name in ("localhost+2-key.pem", "server.key"):
        key = project / "certs" / name
        if key.exists():
            found[f"TLS 개인 키({key.name})"] = key
    return found


def secrets_in_served_folders(secrets: dict[str, Path], folders: list) -> list[str]:
    """A Korean line for each secret that lies in a served folder."""
    problems = []
    for label, secret in secrets.items():
        for folder in folders:
            if inside(secret, folder):
                problems.append(
                    f"{label}: 서버가 파일을 내주는 폴더({folder}) 안에 있습니다. "
                    "누구나 내려받을 수 있으니 다른 폴더로 옮기세요."
                )
                break
    return problems


def secret_problems(project: Path, environ: dict | None = None) -> list[str]:
    """Korean lines for every secret the server reads that lies in a folder it serves."""
    import importlib.util

    environ = os.environ if environ is None else environ
    spec = importlib.util.find_spec("xlwings_server")
    package = Path(spec.origin).parent if spec and spec.origin else None
    wasm = environ.get("XLWINGS_ENABLE_WASM", "").strip().lower() in ("1", "true", "yes")
    folders = served_folders(project, package, wasm=wasm)
    return secrets_in_served_folders(secret_paths(project, environ), folders)
