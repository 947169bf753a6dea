"""Keyed pseudonyms: the same person gets the same token in every file, and only the key
holder can link a token back to a person.

A token is ``P-`` followed by the first ``length`` characters (default 16, i.e. 80 bits) of

    Crockford-base32( HMAC-SHA256(key, "dadeum-pseudonym-v1" NUL canonical-form-in-UTF-8) )

so any other system that needs to reproduce a token can do so from this line and the
normalisation rules below. Crockford's alphabet (no I, L, O, U) reads aloud without mistakes
and does not depend on upper/lower case, which Excel's look-ups ignore.

**Why keyed (HMAC) and not a plain hash.** Identifiers come from small spaces: about 10^8
mobile numbers, and about 3 × 10^11 possible 주민등록번호 (36,500 birth dates in a century ×
a gender digit × 10^6 for the rest), fewer still when the birth date is known. One graphics
card computes around 10^10 SHA-256 hashes a second, so an unkeyed hash (even with a salt
stored next to it) gives the original value back in seconds to minutes by trying them all.
HMAC with a 256-bit secret key turns that dictionary attack into guessing the key, while the
key still makes the pseudonym repeatable: the same key gives the same token in every file
and every month, so joins keep working (가명정보 처리 가이드라인: 일방향 암호화 with a key kept
apart from the data). Anyone who holds the key can rebuild the table of tokens, so the key
must stay with the administrator (see ``dadeum.engine.privacy.keys``).

**Normalisation** (so that spellings of one identifier give one token):

- 전화번호: the standard form from ``to_phone`` (``010-1234-5678``, ``01012345678``,
  ``010 1234 5678``, ``+82 10-1234-5678`` are one number). With ``kind="전화번호"`` a numeric
  cell that lost its leading 0 in Excel gets it back, and so does digit-only text; in
  automatic mode only numbers do, since digit-only text without 0 is as likely another
  identifier (a 사업자등록번호 101-…).
- 주민·외국인등록번호 and other numeric identifiers: the digits alone (hyphens, spaces, dots and
  full-width digits make no difference). With ``kind="주민등록번호"`` a numeric cell gets back
  the leading zeros Excel dropped (born 2000-2009).
- 이메일: lower case, without spaces and a ``mailto:`` prefix.
- 이름 and any other text: ``clean_text``, then case-folded and without spaces
  (``홍 길동`` = ``홍길동``; ``JOHN SMITH`` = ``John Smith``).
- Dates: ``YYYYMMDD``, whether the cell holds a date or text such as ``2023-03-05``.

In automatic mode (``kind=None``) the shape of each value decides: an e-mail address; a phone
number, which is text of 9 to 11 digits starting with one 0, or written with +; a number;
other text. Give ``kind`` for a column whose
phone numbers or 주민등록번호 Excel stored as numbers: a 10-digit number is both a mobile
number without its 0 and a 주민등록번호 of someone born in January 2000 without its zeros.

Blanks stay blank. Tokens depend on the key, ``length``, and the normalisation version in the
message ("v1"); a future change of normalisation would get a new version, never a silent one.
"""

import hmac
import re
from datetime import date, datetime
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import CellError, Placeholder, is_blank
from dadeum.engine.identifiers import is_valid_frn, is_valid_rrn
from dadeum.engine.phones import DASHES, to_phone_series
from dadeum.engine.text import clean_text_series
from dadeum.errors import InvalidArgumentError

__all__ = ["PSEUDONYM_KINDS", "TOKEN_PREFIX", "pseudonymize_series"]

TOKEN_PREFIX = "P-"
DEFAULT_LENGTH = 16
# 10 characters = 50 bits: two of a million people share a token with odds of about 1 in
# 2,000; 16 (80 bits) makes that about 1 in a trillion even for ten million people.
MIN_LENGTH, MAX_LENGTH = 10, 51  # 256 bits are 51 full base32 characters
_DOMAIN = b"dadeum-pseudonym-v1\x00"
_MIN_KEY_BYTES = 16

# Accepted names of a kind (spaces removed, lower case) → internal code.
PSEUDONYM_KINDS = {
    "전화번호": "phone", "전화": "phone", "휴대폰": "phone", "휴대전화": "phone",
    "연락처": "phone", "phone": "phone",
    "주민등록번호": "rrn", "주민번호": "rrn", "주민": "rrn", "rrn": "rrn",
    "외국인등록번호": "rrn", "외국인": "rrn", "frn": "rrn",
    "이메일": "email", "전자우편": "email", "메일": "email", "email": "email", "e-mail": "email",
    "이름": "name", "성명": "name", "name": "name",
    "자동": None, "auto": None,
}  # fmt: skip

