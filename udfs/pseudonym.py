"""Pseudonymisation cell functions: keyed pseudonyms, generalisation and k-anonymity."""

from typing import Any

import pandas as pd
import xlwings as xw

from dadeum.engine.cells import CellError, is_blank
from dadeum.engine.privacy.generalize import generalize_series, normalize_generalize_kind
from dadeum.engine.privacy.kanon import COUNT_COLUMN, DEFAULT_THRESHOLD
from dadeum.engine.privacy.kanon import k_anonymity as measure_k_anonymity
from dadeum.engine.privacy.keys import DEFAULT_KEY_NAME, KeyNotFoundError, load_key
from dadeum.engine.privacy.pseudonym import normalize_pseudonym_kind, pseudonymize_series
from dadeum.engine.text import clean_text
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

__all__ = ["generalize", "k_anonymity", "pseudonymize"]

_BLANK_LABEL = "(빈칸)"


# With sign-in on, only users with this role may use the organisation's key
# (dadeum.server.auth.ROLE_PSEUDONYMIZE); the classic Windows path ignores it.
@xw.func(required_roles=["pseudonymize"])
@xw.arg("value", ndim=2, err_to_str=True, doc="가명으로 바꿀 셀 또는 범위 (예: A2, A2:A100)")
@xw.arg("key_name", doc='서버에 보관된 가명처리 키의 이름 (생략하면 "default")')
@xw.arg(
    "kind",
    doc='값의 종류: "전화번호", "주민등록번호", "이메일", "이름" (생략하면 값 모양으로 판단)',
)
@excel_function
def pseudonymize(value, key_name=None, kind=None):
    """값을 기관 키로 만든 가명(P-로 시작하는 16자 토큰)으로 바꿉니다. 같은 키를 쓰면 어느
    파일, 어느 달에 바꿔도 같은 사람은 같은 가명이 되어 표끼리 이어 붙일 수 있고, 키가 없는
    사람은 가명에서 원래 값을 알아낼 수 없습니다(HMAC-SHA256). 010-1234-5678과 01012345678,
    하이픈 있는 주민등록번호와 없는 번호, 대소문자만 다른 이메일은 같은 가명이 됩니다. 키는
    통합문서가 아니라 서버에 보관되며, 여기에는 키 이름만 적습니다. 범위는 같은 모양으로
    돌려줍니다."""
    code = normalize_pseudonym_kind(kind)
    key = _server_key(key_name)
    return map_cells(value, lambda column: pseudonymize_series(column, key, kind=code))


@xw.func
@xw.arg("value", ndim=2, err_to_str=True, doc="범주화할 셀 또는 범위 (예: A2, A2:A100)")
@xw.arg(
    "kind",
    doc='방법: "나이"(30대), "생년월일"(1990), "주소"(시군구까지), "날짜"(2023-03), '
    '"금액"(반올림), "상하단"(상하단 코딩), "우편번호"(앞 3자리)',
)
@xw.arg(
    "size",
    doc="단위: 나이 5 → 30~34세, 생년월일 10 → 1990년대, 주소 1 → 시도만, 날짜 "
    '"연도"·"분기", 금액 10000 → 만 원 단위, 상하단 0.05 → 양 끝 5% (생략하면 기본값)',
)
@xw.arg("on_error", doc='바꿀 수 없는 값: "error"(기본, #VALUE!) 또는 "blank"(빈칸)')
@excel_function
def generalize(value, kind, size=None, on_error="error"):
    """개인을 알아보기 어렵게 값을 범주화합니다(가명정보 처리 가이드라인의 일반화·라운딩·상하단
    코딩). 나이는 10세 단위(30대), 생년월일은 출생연도(주민등록번호에서도 읽음), 주소는
    시도와 시군구, 날짜는 연월, 금액은 천 원 단위 반올림, 우편번호는 앞 3자리로 바꾸고,
    상하단 코딩은 범위 양 끝 5%의 값을 "○○ 이상"·"○○ 이하"로 바꿉니다. size로 단위를 바꿀
    수 있고, 범위는 같은 모양으로 돌려줍니다."""
    if isinstance(on_error, str) and on_error.strip().lower() == "keep":
        # Keeping the original value would leave the personal data in the safe copy.
        raise InvalidArgumentError(
            'GENERALIZE 함수의 \'on_error\'는 "error" 또는 "blank"만 쓸 수 있습니다. '
            '"keep"은 원래 값이 그대로 남아 가명처리가 되지 않습니다.'
        )
    code = normalize_generalize_kind(kind)
    return convert_cells(
        value,
        lambda column: generalize_series(column, code, size),
        on_error,
        function="GENERALIZE",
    )


