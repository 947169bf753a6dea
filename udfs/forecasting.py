"""Forecasting cell functions: traffic volumes and 민원 counts with Korean holidays."""

from typing import Any

import pandas as pd
import xlwings as xw

from dadeum.engine import forecast as engine
from dadeum.engine.cells import is_blank
from dadeum.errors import InvalidArgumentError
from udfs._excel import as_rows, excel_function
from udfs.tables import _spill

__all__ = ["count_by_period", "forecast_accuracy", "forecast_complaints", "forecast_traffic"]

_KINDS = {
    "traffic": "traffic",
    "교통량": "traffic",
    "complaints": "complaints",
    "민원": "complaints",
    "건수": "complaints",
}


def _column(values: Any, name: str, function: str) -> list[Any]:
    """A one-column (or one-row) range as a flat list."""
    rows = as_rows(values)
    width = max(len(row) for row in rows)
    if width == 1:
        return [row[0] if row else None for row in rows]
    if len(rows) == 1:
        return list(rows[0])
    raise InvalidArgumentError(
        f"{function} 함수의 '{name}' 인수는 한 열(또는 한 행) 범위여야 합니다. "
        f"받은 범위: {len(rows)}행 × {width}열"
    )


def _pairs(dates: Any, values: Any, function: str) -> tuple[list[Any], list[Any]]:
    dates = _column(dates, "dates", function)
    values = _column(values, "values", function)
    if len(dates) != len(values):
        raise InvalidArgumentError(
            f"{function}: 날짜 범위({len(dates)}칸)와 값 범위({len(values)}칸)의 크기가 다릅니다."
        )
    keep = [i for i in range(len(dates)) if not (is_blank(dates[i]) and is_blank(values[i]))]
    return [dates[i] for i in keep], [values[i] for i in keep]


def _optional(value: Any, default: Any) -> Any:
    return default if value is None or is_blank(value) else value


def _kind(value: Any, function: str) -> str:
    key = str(_optional(value, "traffic")).strip().lower()
    if key not in _KINDS:
        raise InvalidArgumentError(
            f'{function} 함수의 \'kind\' 인수는 "traffic"(교통량) 또는 "complaints"(민원)여야 '
            f"합니다. 받은 값: {value!r}"
        )
    return _KINDS[key]


def _forecast_rows(dates, values, horizon, level, *, kind: str, function: str):
    dates, values = _pairs(dates, values, function)
    result = engine.forecast(
        dates, values, _optional(horizon, None), kind=kind, level=_optional(level, 0.95)
    )
    table = result.table.copy()
    table["날짜"] = [stamp.to_pydatetime() for stamp in table["날짜"]]
    return _spill(table)


@xw.func
@xw.arg("dates", ndim=2, doc="날짜(또는 일시) 범위: 엑셀 날짜, 2024-03-05 같은 글자 모두 됩니다")
@xw.arg("values", ndim=2, doc="날짜마다의 교통량 범위 (날짜 범위와 같은 크기)")
@xw.arg("horizon", doc="예측할 기간 수 (일 단위 자료면 일수, 시간 단위면 시간 수)")
@xw.arg("level", doc="예측 구간의 신뢰 수준 (생략하면 0.95)")
@excel_function
def forecast_traffic(dates, values, horizon, level=0.95):
    """교통량을 한국 공휴일·설날·추석을 알고 예측해 날짜, 예측, 하한, 상한을 펼칩니다. 시간·일·주·월
    단위를 알아서 알아내고, 같은 날짜는 더하고, 빠진 날짜는 앞뒤 값으로 채웁니다. 주말 기록이 없는
    자료는 근무일만 있는 자료로 보고 다음 근무일을 예측합니다. 여러 모델(계절 단순, 지수평활 ETS,
    MSTL, 달력 회귀, 명절·공휴일 효과)을 최근 기록으로 미리 예측해 보고, 가장 정확한 모델과 크게
    다르지 않은 모델들의 예측을 날짜마다 중앙값으로 묶으며, 구간은 그 검증 오차로 맞춥니다."""
    return _forecast_rows(dates, values, horizon, level, kind="traffic",
                          function="FORECAST_TRAFFIC")  # fmt: skip


