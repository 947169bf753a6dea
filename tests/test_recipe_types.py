"""Replay forces the column types a recipe recorded, even when a month's values say otherwise."""

import csv

import pandas as pd

from dadeum.engine.recipe_replay import apply_recipe
from dadeum.samples.monthly import write_monthly
from tests.conftest import run_dadeum

RECIPE = {
    "dadeum_recipe": 1,
    "name": "현황",
    "steps": [
        {"step": "clean", "header": True,
         "types": {"읍면동": "text", "접수 건수": "number", "접수일": "date", "연락처": "phone",
                   "코드": "text"}},
    ],
}  # fmt: skip
HEADER = ["읍면동", "접수 건수", "접수일", "연락처", "코드"]


def replay(body):
    grid = pd.DataFrame([HEADER, *body], dtype=object)
    frame, issues = apply_recipe(grid, RECIPE)
    return frame, issues


def of_type(issues, kind):
    return [issue for issue in issues if issue.type == kind]


def test_a_normal_month_needs_no_forcing():
    frame, issues = replay([
        ["사직동", "1,204", "2025-03-02", "02-2148-5001", "04524"],
        ["삼청동", "98", "2025.3.4", "02-2148-5002", "04525"],
        ["부암동", "7", "20250305", "02-2148-5003", "04526"],
    ])  # fmt: skip
    assert frame["접수 건수"].tolist() == [1204, 98, 7]
    assert not of_type(issues, "recipe-type-changed")


def test_a_number_column_of_placeholders_becomes_blank_numbers():
    """A month with no figures yet: every cell is '-' and would be read as text."""
    frame, issues = replay([
        ["사직동", "-", "2025-03-02", "02-2148-5001", "04524"],
        ["삼청동", "-", "2025-03-03", "02-2148-5002", "04525"],
        ["부암동", None, "2025-03-04", "02-2148-5003", "04526"],
    ])  # fmt: skip
    assert frame["접수 건수"].tolist() == [None, None, None]
    changed = of_type(issues, "recipe-type-changed")
    assert len(changed) == 1 and "'접수 건수'" in changed[0].message
    assert "값이 모두 비어 있거나" in changed[0].message and "숫자" in changed[0].message
    placeholders = of_type(issues, "placeholder")
    assert [issue.cell for issue in placeholders] == ["B2", "B3"]


def test_a_mostly_text_number_column_converts_what_it_can_and_lists_the_rest():
    frame, issues = replay([
        ["사직동", "확인 필요", "2025-03-02", "02-2148-5001", "04524"],
        ["삼청동", "집계 중", "2025-03-03", "02-2148-5002", "04525"],
        ["부암동", "1,050", "2025-03-04", "02-2148-5003", "04526"],
        ["평창동", "미제출", "2025-03-05", "02-2148-5004", "04527"],
    ])  # fmt: skip
    assert frame["접수 건수"].tolist() == ["확인 필요", "집계 중", 1050, "미제출"]
    failed = of_type(issues, "not-a-number")
    assert [(issue.cell, issue.value) for issue in failed] == [
        ("B2", "확인 필요"), ("B3", "집계 중"), ("B5", "미제출")]  # fmt: skip
    assert "1칸 변환" in of_type(issues, "recipe-type-changed")[0].message
    assert "3칸" in of_type(issues, "recipe-type-changed")[0].message


def test_dates_and_phones_are_forced_too():
    frame, issues = replay([
        ["사직동", "1", "추후 결정", "없음", "04524"],
        ["삼청동", "2", "미정", "02-2148-5002", "04525"],
        ["부암동", "3", "2025.3.4", "담당 부재", "04526"],
        ["평창동", "4", "보류", "모름", "04527"],
    ])  # fmt: skip
    assert frame["접수일"].tolist() == ["추후 결정", None, pd.Timestamp(2025, 3, 4), "보류"]
    assert frame["연락처"].tolist() == [None, "02-2148-5002", "담당 부재", "모름"]
    assert {issue.cell for issue in of_type(issues, "not-a-date")} == {"C2", "C5"}
    assert {issue.cell for issue in of_type(issues, "not-a-phone")} == {"D4", "D5"}
    # "미정" and "없음" mean no value: blank, and listed.
    assert {issue.cell for issue in of_type(issues, "placeholder")} == {"C3", "D2"}
    names = {issue.message.split("'")[1] for issue in of_type(issues, "recipe-type-changed")}
    assert names == {"접수일", "연락처"}


def test_a_text_column_stays_text_when_a_month_looks_numeric():
    """코드 was recorded as text (zero-padded codes); this month they all arrive as numbers."""
    frame, issues = replay([
        ["사직동", "1", "2025-03-02", "02-2148-5001", 4524],
        ["삼청동", "2", "2025-03-03", "02-2148-5002", 4525.0],
        ["부암동", "3", "2025-03-04", "02-2148-5003", 4526],
    ])  # fmt: skip
    assert frame["코드"].tolist() == ["4524", "4525", "4526"]
    assert [i.message.split("'")[1] for i in of_type(issues, "recipe-type-changed")] == ["코드"]


def test_replay_of_a_month_with_a_blank_column_keeps_numbers_in_the_combined_table(tmp_path):
    """Record on January; in March (a CSV) 처리 건수 was not filled in yet: '-' everywhere."""
    files = write_monthly(tmp_path / "in")
    recipe, work = tmp_path / "r.json", tmp_path / "work"
    work.mkdir()
    for command, source, target in [("tidy", files[0], work / "t.csv"),
                                     ("clean", work / "t.csv", work / "c.csv")]:  # fmt: skip
        result = run_dadeum(command, source, "--out", target, "--save-recipe", recipe)
        assert result.returncode == 0, result.stderr
    with open(files[2], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[2].index("처리 건수")
    for row in rows[3:15]:
        row[column] = "-"
    with open(files[2], "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)

    out, combined = tmp_path / "out", tmp_path / "all.csv"
    result = run_dadeum("recipe", "run", recipe, files[1], files[2], "--out", out,
                        "--combine", combined)  # fmt: skip
    assert result.returncode == 0, result.stderr
    stacked = pd.read_csv(combined, encoding="utf-8-sig")
    march = stacked[stacked["원본파일"] == files[2].name]
    assert march["처리 건수"].isna().all() and len(march) == 12
    assert pd.api.types.is_numeric_dtype(stacked["처리 건수"])  # February's numbers, March blank
    with open(out / f"{files[2].stem}_확인.csv", encoding="utf-8-sig", newline="") as handle:
        review = list(csv.DictReader(handle))
    kinds = [row["유형"] for row in review]
    assert kinds.count("placeholder") == 12
    assert any(row["유형"] == "recipe-type-changed" and "'처리 건수'" in row["설명"]
               for row in review)  # fmt: skip
