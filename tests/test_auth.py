"""Access-token sign-in, roles and CORS on a real ``dadeum serve --auth custom`` process."""

import secrets

import httpx
import pytest

from tests.conftest import book_json, office_js_call, run_dadeum, running_server

CALL = "/xlwings/custom-functions-call"
# Distinctive values: neither may ever appear in the server's log.
SECRET_CELL = "홍길동-비밀메모-7319"
PHONE_CELL = "010-7319-4420"


@pytest.fixture(scope="module")
def tokens():
    return {"officer": secrets.token_urlsafe(24), "clerk": secrets.token_urlsafe(24)}


@pytest.fixture(scope="module")
def key_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    result = run_dadeum("key", "create", env={"DADEUM_KEY_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def signed_in_server(tmp_path_factory, tokens, key_dir):
    folder = tmp_path_factory.mktemp("auth")
    token_file = folder / "tokens.txt"
    token_file.write_text(
        "# 다듬 접근 토큰\n"
        f"{tokens['officer']} pseudonymize 개인정보담당\n"
        f"{tokens['clerk']} - 민원팀\n",
        encoding="utf-8",
    )
    log = folder / "server.log"
    env = {"DADEUM_TOKENS_FILE": str(token_file), "DADEUM_KEY_DIR": str(key_dir)}
    with running_server("--auth", "custom", env=env, log=log) as base:
        yield base, token_file, log


def _call(base, body, token=None, **headers):
    if token is not None:
        headers["Authorization"] = token
    return httpx.post(base + CALL, json=body, headers=headers, timeout=30)


def test_no_token_and_wrong_token_are_401_in_korean(signed_in_server, tokens):
    base, _, _ = signed_in_server
    body = office_js_call("clean_text", [[SECRET_CELL]])
    missing = _call(base, body)
    assert missing.status_code == 401
    assert "접근 토큰이 없습니다" in missing.json()["detail"]
    for wrong in ("", "x" * 32, tokens["officer"][:-1], tokens["officer"] + "x", "Bearer nope"):
        response = _call(base, body, token=wrong)
        assert response.status_code == 401, wrong
        assert "접근 토큰" in response.json()["detail"]


def test_right_token_gets_results_for_functions_and_ribbon_scripts(signed_in_server, tokens):
    base, _, _ = signed_in_server
    body = office_js_call("clean_text", [[" 민원\u00a0접수 "]])
    for token in (tokens["clerk"], f"Bearer {tokens['clerk']}"):
        response = _call(base, body, token=token, **{"Auth-Provider": "custom"})
        assert response.status_code == 200, response.text
        assert response.json() == {"result": [["민원 접수"]]}

    payload = book_json({"Sheet1": [[" 가 ", "나\u3000"]]})
    url = base + "/xlwings/custom-scripts-call/clean_sheet"
    assert httpx.post(url, json=payload, timeout=30).status_code == 401
    ok = httpx.post(url, json=payload, headers={"Authorization": tokens["clerk"]}, timeout=30)
    assert ok.status_code == 200, ok.text
    assert any(action["func"] == "addSheet" for action in ok.json()["actions"])


def test_pseudonymize_needs_the_role(signed_in_server, tokens):
    base, _, _ = signed_in_server
    body = office_js_call("pseudonymize", [[PHONE_CELL]])
    refused = _call(base, body, token=tokens["clerk"])
    assert refused.status_code == 403
    detail = refused.json()["detail"]
    assert "권한이 없습니다" in detail and "가명처리" in detail and "pseudonymize" in detail

    allowed = _call(base, body, token=tokens["officer"])
    assert allowed.status_code == 200, allowed.text
    pseudonym = allowed.json()["result"][0][0]
    assert pseudonym.startswith("P-") and PHONE_CELL not in pseudonym
    # Other functions stay open to every signed-in user.
    other = _call(base, office_js_call("mask_pii", [[PHONE_CELL]]), token=tokens["clerk"])
    assert other.status_code == 200, other.text


def test_pseudonymize_ribbon_script_needs_the_role(signed_in_server, tokens):
    base, _, _ = signed_in_server
    payload = book_json({"민원": [["이름", "연락처"], ["김민원", PHONE_CELL]]}, selection="A1:B2")
    url = base + "/xlwings/custom-scripts-call/pseudonymize_sheet"
    refused = httpx.post(url, json=payload, headers={"Authorization": tokens["clerk"]}, timeout=30)
    assert refused.status_code == 403
    assert "가명처리" in refused.json()["detail"]
    officer = {"Authorization": tokens["officer"]}
    allowed = httpx.post(url, json=payload, headers=officer, timeout=60)
    assert allowed.status_code == 200, allowed.text
    assert PHONE_CELL not in allowed.text


def test_replaying_a_pseudonymizing_recipe_needs_the_role(signed_in_server, tokens):
    """레시피 > 다시 실행 must not be a way around the 가명처리 role; other recipes stay open."""
    from dadeum.reports.recipe import RECIPE_SHEET, append_step, recipe_rows

    base, _, _ = signed_in_server
    data = [["이름", "연락처"], ["김민원", PHONE_CELL]]
    url = base + "/xlwings/custom-scripts-call/replay_recipe"

    def replay(step, token):
        recipe = append_step(None, step, "테스트")
        sheets = {"민원": data, RECIPE_SHEET: recipe_rows(recipe)}
        payload = book_json(sheets, selection="A1:B2")
        return httpx.post(url, json=payload, headers={"Authorization": token}, timeout=60)

    pseudonymize = {"step": "pseudonymize", "columns": {"연락처": "가명"}, "key_name": None}
    refused = replay(pseudonymize, tokens["clerk"])
    assert refused.status_code == 403 and "가명처리" in refused.json()["detail"]
    allowed = replay(pseudonymize, tokens["officer"])
    assert allowed.status_code == 200, allowed.text
    assert PHONE_CELL not in allowed.text

    clean = {"step": "clean", "header": True, "types": {"연락처": "phone"}}
    assert replay(clean, tokens["clerk"]).status_code == 200


def test_task_pane_offers_a_token_field(signed_in_server):
    base, _, _ = signed_in_server
    pane = httpx.get(base + "/taskpane", timeout=30)
    assert pane.status_code == 200
    assert 'id="access-token"' in pane.text and 'type="password"' in pane.text
    assert "js/auth.js" in pane.text  # dadeumAuth keeps the token for every call


def test_health_probe_and_manifest_need_no_token(signed_in_server):
    base, _, _ = signed_in_server
    assert httpx.get(base + "/").json() == {"status": "ok"}
    assert httpx.get(base + "/manifest").status_code == 200
    assert httpx.get(base + "/static/js/auth.js").status_code == 200


def test_cors_allows_excel_on_the_web_and_no_stranger(signed_in_server):
    base, _, _ = signed_in_server
    preflight = {"Access-Control-Request-Method": "POST"}
    office = httpx.options(
        base + CALL, headers={**preflight, "Origin": "https://excel.officeapps.live.com"}
    )
    assert office.headers.get("access-control-allow-origin") == "https://excel.officeapps.live.com"
    stranger = httpx.options(base + CALL, headers={**preflight, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in stranger.headers
    assert stranger.status_code == 400


def test_revoked_token_stops_working_without_restart(signed_in_server, tokens):
    base, token_file, _ = signed_in_server
    body = office_js_call("clean_text", [["가"]])
    spare = secrets.token_urlsafe(24)
    original = token_file.read_text(encoding="utf-8")
    try:
        token_file.write_text(original + f"{spare} - 임시\n", encoding="utf-8")
        assert _call(base, body, token=spare).status_code == 200
        token_file.write_text(original, encoding="utf-8")
        assert _call(base, body, token=spare).status_code == 401
    finally:
        token_file.write_text(original, encoding="utf-8")


def test_log_has_no_tokens_and_no_cell_values(signed_in_server, tokens):
    base, _, log = signed_in_server
    # A failing cell whose message quotes the value, and an alert URL carrying text.
    _call(base, office_js_call("to_phone", [[SECRET_CELL]]), token=tokens["clerk"])
    _call(base, office_js_call("pseudonymize", [[PHONE_CELL]]), token=tokens["clerk"])
    _call(base, office_js_call("clean_text", [[SECRET_CELL]]), token="wrong-" + tokens["clerk"])
    alert = {"prompt": SECRET_CELL, "title": "오류", "buttons": "ok", "mode": "x", "callback": ""}
    httpx.get(base + "/xlwings/alert", params=alert)
    text = log.read_text(encoding="utf-8")
    assert "Function" in text and "/xlwings/alert?" in text  # the log was written
    for secret in (SECRET_CELL, PHONE_CELL, "7319", *tokens.values()):
        assert secret not in text
    assert "tok-" in text  # a refused token is logged only by its fingerprint


def test_serve_refuses_to_start_with_unusable_sign_in(tmp_path):
    no_tokens = run_dadeum("serve", "--auth", "custom", "--port", "1", timeout=60)
    assert no_tokens.returncode == 2
    assert "토큰" in no_tokens.stderr

    short = tmp_path / "tokens.txt"
    short.write_text("abc123 pseudonymize\n", encoding="utf-8")
    env = {"DADEUM_TOKENS_FILE": str(short)}
    too_short = run_dadeum("serve", "--auth", "custom", "--port", "1", env=env, timeout=60)
    assert too_short.returncode == 2
    assert "16자" in too_short.stderr and "abc123" not in too_short.stderr

    entra = run_dadeum("serve", "--auth", "entraid", "--port", "1", timeout=60)
    assert entra.returncode == 2 and "XLWINGS_AUTH_ENTRAID_CLIENT_ID" in entra.stderr
