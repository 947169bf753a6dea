"""Turn a lesson into a workbook: 시작, one sheet per step, 진도, and a very hidden answer key.

Answer checks are formulas of standard functions only (IF, AND, ABS, INT, EXACT, TRIM,
ISNUMBER, IFERROR, COUNTIF, REPT, ROUND), so they work in Excel, LibreOffice and Hancom 한셀
with or without the add-in. The output is byte-for-byte reproducible (fixed document dates
and zip timestamps), so the shipped workbooks can be checked against a rebuild.
"""

import datetime as dt
import io
import math
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from training.model import BOOL, DATE, NUMBER, Check, Lesson, Step

START_SHEET = "시작"
PROGRESS_SHEET = "진도"
KEY_SHEET = "_정답"
KEY_HEADER = ("시트", "셀", "종류", "정답", "허용오차")
CORRECT, WRONG = "✓", "✗"

FONT_NAME = "맑은 고딕"  # Excel's Korean default; LibreOffice and 한셀 substitute a Korean font
FIXED_TIME = dt.datetime(2026, 1, 1)  # document dates, so rebuilds are identical
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
PAGE_WIDTH = 96  # column-width units a sheet's text spans; fits A4 landscape at 100%
LINE_HEIGHT = 16.5  # points per wrapped line of 11 pt text
BAR_CELLS = 10
LONG_TABLE_ROWS = 25  # longer exercise tables get their questions above them

_thin = Side(style="thin", color="A6A6A6")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")
EXAMPLE_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center")


def font(size: float = 11, bold: bool = False, color: str = "000000", italic=False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, color=color, italic=italic)


def display_width(text: object) -> int:
    """Width in column units: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def wrapped_lines(text: object, width: float) -> int:
    """Lines a wrapped cell needs. Hangul is about 1.8 column units wide in 맑은 고딕 and
    NanumGothic; a little too much height is harmless, too little cuts text off."""
    lines = 0
    for part in str(text).split("\n"):
        wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in part)
        units = 1.8 * wide + (len(part) - wide)
        lines += max(1, math.ceil(units / max(width - 2, 1)))
    return lines


@dataclass
class AnswerSlot:
    sheet: str
    cell: str
    check: Check
    key_row: int  # the row of the hidden answer key that holds the expected value
    row: int  # the sheet row of the answer cell (and of its check beside it)


@dataclass
class StepLayout:
    sheet: str
    title: str
    first_check_row: int
    last_check_row: int
    check_column: str
    slots: list[AnswerSlot]


def step_sheet_name(index: int) -> str:
    return f"{index}단계"


def build_lesson(lesson: Lesson, solved: bool = False) -> bytes:
    """The lesson's workbook as .xlsx bytes; ``solved`` fills every answer cell."""
    wb = Workbook()
    start = wb.active
    start.title = START_SHEET
    key: list[AnswerSlot] = []
    layouts = [
        _write_step(wb.create_sheet(step_sheet_name(i)), i, step, solved, key)
        for i, step in enumerate(lesson.steps, start=1)
    ]
    _write_start(start, lesson, layouts)
    _write_progress(wb.create_sheet(PROGRESS_SHEET), layouts)
    _write_key(wb.create_sheet(KEY_SHEET), key)
    wb.active = 0
    wb.properties.creator = "다듬"
    wb.properties.lastModifiedBy = "다듬"
    wb.properties.title = f"다듬 학습 {lesson.number}. {lesson.title}"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so the same lesson gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time over the modified date we set.
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    data,
                )
            dst.writestr(fixed, data)
    return out.getvalue()


