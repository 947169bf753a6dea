"""Messy tables that look like real Korean statistical exports, each with its tidy answer.

Every case is built from its records first (the truth), then dressed the way offices format
tables: titles, "(단위: …)" rows, merged two-row headers, 합계/소계 rows, placeholders,
thousands separators, footnotes. Tests compare Dadeum's output with the truth.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dadeum.engine.tables.grid import Merge

SIDO = ["서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시",
        "울산광역시", "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "충청남도",
        "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도"]  # fmt: skip
GU = {"종로구": ["청운효자동", "사직동", "삼청동"], "중구": ["소공동", "회현동", "명동", "필동"],
      "용산구": ["후암동", "용산2가동", "남영동"]}  # fmt: skip
MONTHS = [f"{m}월" for m in range(1, 13)]


@dataclass
class TableCase:
    """A messy sheet and the tidy table it should become."""

    name: str
    rows: list[list]
    expected: pd.DataFrame  # label columns then value columns, totals removed, numbers numeric
    expected_long: pd.DataFrame  # label columns, one column per header level, "value"
    merges: list[Merge] = field(default_factory=list)
    label_columns: list[str] = field(default_factory=list)


def _comma(value: float) -> str:
    return f"{value:,.0f}"


def kosis_population(seed: int = 0) -> TableCase:
    """시도 × 연도 × 성별, KOSIS-style: title, unit row, two-row header with 계, 전국 row."""
    rng = np.random.default_rng(seed)
    years = ["2022", "2023"]
    sexes = ["남", "여"]
    records = {(s, y, x): int(rng.integers(50_000, 5_000_000)) for s in SIDO for y in years
               for x in sexes}  # fmt: skip
    rows = [["시도별 성별 주민등록인구", None, None, None, None, None, None],
            [None, None, None, None, None, None, "(단위: 명)"],
            ["행정구역별", "2022", None, None, "2023", None, None],
            [None, "계", "남", "여", "계", "남", "여"]]  # fmt: skip
    total = {(y, x): sum(records[(s, y, x)] for s in SIDO) for y in years for x in sexes}
    rows.append(
        [
            "전국",
            *[
                _comma(v)
                for y in years
                for v in (total[(y, "남")] + total[(y, "여")], total[(y, "남")], total[(y, "여")])
            ],
        ]
    )
    for s in SIDO:
        cells = []
        for y in years:
            m, f = records[(s, y, "남")], records[(s, y, "여")]
            cells += [_comma(m + f), _comma(m), _comma(f)]
        rows.append([s, *cells])
    rows.append([None] * 7)
    rows.append(["※ 자료: 행정안전부 주민등록인구통계", None, None, None, None, None, None])
    merges = [Merge(1, 1, 1, 7), Merge(3, 1, 4, 1), Merge(3, 2, 3, 4), Merge(3, 5, 3, 7)]
    expected = pd.DataFrame(
        [[s, *[records[(s, y, x)] for y in years for x in sexes]] for s in SIDO],
        columns=["행정구역별", *[f"{y}_{x}" for y in years for x in sexes]],
    )
    long = pd.DataFrame(
        [[s, y, x, records[(s, y, x)]] for s in SIDO for y in years for x in sexes],
        columns=["행정구역별", "연도", "성별", "value"],
    )
    return TableCase("kosis_population", rows, expected, long, merges, ["행정구역별"])


def dong_budget(seed: int = 1) -> TableCase:
    """구 → 동 현황표: 천원 unit, merged 구 labels over 동 rows, 소계 per 구, 합계 on top."""
    rng = np.random.default_rng(seed)
    records = {(gu, dong): (int(rng.integers(100, 90_000)), int(rng.integers(0, 40)))
               for gu, dongs in GU.items() for dong in dongs}  # fmt: skip
    rows = [["2024년 동별 주민자치 예산 현황", None, None, None],
            ["(단위: 천원, 건)", None, None, None],
            ["구분", None, "예산(천원)", "사업 수(건)"]]  # fmt: skip
    merges = [Merge(1, 1, 1, 4), Merge(3, 1, 3, 2)]
    all_budget = sum(b for b, _ in records.values())
    all_count = sum(c for _, c in records.values())
    rows.append(["합계", None, _comma(all_budget), str(all_count)])
    merges.append(Merge(4, 1, 4, 2))
    for gu, dongs in GU.items():
        top = len(rows) + 1
        rows.append([gu, "소계", _comma(sum(records[(gu, d)][0] for d in dongs)),
                     sum(records[(gu, d)][1] for d in dongs)])  # fmt: skip
        for dong in dongs:
            budget, count = records[(gu, dong)]
            rows.append([None, dong, _comma(budget), count if count else "-"])
        merges.append(Merge(top, 1, top + len(dongs), 1))
    rows.append(["주) 사업 수가 없는 동은 '-'로 표시", None, None, None])
    expected = pd.DataFrame(
        [
            [gu, dong, budget * 1000, count if count else None]
            for (gu, dong), (budget, count) in records.items()
        ],
        columns=["구분", "구분_2", "예산(원)", "사업 수(건)"],
    )
    long = pd.DataFrame(
        [
            [gu, dong, item, value]
            for (gu, dong), (budget, count) in records.items()
            for item, value in (("예산", budget * 1000), ("사업 수", count if count else None))
            if value is not None
        ],
        columns=["구분", "구분_2", "항목1", "value"],
    )
    return TableCase("dong_budget", rows, expected, long, merges, ["구분", "구분_2"])


def monthly_accidents(seed: int = 2) -> TableCase:
    """TAAS-like monthly accidents: one header row, placeholders, 합계 at the bottom."""
    rng = np.random.default_rng(seed)
    items = ["발생건수", "사망자수", "부상자수"]
    records = {(m, i): int(rng.integers(0, 3_000)) if i != "사망자수" else int(rng.integers(0, 4))
               for m in MONTHS for i in items}  # fmt: skip
    rows = [["월별 교통사고 현황"], ["월", *items]]
    for m in MONTHS:
        rows.append([m, *[_comma(records[(m, i)]) if records[(m, i)] else "-" for i in items]])
    rows.append(["합계", *[_comma(sum(records[(m, i)] for m in MONTHS)) for i in items]])
    expected = pd.DataFrame(
        [[m, *[records[(m, i)] or None for i in items]] for m in MONTHS], columns=["월", *items]
    )
    long = pd.DataFrame(
        [[m, i, records[(m, i)]] for m in MONTHS for i in items if records[(m, i)]],
        columns=["월", "항목1", "value"],
    )
    return TableCase("monthly_accidents", rows, expected, long, [], ["월"])


def already_tidy(seed: int = 3) -> TableCase:
    """A table that is already machine-readable must come through unchanged."""
    rng = np.random.default_rng(seed)
    data = [[s, int(rng.integers(1, 500)), float(rng.integers(10, 900)) / 10] for s in SIDO[:6]]
    rows = [["시도", "민원건수", "처리일수"], *[list(r) for r in data]]
    expected = pd.DataFrame(data, columns=["시도", "민원건수", "처리일수"])
    long = pd.DataFrame(
        [[s, item, v] for s, n, d in data for item, v in (("민원건수", n), ("처리일수", d))],
        columns=["시도", "항목1", "value"],
    )
    return TableCase("already_tidy", rows, expected, long, [], ["시도"])


def all_cases() -> list[TableCase]:
    return [kosis_population(), dong_budget(), monthly_accidents(), already_tidy()]
