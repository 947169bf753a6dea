"""Messy phone numbers and addresses, each with its true answer.

The answers are built here from the parts, independently of the engine, so tests and
benchmarks can measure the engine against them. Numbers are fake: random digits in ranges
that exist, never anyone's real number.
"""

import numpy as np

__all__ = ["ADDRESS_PLACES", "messy_addresses", "messy_phones"]

# (prefix as written nationally, lengths of the middle part) for number kinds that exist.
_PHONE_KINDS = [
    ("010", (4,)),
    ("011", (3, 4)),
    ("016", (3, 4)),
    ("02", (3, 4)),
    ("031", (3, 4)),
    ("032", (3, 4)),
    ("051", (3, 4)),
    ("053", (3, 4)),
    ("062", (3, 4)),
    ("064", (3, 4)),
    ("044", (3, 4)),
    ("070", (4,)),
    ("080", (3,)),
    ("0505", (3, 4)),
    ("0507", (4,)),
]
_REPRESENTATIVE = ["1588", "1577", "1544", "1566", "1600", "1644", "1661", "1670", "1800", "1899"]
_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def messy_phones(n: int, seed: int = 0) -> list[tuple[object, str]]:
    """``n`` pairs of (messy cell value, standard form), in styles seen in office files."""
    rng = np.random.default_rng(seed)
    out: list[tuple[object, str]] = []
    for _ in range(n):
        if rng.random() < 0.1:
            head = str(rng.choice(_REPRESENTATIVE))
            tail = "".join(map(str, rng.integers(0, 10, 4)))
            true = f"{head}-{tail}"
            style = int(rng.integers(0, 4))
            raw: object = [true, f"{head} {tail}", head + tail, int(head + tail)][style]
            out.append((raw, true))
            continue
        prefix, middles = _PHONE_KINDS[int(rng.integers(len(_PHONE_KINDS)))]
        size = int(rng.choice(middles))
        # Middles start with 2-9: 0 and 1 are not used there, and mobile 010-5XXX has gaps.
        first = str(rng.choice(list("2346789")))
        middle = first + "".join(map(str, rng.integers(0, 10, size - 1)))
        last = "".join(map(str, rng.integers(0, 10, 4)))
        true = f"{prefix}-{middle}-{last}"
        out.append((_render_phone(rng, prefix, middle, last), true))
    return out


def _render_phone(rng: np.random.Generator, prefix: str, middle: str, last: str) -> object:
    national = prefix[1:]
    styles = [
        f"{prefix}-{middle}-{last}",
        f"{prefix}{middle}{last}",
        f"{prefix} {middle} {last}",
        f"{prefix}.{middle}.{last}",
        f"+82 {national}-{middle}-{last}",
        f"+82-{national}-{middle}-{last}",
        f"82-{national}-{middle}-{last}",
        f"({prefix}) {middle}-{last}",
        f"{prefix}){middle}-{last}",
        f"{prefix}-{middle}-{last}".translate(_FULL_WIDTH),
        f"{prefix}ㅡ{middle}ㅡ{last}",
        f"Tel. {prefix}-{middle}-{last}",
        f" {prefix} - {middle} - {last} ",
        int(national + middle + last),  # Excel turned it into a number and dropped the 0
        float(national + middle + last),
    ]
    return styles[int(rng.integers(len(styles)))]


# (시도, other ways to write it, 시군구 as the engine should give it, is that 시군구 name unique
# in the country, streets). Hand-written from the official lists, not from the engine's data.
ADDRESS_PLACES = [
    ("서울특별시", ["서울", "서울시"], "종로구", True, ["세종대로 209", "사직로 161"]),
    ("서울특별시", ["서울"], "중구", False, ["세종대로 110", "을지로 100"]),
    ("서울특별시", ["서울"], "강남구", True, ["테헤란로 152", "역삼동 737"]),
    ("부산광역시", ["부산", "부산시"], "해운대구", True, ["센텀중앙로 79", "우동 1411"]),
    ("부산광역시", ["부산"], "부산진구", True, ["중앙대로 644", "부전동 168"]),
    ("대구광역시", ["대구"], "수성구", True, ["달구벌대로 2450", "범어동 1"]),
    ("대구광역시", ["대구"], "군위군", True, ["군위읍 군청로 135"]),
    ("인천광역시", ["인천"], "미추홀구", True, ["독정이로 95", "주안동 1"]),
    ("광주광역시", ["광주"], "광산구", True, ["광산로 29", "송정동 1"]),
    ("대전광역시", ["대전", "대전시"], "유성구", True, ["대학로 211", "봉명동 1"]),
    ("울산광역시", ["울산"], "울주군", True, ["청량읍 군청로 1"]),
    ("세종특별자치시", ["세종", "세종시"], "", True, ["한누리대로 2130"]),
    ("경기도", ["경기"], "성남시 분당구", True, ["판교역로 235", "삼평동 681"]),
    ("경기도", ["경기"], "수원시 팔달구", True, ["효원로 1", "인계동 1111"]),
    ("경기도", ["경기"], "고양시 일산동구", True, ["중앙로 1275"]),
    ("경기도", ["경기"], "용인시 수지구", True, ["포은대로 435"]),
    ("경기도", ["경기"], "광주시", False, ["오포읍 오포로 1"]),
    ("경기도", ["경기"], "가평군", True, ["가평읍 석봉로 181"]),
    ("강원특별자치도", ["강원", "강원도"], "춘천시", True, ["중앙로 1"]),
    ("강원특별자치도", ["강원", "강원도"], "고성군", False, ["간성읍 고성중앙길 9"]),
    ("충청북도", ["충북"], "청주시 상당구", True, ["상당로 155"]),
    ("충청남도", ["충남"], "천안시 서북구", True, ["번영로 156"]),
    ("전북특별자치도", ["전북", "전라북도"], "전주시 완산구", True, ["효자로 225"]),
    ("전라남도", ["전남"], "순천시", True, ["장명로 30"]),
    ("경상북도", ["경북"], "포항시 남구", True, ["시청로 1"]),
    ("경상북도", ["경북"], "안동시", True, ["퇴계로 115"]),
    ("경상남도", ["경남"], "창원시 마산합포구", True, ["3·15대로 1"]),
    ("제주특별자치도", ["제주", "제주도"], "서귀포시", True, ["중앙로 105"]),
]


def messy_addresses(n: int, seed: int = 0) -> list[tuple[str, tuple[str, str, str]]]:
    """``n`` pairs of (messy address, (시도, 시군구, 나머지)) in the ways people type them."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        sido, aliases, sigungu, unique, streets = ADDRESS_PLACES[
            int(rng.integers(len(ADDRESS_PLACES)))
        ]
        street = str(rng.choice(streets))
        detail = ""
        if rng.random() < 0.5:
            detail = f"{int(rng.integers(1, 20))}ㅡ{int(rng.integers(1, 9))}"
        true_rest = " ".join(part for part in (street, detail.replace("ㅡ", "-")) if part)
        rest = " ".join(part for part in (street, detail) if part)
        alias = str(rng.choice([sido, *aliases]))
        drop_sido = unique and sigungu and rng.random() < 0.2
        words = ([] if drop_sido else [alias]) + ([sigungu] if sigungu else []) + [rest]
        text = " ".join(words)
        if rng.random() < 0.2:
            text = "  " + text.replace(" ", "\u00a0 ", 1) + " "
        if rng.random() < 0.1:
            text = f"({int(rng.integers(10000, 63999)):05d}) " + text
        out.append((text, (sido, sigungu, true_rest)))
    return out
