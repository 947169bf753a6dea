"""The add-in as Excel sees it: a real ``dadeum serve`` process on loopback, over HTTP."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import httpx
import pytest

from tests.conftest import ADDIN, book_json, office_js_call, running_server


def test_health_manifest_and_metadata(live_server):
    assert httpx.get(live_server + "/").json() == {"status": "ok"}

    manifest = httpx.get(live_server + "/manifest").text
    root = ET.fromstring(manifest.encode("utf-8"))
    assert root.tag.endswith("OfficeApp")
    assert 'DefaultValue="DADEUM"' in manifest  # =DADEUM.CLEAN_TEXT(...)
    assert 'id="DadeumTab.Label" DefaultValue="다듬"' in manifest

    meta = httpx.get(live_server + "/xlwings/custom-functions-meta").json()
    names = {function["name"] for function in meta["functions"]}
    assert "CLEAN_TEXT" in names


def test_clean_text_over_http(live_server):
    body = office_js_call("clean_text", [["  민원\u00a0접수 "], [3], [""]])
    response = httpx.post(live_server + "/xlwings/custom-functions-call", json=body)
    assert response.status_code == 200
    assert response.json() == {"result": [["민원 접수"], [3], [""]]}


def test_error_cells_in_a_range_come_back_as_errors_over_http(live_server):
    # Excel sends #N/A and #DIV/0! cells as data-type objects; one must not fail the range.
    error_cell = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
    body = office_js_call("clean_text", [[error_cell], [" 가 "]])
    response = httpx.post(live_server + "/xlwings/custom-functions-call", json=body)
    assert response.status_code == 200, response.text
    assert response.json() == {"result": [[{"type": "Error", "errorType": "NotAvailable"}], ["가"]]}


def test_single_cell_problem_is_a_400_with_korean_text(live_server):
    body = office_js_call("clean_text", [["x" * 33_000]])
    response = httpx.post(live_server + "/xlwings/custom-functions-call", json=body)
    assert response.status_code == 400  # no retry; Excel shows #VALUE! with this text
    assert "32,767" in response.text


def test_ribbon_script_over_http(live_server):
    payload = book_json({"Sheet1": [[" 가 ", "나\u3000"]]})
    response = httpx.post(live_server + "/xlwings/custom-scripts-call/clean_sheet", json=payload)
    assert response.status_code == 200
    actions = response.json()["actions"]
    assert any(a["func"] == "addSheet" for a in actions)
    assert [["가", "나"]] in [a["values"] for a in actions if a["func"] == "setValues"]


def test_nothing_points_outside_the_server(live_server):
    # 망분리 networks: every URL Excel is given must be this server's own.
    own = live_server.removeprefix("http://")
    xml_namespaces = {"schemas.microsoft.com", "www.w3.org"}
    page = httpx.get(live_server + "/taskpane.html").text
    manifest = httpx.get(live_server + "/manifest").text
    assert "다듬" in page
    for text in (page, manifest):
        hosts = set(re.findall(r"https?://([^/\"'\s<>]+)", text))
        assert hosts - xml_namespaces <= {own, own.replace("127.0.0.1", "localhost")}, hosts


def test_two_workers_both_answer():
    with running_server("--workers", "2") as base:
        body = office_js_call("clean_text", [[" 가\u00a0나 "]])
        results = [
            httpx.post(base + "/xlwings/custom-functions-call", json=body).json() for _ in range(8)
        ]
        assert results == [{"result": [["가 나"]]}] * 8


@pytest.mark.needs("openssl")
def test_https_when_certificates_exist(tmp_path):
    # A copy of the add-in folder with a self-signed certificate under mkcert's file names.
    addin = tmp_path / "addin"
    shutil.copytree(ADDIN, addin, ignore=shutil.ignore_patterns("__pycache__", ".env"))
    certs = addin / "certs"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(certs / "localhost+2-key.pem"),
         "-out", str(certs / "localhost+2.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    with running_server(env={"DADEUM_ADDIN_DIR": str(addin)}, https=True) as base:
        assert base.startswith("https://")
        manifest = httpx.get(base + "/manifest", verify=False).text
        assert "https://127.0.0.1" in manifest or "https://localhost" in manifest
