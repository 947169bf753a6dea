"""Ribbon scripts of the 정리 group. Each writes new sheets and never changes the source."""

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, source_range, write_grid
from custom_scripts._recipe import record_step
from dadeum.engine.columns import GENERAL_FORMAT, TEXT_FORMAT, clean_frame, number_format
from dadeum.engine.frames import with_header_row
from dadeum.engine.issues import REPORT_COLUMNS, issues_frame
from dadeum.errors import DadeumError
from dadeum.reports.recipe import clean_step

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
    write_grid(sheet, result.frame, _formats(result))
    if result.issues:
        review = issues_frame(result.issues)
        check = add_result_sheet(book, f"{source_name}_정리_확인")
        formats = {REPORT_COLUMNS.index("원래 값"): TEXT_FORMAT}
        write_grid(check, with_header_row(review), {j: (1, fmt) for j, fmt in formats.items()})
    record_step(book, clean_step(result))
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
