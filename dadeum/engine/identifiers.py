"""Identification numbers: 사업자등록번호, 법인등록번호, 주민등록번호, 외국인등록번호.

``check_id_series(values, kind)`` says whether each cell is a valid number of that kind;
``explain_id_series`` says why not, in Korean. The digit-string validators ``is_valid_brn``,
``is_valid_crn``, ``is_valid_rrn`` and ``is_valid_frn`` are plain Python for callers that test
one candidate at a time (personal-data detection).

Rules:

- **사업자등록번호** (10 digits, ``123-45-67890``): the National Tax Service check digit. The
  first nine digits are multiplied by 1,3,7,1,3,7,1,3,5, the tens digit of the last product is
  added as well, and the last digit must be ``(10 - sum mod 10) mod 10``.
- **법인등록번호** (13 digits, ``110111-1234567``): the first twelve digits are multiplied by
  1,2,1,2,…; the last digit must be ``(10 - sum mod 10) mod 10``.
- **주민등록번호** (13 digits, ``YYMMDD-GNNNNNN``): the gender digit G gives the century
  (1,2 → 1900s; 3,4 → 2000s; 9,0 → 1800s; 5-8 belong to foreigners, so they are not an
  주민등록번호), and YYMMDD must be a real date in that century, not after today.
- **외국인등록번호** (13 digits): the same, with G in 5-8 (5,6 → 1900s; 7,8 → 2000s).

**The check digit of 주민/외국인등록번호 is not required by default.** Since 2020-10-05 the
six digits after G are random, with no check digit. That applies to every number issued
since, including to people born long before who changed their number, and the issue date is
not in the number. So a wrong check digit cannot prove a number invalid. ``strict=True``
requires it anyway (right for data known to predate October 2020, and a good typo detector),
except for people born on or after 2020-10-05, who can only have the new kind of number.
In the default mode, ``explain_id`` still says when the check digit does not match.

Accepted input: digits with or without hyphens, spaces or dots; full-width digits; numeric
cells, which get back the leading zeros Excel dropped (a 주민등록번호 of someone born in
2000-2009 starts with 0). Masked numbers (``900101-1******``) are reported as masked.
"""

import re
from datetime import date
from decimal import Decimal
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine._validation import check_choice
from dadeum.engine.cells import is_blank
from dadeum.engine.phones import DASHES
from dadeum.engine.text import _INVISIBLE, _SPACES

__all__ = [
    "KIND_NAMES",
    "check_id",
    "check_id_series",
    "explain_id",
    "explain_id_series",
    "is_valid_brn",
    "is_valid_crn",
    "is_valid_frn",
    "is_valid_rrn",
    "normalize_kind",
]

# kind code -> official name, for messages.
KIND_NAMES = {
    "brn": "사업자등록번호",
    "crn": "법인등록번호",
    "rrn": "주민등록번호",
    "frn": "외국인등록번호",
}
_KIND_ALIASES = {
    "사업자등록번호": "brn", "사업자": "brn", "brn": "brn",
    "법인등록번호": "crn", "법인": "crn", "crn": "crn",
    "주민등록번호": "rrn", "주민": "rrn", "rrn": "rrn",
    "외국인등록번호": "frn", "외국인": "frn", "frn": "frn",
}  # fmt: skip
_LENGTH = {"brn": 10, "crn": 13, "rrn": 13, "frn": 13}

_BRN_WEIGHTS = np.array([1, 3, 7, 1, 3, 7, 1, 3, 5])
_CRN_WEIGHTS = np.array([1, 2] * 6)
_RRN_WEIGHTS = np.array([2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])
# Century by gender digit, and which digits each kind uses.
_CENTURY = np.array([1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800])
_GENDERS = {"rrn": frozenset("123490"), "frn": frozenset("5678")}
# Random digits instead of a check digit since this day; anyone born on or after it
# can only have such a number.
RANDOM_DIGITS_SINCE = date(2020, 10, 5)

# What may sit between the digits (spaces of every kind, invisible characters, dashes and
# look-alikes, dots), as an RE2 class for pyarrow.
_SEPARATORS = (
    "[" + "".join(f"\\x{{{ord(ch):04x}}}" for ch in _SPACES + _INVISIBLE + DASHES + "-.．") + "]"
)
_MASK = "[*＊xX●○■□#]"
_HALF_WIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])

