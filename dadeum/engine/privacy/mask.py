"""Masking (마스킹) of personal data, in the style of the 가명정보 처리 가이드라인 examples.

What stays and what becomes ``*``, per type:

=================  ==========================  =========================================
type               example                     rule
=================  ==========================  =========================================
주민·외국인등록번호  ``900101-1******``          birth date and gender digit stay
전화번호           ``010-****-5678``           prefix (and +82) and the last four stay
이름               ``홍*동``, ``김*``, ``남**수``  first and last syllable stay
이메일             ``k***@example.com``        first letter and the domain stay
카드번호           ``1234-****-****-5678``     first and last four digits stay
계좌번호           ``***-***-**9012``          last four digits stay
여권번호           ``M1234****``               letter and four characters stay
운전면허번호       ``11-12-******-90``          region, year and the last two stay
사업자등록번호     ``123-**-*****``            the 세무서 code stays
법인등록번호       ``110111-*******``          the 등기관서 code stays
주소               ``서울특별시 중구 세종대로 ***``  시도, 시군구, road or 동 stay
차량번호           ``12가 ****``               the last four digits go
IP주소             ``192.168.*.*``             the first two parts stay
=================  ==========================  =========================================

Separators, brackets, spaces and the text around a value (particles included) stay exactly
as they were; only characters inside a finding change, one ``*`` for one character (except
an e-mail's local part, which becomes ``***`` whatever its length).
"""

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine.privacy import detect_rules as rules
from dadeum.engine.privacy.detect import (
    _FEW,
    _ONE_TO_ONE,
    Finding,
    _find,
    header_types,
    scan_texts,
    without_gc,
)
from dadeum.engine.privacy.normalise import needs_normalising, needs_normalising_re2, plain

__all__ = [
    "mask_pii",
    "mask_pii_series",
    "mask_text",
    "mask_value",
    "masked_sample",
    "masked_samples",
]

STAR = "*"


