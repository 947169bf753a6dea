"""Addresses: split a Korean address into 시도, 시군구 and the rest.

``split_address_series`` reads 도로명 (``판교역로 235``) and 지번 (``삼평동 681``) addresses
alike, because only the first one or two words decide the 시도 and 시군구:

- **시도** comes back under its official current name from any usual short form:
  ``서울``/``서울시`` → ``서울특별시``, ``경기`` → ``경기도``, ``강원``/``강원도`` →
  ``강원특별자치도`` (since 2023-06-11), ``전북``/``전라북도`` → ``전북특별자치도`` (since
  2024-01-18), ``제주``/``제주도`` → ``제주특별자치도``, and so on.
- **시군구** comes from ``data/sigungu.csv`` (every 시·군·구 and 일반구 by 시도, with the
  units that were renamed or abolished, so old addresses still read). A 시 with 일반구 keeps
  both: ``성남시 분당구``. Renamed units come back under the current name (인천 ``남구`` →
  ``미추홀구``; ``경상북도 군위군`` → ``대구광역시 군위군``, moved 2023-07-01). Units that were
  split, such as 인천 ``중구`` (2026-07-01 → 제물포구·영종구), are kept as written.
- **Missing 시도** is filled in only when the 시군구 names one place: ``분당구 …`` →
  ``경기도``, ``성남시 분당구``; ``해운대구`` → ``부산광역시``; ``중구`` stays without a 시도.
- ``광주`` is 광주광역시, except ``광주시`` not followed by one of its 구, which is 경기도
  광주시.
- **The rest** is cleaned with ``clean_text``; ``ㅡ`` and other dash look-alikes become ``-``
  (``681ㅡ1`` → ``681-1``); spaces around a hyphen between digits and before ``,`` ``)``
  ``]`` go.
- A leading postcode (``(13529)``, ``[13529]``, ``463-400``, ``(우)13529``,
  ``우편번호: 13529``) and ``대한민국`` are dropped:
  they are not part of the 시도, 시군구 or street address.
- Words run together (``서울특별시중구세종대로 110``) are split where a known 시도 or 시군구
  ends and a street name or a 일반구 follows; a 시도 split in two (``서울 특별시``,
  ``전라 북도``, as word processors and PDFs leave it) is joined.

Splitting never fails: what cannot be found is left blank (``""``), and a blank cell gives
None in all three columns. Parsing works on distinct values only, with dictionary look-ups
on the first words, so a column with many repeats costs little.
"""

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import is_blank
from dadeum.engine.phones import DASHES
from dadeum.engine.text import clean_text

__all__ = ["COLUMNS", "SIDO_NAMES", "split_address", "split_address_series"]

COLUMNS = ("시도", "시군구", "나머지")

SIDO_NAMES = (
    "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시",
    "울산광역시", "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "충청남도",
    "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도",
)  # fmt: skip

# Every way people write a 시도 as one word, to its official name.
_SIDO_ALIASES = {
    **{name: name for name in SIDO_NAMES},
    "서울": "서울특별시", "서울시": "서울특별시",
    "부산": "부산광역시", "부산시": "부산광역시",
    "대구": "대구광역시", "대구시": "대구광역시",
    "인천": "인천광역시", "인천시": "인천광역시",
    "광주": "광주광역시",  # "광주시" is decided by the next word, see _read_sido
    "대전": "대전광역시", "대전시": "대전광역시",
    "울산": "울산광역시", "울산시": "울산광역시",
    "세종": "세종특별자치시", "세종시": "세종특별자치시",
    "경기": "경기도",
    "강원": "강원특별자치도", "강원도": "강원특별자치도",
    "충북": "충청북도",
    "충남": "충청남도",
    "전북": "전북특별자치도", "전라북도": "전북특별자치도",
    "전남": "전라남도",
    "경북": "경상북도",
    "경남": "경상남도",
    "제주": "제주특별자치도", "제주도": "제주특별자치도",
}  # fmt: skip
_GWANGJU = "광주광역시"

_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))
_DIGIT_HYPHEN = re.compile(r"(?<=\d) *- *(?=\d)")
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[,)\]])")
_POSTCODE = re.compile(r"[(\[]?(?:\d{5}|\d{3}-\d{3})[)\]]?")
# A postcode with its label, as letters and documents write it: "(우)04524", "우) 04524",
# "우편번호: 04524", "[우 04524]".
_LABELLED_POSTCODE = re.compile(
    r"^[(\[]?(?:우편번호|우)[)\]]? ?[:.]? ?[(\[]?(?:\d{5}|\d{3}-\d{3})[)\]]? (?=\S)"
)
_COUNTRY = frozenset({"대한민국", "한국", "Korea", "KOREA"})
# What may follow a 시군구 written without a space: a street, a 동/읍/면/리, or a number.
_STREET_START = re.compile(r"[가-힣0-9.·]*[가-힣](?:로|길|동|읍|면|리|가)(?:[\d\s-].*)?")


