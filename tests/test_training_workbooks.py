"""The training workbooks as a learner meets them: built, recalculated in a real spreadsheet
engine (LibreOffice headless), graded, rendered to pages; plus the course-wide meta-tests."""

import copy
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

import udfs
from tests.conftest import REPO, run_dadeum
from training.builder import (
    CORRECT,
    KEY_SHEET,
    PAGE_WIDTH,
    PROGRESS_SHEET,
    WRONG,
    build_lesson,
    display_width,
)
from training.checker import grade, judge
from training.lessons import all_lessons
from training.model import BOOL, DATE, NUMBER, Check

LESSONS = all_lessons()
SHIPPED = REPO / "workbooks"

# Functions every spreadsheet computes: Excel 2007+, LibreOffice, Hancom 한셀.
STANDARD_FUNCTIONS = {
    "ABS", "AND", "COUNT", "COUNTA", "COUNTIF", "EXACT", "IF", "IFERROR", "INT", "ISNUMBER",
    "OR", "REPT", "ROUND", "SUM", "SUMPRODUCT", "TRIM", "UPPER",
}  # fmt: skip


def _udf_names() -> set[str]:
    return {name.upper() for name in udfs.__all__}


def _wrong_value(check: Check):
    if check.kind == NUMBER:
        return float(check.expected) + max(1.0, abs(float(check.expected)) * 0.5)
    if check.kind == DATE:
        return check.expected + dt.timedelta(days=1)
    if check.kind == BOOL:
        return not check.expected
    return f"{check.expected}다"


def _key(book) -> list[tuple[str, str, str, object, float]]:
    return [row for row in book[KEY_SHEET].iter_rows(min_row=2, max_col=5, values_only=True)]


def _check_cell(answer: str) -> str:
    letters = "".join(ch for ch in answer if ch.isalpha())
    return get_column_letter(column_index_from_string(letters) + 1) + answer[len(letters) :]


# --- the course as data ---------------------------------------------------------------


def test_course_has_at_least_eight_lessons_in_order():
    assert len(LESSONS) >= 8
    assert [lesson.number for lesson in LESSONS] == list(range(1, len(LESSONS) + 1))


def test_every_udf_is_taught_and_every_taught_function_exists():
    taught = set().union(*(lesson.functions() for lesson in LESSONS))
    assert taught - _udf_names() == set(), "lessons use functions that do not exist"
    assert _udf_names() - taught == set(), "functions no lesson teaches"


def test_shown_formulas_name_existing_functions():
    for lesson in LESSONS:
        for step in lesson.steps:
            exercise = step.exercise
            formulas = [exercise.row_formula] + [q.formula for q in exercise.questions]
            for formula in filter(None, formulas):
                for name in re.findall(r"DADEUM\.([A-Z_]+)\(", formula):
                    assert name in _udf_names(), (lesson.title, formula)


# --- the built files ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Every lesson as shipped (untouched), solved, and solved with one wrong answer."""
    folder = tmp_path_factory.mktemp("lessons")
    files: dict[str, dict[str, Path]] = {}
    for lesson in LESSONS:
        stem = f"{lesson.number:02d}"
        untouched = folder / f"{stem}_untouched.xlsx"
        solved = folder / f"{stem}_solved.xlsx"
        untouched.write_bytes(build_lesson(lesson))
        solved.write_bytes(build_lesson(lesson, solved=True))
        wrong = folder / f"{stem}_wrong.xlsx"
        _write_one_wrong(lesson, solved, wrong)
        files[stem] = {"untouched": untouched, "solved": solved, "wrong": wrong}
    return files


def _wrong_target(lesson):
    """The first answer of the lesson's second step (or first, for a one-step lesson)."""
    step = lesson.steps[1] if len(lesson.steps) > 1 else lesson.steps[0]
    exercise = step.exercise
    return (exercise.row_checks or tuple(q.check for q in exercise.questions))[0]


def _write_one_wrong(lesson, solved: Path, out: Path) -> None:
    book = load_workbook(solved)
    sheet_index = 2 if len(lesson.steps) > 1 else 1
    sheet_name = f"{sheet_index}단계"
    first = next(row for row in _key(book) if row[0] == sheet_name)
    book[sheet_name][first[1]].value = _wrong_value(_wrong_target(lesson))
    book.save(out)


