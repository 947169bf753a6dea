"""The vectorised pass over a text column: a float and a result code for every text.

Plain numbers take one pattern test and one cast; the others lose their prefix and unit to
character-set trims, the few distinct prefixes and suffixes are read once each, and the
middle is a plain number, a ``1.5E+05`` or magnitude words (``_magnitude``). Kept apart from
the public functions so the fast path can be read as one piece.
"""

import re
from decimal import Decimal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine import _regex
from dadeum.engine.numbers._arrow import (
    _byte_lengths,
    _cast,
    _lengths,
    _matches,
    _scientific,
)
from dadeum.engine.numbers._magnitude import _magnitudes
from dadeum.engine.numbers._patterns import (
    _EXCEL_DIGITS,
    _FULL_WIDTH,
    _NEEDS_QUICK_CLEAN,
    _NUMBODY,
    _PLAIN,
    _PREFIX,
    _PREFIX_CHARS,
    _SCIENTIFIC,
    _SPACE_RUN,
    _SUFFIX,
    _SUFFIX_CHARS,
    BRACKETS,
    DOUBLE_SIGN,
    OK,
    OVERFLOW,
    PHONE,
    TOO_LONG,
    UNREADABLE,
)
from dadeum.engine.numbers._vocabulary import _UNIT_ALIASES, NEGATIVE_SIGNS, UNITS


