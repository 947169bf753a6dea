"""``dadeum tidy`` and ``dadeum check`` run as users run them, on files the tests write."""

import csv
import hashlib
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlwt

from dadeum.samples.tables import already_tidy, dong_budget, kosis_population, monthly_accidents
from tests.conftest import run_dadeum as dadeum


def write_xlsx(path: Path, case, *, merges=True, sheet="현황") -> Path:
    book = openpyxl.Workbook()
    book.active.title = "표지"
    worksheet = book.create_sheet(sheet)
    for row in case.rows:
        worksheet.append(row)
    if merges:
        for m in case.merges:
            worksheet.merge_cells(
                start_row=m.top, start_column=m.left, end_row=m.bottom, end_column=m.right
            )
    book.save(path)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def as_text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_tidy_xlsx_with_merges_to_csv_with_schema(tmp_path):
    case = dong_budget()
    source = write_xlsx(tmp_path / "예산.xlsx", case)
    before = digest(source)
    result = dadeum("tidy", source, "--sheet", "현황", "--out", tmp_path / "예산.csv")
    assert result.returncode == 0, result.stderr
    assert digest(source) == before  # the input is never modified
    assert (tmp_path / "예산.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = read_csv(tmp_path / "예산.csv")
    assert rows[0] == list(case.expected.columns)
    assert rows[1:] == [[as_text(v) for v in record] for record in case.expected.values.tolist()]
    review = read_csv(tmp_path / "예산_확인.csv")
    assert review[0] == ["유형", "시트", "셀", "원래 값", "설명"]
    assert "total-row" in {row[0] for row in review[1:]}
    assert "찾은 표: 1개" in result.stdout


def test_schema_beside_the_csv_is_a_valid_table_schema(tmp_path):
    from frictionless import Resource, Schema

    source = write_xlsx(tmp_path / "인구.xlsx", kosis_population(), sheet="인구")
    assert dadeum("tidy", source, "--sheet", "인구", "--out", tmp_path / "인구.csv").returncode == 0
    descriptor = json.loads((tmp_path / "인구.schema.json").read_text(encoding="utf-8"))
    schema = Schema.from_descriptor(descriptor)
    assert [f.type for f in schema.fields] == ["string", "integer", "integer", "integer", "integer"]
    resource = Resource(
        path="인구.csv", basepath=str(tmp_path), schema=schema, encoding="utf-8-sig"
    )
    report = resource.validate()
    assert report.valid, report.flatten(["type", "note"])


def test_long_form(tmp_path):
    case = kosis_population()
    source = write_xlsx(tmp_path / "인구.xlsx", case, merges=False)
    result = dadeum("tidy", source, "--sheet", "현황", "--long", "--out", tmp_path / "긴.csv")
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "긴.csv")
    assert rows[0] == ["행정구역별", "연도", "성별", "단위", "value"]
    expected = [[as_text(v) for v in r] for r in case.expected_long.values.tolist()]
    assert [row[:3] + row[4:] for row in rows[1:]] == expected
    assert {row[3] for row in rows[1:]} == {"명"}


def test_xlsx_output_has_the_table_the_log_and_the_totals(tmp_path):
    source = write_xlsx(tmp_path / "예산.xlsx", dong_budget())
    out = tmp_path / "결과.xlsx"
    assert dadeum("tidy", source, "--sheet", "현황", "--totals", "--out", out).returncode == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["표", "확인", "합계"]
    first = next(book["표"].iter_rows(values_only=True))
    assert first == tuple(dong_budget().expected.columns)


def test_two_tables_on_one_sheet_become_two_files(tmp_path):
    first, second = monthly_accidents(), already_tidy()
    path = tmp_path / "두표.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([*first.rows, [], [], *second.rows])
    assert dadeum("tidy", path, "--out", tmp_path / "결과.csv").returncode == 0
    assert read_csv(tmp_path / "결과.csv")[0] == list(first.expected.columns)
    assert read_csv(tmp_path / "결과_표2.csv")[0] == list(second.expected.columns)
    assert (tmp_path / "결과_표2.schema.json").exists()


def test_legacy_xls_and_cp949_csv_are_read(tmp_path):
    case = monthly_accidents()
    book = xlwt.Workbook()
    sheet = book.add_sheet("사고")
    for r, row in enumerate(case.rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(tmp_path / "사고.xls"))
    assert dadeum("tidy", tmp_path / "사고.xls", "--out", tmp_path / "a.csv").returncode == 0
    with open(tmp_path / "사고.csv", "w", encoding="cp949", newline="") as handle:
        csv.writer(handle).writerows(case.rows)
    assert dadeum("tidy", tmp_path / "사고.csv", "--out", tmp_path / "b.csv").returncode == 0
    assert read_csv(tmp_path / "a.csv") == read_csv(tmp_path / "b.csv")
    assert read_csv(tmp_path / "a.csv")[0] == list(case.expected.columns)


def test_refuses_to_write_over_the_input(tmp_path):
    path = tmp_path / "표.csv"
    path.write_text("구분,값\n가,1\n", encoding="utf-8")
    before = digest(path)
    result = dadeum("tidy", path, "--out", path)
    assert result.returncode == 1
    assert "덮어쓰지" in result.stderr
    assert digest(path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--out", "x.txt"], ".csv 또는 .xlsx"), (["--out", "x.csv", "--header-rows", "0"], "1부터")],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    path = tmp_path / "표.csv"
    path.write_text("구분,값\n가,1\n", encoding="utf-8")
    result = dadeum("tidy", path, *args)
    assert result.returncode == 2 and message in result.stderr


def test_check_text_and_json(tmp_path):
    source = write_xlsx(tmp_path / "예산.xlsx", dong_budget())
    text = dadeum("check", source, "--sheet", "현황")
    assert text.returncode == 0, text.stderr
    assert "기계판독 점수:" in text.stdout and "고치는 방법" in text.stdout
    report = json.loads(dadeum("check", source, "--sheet", "현황", "--format", "json").stdout)
    rules = {issue["rule"] for issue in report["issues"]}
    assert {"merged-cell", "total-row", "header", "note-row"} <= rules
    merged = [i["cell"] for i in report["issues"] if i["rule"] == "merged-cell"]
    assert merged[0] == "A1"
    assert 0 <= report["score"] < 100


def test_check_of_a_clean_utf8_csv_scores_100_and_cp949_is_flagged(tmp_path):
    rows = [["시도", "민원건수"], ["서울특별시", "12"], ["부산광역시", "7"]]
    good, legacy = tmp_path / "좋은.csv", tmp_path / "옛.csv"
    for path, encoding in ((good, "utf-8"), (legacy, "cp949")):
        with open(path, "w", encoding=encoding, newline="") as handle:
            csv.writer(handle).writerows(rows)
    assert json.loads(dadeum("check", good, "--format", "json").stdout)["score"] == 100
    issues = json.loads(dadeum("check", legacy, "--format", "json").stdout)["issues"]
    assert [i["rule"] for i in issues] == ["encoding"]
