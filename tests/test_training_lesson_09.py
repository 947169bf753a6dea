"""Lesson 9 (민원 분석): the formulas it teaches earn a ✓, and its data says what it says."""

import pytest

from tests.test_training_lessons_b import evaluate
from training.builder import CORRECT, build_lesson, effective_tolerance
from training.checker import judge
from training.lessons import l09_complaint_text as l09


def _questions():
    for number, step in enumerate(l09.LESSON.steps, start=1):
        for q, question in enumerate(step.exercise.questions, start=1):
            yield pytest.param(step.exercise, question, id=f"9-{number}-{q}")


@pytest.mark.parametrize(("exercise", "question"), list(_questions()))
def test_the_taught_formula_earns_a_check_mark(exercise, question):
    value = evaluate(question.formula, exercise)
    check = question.check
    assert judge(check.kind, check.expected, effective_tolerance(check), value) == CORRECT, (
        f"{question.formula} gives {value!r}, the key expects {check.expected!r}"
    )


def test_lesson_teaches_the_three_text_functions_and_builds_reproducibly():
    assert l09.LESSON.functions() == {
        "CLASSIFY_COMPLAINTS", "COMPLAINT_KEYWORDS", "SIMILAR_COMPLAINTS",
    }  # fmt: skip
    assert build_lesson(l09.LESSON) == build_lesson(l09.LESSON)


def test_lesson_data_says_what_the_lesson_says():
    assert l09.ROUTED["tree"] == "공원녹지과" and l09.ROUTED["lamp"] == "건설과"
    assert l09.ROUTED["short"] == "공원녹지과"
    assert l09.UNSURE == "모름"
    # 음식물 쓰레기 complaints grew from August to September.
    latest = l09.LATEST.set_index("키워드")
    assert latest.loc["음식물", "건수"] > 2 * latest.loc["음식물", "이전 건수"]
    # The new 민원 restates an earlier one (similarity above 0.5), the next is far below.
    assert l09.SIMILAR["유사도"].iloc[0] >= 0.5 > l09.SIMILAR["유사도"].iloc[1]
    # No name or phone number in a workbook that is shared widely.
    texts = [row[2] for row in l09.HISTORY] + [row[2] for row in l09.LIST]
    assert not any("연락처" in t or "010-" in t for t in texts)