def mask_text(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every finding masked; everything else is kept exactly.

    >>> from dadeum.engine.privacy.detect import find_pii_spans
    >>> text = "960101-1234567이고 010-1234-5678로"
    >>> mask_text(text, find_pii_spans(text))
    '960101-1******이고 010-****-5678로'
    """
    findings = sorted(findings, key=lambda f: f.start)
    # A given name written alone (준혁이는) after the full name (박준혁) hides the syllable the
    # full name's mask hid (박*혁 … *혁이는); 준*이는 beside 박*혁 would give the name away.
    given = {
        plain(text[f.start : f.end])[1:]
        for f in findings
        if f.type == rules.NAME and f.end - f.start == 3
    }
    pieces, position = [], 0
    for finding in findings:
        if finding.start < position:
            continue  # overlaps the previous one, which is already masked
        pieces.append(text[position : finding.start])
        # The value as detected: characters hidden inside it go, so none of it survives.
        value = plain(text[finding.start : finding.end])
        if finding.type == rules.NAME and value in given:
            pieces.append(STAR + value[1:])
        else:
            pieces.append(mask_value(value, finding.type))
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def mask_pii(value: Any, *, header: Any = None) -> Any:
    """Mask the personal data in one cell (see ``mask_pii_series``)."""
    return mask_pii_series(pd.Series([value], dtype=object), header=header).iloc[0]


def mask_pii_series(values: pd.Series, *, header: Any = None) -> pd.Series:
    """Every cell with its personal data masked; same index, input not modified.

    Text cells come back as text with the surrounding words kept. A number that was read as
    an identifier (see ``scan_texts``) comes back as masked text; any other cell (blank,
    date, amount, text without personal data) comes back unchanged.
    """
    with without_gc():
        texts = scan_texts(values, header=header)
        found = _find(texts, header_types(header))
        out = values.tolist()
        for row, findings in found.items():
            out[row] = mask_text(texts[row], findings)
        return pd.Series(out, index=values.index, dtype=object)


def masked_sample(value: Any, kind: str) -> str:
    """A masked form of one found value for a report: never the value itself.

    >>> masked_sample("홍길동", "이름")
    '홍*동'
    """
    text = plain(str(value))
    masked = mask_value(text, kind)
    if masked == text:  # nothing to hide by the type's rule (서울시 강남구 역삼동)
        head, _, last = text.rpartition(" ")
        masked = (head + " " if head else "") + STAR * len(last)
    return masked


def masked_samples(values: list[str], kind: str) -> list[str]:
    """``masked_sample`` for many values of one type; the usual shapes take a short cut."""
    values = _plain_values(values)
    if kind == rules.NAME:
        return [_mask_name(value) if len(value) > 1 else STAR for value in values]
    if kind in _RESIDENT:
        return [
            value[:8] + STAR * 6
            if len(value) == 14 and value[6] == "-" and value.isascii()
            else masked_sample(value, kind)
            for value in values
        ]
    if kind == rules.PHONE:
        return [_mask_phone(value) for value in values]  # always hides the middle digits
    if kind == rules.ADDRESS:
        masked = [_mask_address(value) for value in values]
        return [
            m if m != v else masked_sample(v, kind) for m, v in zip(masked, values, strict=True)
        ]
    if kind == rules.EMAIL:
        return [_mask_email(value) for value in values]
    return [masked_sample(value, kind) for value in values]


def _plain_values(values: list[str]) -> list[str]:
    """The values with invisible characters dropped; many at once with one RE2 pass."""
    try:
        array = pa.array(values, type=pa.large_string()) if len(values) > _FEW else None
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for RE2, so one value at a time
        array = None
    if array is None:
        return [plain(value) if needs_normalising(value) else value for value in values]
    changed = pc.match_substring_regex(array, needs_normalising_re2())
    rows = np.flatnonzero(changed.to_numpy(zero_copy_only=False)).tolist()
    if not rows:
        return values
    values = list(values)
    for row in rows:
        values[row] = plain(values[row])
    return values


def mask_value(value: str, kind: str) -> str:
    """Mask one value that was found as ``kind`` (a Korean type name)."""
    if kind in _RESIDENT and len(value) == 14 and value[6] == "-" and value.isascii():
        return value[:8] + STAR * 6  # the usual 900101-1234567, without the general path
    masker = _MASKERS.get(kind)
    if masker is None:
        return STAR * len(value)
    return masker(value)


# Every decimal digit (ASCII and full-width) to a star, for masking a slice at C speed.
_DIGITS_TO_STAR = str.maketrans(
    dict.fromkeys([*"0123456789", *(chr(0xFF10 + i) for i in range(10))], STAR)
)


def _digit_positions(value: str) -> list[int]:
    return [i for i, ch in enumerate(value) if ch.isdigit()]


def _mask_positions(value: str, positions: Iterable[int]) -> str:
    chars = list(value)
    for i in positions:
        chars[i] = STAR
    return "".join(chars)


def _mask_digit_span(value: str, digits: list[int], first: int, stop: int) -> str:
    """Mask the digits ``digits[first:stop]`` (positions of the digits in ``value``)."""
    if first >= stop:
        return value
    a, b = digits[first], digits[stop - 1] + 1
    return value[:a] + value[a:b].translate(_DIGITS_TO_STAR) + value[b:]


def _keep_digits(first: int, last: int = 0):
    """A masker that keeps the first ``first`` and last ``last`` digits."""

    def masker(value: str) -> str:
        digits = _digit_positions(value)
        return _mask_digit_span(value, digits, first, len(digits) - last)

    return masker


_DIGIT_RUN = re.compile(r"\d+")


def _digit_runs(value: str) -> list[list[int]]:
    return [list(range(*run.span())) for run in _DIGIT_RUN.finditer(value)]


# 010-1234-5678, 02.123.4567, 031 123 4567: prefix, separator, middle, separator, last four.
_PLAIN_PHONE = re.compile(r"(\d{2,4}([-. ]))(\d{3,4})(\2\d{4})", re.ASCII)


def _mask_phone(value: str) -> str:
    plain = _PLAIN_PHONE.fullmatch(value)
    if plain is not None:
        return plain[1] + STAR * len(plain[3]) + plain[4]
    runs = _digit_runs(value)
    if len(runs) >= 3:  # 010-1234-5678, +82 10-1234-5678: the group before the last goes
        return _mask_positions(value, runs[-2])
    digits = [i for run in runs for i in run]
    national = "".join(value[i] for i in digits).translate(_ONE_TO_ONE)
    if len(runs) == 2 and national.startswith("0") and len(runs[0]) <= 4:
        return _mask_positions(value, runs[1][:-4])  # 02)1234567 → 02)***4567
    if len(runs) == 2:
        return _mask_positions(value, runs[0])  # 123-4567 in a phone column
    if national.startswith("82"):
        national = national[2:]
        keep = 2 + (1 if national.startswith("0") else 0) + (1 if national[:1] == "2" else 2)
    elif national.startswith("02"):
        keep = 2
    elif national.startswith("050"):
        keep = 4
    elif national.startswith("0"):
        keep = 3
    else:
        keep = 0
    return _mask_positions(value, digits[keep : len(digits) - 4])


def _mask_name(value: str) -> str:
    if len(value) <= 1:
        return STAR
    if len(value) == 2:
        return value[0] + STAR
    return value[0] + STAR * (len(value) - 2) + value[-1]


def _mask_email(value: str) -> str:
    local, at, domain = value.partition("@")
    return local[:1] + STAR * 3 + at + domain


def _mask_passport(value: str) -> str:
    return value[:5] + STAR * (len(value) - 5)


def _mask_licence(value: str) -> str:
    digits = _digit_positions(value)
    return _mask_digit_span(value, digits, max(0, len(digits) - 8), len(digits) - 2)


def _mask_vehicle(value: str) -> str:
    digits = _digit_positions(value)
    return _mask_digit_span(value, digits, len(digits) - 4, len(digits))


def _mask_ip(value: str) -> str:
    separator = "." if "." in value else ":"
    parts = value.split(separator)
    kept = 0
    for i, part in enumerate(parts):
        if part:
            kept += 1
            if kept > 2:
                parts[i] = STAR
    return separator.join(parts)


# Where the building or lot number starts: after the road (세종대로 110, 세종로12번길 34) or
# the 동/리 (역삼동 737-1, 읍내리 산 12); the digits of 명동2가, 태평로1가 are part of the name.
_NUMBER_START = re.compile(
    r"(?:(?:로|길)(?:\s?\d{1,4}번?[가-힣]?길)?\s?(?:지하\s?)?|(?:동|리|가)\s?(?:산\s?)?)"
    r"(?=\d)(?!\d{1,2}가)"
)


def _mask_address(value: str) -> str:
    """Keep 시도, 시군구 and the road or 동 name; mask the numbers from the building number on."""
    found = _NUMBER_START.search(value)
    if found is None:
        return value.translate(_DIGITS_TO_STAR)
    return value[: found.end()] + value[found.end() :].translate(_DIGITS_TO_STAR)


_RESIDENT = frozenset({rules.RRN, rules.FRN})
_MASKERS = {
    rules.RRN: _keep_digits(7),
    rules.FRN: _keep_digits(7),
    rules.CRN: _keep_digits(6),
    rules.BRN: _keep_digits(3),
    rules.PHONE: _mask_phone,
    rules.EMAIL: _mask_email,
    rules.CARD: _keep_digits(4, 4),
    rules.ACCOUNT: _keep_digits(0, 4),
    rules.PASSPORT: _mask_passport,
    rules.LICENCE: _mask_licence,
    rules.ADDRESS: _mask_address,
    rules.NAME: _mask_name,
    rules.VEHICLE: _mask_vehicle,
    rules.IP: _mask_ip,
}