def build_all(lessons, out_dir: Path, solved: bool = False) -> list[Path]:
    """Write every lesson into ``out_dir`` atomically; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in lessons:
        name = lesson.file_name
        if solved:
            name = name.replace(".xlsx", "_풀이.xlsx")
        path = out_dir / name
        _write_atomic(path, build_lesson(lesson, solved=solved))
        written.append(path)
    return written


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- sheets -----------------------------------------------------------------------------


def _page_setup(ws) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.sheet_view.showGridLines = False


def _set_widths(ws, widths: list[float]) -> list[float]:
    """Set column widths and pad with extra columns until the text area is PAGE_WIDTH wide."""
    widths = list(widths)
    while sum(widths) < PAGE_WIDTH:
        widths.append(min(14, PAGE_WIDTH - sum(widths)) if sum(widths) < PAGE_WIDTH - 4 else 4)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = round(width, 1)
    return widths


def _text_cell(ws, row: int, col: int, value):
    """Write a value; text that starts with "=" (a formula being taught) stays text."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _paragraph(ws, row: int, text: str, ncols: int, width: float, **font_args) -> int:
    """Write wrapped text merged across the text area; returns the next free row."""
    cell = _text_cell(ws, row, 1, text)
    cell.font = font(**font_args)
    cell.alignment = WRAP
    if ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    size = font_args.get("size", 11)
    ws.row_dimensions[row].height = wrapped_lines(text, width) * LINE_HEIGHT * size / 11 + 3
    return row + 1


def _table(ws, row: int, columns, rows, fill=None) -> int:
    for col, header in enumerate(columns, start=1):
        cell = _text_cell(ws, row, col, header)
        cell.font = font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = CENTER
    for offset, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            cell = _text_cell(ws, row + offset, col, value)
            cell.font = font()
            cell.border = BORDER
            if fill is not None:
                cell.fill = fill
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    return row + len(rows) + 1


