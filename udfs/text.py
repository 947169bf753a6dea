"""Text cell functions."""

import xlwings as xw

from dadeum.engine.text import clean_text_series
from udfs._excel import excel_function, map_cells

__all__ = ["clean_text"]


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="정리할 셀 또는 범위 (예: A2, A2:C100)")
@excel_function
def clean_text(text):
    """텍스트의 공백과 보이지 않는 문자를 정리합니다. 앞뒤 공백을 없애고, 연속 공백과
    줄바꿈, NBSP, 전각 공백을 한 칸으로 줄이고, 제어 문자와 폭 없는 문자를 지우고, 맥에서 온
    풀어쓴 한글을 합치고, 전각 영숫자(ＡＢＣ１２３)를 반각으로 바꿉니다. 숫자는 그대로 두고,
    범위는 같은 모양으로 돌려줍니다."""
    return map_cells(text, clean_text_series)
