"""Route a 민원 to a department (or category) learnt from the office's own labelled history.

One small model interface, as the forecasting models have:

    model = ComplaintClassifier(min_confidence=0.3).fit(texts, labels)
    model.predict(texts)  -> DataFrame with 예측분류 and 확신도 (0–1), "모름" below the threshold
    model.to_json() / ComplaintClassifier.from_json(text)

Features are TF-IDF over the analysed words and adjacent pairs of them (nouns, compounds,
stems: see ``analyse``) and over character 1–3-grams of the cleaned text (which catch
spellings the analyser splits oddly), side by side; the model is a class-balanced linear SVM
(C=0.3), so a department with few 민원 is not drowned by the big ones. Its scores
become a confidence (0–1) through a softmax whose temperature is fitted on the latest fifth
of the training 민원 (a model learnt on the earlier four fifths predicts them), so 확신도 0.8
means roughly "right four times in five". Features and model were chosen on the earlier part
of the training data of real sets, validated on its later part (benchmarks/README.md).

A saved model is plain JSON (vocabularies, IDF weights and coefficients as base64 float32):
loading one runs no code, so a model file from another office is safe to open.
"""

import base64
import json
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from dadeum.engine.cells import is_blank
from dadeum.engine.complaints.analyse import analyse, clean_complaint
from dadeum.engine.complaints.ngrams import CharNgramCounter
from dadeum.errors import InvalidArgumentError

__all__ = ["FORMAT", "UNKNOWN", "ComplaintClassifier", "ModelFileError"]

FORMAT = "dadeum-complaint-model"
VERSION = 1
UNKNOWN = "모름"
CHAR_NGRAMS = (1, 3)
WORD_PAIRS = True
MAX_WORD_FEATURES = 40_000
MAX_CHAR_FEATURES = 60_000
DEFAULT_TEMPERATURE = 5.0
TEMPERATURE_ROWS = 3_000
TEMPERATURES = (0.5, 1, 2, 3, 5, 8, 12, 20, 30)


class ModelFileError(InvalidArgumentError):
    """A file or text that is not a Dadeum 민원 classification model."""


def _word_features(tokens: list[str]) -> list[str]:
    """Analysed words and adjacent pairs of them (불법주차 단속 says more than each)."""
    if not WORD_PAIRS:
        return tokens
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def _analysed(texts: Sequence[Any]) -> tuple[np.ndarray, list[str], list[list[str]]]:
    """Each text's row among the distinct texts, and those cleaned and analysed.

    A text met again (a repeat 민원, a copied cell) is cleaned and analysed once.
    """
    keys = [text if isinstance(text, str) else clean_complaint(text) for text in texts]
    position: dict[str, int] = {}
    rows = np.array([position.setdefault(key, len(position)) for key in keys], dtype=np.intp)
    cleaned = [clean_complaint(text) for text in position]
    return rows, cleaned, analyse(cleaned, clean=False)


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    odds = np.exp(scores)
    return odds / odds.sum(axis=1, keepdims=True)


def _check_confidence(value: Any, function: str) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = float("nan")
    if not 0 <= value < 1:
        raise InvalidArgumentError(
            f"{function} 함수의 'min_confidence' 인수는 0 이상 1 미만의 수여야 합니다 "
            f"(예: 0.3). 받은 값: {value!r}"
        )
    return value