def _column_widths(step: Step) -> list[float]:
    exercise = step.exercise
    tables = [
        (step.example_columns, step.example_rows),
        (exercise.columns, exercise.rows),
    ]
    ncols = max(len(step.example_columns), len(exercise.columns))
    widths = [0.0] * ncols
    for columns, rows in tables:
        for col, header in enumerate(columns):
            values = [header, *(r[col] for r in rows if col < len(r))]
            widest = max(display_width(_shown(v)) for v in values)
            widths[col] = max(widths[col], min(44, widest + 3))
    answer_width = max(16, display_width(exercise.answer_header) + 4)
    for check in exercise.row_checks:
        answer_width = max(answer_width, min(30, display_width(_shown(check.expected)) + 4))
    return [max(w, 8) for w in widths], answer_width


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _write_step(ws, index: int, step: Step, solved: bool, key: list) -> StepLayout:
    exercise = step.exercise
    data_widths, answer_width = _column_widths(step)
    ncols_data = len(exercise.columns)
    answer_col = ncols_data + 1
    check_col = ncols_data + 2
    widths = [*data_widths[:ncols_data], answer_width, 8, *data_widths[ncols_data + 2 :]]
    # Example tables wider than the exercise keep their own widths beyond the answer columns.
    for col in range(ncols_data, len(data_widths)):
        if col < ncols_data + 2:
            widths[col] = max(widths[col], data_widths[col])
    widths = _set_widths(ws, widths)
    ncols = len(widths)
    text_width = sum(widths)
    _page_setup(ws)

    ws.cell(row=1, column=1, value=f"{index}단계. {step.title}").font = font(16, bold=True)
    ws.row_dimensions[1].height = 28
    row = 3
    for paragraph in step.explanation:
        row = _paragraph(ws, row, paragraph, ncols, text_width)
    row += 1
    if step.example_columns:
        ws.cell(row=row, column=1, value="예시").font = font(12, bold=True, color="1F4E79")
        row = _table(ws, row + 1, step.example_columns, step.example_rows, EXAMPLE_FILL) + 1

    ws.cell(row=row, column=1, value="연습").font = font(12, bold=True, color="1F4E79")
    row = _paragraph(ws, row + 1, exercise.prompt, ncols, text_width)
    if exercise.row_formula:
        first = row + 2  # below this line and the table's header
        shown = exercise.row_formula.format(row=first)
        row = _paragraph(
            ws,
            row,
            f"{get_column_letter(answer_col)}{first} 칸에 입력할 수식: {shown}  "
            "(입력한 뒤 아래 칸으로 채우세요. 다듬 추가 기능이 없으면 값을 직접 입력해도 됩니다.)",
            ncols,
            text_width,
            color="7F6000",
        )
    slots: list[AnswerSlot] = []
    # A long data table would push its questions pages down: ask them first, data below.
    questions_first = not exercise.row_checks and len(exercise.rows) > LONG_TABLE_ROWS
    if questions_first:
        hint_rows = 2 if exercise.hint else 0
        table_row = row + len(exercise.questions) + hint_rows + 2
        row = _write_questions(ws, row, exercise, table_row, widths, solved, key, slots)
        if exercise.hint:
            _paragraph(ws, row + 1, f"힌트: {exercise.hint}", ncols, text_width, color="595959")
        label = ws.cell(row=table_row - 1, column=1, value="자료 (문제는 위에 있습니다)")
        label.font = font(bold=True, color="1F4E79")
    else:
        table_row = row
    columns = (*exercise.columns, exercise.answer_header, "확인") if exercise.row_checks else ()
    if exercise.row_checks:
        _table(ws, table_row, columns, exercise.rows)
        for col in (answer_col, check_col):
            header = ws.cell(row=table_row, column=col)
            header.font = font(bold=True)
            header.fill = HEADER_FILL
            header.border = BORDER
            header.alignment = CENTER
        for offset, check in enumerate(exercise.row_checks, start=1):
            slots.append(_answer_cell(ws, table_row + offset, answer_col, check, solved, key))
        row = table_row + len(exercise.rows) + 2
    elif exercise.columns:
        row = _table(ws, table_row, exercise.columns, exercise.rows) + 1
    for r1, c1, r2, c2 in exercise.merges:
        ws.merge_cells(
            start_row=table_row + r1,
            start_column=c1 + 1,
            end_row=table_row + r2,
            end_column=c2 + 1,
        )
    if not questions_first:
        row = _write_questions(ws, row, exercise, table_row, widths, solved, key, slots)
        if exercise.hint:
            row = _paragraph(
                ws, row + 1, f"힌트: {exercise.hint}", ncols, text_width, color="595959"
            )
    row = _paragraph(
        ws,
        row + 1,
        f"노란 칸에 답을 넣으면 오른쪽 '확인' 칸에 {CORRECT}(맞음) 또는 {WRONG}(다시 해 보기)가 "
        "나옵니다. 전체 진도는 '진도' 시트에서 볼 수 있습니다.",
        ncols,
        text_width,
        color="595959",
    )
    check_letter = get_column_letter(check_col)
    for slot in slots:
        _check_formula(ws, slot, check_letter)
    first = min(slot.row for slot in slots)
    last = max(slot.row for slot in slots)
    ws.conditional_formatting.add(
        f"{check_letter}{first}:{check_letter}{last}",
        CellIsRule(operator="equal", formula=[f'"{CORRECT}"'], font=Font(color="00B050")),
    )
    ws.conditional_formatting.add(
        f"{check_letter}{first}:{check_letter}{last}",
        CellIsRule(operator="equal", formula=[f'"{WRONG}"'], font=Font(color="C00000")),
    )
    return StepLayout(ws.title, step.title, first, last, check_letter, slots)


def _write_questions(ws, row, exercise, table_row, widths, solved, key, slots) -> int:
    """The exercise's questions, one answer cell each; returns the next free row."""
    answer_col = len(exercise.columns) + 1
    prompt_cols = max(len(exercise.columns), 1)
    width = sum(widths[:prompt_cols])
    last = table_row + len(exercise.rows)
    for number, question in enumerate(exercise.questions, start=1):
        prompt = f"문제 {number}. {question.prompt}"
        if question.formula:
            shown = question.formula.format(header=table_row, first=table_row + 1, last=last)
            prompt += f"\n수식 예: {shown}"
        cell = _text_cell(ws, row, 1, prompt)
        cell.font = font()
        cell.alignment = WRAP
        if prompt_cols > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=prompt_cols)
        ws.row_dimensions[row].height = max(wrapped_lines(prompt, width) * LINE_HEIGHT + 3, 20)
        slots.append(_answer_cell(ws, row, answer_col, question.check, solved, key))
        row += 1
    return row


