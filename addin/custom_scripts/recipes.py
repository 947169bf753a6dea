"""Ribbon scripts of the 레시피 group: 보기, 내보내기, 다시 실행. Each writes a new sheet.

The recipe is the one the 정리, 기계판독 변환 and 가명처리 buttons recorded in the hidden
``_다듬_레시피`` sheet (see ``custom_scripts._recipe``).
"""

import os

import pandas as pd
import xlwings as xw

from custom_scripts._book import (
    add_result_sheet,
    find_table,
    for_the_user,
    labelled,
    lay_out,
    write_grid,
)
from custom_scripts._recipe import read_recipe
from dadeum.engine.columns import TEXT_FORMAT
from dadeum.engine.frames import with_header_row
from dadeum.engine.issues import REPORT_COLUMNS, issues_frame
from dadeum.engine.recipes import TABLE_COLUMNS
from dadeum.errors import DadeumError
from dadeum.reports.recipe import EXPORT_LIMIT, recipe_json, recipe_rows
from dadeum.server.auth import ROLE_PSEUDONYMIZE, check_roles

__all__ = ["export_recipe", "replay_recipe", "show_recipe"]

NO_RECIPE = (
    "이 통합 문서에는 아직 기록된 레시피가 없습니다. 정리, 기계판독 변환, 가명처리를 실행하면 "
    "그 단계가 기록됩니다."
)


def _recipe(book: xw.Book) -> dict:
    recipe = read_recipe(book)
    if recipe is None or not recipe["steps"]:
        raise xw.XlwingsError(NO_RECIPE)
    return recipe


def _text_grid(sheet: xw.Sheet, rows: list[list]) -> None:
    """Write ``rows`` as text, so Excel shows "false" and "1" as the recipe has them."""
    width = max(len(row) for row in rows)
    sheet.range((1, 1), (len(rows), width)).number_format = TEXT_FORMAT
    sheet["A1"].value = [
        ["" if cell is None else str(cell) for cell in row] + [""] * (width - len(row))
        for row in rows
    ]


@xw.script
def show_recipe(book: xw.Book):
    """이 통합 문서에 기록된 레시피(단계, 열, 옵션, 값, 설명)를 읽기 쉬운 새 시트에 씁니다."""
    from dadeum.engine.labels import recipe_value_label

    recipe = _recipe(book)
    sheet = add_result_sheet(book, "레시피_보기")
    value = TABLE_COLUMNS.index("값")
    rows = recipe_rows(recipe)  # clean, number, null, false → 정리, 숫자, 자동, 아니요
    rows = [rows[0], *[[*row[:value], recipe_value_label(row[value]), *row[value + 1 :]]
                       for row in rows[1:]]]  # fmt: skip
    _text_grid(sheet, rows)
    lay_out(sheet, rows)
    sheet.activate()


@xw.script
def export_recipe(book: xw.Book):
    """레시피를 `dadeum recipe run`이 읽는 JSON으로 새 시트의 A3 셀 하나에 씁니다."""
    # A ribbon script runs on the server and cannot save a file on the user's PC, and Office.js
    # offers no save dialog. One cell of JSON works everywhere (Windows, Mac, web): copy A3,
    # paste it into Notepad and save it as .json. The task pane also offers copy and download.
    recipe = _recipe(book)
    text = recipe_json(recipe)
    if len(text) > EXPORT_LIMIT:
        raise xw.XlwingsError(
            f"레시피 JSON이 {len(text):,}자로 셀 하나({EXPORT_LIMIT:,}자)에 담기지 않습니다. "
            "작업창의 레시피 내려받기를 쓰세요."
        )
    rows = [
        [f"레시피 '{recipe['name']}' (단계 {len(recipe['steps'])}개)"],
        ["A3 셀을 복사해 메모장에 붙여 넣고 '레시피.json'처럼 저장하면 "
         "'dadeum recipe run 레시피.json 폴더 --out 결과'로 다른 파일에 다시 실행할 수 있습니다."],
        [text],
    ]  # fmt: skip
    sheet = add_result_sheet(book, "레시피_JSON")
    _text_grid(sheet, rows)
    sheet.activate()


