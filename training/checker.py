"""Grade a learner's saved workbook with the same rules as its check formulas.

The grader reads the answer key inside the workbook (its very hidden sheet), so it needs no
lesson source and works on any version of a lesson. Values are the ones the spreadsheet saved:
a typed value, or the last result of a formula such as ``=DADEUM.TO_NUMBER(B12)``.
"""

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from dadeum.errors import DadeumError
from training.builder import CORRECT, KEY_HEADER, KEY_SHEET, PROGRESS_SHEET, WRONG, display_width
from training.model import BOOL, DATE, NUMBER


class NotATrainingWorkbook(DadeumError):
    pass


@dataclass
class AnswerResult:
    sheet: str
    cell: str
    status: str  # "✓", "✗" or "" (not answered yet)


@dataclass
class StepResult:
    sheet: str
    title: str
    correct: int
    total: int


@dataclass
class Grade:
    lesson: str
    steps: list[StepResult]
    answers: list[AnswerResult]

    @property
    def correct(self) -> int:
        return sum(step.correct for step in self.steps)

    @property
    def total(self) -> int:
        return sum(step.total for step in self.steps)

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {
            "lesson": self.lesson,
            "correct": self.correct,
            "total": self.total,
            "score": round(self.score, 4),
            "steps": [asdict(step) for step in self.steps],
            "answers": [asdict(answer) for answer in self.answers],
        }


def _trim(value: object) -> str:
    # Excel's TRIM: drop leading/trailing spaces and collapse runs of spaces inside.
    return " ".join(part for part in _as_text(value).split(" ") if part)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_error(value: object) -> bool:
    return isinstance(value, str) and value.startswith("#") and value.rstrip("!?/0").isupper()


def judge(kind: str, expected, tolerance: float, value) -> str:
    """One answer cell, exactly as its check formula judges it."""
    if value is None or value == "":
        return ""
    if _is_error(value):
        return WRONG
    if kind == NUMBER:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        ok = ok and abs(float(value) - float(expected)) <= float(tolerance or 0)
    elif kind == DATE:
        ok = _as_date(value) == _as_date(expected)
    elif kind == BOOL:
        truth = "TRUE" if expected else "FALSE"
        if isinstance(value, bool):
            ok = value == bool(expected)
        elif isinstance(value, int | float):
            ok = False  # Excel: a number never equals TRUE/FALSE
        else:
            ok = _trim(value).upper() == truth or _trim(value) == ("참" if expected else "거짓")
    else:
        ok = _trim(value) == _as_text(expected)
    return CORRECT if ok else WRONG


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return from_excel(int(value)).date()
    return None


def grade(path: str | Path) -> Grade:
    """Grade a training workbook saved by Excel, LibreOffice or 한셀."""
    path = Path(path)
    if not path.is_file():
        raise NotATrainingWorkbook(f"'{path}' 파일이 없습니다.")
    try:
        book = load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not .xlsx
        raise NotATrainingWorkbook(
            f"'{path.name}'은(는) 엑셀 통합 문서(.xlsx)로 열 수 없습니다."
        ) from error
    if KEY_SHEET not in book.sheetnames:
        raise NotATrainingWorkbook(f"'{path.name}'은(는) 다듬 학습 통합 문서가 아닙니다.")
    key = book[KEY_SHEET]
    header = tuple(cell.value for cell in key[1])
    if header[: len(KEY_HEADER)] != KEY_HEADER:
        raise NotATrainingWorkbook(f"'{path.name}'의 채점 정보가 손상되었습니다.")
    answers: list[AnswerResult] = []
    steps: dict[str, StepResult] = {}
    titles = _step_titles(book)
    for sheet, cell, kind, expected, tolerance in key.iter_rows(
        min_row=2, max_col=5, values_only=True
    ):
        if not sheet:
            continue
        if sheet not in book.sheetnames:
            raise NotATrainingWorkbook(f"'{sheet}' 시트가 없습니다. 시트 이름을 바꾸지 마세요.")
        status = judge(kind, expected, tolerance, book[sheet][cell].value)
        answers.append(AnswerResult(sheet, cell, status))
        step = steps.setdefault(sheet, StepResult(sheet, titles.get(sheet, ""), 0, 0))
        step.total += 1
        step.correct += status == CORRECT
    return Grade(str(book.properties.title or path.stem), list(steps.values()), answers)


def _step_titles(book) -> dict[str, str]:
    if PROGRESS_SHEET not in book.sheetnames:
        return {}
    titles = {}
    for row in book[PROGRESS_SHEET].iter_rows(min_row=4, max_col=2, values_only=True):
        if row[0] and row[1]:
            titles[str(row[0])] = str(row[1])
    return titles


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def format_grade(result: Grade) -> str:
    lines = [result.lesson, ""]
    title_width = max((display_width(step.title) for step in result.steps), default=0) + 2
    for step in result.steps:
        mark = "완료" if step.correct == step.total else ""
        score = f"{step.correct:>3}/{step.total:<3}"
        lines.append(f"  {_pad(step.sheet, 7)}{_pad(step.title, title_width)}{score} {mark}")
    lines.append("")
    lines.append(f"  합계 {result.correct}/{result.total} ({result.score:.0%})")
    return "\n".join(lines)