def _answer_cell(ws, row: int, col: int, check: Check, solved: bool, key: list) -> AnswerSlot:
    cell = ws.cell(row=row, column=col)
    cell.fill = ANSWER_FILL
    cell.border = BORDER
    cell.font = font()
    if check.kind == DATE:
        cell.number_format = "yyyy-mm-dd"
    if solved:
        cell.value = check.expected
    slot = AnswerSlot(ws.title, cell.coordinate, check, key_row=len(key) + 2, row=row)
    key.append(slot)
    return slot


def _check_formula(ws, slot: AnswerSlot, check_letter: str) -> None:
    row = slot.row
    answer = slot.cell
    expected = f"'{KEY_SHEET}'!$D${slot.key_row}"
    tolerance = f"'{KEY_SHEET}'!$E${slot.key_row}"
    if slot.check.kind == NUMBER:
        condition = f"AND(ISNUMBER({answer}),ABS({answer}-{expected})<={tolerance})"
    elif slot.check.kind == DATE:
        condition = f"AND(ISNUMBER({answer}),INT({answer})={expected})"
    elif slot.check.kind == BOOL:
        # LibreOffice stores TRUE as the number 1, Excel as a logical: accept both.
        condition = (
            f"IF(ISNUMBER({answer}),{answer}={expected},"
            f'OR(UPPER(TRIM({answer}))=IF({expected},"TRUE","FALSE"),'
            f'TRIM({answer})=IF({expected},"참","거짓")))'
        )
    else:
        condition = f"EXACT(TRIM({answer}),{expected})"
    cell = ws[f"{check_letter}{row}"]
    cell.value = f'=IFERROR(IF({answer}="","",IF({condition},"{CORRECT}","{WRONG}")),"{WRONG}")'
    cell.font = font(14, bold=True)
    cell.alignment = CENTER
    cell.border = BORDER


def effective_tolerance(check: Check) -> float:
    """Tolerance written to the key: never below rounding noise of the expected number."""
    if check.kind != NUMBER:
        return 0.0
    return max(check.tolerance, 1e-9 * max(1.0, abs(float(check.expected))))


def _write_start(ws, lesson: Lesson, layouts: list[StepLayout]) -> None:
    widths = _set_widths(ws, [16, 84])
    text_width = sum(widths)
    _page_setup(ws)
    ws.cell(row=1, column=1, value=f"다듬 학습 {lesson.number}. {lesson.title}").font = font(
        18, bold=True, color="1F4E79"
    )
    ws.row_dimensions[1].height = 32
    rows = [
        ("목표", lesson.goal),
        ("걸리는 시간", f"약 {lesson.minutes}분"),
        ("배우고 나면", "\n".join(f"• {item}" for item in lesson.outcomes)),
        (
            "쓰는 방법",
            "\n".join(
                [
                    "1. 아래 단계 순서대로 시트를 엽니다"
                    "(시트 이름을 누르거나 아래 목록을 누르세요).",
                    "2. 설명과 예시를 읽고, '연습'의 노란 칸에 답을 넣습니다.",
                    f"3. 오른쪽 '확인' 칸에 {CORRECT}가 나오면 맞은 것입니다. {WRONG}가 나오면 "
                    "힌트를 보고 다시 해 보세요.",
                    "4. '진도' 시트에서 얼마나 마쳤는지 봅니다. 저장해 두면 다음에 이어서 할 수 "
                    "있습니다.",
                    "다듬 추가 기능이 없는 PC(한셀, LibreOffice 포함)에서도 값을 직접 입력하면 "
                    "채점됩니다.",
                ]
            ),
        ),
        ("자료", lesson.data_note),
    ]
    row = 3
    for label, value in rows:
        head = ws.cell(row=row, column=1, value=label)
        head.font = font(bold=True)
        head.fill = HEADER_FILL
        head.alignment = WRAP
        body = ws.cell(row=row, column=2, value=value)
        body.font = font()
        body.alignment = WRAP
        merge_to = len(widths)
        if merge_to > 2:
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=merge_to)
        ws.row_dimensions[row].height = (
            wrapped_lines(value, text_width - widths[0]) * (LINE_HEIGHT) + 4
        )
        row += 1
    row += 1
    ws.cell(row=row, column=1, value="단계").font = font(13, bold=True, color="1F4E79")
    row += 1
    for layout in layouts:
        cell = ws.cell(row=row, column=1, value=layout.sheet)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{layout.sheet}'!A1")
        cell.font = Font(name=FONT_NAME, size=11, color="0563C1", underline="single")
        ws.cell(row=row, column=2, value=layout.title).font = font()
        row += 1
    row += 1
    ws.cell(row=row, column=1, value="지금 진도").font = font(bold=True)
    progress = ws.cell(row=row, column=2, value=f"='{PROGRESS_SHEET}'!E{len(layouts) + 4}")
    progress.font = font(14, bold=True, color="00B050")
    progress.number_format = "0%"
    progress.alignment = Alignment(horizontal="left")
    bar = ws.cell(row=row + 1, column=2, value=f"='{PROGRESS_SHEET}'!F{len(layouts) + 4}")
    bar.font = font(color="00B050")


