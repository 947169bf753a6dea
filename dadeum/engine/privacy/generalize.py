"""Generalisation (일반화·범주화), rounding and top/bottom coding of a column.

The 가명정보 처리 가이드라인 techniques that keep a value useful for statistics while making
one person harder to single out:

===============  =========================  ===========================================
kind             default                    with ``size``
===============  =========================  ===========================================
나이 (age)       10-year band: ``30대``;     ``size=5`` → ``30~34세``; 0-9 is
                 ``10세 미만``, ``100세 이상``  ``0~4세``
생년월일 (birth)  birth year: ``1990``       ``size=5`` → ``1990~1994년``,
                                             ``size=10`` → ``1990년대``
주소 (address)   ``서울특별시 강남구``         ``size=1`` → ``서울특별시`` (시도 only)
날짜 (date)      month: ``2023-03``          ``"year"`` → ``2023``, ``"quarter"`` →
                                             ``2023년 1분기``
금액 (round)     to the nearest 1,000        to the nearest ``size`` (half away from
                                             zero, as Excel's ROUND)
상하단 (topcode)  5% at each end              ``size`` = the share at each end (0.05 or 5)
우편번호          first 3 digits (시군구):     —
(postcode)       ``06236`` → ``062``
===============  =========================  ===========================================

Details worth knowing:

- 생년월일 also reads a 주민·외국인등록번호 (the birth date and century are in it) and the
  six-digit ``YYMMDD`` forms use, with the century that puts the date in the past.
- 상하단 코딩 needs the whole column: the thresholds are the ``size`` and ``1 - size``
  quantiles of the numbers in it (numpy's default linear interpolation). A value above the
  upper threshold becomes the text ``"1,250,000 이상"``, one below the lower threshold
  ``"12,000 이하"``; the rest stay numbers. So the extreme values that identify people (the
  one very high income, the one 102-year-old) are no longer visible, while the middle of the
  distribution keeps its detail. Applied to one cell it changes nothing.
- A cell that cannot be read becomes ``CellError`` with a Korean reason that does not repeat
  the value (the caller's ``on_error`` decides what happens to it); blanks stay blank.
"""

import math
import re
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine._validation import check_choice
from dadeum.engine.addresses import split_address_series
from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.dates import to_date_series
from dadeum.engine.identifiers import is_valid_frn, is_valid_rrn
from dadeum.engine.numbers import to_number_series
from dadeum.engine.phones import DASHES
from dadeum.engine.text import clean_text
from dadeum.errors import InvalidArgumentError

__all__ = [
    "GENERALIZE_KINDS",
    "describe_generalization",
    "generalize_series",
    "normalize_generalize_kind",
    "suppress_series",
]

# Accepted names (spaces removed, lower case) → internal code.
GENERALIZE_KINDS = {
    "나이": "age", "연령": "age", "age": "age",
    "생년월일": "birth", "생일": "birth", "출생일": "birth", "출생연도": "birth",
    "birth": "birth", "birthdate": "birth",
    "주소": "address", "address": "address",
    "날짜": "date", "일자": "date", "date": "date",
    "금액": "round", "라운딩": "round", "반올림": "round", "round": "round",
    "rounding": "round",
    "상하단": "topcode", "상하단코딩": "topcode", "topcode": "topcode",
    "top-coding": "topcode", "topcoding": "topcode", "topbottom": "topcode",
    "우편번호": "postcode", "postcode": "postcode", "zipcode": "postcode", "zip": "postcode",
}  # fmt: skip
_MAIN_NAMES = ("나이", "생년월일", "주소", "날짜", "금액", "상하단", "우편번호")
_DATE_SIZES = {
    "month": "month", "월": "month", "달": "month",
    "quarter": "quarter", "분기": "quarter",
    "year": "year", "연": "year", "년": "year", "연도": "year", "해": "year",
}  # fmt: skip
MAX_AGE = 130
_FUNCTION = "GENERALIZE"
_SEPARATORS = re.compile("[\\s" + re.escape(DASHES) + "\\-.]")
_DIGITS = re.compile(r"[0-9]+")
_NOT_DIGIT = re.compile(r"[^0-9]")
_MAN_AGE = re.compile(r"^\s*만\s*(?:나이\s*)?(?=[0-9０-９])")
# 900101, 90.01.01, 90-01-01: a birth date with a two-digit year (forms ask for 6 digits).
_YYMMDD = re.compile(r"[0-9]{6}|[0-9]{2}([.\-/] ?)[0-9]{2}\1[0-9]{2}\.?")
_MASKED_RRN = re.compile(r"(?P<front>[0-9]{6}) ?- ?(?P<gender>[0-9])[*＊xX●○#]{6}")
# Century of a 주민·외국인등록번호 by its gender digit.
_CENTURY = {"9": 1800, "0": 1800, "1": 1900, "2": 1900, "5": 1900, "6": 1900,
            "3": 2000, "4": 2000, "7": 2000, "8": 2000}  # fmt: skip


