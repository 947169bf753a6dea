"""Entra ID sign-in on a real ``dadeum serve --auth entraid`` process, with no network.

The tenant's signing keys come from a local file (as on a 망분리 network); tokens are
signed here with a locally generated RSA key, shaped like Entra ID v2.0 access tokens.
Outbound HTTPS is pointed at a dead proxy, so a download attempt would fail the test.
"""

import json
import time
import uuid

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.conftest import office_js_call, run_dadeum, running_server

CALL = "/xlwings/custom-functions-call"
CLIENT_ID = str(uuid.uuid4())
TENANT_ID = str(uuid.uuid4())
ISSUER = f"https://login.microsoftonline.com/{TENANT_ID}/v2.0"


def _key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})


@pytest.fixture(scope="module")
def keys():
    return {"tenant": _key("tenant-key-1"), "forged": _key("tenant-key-1")}


def _token(key: RSAKey, **overrides) -> str:
    now = int(time.time())
    claims = {
        "ver": "2.0",
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "oid": str(uuid.uuid4()),
        "name": "김주무관",
        "preferred_username": "kim@example.go.kr",
        "roles": [],
        "iat": now - 60,
        "nbf": now - 60,
        "exp": now + 3600,
        **overrides,
    }
    return "Bearer " + jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)


@pytest.fixture(scope="module")
def entra_server(tmp_path_factory, keys):
    folder = tmp_path_factory.mktemp("entra")
    jwks = folder / "jwks.json"
    jwks.write_text(json.dumps({"keys": [keys["tenant"].as_dict(private=False)]}))
    key_dir = folder / "keys"
    assert run_dadeum("key", "create", env={"DADEUM_KEY_DIR": str(key_dir)}).returncode == 0
    dead_proxy = "http://127.0.0.1:9"
    env = {
        "XLWINGS_AUTH_ENTRAID_CLIENT_ID": CLIENT_ID,
        "XLWINGS_AUTH_ENTRAID_TENANT_ID": TENANT_ID,
        "DADEUM_ENTRAID_JWKS_FILE": str(jwks),
        "DADEUM_KEY_DIR": str(key_dir),
        "HTTPS_PROXY": dead_proxy,
        "HTTP_PROXY": dead_proxy,
        "NO_PROXY": "",
    }
    log = folder / "server.log"
    with running_server("--auth", "entraid", env=env, log=log) as base:
        yield base, log


def _call(base, func, value, token=None):
    headers = {"Auth-Provider": "entraid"}
    if token is not None:
        headers["Authorization"] = token
    return httpx.post(base + CALL, json=office_js_call(func, [[value]]), headers=headers)


def test_valid_token_from_the_local_key_set_is_accepted(entra_server, keys):
    base, _ = entra_server
    response = _call(base, "clean_text", " 가\u00a0나 ", _token(keys["tenant"]))
    assert response.status_code == 200, response.text
    assert response.json() == {"result": [["가 나"]]}


@pytest.mark.parametrize(
    "case",
    ["missing", "not bearer", "forged signature", "expired", "other app", "other tenant"],
)
def test_bad_tokens_are_401_in_korean(entra_server, keys, case):
    base, _ = entra_server
    good = keys["tenant"]
    token = {
        "missing": None,
        "not bearer": _token(good).removeprefix("Bearer "),
        "forged signature": _token(keys["forged"]),
        "expired": _token(good, exp=int(time.time()) - 600, iat=int(time.time()) - 4000),
        "other app": _token(good, aud=str(uuid.uuid4())),
        "other tenant": _token(good, iss=f"https://login.microsoftonline.com/{uuid.uuid4()}/v2.0"),
    }[case]
    response = _call(base, "clean_text", "가", token)
    assert response.status_code == 401, response.text
    assert "Microsoft 365 로그인을 확인하지 못했습니다" in response.json()["detail"]


def test_app_role_decides_pseudonymize(entra_server, keys):
    base, _ = entra_server
    without = _call(base, "pseudonymize", "010-2233-4455", _token(keys["tenant"]))
    assert without.status_code == 403
    assert "가명처리(pseudonymize)" in without.json()["detail"]
    with_role = _call(
        base, "pseudonymize", "010-2233-4455", _token(keys["tenant"], roles=["pseudonymize"])
    )
    assert with_role.status_code == 200, with_role.text
    assert with_role.json()["result"][0][0].startswith("P-")


def test_log_keeps_no_token(entra_server, keys):
    base, log = entra_server
    token = _token(keys["forged"])
    _call(base, "clean_text", "가", token)
    text = log.read_text(encoding="utf-8")
    assert "Using auth provider entraid" in text
    assert "Get default JWKS" not in text  # xlwings never tried to download Microsoft's keys
    assert token.split()[1] not in text
    assert token.split(".")[2] not in text  # not even the signature part


def test_manifest_names_the_entra_app_for_single_sign_on(entra_server):
    import xml.etree.ElementTree as ET

    base, _ = entra_server
    manifest = httpx.get(base + "/manifest", timeout=30)
    assert manifest.status_code == 200
    root = ET.fromstring(manifest.text)
    ns = {"o": "http://schemas.microsoft.com/office/taskpaneappversionoverrides"}
    info = root.find(".//o:VersionOverrides/o:WebApplicationInfo", ns)
    assert info is not None, "Office SSO needs WebApplicationInfo in VersionOverrides"
    assert info.find("o:Id", ns).text == CLIENT_ID
    assert info.find("o:Resource", ns).text.startswith("api://")
    assert info.find("o:Resource", ns).text.endswith(f"/{CLIENT_ID}")
    # It is the last child: the manifest schema puts it after Resources.
    assert list(root.find(".//o:VersionOverrides", ns))[-1] is info