def _bar(fraction_cell: str, cells: int) -> str:
    filled = f"ROUND({fraction_cell}*{cells},0)"
    return f'=REPT("■",{filled})&REPT("□",{cells}-{filled})'


def _write_progress(ws, layouts: list[StepLayout]) -> None:
    title_width = max([30, *(display_width(layout.title) + 2 for layout in layouts)])
    _set_widths(ws, [10, title_width, 10, 10, 8, 40])
    _page_setup(ws)
    ws.cell(row=1, column=1, value="진도").font = font(16, bold=True)
    headers = ("단계", "내용", "맞힌 문제", "문제 수", "진도", "막대")
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=col, value=header)
        cell.font = font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = CENTER
    row = 4
    for layout in layouts:
        checks = f"'{layout.sheet}'!${layout.check_column}${layout.first_check_row}:"
        checks += f"${layout.check_column}${layout.last_check_row}"
        values = (
            layout.sheet,
            layout.title,
            f'=COUNTIF({checks},"{CORRECT}")',
            len(layout.slots),
            f"=IF(D{row}=0,0,C{row}/D{row})",
            _bar(f"E{row}", BAR_CELLS),
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.font = font()
            cell.border = BORDER
        ws.cell(row=row, column=1).hyperlink = Hyperlink(
            ref=f"A{row}", location=f"'{layout.sheet}'!A1"
        )
        ws.cell(row=row, column=5).number_format = "0%"
        ws.cell(row=row, column=6).font = font(color="00B050")
        row += 1
    first, last = 4, row - 1
    total = (
        "합계",
        "",
        f"=SUM(C{first}:C{last})",
        f"=SUM(D{first}:D{last})",
        f"=IF(D{row}=0,0,C{row}/D{row})",
        _bar(f"E{row}", BAR_CELLS * 2),
    )
    for col, value in enumerate(total, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = font(bold=True)
        cell.border = BORDER
    ws.cell(row=row, column=5).number_format = "0%"
    ws.cell(row=row, column=6).font = font(bold=True, color="00B050")
    done = f'=IF(E{row}=1,"모든 단계를 마쳤습니다. 수고하셨습니다!","")'
    ws.cell(row=row + 2, column=1, value=done)
    ws.cell(row=row + 2, column=1).font = font(12, bold=True, color="00B050")


def _write_key(ws, key: list[AnswerSlot]) -> None:
    """The answer key the check formulas compare with; very hidden, not in plain sight."""
    ws.append(KEY_HEADER)
    for slot in key:
        ws.append(
            (
                slot.sheet,
                slot.cell,
                slot.check.kind,
                slot.check.expected,
                effective_tolerance(slot.check),
            )
        )
        if slot.check.kind == DATE:
            ws.cell(row=ws.max_row, column=4).number_format = "yyyy-mm-dd"
    ws.sheet_state = "veryHidden"