def generalize_series(values: pd.Series, kind: str, size: Any = None) -> pd.Series:
    """Generalise a column as ``kind`` says (see the module docstring for kinds and sizes).

    Returns a new object Series with the same index; blanks stay None, a value that cannot
    be read becomes ``CellError``. Raises ``InvalidArgumentError`` for an unknown kind or a
    size that does not fit it. The input is not modified.

    >>> generalize_series(pd.Series([35, "47세", None]), "나이").tolist()
    ['30대', '40대', None]
    >>> generalize_series(pd.Series([1234567]), "금액").tolist()
    [1235000.0]
    """
    code = normalize_generalize_kind(kind)
    handler = {
        "age": _age,
        "birth": _birth,
        "address": _address,
        "date": _date,
        "round": _round,
        "topcode": _topcode,
        "postcode": _postcode,
    }[code]
    result = handler(values.reset_index(drop=True), _read_size(code, size))
    return pd.Series(result.to_numpy(dtype=object), index=values.index, dtype=object)


def describe_generalization(kind: str, size: Any = None) -> str:
    """One Korean line saying what ``generalize_series(…, kind, size)`` does, for a 적정성
    검토 record; raises the same errors for a wrong kind or size.

    >>> describe_generalization("나이", 5)
    '나이를 5세 단위로 범주화 (예: 35 → 35~39세)'
    """
    code = normalize_generalize_kind(kind)
    value = _read_size(code, size)
    if code == "age":
        example = _age(pd.Series([35]), value).iloc[0]
        return f"나이를 {value}세 단위로 범주화 (예: 35 → {example})"
    if code == "birth":
        if value == 1:
            return "생년월일을 출생연도로 일반화 (예: 1992-05-05 → 1992)"
        example = _birth(pd.Series(["1992-05-05"]), value).iloc[0]
        return f"생년월일을 {value}년 단위로 범주화 (예: 1992-05-05 → {example})"
    if code == "address":
        return "주소를 시도와 시군구까지로 일반화" if value == 2 else "주소를 시도까지로 일반화"
    if code == "date":
        unit = {"month": "연월", "quarter": "분기", "year": "연도"}[value]
        return f"날짜를 {unit}로 일반화"
    if code == "round":
        return f"금액을 {_format(value)} 단위로 라운딩(반올림)"
    if code == "topcode":
        return f"상하단 코딩: 양 끝 {value:.0%}의 값을 기준값 이상/이하로 바꿈"
    return "우편번호를 앞 3자리(시군구)로 일반화"


def suppress_series(values: pd.Series) -> pd.Series:
    """삭제 (suppression): every cell blank; the index is kept, the input not modified."""
    return pd.Series([None] * len(values), index=values.index, dtype=object)


def normalize_generalize_kind(kind: Any) -> str:
    """The internal code for any accepted name of a kind; a Korean error otherwise."""
    if isinstance(kind, str):
        key = re.sub(r"\s+", "", kind).lower()
        if key in GENERALIZE_KINDS:
            return GENERALIZE_KINDS[key]
    check_choice(_FUNCTION, "kind", kind, _MAIN_NAMES)  # raises, listing the main names
    raise AssertionError("unreachable")


# --- Sizes ----------------------------------------------------------------------------------


def _given(size: Any) -> bool:
    if isinstance(size, float) and math.isnan(size):
        return False
    return not (size is None or (isinstance(size, str) and not size.strip()))


