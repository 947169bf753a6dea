"""Number cell functions."""

import xlwings as xw

from dadeum.engine._validation import check_choice
from dadeum.engine.cells import ON_ERROR_CHOICES
from dadeum.engine.numbers import to_number_series
from udfs._excel import convert_cells, excel_function

__all__ = ["to_number"]


@xw.func
@xw.arg("text", ndim=2, err_to_str=True, doc="숫자로 바꿀 셀 또는 범위 (예: A2, A2:C100)")
@xw.arg("on_error", doc='변환할 수 없을 때: "error"(기본, #VALUE!), "blank"(빈칸), "keep"(원래 값)')
@excel_function
def to_number(text, on_error="error"):
    """숫자처럼 적힌 글자를 계산할 수 있는 숫자로 바꿉니다. 쉼표(1,234), 원·천원·백만원·명·㎡ 같은
    단위, 만·억·조가 섞인 금액(3억 5천만원), 예산서의 음수 표시(△1,000, (1,234)), 전각 숫자를 읽고
    12.5%는 0.125로 바꿉니다. 통계표 기호(-, …, x, 비공개)는 빈칸이 되고, 날짜·전화번호·모호한 값은
    #VALUE!와 이유를 보여 줍니다. 숫자는 그대로 두고, 범위는 같은 모양으로 돌려줍니다."""
    # Checked here too, so a wrong option is reported even when every cell is blank.
    check_choice("TO_NUMBER", "on_error", on_error or "error", ON_ERROR_CHOICES)
    return convert_cells(text, to_number_series, on_error, function="TO_NUMBER")
