"""The batch 적정성 검토 file of a replayed pseudonymisation: what was done, never the data."""

import base64
import csv
import re

import openpyxl
import pandas as pd
import pytest

from dadeum.engine.privacy.keys import key_fingerprint, load_key
from dadeum.samples.monthly import BROKEN_MONTH, CSV_MONTH, monthly_rows, write_monthly
from tests.conftest import run_dadeum

COLUMNS = [
    "파일", "시트·표", "열", "처리 기법", "설명", "가명 키 이름", "가명 키 지문", "k-익명성",
    "k 기준", "판정", "준식별자", "행 수", "일반화 실패 셀", "처리 일자",
]  # fmt: skip


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    keys = tmp_path / "keys"
    monkeypatch.setenv("DADEUM_KEY_DIR", str(keys))
    env = {"DADEUM_KEY_DIR": str(keys)}
    files = write_monthly(tmp_path / "in")
    assert run_dadeum("key", "create", "민원과", env=env).returncode == 0
    recipe, work = tmp_path / "r.json", tmp_path / "work"
    work.mkdir()
    steps = [("tidy", files[0], work / "t.csv", ()),
             ("pseudonymize", work / "t.csv", work / "p.csv",
              ("--key-name", "민원과", "--columns", "비고=삭제"))]  # fmt: skip
    for command, source, target, extra in steps:
        result = run_dadeum(command, source, "--out", target, *extra, "--save-recipe", recipe,
                            env=env)  # fmt: skip
        assert result.returncode == 0, result.stderr
    return tmp_path, files, recipe, env, load_key("민원과", folder=keys)


def personal_values() -> set[str]:
    """Every name and phone number the twelve months hold."""
    values = set()
    for month in range(1, 13):
        rows = monthly_rows(month)
        header = next(row for row in rows if "담당자" in row)
        for row in rows[rows.index(header) + 1 :]:
            for column in ("담당자", "연락처"):
                value = row[header.index(column)]
                if value:
                    values.add(str(value))
    return {value for value in values if re.search(r"[가-힣]{3}|\d{4}", value)}


def test_a_csv_review_lists_every_file_and_column_without_personal_values(recorded):
    tmp_path, files, recipe, env, key = recorded
    out = tmp_path / "out"
    result = run_dadeum("recipe", "run", recipe, tmp_path / "in", "--out", out, env=env)
    assert result.returncode == 1  # November is broken
    path = out / "가명처리_적정성검토.csv"  # March is a CSV, so the review is one too
    assert path.exists() and "가명처리 적정성 검토: " in result.stdout
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == COLUMNS
    done = [f.name for n, f in enumerate(files, start=1) if n != BROKEN_MONTH]
    assert sorted({row["파일"] for row in rows}) == sorted(done)
    for name in done:
        mine = {row["열"]: row for row in rows if row["파일"] == name}
        assert mine["담당자"]["처리 기법"] == "가명(HMAC)"
        assert mine["비고"]["처리 기법"] == "삭제"
        assert mine["읍면동"]["처리 기법"] == "유지"
        assert {row["행 수"] for row in mine.values()} == {"12"}
        assert {row["가명 키 지문"] for row in mine.values()} == {key_fingerprint(key)}
        assert {row["가명 키 이름"] for row in mine.values()} == {"민원과"}
        assert {row["판정"] for row in mine.values()} <= {"충족", "미충족", "계산하지 않음"}
    text = path.read_text(encoding="utf-8-sig")
    leaked = [value for value in personal_values() if value in text]
    assert not leaked
    assert base64.b64encode(key).decode() not in text and key.hex() not in text


def test_an_excel_batch_gets_an_excel_review_and_k_anonymity(recorded):
    tmp_path, files, recipe, env, _ = recorded
    excel = [f for n, f in enumerate(files, start=1) if n not in (BROKEN_MONTH, CSV_MONTH)]
    out = tmp_path / "out"
    result = run_dadeum("recipe", "run", recipe, *excel[:3], "--out", out, env=env)
    assert result.returncode == 0, result.stderr
    assert not (out / "가명처리_적정성검토.csv").exists()
    book = openpyxl.load_workbook(out / "가명처리_적정성검토.xlsx", read_only=True)
    rows = [list(r) for r in book["적정성 검토"].iter_rows(values_only=True)]
    book.close()
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    assert list(frame.columns) == COLUMNS
    assert sorted(set(frame["파일"])) == sorted(f.name for f in excel[:3])
    # 읍면동 is a kept place column, a quasi-identifier: k is measured over it.
    measured = frame[frame["판정"] != "계산하지 않음"]
    assert len(measured) == len(frame) and set(measured["준식별자"]) == {"읍면동"}
    assert set(measured["k-익명성"]) == {1}  # one row per 읍면동: each row stands alone
    assert set(measured["판정"]) == {"미충족"}
    flat = " ".join(str(cell) for row in rows for cell in row)
    assert not [value for value in personal_values() if value in flat]


def test_no_review_file_without_a_pseudonymisation_step(tmp_path):
    files = write_monthly(tmp_path / "in")
    recipe = tmp_path / "r.json"
    recipe.write_text('{"dadeum_recipe": 1, "name": "r", "steps": [{"step": "tidy"}]}', "utf-8")
    result = run_dadeum("recipe", "run", recipe, files[0], "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert not list((tmp_path / "out").glob("가명처리_적정성검토.*"))
