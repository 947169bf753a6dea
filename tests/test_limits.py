"""Size limits on series, horizons and recipes (``dadeum.limits``): refused early, in Korean,
with a short message. The hostile whole-file cases run in ``test_hostile_files.py``."""

import asyncio
import datetime as dt
import json

import custom_functions
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server

from dadeum.engine.forecast.driver import forecast
from dadeum.engine.forecast.series import count_by_period, period_count, prepare_series
from dadeum.engine.recipes import load_recipe, recipe_from_table
from dadeum.errors import InvalidArgumentError
from dadeum.limits import MAX_PERIODS, MAX_RECIPE_BYTES, MAX_RECIPE_STEPS
from dadeum.reports.recipe import recipe_from_cells, recipe_rows
from tests.conftest import office_js_call

HOURS = [dt.datetime(2024, 1, 1) + dt.timedelta(hours=i) for i in range(48)]


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


# --- series span and horizon -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "freq", "expected"),
    [
        ("2024-01-01 00:00", "2024-01-01 23:00", "h", 24),
        ("2024-01-01", "2024-12-31", "D", 366),
        ("2024-01-01", "2024-12-30", "W", 53),
        ("2024-01-01", "2025-03-01", "MS", 15),
    ],
)
def test_period_count_matches_the_date_range_it_stands_for(first, last, freq, expected):
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    built = pd.date_range(first, last, freq="W-MON" if freq == "W" else freq)
    assert period_count(first, last, freq) == len(built) == expected


def test_a_daily_span_past_the_limit_is_refused_with_the_limit_and_what_to_do():
    # 1900 → 2200 is about 110,000 days: just past the limit, small enough to build.
    dates = [dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)]
    with pytest.raises(InvalidArgumentError, match=f"{MAX_PERIODS:,}기간까지") as error:
        count_by_period(dates, "day")
    assert "잘못 입력된 날짜" in str(error.value)


def test_an_hourly_series_with_one_date_in_9999_is_refused_before_filling():
    dates = [*HOURS, dt.datetime(9999, 12, 31)]
    with pytest.raises(InvalidArgumentError, match="9999-12-31"):
        prepare_series(dates, list(range(len(dates))))


def test_a_long_but_allowed_span_still_counts():
    first = dt.datetime(2000, 1, 1)
    table = count_by_period([first, first + dt.timedelta(days=MAX_PERIODS - 1)], "day")
    assert len(table) == MAX_PERIODS and table["건수"].sum() == 2


@pytest.mark.parametrize("horizon", [10**400, "9" * 400, 1e300])
def test_an_enormous_horizon_is_a_korean_error_naming_the_limit(horizon):
    with pytest.raises(InvalidArgumentError, match="1,488기간까지만") as error:
        forecast(HOURS * 2, list(range(96)), horizon)
    assert len(str(error.value)) < 120


def test_count_by_period_in_excel_shows_the_limit_as_a_cell_error():
    with pytest.raises(xw.XlwingsError, match="100,000기간까지"):
        call("count_by_period", [[1.0], [2958465.0]], [["day"]])


# --- recipes -------------------------------------------------------------------------------


def _recipe(**extra):
    return {"dadeum_recipe": 1, "name": "현황", "steps": [{"step": "clean"}], **extra}


def test_a_recipe_sheet_step_number_far_too_large_is_refused_at_once():
    rows = recipe_rows(_recipe())
    rows.append([10_000_000, "", "단계", "clean", ""])
    with pytest.raises(InvalidArgumentError, match=f"1~{MAX_RECIPE_STEPS}의 정수") as error:
        recipe_from_cells(rows)
    assert len(str(error.value)) < 200


@pytest.mark.parametrize("number", ["셋째", 0, -3, 2.5, "1e400"])
def test_a_recipe_sheet_step_number_must_be_a_small_whole_number(number):
    frame = pd.DataFrame(recipe_rows(_recipe())[1:], columns=recipe_rows(_recipe())[0])
    frame.loc[len(frame)] = [number, "", "단계", "clean", ""]
    with pytest.raises(InvalidArgumentError, match="단계 번호"):
        recipe_from_table(frame)


def test_too_many_steps_are_refused_with_the_limit():
    data = _recipe(steps=[{"step": "clean"}] * (MAX_RECIPE_STEPS + 1))
    with pytest.raises(InvalidArgumentError, match=f"{MAX_RECIPE_STEPS}개까지"):
        load_recipe(json.dumps(data))


def test_many_problems_are_listed_first_few_and_counted():
    data = _recipe(steps=[{"step": "clean", "header": "예"}] * 50)
    with pytest.raises(InvalidArgumentError, match="문제가 50개") as error:
        load_recipe(json.dumps(data))
    assert "외 40개" in str(error.value)
    assert len(str(error.value)) < 2_000


