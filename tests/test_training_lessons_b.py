"""Lessons 6 (교통량 예측), 7 (민원 건수 예측) and 8 (레시피): the formulas they teach earn a ✓.

Every formula a lesson shows with a Dadeum function is evaluated on the exercise's own cells
through the real custom-function path (the JSON body Office.js posts, run by xlwings Server);
the spreadsheet functions around it (ROWS, INDEX, MATCH, ROUND, SUM) are applied to the
spilled result as Excel applies them. Formulas of standard functions only are typed into a
built workbook and recalculated by LibreOffice. The recipe lesson's run summary is checked
against a real ``dadeum recipe run`` on the same twelve files.
"""

import asyncio
import base64
import csv
import datetime as dt
import json
import math
import re
import secrets

import custom_functions
import pandas as pd
import pytest
import xlwings.server
from openpyxl import load_workbook

from dadeum.engine.recipes import recipe_from_table, validate_recipe
from dadeum.samples.monthly import write_monthly
from tests.conftest import office_js_call, run_dadeum
from training.builder import CORRECT, KEY_SHEET, build_all, build_lesson, effective_tolerance
from training.checker import grade, judge
from training.lessons import l06_traffic as l06
from training.lessons import l07_complaints as l07
from training.lessons import l08_recipes as l08
from training.libreoffice import recalculate

LESSONS = (l06.LESSON, l07.LESSON, l08.LESSON)
EXCEL_ORIGIN = dt.datetime(1899, 12, 30)
CALL = re.compile(r"DADEUM\.([A-Z_]+)\(([^()]*)\)")
RANGE = re.compile(r"^([A-Z])(\d+):([A-Z])(\d+)$")
FIRST = 5  # any sheet row works: ranges are read back from the exercise's own rows


# --- the Excel side, as Office.js and Excel do it ------------------------------------------


def _office_value(value):
    """A cell as Office.js sends it: dates and date-times as serial numbers."""
    if isinstance(value, dt.datetime):
        return (value - EXCEL_ORIGIN) / dt.timedelta(days=1)
    if isinstance(value, dt.date):
        return float((value - EXCEL_ORIGIN.date()).days)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    return value


def _excel_value(value):
    """A spilled cell as Excel holds it: a date comes back as a formatted serial number."""
    if isinstance(value, dict):
        return value["basicValue"]
    return value


_spills: dict[str, list[list]] = {}


def _call(name: str, args: list) -> list[list]:
    key = json.dumps([name, args], default=str)
    if key not in _spills:
        body = office_js_call(name.lower(), *args)
        result = asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))
        _spills[key] = [[_excel_value(cell) for cell in row] for row in result]
    return _spills[key]


def _argument(text: str, exercise, first: int) -> list[list]:
    text = text.strip()
    found = RANGE.match(text)
    if found:
        col1, row1, col2, row2 = found.groups()
        assert col1 == col2, f"one column expected: {text}"
        assert int(row1) == first and int(row2) == first + len(exercise.rows) - 1, text
        column = ord(col1) - ord("A")
        return [[_office_value(row[column])] for row in exercise.rows]
    if text.startswith('"'):
        return [[text.strip('"')]]
    return [[float(text)]]


def _rows(spill):
    return len(spill)


def _index(spill, row, column):
    if row == 0:
        return [line[column - 1] for line in spill]
    if column == 0:
        return list(spill[row - 1])
    return spill[row - 1][column - 1]


def _round(value, digits):
    factor = 10**digits
    return math.copysign(math.floor(abs(value) * factor + 0.5) / factor, value)


def _numbers(values):
    # SUM and MIN over an array skip its text (the spilled header row) and logicals.
    return [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]


def _sum(values):
    return sum(_numbers(values))


def _match(value, values, kind):
    assert kind == 0
    return values.index(value) + 1


