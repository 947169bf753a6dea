"""Character 1–3-gram counts of many texts at once, with numpy instead of a Python loop.

The n-grams are exactly scikit-learn's ``CountVectorizer(analyzer="char_wb", lowercase=True)``
ones (each word padded with one space on both sides, n-grams never crossing words), and so
are the vocabulary a fit keeps (``min_df``, then the ``max_features`` most frequent, ties as
scikit-learn breaks them): a model file saved by either reads the same. For 10,000 distinct
petitions cut to 600 characters, counting took 1.4–2.1 s of CPU against 6.2 s for the
scikit-learn loop, and fitting 3.5 s against 6.5 s (busy 2-core machine).

Each n-gram is one 64-bit integer (21 bits per character, code point + 1, 0 for "no
character"), so integer order is string order and a vocabulary lookup is a hash-table lookup.
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

__all__ = ["CharNgramCounter", "char_ngram_codes", "decode_ngram", "encode_ngram"]

_BITS = 21
_MASK = (1 << _BITS) - 1
MAX_N = 3


def encode_ngram(ngram: str) -> int:
    """The integer of one n-gram (1 to 3 characters)."""
    code = 0
    for position in range(MAX_N):
        char = ord(ngram[position]) + 1 if position < len(ngram) else 0
        code = (code << _BITS) | char
    return code


def decode_ngram(code: int) -> str:
    """The n-gram of ``encode_ngram``'s integer."""
    chars = []
    for position in reversed(range(MAX_N)):
        char = (code >> (position * _BITS)) & _MASK
        if char:
            chars.append(chr(char - 1))
    return "".join(chars)


def char_ngram_codes(texts: Sequence[str], ngram_range=(1, 3)) -> tuple[np.ndarray, np.ndarray]:
    """(row, n-gram integer) of every n-gram occurrence, rows numbered as ``texts``."""
    low, high = ngram_range
    if not 1 <= low <= high <= MAX_N:
        raise ValueError(f"ngram_range must lie within (1, {MAX_N}); got {ngram_range!r}")
    # " w1  w2 " is every word padded on both sides; spaces are only ever pads.
    padded = [" " + "  ".join(words) + " " if words else "" for words in
              (text.lower().split() for text in texts)]  # fmt: skip
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    chars = np.frombuffer("".join(padded).encode("utf-32-le"), dtype="<u4").astype(np.int64)
    rows = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)
    spaces = np.flatnonzero(chars == 32)
    word_start = np.zeros(len(chars), dtype=np.int64)
    word_start[spaces[0::2]] = 1
    word = np.cumsum(word_start)
    chars += 1
    all_rows, all_codes = [], []
    for n in range(low, high + 1):
        count = len(chars) - n + 1
        if count <= 0:
            continue
        code = chars[:count] << (_BITS * (MAX_N - 1))
        for k in range(1, n):
            code = code | (chars[k : k + count] << (_BITS * (MAX_N - 1 - k)))
        same_word = word[:count] == word[n - 1 : n - 1 + count]
        all_rows.append(rows[:count][same_word])
        all_codes.append(code[same_word])
    if not all_rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(all_rows), np.concatenate(all_codes)


class CharNgramCounter:
    """Counts of a fixed n-gram vocabulary (strings, as a saved model holds them)."""

    def __init__(self, vocabulary: Sequence[str], ngram_range=(1, 3)):
        self.vocabulary = list(vocabulary)
        self.ngram_range = tuple(ngram_range)
        codes = np.array([encode_ngram(ngram) for ngram in vocabulary], dtype=np.int64)
        # A hash table of the n-gram integers: looking millions up beats a binary search.
        self._columns = pd.Index(codes)
        self.width = len(codes)

    @classmethod
    def fit(
        cls, texts: Sequence[str], ngram_range=(1, 3), min_df: int = 1, max_features=None
    ) -> tuple["CharNgramCounter", sp.csr_matrix]:
        """The vocabulary ``CountVectorizer`` would keep, and the counts of ``texts``."""
        # Each distinct text is counted once and weighted by how often it occurs.
        position: dict[str, int] = {}
        where = np.array([position.setdefault(t, len(position)) for t in texts], dtype=np.intp)
        times = np.bincount(where, minlength=len(position))
        rows, codes = char_ngram_codes(list(position), ngram_range)
        unique = np.unique(codes)
        ids = pd.Index(unique).get_indexer(codes)
        counts = sp.csr_matrix(
            (np.ones(len(ids), dtype=np.int64), (rows, ids)), shape=(len(position), len(unique))
        )
        counts.sum_duplicates()  # one entry per (text, n-gram): the documents of each n-gram
        term_counts = np.asarray(counts.T @ times, dtype=np.int64).ravel()
        per_entry = np.repeat(times, np.diff(counts.indptr))
        doc_counts = np.bincount(counts.indices, per_entry, len(unique))
        mask = doc_counts >= min_df
        if max_features is not None and mask.sum() > max_features:
            # As scikit-learn's _limit_features: the same array argsorted, the same ties.
            chosen = (-term_counts[mask]).argsort()[:max_features]
            keep = np.zeros(len(unique), dtype=bool)
            keep[np.flatnonzero(mask)[chosen]] = True
            mask = keep
        if not mask.any():
            raise ValueError("After pruning, no terms remain.")
        counter = cls([decode_ngram(int(code)) for code in unique[mask]], ngram_range)
        return counter, counts[:, np.flatnonzero(mask)][where]

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Counts, one row per text and one column per vocabulary n-gram."""
        rows, codes = char_ngram_codes(texts, self.ngram_range)
        columns = self._columns.get_indexer(codes)
        hit = columns >= 0
        rows, columns = rows[hit], columns[hit]
        counts = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.int64), (rows, columns)),
            shape=(len(texts), self.width),
        )
        counts.sum_duplicates()
        return counts