@dataclass(frozen=True)
class _Unit:
    sido: str
    sigungu: str  # "성남시 분당구" for a 일반구


class _Index:
    """Look-up tables built once from ``data/sigungu.csv``."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.by_sido: dict[str, dict[str, _Unit]] = {name: {} for name in SIDO_NAMES}
        self.by_name: dict[str, set[_Unit]] = {}
        self.gu_of: dict[tuple[str, str], dict[str, _Unit]] = {}
        for row in rows:
            sido, si, gu = row["시도"], row["시군구"], row["일반구"]
            if row["새이름"]:
                new_sido, new_name = row["새이름"].split(" ", 1)
                unit = _Unit(new_sido, new_name)
            else:
                unit = _Unit(sido, f"{si} {gu}" if gu else si)
            if gu:
                # A 일반구 is found after its 시 ("성남시 분당구") or alone ("분당구").
                self.gu_of.setdefault((sido, si), {})[gu] = unit
                self.by_name.setdefault(gu, set()).add(unit)
            else:
                self.by_sido[sido][si] = unit
                self.by_name.setdefault(si, set()).add(unit)
        # Names without their last syllable, accepted only right after a 시도 ("경기 수원").
        # Not for 구: their stems are often street names too (종로구 / 종로).
        self.short: dict[str, dict[str, str]] = {
            sido: {name[:-1]: name for name in units if len(name) >= 3 and name[-1] in "시군"}
            for sido, units in self.by_sido.items()
        }
        self.max_name = max(len(name) for name in self.by_name)

    def unique(self, name: str) -> _Unit | None:
        units = self.by_name.get(name)
        if units and len(units) == 1:
            return next(iter(units))
        return None


@lru_cache(maxsize=1)
def _index() -> _Index:
    with (
        resources.files("dadeum.engine.data")
        .joinpath("sigungu.csv")
        .open(encoding="utf-8") as handle
    ):
        return _Index(list(csv.DictReader(handle)))


def split_address(value: Any) -> tuple[str, str, str]:
    """Split one address into (시도, 시군구, 나머지); blanks give ``("", "", "")``.

    >>> split_address("경기 성남시 분당구 판교역로 235 (삼평동)")
    ('경기도', '성남시 분당구', '판교역로 235 (삼평동)')
    >>> split_address("강원도 춘천시 중앙로 1")
    ('강원특별자치도', '춘천시', '중앙로 1')
    >>> split_address("해운대구 우동 1411ㅡ1")
    ('부산광역시', '해운대구', '우동 1411-1')
    >>> split_address("중구 세종대로 110")
    ('', '중구', '세종대로 110')
    """
    if is_blank(value):
        return ("", "", "")
    return _split(_as_text(value))


def split_address_series(values: pd.Series) -> pd.DataFrame:
    """Vectorised ``split_address``: a DataFrame with columns 시도, 시군구, 나머지 and the
    same index. A blank cell gives None in all three columns; a part that cannot be found is
    ``""``. Each distinct address is parsed once. The input is not modified.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    uniques = uniques.tolist()
    parts = np.empty((len(uniques) + 1, 3), dtype=object)
    parts[-1] = None  # code -1: missing
    for index, value in enumerate(uniques):
        parts[index] = None if is_blank(value) else _split(_as_text(value))
    taken = parts[codes]
    # True == 1 in Python, so factorize may have put a bool and a number in one slot.
    text_only = pd.api.types.infer_dtype(uniques, skipna=True) in ("string", "empty")
    for index, value in enumerate([] if text_only else uniques):
        if isinstance(value, bool | int | float) and value in (0, 1):
            for row in np.flatnonzero(codes == index):
                taken[row] = split_address(values.iloc[row])
    columns = {
        name: pd.Series(taken[:, i], index=values.index, dtype=object)
        for i, name in enumerate(COLUMNS)
    }
    return pd.DataFrame(columns)


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Not cached across calls: a module-level cache would keep people's addresses in memory.
def _split(text: str) -> tuple[str, str, str]:
    text = clean_text(text).translate(_TO_HYPHEN)
    text = _SPACE_BEFORE_PUNCT.sub("", _DIGIT_HYPHEN.sub("-", text))
    text = _LABELLED_POSTCODE.sub("", text, count=1)
    tokens = text.split(" ")
    # Drop a leading postcode and country name, but never the last word.
    while len(tokens) > 1 and (tokens[0] in _COUNTRY or _POSTCODE.fullmatch(tokens[0])):
        tokens = tokens[1:]
    index = _index()
    sido, tokens = _read_sido(tokens, index)
    unit, tokens = _read_sigungu(tokens, sido, index)
    if unit is not None:
        sido = unit.sido
    return (sido, unit.sigungu if unit else "", " ".join(tokens))


