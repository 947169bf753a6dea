"""Recipes as data: validation, the table form, column matching and replay on drifting tables."""

import copy
import json
from pathlib import Path

import pandas as pd
import pytest

from dadeum.engine.recipe_replay import apply_recipe
from dadeum.engine.recipes import (
    STEP_NAMES,
    TABLE_COLUMNS,
    load_recipe,
    normalize_header,
    recipe_from_table,
    recipe_table,
    resolve_columns,
    validate_recipe,
)
from dadeum.errors import InvalidArgumentError

SCHEMA = Path(__file__).resolve().parent.parent / "dadeum" / "engine" / "recipe.schema.json"
KEY = b"k" * 32

FULL = {
    "dadeum_recipe": 1,
    "name": "읍면동 민원 현황",
    "steps": [
        {"step": "tidy", "header_rows": None, "long": False, "totals": False},
        {"step": "clean", "header": True, "types": {"접수일": "date", "접수 건수": "number"}},
        {"step": "pseudonymize", "columns": {"담당자": "가명", "주소": "일반화:주소:1",
                                             "비고": "삭제"}, "key_name": "민원과"},
        {"step": "tidy", "header_rows": 2, "long": True, "totals": True},
        {"step": "clean", "header": None, "types": {}},
        {"step": "pseudonymize", "columns": {}, "key_name": None},
    ],
}  # fmt: skip

BAD = [
    ("not an object", ["JSON 객체"]),
    ({"name": "x", "steps": [{"step": "clean"}]}, ["'dadeum_recipe'"]),
    ({"dadeum_recipe": 2, "name": "x", "steps": [{"step": "clean"}]}, ["1이어야"]),
    ({"dadeum_recipe": 1, "name": " ", "steps": [{"step": "clean"}]}, ["'name'"]),
    ({"dadeum_recipe": 1, "name": "x", "steps": []}, ["'steps'"]),
    ({"dadeum_recipe": 1, "name": "x", "steps": [{"step": "clean"}], "run": "rm"}, ["'run'"]),
    ({"dadeum_recipe": 1, "name": "x", "steps": ["clean"]}, ["1단계", "JSON 객체"]),
    ({"dadeum_recipe": 1, "name": "x", "steps": [{"step": "eval"}]}, ["1단계", "'step'"]),
    ({"dadeum_recipe": 1, "name": "x", "steps": [{"step": "clean", "code": 1}]}, ["'code'"]),
    (
        {"dadeum_recipe": 1, "name": "x", "steps": [{"step": "clean", "header": "yes"}]},
        ["'header'"],
    ),
    (
        {"dadeum_recipe": 1, "name": "x", "steps": [{"step": "clean", "types": {"a": "money"}}]},
        ["'types'", "'money'"],
    ),
    ({"dadeum_recipe": 1, "name": "x", "steps": [{"step": "clean", "types": ["a"]}]}, ["'types'"]),
    (
        {"dadeum_recipe": 1, "name": "x", "steps": [{"step": "tidy", "header_rows": 0}]},
        ["'header_rows'"],
    ),
    (
        {"dadeum_recipe": 1, "name": "x", "steps": [{"step": "tidy", "header_rows": True}]},
        ["'header_rows'"],
    ),
    ({"dadeum_recipe": 1, "name": "x", "steps": [{"step": "tidy", "long": 1}]}, ["'long'"]),
    ({"dadeum_recipe": 1, "name": "x", "steps": [{"step": "tidy", "totals": None}]}, ["'totals'"]),
    (
        {
            "dadeum_recipe": 1,
            "name": "x",
            "steps": [{"step": "pseudonymize", "columns": {"성명": "암호화"}}],
        },
        ["'성명'", "암호화"],
    ),
    (
        {
            "dadeum_recipe": 1,
            "name": "x",
            "steps": [{"step": "pseudonymize", "columns": {"나이": "일반화"}}],
        },
        ["'나이'"],
    ),
    (
        {"dadeum_recipe": 1, "name": "x", "steps": [{"step": "pseudonymize", "key_name": ""}]},
        ["'key_name'"],
    ),
]


def test_a_full_recipe_is_valid():
    assert validate_recipe(FULL) == []


@pytest.mark.parametrize(("recipe", "words"), BAD)
def test_every_kind_of_bad_recipe_is_named(recipe, words):
    problems = validate_recipe(recipe)
    assert problems
    for word in words:
        assert any(word in problem for problem in problems), (word, problems)


def test_every_problem_is_reported_at_once():
    recipe = {
        "dadeum_recipe": 3,
        "steps": [
            {"step": "clean", "header": 1, "types": {"a": "x"}},
            {"step": "tidy", "long": "no", "header_rows": 99},
            {"step": "unknown"},
        ],
    }
    problems = validate_recipe(recipe)
    assert len(problems) == 7
    assert [p[:3] for p in problems[2:]] == ["1단계", "1단계", "2단계", "2단계", "3단계"]
    with pytest.raises(InvalidArgumentError, match="문제가 7개"):
        load_recipe(json.dumps(recipe))


def test_loading_parses_json_only():
    with pytest.raises(InvalidArgumentError, match="JSON"):
        load_recipe("__import__('os').system('echo hi')")
    assert load_recipe(json.dumps(FULL)) == FULL


def test_json_table_json_round_trip():
    table = recipe_table(FULL)
    assert list(table.columns) == TABLE_COLUMNS
    assert recipe_from_table(table) == FULL
    assert json.dumps(recipe_from_table(table), ensure_ascii=False) == json.dumps(
        FULL, ensure_ascii=False
    )


