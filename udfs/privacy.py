"""Personal-data cell functions: which kinds a cell holds, and the cell with them masked."""

from collections.abc import Callable
from typing import Any

import pandas as pd
import xlwings as xw

from dadeum.engine.cells import is_blank
from dadeum.engine.privacy import find_pii_series, header_types, mask_pii_series
from udfs._excel import EXCEL_ERRORS, as_rows, excel_function, map_cells

__all__ = ["find_pii", "mask_pii"]

_HEADER_DOC = (
    '열 머리글 (예: "성명", "연락처", "계좌번호"). 주면 이름·계좌번호처럼 약한 유형도 찾습니다'
)


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="개인정보를 찾을 셀 또는 범위 (예: A2, A1:C100)")
@xw.arg("header", doc=_HEADER_DOC)
@excel_function
def find_pii(text, header=None):
    """셀에 든 개인정보의 종류를 쉼표로 이어 알려줍니다. 주민등록번호, 외국인등록번호,
    여권번호, 운전면허번호, 사업자등록번호, 법인등록번호, 전화번호, 이메일, 카드번호, 계좌번호,
    주소, 이름, 차량번호, IP주소를 찾고, 없으면 빈칸입니다. "960101-1234567이고"처럼 조사가
    붙어도, 전각 숫자여도 찾습니다. 범위의 첫 행이 "성명", "연락처" 같은 머리글이면 그 열을
    그 종류로 보고 더 잘 찾습니다. 범위는 같은 모양으로 돌려줍니다."""
    return _by_column(text, header, _types_found)


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="개인정보를 가릴 셀 또는 범위 (예: A2, A1:C100)")
@xw.arg("header", doc=_HEADER_DOC)
@excel_function
def mask_pii(text, header=None):
    """셀에 든 개인정보를 가명정보 처리 가이드라인 방식으로 가립니다(마스킹). 주민등록번호는
    900101-1******, 전화번호는 010-****-5678, 이름은 홍*동, 이메일은 k***@example.com, 주소는
    번지와 동·호수를 가리는 식이며, 앞뒤 글자와 조사는 그대로 둡니다. 개인정보가 없는 셀과
    빈칸, 날짜, 금액은 그대로 돌려줍니다. 범위는 같은 모양으로 돌려줍니다."""
    return _by_column(text, header, mask_pii_series)


def _types_found(values: pd.Series, *, header: Any = None) -> pd.Series:
    """Comma-separated type names per cell, in the order they appear; "" for none."""
    found = find_pii_series(values, header=header)
    return found.map(lambda findings: ", ".join(dict.fromkeys(f.type for f in findings)))


def _by_column(values: Any, header: Any, convert: Callable[..., pd.Series]) -> list[list[Any]]:
    """Run ``convert`` on each column of the range with that column's header, keeping shape.

    The header is the ``header`` argument, or else the column's first cell when it is a
    label such as "성명" or "연락처" (a label holds no personal data, so it is left as is).
    """
    rows = as_rows(values)
    width = max(len(row) for row in rows)
    grid = [row + [None] * (width - len(row)) for row in rows]
    given = None if is_blank(header) else header
    out = [[None] * width for _ in grid]
    for j in range(width):
        column = [[row[j]] for row in grid]
        label = given if given is not None else _label(column)
        result = map_cells(column, lambda series, label=label: convert(series, header=label))
        for i, cell in enumerate(result):
            out[i][j] = cell[0]
    return out


def _label(column: list[list[Any]]) -> str | None:
    """The first cell of a column of two or more, when it is a header naming a kind."""
    first = column[0][0] if column else None
    if len(column) < 2 or not isinstance(first, str) or first in EXCEL_ERRORS:
        return None
    if len(first) > 20 or any(ch.isdigit() for ch in first):
        return None
    return first if header_types(first) else None