class ComplaintClassifier:
    """A department (or category) per 민원, learnt from labelled past 민원."""

    def __init__(self, min_confidence: float = 0.0, *, c: float = 0.3):
        self.min_confidence = min_confidence
        self.c = c

    # -- learning -------------------------------------------------------------------------
    def fit(self, texts: Sequence[Any], labels: Sequence[Any]) -> "ComplaintClassifier":
        """Learn from ``texts`` and ``labels``; rows with a blank text or label are skipped."""
        self.min_confidence = _check_confidence(self.min_confidence, "CLASSIFY_COMPLAINTS")
        if len(texts) != len(labels):
            raise InvalidArgumentError(
                f"학습용 민원 내용({len(texts)}건)과 분류({len(labels)}건)의 개수가 다릅니다."
            )
        pairs = [
            (text, str(label).strip())
            for text, label in zip(texts, labels, strict=True)
            if not is_blank(text) and not is_blank(label) and str(label).strip()
        ]
        classes = sorted({label for _, label in pairs})
        if len(classes) < 2:
            raise InvalidArgumentError(
                "학습하려면 분류(담당부서 등)가 두 가지 이상인 지난 민원이 필요합니다. "
                f"받은 분류: {len(classes)}가지, 민원 {len(pairs)}건"
            )
        texts = [text for text, _ in pairs]
        y = np.array([label for _, label in pairs], dtype=object)
        rows, cleaned, words = _analysed(texts)
        cleaned = [cleaned[i] for i in rows]
        words = [words[i] for i in rows]
        x = self._features(*self._fit_vocabulary(words, cleaned))
        self.temperature_ = self._fit_temperature(x, y)
        self._fit_weights(x, y)
        self.n_trained_ = len(texts)
        return self

    def _fit_vocabulary(self, words: list[list[str]], cleaned: list[str]):
        """Learn both vocabularies and IDF weights; the counts of the training texts."""
        from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

        min_df = 2 if len(cleaned) >= 200 else 1
        word_counts = CountVectorizer(
            analyzer=_word_features, min_df=min_df, max_features=MAX_WORD_FEATURES
        )
        xw = word_counts.fit_transform(words)
        char_counts, xc = CharNgramCounter.fit(cleaned, CHAR_NGRAMS, min_df, MAX_CHAR_FEATURES)
        self.word_vocabulary_ = word_counts.get_feature_names_out().tolist()
        self.char_vocabulary_ = char_counts.vocabulary
        self.__dict__.pop("_known", None)
        self.__dict__["_char_counter"] = char_counts
        self.word_idf_ = TfidfTransformer(sublinear_tf=True).fit(xw).idf_.astype(np.float32)
        self.char_idf_ = TfidfTransformer(sublinear_tf=True).fit(xc).idf_.astype(np.float32)
        return xw, xc

    def _fit_weights(self, x: sp.csr_matrix, y: np.ndarray) -> None:
        from sklearn.svm import LinearSVC

        model = LinearSVC(C=self.c, class_weight="balanced").fit(x, y)
        self.classes_ = [str(label) for label in model.classes_]
        self.coef_ = model.coef_.astype(np.float32)
        self.intercept_ = np.atleast_1d(model.intercept_).astype(np.float32)
        if len(self.classes_) == 2:  # one score for two classes: +s/2 for one, -s/2 the other
            self.coef_ = np.vstack([-self.coef_[0], self.coef_[0]]) / 2
            self.intercept_ = np.array([-self.intercept_[0], self.intercept_[0]]) / 2

    def _fit_temperature(self, x: sp.csr_matrix, y: np.ndarray) -> float:
        """The softmax temperature that best predicts the latest fifth from the rest."""
        cut = int(len(y) * 0.8)
        early = set(y[:cut])
        if len(y) < 50 or len(early) < 2:
            return DEFAULT_TEMPERATURE
        # The latest rows before the hold-out are enough to set one number, and keep a big
        # history from paying for a second full fit.
        start = max(0, cut - TEMPERATURE_ROWS)
        if len(set(y[start:cut])) < 2:
            return DEFAULT_TEMPERATURE
        early = set(y[start:cut])
        self._fit_weights(x[start:cut], y[start:cut])
        known = np.array([label in early for label in y[cut:]])
        if not known.any():
            return DEFAULT_TEMPERATURE
        scores = self._scores(x[cut:][known])
        truth = np.array([self.classes_.index(label) for label in y[cut:][known]])
        best, best_loss = DEFAULT_TEMPERATURE, np.inf
        for temperature in TEMPERATURES:
            probabilities = _softmax(scores * temperature)
            loss = -np.log(probabilities[np.arange(len(truth)), truth] + 1e-12).mean()
            if loss < best_loss:
                best, best_loss = temperature, loss
        return float(best)

    # -- predicting -----------------------------------------------------------------------
    def _features(self, xw: sp.spmatrix, xc: sp.spmatrix) -> sp.csr_matrix:
        def tfidf(counts: sp.spmatrix, idf: np.ndarray) -> sp.csr_matrix:
            counts = sp.csr_matrix(counts, dtype=np.float32)
            counts.data = 1 + np.log(counts.data)
            weighted = counts @ sp.diags(idf)
            norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1))).ravel()
            norms[norms == 0] = 1
            return sp.csr_matrix(sp.diags(1 / norms) @ weighted)

        return sp.hstack([tfidf(xw, self.word_idf_), tfidf(xc, self.char_idf_)], format="csr")

    def _counts(self, words: list[list[str]], cleaned: list[str]):
        from sklearn.feature_extraction.text import CountVectorizer

        word_counts = CountVectorizer(analyzer=_word_features, vocabulary=self.word_vocabulary_)
        char_counts = self.__dict__.get("_char_counter")
        if char_counts is None:  # a model read from a file: built once, on first use
            char_counts = CharNgramCounter(self.char_vocabulary_, CHAR_NGRAMS)
            self.__dict__["_char_counter"] = char_counts
        return word_counts.transform(words), char_counts.transform(cleaned)

    def _transform(self, texts: Sequence[Any]) -> tuple[sp.csr_matrix, np.ndarray]:
        """Features, and the share of each text's words the model has seen in training."""
        self._check_fitted()
        rows, cleaned, words = _analysed(texts)
        known_words = self.__dict__.setdefault("_known", set(self.word_vocabulary_))
        known = np.array(
            [sum(w in known_words for w in ws) / len(ws) if ws else 0.0 for ws in words]
        )
        x = self._features(*self._counts(words, cleaned))
        return x[rows], known[rows]

    def _scores(self, x: sp.csr_matrix) -> np.ndarray:
        return np.asarray(x @ self.coef_.T + self.intercept_, dtype=np.float64)

    def predict_proba(self, texts: Sequence[Any]) -> np.ndarray:
        """Confidences, one row per text and one column per class (``classes_``).

        A text whose words were mostly never seen in training (less than half known) has its
        confidences scaled down in proportion: the history says little about it.
        """
        x, known = self._transform(texts)
        probabilities = _softmax(self._scores(x) * self.temperature_)
        return probabilities * np.minimum(1.0, 2 * known)[:, None]

    def predict(self, texts: Sequence[Any]) -> pd.DataFrame:
        """예측분류 and 확신도 per text, in order; a blank text gets a blank prediction."""
        texts = list(texts)
        labels: list[Any] = [None] * len(texts)
        confidence: list[Any] = [None] * len(texts)
        rows = [i for i, text in enumerate(texts) if not is_blank(text)]
        if rows:
            probabilities = self.predict_proba([texts[i] for i in rows])
            best = probabilities.argmax(axis=1)
            for i, k, p in zip(rows, best, probabilities.max(axis=1), strict=True):
                sure = p >= self.min_confidence
                labels[i] = self.classes_[k] if sure else UNKNOWN
                confidence[i] = round(float(p), 3)
        return pd.DataFrame(
            {
                "예측분류": pd.Series(labels, dtype=object),
                "확신도": pd.Series(confidence, dtype=object),
            }
        )

    def with_min_confidence(self, min_confidence: Any) -> "ComplaintClassifier":
        """The same fitted model with another threshold (this one is left as it is)."""
        self._check_fitted()
        copy = ComplaintClassifier.__new__(ComplaintClassifier)
        copy.__dict__.update(self.__dict__)
        copy.min_confidence = _check_confidence(min_confidence, "CLASSIFY_COMPLAINTS")
        return copy

    def _check_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise InvalidArgumentError("민원 분류 모델이 아직 학습되지 않았습니다.")

    # -- saving ---------------------------------------------------------------------------
    def to_json(self) -> str:
        """The model as JSON text: data only, safe to share between offices."""
        self._check_fitted()
        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "classes": self.classes_,
                "min_confidence": self.min_confidence,
                "n_trained": self.n_trained_,
                "temperature": self.temperature_,
                "char_ngrams": list(CHAR_NGRAMS),
                "word_vocabulary": self.word_vocabulary_,
                "char_vocabulary": self.char_vocabulary_,
                "word_idf": _encode(self.word_idf_),
                "char_idf": _encode(self.char_idf_),
                "coef": _encode(self.coef_),
                "intercept": _encode(self.intercept_),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> "ComplaintClassifier":
        """A model from ``to_json`` text; anything else raises ``ModelFileError``."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as error:
            raise ModelFileError(
                "민원 분류 모델 파일이 아닙니다 (JSON으로 읽을 수 없음)."
            ) from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelFileError("민원 분류 모델 파일이 아닙니다 (다듬 모델 형식 표시가 없음).")
        if data.get("version") != VERSION:
            raise ModelFileError(
                f"이 다듬이 읽지 못하는 모델 버전입니다: {data.get('version')!r} (읽는 버전: 1)"
            )
        try:
            model = cls(_check_confidence(data["min_confidence"], "모델 파일"))
            model.classes_ = _strings(data["classes"])
            model.word_vocabulary_ = _strings(data["word_vocabulary"])
            model.char_vocabulary_ = _strings(data["char_vocabulary"])
            model.word_idf_ = _decode(data["word_idf"], (len(model.word_vocabulary_),))
            model.char_idf_ = _decode(data["char_idf"], (len(model.char_vocabulary_),))
            width = len(model.word_vocabulary_) + len(model.char_vocabulary_)
            model.coef_ = _decode(data["coef"], (len(model.classes_), width))
            model.intercept_ = _decode(data["intercept"], (len(model.classes_),))
            model.n_trained_ = int(data["n_trained"])
            model.temperature_ = float(data["temperature"])
            if not 0 < model.temperature_ < 1e4:
                raise ValueError("temperature")
            if list(data["char_ngrams"]) != list(CHAR_NGRAMS) or len(model.classes_) < 2:
                raise ValueError("shape")
        except (KeyError, TypeError, ValueError) as error:
            raise ModelFileError(
                "민원 분류 모델 파일이 손상되었거나 형식이 맞지 않습니다."
            ) from error
        return model


def _encode(array: np.ndarray) -> dict[str, Any]:
    array = np.ascontiguousarray(array, dtype="<f4")
    return {"shape": list(array.shape), "float32": base64.b64encode(array.tobytes()).decode()}


def _decode(data: Any, shape: tuple[int, ...]) -> np.ndarray:
    if not isinstance(data, dict) or tuple(data.get("shape", ())) != shape:
        raise ValueError("shape")
    raw = base64.b64decode(data["float32"], validate=True)
    array = np.frombuffer(raw, dtype="<f4")
    if array.size != int(np.prod(shape)) or not np.isfinite(array).all():
        raise ValueError("values")
    return array.reshape(shape).astype(np.float32)


def _strings(values: Any) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError("strings")
    return values