# What follows a 시도's stem when a word processor or PDF split it: "서울 특별시", "경기 도",
# "전라 북도".
_SIDO_ENDINGS = frozenset(
    {"특별시", "광역시", "특별자치시", "특별자치도", "도", "시", "북도", "남도"}
)


def _read_sido(tokens: list[str], index: _Index) -> tuple[str, list[str]]:
    if len(tokens) > 1 and tokens[1] in _SIDO_ENDINGS and tokens[0] + tokens[1] in _SIDO_ALIASES:
        tokens = [tokens[0] + tokens[1], *tokens[2:]]
    first = tokens[0]
    if first == "광주시":  # 경기도 광주시, unless one of 광주광역시's 구 follows
        if len(tokens) > 1 and tokens[1] in index.by_sido[_GWANGJU]:
            return _GWANGJU, tokens[1:]
        return "", tokens
    sido = _SIDO_ALIASES.get(first)
    if sido:
        return sido, tokens[1:]
    # Run together: "서울특별시중구…" — accept only when a 시군구 or a street follows.
    for length in range(min(len(first) - 1, 7), 1, -1):
        sido = _SIDO_ALIASES.get(first[:length])
        if not sido:
            continue
        rest = first[length:]
        found, _ = _read_sigungu([rest, *tokens[1:]], sido, index)
        if found is not None or (sido == "세종특별자치시" and _STREET_START.fullmatch(rest)):
            return sido, [rest, *tokens[1:]]
    return "", tokens


def _read_sigungu(tokens: list[str], sido: str, index: _Index) -> tuple[_Unit | None, list[str]]:
    if not tokens or not tokens[0]:
        return None, tokens
    first, rest = tokens[0], tokens[1:]
    if sido:
        units = index.by_sido[sido]
        name = first if first in units else index.short[sido].get(first)
        if name:
            return _with_gu(units[name], sido, name, rest, index)
        # A 일반구 without its 시 ("경기도 분당구"), if the 시도 has only one of that name.
        within = [unit for unit in index.by_name.get(first, ()) if unit.sido == sido]
        if len(within) == 1 and first not in index.by_sido[sido]:
            return within[0], rest
    else:
        unit = index.unique(first)
        if unit is not None:
            return _with_gu(unit, unit.sido, first, rest, index)
        if first in index.by_name:  # "중구": a 시군구, but which 시도 is unknown
            return _Unit("", first), rest
    # Run together: "성남시분당구", "강남구테헤란로".
    for length in range(min(len(first) - 1, index.max_name), 1, -1):
        head, tail = first[:length], first[length:]
        if head not in index.by_name or (sido and head not in index.by_sido[sido]):
            continue
        unit, _ = _read_sigungu([head], sido, index)
        if unit is None:
            continue
        with_gu, after = _with_gu(unit, unit.sido, head, [tail, *rest], index)
        if with_gu is not unit:  # "성남시분당구", "성남시분당구판교역로"
            return with_gu, after
        if _STREET_START.fullmatch(tail):
            return unit, [tail, *rest]
    return None, tokens


def _with_gu(
    unit: _Unit, sido: str, name: str, rest: list[str], index: _Index
) -> tuple[_Unit, list[str]]:
    """After a 시 that has 일반구, take the 구 too when it follows ("성남시 분당구")."""
    gus = index.gu_of.get((sido, name))
    if gus and rest:
        gu = gus.get(rest[0])
        if gu is not None:
            return gu, rest[1:]
        for length in range(len(rest[0]) - 1, 1, -1):  # "분당구판교역로"
            gu = gus.get(rest[0][:length])
            if gu is not None and _STREET_START.fullmatch(rest[0][length:]):
                return gu, [rest[0][length:], *rest[1:]]
    return unit, rest
