"""Repeat complaints (반복 민원): 민원 that raise the same issue again, in other words or not.

Each 민원 becomes a vector: TF-IDF over its analysed words (so word order, particles and
endings do not matter) and over character 2–3-grams (so 불법주차/불법 주차 and small
rewordings still meet), each part of length 1/√2 so the whole has length 1. Two 민원 are the
same issue when the cosine similarity of their vectors is at least ``threshold`` (default
0.5: on our generated 민원, rewordings of one complaint score 0.66–0.95, while 99% of pairs
from different departments score under 0.22 and none above 0.47); groups are the connected
sets of such pairs, so a chain of rewordings is one group.
"""

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from dadeum.engine.cells import is_blank
from dadeum.engine.complaints.analyse import (
    analyse,
    clean_complaint,
    mask_names,
    strip_markup,
)
from dadeum.errors import InvalidArgumentError

__all__ = [
    "DEFAULT_THRESHOLD",
    "complaint_vectors",
    "masked_examples",
    "repeat_groups",
    "similar_complaints",
]

DEFAULT_THRESHOLD = 0.5
_CHUNK = 2_000


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def complaint_vectors(texts: Sequence[Any]) -> sp.csr_matrix:
    """One unit-length row per text (a blank text is a zero row)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    cleaned = [clean_complaint(text) for text in texts]
    words = analyse(cleaned, clean=False)
    parts = []
    if any(words):
        parts.append(TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit_transform(words))
    if any(cleaned):
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True)
        parts.append(chars.fit_transform(cleaned))
    if not parts:
        return sp.csr_matrix((len(cleaned), 1), dtype=np.float64)
    return sp.hstack(parts, format="csr") / np.sqrt(len(parts))


def _check_threshold(threshold: Any) -> float:
    try:
        value = float(threshold)
    except (TypeError, ValueError):
        value = float("nan")
    if not 0 < value <= 1:
        raise InvalidArgumentError(
            "'threshold' 인수는 0보다 크고 1 이하인 수여야 합니다 (예: 0.5). "
            f"받은 값: {threshold!r}"
        )
    return value


def repeat_groups(
    texts: Sequence[Any], dates: Sequence[Any] | None = None, threshold: Any = DEFAULT_THRESHOLD
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Which 민원 repeat an issue, per row and per group.

    Returns ``(rows, groups)``. ``rows`` has one row per text, in order: 반복그룹 (group
    number, 1 = the largest group; blank for a 민원 with no repeat) and 유사도 (its highest
    similarity to another member). ``groups`` has per group: 반복그룹, 건수, 처음, 마지막
    (first and last date, when dates are given), 첫 행 (1-based row of its first 민원) and
    평균 유사도.
    """
    from scipy.sparse.csgraph import connected_components

    threshold = _check_threshold(threshold)
    texts = list(texts)
    n = len(texts)
    vectors = complaint_vectors(texts)
    best = np.zeros(n)
    edges_from, edges_to, weights = [], [], []
    for start in range(0, n, _CHUNK):
        block = (vectors[start : start + _CHUNK] @ vectors.T).tocoo()
        keep = (block.data >= threshold) & (block.row + start != block.col)
        rows, cols, data = block.row[keep] + start, block.col[keep], block.data[keep]
        edges_from.append(rows)
        edges_to.append(cols)
        weights.append(data)
        np.maximum.at(best, rows, data)
    rows = np.concatenate(edges_from) if edges_from else np.array([], dtype=int)
    cols = np.concatenate(edges_to) if edges_to else np.array([], dtype=int)
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    # Number groups of two or more by size (largest first), then by first row.
    members = {}
    for i, label in enumerate(labels):
        if sizes[label] > 1 and not is_blank(texts[i]):
            members.setdefault(label, []).append(i)
    order = sorted(members, key=lambda label: (-len(members[label]), members[label][0]))
    number = {label: k + 1 for k, label in enumerate(order)}
    stamps = None
    if dates is not None:
        from dadeum.engine.forecast.series import read_dates

        stamps = read_dates(list(dates)).tolist()
        if len(stamps) != n:
            raise InvalidArgumentError(
                f"날짜 범위({len(stamps)}칸)와 민원 내용 범위({n}칸)의 크기가 다릅니다."
            )
    per_row = pd.DataFrame(
        {
            "반복그룹": [number.get(label) for label in labels],
            "유사도": [round(float(best[i]), 3) if labels[i] in number else None
                      for i in range(n)],
        }
    )  # fmt: skip
    group_rows = []
    for label in order:
        idx = members[label]
        when = [stamps[i] for i in idx if stamps[i] is not None] if stamps else []
        group_rows.append(
            {
                "반복그룹": number[label],
                "건수": len(idx),
                "처음": min(when) if when else None,
                "마지막": max(when) if when else None,
                "첫 행": idx[0] + 1,
                "평균 유사도": round(float(np.mean([best[i] for i in idx])), 3),
            }
        )
    columns = ["반복그룹", "건수", "처음", "마지막", "첫 행", "평균 유사도"]
    return per_row, pd.DataFrame(group_rows, columns=columns)


def similar_complaints(text: Any, texts: Sequence[Any], top_n: Any = 5) -> pd.DataFrame:
    """The ``top_n`` texts most similar to ``text``: 행 (1-based position) and 유사도.

    Only texts with some similarity are listed, most similar first.
    """
    try:
        top = int(top_n)
    except (TypeError, ValueError):
        top = 0
    if top < 1:
        raise InvalidArgumentError(
            f"SIMILAR_COMPLAINTS 함수의 'top_n' 인수는 1 이상의 정수여야 합니다. 받은 값: {top_n!r}"
        )
    texts = list(texts)
    vectors = complaint_vectors([text, *texts])
    similarity = np.asarray((vectors[1:] @ vectors[0].T).todense()).ravel()
    order = [i for i in np.argsort(-similarity, kind="stable") if similarity[i] > 0][:top]
    return pd.DataFrame(
        {
            "행": [int(i) + 1 for i in order],
            "유사도": [round(float(similarity[i]), 3) for i in order],
        }
    )


def masked_examples(texts: Sequence[Any], rows: Sequence[int], width: int = 150) -> list[str]:
    """The texts at ``rows`` (0-based) with personal data masked, on one line, cut at ``width``.

    For showing a 민원 as an example (a repeat group's first, a report line): never the raw
    text, since 민원 carry names, phone numbers and addresses.
    """
    from dadeum.engine.privacy import mask_pii_series

    picked = pd.Series(["" if is_blank(texts[i]) else str(texts[i]) for i in rows], dtype=object)
    masked = mask_pii_series(picked).tolist()
    out = []
    for text in masked:
        line = mask_names(" ".join(strip_markup(text).split()))
        out.append(line if len(line) <= width else line[: width - 1] + "…")
    return out