@xw.func
@xw.arg("dates", ndim=2, doc="날짜 범위: 엑셀 날짜, 2024-03-05 같은 글자 모두 됩니다")
@xw.arg("values", ndim=2, doc="날짜마다의 민원 건수 범위 (날짜 범위와 같은 크기)")
@xw.arg("horizon", doc="예측할 기간 수 (일 단위 자료면 일수)")
@xw.arg("level", doc="예측 구간의 신뢰 수준 (생략하면 0.95)")
@excel_function
def forecast_complaints(dates, values, horizon, level=0.95):
    """민원 건수를 주말·공휴일·명절과 연휴 다음 날 몰림을 알고 예측해 날짜, 예측, 하한, 상한을
    펼칩니다. 기록이 없는 날은 0건으로 보되, 주말(과 공휴일)에 기록이 하나도 없으면 문을 닫는
    날로 보고 다음 근무일을 예측합니다. 예측과 구간은 0보다 작아지지 않습니다. 여러 모델을 최근
    기록으로 미리 예측해 보고, 가장 정확한 것과 크게 다르지 않은 모델들의 중앙값을 씁니다."""
    return _forecast_rows(dates, values, horizon, level, kind="complaints",
                          function="FORECAST_COMPLAINTS")  # fmt: skip


@xw.func
@xw.arg("dates", ndim=2, doc="날짜(또는 일시) 범위")
@xw.arg("values", ndim=2, doc="날짜마다의 값 범위 (날짜 범위와 같은 크기)")
@xw.arg("horizon", doc="검증할 예측 기간 수 (생략하면 한 주기: 7일, 24시간, 13주, 12개월)")
@xw.arg("kind", doc='"traffic"(교통량, 기본) 또는 "complaints"(민원 건수)')
@excel_function
def forecast_accuracy(dates, values, horizon=None, kind="traffic"):
    """예측 모델마다 최근 기록을 미리 예측해 본 정확도(백테스트)를 펼칩니다. 열은 모델, MASE(1보다
    작으면 계절 단순 예측보다 정확), sMAPE(%), 구간 적중률(%: 95% 구간에 실제 값이 든 비율),
    선택(고른 모델)입니다."""
    function = "FORECAST_ACCURACY"
    dates, values = _pairs(dates, values, function)
    table = engine.forecast_accuracy(
        dates, values, _optional(horizon, None), kind=_kind(kind, function)
    )
    return _spill(table)


@xw.func
@xw.arg("dates", ndim=2, doc="기록마다의 날짜(또는 접수 일시) 범위: 한 행이 민원 한 건")
@xw.arg(
    "period",
    doc='"day"(일별, 기본), "week"(주별, 월요일 시작), "month"(월별), '
    '"workday"(근무일별: 주말·공휴일 빼고), "workhour"(근무시간별: 근무일 09~18시)',
)
@excel_function
def count_by_period(dates, period="day"):
    """한 행이 한 건인 기록(민원 접수 목록 등)을 일·주·월별 건수로 세어 날짜, 건수를 펼칩니다.
    기록이 없는 기간도 0건으로 넣으므로 바로 예측에 쓸 수 있습니다. "workday"로 세면 주말과
    공휴일은 문을 닫는 날로 빼고(그날 접수분은 다음 근무일에 더함) 근무일만 펼치므로, 예측도
    다음 근무일 날짜로 나옵니다."""
    column = _column(dates, "dates", "COUNT_BY_PERIOD")
    table = engine.count_by_period(column, _optional(period, "day"))
    table["날짜"] = [pd.Timestamp(stamp).to_pydatetime() for stamp in table["날짜"]]
    return _spill(table)
