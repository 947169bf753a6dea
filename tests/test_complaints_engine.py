"""민원 text analysis engine: analyser, classifier and its model file, keywords, repeats."""

import json

import numpy as np
import pandas as pd
import pytest

from dadeum.engine.complaints import (
    UNKNOWN,
    ComplaintClassifier,
    ModelFileError,
    analyse_one,
    clean_complaint,
)
from dadeum.engine.complaints.keywords import keyword_trends, rising_keywords, top_keywords
from dadeum.engine.complaints.repeats import repeat_groups, similar_complaints
from dadeum.errors import InvalidArgumentError
from dadeum.samples.complaints import complaint_frame


@pytest.fixture(scope="module")
def complaints():
    return complaint_frame(400, seed=3)


@pytest.fixture(scope="module")
def model(complaints):
    train = complaints.iloc[:300]
    return ComplaintClassifier().fit(train["민원 내용"].tolist(), train["담당부서"].tolist())


# -- analyser -------------------------------------------------------------------------------
def test_particles_and_endings_are_dropped():
    assert analyse_one("주차장을") == ["주차장"]
    assert analyse_one("가로등이 꺼져서 어둡습니다") == ["가로등", "꺼지다", "어둡다"]


def test_compound_nouns_written_as_one_word_stay_whole():
    words = analyse_one("어린이보호구역에 과속방지턱을 설치해 주세요")
    assert "어린이보호구역" in words and "과속방지턱" in words
    assert "어린이" not in words


def test_boilerplate_dates_phones_and_html_are_removed():
    text = "<p>안녕하세요.&nbsp;2024년 3월 5일 민원인입니다. 010-1234-5678 감사합니다.</p>"
    cleaned = clean_complaint(text)
    for gone in ("안녕하세요", "<p>", "&nbsp;", "2024", "5678", "민원인", "감사합니다"):
        assert gone not in cleaned
    assert analyse_one("안녕하세요. 답변드립니다. 감사합니다.") == []


# -- classification -------------------------------------------------------------------------
def test_classifier_routes_generated_complaints_to_their_departments(complaints, model):
    test = complaints.iloc[300:]
    predicted = model.predict(test["민원 내용"].tolist())
    accuracy = (predicted["예측분류"].to_numpy() == test["담당부서"].to_numpy()).mean()
    assert accuracy >= 0.95
    assert predicted["확신도"].between(0, 1).all()


def test_below_min_confidence_the_answer_is_unknown(complaints):
    train = complaints.iloc[:300]
    texts, labels = train["민원 내용"].tolist(), train["담당부서"].tolist()
    strict = ComplaintClassifier(min_confidence=0.99).fit(texts, labels)
    predicted = strict.predict(["오늘 날씨가 어떤가요", texts[0]])
    assert predicted["예측분류"].iloc[0] == UNKNOWN
    assert predicted["확신도"].iloc[0] < 0.99


def test_blank_texts_get_blank_predictions(model):
    predicted = model.predict([None, "", "쓰레기 무단투기 단속해 주세요"])
    assert predicted["예측분류"].tolist()[:2] == [None, None]
    assert predicted["예측분류"].iloc[2] == "청소행정과"


def test_training_needs_two_labels_and_matching_lengths():
    with pytest.raises(InvalidArgumentError, match="두 가지 이상"):
        ComplaintClassifier().fit(["가로등 고장", "도로 파손"], ["건설과", "건설과"])
    with pytest.raises(InvalidArgumentError, match="개수가 다릅니다"):
        ComplaintClassifier().fit(["가로등 고장"], ["건설과", "환경과"])
    with pytest.raises(InvalidArgumentError, match="min_confidence"):
        ComplaintClassifier(min_confidence=1.5).fit(["가", "나"], ["a", "b"])


def test_model_file_round_trips(complaints, model):
    texts = complaints["민원 내용"].iloc[300:].tolist()
    text = model.to_json()
    loaded = ComplaintClassifier.from_json(text)
    pd.testing.assert_frame_equal(loaded.predict(texts), model.predict(texts))
    assert json.loads(text)["format"] == "dadeum-complaint-model"


@pytest.mark.parametrize(
    "bad",
    [
        b"\x80\x04\x95pickle",  # a pickle is not a model
        "not json",
        "[1, 2, 3]",
        json.dumps({"format": "something-else"}),
        json.dumps({"format": "dadeum-complaint-model", "version": 99}),
    ],
)
def test_anything_that_is_not_a_model_is_refused(bad):
    with pytest.raises(ModelFileError):
        ComplaintClassifier.from_json(bad)


def test_a_model_with_tampered_weights_is_refused(model):
    data = json.loads(model.to_json())
    data["coef"]["shape"] = [1, 1]
    with pytest.raises(ModelFileError, match="손상"):
        ComplaintClassifier.from_json(json.dumps(data))
    data = json.loads(model.to_json())
    data["word_vocabulary"] = [1, 2]
    with pytest.raises(ModelFileError):
        ComplaintClassifier.from_json(json.dumps(data))


# -- keywords -------------------------------------------------------------------------------
def test_keywords_count_complaints_not_mentions():
    texts = ["주차장을 늘려 주세요. 주차장이 없어요", "주차장 부족", "가로등 고장"]
    table = top_keywords(texts, top_n=3)
    assert table.columns.tolist() == ["키워드", "건수"]
    assert table.iloc[0].tolist() == ["주차장", 2]


