"""No CSV Dadeum writes can run a formula when opened in Excel (OWASP "CSV injection"), while
numbers stay numbers; .xlsx outputs keep such text as text cells."""

import csv
import json

import openpyxl
import pandas as pd
import pytest

from dadeum.cli import main
from dadeum.engine.privacy.keys import create_key
from dadeum.fileio import csv_safe, write_excel

LINK = '=HYPERLINK("http://example.com/x","보기")'
DDE = "=cmd|' /C calc'!A0"
HOSTILE = [LINK, DDE, "+1+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "--1", "\t=1+1", "\r=1+1"]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def cells(path):
    return [cell for row in read_csv(path) for cell in row]


def assert_neutralised(path, *values):
    found = cells(path)
    for value in values:
        assert value not in found, f"{value!r} written verbatim to {path.name}"
        assert "'" + value in found, f"{value!r} not found prefixed in {path.name}"


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_safe_prefixes_every_formula_start(text):
    assert csv_safe(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["-12.5", "-3", "+7", "-1,234", "1e5", "-.5", "-", "--", "민원", "a=b", ""]
)
def test_csv_safe_leaves_plain_numbers_and_ordinary_text(text):
    assert csv_safe(text) == text


@pytest.fixture
def hostile_csv(tmp_path):
    source = tmp_path / "민원.csv"
    rows = [
        ["구분", "금액", "비고"],
        ["가", "1,000", LINK],
        ["나", "-12.5", DDE],
        ["다", "-3", "정상"],
    ]
    with open(source, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return source


def test_clean_csv_output_and_review_are_neutralised(tmp_path, hostile_csv):
    out = tmp_path / "정리.csv"
    assert main(["clean", str(hostile_csv), "--out", str(out)]) == 0
    assert_neutralised(out, LINK, DDE)
    amounts = [row[1] for row in read_csv(out)[1:]]
    assert amounts == ["1000", "-12.5", "-3"]


def test_clean_review_list_quotes_original_values_safely(tmp_path):
    source = tmp_path / "금액.csv"
    rows = [["금액"], *([f"{n},000"] for n in range(1, 10)), [DDE]]
    with open(source, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "정리.csv"
    assert main(["clean", str(source), "--out", str(out)]) == 0
    review = out.with_name("정리_확인.csv")
    assert review.exists()
    assert_neutralised(review, DDE)


def test_tidy_csv_is_neutralised_and_still_valid_against_its_schema(tmp_path, hostile_csv):
    from frictionless import Resource, Schema

    out = tmp_path / "표.csv"
    assert main(["tidy", str(hostile_csv), "--out", str(out)]) == 0
    assert_neutralised(out, LINK, DDE)
    descriptor = json.loads((tmp_path / "표.schema.json").read_text(encoding="utf-8"))
    schema = Schema.from_descriptor(descriptor)
    resource = Resource(path="표.csv", basepath=str(tmp_path), schema=schema, encoding="utf-8-sig")
    report = resource.validate()
    assert report.valid, report.flatten(["type", "note"])
    numbers = [row[1] for row in read_csv(out)[1:]]
    assert numbers == ["1000", "-12.5", "-3"]


def test_pseudonymize_csv_and_its_review_are_neutralised(tmp_path, hostile_csv):
    key = create_key("t", folder=tmp_path / "keys")
    source = tmp_path / "대장.csv"
    rows = [["성명", DDE, "비고"], ["홍길동", "1", LINK], ["김철수", "2", "정상"]]
    with open(source, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "가명.csv"
    args = ["pseudonymize", str(source), "--out", str(out), "--key-file", str(key)]
    assert main([*args, "--columns", "비고=유지"]) == 0
    assert_neutralised(out, LINK, DDE)
    review = out.with_name("가명_적정성검토.csv")
    assert_neutralised(review, DDE)


def test_recipe_run_summary_review_and_outputs_are_neutralised(tmp_path, hostile_csv):
    key = create_key("t", folder=tmp_path / "keys")
    recipe = tmp_path / "r.json"
    recipe.write_text(
        json.dumps({"dadeum_recipe": 1, "name": "r", "steps": [
            {"step": "clean"}, {"step": "pseudonymize", "columns": {"비고": "유지"}}]}),
        encoding="utf-8",
    )  # fmt: skip
    inbox = tmp_path / "in"
    inbox.mkdir()
    named = inbox / "=1+1.csv"  # file names reach the summary's 파일 column
    named.write_bytes(hostile_csv.read_bytes())
    out = tmp_path / "out"
    args = ["recipe", "run", str(recipe), str(inbox), "--out", str(out), "--key-file", str(key)]
    assert main([*args, "--combine", str(tmp_path / "전체.csv"), "--quiet"]) == 0
    assert_neutralised(out / "레시피_결과.csv", "=1+1.csv")
    assert_neutralised(out / "가명처리_적정성검토.csv", "=1+1.csv")
    assert_neutralised(out / "=1+1.csv", LINK, DDE)
    assert_neutralised(tmp_path / "전체.csv", LINK, DDE, "=1+1.csv")


def test_forecast_csv_keeps_negative_numbers_as_numbers(tmp_path):
    source = tmp_path / "값.csv"
    values = [-12.5 + (i % 7) for i in range(120)]
    frame = pd.DataFrame({"일자": pd.date_range("2024-01-01", periods=120), "값": values})
    frame.to_csv(source, index=False)
    out = tmp_path / "예측.csv"
    args = ["forecast", str(source), "--date", "일자", "--value", "값", "--horizon", "7"]
    assert main([*args, "--out", str(out)]) == 0
    rows = read_csv(out)
    assert all(not cell.startswith("'") for row in rows for cell in row)
    assert any(cell.startswith("-") for row in rows[1:] for cell in row[1:])


def test_xlsx_output_stores_formula_text_as_a_string_cell(tmp_path):
    path = tmp_path / "out.xlsx"
    write_excel(path, {"결과": (pd.DataFrame([[LINK, DDE, -12.5]]), {})})
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == [LINK, DDE, -12.5]
    assert [c.data_type for c in sheet[1]] == ["s", "s", "n"]