_MAIN_NAMES = ("전화번호", "주민등록번호", "이메일", "이름", "자동")

_ALPHABET = np.frombuffer(b"0123456789ABCDEFGHJKMNPQRSTVWXYZ", dtype=np.uint8)  # Crockford
_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))

_EMAIL = re.compile(r"(?:mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+", re.IGNORECASE)
_NUMERIC_ID = re.compile(r"[0-9 .\-]*[0-9][0-9 .\-]*")
# A phone number as people type it: optional +, digits, and the usual separators.
_PHONE_SHAPE = re.compile(r"\+?[0-9 ().\-]{7,}")
_NOT_DIGIT = re.compile(r"\D")
_SPACE = re.compile(r"\s+")


class _Boolean:
    """Keeps TRUE apart from 1 when values are factorised (True == 1 in Python)."""

    __slots__ = ("value",)

    def __init__(self, value: bool) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Boolean) and other.value == self.value

    def __hash__(self) -> int:
        return hash((_Boolean, self.value))


def pseudonymize_series(
    values: pd.Series,
    key: bytes,
    *,
    kind: str | None = None,
    length: int = DEFAULT_LENGTH,
    prefix: str = TOKEN_PREFIX,
) -> pd.Series:
    """Replace every value by its keyed pseudonym (see the module docstring).

    Returns a new object Series with the same index: the token (``P-`` and ``length``
    characters) per value, None for a blank. ``kind`` is a hint for normalisation:
    "전화번호", "주민등록번호", "이메일", "이름" or None (by each value's shape). Raises
    ``InvalidArgumentError`` for an unusable key, kind or length. The input is not modified.

    >>> key = bytes(range(32))
    >>> a = pseudonymize_series(pd.Series(["010-1234-5678", "01012345678", None]), key)
    >>> a[0] == a[1], a[0][:2], len(a[0]), a[2]
    (True, 'P-', 18, None)
    """
    if not isinstance(key, bytes | bytearray) or len(key) < _MIN_KEY_BYTES:
        raise InvalidArgumentError(
            f"가명처리 키는 {_MIN_KEY_BYTES}바이트 이상이어야 합니다 (키 파일을 확인하세요)."
        )
    code = normalize_pseudonym_kind(kind)
    length = _check_length(length)
    array = values.to_numpy(dtype=object)
    if any(isinstance(v, bool | np.bool_) for v in array):
        array = np.array(
            [_Boolean(bool(v)) if isinstance(v, bool | np.bool_) else v for v in array],
            dtype=object,
        )
    codes, uniques = pd.factorize(array, use_na_sentinel=True)
    canonical = _canonical_forms(list(uniques), code)
    tokens = np.empty(len(canonical) + 1, dtype=object)
    tokens[-1] = None  # code -1: a missing value
    tokens[:-1] = canonical  # None and CellError stay as they are
    rows = [i for i, form in enumerate(canonical) if isinstance(form, str)]
    if rows:
        secret = bytes(key)
        macs = b"".join(
            hmac.digest(secret, _DOMAIN + canonical[i].encode(), "sha256") for i in rows
        )
        tokens[rows] = [prefix + text for text in _base32(macs, length)]
    return pd.Series(tokens[codes], index=values.index, dtype=object)
    return pd.Series(tokens[codes], index=values.index, dtype=object)


def normalize_pseudonym_kind(kind: Any, *, function: str = "PSEUDONYMIZE") -> str | None:
    """The internal code of a kind name ("phone", "rrn", "email", "name") or None (automatic)."""
    if kind is None or is_blank(kind):
        return None
    if isinstance(kind, str):
        key = _SPACE.sub("", kind).lower()
        if key in PSEUDONYM_KINDS:
            return PSEUDONYM_KINDS[key]
    names = ", ".join(f'"{name}"' for name in _MAIN_NAMES)
    raise InvalidArgumentError(
        f"{function} 함수의 'kind' 인수는 {names} 중 하나여야 합니다. 받은 값: {kind!r}"
    )


def _check_length(length: Any) -> int:
    try:
        number = float(length)
    except (TypeError, ValueError):
        number = float("nan")
    if number.is_integer() and MIN_LENGTH <= number <= MAX_LENGTH:
        return int(number)
    raise InvalidArgumentError(
        f"가명의 'length'는 {MIN_LENGTH}부터 {MAX_LENGTH} 사이의 정수여야 합니다. "
        f"받은 값: {length!r}"
    )