def test_keywords_never_show_a_name_or_phone_number():
    texts = ["홍길동 씨가 010-2345-6789로 연락 바란다며 주차장 문제를 말했습니다"] * 3
    words = top_keywords(texts, top_n=50)["키워드"].tolist()
    assert "주차장" in words
    assert not any("홍길동" in w or "길동" in w or "6789" in w for w in words)


def test_keywords_with_dates_compare_the_latest_period_with_the_one_before():
    texts = ["가로등 고장"] * 2 + ["가로등 고장"] * 5 + ["쓰레기 투기"]
    dates = ["2024-01-03"] * 2 + ["2024-02-10"] * 6
    table = top_keywords(texts, top_n=5, dates=dates, period="month")
    row = table.set_index("키워드").loc["가로등"]
    assert (row["건수"], row["이전 건수"], row["증감"]) == (5, 2, 3)
    assert table.attrs["period"] == "2024-02"


def test_rising_keywords_need_a_significant_rise_not_one_complaint():
    before = ["가로등 고장"] * 10 + ["도로 파손"] * 10
    now = ["가로등 고장"] * 2 + ["도로 파손"] * 2 + ["악취 민원 발생"] * 12 + ["소음 공사"]
    dates = ["2024-03-05"] * len(before) + ["2024-04-05"] * len(now)
    rising = rising_keywords(before + now, dates, "month")
    words = rising["키워드"].tolist()
    assert "악취" in words
    assert "소음" not in words  # one complaint is not a trend
    assert "가로등" not in words and "도로" not in words


def test_keyword_trends_fill_every_period():
    table = keyword_trends(["가로등 고장", "가로등 고장"], ["2024-01-01", "2024-03-01"], "month")
    assert table["기간"].tolist() == ["2024-01", "2024-02", "2024-03"]
    assert table["가로등"].tolist() == [1, 0, 1]


def test_keyword_period_is_checked():
    with pytest.raises(InvalidArgumentError, match="period"):
        top_keywords(["가로등"], dates=["2024-01-01"], period="fortnight")


# -- repeats --------------------------------------------------------------------------------
def test_rewordings_of_a_complaint_land_in_its_group(complaints):
    rows, groups = repeat_groups(complaints["민원 내용"].tolist(), complaints["접수일"].tolist())
    repeats = complaints[complaints["repeat_of"] >= 0]
    assert len(repeats) > 20
    for i, original in zip(repeats.index, repeats["repeat_of"], strict=True):
        assert rows["반복그룹"].iloc[i] is not None
        assert rows["반복그룹"].iloc[i] == rows["반복그룹"].iloc[original]
    # different departments never share a group
    departments = complaints.groupby(rows["반복그룹"].to_numpy())["담당부서"].nunique()
    assert (departments == 1).all()
    assert groups["건수"].sum() == rows["반복그룹"].notna().sum()
    first = groups.iloc[0]
    assert first["처음"] <= first["마지막"]


def test_unrelated_complaints_form_no_group():
    rows, groups = repeat_groups(["가로등이 꺼졌어요", "음식물 쓰레기 수거 요청", None])
    assert rows["반복그룹"].isna().all() and groups.empty


def test_similar_complaints_rank_the_reworded_one_first():
    texts = ["공원 화장실이 더럽습니다", "불법주차 차량 때문에 골목 통행이 막힙니다", "가로등 고장"]
    found = similar_complaints("골목에 불법주차 차량이 많아 통행이 막혀요", texts, 2)
    assert found["행"].iloc[0] == 2
    assert found["유사도"].iloc[0] > 0.3
    assert np.all(np.diff(found["유사도"].to_numpy()) <= 0)


def test_names_are_not_keywords_and_are_masked_in_examples():
    from dadeum.engine.complaints.repeats import masked_examples

    text = "저는 황유준이고 연락처는 064-881-2686입니다. 정류장 앞 도서관 주차 문제입니다"
    words = top_keywords([text] * 2, top_n=50)["키워드"].tolist()
    assert "정류장" in words and "도서관" in words  # known words shaped like names stay
    assert not any("유준" in w for w in words)
    example = masked_examples([text], [0])[0]
    assert "황유준" not in example and "881-2686" not in example
    assert "황*준" in example and "정류장" in example


def test_places_in_examples_stay_readable():
    from dadeum.engine.complaints.repeats import masked_examples

    text = "원주 시청과 남양주 주민센터, 서대문 방향 버스에 대해 김영남 위원장에게 건의합니다"
    example = masked_examples([text], [0])[0]
    assert "원주 시청" in example and "남양주 주민센터" in example and "서대문 방향" in example
    assert "김영남" not in example


def test_keywords_are_nouns_not_verb_stems_or_words_of_any_text():
    texts = ["가로등이 꺼져서 사람들이 넘어집니다", "가로등이 꺼져 어둡습니다"]
    words = top_keywords(texts, top_n=10)["키워드"].tolist()
    assert words == ["가로등"]
    assert "꺼지다" in analyse_one(texts[0])  # the analysis (and classification) keeps stems
