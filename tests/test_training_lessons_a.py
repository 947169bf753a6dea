"""Lessons 3-5: every taught Dadeum formula, run on the exercise's own cells, earns a ✓.

The formulas are evaluated by calling the custom functions themselves (the plain Python
functions behind ``=DADEUM.…``), wrapped the way the shown formula wraps them (SUM, COUNT,
INDEX, ROWS …), and the result is judged by the grader's rule for that answer cell.
"""

import datetime as dt
import io
from collections import Counter

import pandas as pd
import pytest
import xlwings as xw
from openpyxl import load_workbook

import udfs
from training.builder import CORRECT, KEY_SHEET, build_lesson, effective_tolerance
from training.checker import judge
from training.lessons import l03_numbers_dates as l03
from training.lessons import l04_tidy as l04
from training.lessons import l05_privacy as l05
from training.model import Check

LESSONS = (l03.LESSON, l04.LESSON, l05.LESSON)


def earns(check: Check, value) -> bool:
    """The grader's verdict on ``value`` typed (or computed) into this answer cell."""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    return judge(check.kind, check.expected, effective_tolerance(check), value) == CORRECT


def one(result):
    """A single-cell call's value (custom functions return a 1×1 range)."""
    assert len(result) == 1 and len(result[0]) == 1, result
    return result[0][0]


def column(result) -> list:
    return [row[0] for row in result]


def is_error(call) -> bool:
    """How Excel's ISERROR sees a single-cell call: a raised error shows as #VALUE!."""
    try:
        value = one(call())
    except xw.XlwingsError:
        return True
    return isinstance(value, str) and value.startswith("#")


def step(lesson, index):
    return lesson.steps[index - 1]


def exercise_column(exercise, index):
    return [[row[index]] for row in exercise.rows]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"lesson{lesson.number}")
def test_lesson_builds_with_an_answer_cell_per_check(lesson):
    book = load_workbook(io.BytesIO(build_lesson(lesson, solved=True)))
    assert book.sheetnames[0] == "시작" and book[KEY_SHEET].sheet_state == "veryHidden"
    checks = sum(len(s.exercise.row_checks) + len(s.exercise.questions) for s in lesson.steps)
    assert book[KEY_SHEET].max_row - 1 == checks
    assert 3 <= len(lesson.steps) <= 4 and 15 <= lesson.minutes <= 40


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: f"lesson{lesson.number}")
def test_lessons_use_only_functions_that_exist(lesson):
    names = {name.upper() for name in udfs.__all__}
    assert lesson.functions() and lesson.functions() <= names


# --- Lesson 3: TO_NUMBER, TO_DATE ------------------------------------------------------------


def test_l03_to_number_earns_every_budget_answer():
    exercise = step(l03.LESSON, 1).exercise
    assert exercise.row_formula == "=DADEUM.TO_NUMBER(B{row})"
    values = column(udfs.to_number(exercise_column(exercise, 1)))
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, values, strict=True))
    total, plain_sum = exercise.questions[1].check, exercise.questions[0].check
    assert earns(total, sum(values))
    # SUM over the text column adds only the cells that already were numbers.
    raw = [row[1] for row in exercise.rows]
    assert earns(plain_sum, sum(v for v in raw if isinstance(v, int | float)))
    assert not earns(plain_sum, sum(values))


def test_l03_signs_percentages_and_symbols():
    exercise = step(l03.LESSON, 2).exercise
    changes = column(udfs.to_number(exercise_column(exercise, 1)))
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, changes, strict=True))
    total, count, fourth = (q.check for q in exercise.questions)
    assert earns(total, sum(changes))
    rates = column(udfs.to_number(exercise_column(exercise, 2)))
    assert "COUNT(DADEUM.TO_NUMBER(" in exercise.questions[1].formula
    assert earns(count, sum(isinstance(v, float) for v in rates))  # symbols come back blank
    assert "" in rates
    assert earns(fourth, rates[3])


def test_l03_to_date_earns_every_received_date():
    exercise = step(l03.LESSON, 3).exercise
    assert exercise.row_formula == "=DADEUM.TO_DATE(B{row})"
    days = column(udfs.to_date(exercise_column(exercise, 1)))
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, days, strict=True))
    latest, march = (q.check for q in exercise.questions)
    assert earns(latest, max(days))
    assert earns(march, sum(day.month == 3 for day in days))


def test_l03_processing_days_from_two_text_dates():
    exercise = step(l03.LESSON, 4).exercise
    assert exercise.row_formula == "=DADEUM.TO_DATE(C{row})-DADEUM.TO_DATE(B{row})"
    got = column(udfs.to_date(exercise_column(exercise, 1)))
    done = column(udfs.to_date(exercise_column(exercise, 2)))
    # Excel subtracts serial numbers: whole days here, since no cell carries a time.
    spans = [(b - a) / dt.timedelta(days=1) for a, b in zip(got, done, strict=True)]
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, spans, strict=True))
    late, average, impossible = (q.check for q in exercise.questions)
    assert earns(late, sum(span > l03.DEADLINE_DAYS for span in spans))
    assert earns(average, round(sum(spans) / len(spans), 2))
    assert earns(impossible, is_error(lambda: udfs.to_date([["2025.2.30"]])))


# --- Lesson 4: TIDY, UNPIVOT, MR_CHECK ------------------------------------------------------


