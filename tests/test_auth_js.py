"""addin/static/js/auth.js, run in Node with the browser pieces it uses stubbed: which token
and provider xlwings sends for each sign-in setting."""

import json
import subprocess

import pytest

from tests.conftest import ADDIN

pytestmark = pytest.mark.needs("node")

HARNESS = r"""
const fs = require("fs");
const vm = require("vm");
const store = new Map();
globalThis.localStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
globalThis.xlwings = { getAccessToken: async () => "Bearer sso-token" };
vm.runInThisContext(fs.readFileSync(process.argv[2], "utf8"));
(async () => {
  const out = {};
  for (const [name, providers, token] of JSON.parse(process.argv[3])) {
    globalThis.config = { authProviders: providers };
    dadeumAuth.setToken(token);
    out[name] = await getAuth();
  }
  dadeumAuth.setToken("  spaced  ");
  out.trimmed = dadeumAuth.getToken();
  dadeumAuth.clearToken();
  out.cleared = dadeumAuth.hasToken();
  console.log(JSON.stringify(out));
})();
"""

CASES = [
    ("off", [], "abc"),
    ("custom", ["custom"], "my-token"),
    ("custom_without_token", ["custom"], ""),
    ("entraid", ["entraid"], ""),
    ("both_with_token", ["custom", "entraid"], "my-token"),
    ("both_without_token", ["custom", "entraid"], ""),
]


def test_get_auth_sends_what_the_server_expects(tmp_path):
    harness = tmp_path / "harness.js"
    harness.write_text(HARNESS, encoding="utf-8")
    script = ADDIN / "static" / "js" / "auth.js"
    done = subprocess.run(
        ["node", str(harness), str(script), json.dumps(CASES)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["off"] == {"token": "", "provider": ""}
    assert out["custom"] == {"token": "my-token", "provider": "custom"}
    assert out["custom_without_token"] == {"token": "", "provider": "custom"}  # server: 401
    assert out["entraid"] == {"token": "Bearer sso-token", "provider": "entraid"}
    assert out["both_with_token"] == {"token": "my-token", "provider": "custom"}
    assert out["both_without_token"] == {"token": "Bearer sso-token", "provider": "entraid"}
    assert out["trimmed"] == "spaced"
    assert out["cleared"] is False


def test_served_auth_js_is_ours(live_server):
    import httpx

    served = httpx.get(live_server + "/static/js/auth.js").text
    assert "dadeumAuth" in served and "globalThis.getAuth" in served
