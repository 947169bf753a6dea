"""The detection rules, in the order they run, and what the driver needs to apply them.

The rules themselves live in ``detect_numbers``, ``detect_places`` and ``detect_names``;
``detect_base`` holds what they share. This module puts them in a table (``RULES``), names
the whole-cell shapes settled without a regex (``WHOLE_CELL``), and fixes which type wins
when two findings overlap (``PRIORITY``).
"""

from dadeum.engine.identifiers import VALID, VALID_UNCHECKED, _digit_codes
from dadeum.engine.privacy.detect_base import (
    ACCOUNT,
    ADDRESS,
    BRN,
    CARD,
    CRN,
    EMAIL,
    FRN,
    IP,
    LICENCE,
    NAME,
    PASSPORT,
    PHONE,
    RRN,
    VEHICLE,
    WEAK_NAME,
    Context,
    Hit,
    Rule,
    boost,
)
from dadeum.engine.privacy.detect_names import NAME_RULES, name_shape
from dadeum.engine.privacy.detect_numbers import NUMBER_RULES
from dadeum.engine.privacy.detect_places import ADDRESS_WHOLE, PLACE_RULES

__all__ = [
    "ACCOUNT",
    "ADDRESS",
    "BRN",
    "CARD",
    "CRN",
    "EMAIL",
    "FRN",
    "IP",
    "LICENCE",
    "NAME",
    "PASSPORT",
    "PHONE",
    "PRIORITY",
    "RRN",
    "RULES",
    "VEHICLE",
    "WEAK_NAME",
    "WHOLE_CELL",
    "Context",
    "Hit",
    "Rule",
    "name_shape",
    "whole_verdicts",
]

RULES: tuple[Rule, ...] = NUMBER_RULES + PLACE_RULES + NAME_RULES

# Whole-cell shapes that need no regex pass: a cell matching one of these (RE2, anchored) is
# that one value, once ``whole_verdicts`` has validated it.
WHOLE_CELL = {
    RRN: r"^\d{6}[- ]?\d{7}$",
    PHONE: (
        r"^0(?:10-\d{4}|1[16789]-\d{3,4}|70-\d{4}"
        r"|80-\d{3}|(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|50[2-8])-\d{3,4})-\d{4}$|^010\d{8}$"
    ),
    EMAIL: (
        r"^[A-Za-z0-9][A-Za-z0-9_%+\-]*(?:\.[A-Za-z0-9_%+\-]+)*@"
        r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$"
    ),
    ADDRESS: ADDRESS_WHOLE,
}


def whole_verdicts(kind: str, cells: list[str], hint: frozenset[str]) -> list:
    """(type, confidence) or None per whole cell of shape ``kind``; the same verdicts the
    regex rules give these cells."""
    ctx = Context("", hint=hint)
    if kind == PHONE:
        mobile, landline = (PHONE, boost(0.95, PHONE, ctx)), (PHONE, boost(0.9, PHONE, ctx))
        return [mobile if cell[1] == "1" else landline for cell in cells]
    if kind == EMAIL:
        return [(EMAIL, boost(0.95, EMAIL, ctx))] * len(cells)
    if kind == ADDRESS:
        return [(ADDRESS, boost(0.9, ADDRESS, ctx))] * len(cells)
    if CRN in hint:
        return [None] * len(cells)  # 법인등록번호 look the same: leave them to the judge
    numbers = [cell.replace("-", "").replace(" ", "") for cell in cells]
    outcome = {
        ("rrn", VALID): (RRN, boost(0.95, RRN, ctx)),
        ("rrn", VALID_UNCHECKED): (RRN, boost(0.8, RRN, ctx)),
        ("frn", VALID): (FRN, boost(0.95, FRN, ctx)),
        ("frn", VALID_UNCHECKED): (FRN, boost(0.8, FRN, ctx)),
    }
    mistyped = bool(hint & {RRN, FRN})  # a wrong date in a 주민번호 column: still personal
    verdicts: list = []
    rrn_codes = _digit_codes(numbers, "rrn", False).tolist()
    frn_codes = _digit_codes(numbers, "frn", False).tolist()
    for number, rrn, frn in zip(numbers, rrn_codes, frn_codes, strict=True):
        if number[6] in "90":
            verdicts.append(None)
            continue
        verdict = outcome.get(("rrn", rrn)) or outcome.get(("frn", frn))
        if verdict is None and mistyped:
            verdict = (FRN if number[6] in "5678" or FRN in hint else RRN, 0.6)
        verdicts.append(verdict)
    return verdicts


# When two hits overlap, the one of the earlier type in this order wins.
_ORDER = (EMAIL, RRN, FRN, CRN, CARD, LICENCE, BRN, PASSPORT, PHONE, ACCOUNT, IP, VEHICLE, ADDRESS,
          NAME)  # fmt: skip
PRIORITY = {kind: rank for rank, kind in enumerate(_ORDER)}
PRIORITY[WEAK_NAME] = PRIORITY[NAME]
