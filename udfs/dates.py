"""Date cell functions."""

import xlwings as xw

from dadeum.engine.dates import to_date_series
from udfs._excel import convert_cells, excel_function

__all__ = ["to_date"]


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="날짜로 바꿀 셀 또는 범위 (예: A2, A2:A100)")
@xw.arg("on_error", doc='변환할 수 없을 때: "error"(기본, #VALUE!), "blank"(빈칸), "keep"(원래 값)')
@excel_function
def to_date(text, on_error="error"):
    """여러 모양으로 적힌 날짜를 엑셀 날짜로 바꿉니다. 2023. 3. 5., 2023.03.05, 2023-3-5,
    2023/03/05, 20230305, 23.3.5, '23.3.5, 2023년 3월 5일, 요일이 붙은 날짜, 시각이 붙은 날짜
    (2023-03-05 14:30, 오후 2시 30분), 엑셀 날짜 일련번호를 읽고, 2023.07, 2023년 3월,
    2017.1/4, 2017년 1분기, 2014년 같은 기간은 그 첫날로 바꿉니다. 03/05/2023처럼 일/월 순서를
    알 수 없는 값, 2023.2.30처럼 없는 날짜, 날짜와 맞지 않는 요일은 이유와 함께 #VALUE!가
    됩니다. 범위는 같은 모양으로 돌려줍니다."""
    return convert_cells(text, to_date_series, on_error, function="TO_DATE")