def _key_for(recipe: dict) -> tuple[bytes | None, DadeumError | None]:
    """The key a recipe's 가명처리 step names (else the server's), or why it is missing."""
    from custom_scripts.privacy import KEY_NAME_ENV
    from dadeum.engine.privacy.keys import load_key

    steps = [step for step in recipe["steps"] if step["step"] == "pseudonymize"]
    if not steps:
        return None, None
    name = steps[0].get("key_name") or os.environ.get(KEY_NAME_ENV) or "default"
    try:
        return load_key(name), None
    except DadeumError as error:  # only a problem when a step needs the key
        return None, error


try:  # the add-in server passes the signed-in user; the classic path and Lite have none
    from xlwings_server.models import CurrentUser
except Exception:  # ImportError, or xlwings.LicenseError in classic Excel without a licence key
    CurrentUser = None


def _pseudonymizes(recipe: dict) -> bool:
    return any(step.get("step") == "pseudonymize" for step in recipe.get("steps", []))


@xw.script
def replay_recipe(book: xw.Book, user: CurrentUser = None):
    """기록된 레시피를 선택한 표(한 칸만 선택하면 시트 전체)에 다시 실행해 결과를 새 시트에
    씁니다. 레시피의 열이 표에 없으면 아무것도 쓰지 않고 알려 드립니다."""
    from dadeum.engine.recipe_replay import apply_recipe
    from dadeum.engine.tables.grid import make_grid

    recipe = _recipe(book)
    if user is not None and _pseudonymizes(recipe):
        # The same role the 가명처리 button needs: replaying must not be a way around it.
        check_roles(user, [ROLE_PSEUDONYMIZE])
    # A recipe that starts with 기계판독 변환 reads the titles and units around the table.
    starts_with_tidy = recipe["steps"][0].get("step") == "tidy"
    source = find_table(book, "rows", whole=starts_with_tidy)
    grid = make_grid(source.rows)
    key, key_problem = _key_for(recipe)
    try:
        frame, issues = apply_recipe(grid, recipe, key=key)
    except DadeumError as error:
        if key_problem is not None and "키가 없습니다" in str(error):
            raise xw.XlwingsError(
                f"레시피의 가명처리에 쓸 키가 없습니다: {for_the_user(key_problem)}"
            ) from error
        raise xw.XlwingsError(f"레시피를 다시 실행하지 못했습니다. {error}") from error
    name = source.name
    sheet = add_result_sheet(book, f"{name}_레시피")
    header_rows = frame.attrs.get("header_rows")
    if header_rows:  # a multi-row header is written as the recorded 정리 step wrote it
        top = pd.DataFrame(header_rows, columns=frame.columns, dtype=object)
        cells = pd.concat([top, frame.astype(object)], ignore_index=True)
        formats = {p: (len(header_rows), f) for p, (_, f) in _text_columns(frame).items()}
        write_grid(sheet, cells, formats, header_row=len(header_rows))
    else:
        write_grid(sheet, with_header_row(frame), _text_columns(frame))
    if issues:
        review = labelled(issues_frame(issues))
        formats = {REPORT_COLUMNS.index("원래 값"): (1, TEXT_FORMAT)}
        write_grid(add_result_sheet(book, f"{name}_레시피_확인"), with_header_row(review), formats)
    sheet.activate()


def _text_columns(frame: pd.DataFrame) -> dict[int, tuple[int, str]]:
    """Columns of text only (phone numbers, codes such as 00123) keep the text format."""
    formats = {}
    for position, column in enumerate(frame.columns):
        filled = [value for value in frame[column] if value is not None and value == value]
        if filled and all(isinstance(value, str) for value in filled):
            formats[position] = (1, TEXT_FORMAT)
    return formats
