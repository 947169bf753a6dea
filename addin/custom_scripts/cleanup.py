"""Ribbon scripts of the 정리 group. Each writes new sheets and never changes the source."""

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, source_range
from dadeum.engine.columns import GENERAL_FORMAT, TEXT_FORMAT, clean_frame, number_format
from dadeum.engine.issues import REPORT_COLUMNS, issues_frame
from dadeum.errors import DadeumError

__all__ = ["clean_sheet"]


@xw.script
def clean_sheet(book: xw.Book):
    """선택 범위(한 칸만 선택하면 시트 전체)의 열마다 숫자·날짜·전화번호·텍스트를 알아내
    정리한 표를 새 시트에 쓰고, 바꾸지 못한 셀은 확인 시트에 모읍니다. 원본은 그대로 둡니다."""
    try:
        source = source_range(book)
    except DadeumError as error:
        raise xw.XlwingsError(str(error)) from error
    rows = source.options(ndim=2).value
    width = max(len(row) for row in rows)
    frame = pd.DataFrame([list(row) + [None] * (width - len(row)) for row in rows], dtype=object)
    source_name = source.sheet.name
    result = clean_frame(frame, top=source.row, left=source.column, sheet=source_name)

    sheet = add_result_sheet(book, f"{source_name}_정리")
    _write(sheet, result.frame, _formats(result))
    if result.issues:
        review = issues_frame(result.issues)
        check = add_result_sheet(book, f"{source_name}_정리_확인")
        formats = {REPORT_COLUMNS.index("원래 값"): TEXT_FORMAT}
        _write(check, _with_header(review), {j: (1, fmt) for j, fmt in formats.items()})
    sheet.activate()


def _formats(result) -> dict[int, tuple[int, str]]:
    """Column position → (first data row, number format), skipping Excel's default."""
    formats = {}
    for position, (label, kind) in enumerate(result.types.items()):
        data = result.frame[label].iloc[result.header_rows :]
        code = number_format(data, kind)
        if code != GENERAL_FORMAT:
            formats[position] = (result.header_rows, code)
    return formats


def _with_header(frame: pd.DataFrame) -> pd.DataFrame:
    header = pd.DataFrame([list(frame.columns)], columns=frame.columns, dtype=object)
    return pd.concat([header, frame.astype(object)], ignore_index=True)


def _write(sheet: xw.Sheet, frame: pd.DataFrame, formats: dict[int, tuple[int, str]]) -> None:
    """Write a grid at A1. Formats go first: Excel reads a value written into a General cell
    as if typed, which would turn text such as 00123 or 1-2 into numbers and dates."""
    n_rows = len(frame)
    if not n_rows or not frame.shape[1]:
        return
    if any(start for start, _ in formats.values()):
        header_rows = max(start for start, _ in formats.values())
        sheet.range((1, 1), (header_rows, frame.shape[1])).number_format = TEXT_FORMAT
    for position, (start, code) in formats.items():
        if start < n_rows:
            sheet.range((start + 1, position + 1), (n_rows, position + 1)).number_format = code
    values = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
    sheet["A1"].value = values
