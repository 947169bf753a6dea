"""One smoke test of the task pane in a real headless browser (Chromium, when installed): the
page's own script runs against the real server and fills in the key status."""

import re
import subprocess

import pytest

from tests.conftest import running_server
from tests.system_tools import which


@pytest.mark.needs("chromium")
def test_task_pane_script_runs_in_a_browser(tmp_path):
    from dadeum.engine.privacy.keys import create_key, key_fingerprint, load_key

    keys = tmp_path / "keys"
    path = create_key(folder=keys)
    env = {"DADEUM_KEY_DIR": str(keys), "DADEUM_KEY_NAME": ""}
    with running_server(env=env) as base:
        result = subprocess.run(
            [which("chromium|chromium-browser"), "--headless", "--no-sandbox", "--disable-gpu",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=8000",
             "--dump-dom", base + "/taskpane.html#training"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    dom = result.stdout
    assert "<main" in dom, result.stderr[-2000:]

    def text_of(element_id: str) -> str:
        found = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', dom)
        return found.group(1) if found else ""

    key = load_key(path=path)
    # Filled in by main.js from /dadeum/key-status: the fingerprint, never the key.
    assert text_of("key-status") == f"'default' 설정됨 (지문 {key_fingerprint(key)})"
    assert path.read_text(encoding="ascii").strip() not in dom and key.hex() not in dom
    # (The recipe section needs Excel: outside it xlwings' taskpane-reload.js may reload the
    # page, so its text is not checked here.)
    assert dom.count('class="mb-3 dadeum-function"') >= 18