def test_builds_are_reproducible_and_match_the_shipped_workbooks():
    names = set()
    for lesson in LESSONS:
        data = build_lesson(lesson)
        assert data == build_lesson(lesson), f"{lesson.title}: two builds differ"
        shipped = SHIPPED / lesson.file_name
        assert shipped.exists(), f"run 'dadeum training build' ({shipped.name} is missing)"
        assert shipped.read_bytes() == data, f"{shipped.name} is stale: run 'dadeum training build'"
        names.add(lesson.file_name)
    extra = {p.name for p in SHIPPED.glob("*.xlsx")} - names
    assert not extra, f"workbooks/ has files no lesson builds: {extra}"


def test_only_standard_functions_and_answers_out_of_sight(built):
    for files in built.values():
        book = load_workbook(files["untouched"])
        assert book[KEY_SHEET].sheet_state == "veryHidden"
        key = _key(book)
        answer_cells = {(sheet, cell) for sheet, cell, *_ in key}
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if (ws.title, cell.coordinate) in answer_cells:
                        assert cell.value is None, "answer cells start empty"
                    value = cell.value
                    if cell.data_type == "f":
                        names = set(re.findall(r"([A-Z][A-Z0-9.]*)\(", value))
                        assert names <= STANDARD_FUNCTIONS, (ws.title, cell.coordinate, value)
                        # Checks compare with the hidden key, never with a literal answer.
                        if CORRECT in value and "COUNTIF" not in value:
                            assert f"'{KEY_SHEET}'!" in value


def test_sheets_fit_the_page_and_text_is_not_cut_off(built):
    for files in built.values():
        book = load_workbook(files["solved"])
        for ws in book.worksheets:
            if ws.sheet_state != "visible":
                continue
            merged = {cell for rng in ws.merged_cells.ranges for cell in rng.cells}
            widths = {
                col: ws.column_dimensions[get_column_letter(col)].width or 8.43
                for col in range(1, ws.max_column + 2)
            }
            used = sum(widths[c] for c in range(1, ws.max_column + 1))
            assert used <= PAGE_WIDTH + 30, f"{ws.title} is {used:.0f} wide: it would shrink"
            for row in ws.iter_rows():
                for cell in row:
                    if not isinstance(cell.value, str) or cell.value.startswith("="):
                        continue
                    if (cell.row, cell.column) in merged or cell.alignment.wrap_text:
                        continue
                    fits = display_width(cell.value) <= widths[cell.column] + 1
                    right = ws.cell(row=cell.row, column=cell.column + 1).value
                    assert fits or right is None, (ws.title, cell.coordinate, cell.value)


# --- the grader on its own ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected", "tolerance", "value", "status"),
    [
        (NUMBER, 12345.0, 1e-9, 12345, CORRECT),
        (NUMBER, 12345.0, 1e-9, "12345", WRONG),  # text is not a number, as ISNUMBER says
        (NUMBER, 0.125, 1e-9, 0.125000000001, CORRECT),
        (NUMBER, 100.0, 5.0, 106, WRONG),
        (NUMBER, 100.0, 5.0, None, ""),
        (NUMBER, 100.0, 5.0, "#NAME?", WRONG),  # formula without the add-in
        (NUMBER, 1.0, 1e-9, True, WRONG),
        ("text", "교통 행정과", 0, "  교통  행정과 ", CORRECT),  # Excel's TRIM
        ("text", "교통 행정과", 0, "교통행정과", WRONG),
        ("text", "12", 0, 12.0, CORRECT),
        ("text", "숫자", 0, "", ""),
        (DATE, dt.datetime(2023, 3, 5), 0, dt.datetime(2023, 3, 5, 14, 30), CORRECT),
        (DATE, dt.datetime(2023, 3, 5), 0, 44990, CORRECT),  # the serial number of that day
        (DATE, dt.datetime(2023, 3, 5), 0, "2023. 3. 5.", WRONG),
        (BOOL, True, 0, True, CORRECT),
        (BOOL, False, 0, "false", CORRECT),
        (BOOL, False, 0, "거짓", CORRECT),
        (BOOL, True, 0, False, WRONG),
    ],
)
def test_judge_follows_the_check_formula_rules(kind, expected, tolerance, value, status):
    assert judge(kind, expected, tolerance, value) == status


