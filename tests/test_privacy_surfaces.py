"""Personal data from the user's side: dadeum scan/pseudonymize/key, the 개인정보 ribbon scripts,
and the promise that no raw value ever reaches an output, a report or a log."""

import asyncio
import base64
import json
import zipfile
from pathlib import Path

import custom_scripts
import httpx
import openpyxl
import pytest
import xlwings as xw
import xlwings.server

from tests.conftest import book_json, office_js_call, running_server
from tests.conftest import run_dadeum as dadeum

# Fake people with valid-looking numbers (check digits computed in rrn()).
NAMES = ["홍길동", "김영희", "이철수", "박민지"]
PHONES = ["010-2345-6789", "010-3456-7890", "02-765-4321", "010-4567-8901"]
EMAILS = ["gildong@example.com", "yhkim@example.org", "cslee@example.net", "mjpark@example.com"]


def rrn(front: str, back6: str) -> str:
    digits = front + back6
    total = sum(
        int(d) * w for d, w in zip(digits, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], strict=True)
    )
    return f"{front}-{back6}{(11 - total % 11) % 10}"


RRNS = [rrn("850314", "123456"), rrn("920505", "234567"), rrn("780101", "145678"),
        rrn("011225", "423456")]  # fmt: skip
HEADER = ["성명", "주민등록번호", "연락처", "이메일", "나이", "성별", "민원 내용"]
ROWS = [
    [NAMES[i], RRNS[i], PHONES[i], EMAILS[i], 30 + 7 * i, "남" if i % 2 else "여",
     f"가로등 고장 신고. 회신은 {PHONES[i]}로 부탁드립니다."]
    for i in range(4)
]  # fmt: skip
RAW = [*NAMES, *RRNS, *PHONES, *EMAILS, *[r.replace("-", "") for r in RRNS]]


def write_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "민원"
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    other = book.create_sheet("메모")
    other.append(["담당자 메모"])
    other.append([f"민원인 {NAMES[0]}님이 {RRNS[0]}이고 {EMAILS[0]}으로 연락 요청"])
    book.save(path)
    return path


