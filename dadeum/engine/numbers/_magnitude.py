"""Korean magnitude words: ``3억 5천만``, ``2조 3,400억``, ``1,234천``, read on whole columns.

Kept apart because this is the one tricky grammar of the number reader: blocks of 조, 억 and
만, each of 천, 백 and 십, with checks that the digits fit the words (``1억 12,345만`` is a
typo) and that a missing word is asked about rather than guessed (``1억 2천``).
"""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine import _regex
from dadeum.engine.numbers._arrow import _cast, _lengths, _matches, _nonempty, _scientific
from dadeum.engine.numbers._patterns import (
    _BIG_WORDS,
    _EXCEL_DIGITS,
    _MAGNITUDE,
    _SMALL_WORDS,
    AMBIGUOUS,
    MISPLACED,
    OK,
    TOO_LONG,
    UNIT_ONLY,
    UNREADABLE,
)


def _magnitudes(bodies: pa.Array, power: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bodies with magnitude words (``3억 5천만``): the value and code of each."""
    n = len(bodies)
    total = np.zeros(n)
    code = np.full(n, UNREADABLE, dtype=np.int8)
    grammatical = _matches(bodies, _MAGNITUDE)
    has_digit = _matches(bodies, "[0-9]")
    code[grammatical] = np.where(has_digit[grammatical], OK, UNIT_ONLY)
    big, big_present = _split_words(bodies, "".join(_BIG_WORDS))
    jo, eok, man, one = big_present
    # 1억 2천: after 조 or 억, a last block without its own word is ambiguous (said aloud,
    # "1억 2천" means 1억 2천만). Ask rather than guess.
    code[(jo | eok) & ~man & one & (code == OK)] = AMBIGUOUS

    all_rows = np.tile(np.arange(n), 4)
    keep = np.concatenate(big_present) & (code[all_rows] == OK)
    rows = all_rows[keep]
    which = np.repeat(np.arange(4), n)[keep]
    powers = np.concatenate([power + p for p in _BIG_WORDS.values()])[keep]
    blocks = pa.concat_arrays(big).filter(pa.array(keep))
    small, small_present = _split_words(blocks, "".join(_SMALL_WORDS))
    lone = ~np.any(small_present, axis=0)  # 만 2천: the big word alone counts once
    np.add.at(total, rows[lone], 10.0 ** powers[lone].astype(float))
    # lowest digit written, to tell when a sum spans more digits than Excel keeps
    lowest = np.full(n, np.inf)
    np.minimum.at(lowest, rows[lone], powers[lone])
    # inside a block: after 천 what follows stays under 1,000 (1천 2,345 is a typo)
    block_value = lone.astype(float)
    misplaced = np.zeros(len(rows), dtype=bool)
    limit = np.full(len(rows), np.inf)
    for part, has, small_power in zip(small, small_present, _SMALL_WORDS.values(), strict=True):
        if has.any():
            # the word alone counts once: 천 is one thousand
            coef = pc.if_else(pc.equal(part, ""), "1", pc.replace_substring(part, ",", ""))
            coef = coef.filter(pa.array(has))
            value = _cast(coef) * 10.0**small_power
            block_value[has] += value
            misplaced[has] |= value >= limit[has]
            if small_power == 0:  # 1천 2.5: a fraction only on the leading number
                misplaced[has] |= np.isfinite(limit[has]) & _matches(coef, "[.]")
            np.add.at(total, rows[has], _cast(_scientific(coef, powers[has] + small_power)))
            np.minimum.at(lowest, rows[has], powers[has] + small_power + _lowest_digit(coef))
        limit = np.where(has, 10.0**small_power, limit)
    # across blocks: after 억 the 만 block stays under 10,000 (1억 12,345만 is a typo)
    values = np.full((4, n), np.nan)
    values[which, rows] = block_value
    places = np.full((4, n), False)
    places[which, rows] = True
    dotted = np.zeros((4, n), dtype=bool)
    dotted[which, rows] = _matches(blocks, "[.]")
    previous = np.full(n, np.nan)
    wrong = np.zeros(n, dtype=bool)
    for k, big_power in enumerate(_BIG_WORDS.values()):
        after = places[k] & ~np.isnan(previous)
        wrong |= after & (values[k] >= 10.0 ** (previous - big_power))
        if big_power == 0:
            wrong |= after & dotted[k]
        previous = np.where(places[k], big_power, previous)
    wrong[rows[misplaced]] = True
    code[wrong & (code == OK)] = MISPLACED
    huge = (code == OK) & (np.abs(total) >= 10.0**_EXCEL_DIGITS)
    span = np.floor(np.log10(np.abs(total[huge]))) - lowest[huge] + 1
    code[np.flatnonzero(huge)[span > _EXCEL_DIGITS]] = TOO_LONG
    return np.where(code == OK, total, np.nan), code


def _lowest_digit(numbers_: pa.Array) -> np.ndarray:
    """Position of the last digit written: 1,200 → 2, 3 → 0, 1.25 → -2."""
    values = _cast(numbers_)
    point = pc.find_substring(numbers_, ".").to_numpy(zero_copy_only=False)
    fraction = np.where(point >= 0, _lengths(numbers_) - point - 1, 0)
    zeros = np.zeros(len(values))
    rest = np.where(point >= 0, 0.0, values)
    for _ in range(_EXCEL_DIGITS):
        ten = (rest > 0) & (rest % 10 == 0)
        if not ten.any():
            break
        zeros += ten
        rest = np.where(ten, rest // 10, rest)
    return np.where(point >= 0, -fraction, zeros)


def _split_words(texts: pa.Array, words: str) -> tuple[list[pa.Array], list[np.ndarray]]:
    """Cut each text at the first of each word in turn: ``"3억 5천만"`` with ``"조억만"`` gives
    blocks ``["", "3", "5천", ""]`` (before 조, 억, 만, and the rest) and where each word and
    the rest are present."""
    if len(texts) <= _regex.FEW:
        return _split_words_few(texts, words)
    blocks, present = [], []
    for word in words:
        has = pc.match_substring(texts, word)
        halves = pc.split_pattern(texts.filter(has), word, max_splits=1)
        empty = pc.if_else(has, *[pa.scalar("", texts.type)] * 2)
        before = pc.replace_with_mask(empty, has, pc.list_element(halves, 0))
        blocks.append(pc.utf8_trim(before, " "))
        present.append(has.to_numpy(zero_copy_only=False))
        texts = pc.replace_with_mask(texts, has, pc.list_element(halves, 1))
    blocks.append(pc.utf8_trim(texts, " "))
    present.append(_nonempty(blocks[-1]))
    return blocks, present


def _split_words_few(texts: pa.Array, words: str) -> tuple[list[pa.Array], list[np.ndarray]]:
    """``_split_words`` on a few texts with str methods instead of seven kernels a word (each
    kernel call costs more than the whole cut of a few texts): ``match_substring`` is ``in``,
    ``split_pattern(max_splits=1)`` is ``partition``, ``utf8_trim(" ")`` is ``strip(" ")``."""
    blocks, present = [], []
    rest = texts.to_pylist()
    for word in words:
        has = [word in text for text in rest]
        cut = [
            text.partition(word) if found else ("", "", text)
            for text, found in zip(rest, has, strict=True)
        ]
        blocks.append(pa.array([before.strip(" ") for before, _, _ in cut], type=texts.type))
        present.append(np.array(has, dtype=bool))
        rest = [
            after if found else text
            for (_, _, after), found, text in zip(cut, has, rest, strict=True)
        ]
    last = [text.strip(" ") for text in rest]
    blocks.append(pa.array(last, type=texts.type))
    present.append(np.array([text != "" for text in last], dtype=bool))
    return blocks, present