# --- LibreOffice: a real spreadsheet engine -------------------------------------------------

needs_libreoffice = pytest.mark.needs("libreoffice")


@pytest.fixture(scope="module")
def recalculated(built, tmp_path_factory) -> dict[str, dict[str, Path]]:
    from training.libreoffice import recalculate

    out = tmp_path_factory.mktemp("recalculated")
    inputs = [path for files in built.values() for path in files.values()]
    outputs = recalculate(inputs, out)
    by_input = dict(zip(inputs, outputs, strict=True))
    return {
        stem: {variant: by_input[path] for variant, path in files.items()}
        for stem, files in built.items()
    }


def _check_values(path: Path) -> dict[str, list[str]]:
    """The ✓/✗ LibreOffice computed next to each answer, per step sheet."""
    book = load_workbook(path, data_only=True)
    marks: dict[str, list[str]] = {}
    for sheet, cell, *_ in _key(book):
        marks.setdefault(sheet, []).append(book[sheet][_check_cell(cell)].value or "")
    return marks


def _progress(path: Path) -> list[tuple]:
    book = load_workbook(path, data_only=True)
    rows = []
    for row in book[PROGRESS_SHEET].iter_rows(min_row=4, max_col=5, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    return rows


@needs_libreoffice
def test_untouched_workbook_scores_zero(recalculated):
    for files in recalculated.values():
        marks = _check_values(files["untouched"])
        assert all(mark == "" for sheet in marks.values() for mark in sheet)
        *_steps, total = _progress(files["untouched"])
        assert total[0] == "합계" and total[2] == 0 and total[4] == 0
        assert grade(files["untouched"]).score == 0


@needs_libreoffice
def test_solved_workbook_scores_full(recalculated):
    for stem, files in recalculated.items():
        marks = _check_values(files["solved"])
        assert all(mark == CORRECT for sheet in marks.values() for mark in sheet), (stem, marks)
        *steps, total = _progress(files["solved"])
        assert all(row[4] == 1 for row in steps) and total[4] == 1
        assert total[3] == sum(len(m) for m in marks.values())
        assert grade(files["solved"]).score == 1


@needs_libreoffice
def test_one_wrong_answer_marks_only_that_step(recalculated):
    for stem, files in recalculated.items():
        lesson = next(lesson for lesson in LESSONS if f"{lesson.number:02d}" == stem)
        wrong_sheet = "2단계" if len(lesson.steps) > 1 else "1단계"
        marks = _check_values(files["wrong"])
        for sheet, sheet_marks in marks.items():
            if sheet == wrong_sheet:
                assert sheet_marks[0] == WRONG and set(sheet_marks[1:]) <= {CORRECT}, stem
            else:
                assert set(sheet_marks) == {CORRECT}, (stem, sheet)
        steps = {row[0]: row for row in _progress(files["wrong"])}
        assert steps[wrong_sheet][4] < 1
        assert all(row[4] == 1 for name, row in steps.items() if name not in (wrong_sheet, "합계"))


@needs_libreoffice
def test_python_grader_agrees_with_the_spreadsheet(recalculated):
    for files in recalculated.values():
        for path in files.values():
            marks = _check_values(path)
            result = grade(path)
            by_sheet: dict[str, list[str]] = {}
            for answer in result.answers:
                by_sheet.setdefault(answer.sheet, []).append(answer.status)
            assert by_sheet == marks, path.name


needs_renderer = pytest.mark.needs("libreoffice", "poppler", "korean-fonts")


@needs_renderer
def test_workbooks_render_with_korean_fonts(built, tmp_path):
    from training.libreoffice import pdf_to_png, render_pdf

    solved = [files["solved"] for files in built.values()]
    pdfs = render_pdf(solved, tmp_path / "pdf")
    for lesson, pdf in zip(LESSONS, pdfs, strict=True):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Nanum|Noto.*CJK|Malgun|UnDotum|Baekmuk", fonts), fonts
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        flat = re.sub(r"\s+", "", text)
        assert re.sub(r"\s+", "", lesson.title) in flat
        for step in lesson.steps:
            assert re.sub(r"\s+", "", step.title) in flat, step.title
            for paragraph in step.explanation:
                assert re.sub(r"\s+", "", paragraph) in flat, paragraph[:30]
        pages = pdf_to_png(pdf, tmp_path / "png", dpi=40)
        assert len(pages) >= len(lesson.steps) + 2


# --- the command line ---------------------------------------------------------------------


def test_training_build_and_check_commands(tmp_path):
    result = run_dadeum("training", "build", "--out", str(tmp_path / "learner"))
    assert result.returncode == 0, result.stderr
    built = sorted((tmp_path / "learner").glob("*.xlsx"))
    assert [p.name for p in built] == sorted(lesson.file_name for lesson in LESSONS)
    assert built[0].read_bytes() == build_lesson(LESSONS[0])

    result = run_dadeum("training", "build", "--solved", "--out", str(tmp_path / "solved"))
    assert result.returncode == 0, result.stderr
    solved = sorted((tmp_path / "solved").glob("*_풀이.xlsx"))
    assert len(solved) == len(LESSONS)

    result = run_dadeum("training", "check", str(solved[0]), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["score"] == 1 and report["correct"] == report["total"] > 0
    assert {step["sheet"] for step in report["steps"]} == {
        f"{i}단계" for i in range(1, len(LESSONS[0].steps) + 1)
    }

    result = run_dadeum("training", "check", str(built[0]))
    assert result.returncode == 0 and "(0%)" in result.stdout

    result = run_dadeum("training", "check", str(REPO / "README.md"))
    assert result.returncode == 1 and "열 수 없습니다" in result.stderr


def test_check_refuses_a_workbook_that_is_not_a_lesson(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "보통.xlsx"
    Workbook().save(path)
    result = run_dadeum("training", "check", str(path))
    assert result.returncode == 1 and "학습 통합 문서가 아닙니다" in result.stderr


def test_typed_values_are_graded_like_formula_results(tmp_path):
    """A learner without the add-in types the values by hand and still earns every ✓."""
    lesson = LESSONS[0]
    book = load_workbook(io.BytesIO(build_lesson(lesson)))
    solved = load_workbook(io.BytesIO(build_lesson(lesson, solved=True)))
    for sheet, cell, kind, *_ in _key(book):
        value = copy.copy(solved[sheet][cell].value)
        if kind == NUMBER and float(value).is_integer():
            value = int(value)  # typed as a whole number
        book[sheet][cell].value = value
    path = tmp_path / "typed.xlsx"
    book.save(path)
    assert grade(path).score == 1


def _with_stale_answer(source: Path, out: Path, sheet_index: int, cell: str) -> None:
    """Copy a recalculated workbook, changing one answer in the XML but leaving the cached
    ✓ beside it, as a file saved by a program that did not recalculate would have."""
    import zipfile

    member = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                xml = data.decode()
                pattern = rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)'
                assert re.search(pattern, xml), f"{cell} not in {member}"
                xml = re.sub(pattern, f'<c r="{cell}"><v>-12345.678</v></c>', xml, count=1)
                data = xml.encode()
            dst.writestr(info, data)


@needs_libreoffice
def test_recalculation_ignores_stale_cached_results(recalculated, tmp_path):
    """The LibreOffice profile must recompute on load; without it a stale ✓ would survive."""
    from training.libreoffice import recalculate

    solved = recalculated["01"]["solved"]
    book = load_workbook(solved, data_only=True)
    sheet, cell = next((s, c) for s, c, *_ in _key(book) if s == "1단계")
    index = book.sheetnames.index(sheet) + 1
    stale = tmp_path / "stale.xlsx"
    _with_stale_answer(solved, stale, index, cell)
    assert _check_values(stale)[sheet][0] == CORRECT  # the cached, stale mark

    fresh = recalculate([stale], tmp_path / "fresh")[0]
    assert _check_values(fresh)[sheet][0] == WRONG
    trusting = recalculate([stale], tmp_path / "trusting", always_recalculate=False)[0]
    assert _check_values(trusting)[sheet][0] == CORRECT
