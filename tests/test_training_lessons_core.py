"""Lessons 1–2: the formula each exercise shows really earns a ✓ on that exercise's data."""

import pytest

import udfs
from training.builder import CORRECT
from training.checker import judge
from training.lessons.l01_basics import LESSON as BASICS
from training.lessons.l02_text import LESSON as TEXT


def _earns_check(step, results):
    exercise = step.exercise
    assert len(results) == len(exercise.row_checks)
    for value, check, row in zip(results, exercise.row_checks, exercise.rows, strict=True):
        status = judge(check.kind, check.expected, check.tolerance or 1e-9, value)
        assert status == CORRECT, (step.title, row, value, check.expected)


def _column(step, index=0):
    return [[row[index]] for row in step.exercise.rows]


def test_to_number_solves_the_population_column():
    step = BASICS.steps[0]
    assert "DADEUM.TO_NUMBER" in step.exercise.row_formula
    _earns_check(step, [row[0] for row in udfs.to_number(_column(step, 1))])


def test_lesson_one_questions_match_the_data():
    written = [row[1] for row in BASICS.steps[0].exercise.rows]
    count, total = BASICS.steps[0].exercise.questions
    # COUNT counts numbers only; SUM of the converted column is the true population.
    assert count.check.expected == sum(isinstance(v, int | float) for v in written) < len(written)
    assert total.check.expected == sum(c.expected for c in BASICS.steps[0].exercise.row_checks)


@pytest.mark.parametrize(
    ("index", "function", "args"),
    [
        (0, udfs.clean_text, ()),
        (1, udfs.to_phone, ()),
        (3, udfs.check_id, ("사업자등록번호",)),
    ],
)
def test_lesson_two_formulas_earn_every_check(index, function, args):
    step = TEXT.steps[index]
    assert f"DADEUM.{function.__name__.upper()}(" in step.exercise.row_formula
    _earns_check(step, [row[0] for row in function(_column(step), *args)])


def test_split_address_first_part_is_the_official_province():
    step = TEXT.steps[2]
    assert step.exercise.row_formula.startswith("=INDEX(DADEUM.SPLIT_ADDRESS(")
    _earns_check(step, [parts[0] for parts in udfs.split_address(_column(step))])


def test_broken_registration_numbers_are_really_broken():
    # The exercise must contain both kinds, or TRUE everywhere would pass.
    kinds = {check.expected for check in TEXT.steps[3].exercise.row_checks}
    assert kinds == {True, False}
