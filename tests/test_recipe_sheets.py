"""Recipes that cover several sheets, and several tables on one sheet, across drifting months."""

import copy
import json

import openpyxl
import pandas as pd
import pytest

from dadeum.engine.recipe_replay import select_sheets
from dadeum.engine.recipes import (
    load_recipe,
    recipe_from_table,
    recipe_table,
    record_step,
    validate_recipe,
)
from dadeum.errors import InvalidArgumentError
from dadeum.fileio import write_excel
from dadeum.samples.monthly import DONG, monthly_rows
from tests.conftest import run_dadeum
from tests.test_recipes import SCHEMA

TIDY = {"step": "tidy", "header_rows": None, "long": False, "totals": False}


def population_rows(month: int) -> list[list]:
    rows = [[f"2025년 {month}월 읍면동별 인구", None, None], ["읍면동", "인구", "세대"]]
    for n, dong in enumerate(DONG):
        rows.append([dong, f"{9000 + n * 311 + month:,}", 4000 + n * 97 + month])
    return rows


def budget_rows() -> list[list]:
    return [
        ["사업별 예산", None],
        ["사업", "예산액"],
        ["도로 정비", "1,000"],
        ["공원 조성", "2,500"],
    ]


def book(path, sheets: dict[str, list[list]]):
    write_excel(path, {name: (pd.DataFrame(rows, dtype=object), {})
                       for name, rows in sheets.items()})  # fmt: skip
    return path


def stacked(*tables: list[list]) -> list[list]:
    """Tables one under another on one sheet, two blank rows apart."""
    width = max(len(row) for table in tables for row in table)
    rows: list[list] = []
    for table in tables:
        if rows:
            rows += [[None] * width, [None] * width]
        rows += [row + [None] * (width - len(row)) for row in table]
    return rows


def sheets_of(path):
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return {name: [list(r) for r in workbook[name].iter_rows(values_only=True)]
                for name in workbook.sheetnames}  # fmt: skip
    finally:
        workbook.close()


def summary(out):
    frame = pd.read_csv(out / "레시피_결과.csv", encoding="utf-8-sig", dtype=str)
    return dict(zip(frame["파일"], frame["상태"], strict=True))


# --- the format ------------------------------------------------------------------------------

WITH_SHEETS = {
    "dadeum_recipe": 1,
    "name": "민원과 인구",
    "sheets": [
        {"name": "민원", "position": 1,
         "tables": [{"title": "2025년 1월 민원", "columns": ["읍면동", "접수 건수"]},
                    {"title": None, "columns": ["읍면동", "인구"]}]},
        {"name": "인구", "position": 2},
    ],
    "steps": [TIDY, {"step": "clean", "header": None, "types": {"접수 건수": "number"}}],
}  # fmt: skip


def test_sheets_round_trip_through_the_table_form():
    assert validate_recipe(WITH_SHEETS) == []
    table = recipe_table(WITH_SHEETS)
    assert table["옵션"].tolist().count("시트") == 2
    assert "'민원' 시트 (없으면 1번째 시트)의 표 2개" in table["설명"].iloc[2]
    assert json.dumps(recipe_from_table(table), ensure_ascii=False) == json.dumps(
        WITH_SHEETS, ensure_ascii=False
    )
    assert load_recipe(json.dumps(WITH_SHEETS)) == WITH_SHEETS


@pytest.mark.parametrize(
    ("sheets", "word"),
    [
        ([], "'sheets'"),
        ("민원", "'sheets'"),
        ([{"position": 1}], "'name'"),
        ([{"name": "민원", "position": 0}], "'position'"),
        ([{"name": "민원", "where": "A1"}], "'where'"),
        ([{"name": "민원", "tables": []}], "'tables'"),
        ([{"name": "민원", "tables": [{"title": 3, "columns": []}]}], "'title'"),
        ([{"name": "민원", "tables": [{"columns": "읍면동"}]}], "'columns'"),
        ([{"name": "민원", "tables": [{"title": None, "columns": []}]}], "제목이나 열 이름"),
    ],
)
def test_bad_sheets_are_named_and_the_schema_agrees(sheets, word):
    recipe = {**copy.deepcopy(WITH_SHEETS), "sheets": sheets}
    problems = validate_recipe(recipe)
    assert any(word in problem for problem in problems), problems
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert not validator.is_valid(recipe)
    assert validator.is_valid(WITH_SHEETS)


