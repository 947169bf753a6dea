"""CLASSIFY_COMPLAINTS, COMPLAINT_KEYWORDS, SIMILAR_COMPLAINTS through xlwings Server."""

import asyncio

import custom_functions
import pytest
import xlwings as xw
import xlwings.server

from dadeum.samples.complaints import complaint_frame
from tests.conftest import office_js_call
from udfs import complaints as udf_module


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


@pytest.fixture(scope="module")
def history():
    frame = complaint_frame(260, seed=5)
    return frame.iloc[:200], frame.iloc[200:]


def column(values):
    return [[value] for value in values]


def test_classify_complaints_spills_one_department_per_text_in_the_same_shape(history):
    train, new = history
    texts = new["민원 내용"].tolist()[:6]
    grid = [texts[:3], texts[3:]]  # 2 × 3 in, 2 × 3 out
    result = call(
        "classify_complaints", grid, column(train["민원 내용"]), column(train["담당부서"]), [[0]]
    )
    assert [len(row) for row in result] == [3, 3]
    assert [c for row in result for c in row] == new["담당부서"].tolist()[:6]


def test_classify_complaints_learns_once_per_training_data(history):
    train, new = history
    udf_module._MODELS.clear()
    args = (column(train["민원 내용"]), column(train["담당부서"]))
    call("classify_complaints", column(new["민원 내용"][:2]), *args, [[None]])
    model = next(iter(udf_module._MODELS.values()))
    call("classify_complaints", column(new["민원 내용"][2:4]), *args, [[0.5]])
    assert len(udf_module._MODELS) == 1 and next(iter(udf_module._MODELS.values())) is model
    assert model.min_confidence == 0  # the threshold of a call does not change the cached model


def test_classify_complaints_says_unknown_below_the_threshold_and_keeps_blanks(history):
    train, _ = history
    result = call(
        "classify_complaints", [["오늘 점심 메뉴가 궁금합니다"], [None]],
        column(train["민원 내용"]), column(train["담당부서"]), [[0.99]],
    )  # fmt: skip
    assert result == [["모름"], [""]]


def test_classify_complaints_errors_are_korean(history):
    train, _ = history
    with pytest.raises(xw.XlwingsError, match="크기가 다릅니다"):
        call("classify_complaints", [["주차"]], column(train["민원 내용"]),
             column(train["담당부서"][:5]), [[None]])  # fmt: skip
    with pytest.raises(xw.XlwingsError, match="두 가지 이상"):
        call("classify_complaints", [["주차"]], [["가로등"], ["도로"]], [["건설과"], ["건설과"]],
             [[None]])  # fmt: skip


def test_complaint_keywords_spills_keyword_and_count():
    texts = [["주차장을 늘려 주세요"], ["주차장이 부족합니다"], ["가로등이 꺼졌어요"]]
    result = call("complaint_keywords", texts, [[3]], [[None]], [[None]])
    assert result[0] == ["키워드", "건수"]
    assert result[1] == ["주차장", 2]


def test_complaint_keywords_with_dates_adds_the_previous_period_and_change():
    texts = [["가로등 고장"], ["가로등 고장"], ["가로등 고장"], ["쓰레기 투기"]]
    dates = [[45292], [45323], [45324], [45325]]  # 2024-01-01, then three in February
    result = call("complaint_keywords", texts, [[5]], dates, [["month"]])
    assert result[0] == ["키워드", "건수", "이전 건수", "증감"]
    assert ["가로등", 2, 1, 1] in result


def test_complaint_keywords_bad_period_is_a_korean_error():
    with pytest.raises(xw.XlwingsError, match="period"):
        call("complaint_keywords", [["가로등"]], [[5]], [[45292]], [["decade"]])


def test_similar_complaints_spills_rows_and_similarity():
    texts = [["공원 화장실이 더럽습니다"], ["불법주차 차량 때문에 골목 통행이 막힙니다"], [None]]
    result = call("similar_complaints", [["골목 불법주차 차량 때문에 통행이 막혀요"]], texts, [[1]])
    assert result[0] == ["행", "유사도"]
    assert result[1][0] == 2 and result[1][1] > 0.3
    with pytest.raises(xw.XlwingsError, match="비어 있습니다"):
        call("similar_complaints", [[None]], texts, [[1]])