def _read_size(code: str, size: Any) -> Any:
    """The ``size`` argument checked and read for a kind, with the kind's default."""
    given = _given(size)
    if code == "age":
        return _whole_size(size, kind="나이", low=1, high=50) if given else 10
    if code == "birth":
        return _whole_size(size, kind="생년월일", low=1, high=100) if given else 1
    if code == "address":
        return _whole_size(size, kind="주소", low=1, high=2) if given else 2
    if code == "round":
        return _positive(size, kind="금액") if given else 1000.0
    if code == "topcode":
        return _share(size) if given else 0.05
    if code == "date":
        unit = _DATE_SIZES.get(str(size).strip().lower(), "") if given else "month"
        if not unit:
            raise InvalidArgumentError(
                f'{_FUNCTION} 함수에서 날짜의 \'size\'는 "월", "분기", "연도"(month, quarter, '
                f"year) 중 하나여야 합니다. 받은 값: {size!r}"
            )
        return unit
    if given:  # postcode
        raise InvalidArgumentError(
            f"{_FUNCTION} 함수에서 우편번호는 'size'를 받지 않습니다 (언제나 앞 3자리)."
        )
    return None


def _whole_size(size: Any, *, kind: str, low: int, high: int) -> int:
    try:
        number = float(size)
    except (TypeError, ValueError):
        number = math.nan
    if number.is_integer() and low <= number <= high:
        return int(number)
    raise InvalidArgumentError(
        f"{_FUNCTION} 함수에서 {kind}의 'size'는 {low}부터 {high} 사이의 정수여야 합니다. "
        f"받은 값: {size!r}"
    )


# --- Numbers: age, rounding, top/bottom coding -----------------------------------------------


def _numbers(values: pd.Series, reason: str) -> tuple[np.ndarray, np.ndarray]:
    """Floats (NaN where none) and an object array holding None, Placeholder or
    ``CellError(reason)`` for the cells that are not numbers."""
    converted = to_number_series(values).to_numpy(dtype=object)
    is_number = np.fromiter((isinstance(v, float) for v in converted), bool, len(converted))
    floats = np.full(len(converted), np.nan)
    floats[is_number] = converted[is_number].astype(float)
    out = np.empty(len(converted), dtype=object)
    for i in np.flatnonzero(~is_number):
        value = converted[i]
        out[i] = CellError(reason) if isinstance(value, CellError) else value
    out[is_number] = None
    return floats, out


def _labels(codes: np.ndarray, where: np.ndarray, out: np.ndarray, label) -> None:
    """Write ``label(code)`` for each distinct code into ``out`` at ``where``."""
    if where.any():
        distinct, inverse = np.unique(codes[where], return_inverse=True)
        names = np.array([label(int(c)) for c in distinct], dtype=object)
        out[where] = names[inverse]