def table_range(exercise) -> list[list]:
    """The cells ``A{first}:…{last}``: the exercise's rows, header row first."""
    return [list(row) for row in exercise.rows]


def test_l04_status_table_has_the_shape_the_lesson_describes():
    exercise = step(l04.LESSON, 1).exercise
    header, sub = exercise.rows[1], exercise.rows[2]
    assert header[0] == "구분" and header[2] is None and sub[0] is None  # merged cells
    assert exercise.rows[3][0] == "합계" and exercise.rows[-1][0].startswith("주:")
    assert any(isinstance(v, str) and "," in v for v in exercise.rows[4][1:])  # numbers as text


def test_l04_tidy_questions():
    exercise = step(l04.LESSON, 2).exercise
    result = udfs.tidy(table_range(exercise))
    rows, cols, men_2024 = (q.check for q in exercise.questions)
    assert earns(rows, len(result))
    assert earns(cols, len(result[0]))
    assert earns(men_2024, sum(r[1] for r in result[1:]))  # SUM skips the header text
    # Counting the 합계 row too would double the total: the answer must not accept it.
    assert not earns(men_2024, 2 * sum(r[1] for r in result[1:]))


def test_l04_unpivot_questions():
    exercise = step(l04.LESSON, 3).exercise
    result = udfs.unpivot(table_range(exercise))
    rows, value, _ = (q.check for q in exercise.questions)
    assert earns(rows, len(result))
    assert earns(value, result[2][2])  # INDEX(…,3,3) is 1-based


def test_l04_mr_check_questions():
    exercise = step(l04.LESSON, 4).exercise
    report = udfs.mr_check(table_range(exercise))
    findings, total_row, units, after_tidy = (q.check for q in exercise.questions)
    assert earns(findings, len(report) - 2)
    cells = [row[1] for row in report if row[0] == "합계·소계 행·열"]
    assert cells == [f"{int(total_row.expected)}행"]
    assert earns(units, sum(row[0] == "숫자에 단위·쉼표·기호" for row in report))
    assert earns(after_tidy, len(udfs.mr_check(udfs.tidy(table_range(exercise)))) - 2)


# --- Lesson 5: FIND_PII, MASK_PII, PSEUDONYMIZE, GENERALIZE, K_ANONYMITY ---------------------


@pytest.fixture
def default_key(tmp_path, monkeypatch):
    """An organisation key in a throwaway folder, as the server would hold it."""
    from dadeum.engine.privacy.keys import create_key

    monkeypatch.setenv("DADEUM_KEY_DIR", str(tmp_path / "keys"))
    create_key("default")


def test_l05_find_pii_names_the_planted_kind():
    exercise = step(l05.LESSON, 1).exercise
    assert exercise.row_formula == "=DADEUM.FIND_PII(B{row})"
    found = column(udfs.find_pii(exercise_column(exercise, 1)))
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, found, strict=True))
    phones, name = (q.check for q in exercise.questions)
    assert earns(phones, sum("전화번호" in kind for kind in found))
    assert earns(name, one(udfs.find_pii([["홍길동"]], "성명")))
    assert not earns(name, one(udfs.find_pii([["홍길동"]])))  # without the header: blank


def test_l05_mask_pii_follows_the_written_out_rules():
    exercise = step(l05.LESSON, 2).exercise
    assert exercise.row_formula == "=DADEUM.MASK_PII(B{row},A{row})"
    masked = [one(udfs.mask_pii([[value]], header)) for header, value in exercise.rows]
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, masked, strict=True))
    for (_, value), result in zip(exercise.rows, masked, strict=True):
        assert result != value and "*" in result


def test_l05_generalize_and_key_independent_pseudonym_questions(default_key):
    exercise = step(l05.LESSON, 3).exercise
    assert exercise.row_formula == '=DADEUM.GENERALIZE(D{row},"나이")'
    bands = column(udfs.generalize(exercise_column(exercise, 3), "나이"))
    assert all(earns(c, v) for c, v in zip(exercise.row_checks, bands, strict=True))
    tokens = column(udfs.pseudonymize(exercise_column(exercise, 2), None, "전화번호"))
    assert all(t.startswith("P-") for t in tokens)
    distinct, same = (q.check for q in exercise.questions)
    assert earns(distinct, len(set(tokens)))  # COUNTA(UNIQUE(…))
    assert earns(same, tokens[0] == tokens[3])
    # The rows really are written differently: the pseudonym, not the text, joins them.
    phones = [row[2] for row in exercise.rows]
    assert len(set(phones)) > len(set(tokens))


def test_l05_k_anonymity_questions():
    exercise = step(l05.LESSON, 4).exercise
    table = table_range(exercise)
    k, groups, district_k, to_delete = (q.check for q in exercise.questions)
    full = udfs.k_anonymity(table, "연령대, 성별, 시군구")
    assert earns(k, full[0][1]) and earns(groups, full[1][1])
    assert earns(district_k, udfs.k_anonymity(table, "시군구")[0][1])
    # Deleting the records of the small groups is enough to reach the threshold.
    sizes = Counter(tuple(row) for row in table[1:])
    kept = [row for row in table[1:] if sizes[tuple(row)] >= l05.THRESHOLD]
    assert len(table) - 1 - len(kept) == to_delete.expected
    after = udfs.k_anonymity([table[0], *kept], "연령대, 성별, 시군구")
    assert after[0][1] >= l05.THRESHOLD
