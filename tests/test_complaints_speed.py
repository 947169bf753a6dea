"""The fast paths of 민원 classification give what the straightforward ones give."""

import importlib

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from dadeum.engine.complaints import ComplaintClassifier
from dadeum.engine.complaints.ngrams import CharNgramCounter, decode_ngram, encode_ngram
from dadeum.engine.privacy import detect_nlp
from dadeum.samples.complaints import complaint_frame

ODD_TEXTS = ["", "   ", "A  B\tC\nİstanbul ÄBC", "😀가 나", "x", "주차장을.주차장을"]


@pytest.fixture(scope="module")
def texts():
    return complaint_frame(200, seed=5)["민원 내용"].tolist() + ODD_TEXTS


@pytest.mark.parametrize(("min_df", "max_features"), [(1, None), (2, 300), (1, 37), (3, None)])
def test_char_ngram_counts_match_scikit_learn(texts, min_df, max_features):
    reference = CountVectorizer(
        analyzer="char_wb", ngram_range=(1, 3), min_df=min_df, max_features=max_features
    )
    expected = reference.fit_transform(texts)
    counter, counts = CharNgramCounter.fit(texts, (1, 3), min_df, max_features)
    assert counter.vocabulary == reference.get_feature_names_out().tolist()
    assert (counts != expected).nnz == 0
    others = texts[::-1][:50]
    assert (counter.transform(others) != reference.transform(others)).nnz == 0


def test_ngram_integers_round_trip_and_keep_string_order():
    ngrams = ["a", "ab", "abc", "b", " 가", "가", "😀", "İ"]
    assert [decode_ngram(encode_ngram(g)) for g in ngrams] == ngrams
    assert sorted(ngrams, key=encode_ngram) == sorted(ngrams)


def test_repeated_texts_get_the_predictions_of_each_text_alone():
    frame = complaint_frame(240, seed=7)
    model = ComplaintClassifier().fit(
        frame["민원 내용"].iloc[:160].tolist(), frame["담당부서"].iloc[:160].tolist()
    )
    new = frame["민원 내용"].iloc[160:].tolist()
    repeated = new + new[::2] + [None, 3.0]
    together = model.predict(repeated)
    alone = [model.predict([text]).iloc[0].tolist() for text in repeated]
    assert together.to_numpy().tolist() == alone


def test_one_analyser_is_shared_with_the_privacy_engine():
    analyse_module = importlib.import_module("dadeum.engine.complaints.analyse")
    assert analyse_module.kiwi() is detect_nlp._kiwi()


def test_saved_model_counts_as_the_fitted_one(texts):
    labels = np.array(["가", "나"] * (len(texts) // 2 + 1))[: len(texts)].tolist()
    model = ComplaintClassifier().fit(texts, labels)
    loaded = ComplaintClassifier.from_json(model.to_json())
    assert np.allclose(model.predict_proba(texts), loaded.predict_proba(texts), atol=1e-6)


def test_char_ngram_vocabulary_of_repeated_texts_matches_scikit_learn(texts):
    repeated = texts[:40] * 3 + texts[10:30] + ODD_TEXTS
    reference = CountVectorizer(analyzer="char_wb", ngram_range=(1, 3), min_df=4, max_features=90)
    expected = reference.fit_transform(repeated)
    counter, counts = CharNgramCounter.fit(repeated, (1, 3), 4, 90)
    assert counter.vocabulary == reference.get_feature_names_out().tolist()
    assert (counts != expected).nnz == 0
