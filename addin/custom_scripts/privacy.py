"""Ribbon scripts of the 개인정보 group: 개인정보 점검 and 가명처리. The source never changes.

Reports carry masked samples only; the pseudonymisation key stays in the server's key folder
and only its fingerprint reaches the workbook.
"""

import os

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, find_table, for_the_user, write_grid
from custom_scripts._recipe import record_step
from dadeum.engine.frames import with_header_row
from dadeum.errors import DadeumError
from dadeum.reports.recipe import RECIPE_SHEET, pseudonymize_step

__all__ = ["pseudonymize_sheet", "scan_book"]

# Which key the ribbon uses: the server's DADEUM_KEY_NAME, else "default".
KEY_NAME_ENV = "DADEUM_KEY_NAME"


@xw.script
def scan_book(book: xw.Book):
    """통합 문서의 모든 시트에서 개인정보를 찾아, 위치·유형·가린 값을 새 시트에 씁니다."""
    from dadeum.engine.privacy.detect_scan import records_frame, scan_frame, summary_counts

    records = []
    for sheet in book.sheets:
        if sheet.name == RECIPE_SHEET:  # step names and column headers, no one's data
            continue
        values = sheet.used_range.options(ndim=2).value
        if not values or not any(cell not in (None, "") for row in values for cell in row):
            continue
        used = sheet.used_range
        frame = pd.DataFrame(values, dtype=object)
        records += scan_frame(frame, sheet=sheet.name, top=used.row, left=used.column)
    report = records_frame(records)
    counts = ", ".join(f"{kind} {count:,}건" for kind, count in summary_counts(records).items())
    title = f"찾은 개인정보: {len(records):,}건" + (f" ({counts})" if counts else "")
    width = report.shape[1]
    rows = [[title, *[None] * (width - 1)], list(report.columns)]
    rows += report.astype(object).to_numpy().tolist()
    sheet = add_result_sheet(book, "개인정보_점검")
    write_grid(sheet, pd.DataFrame(rows, dtype=object), {}, header_row=2)
    sheet.activate()


@xw.script(required_roles=["pseudonymize"])  # checked only when sign-in is on (models/user.py)
def pseudonymize_sheet(book: xw.Book):
    """선택한 표(한 칸만 선택하면 그 칸이 있는 표)를 열마다 알맞은 기법으로 가명처리해 새
    시트에 쓰고, 적정성 검토 기록을 함께 남깁니다."""
    from dadeum.engine.privacy.keys import key_fingerprint, load_key
    from dadeum.engine.privacy.plan import (
        apply_plan,
        default_plan,
        measure,
        needs_key,
        records_from_grid,
        review_frame,
    )
    from dadeum.engine.tables.grid import make_grid

    source = find_table(book, "rows")
    try:
        grid = make_grid(source.rows)
        rows = max(source.header_rows, 1)
        named = grid.iloc[rows - 1 :].reset_index(drop=True)
        if rows > 1:  # a two-row header joined as 기계판독 변환 joins it (살인_발생)
            named.iloc[0] = source.location.header_names
        frame = records_from_grid(named)
        plans = default_plan(frame)
        key = fingerprint = None
        key_name = os.environ.get(KEY_NAME_ENV) or "default"
        if needs_key(plans):
            key = load_key(key_name)
            fingerprint = key_fingerprint(key)
        result, failed = apply_plan(frame, plans, key)
    except DadeumError as error:
        raise xw.XlwingsError(for_the_user(error)) from error
    name = source.name
    review = review_frame(
        plans, source=f"{book.name} / {name}", key_name=key_name if key else None,
        key_fingerprint=fingerprint, anonymity=measure(result, plans), records=len(result),
        failed=failed,
    )  # fmt: skip
    sheet = add_result_sheet(book, f"{name}_가명")
    write_grid(sheet, with_header_row(result), {})
    write_grid(add_result_sheet(book, f"{name}_적정성검토"), with_header_row(review), {})
    # The recipe names the key the server was told to use (None: its default), never the key.
    record_step(book, pseudonymize_step(plans, os.environ.get(KEY_NAME_ENV) or None))
    sheet.activate()
