"""Telephone numbers: any spelling of a Korean number to the standard hyphenated form.

``to_phone_series`` reads mobile (010, 011, 016-019), Seoul (02) and other area codes
(031-064), internet phones (070), safe numbers (050X), toll-free (080) and representative
numbers (15XX/16XX/18XX-XXXX), whatever the spacing or punctuation: ``01012345678``,
``010 1234 5678``, ``010.1234.5678``, ``010·1234·5678`` (also ``ㆍ`` or ``‧``),
``+82 10-1234-5678``, ``82-10-1234-5678``, ``02)123-4567``, ``(02) 123-4567``, full-width
digits, labels such as ``Tel.``, ``휴대폰:`` or ``(대표)``.
It writes ``010-1234-5678``, ``02-123-4567``, ``031-1234-5678``, ``0507-1234-5678``,
``1588-1234``. Validity (which prefixes and lengths exist) comes from the phonenumbers
library's metadata.

Decisions worth knowing:

- **Leading zero lost.** Excel stores ``01012345678`` typed without an apostrophe as the
  number 1012345678. A cell of digits only (a number, or text of digits) that does not start
  with 0 gets its 0 back, but only when that gives a valid number and the digits are not
  already a valid representative number (``15881234``). ``10-1234-5678`` with hyphens is
  left as an error: someone typed it that way, so it is not Excel's doing.
- **Extensions** (``내선 12``, ``(내선 12)``, ``ext. 12``, ``교환 12``) are kept, written as
  ``02-123-4567 내선 12``, because dropping them loses a way to reach the person.
- **Foreign numbers** written with their country code (``+1 650-253-0000``,
  ``001-1-650-…``) come back in international format (``+1 650-253-0000``) when
  phonenumbers knows them as valid, since a foreign resident's number is still a phone number.
  Without a country code a number is read as Korean.
- **Not guessed:** several numbers or a range in one cell (``02-123-4567~8``,
  ``010-…, 02-…``), a local number without its area code (``123-4567``), digits written in
  groups whose last one is not four digits (``010-1234-567``: a digit is missing, and
  regrouping them as ``010-123-4567`` would hide it), and any other words.
  These are errors with a short Korean reason.
"""

import re
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd
import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, ValidationResult

from dadeum.engine.cells import CellError, is_blank
from dadeum.engine.text import clean_text

__all__ = ["to_phone", "to_phone_series"]

# Characters other systems use where a hyphen is meant: Hangul vowel ㅡ, Unicode dashes,
# the minus sign, box-drawing lines and small/full-width hyphen-minus forms. Shared with the
# address and identification-number readers.
DASHES = "ㅡ‐‑‒–—―−─━﹘﹣－"
# Middle dots Korean documents write between the groups (010·1234·5678): the Latin middle
# dot, the Hangul ㆍ (araea, what 한글 offers for it) and the hyphenation point.
MIDDLE_DOTS = "·ㆍ‧"
_TO_HYPHEN = str.maketrans({**dict.fromkeys(DASHES, "-"), **dict.fromkeys(MIDDLE_DOTS, ".")})

# Labels people write in front of a number; only these are dropped. Fax is left out on
# purpose: a fax number in a phone column is worth an error.
_LABEL = re.compile(
    r"^[(\[]?\s*(?:tel|phone|mobile|cell|h\.?p|m|t|전화(?:번호)?|휴대(?:폰|전화)?|핸드폰|연락처|"
    r"대표(?:번호|전화)?|직통(?:번호|전화)?|사무실|자택|집|☎|☏|℡|📞)\s*[:.)\]]?\s*",
    re.IGNORECASE,
)
_EXTENSION = re.compile(
    r"^(?P<main>.*?\d)[\s,]*[(\[]?\s*(?:내선(?:번호)?|교환|ext\.?|extension|x)\s*[:.]?\s*"
    r"(?P<ext>\d{1,6})\s*[)\]]?$",
    re.IGNORECASE,
)
_TRAILING_LABEL = re.compile(
    r"\s*[(\[]\s*(?:대표(?:번호|전화)?|사무실|자택|집|휴대폰|핸드폰|직통|본인)\s*[)\]]$"
)
_FAX = re.compile(r"fax|팩스|팩시밀리", re.IGNORECASE)
_ALLOWED = re.compile(r"[0-9+\-. ()]+")
_SEVERAL = re.compile(r"[~,;/&|]|또는|및")
_DIGITS_ONLY = re.compile(r"\d+")

