"""Ribbon scripts of the 변환 group: 기계판독 변환 and 기계판독 점검 (the source never changes)."""

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, find_table, labelled, write_grid
from custom_scripts._recipe import record_step
from dadeum.engine.frames import with_header_row
from dadeum.engine.issues import issues_frame
from dadeum.engine.tables.check import check_grid
from dadeum.engine.tables.tidy import tidy_grid
from dadeum.reports.recipe import tidy_step

__all__ = ["check_sheet", "tidy_sheet"]


def _source_grid(book: xw.Book) -> tuple[pd.DataFrame, str]:
    # Titles, units and notes stay in: the conversion reads them (단위: 천원 scales values).
    source = find_table(book, "table", whole=True)
    return source.location.grid, source.name


@xw.script
def tidy_sheet(book: xw.Book):
    """선택한 표(한 칸만 선택하면 시트 전체)를 기계판독 가능한 표로 바꿔 새 시트에 쓰고,
    바꾼 내용을 변환기록 시트에 남깁니다."""
    grid, name = _source_grid(book)
    tables = tidy_grid(grid, sheet=name)
    if not tables:
        raise xw.XlwingsError("표를 찾지 못했습니다. 값이 있는 범위를 선택한 뒤 다시 눌러 주세요.")
    first = None
    for number, table in enumerate(tables, start=1):
        suffix = "_기계판독" if len(tables) == 1 else f"_기계판독{number}"
        sheet = add_result_sheet(book, f"{name}{suffix}")
        write_grid(sheet, with_header_row(table.data), {})
        first = first or sheet
    log = labelled(issues_frame([issue for table in tables for issue in table.issues]))
    if len(log):
        write_grid(add_result_sheet(book, f"{name}_변환기록"), with_header_row(log), {})
    record_step(book, tidy_step())
    first.activate()


@xw.script
def check_sheet(book: xw.Book):
    """선택한 표(한 칸만 선택하면 시트 전체)가 기계판독 기준에 맞는지 점검해 결과를 새 시트에
    씁니다."""
    grid, name = _source_grid(book)
    report = check_grid(grid, sheet=name)
    frame = labelled(report.frame())
    width = frame.shape[1]
    rows = [[f"기계판독 점수: {report.score}점 / 100점", *[None] * (width - 1)]]
    if len(frame):
        rows += [list(frame.columns), *frame.astype(object).to_numpy().tolist()]
    else:
        rows.append(["기계판독 기준에 어긋나는 곳을 찾지 못했습니다.", *[None] * (width - 1)])
    sheet = add_result_sheet(book, f"{name}_점검")
    write_grid(sheet, pd.DataFrame(rows, dtype=object), {}, header_row=2)
    sheet.activate()