def _base32(macs: bytes, length: int) -> list[str]:
    """The first ``length`` Crockford base32 characters of each 32-byte MAC, all at once
    (the same characters as ``base64.b32encode`` with Crockford's alphabet, which is slow
    in pure Python)."""
    matrix = np.frombuffer(macs, dtype=np.uint8).reshape(-1, 32)
    bits = np.unpackbits(matrix[:, : (length * 5 + 7) // 8], axis=1)[:, : length * 5]
    indices = bits.reshape(len(matrix), length, 5) @ np.array([16, 8, 4, 2, 1], dtype=np.uint8)
    characters = _ALPHABET[indices]  # (n, length) bytes
    return characters.view(f"S{length}").ravel().astype(str).tolist()


# --- Normalisation ---------------------------------------------------------------------------


def _canonical_forms(uniques: list[Any], kind: str | None) -> list[str | CellError | None]:
    """The canonical form of each distinct value (None for a blank)."""
    out: list[str | CellError | None] = [None] * len(uniques)
    text_rows = [i for i, v in enumerate(uniques) if isinstance(v, str)]
    cleaned = clean_text_series(pd.Series([uniques[i] for i in text_rows], dtype=object))
    phone_rows: list[int] = []
    phone_inputs: list[Any] = []
    for i, text in zip(text_rows, cleaned.tolist(), strict=True):
        if not text:
            continue
        out[i] = _text_form(text, kind)
        if kind == "phone" or (kind is None and _looks_like_phone(text)):
            phone_rows.append(i)
            phone_inputs.append(text)
    for i, value in enumerate(uniques):
        if isinstance(value, str):
            continue
        form = _other_form(value, kind)
        out[i] = form
        # A whole number of phone length may be a phone number that lost its 0 in Excel.
        whole = isinstance(form, str) and form.isdigit() and isinstance(value, Integral | Real)
        if whole and (kind == "phone" or (kind is None and 7 <= len(form) <= 11)):
            phone_rows.append(i)
            phone_inputs.append(value)
    if phone_rows:
        phones = to_phone_series(pd.Series(phone_inputs, dtype=object)).tolist()
        for i, phone in zip(phone_rows, phones, strict=True):
            if isinstance(phone, str):
                out[i] = phone
    return out


def _looks_like_phone(text: str) -> bool:
    if not _PHONE_SHAPE.fullmatch(text):
        return False
    digits = _NOT_DIGIT.sub("", text)
    if text.lstrip("( ").startswith("+"):
        return 8 <= len(digits) <= 15
    # Korean numbers have 9 to 11 digits with their 0; "00…" (international call prefixes)
    # and 13 digits are left alone: 000105-3234569 is a 주민등록번호, not a call to 010.
    return 9 <= len(digits) <= 11 and digits.startswith("0") and not digits.startswith("00")


def _text_form(text: str, kind: str | None) -> str:
    """Canonical form of cleaned, non-empty text (a phone form may replace it later)."""
    text = text.translate(_TO_HYPHEN)
    if kind == "email" or (kind is None and _EMAIL.fullmatch(text)):
        text = _SPACE.sub("", text).casefold()
        return text.removeprefix("mailto:")
    if _NUMERIC_ID.fullmatch(text):
        return _NOT_DIGIT.sub("", text)
    return _SPACE.sub("", text).casefold()


def _other_form(value: Any, kind: str | None) -> str | CellError | None:
    """Canonical form of a non-text cell value."""
    if isinstance(value, Placeholder) or is_blank(value):
        return None
    if isinstance(value, CellError):
        return CellError("앞 단계에서 변환하지 못한 값이라 가명처리하지 않았습니다.")
    if isinstance(value, _Boolean):
        return "true" if value.value else "false"
    if isinstance(value, Integral | Real):
        number = float(value)
        if not number.is_integer():
            return repr(number)
        digits = str(int(value)) if isinstance(value, Integral) else str(int(number))
        if digits.startswith("-"):
            return digits
        if 10 <= len(digits) <= 12:
            # Excel drops the leading zeros of a 주민등록번호 of someone born 2000-2009.
            full = digits.zfill(13)
            if kind == "rrn" or (
                kind is None and len(digits) >= 11 and (is_valid_rrn(full) or is_valid_frn(full))
            ):
                return full
        return digits
    if isinstance(value, datetime | date | pd.Timestamp):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_localize(None)
        if stamp == stamp.normalize():
            return stamp.strftime("%Y%m%d")  # the digits, as text dates are read
        return stamp.isoformat()
    return _SPACE.sub("", str(value)).casefold()
