"""Ribbon scripts of the 정리 group. Each writes a new sheet and never changes the source."""

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, source_range
from dadeum.engine.text import clean_text_series
from dadeum.errors import DadeumError

__all__ = ["clean_text_sheet"]


@xw.script
def clean_text_sheet(book: xw.Book):
    """선택 범위(한 칸만 선택하면 시트 전체)의 텍스트를 정리해 새 시트에 씁니다."""
    try:
        source = source_range(book)
    except DadeumError as error:
        raise xw.XlwingsError(str(error)) from error
    rows = source.options(ndim=2).value
    width = max(len(row) for row in rows)
    flat = pd.Series([cell for row in rows for cell in row], dtype=object)
    cleaned = clean_text_series(flat).tolist()
    result = [cleaned[start : start + width] for start in range(0, len(cleaned), width)]
    sheet = add_result_sheet(book, f"{source.sheet.name}_정리")
    sheet["A1"].value = result
    sheet.activate()
