"""Table cell functions: tidy tables, long records and the machine-readability check."""

from typing import Any

import pandas as pd
import xlwings as xw

from dadeum.engine.cells import CellError
from dadeum.engine.tables.check import RULES, check_grid
from dadeum.engine.tables.grid import make_grid
from dadeum.engine.tables.tidy import TidyTable, tidy_grid, to_long
from dadeum.errors import InvalidArgumentError
from udfs._excel import VALUE_ERROR, as_rows, excel_function, fit_excel_cell

__all__ = ["mr_check", "tidy", "unpivot"]


def _first_table(data: Any, header_rows: Any = None, *, function: str) -> TidyTable:
    count = None
    if header_rows not in (None, ""):
        try:
            count = int(float(header_rows))
        except (TypeError, ValueError):
            count = 0
        if not 1 <= count <= 10:
            raise InvalidArgumentError(
                f"{function} 함수의 'header_rows' 인수는 1부터 10 사이의 수여야 합니다. "
                f"받은 값: {header_rows!r}"
            )
    tables = tidy_grid(make_grid(as_rows(data)), header_rows=count)
    if not tables:
        raise InvalidArgumentError(f"{function}: 범위에서 표를 찾지 못했습니다 (값이 없습니다).")
    return tables[0]


def _spill(frame: pd.DataFrame) -> list[list[Any]]:
    """A DataFrame as rows for Excel: the header, then the values; blanks as empty cells."""
    rows = [[str(name) for name in frame.columns]]
    for record in frame.itertuples(index=False, name=None):
        cells = [fit_excel_cell(None if _missing(value) else value) for value in record]
        rows.append([VALUE_ERROR if isinstance(cell, CellError) else cell for cell in cells])
    return rows


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


@xw.func
@xw.arg("data", ndim=2, doc="변환할 표 범위 (제목·단위·주석 행이 있어도 됩니다)")
@xw.arg("header_rows", doc="머리글 행 수 (생략하면 자동으로 알아냅니다)")
@excel_function
def tidy(data, header_rows=None):
    """사람이 보기 좋게 만든 표를 기계가 읽을 수 있는 표로 바꿔 펼칩니다. 제목·단위·주석 행을
    빼고, 여러 줄 머리글을 한 줄로 합치고(2023_남), 병합된 칸을 채우고, 합계·소계 행과 열을
    빼고, 천원 같은 단위를 환산하고, 1,234나 △500 같은 글자를 숫자로 바꿉니다. 범위에 표가 여러
    개면 첫 번째 표를 바꿉니다."""
    return _spill(_first_table(data, header_rows, function="TIDY").data)


@xw.func
@xw.arg("data", ndim=2, doc="펼칠 표 범위 (머리글 포함)")
@xw.arg("id_columns", ndim=1, doc="기준 열: 왼쪽부터 몇 개 열인지(숫자) 또는 열 이름들")
@excel_function
def unpivot(data, id_columns=None):
    """옆으로 넓게 펼쳐진 표(연도·월·항목이 열에 있는 표)를 값 하나에 한 행인 긴 표로
    바꿉니다. 기준 열(시군구 등)은 그대로 두고, 머리글 단계마다 한 열(연도, 성별 등)과 value
    열을 만듭니다. 기준 열을 생략하면 왼쪽의 글자 열을 기준 열로 봅니다."""
    table = _first_table(data, function="UNPIVOT")
    names = list(table.data.columns)
    wanted = [v for v in (id_columns or []) if not _missing(v) and v != ""]
    if len(wanted) == 1 and isinstance(wanted[0], (int, float)):
        count = int(wanted[0])
        if not 0 <= count < len(names):
            raise InvalidArgumentError(
                f"UNPIVOT 함수의 'id_columns' 인수는 0부터 {len(names) - 1} 사이여야 합니다. "
                f"받은 값: {wanted[0]!r}"
            )
        ids = names[:count]
    elif wanted:
        missing = [str(v) for v in wanted if str(v) not in names]
        if missing:
            raise InvalidArgumentError(
                f"UNPIVOT: 표에 없는 열 이름입니다: {', '.join(missing)}. "
                f"표의 열: {', '.join(names)}"
            )
        ids = [str(v) for v in wanted]
    else:
        ids = table.label_columns
    table.label_columns = ids
    table.levels = {n: table.levels.get(n) or [n] for n in names if n not in ids}
    return _spill(to_long(table))


@xw.func
@xw.arg("data", ndim=2, doc="점검할 표 범위")
@excel_function
def mr_check(data):
    """표가 공공데이터 기계판독 기준에 맞는지 점검해, 어긋난 곳마다 규칙, 셀, 문제, 고치는
    방법을 펼칩니다. 첫 행은 100점 만점의 점수입니다. 셀 위치는 범위의 왼쪽 위 칸을 A1로
    셉니다."""
    report = check_grid(make_grid(as_rows(data)))
    rows = [["규칙", "셀", "값", "문제", "고치는 방법"],
            ["기계판독 점수", "", "", f"{report.score}점 / 100점", ""]]  # fmt: skip
    for issue in report.issues:
        _, rule_name, fix = RULES[issue.type]
        value = "" if _missing(issue.value) else issue.value
        value = fit_excel_cell(value)
        rows.append([rule_name, issue.cell, "" if isinstance(value, CellError) else value,
                     issue.message, fix])  # fmt: skip
    return rows
