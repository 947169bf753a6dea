"""Contact cell functions: phone numbers, addresses and identification numbers."""

import pandas as pd
import xlwings as xw

from dadeum.engine.addresses import split_address_series
from dadeum.engine.cells import CellError, is_blank
from dadeum.engine.identifiers import check_id_series, explain_id_series, normalize_kind
from dadeum.engine.phones import to_phone_series
from dadeum.errors import InvalidArgumentError
from udfs._excel import (
    EXCEL_ERRORS,
    VALUE_ERROR,
    as_rows,
    convert_cells,
    excel_function,
    fit_excel_cell,
    map_cells,
)

__all__ = ["check_id", "split_address", "to_phone"]

_TRUE_WORDS = {"true", "1", "예", "yes", "참"}
_FALSE_WORDS = {"false", "0", "아니오", "no", "거짓", ""}


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="전화번호가 든 셀 또는 범위 (예: A2, A2:A100)")
@xw.arg("on_error", doc='변환할 수 없을 때: "error"(기본, #VALUE!), "blank"(빈칸), "keep"(원래 값)')
@excel_function
def to_phone(text, on_error="error"):
    """전화번호를 표준 하이픈 형식(010-1234-5678, 02-123-4567, 1588-1234)으로 바꿉니다.
    띄어쓰기, 점, 괄호, +82, 전각 숫자, "Tel." 같은 머리말을 가리지 않고 읽고, 엑셀이 숫자로
    저장하면서 맨 앞 0을 잃은 번호(1012345678)도 되살립니다. 내선은 "내선 12"로 붙여 두고,
    국가번호가 붙은 외국 번호는 국제 형식(+1 650-253-0000)으로 씁니다. 범위는 같은 모양으로
    돌려줍니다."""
    return convert_cells(text, to_phone_series, on_error, function="TO_PHONE")


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="주소가 든 셀 하나 또는 한 열 범위 (예: A2, A2:A100)")
@excel_function
def split_address(text):
    """주소를 시도, 시군구, 나머지 세 칸으로 나눕니다. 시도는 공식 이름으로 바꾸고(서울 →
    서울특별시, 강원도 → 강원특별자치도, 전라북도 → 전북특별자치도), 시군구는 일반구까지
    적고(성남시 분당구), 시도가 빠진 주소는 시군구가 한 곳뿐일 때만 채웁니다. 나머지의
    "ㅡ" 같은 가짜 하이픈은 "-"로 고칩니다. 셀 하나는 1행 3열로, 한 열 범위는 같은 행 수의
    3열로 돌려줍니다."""
    rows = as_rows(text)
    if any(len(row) > 1 for row in rows):
        raise InvalidArgumentError(
            "SPLIT_ADDRESS 함수는 셀 하나나 한 열 범위만 받습니다. 여러 열이면 열마다 따로 쓰세요."
        )
    cells = [row[0] if row else None for row in rows]
    out: list[list] = [[cell] * 3 if _is_excel_error(cell) else ["", "", ""] for cell in cells]
    todo = [i for i, cell in enumerate(cells) if not (is_blank(cell) or _is_excel_error(cell))]
    if todo:
        parts = split_address_series(pd.Series([cells[i] for i in todo], dtype=object))
        for i, row in zip(todo, parts.itertuples(index=False), strict=True):
            out[i] = [_fit(part) for part in row]
    return out


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="확인할 번호가 든 셀 또는 범위 (예: A2, A2:A100)")
@xw.arg(
    "kind",
    doc='번호 종류: "사업자등록번호"(사업자), "법인등록번호"(법인), "주민등록번호"(주민), '
    '"외국인등록번호"(외국인)',
)
@xw.arg("detail", doc="TRUE면 참/거짓 대신 그 이유를 글로 돌려줍니다 (기본 FALSE)")
@excel_function
def check_id(text, kind, detail=False):
    """사업자등록번호·법인등록번호·주민등록번호·외국인등록번호가 올바른지 TRUE/FALSE로
    알려줍니다. 사업자·법인등록번호는 검증번호를, 주민·외국인등록번호는 자릿수, 생년월일,
    성별 자리를 봅니다. 2020년 10월부터 주민등록번호 뒷자리는 검증번호 없이 부여되므로
    검증번호가 틀려도 TRUE이며, detail을 TRUE로 주면 그런 사정까지 이유를 글로 알려줍니다.
    하이픈과 띄어쓰기는 있어도 없어도 되고, 빈칸은 빈칸으로 둡니다."""
    code = normalize_kind(kind)
    series = explain_id_series if _as_flag(detail) else check_id_series
    return map_cells(text, lambda column: series(column, code))


def _is_excel_error(value) -> bool:
    return isinstance(value, str) and value in EXCEL_ERRORS


def _fit(value):
    value = fit_excel_cell(value)
    return VALUE_ERROR if isinstance(value, CellError) else value


def _as_flag(value) -> bool:
    """An Excel TRUE/FALSE argument, also accepting 1/0 and the words people type."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        return value != 0
    word = str(value).strip().lower()
    if word in _TRUE_WORDS | _FALSE_WORDS:
        return word in _TRUE_WORDS
    raise InvalidArgumentError(
        f"CHECK_ID 함수의 'detail' 인수는 TRUE 또는 FALSE여야 합니다. 받은 값: {value!r}"
    )