_KR = 82


def to_phone(value: Any) -> Any:
    """Convert one value; returns the formatted number, None for a blank, or ``CellError``.

    >>> to_phone("+82 10 1234 5678")
    '010-1234-5678'
    >>> to_phone("02)123-4567")
    '02-123-4567'
    >>> to_phone(1012345678)  # Excel dropped the leading 0
    '010-1234-5678'
    >>> to_phone("1588 1234")
    '1588-1234'
    """
    if is_blank(value):
        return None
    key = _key(value)
    return key if isinstance(key, CellError) else _convert(key)


def to_phone_series(values: pd.Series) -> pd.Series:
    """Vectorised ``to_phone``: one conversion per distinct value, mapped back to the column.

    Returns a new object Series with the same index: the formatted number, None for a blank,
    ``CellError`` with a Korean reason otherwise. The input is not modified.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    uniques = uniques.tolist()
    converted = np.empty(len(uniques) + 1, dtype=object)
    converted[-1] = None  # code -1: a missing value
    for index, value in enumerate(uniques):
        converted[index] = to_phone(value)
    result = converted[codes]
    # True == 1 in Python, so factorize may have put a bool and a number in one slot.
    text_only = pd.api.types.infer_dtype(uniques, skipna=True) in ("string", "empty")
    for index, value in enumerate([] if text_only else uniques):
        if isinstance(value, bool | int | float) and value in (0, 1):
            rows = np.flatnonzero(codes == index)
            result[rows] = [to_phone(cell) for cell in values.iloc[rows].tolist()]
    return pd.Series(result, index=values.index, dtype=object)


def _key(value: Any) -> str | CellError:
    """A cache key for one non-blank value: ``"#digits"`` for a number, ``"t" + text`` for
    text, or the reason the value cannot be a phone number."""
    if isinstance(value, str):
        return "t" + value
    if isinstance(value, bool | np.bool_):
        return CellError("전화번호가 아닙니다 (참/거짓 값).")
    if isinstance(value, Integral):
        number = int(value)
    elif isinstance(value, Real) and float(value).is_integer():
        number = int(float(value))
    else:
        return CellError(f"전화번호가 아닙니다: {value}")
    if number <= 0:
        return CellError(f"전화번호가 아닙니다: {number}")
    return f"#{number}"


# Not cached across calls: a module-level cache would keep people's numbers in memory.
def _convert(key: str) -> str | CellError:
    if key.startswith("#"):
        return _from_digits(key[1:], digits_only=True, original=key[1:])
    text = clean_text(key[1:]).translate(_TO_HYPHEN)
    if not text:
        return CellError("전화번호가 아닙니다.")
    return _read_text(text, shown=text if len(text) <= 40 else text[:40] + "…")


def _read_text(text: str, shown: str) -> str | CellError:
    """A cleaned text cell; ``shown`` is how reasons quote it."""
    main, extension = text, None
    matched = _EXTENSION.match(text)
    if matched:
        main, extension = matched["main"], matched["ext"]
    # A leading apostrophe is how exports keep a number as text in Excel.
    main = _TRAILING_LABEL.sub("", _LABEL.sub("", main.lstrip("'"), count=1)).strip()
    if not any(ch.isdigit() for ch in main):
        return CellError(f"전화번호가 아닙니다: {shown}")
    if _SEVERAL.search(main):
        return CellError(f"전화번호가 여러 개이거나 범위로 적혀 있습니다: {shown}")
    if not _ALLOWED.fullmatch(main):
        bad = next(ch for ch in main if not _ALLOWED.fullmatch(ch))
        if _FAX.search(main):
            return CellError(f"팩스 번호라고 적혀 있습니다: {shown}")
        return CellError(f"전화번호에 쓸 수 없는 글자가 있습니다('{bad}'): {shown}")
    plus = main.lstrip("(").startswith("+")
    if "+" in main.lstrip("( ")[1 if plus else 0 :]:
        return CellError(f"'+'는 국가번호 앞에만 씁니다: {shown}")
    digits = re.sub(r"\D", "", main)
    if not digits:
        return CellError(f"전화번호가 아닙니다: {shown}")
    if plus:
        result = _international(digits, shown)
    else:
        digits_only = bool(_DIGITS_ONLY.fullmatch(main))
        result = _from_digits(digits, digits_only=digits_only, original=shown)
    korean = not isinstance(result, CellError) and not result.startswith("+")
    if korean and _short_last_group(main):
        return CellError(f"끝자리가 4자리가 아닙니다(숫자가 빠졌거나 잘못 나뉘었습니다): {shown}")
    if isinstance(result, CellError) or extension is None:
        return result
    return f"{result} 내선 {extension}"


def _short_last_group(main: str) -> bool:
    """Written in groups whose last one is under four digits (``010-1234-567``). Every
    Korean number ends in four digits, so regrouping the digits would hide a typo."""
    groups = re.findall(r"\d+", main)
    return len(groups) > 1 and len(groups[-1]) < 4


def _international(digits: str, original: str) -> str | CellError:
    """Digits that followed a '+' (or an international call prefix)."""
    if digits.startswith("82"):
        national = digits[2:]
        national = national[1:] if national.startswith("0") else national  # "+82 010-…"
        return _korean(national, original)
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return CellError(f"국가번호를 알 수 없습니다: {original}")
    if not phonenumbers.is_valid_number(number):
        return CellError(f"외국 전화번호로 읽히지만 자릿수나 번호가 맞지 않습니다: {original}")
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def _from_digits(digits: str, *, digits_only: bool, original: str) -> str | CellError:
    """A Korean number written without '+': domestic, or with 82/0082/001… in front."""
    if len(digits) < 7:
        return CellError(f"전화번호 자릿수가 맞지 않습니다: {original}")
    if digits.startswith("0082"):
        return _international(digits[2:], original)
    if digits.startswith("00"):  # a carrier's international prefix (001, 002, 00700…)
        try:
            number = phonenumbers.parse(digits, "KR")
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and number.country_code == _KR:
            return _korean(str(number.national_number), original)
        if number is not None and phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        return CellError(f"국제전화 번호로 읽히지만 번호가 맞지 않습니다: {original}")
    if digits.startswith("0"):
        return _korean(digits[1:], original)
    if len(digits) == 8 and digits[0] == "1":  # representative numbers have no 0
        result = _korean(digits, original)
        if isinstance(result, CellError):
            return CellError(f"지역번호가 없거나 쓰지 않는 대표번호입니다: {original}")
        return result
    if digits.startswith("82") and len(digits) >= 10:  # "82-10-1234-5678": + left out
        return _international(digits, original)
    if digits_only:
        restored = _korean(digits, original)  # national number = the digits without the 0
        if not isinstance(restored, CellError) and len(digits) >= 8:
            return restored
    if 7 <= len(digits) <= 8:
        return CellError(f"지역번호가 없습니다: {original}")
    return CellError(f"맨 앞의 0이 빠졌거나 전화번호가 아닙니다: {original}")


def _korean(national: str, original: str) -> str | CellError:
    """Validate a Korean national significant number (no leading 0) and format it."""
    if not 7 <= len(national) <= 11:
        return CellError(f"전화번호 자릿수가 맞지 않습니다: {original}")
    number = PhoneNumber(country_code=_KR, national_number=int(national))
    if national.startswith("0"):  # e.g. "00798…": phonenumbers keeps such zeros apart
        number.italian_leading_zero = True
        number.number_of_leading_zeros = len(national) - len(national.lstrip("0"))
    if phonenumbers.is_valid_number(number):
        return _format_national(national, number)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason in (ValidationResult.TOO_SHORT, ValidationResult.TOO_LONG) or len(national) < 7:
        return CellError(f"전화번호 자릿수가 맞지 않습니다: {original}")
    return CellError(f"쓰지 않는 국번이거나 자릿수가 맞지 않습니다: {original}")


def _format_national(national: str, number: PhoneNumber) -> str:
    """The Korean way of writing a valid number: the prefix, the middle, the last four."""
    if len(national) == 8 and national[0] == "1":
        return f"{national[:4]}-{national[4:]}"
    if national[0] == "2":
        prefix, rest = "02", national[1:]
    elif national.startswith("50"):  # 050X safe numbers: the X belongs to the prefix
        prefix, rest = "0" + national[:3], national[3:]
    else:
        prefix, rest = "0" + national[:2], national[2:]
    if len(rest) in (7, 8):
        return f"{prefix}-{rest[:-4]}-{rest[-4:]}"
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
