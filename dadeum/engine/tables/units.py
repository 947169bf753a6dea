"""Units written in headers and unit rows: "(단위: 천원)", "예산(백만원)", "인구(천명)"."""

import re

# Magnitude prefixes Korean tables put in front of a unit.
MAGNITUDES = {"십": 10, "백": 100, "천": 1_000, "만": 10_000, "십만": 100_000,
              "백만": 1_000_000, "천만": 10_000_000, "억": 100_000_000,
              "십억": 1_000_000_000, "백억": 10_000_000_000, "천억": 100_000_000_000,
              "조": 1_000_000_000_000}  # fmt: skip
BASE_UNITS = (
    "원", "명", "건", "개", "개소", "대", "가구", "세대", "호", "회", "톤", "t", "kg", "㎏",
    "km", "㎞", "m", "㎡", "m²", "m2", "㎢", "km²", "평", "ha", "%", "‰", "%p", "일", "시간",
    "분", "인", "척", "동", "필지", "주", "마리", "kWh", "MWh", "ℓ", "L", "㎥",
)  # fmt: skip
_HEADER_UNIT = re.compile(
    r"^(?P<name>.*?)\s*[(\[]\s*(?:단\s*위\s*[:：]?\s*)?(?P<unit>[^()\[\]]{1,10}?)\s*[)\]]\s*$"
)


def parse_unit(text: str) -> tuple[str, float] | None:
    """A unit text as (base unit, multiplier): "천원" → ("원", 1000), "명" → ("명", 1).

    None when the text is not a unit we know (so "(2023)" or "(잠정)" are left alone).
    """
    unit = text.strip().replace(" ", "")
    if unit in BASE_UNITS:
        return unit, 1
    for prefix in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(prefix) and unit[len(prefix) :] in BASE_UNITS:
            return unit[len(prefix) :], MAGNITUDES[prefix]
    return None


def split_header_unit(name: str) -> tuple[str, str | None]:
    """ "예산(천원)" → ("예산", "천원"); a name without a known unit comes back unchanged."""
    match = _HEADER_UNIT.match(name)
    if match and match.group("name").strip() and parse_unit(match.group("unit")):
        return match.group("name").strip(), match.group("unit").strip()
    return name, None