def test_table_round_trip_through_a_worksheet_shape():
    """Cells come back from Excel as numbers and NaN for blanks."""
    table = recipe_table(FULL).replace("", float("nan"))
    table["단계"] = [float(v) if v == v else v for v in table["단계"]]
    assert recipe_from_table(table) == FULL


def test_table_is_readable_korean():
    table = recipe_table(FULL)
    assert "'접수일'을 날짜로 정리" in table["설명"].tolist()
    assert table["옵션"].iloc[2] == "단계"
    assert table["설명"].iloc[2].startswith(STEP_NAMES["tidy"])


def test_schema_file_is_json_with_the_same_steps():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    steps = {definition["properties"]["step"]["const"] for definition in schema["$defs"].values()
             if "step" in definition["properties"]}  # fmt: skip
    assert steps == set(STEP_NAMES)


def test_schema_agrees_with_the_validator():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert validator.is_valid(FULL)
    for recipe, _ in BAD:
        assert not validator.is_valid(recipe), recipe


def test_normalize_header():
    assert normalize_header(" 접수 건수 ") == normalize_header("접수건수") == "접수건수"
    assert normalize_header("E-Mail") == normalize_header("email")
    assert normalize_header("처리율(%)") == "처리율"


def test_resolve_columns_by_meaning_and_closest_match():
    mapping = resolve_columns(["접수 건수", "담당자"], ["담당 자", "비고", "접수건수"])
    assert mapping == {"접수 건수": "접수건수", "담당자": "담당 자"}
    with pytest.raises(InvalidArgumentError) as caught:
        resolve_columns(["처리 건수"], ["읍면동", "처리건수합", "비고"])
    message = str(caught.value)
    assert "'처리 건수' 열이 표에 없습니다" in message
    assert "가장 비슷한 열은 '처리건수합'" in message


GRID = [
    ["민원 현황", None, None, None],
    ["읍면동", "접수일", "접수 건수", "담당자"],
    ["사직동", "2025.1.3", "1,204", "김민준"],
    ["삼청동", "2025-01-04", "98", "이서연"],
    ["부암동", "20250105", "7", "박도윤"],
]
RECIPE = {
    "dadeum_recipe": 1,
    "name": "현황",
    "steps": [
        {"step": "tidy", "header_rows": None, "long": False, "totals": False},
        {"step": "clean", "header": True, "types": {"접수일": "date", "접수 건수": "number"}},
        {"step": "pseudonymize", "columns": {"담당자": "가명"}, "key_name": None},
    ],
}


def replay(rows, recipe=RECIPE):
    return apply_recipe(pd.DataFrame(rows, dtype=object), recipe, key=KEY)


def test_replay_runs_every_step():
    frame, _ = replay(GRID)
    assert list(frame.columns) == ["읍면동", "접수일", "접수 건수", "담당자"]
    assert frame["접수 건수"].tolist() == [1204, 98, 7]
    assert [d.day for d in frame["접수일"]] == [3, 4, 5]
    assert all(str(v).startswith("P-") for v in frame["담당자"])


def test_replay_survives_added_moved_and_respaced_columns():
    drifted = [
        ["민원 현황", None, None, None, None],
        ["담 당 자", "읍면동", "비고", "접수건수", "접수일"],
        *[[r[3], r[0], "메모", r[2], r[1]] for r in GRID[2:]],
    ]
    frame, _ = replay(drifted)
    expected, _ = replay(GRID)
    assert frame["접수 건수"].tolist() == expected["접수 건수"].tolist()
    assert frame["담당자"].tolist() == expected["담당자"].tolist()
    assert "비고" in frame.columns


def test_replay_stops_on_a_missing_column_with_the_closest_match():
    renamed = [GRID[0], ["읍면동", "접수일자", "접수 건수", "담당자"], *GRID[2:]]
    with pytest.raises(InvalidArgumentError) as caught:
        replay(renamed)
    message = str(caught.value)
    assert message.startswith("2단계(정리)")
    assert "'접수일' 열이 표에 없습니다" in message and "'접수일자'" in message


def test_replay_takes_a_frame_of_records():
    frame = pd.DataFrame(
        {"접수 건수": ["1,000", "20"], "접수일": ["2025-01-02", "2025-01-03"]}, dtype=object
    )
    recipe = {"dadeum_recipe": 1, "name": "x", "steps": [copy.deepcopy(RECIPE["steps"][1])]}
    result, issues = apply_recipe(frame, recipe)
    assert result["접수 건수"].tolist() == [1000, 20]
    assert issues == []


def test_a_changed_type_is_an_issue_not_an_error():
    recipe = copy.deepcopy(RECIPE)
    recipe["steps"][1]["types"] = {"읍면동": "number"}
    _, issues = replay(GRID, recipe)
    assert any(issue.type == "recipe-type-changed" for issue in issues)


def test_replayed_pseudonymisation_carries_its_review_record():
    _, issues = replay(GRID)
    techniques = [i.message for i in issues if i.type == "pseudonymization-technique"]
    assert any(m.startswith("담당자: 가명") for m in techniques)
    assert any(i.type == "pseudonymization-key" and "지문" in i.message for i in issues)
    names = {"김민준", "이서연", "박도윤"}
    assert not any(name in issue.message for issue in issues for name in names)