def all_text(path: Path) -> str:
    """Every byte of a file as text (an .xlsx is unzipped), to search for leaks."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_text(encoding="utf-8-sig")


def assert_no_raw_values(text: str) -> None:
    leaked = [value for value in RAW if value in text]
    assert not leaked, f"raw personal data leaked: {len(leaked)} values"


@pytest.fixture
def key_dir(tmp_path, monkeypatch):
    folder = tmp_path / "keys"
    monkeypatch.setenv("DADEUM_KEY_DIR", str(folder))
    result = dadeum("key", "create", env={"DADEUM_KEY_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    return folder


def key_texts(folder: Path) -> list[str]:
    content = (folder / "default.key").read_bytes()
    raw = base64.b64decode(content.strip().splitlines()[-1]) if content.strip() else b""
    return [content.decode().strip(), raw.hex(), base64.b64encode(raw).decode()]


def test_key_create_and_status_show_only_the_fingerprint(key_dir):
    env = {"DADEUM_KEY_DIR": str(key_dir)}
    status = dadeum("key", "status", env=env)
    assert status.returncode == 0 and "지문" in status.stdout
    again = dadeum("key", "create", env=env)
    assert again.returncode == 1  # an existing key is never overwritten
    for secret in key_texts(key_dir):
        assert secret not in status.stdout + again.stdout + again.stderr


def test_scan_reports_every_sheet_with_masked_samples_only(tmp_path):
    source = write_book(tmp_path / "민원.xlsx")
    text = dadeum("scan", source)
    assert text.returncode == 0, text.stderr
    assert_no_raw_values(text.stdout + text.stderr)
    report = json.loads(dadeum("scan", source, "--format", "json").stdout)
    found = {(f["sheet"], f["type"]) for f in report["findings"]}
    assert {("민원", "주민등록번호"), ("민원", "전화번호"), ("민원", "이메일"), ("민원", "이름"),
            ("메모", "주민등록번호"), ("메모", "이메일")} <= found  # fmt: skip
    cells = {f["cell"] for f in report["findings"] if f["type"] == "주민등록번호"}
    assert {"B2", "B5"} <= cells
    assert_no_raw_values(json.dumps(report, ensure_ascii=False))


def test_pseudonymize_writes_a_safe_copy_and_a_review(tmp_path, key_dir):
    source = write_book(tmp_path / "민원.xlsx")
    out = tmp_path / "가명.xlsx"
    result = dadeum("pseudonymize", source, "--out", out, env={"DADEUM_KEY_DIR": str(key_dir)})
    assert result.returncode == 0, result.stderr
    assert_no_raw_values(all_text(out) + result.stdout)
    for secret in key_texts(key_dir):
        assert secret not in all_text(out)
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["가명처리", "적정성 검토"]
    rows = list(book["가명처리"].iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER)
    assert all(str(row[1]).startswith("P-") for row in rows[1:])  # 주민등록번호 → token
    assert [row[4] for row in rows[1:]] == ["30대", "30대", "40대", "50대"]  # 나이 generalised
    review = [r for r in book["적정성 검토"].iter_rows(values_only=True)]
    labels = {r[0]: r for r in review if r}
    assert labels["k-익명성"][1].startswith("k = ")
    assert "지문" in labels["가명 키"][2]


def test_same_person_same_token_across_files_and_overrides(tmp_path, key_dir):
    env = {"DADEUM_KEY_DIR": str(key_dir)}
    first = write_book(tmp_path / "3월.xlsx")
    second = tmp_path / "4월.csv"
    with open(second, "w", encoding="utf-8", newline="") as handle:
        import csv

        csv.writer(handle).writerows([HEADER, *reversed(ROWS)])
    assert dadeum("pseudonymize", first, "--out", tmp_path / "a.csv", env=env).returncode == 0
    result = dadeum("pseudonymize", second, "--out", tmp_path / "b.csv",
                    "--columns", "성명=삭제", "민원 내용=유지", env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    a = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()
    b = (tmp_path / "b.csv").read_text(encoding="utf-8-sig").splitlines()
    tokens_a = [line.split(",")[1] for line in a[1:]]
    tokens_b = [line.split(",")[1] for line in b[1:]]
    assert tokens_a == list(reversed(tokens_b))  # joins still work across months
    assert all(line.split(",")[0] == "" for line in b[1:])  # 성명=삭제
    assert (tmp_path / "b_적정성검토.csv").exists()


def test_pseudonymize_without_a_key_says_how_to_make_one(tmp_path):
    source = write_book(tmp_path / "민원.xlsx")
    result = dadeum("pseudonymize", source, "--out", tmp_path / "x.xlsx",
                    env={"DADEUM_KEY_DIR": str(tmp_path / "empty")})  # fmt: skip
    assert result.returncode == 1
    assert "dadeum key create" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_unknown_column_in_columns_is_refused(tmp_path, key_dir):
    source = write_book(tmp_path / "민원.xlsx")
    result = dadeum("pseudonymize", source, "--out", tmp_path / "x.xlsx", "--columns", "주소=삭제",
                    env={"DADEUM_KEY_DIR": str(key_dir)})  # fmt: skip
    assert result.returncode == 1 and "표에 없는 열" in result.stderr


def run_script(name, payload):
    book = xw.Book(json=payload)
    response = asyncio.run(
        xlwings.server.custom_scripts_call(custom_scripts, name, typehint_to_value={xw.Book: book})
    )
    return response.json()["actions"]


def test_ribbon_scan_and_pseudonymize(key_dir):
    sheets = {"민원": [HEADER, *ROWS]}
    actions = run_script("scan_book", book_json(sheets))
    report = next(a["values"] for a in actions if a["func"] == "setValues")
    assert report[0][0].startswith("찾은 개인정보:")
    assert report[1] == ["시트", "셀", "유형", "가린 값", "신뢰도"]
    assert_no_raw_values(json.dumps(report, ensure_ascii=False))

    actions = run_script("pseudonymize_sheet", book_json(sheets))
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == ["민원_가명", "민원_적정성검토", "_다듬_레시피"]
    written = [a["values"] for a in actions if a["func"] == "setValues"]
    assert_no_raw_values(json.dumps(written, ensure_ascii=False))
    assert 0 not in {a["sheet_position"] for a in actions if a["func"] == "setValues"}


def test_server_logs_stay_clean(tmp_path, key_dir):
    log = tmp_path / "server.log"
    env = {"DADEUM_KEY_DIR": str(key_dir)}
    with running_server("--dev", env=env, log=log) as base:
        calls = [
            office_js_call("find_pii", [[f"주민번호 {RRNS[0]}이고 {PHONES[0]}로 연락"]]),
            office_js_call("mask_pii", [[EMAILS[1]], [RRNS[1]]]),
            office_js_call("pseudonymize", [[RRNS[2]], [PHONES[2]]]),
            office_js_call("pseudonymize", [[RRNS[2]]], [["없는키"]]),  # an error path too
            office_js_call("to_phone", [[PHONES[3] + "-99"]]),  # its error quotes the cell
            office_js_call("to_number", [[NAMES[3]]]),
        ]
        for body in calls:
            httpx.post(base + "/xlwings/custom-functions-call", json=body, timeout=30)
        httpx.post(base + "/xlwings/custom-scripts-call/pseudonymize_sheet",
                   json=book_json({"민원": [HEADER, *ROWS]}), timeout=60)  # fmt: skip
    assert_no_raw_values(log.read_text(encoding="utf-8"))
