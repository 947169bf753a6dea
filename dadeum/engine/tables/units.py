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
# What a rate is counted per, beyond the base units: 톤/년, 건/월, 명/천명.
_PER = ("년", "월", "연", "천명", "만명", "십만명", "인", "가구", "세대", "ha", "h", "yr")
_HEADER_UNIT = re.compile(
    r"^(?P<name>.*?)\s*[(\[]\s*(?:단\s*위\s*[:：]?\s*)?(?P<unit>[^()\[\]]{1,25}?)\s*[)\]]\s*$"
)


# English tables: "(Unit: thousand persons)", "1,000 persons", "KRW million", "million won".
EN_MAGNITUDES = {"ten": 10, "hundred": 100, "thousand": 1_000, "ten thousand": 10_000,
                 "hundred thousand": 100_000, "million": 1_000_000, "ten million": 10_000_000,
                 "hundred million": 100_000_000, "billion": 1_000_000_000,
                 "trillion": 1_000_000_000_000}  # fmt: skip
EN_BASE_UNITS = (
    "persons", "person", "people", "households", "household", "won", "krw", "usd", "dollars",
    "us dollars", "us$", "cases", "case", "vehicles", "cars", "units", "tons", "tonnes",
    "establishments", "companies", "workers", "employees", "births", "deaths", "beds",
    "houses", "dwellings", "visitors", "km", "km2", "km²", "m2", "m²", "ha", "hectares",
    "kwh", "mwh", "gwh", "%", "percent",
)  # fmt: skip
_EN_MAGNITUDE = r"(?:ten |hundred )?(?:thousand|million|billion|trillion)s?"
_EN_UNIT = re.compile(
    rf"^(?:(?P<number>1(?:,?000)+)|(?P<before>{_EN_MAGNITUDE})(?: of)?)?\s*(?P<base>[^\d].*?)"
    rf"(?:\s+(?P<after>{_EN_MAGNITUDE}))?$",
    re.IGNORECASE,
)


def parse_unit(text: str) -> tuple[str, float] | None:
    """A unit text as (base unit, multiplier): "천원" → ("원", 1000), "명" → ("명", 1),
    "thousand persons" → ("persons", 1000), "KRW million" → ("KRW", 1000000).

    None when the text is not a unit we know (so "(2023)" or "(잠정)" are left alone).
    """
    unit = text.strip().replace(" ", "")
    if unit in BASE_UNITS:
        return unit, 1
    if unit.count("/") == 1:  # a rate: 명/㎢, 톤/일, 천원/㎡ (the magnitude is the numerator's)
        top, bottom = unit.split("/")
        parsed = parse_unit(top) if top else None
        if parsed and (bottom in BASE_UNITS or bottom in _PER):
            return f"{parsed[0]}/{bottom}", parsed[1]
        return None
    for prefix in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(prefix) and unit[len(prefix) :] in BASE_UNITS:
            return unit[len(prefix) :], MAGNITUDES[prefix]
    match = _EN_UNIT.match(" ".join(text.split()))
    if not match or match.group("base").lower() not in EN_BASE_UNITS:
        return None
    if match.group("before") and match.group("after"):
        return None
    words = (match.group("before") or match.group("after") or "").lower().rstrip("s")
    if match.group("number"):
        factor = int(match.group("number").replace(",", ""))
    else:
        factor = EN_MAGNITUDES.get(words, 1)
    return match.group("base"), factor


def split_header_unit(name: str) -> tuple[str, str | None]:
    """ "예산(천원)" → ("예산", "천원"); a name without a known unit comes back unchanged."""
    match = _HEADER_UNIT.match(name)
    if match and match.group("name").strip() and parse_unit(match.group("unit")):
        return match.group("name").strip(), match.group("unit").strip()
    return name, None
