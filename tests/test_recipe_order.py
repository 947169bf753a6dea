"""A replayed recipe writes the recorded columns in the recorded order (issue #16, item 4)."""

import csv

import pandas as pd
import pytest

from dadeum.engine.recipe_replay import apply_recipe, replay_grid
from dadeum.engine.recipes import recipe_from_table, recipe_table, validate_recipe
from dadeum.errors import InvalidArgumentError
from tests.conftest import run_dadeum

RECORDED = ["읍면동", "접수일", "접수 건수"]
RECIPE = {
    "dadeum_recipe": 1,
    "name": "현황",
    "steps": [
        {"step": "clean", "header": True,
         "types": {"읍면동": "text", "접수일": "date", "접수 건수": "number"},
         "order": RECORDED},
    ],
}  # fmt: skip
MOVED = [
    ["접수건수", "비고", "읍 면 동", "접수일"],
    ["1,204", "메모", "사직동", "2025.1.3"],
    ["98", None, "삼청동", "2025-01-04"],
]


def test_replay_keeps_the_recorded_order_and_names_and_reports_a_new_column():
    frame, issues = apply_recipe(pd.DataFrame(MOVED, dtype=object), RECIPE)
    assert list(frame.columns) == [*RECORDED, "비고"]
    assert frame["접수 건수"].tolist() == [1204, 98]
    assert frame["읍면동"].tolist() == ["사직동", "삼청동"]
    extra = [i for i in issues if i.type == "recipe-extra-column"]
    assert [i.value for i in extra] == ["비고"]
    assert "'비고'가" in extra[0].message


def test_without_a_recorded_order_the_file_order_stays():
    recipe = {**RECIPE, "steps": [{k: v for k, v in RECIPE["steps"][0].items() if k != "order"}]}
    frame, issues = apply_recipe(pd.DataFrame(MOVED, dtype=object), recipe)
    assert list(frame.columns) == ["접수 건수", "비고", "읍면동", "접수일"]
    assert "recipe-extra-column" not in {i.type for i in issues}


def test_a_recorded_column_missing_from_the_file_is_named_with_the_closest_header():
    recipe = {**RECIPE, "steps": [{**RECIPE["steps"][0], "order": [*RECORDED, "담당자"]}]}
    grid = [[*MOVED[0][:1], "담당", *MOVED[0][2:]], *MOVED[1:]]
    with pytest.raises(InvalidArgumentError) as caught:
        apply_recipe(pd.DataFrame(grid, dtype=object), recipe)
    message = str(caught.value)
    assert "'담당자' 열이 표에 없습니다" in message and "'담당'" in message


def test_a_tidy_step_keeps_the_recorded_table_columns_in_order():
    step = {"step": "tidy", "header_rows": None, "long": False, "totals": False}
    recipe = {"dadeum_recipe": 1, "name": "x", "steps": [step]}
    grid = pd.DataFrame([["지역", "인구", "세대"], ["가", 10, 5], ["나", 20, 9]], dtype=object)
    selector = {"title": None, "columns": ["지역", "세대", "인구"]}
    part = replay_grid(grid, recipe, tables=[selector])[0]
    assert list(part.frame.columns) == ["지역", "세대", "인구"]
    assert part.frame["인구"].tolist() == [10, 20]


def test_order_is_validated_and_survives_the_table_form():
    bad = {**RECIPE, "steps": [{**RECIPE["steps"][0], "order": "읍면동"}]}
    assert any("'order'" in p for p in validate_recipe(bad))
    assert recipe_from_table(recipe_table(RECIPE)) == RECIPE


def test_recorded_on_csv_replayed_on_a_reordered_xlsx(tmp_path):
    from openpyxl import Workbook

    january = tmp_path / "1월.csv"
    with open(january, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["읍면동", "접수일", "접수 건수"],
                                      ["사직동", "2025-01-03", "1,204"],
                                      ["삼청동", "2025-01-04", "98"]])  # fmt: skip
    recipe = tmp_path / "r.json"
    result = run_dadeum("clean", january, "--out", tmp_path / "c.csv", "--save-recipe", recipe)
    assert result.returncode == 0, result.stderr
    february = tmp_path / "in" / "2월.xlsx"
    february.parent.mkdir()
    book = Workbook()
    for row in [["접수 건수", "읍면동", "비고", "접수일"], [7, "부암동", "메모", "2025-02-05"]]:
        book.active.append(row)
    book.save(february)
    out = tmp_path / "out"
    result = run_dadeum("recipe", "run", recipe, february, "--out", out)
    assert result.returncode == 0, result.stderr
    written = pd.read_excel(out / "2월.xlsx", sheet_name=0, dtype=str, engine="openpyxl")
    assert list(written.columns) == ["읍면동", "접수일", "접수 건수", "비고"]
    assert written.iloc[0].tolist()[:1] == ["부암동"]
