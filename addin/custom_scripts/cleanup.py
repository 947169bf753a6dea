"""Ribbon scripts of the 정리 group. Each writes new sheets and never changes the source."""

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, find_table, labelled, write_grid
from custom_scripts._recipe import record_step
from dadeum.engine.columns import GENERAL_FORMAT, TEXT_FORMAT, clean_frame, number_format
from dadeum.engine.frames import with_header_row
from dadeum.engine.issues import REPORT_COLUMNS, issues_frame
from dadeum.engine.tables.header import header_text
from dadeum.errors import DadeumError
from dadeum.reports.recipe import clean_step

__all__ = ["clean_sheet"]


@xw.script
def clean_sheet(book: xw.Book):
    """선택한 표(한 칸만 선택하면 그 칸이 있는 표)의 열마다 숫자·날짜·전화번호·텍스트를 알아내
    정리한 표를 새 시트에 쓰고, 바꾸지 못한 셀은 확인 시트에 모읍니다. 원본은 그대로 둡니다."""
    source = find_table(book, "cells")
    frame = pd.DataFrame(source.rows, dtype=object)
    source_name = source.name
    # A multi-row header as the table finder reads it (2014년 over 합계, 20세이하 …); one
    # row or none is left to clean_frame, which also knows a list without a header.
    header = source.header_rows if source.header_rows > 1 or _years_across(source) else None
    try:
        result = clean_frame(
            frame, header=header, top=source.top, left=source.left, sheet=source_name
        )
    except DadeumError as error:
        raise xw.XlwingsError(str(error)) from error
    # Header cells are names: a year written as a number becomes the text 2015 (not 2,015).
    for row in range(result.header_rows):
        result.frame.iloc[row] = [
            header_text(cell) if cell is not None and not isinstance(cell, str) else cell
            for cell in result.frame.iloc[row]
        ]

    sheet = add_result_sheet(book, f"{source_name}_정리")
    write_grid(sheet, result.frame, _formats(result), header_row=max(result.header_rows, 1))
    if result.issues:
        review = labelled(issues_frame(result.issues))
        check = add_result_sheet(book, f"{source_name}_정리_확인")
        formats = {REPORT_COLUMNS.index("원래 값"): TEXT_FORMAT}
        write_grid(check, with_header_row(review), {j: (1, fmt) for j, fmt in formats.items()})
    # As the CLI's --save-recipe records it; a one-row header of years is recorded as given.
    record_step(book, clean_step(result, True if header == 1 else header))
    sheet.activate()


def _years_across(source) -> bool:
    """A one-row header of years (2009, 2010, …), which clean_frame alone would take for data
    because it holds numbers."""
    if source.header_rows != 1 or len(source.rows) < 2:
        return False
    cells = [cell for cell in source.rows[0] if cell is not None and cell != ""]
    years = [cell for cell in cells if not isinstance(cell, str)]
    return (
        bool(years)
        and all(
            isinstance(cell, int | float) and float(cell).is_integer() and 1900 <= cell <= 2100
            for cell in years
        )
        and len({*map(str, cells)}) == len(cells)
    )


def _column_name(result, position: int) -> str:
    """The header cells of a column joined (기간, 민원번호, 2014년 합계)."""
    cells = result.frame.iloc[: result.header_rows, position].tolist()
    return " ".join(str(cell) for cell in cells if isinstance(cell, str) and cell.strip())


def _formats(result) -> dict[int, tuple[int, str]]:
    """Column position → (first data row, number format), skipping Excel's default."""
    formats = {}
    for position, (label, kind) in enumerate(result.types.items()):
        data = result.frame[label].iloc[result.header_rows :]
        code = number_format(data, kind, name=_column_name(result, position))
        if code != GENERAL_FORMAT:
            formats[position] = (result.header_rows, code)
    return formats
