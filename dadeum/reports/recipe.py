"""The recipe a workbook carries: steps the ribbon recorded, kept as the engine's table form.

Every ribbon action that changes data (정리, 기계판독 변환, 가명처리) appends the same step the
command line's ``--save-recipe`` writes, so a recipe recorded in Excel replays with
``dadeum recipe run`` and the other way round. In the workbook the recipe lives in a hidden
sheet (``RECIPE_SHEET``) as the readable table of ``dadeum.engine.recipes.recipe_table``:
단계, 열, 옵션, 값, 설명, one option per row. Nothing here touches Excel: the ribbon scripts
read and write the cells, this module turns them into a recipe and back.
"""

import json
from typing import Any

from dadeum.engine.recipe_replay import header_names
from dadeum.engine.recipes import (
    TABLE_COLUMNS,
    check_recipe_size,
    new_recipe,
    recipe_from_table,
    recipe_table,
    technique_spec,
)
from dadeum.errors import InvalidArgumentError
from dadeum.limits import MAX_RECIPE_ROWS

__all__ = [
    "EXPORT_LIMIT",
    "RECIPE_SHEET",
    "append_step",
    "clean_step",
    "pseudonymize_step",
    "recipe_from_cells",
    "recipe_json",
    "recipe_rows",
    "tidy_step",
]

# Starts with "_" like the other helper sheets, so it sorts apart and is easy to recognise.
RECIPE_SHEET = "_다듬_레시피"
EXPORT_LIMIT = 32_767  # characters one Excel cell holds


def clean_step(result, header: bool | None = None) -> dict:
    """The 정리 step of a ``clean_frame`` result: each column's detected type by header."""
    names = header_names(result.frame, result.header_rows) if result.header_rows else []
    types = dict(zip(names, result.types.values(), strict=False))
    return {"step": "clean", "header": header, "types": types, "order": names}


def tidy_step(header_rows: int | None = None, long: bool = False, totals: bool = False) -> dict:
    return {"step": "tidy", "header_rows": header_rows, "long": long, "totals": totals}


def pseudonymize_step(plans, key_name: str | None) -> dict:
    """The 가명처리 step: the technique chosen for each column, and the key's name (not the key)."""
    columns = {plan.column: technique_spec(plan) for plan in plans}
    return {"step": "pseudonymize", "columns": columns, "key_name": key_name}


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def recipe_from_cells(cells: list[list] | None) -> dict | None:
    """The recipe in a recipe sheet's cells (header row first); None when the sheet is empty.

    Raises InvalidArgumentError, in Korean, when the cells do not hold a valid recipe table.
    """
    rows = [list(row) for row in cells or [] if any(not _blank(cell) for cell in row)]
    if not rows:
        return None
    if len(rows) > MAX_RECIPE_ROWS + 1:
        raise InvalidArgumentError(
            f"'{RECIPE_SHEET}' 시트가 {len(rows) - 1:,}행으로 너무 깁니다 "
            f"({MAX_RECIPE_ROWS:,}행까지). 레시피 표가 손상되었습니다."
        )
    # The sheet's text, bounded like a recipe file before anything is parsed from it.
    check_recipe_size(sum(len(str(cell)) for row in rows for cell in row if cell is not None))
    import pandas as pd

    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    missing = [name for name in TABLE_COLUMNS if name not in header]
    if missing:
        raise InvalidArgumentError(
            f"'{RECIPE_SHEET}' 시트의 첫 행에 {', '.join(missing)} 머리글이 없습니다. "
            "레시피 표가 손상되었습니다."
        )
    width = len(header)
    body = [row + [None] * (width - len(row)) for row in rows[1:]]
    frame = pd.DataFrame([row[:width] for row in body], columns=header, dtype=object)
    return recipe_from_table(frame)


def recipe_rows(recipe: dict) -> list[list]:
    """The cells to write for ``recipe``: the header row and one row per option."""
    table = recipe_table(recipe)
    body = table.astype(object).where(table.notna(), None).to_numpy().tolist()
    return [list(TABLE_COLUMNS), *body]


def append_step(cells: list[list] | None, step: dict, name: str) -> dict:
    """The recipe in ``cells`` (or a new one called ``name``) with ``step`` appended."""
    recipe = recipe_from_cells(cells) or new_recipe(name)
    recipe["steps"].append(step)
    return recipe


def recipe_json(recipe: dict, *, indent: int | None = None) -> str:
    """The recipe as the JSON text ``dadeum recipe run`` reads."""
    return json.dumps(recipe, ensure_ascii=False, indent=indent)
