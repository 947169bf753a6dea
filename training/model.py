"""What a lesson is made of. Lessons are plain data so the builder, the grader and the
meta-tests read the same definition."""

import datetime as dt
import re
from dataclasses import dataclass, field

# One rule per kind of answer. The builder writes it as a formula of standard functions; the
# grader evaluates the same rule in Python (tests check the two agree in LibreOffice).
NUMBER = "number"
TEXT = "text"
DATE = "date"
BOOL = "bool"  # TRUE/FALSE, as CHECK_ID returns; also accepts typed 참/거짓


@dataclass(frozen=True)
class Check:
    """The accepted answer of one answer cell."""

    kind: str
    expected: float | str | bool | dt.date
    tolerance: float = 0.0

    def __post_init__(self):
        if self.kind not in (NUMBER, TEXT, DATE, BOOL):
            raise ValueError(f"unknown check kind {self.kind!r}")


def number(value: float, tolerance: float = 0.0) -> Check:
    return Check(NUMBER, float(value), float(tolerance))


def text(value: str) -> Check:
    return Check(TEXT, str(value))


def boolean(value: bool) -> Check:
    return Check(BOOL, bool(value))


def date(value: dt.date | str) -> Check:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return Check(DATE, value)


@dataclass(frozen=True)
class Question:
    """A question with one answer cell below the exercise data. In ``formula``, ``{header}``,
    ``{first}`` and ``{last}`` become the sheet rows of the table's header and data."""

    prompt: str
    check: Check
    formula: str | None = None  # what to type, e.g. "=DADEUM.TO_NUMBER(B12)"


@dataclass(frozen=True)
class Exercise:
    """Messy data to work on, with an answer cell per row and/or questions below it.

    ``row_formula`` is the formula for the first data row; the builder shows it and the
    learner fills it down. ``{row}`` in it becomes that row's number on the sheet.
    """

    prompt: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    answer_header: str = "답"
    row_checks: tuple[Check, ...] = ()
    row_formula: str | None = None
    questions: tuple[Question, ...] = ()
    hint: str = ""
    # Merged cells inside the data table, as (first_row, first_col, last_row, last_col) counted
    # from 0 at the table's header row and first column, e.g. a two-row header of a 현황표.
    merges: tuple[tuple[int, int, int, int], ...] = ()

    def __post_init__(self):
        if self.row_checks and len(self.row_checks) != len(self.rows):
            raise ValueError("row_checks needs one check per row")
        if not self.row_checks and not self.questions:
            raise ValueError("an exercise needs at least one answer")


@dataclass(frozen=True)
class Step:
    """One idea: an explanation, an example (before → after) and an exercise."""

    title: str
    explanation: tuple[str, ...]
    exercise: Exercise
    example_columns: tuple[str, ...] = ()
    example_rows: tuple[tuple, ...] = ()


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str
    minutes: int
    goal: str
    outcomes: tuple[str, ...]
    steps: tuple[Step, ...]
    data_note: str = "이 통합 문서의 자료는 연습용으로 만든 가상 자료입니다."
    extra_functions: tuple[str, ...] = field(default=())  # taught in text, not in a formula

    @property
    def file_name(self) -> str:
        return f"{self.number:02d}_{self.title.replace(' ', '_').replace('·', '_')}.xlsx"

    def functions(self) -> set[str]:
        """Dadeum functions this lesson teaches (from its formulas and ``extra_functions``)."""
        formulas = []
        for step in self.steps:
            formulas.append(step.exercise.row_formula or "")
            formulas.extend(q.formula or "" for q in step.exercise.questions)
            formulas.extend(" ".join(step.explanation).split())
        found = {m for f in formulas for m in re.findall(r"DADEUM\.([A-Z_]+)\(", f)}
        return found | set(self.extra_functions)