def evaluate(formula: str, exercise, first: int = FIRST):
    """The value Excel shows for ``formula`` (the lesson's template) over the exercise."""
    shown = formula.format(first=first, last=first + len(exercise.rows) - 1)
    spills = {}

    def spill(match):
        args = [_argument(a, exercise, first) for a in match.group(2).split(",")]
        name = f"SPILL{len(spills)}"
        spills[name] = _call(match.group(1), args)
        return name

    expression = CALL.sub(spill, shown.lstrip("="))
    names = {"ROWS": _rows, "INDEX": _index, "ROUND": _round, "SUM": _sum, "MATCH": _match}
    names["MIN"] = lambda values: min(_numbers(values))
    return eval(expression, {"__builtins__": {}}, {**names, **spills})


def _dadeum_questions():
    for lesson in LESSONS:
        for number, step in enumerate(lesson.steps, start=1):
            for q, question in enumerate(step.exercise.questions, start=1):
                if question.formula and "DADEUM." in question.formula:
                    yield pytest.param(step.exercise, question, id=f"{lesson.number}-{number}-{q}")


@pytest.mark.parametrize(("exercise", "question"), list(_dadeum_questions()))
def test_the_taught_dadeum_formula_earns_a_check_mark(exercise, question):
    value = evaluate(question.formula, exercise)
    check = question.check
    assert judge(check.kind, check.expected, effective_tolerance(check), value) == CORRECT, (
        f"{question.formula} gives {value!r}, the key expects {check.expected!r}"
    )


def test_every_dadeum_function_of_these_lessons_is_shown_in_a_formula():
    assert l06.LESSON.functions() == {"FORECAST_TRAFFIC", "FORECAST_ACCURACY"}
    assert l07.LESSON.functions() == {"COUNT_BY_PERIOD", "FORECAST_COMPLAINTS"}
    assert l08.LESSON.functions() == set()
    shown = {m for lesson in LESSONS for step in lesson.steps
             for q in step.exercise.questions if q.formula
             for m in re.findall(r"DADEUM\.([A-Z_]+)\(", q.formula)}  # fmt: skip
    assert shown == l06.LESSON.functions() | l07.LESSON.functions()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"{lesson.number:02d}")
def test_lesson_builds_the_same_bytes_twice(lesson):
    assert 3 <= len(lesson.steps) <= 4
    assert 15 <= lesson.minutes <= 40
    assert build_lesson(lesson) == build_lesson(lesson)
    assert build_lesson(lesson, solved=True) != build_lesson(lesson)


# --- the data says what the lessons say ----------------------------------------------------


def test_traffic_lesson_facts_come_from_the_series():
    s = l06.SERIES
    # 추석 2023 and 설날 2024 are the quietest days of their weeks.
    assert l06.WEEKS.idxmin() in pd.date_range("2023-09-28", "2023-09-30")
    assert s["2024-02-10"] < 0.7 * s["2024-02-03"]
    # Step 2's naive forecast is the value seven days earlier, shown as data.
    step2 = l06.LESSON.steps[1].exercise
    for day, _, actual, before in step2.rows:
        assert actual == s[pd.Timestamp(day)]
        assert before == s[pd.Timestamp(day) - pd.Timedelta(days=7)]


def test_traffic_lesson_claims_about_short_history_hold():
    """Step 4 says: with ten weeks and no 명절, the calendar model scores worst."""
    short = l06.SHORT_ACCURACY.set_index("모델")["MASE"]
    assert short.idxmax() == "달력 회귀(공휴일·명절)"
    long = l06.ACCURACY.set_index("모델")["MASE"]
    assert long["달력 회귀(공휴일·명절)"] < long["계절 단순 예측"]
    # The 설날 forecast is far below an ordinary Saturday: the model knows the holiday.
    table = l06.RESULT.table.set_index("날짜")["예측"]
    assert table[pd.Timestamp("2024-02-10")] < 0.85 * table[pd.Timestamp("2024-02-03")]