def _age(values: pd.Series, width: int) -> pd.Series:
    # "만 52세" is 52 years (만 나이), not 52 × 10,000 as a number reader would have it.
    values = values.map(lambda v: _MAN_AGE.sub("", v) if isinstance(v, str) else v)
    ages, out = _numbers(values, "나이로 읽을 수 없는 값입니다.")
    number = ~np.isnan(ages)
    bad = number & ((ages < 0) | (ages > MAX_AGE))
    for i in np.flatnonzero(bad):
        out[i] = CellError(f"나이로 보기 어려운 값입니다 (0~{MAX_AGE}세가 아닙니다).")
    good = number & ~bad
    start = (np.floor(np.where(good, ages, 0)) // width * width).astype(np.int64)

    def label(low: int) -> str:
        if width == 10:
            if low == 0:
                return "10세 미만"
            return "100세 이상" if low >= 100 else f"{low}대"
        return f"{low}세" if width == 1 else f"{low}~{low + width - 1}세"

    _labels(start, good, out, label)
    return pd.Series(out, dtype=object)


def _round(values: pd.Series, step: float) -> pd.Series:
    numbers, out = _numbers(values, "금액(숫자)으로 읽을 수 없는 값입니다.")
    good = ~np.isnan(numbers)
    # Half away from zero, as Excel's ROUND. A fraction a hair under .5 is binary noise
    # (0.285 / 0.01 = 28.499999…); the tolerance is absolute on the fraction because
    # rounding the quotient itself to 9 decimals loses digits above 2**53 / 1e9.
    quotient = np.abs(numbers[good]) / step
    whole = np.floor(quotient)
    half_up = (quotient - whole) >= 0.5 - 1e-9
    rounded = np.sign(numbers[good]) * (whole + half_up) * step
    exponent = Decimal(repr(step)).normalize().as_tuple().exponent
    decimals = max(0, -int(exponent)) if isinstance(exponent, int) else 0
    rounded = np.round(rounded, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    out[good] = [float(v) for v in rounded]
    return pd.Series(out, dtype=object)


def _positive(size: Any, *, kind: str) -> float:
    number = to_number_series(pd.Series([size], dtype=object)).iloc[0]
    if isinstance(number, float) and math.isfinite(number) and number > 0:
        return number
    raise InvalidArgumentError(
        f"{_FUNCTION} 함수에서 {kind}의 'size'는 0보다 큰 수여야 합니다 (예: 1000). "
        f"받은 값: {size!r}"
    )


def _topcode(values: pd.Series, share: float) -> pd.Series:
    numbers, out = _numbers(values, "숫자로 읽을 수 없는 값입니다.")
    good = ~np.isnan(numbers)
    out[good] = [float(v) for v in numbers[good]]
    if good.sum() >= 2:
        low, high = np.quantile(numbers[good], [share, 1 - share])
        above = good & (numbers > high)
        below = good & (numbers < low)
        out[above] = f"{_format(high)} 이상"
        out[below] = f"{_format(low)} 이하"
    return pd.Series(out, dtype=object)


def _share(size: Any) -> float:
    number = to_number_series(pd.Series([size], dtype=object)).iloc[0]
    if isinstance(number, float) and 1 <= number < 50:
        number /= 100  # 5 means 5%
    if isinstance(number, float) and 0 < number < 0.5:
        return number
    raise InvalidArgumentError(
        f"{_FUNCTION} 함수에서 상하단 코딩의 'size'는 양 끝에서 바꿀 비율이어야 합니다 "
        f"(0.05 또는 5는 5%, 50% 미만). 받은 값: {size!r}"
    )


def _format(number: float) -> str:
    """A threshold as people read it: thousands separators, at most two decimals."""
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


# --- Dates: birth dates and other dates -------------------------------------------------------


def _dates(values: pd.Series, reason: str) -> tuple[list[Any], np.ndarray]:
    """Timestamps (None where none) and the object array for the other cells."""
    converted = to_date_series(values).to_numpy(dtype=object)
    out = np.empty(len(converted), dtype=object)
    stamps: list[Any] = [None] * len(converted)
    for i, value in enumerate(converted):
        if isinstance(value, pd.Timestamp):
            stamps[i] = value
        elif isinstance(value, CellError):
            out[i] = CellError(reason)
        else:
            out[i] = value  # None or Placeholder
    return stamps, out


def _birth(values: pd.Series, width: int) -> pd.Series:
    values = values.copy()
    # 주민등록번호 and YYMMDD first: to_date would read 900101 as a year and month.
    years = _birth_years(values)
    known = np.array([year is not None for year in years], dtype=bool)
    rest = values.where(~known, None)
    stamps, out = _dates(rest, "생년월일로 읽을 수 없는 값입니다.")
    for i, stamp in enumerate(stamps):
        if known[i]:
            out[i] = years[i]
        elif stamp is not None:
            out[i] = int(stamp.year)
    has_year = np.fromiter((isinstance(v, int) for v in out), bool, len(out))
    if width > 1 and has_year.any():
        starts = np.array([v // width * width if isinstance(v, int) else 0 for v in out])

        def label(low: int) -> str:
            return f"{low}년대" if width == 10 and low % 10 == 0 else f"{low}~{low + width - 1}년"

        _labels(starts, has_year, out, label)
    return pd.Series(out, dtype=object)


def _birth_years(values: pd.Series) -> list[int | None]:
    """Birth years read from 주민·외국인등록번호 and six-digit YYMMDD values; None for others."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    found: list[int | None] = []
    today = date.today()
    for value in uniques.tolist():
        found.append(_birth_year(value, today))
    found.append(None)
    return [found[c] for c in codes]


def _birth_year(value: Any, today: date) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        if not float(value).is_integer() or value <= 0:
            return None
        digits = str(int(value))
        if 10 <= len(digits) <= 13:
            digits = digits.zfill(13)  # Excel drops the zeros of those born 2000-2009
        elif len(digits) != 6:
            return None  # 5 digits: an Excel date serial; 8: YYYYMMDD (to_date reads both)
    elif isinstance(value, str):
        text = clean_text(value)
        masked = _MASKED_RRN.fullmatch(text)
        if masked:  # 900101-1******: the birth date and the century digit are still there
            digits = masked["front"] + masked["gender"]
        elif _YYMMDD.fullmatch(text):
            digits = _NOT_DIGIT.sub("", text)
        else:
            digits = _SEPARATORS.sub("", text)
            if not _DIGITS.fullmatch(digits) or len(digits) != 13:
                return None
    else:
        return None
    if len(digits) == 7:
        return _masked_birth_year(digits, today)
    if len(digits) == 13:
        if not (is_valid_rrn(digits, today=today) or is_valid_frn(digits, today=today)):
            return None
        return _CENTURY[digits[6]] + int(digits[:2])
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    for full in (2000 + year, 1900 + year):  # the most recent century that is not future
        try:
            born = date(full, month, day)
        except ValueError:
            return None
        if born <= today:
            return full
    return None


def _masked_birth_year(digits: str, today: date) -> int | None:
    """YYMMDD and the gender digit of a masked 주민등록번호."""
    year = _CENTURY[digits[6]] + int(digits[:2])
    try:
        born = date(year, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None
    return year if born <= today else None


def _date(values: pd.Series, unit: str) -> pd.Series:
    stamps, out = _dates(values, "날짜로 읽을 수 없는 값입니다.")
    for i, stamp in enumerate(stamps):
        if stamp is None:
            continue
        if unit == "year":
            out[i] = int(stamp.year)
        elif unit == "quarter":
            out[i] = f"{stamp.year}년 {(stamp.month - 1) // 3 + 1}분기"
        else:
            out[i] = f"{stamp.year:04d}-{stamp.month:02d}"
    return pd.Series(out, dtype=object)


# --- Places: addresses and postcodes ---------------------------------------------------------


def _address(values: pd.Series, level: int) -> pd.Series:
    parts = split_address_series(values)
    sido = parts["시도"].to_numpy(dtype=object)
    sigungu = parts["시군구"].to_numpy(dtype=object)
    out = np.empty(len(values), dtype=object)
    for i in range(len(values)):
        if sido[i] is None:
            continue  # blank
        if not sido[i]:
            out[i] = CellError("주소에서 시도를 찾지 못했습니다.")
        elif level == 1 or not sigungu[i]:
            out[i] = sido[i]  # 세종특별자치시 has no 시군구; a 시도 alone is still general
        else:
            out[i] = f"{sido[i]} {sigungu[i]}"
    return pd.Series(out, dtype=object)


def _postcode(values: pd.Series, _size: None) -> pd.Series:
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    read = np.array([_postcode_head(v) for v in uniques.tolist()] + [None], dtype=object)
    return pd.Series(read[codes], dtype=object)


def _postcode_head(value: Any) -> str | CellError | None:
    if isinstance(value, Placeholder):
        return None
    if isinstance(value, bool):
        return CellError("우편번호로 읽을 수 없는 값입니다.")
    if isinstance(value, int | float | np.integer | np.floating):
        if not float(value).is_integer() or not 1000 <= value <= 99999:
            return CellError("우편번호로 읽을 수 없는 값입니다 (다섯 자리 숫자가 아닙니다).")
        text = str(int(value)).zfill(5)  # Excel drops the 0 of 06236
    elif isinstance(value, str):
        text = clean_text(value).strip("()[] ")
        if not text:
            return None
        if re.fullmatch(r"\d{3}\s*-\s*\d{3}", text):
            return CellError("옛 6자리 우편번호입니다. 지금 쓰는 5자리 우편번호로 바꿔 주세요.")
    else:
        return CellError("우편번호로 읽을 수 없는 값입니다.")
    if not re.fullmatch(r"\d{5}", text) or not 1 <= int(text[:2]) <= 63:
        return CellError("우편번호로 읽을 수 없는 값입니다 (다섯 자리 숫자가 아닙니다).")
    return text[:3]