# Outcome codes, one per cell.
VALID, VALID_UNCHECKED, NOT_NUMBER, BAD_CHARS, MASKED, LENGTH = 0, 1, 2, 3, 4, 5
CHECK_DIGIT, GENDER, BAD_DATE, FUTURE = 6, 7, 8, 9
_OK = (VALID, VALID_UNCHECKED)


def normalize_kind(kind: Any, *, function: str = "CHECK_ID") -> str:
    """``"brn"``, ``"crn"``, ``"rrn"`` or ``"frn"`` for any accepted name of a kind.

    >>> normalize_kind("사업자 등록번호")
    'brn'
    """
    if isinstance(kind, str):
        key = re.sub(r"\s+", "", kind).lower()
        if key in _KIND_ALIASES:
            return _KIND_ALIASES[key]
    check_choice(function, "kind", kind, _KIND_ALIASES)  # raises, listing every choice
    raise AssertionError("unreachable")


def is_valid_brn(digits: str) -> bool:
    """10 digits with a correct 사업자등록번호 check digit.

    >>> is_valid_brn("1248100998")
    True
    """
    if len(digits) != 10 or not (digits.isascii() and digits.isdigit()):
        return False
    d = [int(ch) for ch in digits]
    total = sum(x * w for x, w in zip(d[:9], _BRN_WEIGHTS.tolist(), strict=True)) + d[8] * 5 // 10
    return (10 - total % 10) % 10 == d[9]


def is_valid_crn(digits: str) -> bool:
    """13 digits with a correct 법인등록번호 check digit."""
    if len(digits) != 13 or not (digits.isascii() and digits.isdigit()):
        return False
    d = [int(ch) for ch in digits]
    total = sum(x * w for x, w in zip(d[:12], _CRN_WEIGHTS.tolist(), strict=True))
    return (10 - total % 10) % 10 == d[12]


def is_valid_rrn(digits: str, *, strict: bool = False, today: date | None = None) -> bool:
    """13 digits that can be a 주민등록번호: gender digit, birth date, and with ``strict``
    the check digit (see the module docstring for why it is optional)."""
    return _resident_code(digits, "rrn", strict, today or date.today()) in _OK


def is_valid_frn(digits: str, *, strict: bool = False, today: date | None = None) -> bool:
    """13 digits that can be a 외국인등록번호; like ``is_valid_rrn`` with gender digit 5-8."""
    return _resident_code(digits, "frn", strict, today or date.today()) in _OK