def test_complaint_lesson_counts_match_the_register():
    register = l07.REGISTER
    assert list(register.columns) == ["접수번호", "접수일시", "민원 종류"]
    days = pd.to_datetime(register["접수일시"]).dt.normalize()
    assert days.min() == pd.Timestamp("2024-09-09") and days.max() == pd.Timestamp("2024-09-20")
    assert (days == pd.Timestamp("2024-09-17")).sum() == 0  # 추석
    # The after-holiday spike the lesson teaches is in both data sets.
    assert l07.PER_DAY[l07.AFTER_CHUSEOK] == l07.PER_DAY.max()
    assert l07.AROUND.idxmax() == pd.Timestamp("2024-09-19")
    forecast = l07.RESULT.table.set_index("날짜")["예측"]
    assert (forecast >= 0).all()
    assert forecast[l07.AFTER_SEOLLAL] > forecast[pd.Timestamp("2025-01-24")]


def test_recipe_table_is_a_valid_recipe_and_reads_back():
    assert validate_recipe(l08.RECIPE) == []
    assert recipe_from_table(l08.TABLE) == l08.RECIPE


def test_recipe_summary_is_what_recipe_run_writes(tmp_path):
    inputs = tmp_path / "받은파일"
    write_monthly(inputs)
    recipe = tmp_path / "현황.recipe.json"
    recipe.write_text(json.dumps(l08.RECIPE, ensure_ascii=False), encoding="utf-8")
    key = tmp_path / "기관.key"
    key.write_text(base64.b64encode(secrets.token_bytes(32)).decode(), encoding="ascii")
    out = tmp_path / "결과"
    done = run_dadeum("recipe", "run", recipe, inputs, "--out", out, "--key-file", key, "--quiet")
    expected_code = 1 if any(row[4] != "완료" for row in l08.SUMMARY) else 0
    assert done.returncode == expected_code, done.stderr
    with open(out / "레시피_결과.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == l08.SUMMARY_COLUMNS
    shown = [tuple("" if v == "" else str(v) for v in row) for row in l08.SUMMARY]
    assert [tuple(row) for row in rows[1:]] == shown


# --- standard formulas in a real spreadsheet -----------------------------------------------


@pytest.fixture(scope="module")
def typed_formulas(tmp_path_factory):
    """Each lesson with every formula it shows that needs no add-in typed into its answer cell,
    recalculated by LibreOffice; returns (cells typed, grade) per lesson."""
    folder = tmp_path_factory.mktemp("lessons_b")
    typed = {}
    paths = build_all(LESSONS, folder / "built")
    for lesson, path in zip(LESSONS, paths, strict=True):
        book = load_workbook(path)
        key = [row for row in book[KEY_SHEET].iter_rows(min_row=2, values_only=True) if row[0]]
        cells = []
        slots = iter(key)
        for step in lesson.steps:
            exercise = step.exercise
            for _ in exercise.row_checks:
                sheet, cell = next(slots)[:2]
                row = int(re.sub(r"\D", "", cell))
                if exercise.row_formula and "DADEUM." not in exercise.row_formula:
                    book[sheet][cell] = exercise.row_formula.format(row=row)
                    cells.append((sheet, cell))
            for _ in exercise.questions:
                sheet, cell = next(slots)[:2]
                row = int(re.sub(r"\D", "", cell))
                prompt = str(book[sheet].cell(row=row, column=1).value)
                formula = prompt.split("수식 예: ")[1].strip() if "수식 예: " in prompt else ""
                if formula and "DADEUM." not in formula:
                    book[sheet][cell] = formula
                    cells.append((sheet, cell))
        book.save(path)
        typed[lesson.number] = (path, cells)
    recalculated = recalculate([path for path, _ in typed.values()], folder / "recalculated")
    return {
        number: (cells, grade(result))
        for (number, (_, cells)), result in zip(typed.items(), recalculated, strict=True)
    }


@pytest.mark.needs("libreoffice")
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"{lesson.number:02d}")
def test_standard_formulas_earn_a_check_mark_in_libreoffice(typed_formulas, lesson):
    cells, result = typed_formulas[lesson.number]
    assert cells, "the lesson shows no spreadsheet formula"
    status = {(a.sheet, a.cell): a.status for a in result.answers}
    wrong = [cell for cell in cells if status[cell] != CORRECT]
    assert wrong == [], f"formulas that do not earn ✓: {wrong}"