@xw.func
@xw.arg("data", ndim=2, doc="점검할 표 범위 (첫 행은 머리글)")
@xw.arg(
    "quasi_identifier_columns",
    ndim=1,
    doc='준식별자 열 이름들: 머리글 셀 범위 또는 "연령대, 성별, 시군구"처럼 쉼표로 구분한 글',
)
@xw.arg("threshold", doc=f"그룹마다 있어야 할 최소 건수 (기본 {DEFAULT_THRESHOLD})")
@excel_function
def k_anonymity(data, quasi_identifier_columns, threshold=None):
    """준식별자 열의 값 조합이 같은 레코드끼리 묶어 k-익명성을 잽니다. 첫 행에 k(가장 작은
    그룹의 건수), 다음 행에 그룹 수, 그다음에 기준 건수보다 작은 그룹에 속한 레코드의 비율을
    적고, 이어서 가장 작은 그룹 10개를 준식별자 값과 건수로 펼칩니다. k가 작으면 나이·주소를
    더 넓게 범주화하거나 작은 그룹의 레코드를 삭제하세요. 빈칸도 하나의 값으로 셉니다."""
    frame = _table(data)
    columns = _column_names(quasi_identifier_columns)
    limit = DEFAULT_THRESHOLD if is_blank(threshold) else threshold
    result = measure_k_anonymity(frame, columns, threshold=limit)
    width = max(2, len(columns) + 1)
    share = f"{result.share_below:.1%} ({result.records_below:,}/{result.records:,}건)"
    rows: list[list[Any]] = [
        ["k", result.k],
        ["그룹 수", result.groups],
        [f"{result.threshold}건 미만 그룹의 레코드", share],
        [*columns, COUNT_COLUMN],
    ]
    for record in result.smallest.itertuples(index=False, name=None):
        cells = [_BLANK_LABEL if v is None else fit_excel_cell(_plain(v)) for v in record]
        rows.append([VALUE_ERROR if isinstance(cell, CellError) else cell for cell in cells])
    return [row + [""] * (width - len(row)) for row in rows]


def _server_key(key_name: Any) -> bytes:
    """The key named in the workbook, read from the server's key folder."""
    name = _name(key_name) or DEFAULT_KEY_NAME  # a key called 2024 arrives as 2024.0
    try:
        return load_key(name)
    except KeyNotFoundError:
        # The server's folder is not the user's business; the administrator knows it.
        raise InvalidArgumentError(
            f"'{name}' 가명처리 키가 서버에 없습니다. 관리자에게 이 이름으로 키를 만들어 달라고 "
            f"요청하세요 (관리자 명령: dadeum key create {name})."
        ) from None


def _table(data: Any) -> pd.DataFrame:
    """A range with a header row as a DataFrame; rows with no value at all are dropped."""
    rows = as_rows(data)
    width = max(len(row) for row in rows)
    rows = [row + [None] * (width - len(row)) for row in rows]
    names: list[str] = []
    for j, cell in enumerate(rows[0]):
        name = _name(cell) or f"열{j + 1}"
        repeat = 2
        while name in names:  # a repeated header gets a number, as pandas' readers do
            name = f"{_name(cell)} ({repeat})"
            repeat += 1
        names.append(name)
    body = [row for row in rows[1:] if not all(is_blank(cell) for cell in row)]
    if not body:
        raise InvalidArgumentError("K_ANONYMITY: 머리글 아래에 레코드가 없습니다.")
    return pd.DataFrame(body, columns=names, dtype=object)


def _column_names(value: Any) -> list[str]:
    cells = value if isinstance(value, list) else [value]
    names: list[str] = []
    for cell in cells:
        if isinstance(cell, list):
            names += _column_names(cell)
            continue
        if is_blank(cell) or (isinstance(cell, str) and cell in EXCEL_ERRORS):
            continue
        names += [part.strip() for part in _name(cell).split(",") if part.strip()]
    return names


def _name(cell: Any) -> str:
    """A header cell as text: 2023.0 from Excel reads as "2023"."""
    if is_blank(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return clean_text(cell) if isinstance(cell, str) else str(cell)


def _plain(value: Any) -> Any:
    """numpy scalars as Python values, which every Excel runtime can serialise."""
    return value.item() if hasattr(value, "item") and not isinstance(value, str) else value