def test_a_huge_value_is_quoted_short_in_the_message():
    data = _recipe(steps=[{"step": "tidy", "header_rows": list(range(100_000))}])
    with pytest.raises(InvalidArgumentError, match="header_rows") as error:
        load_recipe(json.dumps(data))
    assert len(str(error.value)) < 300


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ({"step": "clean", "types": {f"열{i}": "text" for i in range(2_001)}}, "2,000개까지"),
        ({"step": "clean", "types": {"열" * 501: "text"}}, "500자까지"),
        ({"step": "pseudonymize", "key_name": "k" * 501}, "500자까지"),
    ],
)
def test_columns_per_step_and_text_lengths_are_bounded(step, problem):
    with pytest.raises(InvalidArgumentError, match=problem):
        load_recipe(json.dumps(_recipe(steps=[step])))


def test_a_long_recipe_name_is_refused():
    with pytest.raises(InvalidArgumentError, match="500자까지"):
        load_recipe(json.dumps(_recipe(name="가" * 501)))


def test_an_oversized_recipe_text_is_refused_before_parsing():
    text = json.dumps(_recipe()) + " " * MAX_RECIPE_BYTES
    with pytest.raises(InvalidArgumentError, match="너무 큽니다"):
        load_recipe(text)


def test_a_deeply_nested_recipe_is_a_json_error_not_a_recursion_error():
    with pytest.raises(InvalidArgumentError, match="올바른 JSON이 아닙니다"):
        load_recipe("[" * 100_000 + "]" * 100_000)


def test_a_deeply_nested_json_cell_in_the_recipe_sheet_is_a_korean_error():
    rows = recipe_rows(_recipe())
    rows.append([1, "", "머리글", "[" * 100_000, ""])
    with pytest.raises(InvalidArgumentError, match="레시피 표에 문제가"):
        recipe_from_cells(rows)


def test_a_recipe_sheet_with_too_much_text_is_refused():
    rows = recipe_rows(_recipe())
    rows += [["", "", "설명", "가" * 1_000, ""]] * 1_001
    with pytest.raises(InvalidArgumentError, match="너무 큽니다"):
        recipe_from_cells(rows)


def test_a_400_digit_horizon_in_excel_is_a_cell_error_not_a_server_error():
    dates = [[45292.0 + d] for d in range(60)]
    values = [[float(100 + d % 7)] for d in range(60)]
    with pytest.raises(xw.XlwingsError, match="731기간까지만"):
        call("forecast_traffic", dates, values, [[10**400]])


def test_the_schema_states_the_same_bounds_as_the_validator():
    from dadeum.limits import MAX_RECIPE_COLUMNS, MAX_RECIPE_SHEETS, MAX_RECIPE_TEXT
    from tests.test_recipes import SCHEMA

    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["steps"]["maxItems"] == MAX_RECIPE_STEPS
    assert schema["properties"]["sheets"]["maxItems"] == MAX_RECIPE_SHEETS
    validator = jsonschema.Draft202012Validator(schema)
    too_big = [
        _recipe(steps=[{"step": "clean"}] * (MAX_RECIPE_STEPS + 1)),
        _recipe(name="가" * (MAX_RECIPE_TEXT + 1)),
        _recipe(steps=[{"step": "clean", "types": {"열" * (MAX_RECIPE_TEXT + 1): "text"}}]),
        _recipe(
            steps=[
                {"step": "clean", "types": {str(i): "text" for i in range(MAX_RECIPE_COLUMNS + 1)}}
            ]
        ),
        _recipe(steps=[{"step": "pseudonymize", "key_name": "k" * (MAX_RECIPE_TEXT + 1)}]),
        _recipe(sheets=[{"name": "a", "position": MAX_RECIPE_SHEETS + 1}]),
        _recipe(
            sheets=[
                {"name": "a", "tables": [{"title": "t" * (MAX_RECIPE_TEXT + 1), "columns": []}]}
            ]
        ),
    ]
    for recipe in too_big:
        assert not validator.is_valid(recipe), str(recipe)[:80]
        with pytest.raises(InvalidArgumentError):
            load_recipe(json.dumps(recipe))
    assert validator.is_valid(_recipe(steps=[{"step": "clean"}] * MAX_RECIPE_STEPS))


def test_an_unreadable_long_date_is_quoted_short_in_the_message():
    with pytest.raises(InvalidArgumentError, match="날짜로 읽을 수 없는 값이 1개") as error:
        count_by_period(["2024-01-01", "가" * 30_000], "day")
    assert len(str(error.value)) < 300
