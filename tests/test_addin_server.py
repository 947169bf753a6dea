"""The add-in server's own routes for the task pane, on a real ``dadeum serve`` over HTTP:
training workbooks, the key's status (never the key) and a workbook's recipe as JSON."""

import base64
import os
from urllib.parse import unquote

import httpx
import pytest

from dadeum.reports.recipe import recipe_rows
from tests.conftest import running_server

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    books, keys = root / "workbooks", root / "keys"
    books.mkdir()
    (books / "01_엑셀_데이터의_기본.xlsx").write_bytes(b"PK first workbook")
    (books / "02_정리_함수.xlsx").write_bytes(b"PK second")
    (books / "메모.txt").write_text("not a workbook", encoding="utf-8")
    (books / "~$01_엑셀_데이터의_기본.xlsx").write_bytes(b"lock file")
    (books / "하위").mkdir()
    (books / "하위" / "03_숨은.xlsx").write_bytes(b"PK nested")
    (root / "secret.xlsx").write_bytes(b"PK outside the folder")
    (books / "04_링크.xlsx").symlink_to(root / "secret.xlsx")
    env = {"DADEUM_WORKBOOKS_DIR": str(books), "DADEUM_KEY_DIR": str(keys)}
    env = {**env, "DADEUM_KEY_NAME": ""}
    with running_server(env=env) as base:
        yield base, books, keys


def test_training_list_is_read_from_the_folder_at_request_time(served):
    base, books, _ = served
    listed = httpx.get(base + "/training").json()
    assert [(item["file"], item["title"]) for item in listed] == [
        ("01_엑셀_데이터의_기본.xlsx", "엑셀 데이터의 기본"),
        ("02_정리_함수.xlsx", "정리 함수"),
    ]
    (books / "05_가명처리_실습.xlsx").write_bytes(b"PK new")
    try:
        titles = [item["title"] for item in httpx.get(base + "/training").json()]
        assert titles[-1] == "가명처리 실습"
    finally:
        (books / "05_가명처리_실습.xlsx").unlink()


def test_training_download_has_type_and_korean_file_name(served):
    base, _, _ = served
    [first, _] = httpx.get(base + "/training").json()
    response = httpx.get(base + first["url"])
    assert response.status_code == 200
    assert response.content == b"PK first workbook"
    assert response.headers["content-type"] == XLSX
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == "01_엑셀_데이터의_기본.xlsx"
    disposition.encode("latin-1")  # a header must be plain bytes: the Korean is %-encoded


@pytest.mark.parametrize(
    "path",
    [
        "/training/..%2Fsecret.xlsx",
        "/training/%2E%2E%2Fsecret.xlsx",
        "/training/..%5Csecret.xlsx",
        "/training/04_링크.xlsx",  # a link inside the folder that points outside
        "/training/하위%2F03_숨은.xlsx",
        "/training/메모.txt",
        "/training/~$01_엑셀_데이터의_기본.xlsx",
        "/training/%2Fetc%2Fpasswd",
    ],
)
def test_nothing_outside_the_listed_workbooks_is_served(served, path):
    base, _, _ = served
    response = httpx.get(base + path)
    assert response.status_code == 404
    assert b"PK" not in response.content and b"root:" not in response.content


def test_key_status_reports_the_fingerprint_never_the_key(served):
    base, _, keys = served
    missing = httpx.get(base + "/dadeum/key-status").json()
    assert missing["configured"] is False and missing["fingerprint"] is None
    assert missing["problem"]

    from dadeum.engine.privacy.keys import create_key, key_fingerprint, load_key

    path = create_key(folder=keys)
    try:
        response = httpx.get(base + "/dadeum/key-status")
        report = response.json()
        key = load_key(path=path)
        assert report["configured"] is True and report["name"] == "default"
        assert report["fingerprint"] == key_fingerprint(key)
        text = response.text
        stored = path.read_text(encoding="ascii").strip()
        for secret in (stored, key.hex(), base64.b64encode(key).decode(), str(keys)):
            assert secret not in text
    finally:
        os.unlink(path)


def test_recipe_cells_come_back_as_json(served):
    base, _, _ = served
    recipe = {"dadeum_recipe": 1, "name": "민원", "steps": [
        {"step": "tidy", "header_rows": None, "long": False, "totals": False},
        {"step": "clean", "header": None, "types": {"접수 건수": "number"}},
    ]}  # fmt: skip
    # Cells as Excel hands them back from text-formatted cells: strings, "" for empty.
    cells = [["" if c is None else str(c) for c in row] for row in recipe_rows(recipe)]
    response = httpx.post(base + "/dadeum/recipe", json={"cells": cells})
    assert response.status_code == 200
    assert response.json()["recipe"] == recipe
    assert '"접수 건수": "number"' in response.json()["json"]

    assert httpx.post(base + "/dadeum/recipe", json={"cells": []}).json()["recipe"] is None
    cells[3][3] = "shuffle"  # an unknown step
    bad = httpx.post(base + "/dadeum/recipe", json={"cells": cells})
    assert bad.status_code == 400 and "'step'은" in bad.json()["detail"]