def _parse(texts: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The vectorised pass: a float and a result code for every text (no nulls)."""
    n = len(texts)
    values = np.full(n, np.nan)
    codes = np.full(n, UNREADABLE, dtype=np.int8)
    if n == 0:
        return values, codes
    plain = _matches(texts, _PLAIN)
    if plain.any():
        where = np.flatnonzero(plain)
        mantissas = pc.replace_substring(texts.filter(pa.array(plain)), ",", "")
        values[where] = _cast(mantissas)
        codes[where] = OK
        _check_digits(mantissas, where, codes, phone=True)
    if not plain.all():
        rest = ~plain
        _parse_wrapped(texts.filter(pa.array(rest)), np.flatnonzero(rest), values, codes)
    codes[(codes == OK) & ~np.isfinite(values)] = OVERFLOW
    values += 0.0  # -0.0 → 0.0
    return values, codes


def _parse_wrapped(texts: pa.Array, where: np.ndarray, values, codes) -> None:
    """Numbers with trimmings: ``△ 1,234``, ``₩1,234``, ``(1,234)``, ``12.5%``, ``3억 5천만원``."""
    left = pc.utf8_ltrim(texts, _PREFIX_CHARS)
    middle = pc.utf8_rtrim(left, _SUFFIX_CHARS)
    full_len, left_len, middle_len = (_byte_lengths(a) for a in (texts, left, middle))
    pre = _edges(texts, full_len - left_len, _read_prefix, tail=False)
    suf = _edges(left, left_len - middle_len, _read_suffix, tail=True)
    usable = (pre[:, 0] == 1) & (suf[:, 0] == 1) & (middle_len > 0)
    power = suf[:, 1]

    number = np.full(len(texts), np.nan)
    code = np.full(len(texts), UNREADABLE, dtype=np.int8)
    simple = usable & _matches(middle, _NUMBODY)
    if simple.any():
        idx = np.flatnonzero(simple)
        mantissas = pc.replace_substring(
            pc.replace_substring(middle.filter(pa.array(simple)), ",", ""), " ", ""
        )
        number[idx] = _cast(_scientific(mantissas, power[idx]))
        code[idx] = OK
        _check_digits(mantissas, idx, code, phone=False)
    scientific = usable & ~simple
    if scientific.any():
        scientific[scientific] = _matches(middle.filter(pa.array(scientific)), _SCIENTIFIC)
    for i in np.flatnonzero(scientific).tolist():  # 1.5E+05: rare, exact with Decimal
        number[i] = float(Decimal(middle[i].as_py()).scaleb(int(power[i])))
        code[i] = OK
    words = usable & ~simple & ~scientific
    if words.any():
        idx = np.flatnonzero(words)
        number[idx], code[idx] = _magnitudes(middle.filter(pa.array(words)), power[idx])

    negative = (pre[:, 1] > 0) | (suf[:, 2] > 0) | (pre[:, 3] > 0)
    signs = pre[:, 2] + suf[:, 2] + pre[:, 3]
    code[(code == OK) & (pre[:, 3] != suf[:, 3])] = BRACKETS
    code[(code == OK) & (signs > 1)] = DOUBLE_SIGN
    values[where] = np.where(negative, -number, number)
    codes[where] = code


def _read_prefix(text: str) -> tuple[int, int, int, int]:
    """(valid, negative signs, all signs, opening bracket) of what stands before a number."""
    match = _PREFIX.fullmatch(text)
    if not match:
        return 0, 0, 0, 0
    s1, s2 = ((match.group(g) or "").strip() for g in ("s1", "s2"))
    negative = (s1 in NEGATIVE_SIGNS) + (s2 in NEGATIVE_SIGNS)
    return 1, negative, bool(s1) + bool(s2), int(bool(match.group("open")))


def _read_suffix(text: str) -> tuple[int, int, int, int]:
    """(valid, power of ten, trailing minus, closing bracket) of what follows a number."""
    match = _SUFFIX.fullmatch(text)
    if not match:
        return 0, 0, 0, 0
    power = UNITS.get(match.group("unit") or "", 0)
    return 1, power, int(bool(match.group("s3"))), int(bool(match.group("close")))


def _edges(texts: pa.Array, lengths: np.ndarray, read, *, tail: bool) -> np.ndarray:
    """Read the first (or last) ``lengths[i]`` bytes of each text with ``read``, once per
    distinct piece; rows with nothing to read are valid and neutral."""
    table = np.zeros((len(texts), 4), dtype=np.int64)
    table[:, 0] = 1
    if len(texts) <= _regex.FEW:  # the same byte slices in Python: a few kernels per length
        read_once: dict[str, tuple[int, int, int, int]] = {}  # this call's pieces only
        cut = [(i, k) for i, k in enumerate(lengths.tolist()) if k > 0]
        all_texts = texts.to_pylist() if cut else []
        for i, k in cut:
            data = all_texts[i].encode("utf-8")
            piece = (data[-k:] if tail else data[:k]).decode("utf-8")
            if piece not in read_once:
                read_once[piece] = read(piece)
            table[i] = read_once[piece]
        return table
    for k in np.unique(lengths[lengths > 0]).tolist():
        rows = np.flatnonzero(lengths == k)
        sub = pc.cast(texts.take(pa.array(rows)), pa.large_binary())
        piece = pc.binary_slice(sub, -k) if tail else pc.binary_slice(sub, 0, k)
        encoded = pc.dictionary_encode(piece)
        pieces = [p.decode("utf-8") for p in encoded.dictionary.to_pylist()]
        read_once = np.array([read(p) for p in pieces], dtype=np.int64).reshape(-1, 4)
        table[rows] = read_once[encoded.indices.to_numpy(zero_copy_only=False)]
    return table


def _check_digits(mantissas: pa.Array, where: np.ndarray, codes: np.ndarray, *, phone: bool):
    """Flag digit strings Excel cannot hold (16+ significant digits) and, for bare digit
    strings, phone numbers with the hyphens left out (010…, 02…)."""
    lengths = _lengths(mantissas)
    if phone:
        candidates = lengths >= 9
        if candidates.any():
            idx = np.flatnonzero(candidates)
            looks = _matches(mantissas.filter(pa.array(candidates)), r"^0[0-9]{8,10}$")
            codes[where[idx[looks]]] = PHONE
    long = lengths > _EXCEL_DIGITS
    for i in np.flatnonzero(long).tolist():
        digits = mantissas[i].as_py().lstrip("+-").partition(".")[0].strip("0")
        if len(digits) > _EXCEL_DIGITS and codes[where[i]] == OK:
            codes[where[i]] = TOO_LONG


def _quick_clean(texts: pa.Array) -> pa.Array:
    """The part of ``clean_text`` that ordinary number cells need, on the whole array: full-width
    digits and signs, odd or doubled spaces, edge spaces, and ``m2`` for ``m²``."""
    needs = _matches(texts, _NEEDS_QUICK_CLEAN)
    if not needs.any():
        return texts
    if len(texts) <= _regex.FEW:
        return _quick_clean_few(texts, needs)
    sub = texts.filter(pa.array(needs))
    for wide in _FULL_WIDTH:
        sub = pc.replace_substring(sub, wide, chr(ord(wide) - 0xFEE0))
    sub = pc.utf8_trim(pc.replace_substring_regex(sub, _SPACE_RUN, " "), " ")
    for alias, unit in _UNIT_ALIASES.items():
        sub = pc.replace_substring_regex(sub, alias + "$", unit)
    return pc.replace_with_mask(texts, pa.array(needs), sub)


_HALF_WIDTH = str.maketrans({wide: chr(ord(wide) - 0xFEE0) for wide in _FULL_WIDTH})
_SPACE_RUN_RE = re.compile(_SPACE_RUN)  # one character class: the same in re as in RE2
# RE2's "$" is Python's "\Z" (end of text, not before a final newline).
_ALIASES_RE = [(re.compile(re.escape(a) + r"\Z"), unit) for a, unit in _UNIT_ALIASES.items()]


def _quick_clean_few(texts: pa.Array, needs: np.ndarray) -> pa.Array:
    """``_quick_clean`` on a few texts in Python, step for step: the full-width replacements
    (single characters, so one ``translate``), the space runs, the edge spaces, the aliases."""
    out = texts.to_pylist()
    for i in np.flatnonzero(needs).tolist():
        text = _SPACE_RUN_RE.sub(" ", out[i].translate(_HALF_WIDTH)).strip(" ")
        for alias, unit in _ALIASES_RE:
            text = alias.sub(unit, text)
        out[i] = text
    return pa.array(out, type=texts.type)