def _resident_code(digits: str, kind: str, strict: bool, today: date) -> int:
    if len(digits) != 13 or not (digits.isascii() and digits.isdigit()):
        return LENGTH
    if digits[6] not in _GENDERS[kind]:
        return GENDER
    year = int(_CENTURY[int(digits[6])]) + int(digits[:2])
    try:
        born = date(year, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return BAD_DATE
    if born > today:
        return FUTURE
    d = [int(ch) for ch in digits]
    total = sum(x * w for x, w in zip(d[:12], _RRN_WEIGHTS.tolist(), strict=True))
    expected = (11 - total % 11) % 10 if kind == "rrn" else (13 - total % 11) % 10
    if expected == d[12] or born >= RANDOM_DIGITS_SINCE:
        return VALID
    return CHECK_DIGIT if strict else VALID_UNCHECKED


def check_id(value: Any, kind: str, *, strict: bool = False) -> bool | None:
    """Whether one value is a valid number of ``kind``; None for a blank.

    >>> check_id("124-81-00998", "사업자")
    True
    >>> check_id("900101-1234567", "주민")  # date and gender digit are fine
    True
    >>> check_id("901301-1234567", "주민")  # month 13
    False
    """
    result = check_id_series(pd.Series([value], dtype=object), kind, strict=strict)
    return result.iloc[0]


def explain_id(value: Any, kind: str, *, strict: bool = False) -> str | None:
    """The Korean verdict for one value ("유효합니다" or why not); None for a blank.

    >>> explain_id("124-81-00999", "brn")
    '검증번호가 맞지 않습니다.'
    """
    result = explain_id_series(pd.Series([value], dtype=object), kind, strict=strict)
    return result.iloc[0]


def check_id_series(values: pd.Series, kind: str, *, strict: bool = False) -> pd.Series:
    """Vectorised ``check_id``: True/False per cell, None for a blank; same index.

    Raises ``InvalidArgumentError`` for an unknown ``kind``. The input is not modified.
    """
    codes, blank = _codes(values, normalize_kind(kind), strict)
    result = pd.Series(np.isin(codes, _OK), index=values.index, dtype=object)
    result[blank] = None
    return result


def explain_id_series(values: pd.Series, kind: str, *, strict: bool = False) -> pd.Series:
    """Vectorised ``explain_id``: the Korean verdict per cell, None for a blank."""
    kind = normalize_kind(kind)
    codes, blank = _codes(values, kind, strict)
    messages = np.array([_message(code, kind) for code in range(FUTURE + 1)], dtype=object)
    result = pd.Series(messages[codes], index=values.index, dtype=object)
    result[blank] = None
    return result


def _message(code: int, kind: str) -> str:
    name = KIND_NAMES[kind]
    return {
        VALID: "유효합니다.",
        VALID_UNCHECKED: (
            "유효합니다. 다만 검증번호가 맞지 않아, 2020년 10월 이후 부여된 번호가 아니라면 "
            "잘못 적힌 번호입니다."
        ),
        NOT_NUMBER: f"{name}로 읽을 수 없는 값입니다.",
        BAD_CHARS: "숫자와 하이픈(-) 말고 다른 글자가 있습니다.",
        MASKED: "일부가 가려진 번호라 확인할 수 없습니다.",
        LENGTH: f"{name}는 {_LENGTH[kind]}자리여야 하는데 자릿수가 맞지 않습니다.",
        CHECK_DIGIT: "검증번호가 맞지 않습니다.",
        GENDER: (
            "뒷자리 첫 숫자가 5~8이면 외국인등록번호입니다."
            if kind == "rrn"
            else "뒷자리 첫 숫자가 5~8이어야 합니다 (1~4는 주민등록번호)."
        ),
        BAD_DATE: "앞 6자리가 있는 날짜(생년월일)가 아닙니다.",
        FUTURE: "생년월일이 오늘보다 뒤입니다.",
    }[code]


def _codes(values: pd.Series, kind: str, strict: bool) -> tuple[np.ndarray, np.ndarray]:
    """One outcome code per cell, and a mask of blank cells; each distinct value once."""
    row_codes, uniques = pd.factorize(values, use_na_sentinel=True)
    uniques = uniques.tolist()
    codes, blank = _value_codes(uniques, kind, strict)
    codes, blank = np.append(codes, NOT_NUMBER), np.append(blank, True)  # code -1: missing
    result, result_blank = codes[row_codes], blank[row_codes]
    # True == 1 in Python, so factorize may have merged a bool with a number: redo those rows.
    text_only = pd.api.types.infer_dtype(uniques, skipna=True) in ("string", "empty")
    for index, value in enumerate([] if text_only else uniques):
        if isinstance(value, bool | int | float) and value in (0, 1):
            rows = np.flatnonzero(row_codes == index)
            result[rows], result_blank[rows] = _value_codes(
                values.iloc[rows].tolist(), kind, strict
            )
    return result, result_blank


def _value_codes(cells: list, kind: str, strict: bool) -> tuple[np.ndarray, np.ndarray]:
    """Codes and blank flags for a list of cell values."""
    codes = np.full(len(cells), NOT_NUMBER, dtype=np.int8)
    blank = np.zeros(len(cells), dtype=bool)
    if pd.api.types.infer_dtype(cells, skipna=False) == "string":  # the usual case: all text
        rows, texts = np.arange(len(cells)), cells
    else:
        rows, texts = [], []
        for index, value in enumerate(cells):
            text = _as_text(value, _LENGTH[kind])
            if text is not None:
                rows.append(index)
                texts.append(text)
            elif is_blank(value):
                blank[index] = True
    if len(texts):
        codes[rows], blank[rows] = _text_codes(texts, kind, strict)
    return codes, blank


def _as_text(value: Any, length: int) -> str | None:
    """Text to check; numbers get back the leading zeros Excel dropped; None if neither."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, Integral):
        number = int(value)
    elif isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        number = int(value)  # exact, unlike a float past 2**53
    elif isinstance(value, Real) and float(value).is_integer():
        number = int(float(value))
    else:
        return None
    text = str(number)
    # At most three zeros can go missing (주민등록번호 of someone born 2000-01 starts 0001).
    if number >= 0 and len(text) >= length - 3:
        return text.zfill(length)
    return text


def _text_codes(texts: list[str], kind: str, strict: bool) -> tuple[np.ndarray, np.ndarray]:
    """Codes and blank flags for text cells, column-wise with pyarrow."""
    array = pc.replace_substring_regex(pa.array(texts, type=pa.large_string()), _SEPARATORS, "")
    wide = pc.match_substring_regex(array, "[０-９]").to_numpy(zero_copy_only=False)
    if wide.any():  # full-width digits: rare, so fixed in Python
        fixed = [text.translate(_HALF_WIDTH_DIGITS) for text in array.filter(wide).to_pylist()]
        values = np.array(array.to_pylist(), dtype=object)
        values[wide] = fixed
        array = pa.array(values, type=pa.large_string())
    lengths = pc.utf8_length(array).to_numpy(zero_copy_only=False)
    digits_only = pc.match_substring_regex(array, "^[0-9]+$").to_numpy(zero_copy_only=False)
    masked = pc.match_substring_regex(array, _MASK).to_numpy(zero_copy_only=False)
    codes = np.full(len(array), BAD_CHARS, dtype=np.int8)
    codes[masked & ~digits_only] = MASKED
    codes[digits_only] = LENGTH
    right = digits_only & (lengths == _LENGTH[kind])
    if right.any():
        codes[right] = _digit_codes(array.filter(right).to_pylist(), kind, strict)
    return codes, lengths == 0


def _digit_codes(numbers: list[str], kind: str, strict: bool) -> np.ndarray:
    """Codes for strings of exactly the right number of ASCII digits, column-wise."""
    length = len(numbers[0])
    d = (np.frombuffer("".join(numbers).encode("ascii"), dtype=np.uint8) - 48).reshape(-1, length)
    d = d.astype(np.int64)
    if kind == "brn":
        total = d[:, :9] @ _BRN_WEIGHTS + d[:, 8] * 5 // 10
        return np.where((10 - total % 10) % 10 == d[:, 9], VALID, CHECK_DIGIT).astype(np.int8)
    if kind == "crn":
        total = d[:, :12] @ _CRN_WEIGHTS
        return np.where((10 - total % 10) % 10 == d[:, 12], VALID, CHECK_DIGIT).astype(np.int8)
    gender = d[:, 6]
    allowed = np.isin(gender, [int(g) for g in _GENDERS[kind]])
    year = _CENTURY[gender] + d[:, 0] * 10 + d[:, 1]
    month = d[:, 2] * 10 + d[:, 3]
    day = d[:, 4] * 10 + d[:, 5]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_ok = (month >= 1) & (month <= 12)
    last_day = _DAYS[np.where(month_ok, month, 1)] + ((month == 2) & leap)
    date_ok = month_ok & (day >= 1) & (day <= last_day)
    born = year * 10_000 + month * 100 + day
    today = date.today()
    future = born > today.year * 10_000 + today.month * 100 + today.day
    total = d[:, :12] @ _RRN_WEIGHTS
    expected = (11 - total % 11) % 10 if kind == "rrn" else (13 - total % 11) % 10
    since = RANDOM_DIGITS_SINCE
    old = born < since.year * 10_000 + since.month * 100 + since.day
    codes = np.where(
        (expected == d[:, 12]) | ~old, VALID, CHECK_DIGIT if strict else VALID_UNCHECKED
    )
    codes = np.where(future, FUTURE, codes)
    codes = np.where(date_ok, codes, BAD_DATE)
    return np.where(allowed, codes, GENDER).astype(np.int8)