def test_record_step_adds_a_sheet_instead_of_repeating_a_step():
    recipe = {"dadeum_recipe": 1, "name": "r", "steps": []}
    first = record_step(recipe, TIDY, sheet="민원", position=1)
    again = record_step(first, dict(TIDY), sheet="인구", position=2)
    assert again["steps"] == [TIDY]
    assert again["sheets"] == [{"name": "민원", "position": 1}, {"name": "인구", "position": 2}]
    cleaned = record_step(again, {"step": "clean", "header": None, "types": {}})
    assert len(cleaned["steps"]) == 2 and len(cleaned["sheets"]) == 2
    assert (recipe["steps"] == [] and "sheets" not in first) or first["sheets"][0]["name"] == "민원"
    assert list(cleaned) == ["dadeum_recipe", "name", "sheets", "steps"]


def test_select_sheets_by_name_then_position():
    recipe = {**WITH_SHEETS, "sheets": [{"name": "민원", "position": 1},
                                        {"name": "인구", "position": 2}]}  # fmt: skip
    found = select_sheets(recipe, ["표지", "인구", " 민 원"])
    assert [(entry["name"], name) for entry, name, _ in found] == [("민원", " 민 원"),
                                                                   ("인구", "인구")]  # fmt: skip
    renamed = select_sheets(recipe, ["민원(3월)", "인구"])
    assert renamed[0][1] == "민원(3월)"
    assert "같은 자리(1번째)" in renamed[0][2][0].message
    with pytest.raises(InvalidArgumentError) as caught:
        select_sheets(recipe, ["인구", "민원 현황표"])  # position 1 is another recorded sheet
    message = str(caught.value)
    assert "'민원' 시트가 없습니다" in message and "'민원 현황표'" in message
    assert "이 파일의 시트: '인구', '민원 현황표'" in message
    assert select_sheets(recipe, [None])[0][1] is None  # a CSV file


# --- the command -----------------------------------------------------------------------------


def test_two_sheets_recorded_replay_when_sheets_move_are_renamed_or_go_missing(tmp_path):
    january = book(tmp_path / "01.xlsx", {"민원": monthly_rows(1), "인구": population_rows(1)})
    recipe, work = tmp_path / "r.json", tmp_path / "work"
    work.mkdir()
    for args in (("tidy", january, "--sheet", "민원", "--out", work / "t1.csv"),
                 ("tidy", january, "--sheet", "인구", "--out", work / "t2.csv"),
                 ("clean", work / "t1.csv", "--out", work / "c1.csv")):  # fmt: skip
        result = run_dadeum(*args, "--save-recipe", recipe)
        assert result.returncode == 0, result.stderr
    data = json.loads(recipe.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["sheets"]] == ["민원", "인구"]
    assert [s["step"] for s in data["steps"]] == ["tidy", "clean"]

    months = tmp_path / "in"
    months.mkdir()
    book(months / "02.xlsx", {"표지": [["2월 보고"]], "인구": population_rows(2),
                              "민원": monthly_rows(2)})  # fmt: skip
    book(months / "03.xlsx", {"민원(3월)": monthly_rows(3), "인구": population_rows(3)})
    book(months / "04.xlsx", {"인구": population_rows(4), "참고": [["메모"]]})
    out, combined = tmp_path / "out", tmp_path / "all.csv"
    result = run_dadeum("recipe", "run", recipe, months, "--out", out, "--combine", combined)
    assert result.returncode == 1, result.stderr
    status = summary(out)
    assert status["02.xlsx"] == status["03.xlsx"] == "완료"
    assert "'민원' 시트가 없습니다" in status["04.xlsx"]
    assert not (out / "04.xlsx").exists()

    february = sheets_of(out / "02.xlsx")
    assert list(february) == ["민원", "인구", "확인"]
    assert february["민원"][0][:3] == ["읍면동", "접수 건수", "처리 건수"]
    assert {row[0] for row in february["민원"][1:]} == set(DONG)
    assert february["인구"][0] == ["읍면동", "인구", "세대"]
    notes = [row[-1] for row in february["확인"][1:]]
    assert any("다른 표에서 기록된 것" in note for note in notes)  # 인구 has no 접수 건수
    march = sheets_of(out / "03.xlsx")
    assert list(march)[:2] == ["민원(3월)", "인구"]
    assert any("같은 자리(1번째)" in str(row[-1]) for row in march["확인"][1:])

    both = pd.read_csv(combined, encoding="utf-8-sig", dtype=str)
    assert list(both.columns[:2]) == ["원본파일", "원본시트"]
    assert set(both["원본시트"]) == {"민원", "인구", "민원(3월)"}
    assert len(both) == 4 * 12


