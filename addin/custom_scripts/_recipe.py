"""Recording ribbon actions into the workbook's hidden recipe sheet (``_다듬_레시피``)."""

from pathlib import PurePath

import xlwings as xw

from dadeum.engine.columns import TEXT_FORMAT
from dadeum.errors import DadeumError
from dadeum.reports.recipe import RECIPE_SHEET, append_step, recipe_from_cells, recipe_rows


def recipe_sheet(book: xw.Book) -> xw.Sheet | None:
    for sheet in book.sheets:
        if sheet.name == RECIPE_SHEET:
            return sheet
    return None


def read_recipe(book: xw.Book) -> dict | None:
    """The workbook's recipe, or None when nothing has been recorded yet."""
    sheet = recipe_sheet(book)
    if sheet is None:
        return None
    try:
        return recipe_from_cells(sheet.used_range.options(ndim=2).value)
    except DadeumError as error:
        raise xw.XlwingsError(
            f"{error} '{RECIPE_SHEET}' 시트를 숨기기 취소한 뒤 지우면 새로 기록합니다."
        ) from error


def record_step(book: xw.Book, step: dict) -> None:
    """Append ``step`` to the recipe sheet, creating it (hidden, last) on the first record.

    Call it before the script activates its result sheet: adding a sheet makes it active.
    """
    sheet = recipe_sheet(book)
    cells = sheet.used_range.options(ndim=2).value if sheet is not None else None
    try:
        recipe = append_step(cells, step, PurePath(book.name).stem + " 레시피")
    except DadeumError as error:
        raise xw.XlwingsError(
            f"{error} '{RECIPE_SHEET}' 시트를 숨기기 취소한 뒤 지우면 새로 기록합니다."
        ) from error
    rows = recipe_rows(recipe)
    if sheet is None:
        sheet = book.sheets.add(name=RECIPE_SHEET, after=book.sheets[-1])
        sheet.visible = False  # kept out of the way; 레시피 > 보기 shows it
    else:
        sheet.used_range.clear_contents()
    # Text format first, so Excel keeps "false", "1" and column names such as 2023 as written.
    sheet.range((1, 1), (len(rows), len(rows[0]))).number_format = TEXT_FORMAT
    sheet["A1"].value = [["" if cell is None else str(cell) for cell in row] for row in rows]
