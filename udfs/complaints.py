"""민원 text cell functions: route to a department, keywords and trends, similar 민원."""

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any

import xlwings as xw

from dadeum.engine.cells import is_blank
from dadeum.engine.complaints import ComplaintClassifier
from dadeum.engine.complaints.keywords import top_keywords
from dadeum.engine.complaints.repeats import similar_complaints as _similar
from dadeum.errors import InvalidArgumentError
from udfs._excel import EXCEL_ERRORS, as_rows, excel_function
from udfs.forecasting import _column, _optional
from udfs.tables import _spill

__all__ = ["classify_complaints", "complaint_keywords", "similar_complaints"]

# Fitted models by a digest of their training ranges: recalculating a sheet (or classifying
# another range against the same history) does not learn again.
_MODELS: OrderedDict[str, ComplaintClassifier] = OrderedDict()
_MODELS_KEPT = 8
_models_lock = threading.Lock()


def _text(value: Any) -> Any:
    """A cell as 민원 text; blanks and Excel errors as None."""
    if is_blank(value) or (isinstance(value, str) and value in EXCEL_ERRORS):
        return None
    return str(value)


def _trained(texts: list[Any], labels: list[Any]) -> ComplaintClassifier:
    digest = hashlib.sha256(
        json.dumps([texts, labels], ensure_ascii=False, default=str).encode()
    ).hexdigest()
    with _models_lock:
        if digest in _MODELS:
            _MODELS.move_to_end(digest)
            return _MODELS[digest]
    model = ComplaintClassifier().fit(texts, labels)
    with _models_lock:
        _MODELS[digest] = model
        while len(_MODELS) > _MODELS_KEPT:
            _MODELS.popitem(last=False)
    return model


@xw.func
@xw.arg("texts", ndim=2, err_to_str=True, doc="분류할 민원 내용 셀 또는 범위 (예: B2:B50)")
@xw.arg("train_texts", ndim=2, err_to_str=True, doc="학습에 쓸 지난 민원 내용 범위 (한 열)")
@xw.arg("train_labels", ndim=2, err_to_str=True,
        doc="지난 민원마다의 담당부서나 분류 범위 (학습용 민원 내용과 같은 크기)")  # fmt: skip
@xw.arg("min_confidence", doc='이보다 확신도(0~1)가 낮으면 "모름"으로 둡니다 (생략하면 0.3)')
@excel_function
def classify_complaints(texts, train_texts, train_labels, min_confidence=0.3):
    """지난 민원과 그 담당부서(또는 분류)로 배워, 새 민원마다 맡을 부서를 같은 모양으로
    펼칩니다. 형태소 분석(명사·복합명사·용언)과 글자 조각으로 내용을 읽고, 확신도가
    min_confidence보다 낮으면 "모름"으로 둡니다. 같은 학습 범위로는 한 번만 배우므로 다시
    계산해도 빠릅니다. 빈칸은 빈칸으로 둡니다."""
    function = "CLASSIFY_COMPLAINTS"
    train = [_text(v) for v in _column(train_texts, "train_texts", function)]
    labels = [_text(v) for v in _column(train_labels, "train_labels", function)]
    if len(train) != len(labels):
        raise InvalidArgumentError(
            f"{function}: 학습용 민원 내용 범위({len(train)}칸)와 분류 범위({len(labels)}칸)의 "
            "크기가 다릅니다."
        )
    model = _trained(train, labels)
    threshold = _optional(min_confidence, 0.3)
    rows = as_rows(texts)
    width = max(len(row) for row in rows)
    flat = [_text(cell) for row in rows for cell in row + [None] * (width - len(row))]
    predicted = model.with_min_confidence(threshold).predict(flat)["예측분류"]
    cells = ["" if label is None else label for label in predicted.tolist()]
    return [cells[start : start + width] for start in range(0, len(cells), width)]


@xw.func
@xw.arg("texts", ndim=2, err_to_str=True, doc="민원 내용 범위 (한 열)")
@xw.arg("top_n", doc="보여 줄 키워드 수 (생략하면 10)")
@xw.arg("dates", ndim=2, doc="민원마다의 접수일 범위 (주면 마지막 기간을 그 전 기간과 견줍니다)")
@xw.arg("period", doc='기간 단위: "month"(월, 기본), "week"(주), "quarter"(분기), "year"(연)')
@excel_function
def complaint_keywords(texts, top_n=10, dates=None, period="month"):
    """민원에 많이 나오는 키워드와 그 키워드가 나온 민원 건수를 펼칩니다. 조사와 어미는 떼고
    (주차장을 → 주차장), 인사말·날짜·전화번호는 빼며, 이름 같은 개인정보는 가린 뒤에 셉니다.
    접수일을 주면 마지막 기간(예: 이번 달)의 키워드와 이전 건수, 증감을 함께 보여 줍니다."""
    function = "COMPLAINT_KEYWORDS"
    column = [_text(v) for v in _column(texts, "texts", function)]
    top = _optional(top_n, 10)
    if dates is None or all(is_blank(v) for row in as_rows(dates) for v in row):
        return _spill(top_keywords(column, top, function=function))
    stamps = _column(dates, "dates", function)
    if len(stamps) != len(column):
        raise InvalidArgumentError(
            f"{function}: 날짜 범위({len(stamps)}칸)와 민원 내용 범위({len(column)}칸)의 "
            "크기가 다릅니다."
        )
    table = top_keywords(column, top, stamps, _optional(period, "month"), function=function)
    return _spill(table)


@xw.func
@xw.arg("text", err_to_str=True, doc="견줄 민원 내용 (셀 하나)")
@xw.arg("texts", ndim=2, err_to_str=True, doc="찾아볼 지난 민원 내용 범위 (한 열)")
@xw.arg("top_n", doc="보여 줄 민원 수 (생략하면 5)")
@excel_function
def similar_complaints(text, texts, top_n=5):
    """지난 민원 가운데 주어진 민원과 내용이 가장 비슷한 것의 행 번호(범위 안에서 몇 번째인지)와
    유사도(0~1)를 펼칩니다. 낱말 순서나 조사가 달라도 같은 내용이면 높게 나오며, 0.5 이상이면
    같은 사안을 다시 낸 반복 민원일 가능성이 큽니다."""
    function = "SIMILAR_COMPLAINTS"
    if _text(text) is None:
        raise InvalidArgumentError(f"{function}: 견줄 민원 내용이 비어 있습니다.")
    column = [_text(v) for v in _column(texts, "texts", function)]
    return _spill(_similar(_text(text), column, _optional(top_n, 5)))