def test_two_tables_on_one_sheet_found_by_columns_when_they_move(tmp_path):
    january = book(tmp_path / "01.xlsx",
                   {"현황": stacked(monthly_rows(1)[:-1], population_rows(1))})  # fmt: skip
    recipe, work = tmp_path / "r.json", tmp_path / "work"
    work.mkdir()
    result = run_dadeum("tidy", january, "--out", work / "t.csv", "--save-recipe", recipe)
    assert result.returncode == 0, result.stderr
    assert (work / "t_표2.csv").exists()
    result = run_dadeum("clean", work / "t.csv", "--out", work / "c.csv", "--save-recipe", recipe)
    assert result.returncode == 0, result.stderr
    tables = json.loads(recipe.read_text(encoding="utf-8"))["sheets"][0]["tables"]
    assert [t["columns"][1] for t in tables] == ["접수 건수", "인구"]

    months = tmp_path / "in"
    months.mkdir()
    # February: the population table comes first and a budget table is added at the end.
    book(months / "02.xlsx", {"현황": stacked(population_rows(2), monthly_rows(2)[:-1],
                                               budget_rows())})  # fmt: skip
    book(months / "03.xlsx", {"현황": monthly_rows(3)})  # the population table is gone
    out = tmp_path / "out"
    result = run_dadeum("recipe", "run", recipe, months, "--out", out)
    assert result.returncode == 1, result.stderr
    status = summary(out)
    assert status["02.xlsx"] == "완료"
    assert "표가 2개 기록되어 있는데" in status["03.xlsx"] and "1개만" in status["03.xlsx"]
    february = sheets_of(out / "02.xlsx")
    assert list(february)[:2] == ["현황_표1", "현황_표2"]
    assert february["현황_표1"][0][:2] == ["읍면동", "접수 건수"]  # recorded order kept
    assert february["현황_표2"][0] == ["읍면동", "인구", "세대"]
    assert all(isinstance(row[1], int | float) for row in february["현황_표1"][1:])
    assert not any("예산" in str(cell) for rows in february.values() for row in rows
                   for cell in row)  # fmt: skip


def test_a_renamed_column_in_one_of_two_sheets_stops_the_file_naming_the_closest(tmp_path):
    january = book(tmp_path / "01.xlsx", {"민원": monthly_rows(1), "인구": population_rows(1)})
    recipe, work = tmp_path / "r.json", tmp_path / "work"
    work.mkdir()
    for args in (("tidy", january, "--sheet", "민원", "--out", work / "t1.csv"),
                 ("tidy", january, "--sheet", "인구", "--out", work / "t2.csv"),
                 ("clean", work / "t1.csv", "--out", work / "c1.csv")):  # fmt: skip
        assert run_dadeum(*args, "--save-recipe", recipe).returncode == 0
    rows = monthly_rows(2)
    rows[2] = ["처리 실적" if cell == "처리 건수" else cell for cell in rows[2]]
    months = tmp_path / "in"
    months.mkdir()
    book(months / "02.xlsx", {"민원": rows, "인구": population_rows(2)})
    out = tmp_path / "out"
    result = run_dadeum("recipe", "run", recipe, months, "--out", out)
    assert result.returncode == 1
    status = summary(out)["02.xlsx"]
    assert "'민원' 시트" in status and "'처리 건수' 열이 표에 없습니다" in status
    assert "'처리 실적'" in status
    assert not (out / "02.xlsx").exists() and not list(out.glob(".*.tmp"))
