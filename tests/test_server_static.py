"""Files are served only from inside their folders: no request form reaches /etc/passwd, the
pseudonymisation key or the token file, with or without sign-in; legitimate files still load;
a secret inside a served folder stops ``dadeum serve``."""

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ADDIN, REPO, run_dadeum, running_server

PASSWD = Path("/etc/passwd")
UP = 16  # more ".." than any folder is deep: extra ones stop at the root


def raw_get(base: str, target: str, headers: dict | None = None) -> tuple[int, bytes]:
    """A GET with the request target sent byte for byte (HTTP clients normalise ``..``)."""
    parts = urlsplit(base)
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.hostname}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def traversals(target: Path, route: str = "/static/") -> dict[str, str]:
    """Every way of spelling "``target``, from above the served folder" a reviewer tried."""
    rel = str(target).lstrip("/")
    enc_rel = rel.replace("/", "%2f")
    return {
        "raw ../": route + "../" * UP + rel,
        "..%2f": route + "..%2f" * UP + enc_rel,
        "%2e%2e/": route + "%2e%2e/" * UP + rel,
        "%2e%2e%2f": route + "%2e%2e%2f" * UP + enc_rel,
        "%2E%2E/ upper case": route + "%2E%2E/" * UP + rel,
        "js/../": route + "js/" + "../" * UP + rel,
        "%2e%2e%5c": route + "%2e%2e%5c" * UP + rel.replace("/", "%5c"),
        "double-encoded %252e%252e": route + "%252e%252e/" * UP + rel,
        "double-encoded %252e%252e%252f": route + "%252e%252e%252f" * UP + enc_rel,
        "absolute //": route + "/" + rel,
        "absolute %2f": route + "%2f" + enc_rel,
        "NUL": route + "js/ribbon.js%00/" + "../" * UP + rel,
        ".%2e mixed": route + ".%2e/" * UP + rel,
    }


@pytest.fixture(scope="module")
def secrets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("secrets")
    keys = folder / "keys"
    result = run_dadeum("key", "create", env={"DADEUM_KEY_DIR": str(keys)})
    assert result.returncode == 0, result.stderr
    token = "static-test-token-" + "9f8e7d6c" * 3
    tokens = folder / "tokens.txt"
    tokens.write_text(f"{token} pseudonymize 보안점검\n", encoding="utf-8")
    return {"keys": keys, "key": keys / "default.key", "tokens": tokens, "token": token}


@pytest.fixture(scope="module", params=["no sign-in", "sign-in", "Wasm mounts"])
def server(request, secrets):
    env = {"DADEUM_KEY_DIR": str(secrets["keys"]), "DADEUM_TOKENS_FILE": str(secrets["tokens"])}
    if request.param == "Wasm mounts":  # also serves /wasm, /custom_functions, /custom_scripts
        env["XLWINGS_ENABLE_WASM"] = "true"
    args = ("--auth", "custom") if request.param == "sign-in" else ()
    with running_server(*args, env=env) as base:
        yield base, {"Authorization": secrets["token"]} if args else {}


def _secret_targets(secrets) -> dict[str, Path]:
    return {"passwd": PASSWD, "key": secrets["key"], "tokens": secrets["tokens"]}


@pytest.mark.parametrize("form", list(traversals(PASSWD)))
def test_no_traversal_form_reaches_a_file_outside_the_folder(server, secrets, form):
    base, auth = server
    for label, target in _secret_targets(secrets).items():
        content = target.read_bytes()
        for route in ("/static/", "/static/js/", "/training/", "/wasm/", "/custom_scripts/",
                      "/custom_functions/"):  # fmt: skip
            for headers in ({}, auth):
                status, body = raw_get(base, traversals(target, route)[form], headers)
                assert status == 404, (label, route, status)
                assert content[:40] not in body, (label, route)
                assert "파일이 없습니다" in body.decode("utf-8"), body[:200]


def test_one_level_up_is_refused_too(server):
    base, _ = server
    for target in ("/static/%2e%2e/pyproject.toml", "/static/../lifespan.py", "/static/..%2fx.py"):
        status, body = raw_get(base, target)
        assert status == 404, target
        assert b"xlwings" not in body and b"lifespan" not in body


def test_legitimate_static_files_are_still_served(server):
    base, _ = server
    status, body = raw_get(base, "/static/js/ribbon.js")  # the project's own file
    assert status == 200 and body == (ADDIN / "static" / "js" / "ribbon.js").read_bytes()
    import xlwings_server

    package_css = Path(xlwings_server.__file__).parent / "static" / "css" / "style.css"
    if package_css.is_file() and not (ADDIN / "static" / "css" / "style.css").is_file():
        assert raw_get(base, "/static/css/style.css")[0] == 200
    status, body = raw_get(base, "/static/js/nope.js")
    assert status == 404 and "파일이 없습니다" in body.decode("utf-8")
    if raw_get(base, "/custom_scripts/__init__.py")[0] == 200:  # the Wasm mounts are on
        assert (
            raw_get(base, "/custom_scripts/__init__.py")[1]
            == (ADDIN / "custom_scripts" / "__init__.py").read_bytes()
        )


def test_static_lookup_stays_inside_the_project_folder(tmp_path):
    """The lookup itself (not only the guard in front of it) refuses a path that leaves."""
    import xlwings_server.main as main

    from dadeum.server.static import confine_static_files

    confine_static_files(main)
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "ok.js").write_text("ok", encoding="utf-8")
    (tmp_path / "secret.key").write_text("k", encoding="utf-8")
    (tmp_path / "static" / "link.key").symlink_to(tmp_path / "secret.key")
    files = main.OverridableStaticFiles(
        package_directory=Path(main.PACKAGE_DIR) / "static", user_directory=tmp_path / "static"
    )
    assert files.lookup_path("ok.js")[0] == str((tmp_path / "static" / "ok.js").resolve())
    for path in ("../secret.key", "link.key", "../" * UP + "etc/passwd", "/etc/passwd"):
        assert files.lookup_path(path) == ("", None), path


def test_serve_refuses_to_start_with_a_secret_in_a_served_folder(tmp_path):
    static = ADDIN / "static" / "js"
    cases = {
        "DADEUM_KEY_DIR": str(static),
        "DADEUM_TOKENS_FILE": str(static / "ribbon.js"),
    }
    for name, value in cases.items():
        env = {"DADEUM_KEY_DIR": str(tmp_path), "DADEUM_TOKENS_FILE": "", name: value}
        result = run_dadeum("serve", "--port", "1", env=env, timeout=60)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert "파일을 내주는 폴더" in result.stderr and name in result.stderr


def test_start_up_warns_of_a_secret_in_a_served_folder(monkeypatch, caplog):
    """Started without ``dadeum serve`` (gunicorn, uvicorn), the server still says so."""
    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app

    monkeypatch.setenv("DADEUM_KEY_DIR", str(ADDIN / "static" / "js"))
    with caplog.at_level("WARNING"), TestClient(main_app):
        pass
    assert "보안 경고" in caplog.text and "DADEUM_KEY_DIR" in caplog.text


def test_secret_check_finds_nothing_in_the_usual_places(tmp_path):
    from dadeum.server.static import secret_problems

    env = {"DADEUM_TOKENS_FILE": str(tmp_path / "tokens.txt")}
    os.environ.setdefault("DADEUM_KEY_DIR", str(tmp_path / "keys"))
    assert secret_problems(REPO / "addin", env) == []
