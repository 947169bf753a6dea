"""Names for what a table leaves unnamed: header levels in the long form, generic label columns.

A header level has no name of its own (the years 2022, 2023 across the top are "연도" only to
a reader), and row labels often sit under a generic "구분". Both are named from their values
when every value says the same thing: years → 연도, 1월…12월 → 월, 1/4분기 → 분기, 남·여 →
성별, 서울특별시… → 시도, ○○구 → 시군구, ○○동 → 읍면동, ○○리 → 리. Anything else is 항목
(item). A table written in English gets English names (year, month, quarter, sex, region,
item), so a long table reads in one language; the value column is ``value`` in both.
"""

import re
from collections.abc import Iterable

from dadeum.engine.tables.header import is_total_label
from dadeum.engine.tables.periods import (
    HALF,
    MONTH,
    MONTH_EN,
    QUARTER,
    fiscal_years,
    year_of,
)

KOREAN, ENGLISH = "ko", "en"

# Header texts that add nothing about what a label column holds.
GENERIC_LABELS = {"구분", "항목", "분류", "내용", "category", "categories", "classification",
                  "item", "items", "division", ""}  # fmt: skip

_HANGUL = re.compile("[가-힣]")
_LATIN = re.compile("[A-Za-z]")

SEXES = {"남", "여", "남자", "여자", "남성", "여성"}
SEXES_EN = {"male", "female", "males", "females", "men", "women", "man", "woman", "m", "f"}

SIDO_NAMES = {
    "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시",
    "울산광역시", "세종특별자치시", "경기도", "강원도", "강원특별자치도", "충청북도",
    "충청남도", "전라북도", "전북특별자치도", "전라남도", "경상북도", "경상남도",
    "제주특별자치도", "제주도", "서울", "부산", "대구", "인천", "광주", "대전", "울산",
    "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주",
}  # fmt: skip

# (Korean name, English name) for each kind of value.
_NAMES = {"year": ("연도", "year"), "month": ("월", "month"), "quarter": ("분기", "quarter"),
          "half": ("반기", "half"), "sex": ("성별", "sex"), "sido": ("시도", "region"),
          "sigungu": ("시군구", "district"), "eupmyeon": ("읍면", "town"),
          "eupmyeondong": ("읍면동", "town"), "ri": ("리", "village"),
          "item": ("항목", "item"), "unit": ("단위", "unit"),
          "group": ("상위구분", "group"), "table": ("표", "table"),
          "fiscal_year": ("회계연도", "fiscal year")}  # fmt: skip

# A header spanning every value column that names the level below it (사고유형 over 차대사람,
# 차대차, …) rather than a measure (인구 over 남, 여).
DIMENSION_WORD = re.compile(
    r"(별|유형|종류|구분|분류|형태|형별|시점|기간|연도|년도|성별|연령|지역|type|category|by \w+)$",
    re.IGNORECASE,
)


def language_of(texts: Iterable[object]) -> str:
    """ "en" when the texts have Latin letters and no Hangul, else "ko"."""
    latin = False
    for text in texts:
        if not isinstance(text, str):
            continue
        if _HANGUL.search(text):
            return KOREAN
        latin = latin or bool(_LATIN.search(text))
    return ENGLISH if latin else KOREAN


def name_for(kind: str, language: str) -> str:
    """The column name of a kind of value ("year", "sex", …) in the table's language."""
    korean, english = _NAMES[kind]
    return english if language == ENGLISH else korean


def value_kind(values: Iterable[object]) -> str | None:
    """What every one of ``values`` is: "year", "month", "quarter", "half", "sex", "sido",
    "sigungu", "eupmyeon", "eupmyeondong", "ri"; None when they differ or nothing fits.

    Totals (합계, 계) are not counted; a single value is not enough to tell.
    """
    texts = []
    for value in set(v for v in values if v is not None):
        if value is None or is_total_label(value):
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if text:
            texts.append(text)
    if not texts:
        return None
    distinct = set(texts)
    if all(year_of(t) for t in distinct) and len(distinct) >= 1:
        return "year"
    if fiscal_years(distinct):
        return "fiscal_year"
    if all(MONTH.match(t) or MONTH_EN.match(t) for t in distinct):
        return "month"
    if all(QUARTER.match(t) for t in distinct):
        return "quarter"
    if all(HALF.match(t) for t in distinct):
        return "half"
    if distinct <= SEXES or {t.lower() for t in distinct} <= SEXES_EN:
        return "sex"
    if len(distinct) < 2:
        return None
    if distinct <= SIDO_NAMES:
        return "sido"
    return _admin_kind(distinct)


def _admin_kind(texts: set[str]) -> str | None:
    """시군구, 읍면(동) or 리 when every name ends in that unit's suffix."""
    if not all(re.fullmatch(r"[가-힣0-9·.]{2,12}", t) for t in texts):
        return None
    endings = {t[-1] for t in texts}
    if endings <= {"시", "군", "구"}:
        return "sigungu"
    if endings <= {"읍", "면"}:
        return "eupmyeon"
    if endings <= {"읍", "면", "동"} and "동" in endings:
        return "eupmyeondong"
    if endings == {"리"}:
        return "ri"
    return None


def level_names(
    levels: list[list[str | None]], titles: dict[int, str], taken: Iterable[str], language: str
) -> list[str]:
    """One column name per header level for the long form.

    ``levels`` holds each value column's parts (None where a column has no part at a level);
    ``titles`` the names the header itself gave some levels (사고유형). Other levels are named
    from their values, else 항목 (항목1, 항목2, … when several are unnamed); names never repeat
    a label column's.
    """
    depth = max((len(parts) for parts in levels), default=1)
    guessed: list[str | None] = []
    for level in range(depth):
        if level in titles:
            guessed.append(titles[level])
            continue
        kind = value_kind(parts[level] for parts in levels if len(parts) > level)
        guessed.append(name_for(kind, language) if kind else None)
    unnamed = [n for n, name in enumerate(guessed) if name is None]
    item = name_for("item", language)
    for position, level in enumerate(unnamed, start=1):
        guessed[level] = item if len(unnamed) == 1 else f"{item}{position}"
    result: list[str] = []
    seen = set(taken)
    for name in guessed:
        base, number = name, 2
        while name in seen:
            name = f"{base}{number}"
            number += 1
        seen.add(name)
        result.append(name)
    return result
