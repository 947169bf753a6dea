"""Messy tables that look like real Korean statistical exports, each with its tidy answer.

Every case is built from its records first (the truth), then dressed the way offices format
tables: titles, "(단위: …)" rows, merged two- and three-row headers, 합계/소계 rows and
columns, placeholders, numbers stored as text, footnotes and sources, blank spacer rows and
columns, several tables on one sheet. Tests compare Dadeum's output with the truth.

The tidy answer is what an official publishing to 공공데이터포털 would want:

- one header row; merged header levels joined with "_" (``2023_남``); the unit of a column
  written in its header stays in the name, in base units (``예산(천원)`` → ``예산(원)``); a
  table-wide unit scales the values but leaves the names alone;
- 합계·소계·계 rows and columns set aside, blanks for statistical symbols (``-``, ``…``, ``x``),
  numbers as numbers (``△120`` → -120), values scaled to base units (천원 → 원);
- row labels as text (a code ``1111051500`` or a year ``2023`` is a label, not a value), a
  provisional mark dropped (``2023 p)`` → ``2023``), a group label on every row;
- a generic label header (구분) over one column named after its values when they say what
  they are (월, 연도, 시군구), but a 구분 merged over several label columns kept (구분, 구분_2);
  in the long form one column per header level named the same way (연도, 분기, 성별,
  시도; "year", "sex" in an English table), else 항목 (item), then ``value``.
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
class Expected:
    """The tidy answer for one table on a sheet."""

    expected: pd.DataFrame  # label columns then value columns, totals removed, numbers numeric
    expected_long: pd.DataFrame  # label columns, one column per header level, "value"
    label_columns: list[str] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)  # wide column → unit after scaling


@dataclass
class TableCase:
    """A messy sheet and the tidy table(s) it should become.

    ``expected``, ``expected_long``, ``label_columns`` and ``units`` describe the first table;
    ``more`` the tables below it on the same sheet, in order. The long answers leave out the
    unit column (단위 / unit), which ``units`` checks.
    """

    name: str
    rows: list[list]
    expected: pd.DataFrame
    expected_long: pd.DataFrame
    merges: list[Merge] = field(default_factory=list)
    label_columns: list[str] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)
    more: list[Expected] = field(default_factory=list)

    @property
    def tables(self) -> list[Expected]:
        """Every table's answer, top to bottom."""
        first = Expected(self.expected, self.expected_long, self.label_columns, self.units)
        return [first, *self.more]


def _comma(value: float) -> str:
    return f"{value:,.0f}"


def _triangle(value: float) -> str:
    """A budget document's number: 1,234 or △1,234 for a decrease."""
    return f"△{-value:,.0f}" if value < 0 else f"{value:,.0f}"


def _pad(row: list, width: int) -> list:
    return [*row, *[None] * (width - len(row))]


def _right(text: str, width: int) -> list:
    """A row holding only ``text`` in its last cell, as unit rows usually sit."""
    return [*[None] * (width - 1), text]


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
    value_columns = [f"{y}_{x}" for y in years for x in sexes]
    expected = pd.DataFrame(
        [[s, *[records[(s, y, x)] for y in years for x in sexes]] for s in SIDO],
        columns=["행정구역별", *value_columns],
    )
    long = pd.DataFrame(
        [[s, y, x, records[(s, y, x)]] for s in SIDO for y in years for x in sexes],
        columns=["행정구역별", "연도", "성별", "value"],
    )
    return TableCase(
        "kosis_population", rows, expected, long, merges, ["행정구역별"],
        dict.fromkeys(value_columns, "명"),
    )  # fmt: skip


def dong_budget(seed: int = 1) -> TableCase:
    """구 → 동 현황표: 천원 unit, merged 구 labels over 동 rows, 소계 per 구, 합계 on top.

    The two label columns share one merged "구분" header: 구분 and 구분_2.
    """
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
        columns=["구분", "구분_2", "항목", "value"],
    )
    return TableCase(
        "dong_budget", rows, expected, long, merges, ["구분", "구분_2"],
        {"예산(원)": "원", "사업 수(건)": "건"},
    )  # fmt: skip


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
        columns=["월", "항목", "value"],
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
        columns=["시도", "항목", "value"],
    )
    return TableCase("already_tidy", rows, expected, long, [], ["시도"])


def taas_accident_types(seed: int = 4) -> TableCase:
    """TAAS 시도별 사고유형별 교통사고: a three-row header (사고유형 over 계·차대사람·차대차·
    차량단독, each over 발생건수·사망자수·부상자수), a 계 column group, 전국 row, two units.

    "사고유형" spans every value column, so it names the level below it rather than being
    part of every column name.
    """
    rng = np.random.default_rng(seed)
    regions = SIDO[:8]
    types = ["차대사람", "차대차", "차량단독"]
    items = ["발생건수", "사망자수", "부상자수"]
    records = {}
    for s in regions:
        for t in types:
            count = int(rng.integers(200, 30_000))
            records[(s, t, "발생건수")] = count
            records[(s, t, "사망자수")] = int(rng.integers(0, max(2, count // 300)))
            records[(s, t, "부상자수")] = int(count * rng.uniform(1.1, 1.6))
    width = 1 + 4 * len(items)
    rows = [_pad(["시도별 사고유형별 교통사고 현황"], width), _right("(단위 : 건, 명)", width),
            _pad(["시도", "사고유형"], width),
            _pad([None, *[g for g in ["계", *types] for g in (g, None, None)]], width),
            [None, *items * 4]]  # fmt: skip
    merges = [Merge(1, 1, 1, width), Merge(3, 1, 5, 1), Merge(3, 2, 3, width)]
    merges += [Merge(4, 2 + 3 * g, 4, 4 + 3 * g) for g in range(4)]

    def line(label: str, get) -> list:
        cells = [sum(get(t, i) for t in types) for i in items]
        for t in types:
            cells += [get(t, i) for i in items]
        return [label, *cells]

    rows.append(line("전국", lambda t, i: sum(records[(s, t, i)] for s in regions)))
    for s in regions:
        rows.append(line(s, lambda t, i, s=s: records[(s, t, i)]))
    rows.append(_pad(["※ 2023년 경찰 신고 교통사고 기준"], width))
    rows.append(_pad(["자료: 도로교통공단 교통사고분석시스템(TAAS)"], width))
    expected = pd.DataFrame(
        [[s, *[records[(s, t, i)] for t in types for i in items]] for s in regions],
        columns=["시도", *[f"{t}_{i}" for t in types for i in items]],
    )
    long = pd.DataFrame(
        [[s, t, i, records[(s, t, i)]] for s in regions for t in types for i in items],
        columns=["시도", "사고유형", "항목", "value"],
    )
    return TableCase("taas_accident_types", rows, expected, long, merges, ["시도"])


def kosis_timeseries(seed: int = 5) -> TableCase:
    """A KOSIS download with time down the rows: "시점" label column of years ending in a
    provisional "2023 p)", 시도 repeated across the top (no merges), the unit in each item
    ("출생아수 (명)"), "-" for no data, and 주/출처 footnotes."""
    rng = np.random.default_rng(seed)
    regions = ["서울특별시", "부산광역시", "대구광역시"]
    items = ["출생아수", "사망자수"]
    years = ["2019", "2020", "2021", "2022", "2023"]
    records = {(y, r, i): int(rng.integers(5_000, 50_000)) for y in years for r in regions
               for i in items}  # fmt: skip
    records[("2019", "대구광역시", "사망자수")] = None  # not collected
    rows = [["시점", *[r for r in regions for _ in items]],
            ["시점", *[f"{i} (명)" for _ in regions for i in items]]]  # fmt: skip
    for y in years:
        label = f"{y} p)" if y == "2023" else int(y)
        rows.append([label, *["-" if records[(y, r, i)] is None else records[(y, r, i)]
                              for r in regions for i in items]])  # fmt: skip
    rows.append([None] * len(rows[0]))
    rows.append(["주: 2023년 자료는 잠정치임"])
    rows.append(["출처: 통계청, 「인구동향조사」"])
    columns = [f"{r}_{i}(명)" for r in regions for i in items]
    expected = pd.DataFrame(
        [[y, *[records[(y, r, i)] for r in regions for i in items]] for y in years],
        columns=["시점", *columns],
    )
    long = pd.DataFrame(
        [[y, r, i, records[(y, r, i)]] for y in years for r in regions for i in items
         if records[(y, r, i)] is not None],
        columns=["시점", "시도", "항목", "value"],
    )  # fmt: skip
    return TableCase(
        "kosis_timeseries", rows, expected, long, [], ["시점"], dict.fromkeys(columns, "명")
    )


HONGCHEON = {"홍천읍": ["희망리", "연봉리", "갈마곡리"],
             "화촌면": ["성산리", "구성포리", "장평리", "주음치리"],
             "두촌면": ["자은리", "철정리"]}  # fmt: skip


def sigungu_status(seed: int = 6) -> TableCase:
    """시·군 현황표 by 읍·면 and 리: "구분" merged over both label columns and both header
    rows, "(단위 : 명, 세대)" (two units: nothing to scale), the unit of each column in its
    header ("세대수(세대)" merged down, "인구(명)" over 계·남·여), 합계 and a 소계 per 읍·면."""
    rng = np.random.default_rng(seed)
    records = {}
    for eup, ris in HONGCHEON.items():
        for ri in ris:
            people = int(rng.integers(300, 9_000))
            male = int(people * rng.uniform(0.46, 0.53))
            records[(eup, ri)] = (int(people / rng.uniform(1.7, 2.4)), male, people - male)
    rows = [["2023년 홍천군 읍·면·리별 세대 및 인구 현황", None, None, None, None, None],
            _right("(단위 : 명, 세대)", 6),
            ["구분", None, "세대수(세대)", "인구(명)", None, None],
            [None, None, None, "계", "남", "여"]]  # fmt: skip
    merges = [Merge(1, 1, 1, 6), Merge(3, 1, 4, 2), Merge(3, 3, 4, 3), Merge(3, 4, 3, 6)]

    def cells(keys) -> list[str]:
        h = sum(records[k][0] for k in keys)
        m = sum(records[k][1] for k in keys)
        f = sum(records[k][2] for k in keys)
        return [_comma(h), _comma(m + f), _comma(m), _comma(f)]

    rows.append(["합계", None, *cells(list(records))])
    merges.append(Merge(5, 1, 5, 2))
    for eup, ris in HONGCHEON.items():
        top = len(rows) + 1
        rows.append([eup, "소계", *cells([(eup, ri) for ri in ris])])
        for ri in ris:
            rows.append([None, ri, *cells([(eup, ri)])])
        merges.append(Merge(top, 1, top + len(ris), 1))
    rows.append(["※ 2023. 12. 31. 주민등록 기준", None, None, None, None, None])
    expected = pd.DataFrame(
        [[eup, ri, h, m, f] for (eup, ri), (h, m, f) in records.items()],
        columns=["구분", "구분_2", "세대수(세대)", "인구_남(명)", "인구_여(명)"],
    )
    long = pd.DataFrame(
        [
            [eup, ri, item, sex, value]
            for (eup, ri), (h, m, f) in records.items()
            for item, sex, value in (("세대수", None, h), ("인구", "남", m), ("인구", "여", f))
        ],
        columns=["구분", "구분_2", "항목", "성별", "value"],
    )
    units = {"세대수(세대)": "세대", "인구_남(명)": "명", "인구_여(명)": "명"}
    return TableCase("sigungu_status", rows, expected, long, merges, ["구분", "구분_2"], units)


def spacer_column(seed: int = 7) -> TableCase:
    """경기도 시군별 어린이집: a blank, narrow spacer column between the 국공립 and 민간
    groups of a two-row header, a 계 row, "(단위: 개소, 명)"."""
    rng = np.random.default_rng(seed)
    cities = ["수원시", "성남시", "고양시", "용인시", "부천시", "화성시"]
    kinds = ["국공립", "민간"]
    records = {}
    for c in cities:
        for k in kinds:
            places = int(rng.integers(20, 300))
            records[(c, k)] = (places, places * int(rng.integers(30, 60)))
    rows = [["경기도 시군별 어린이집 현황", None, None, None, None, None],
            _right("(단위: 개소, 명)", 6),
            ["시군", "국공립", None, None, "민간", None],
            [None, "시설수", "정원", None, "시설수", "정원"]]  # fmt: skip
    merges = [Merge(1, 1, 1, 6), Merge(3, 1, 4, 1), Merge(3, 2, 3, 3), Merge(3, 5, 3, 6)]

    def line(label, keys):
        out = [label]
        for k in kinds:
            out += [_comma(sum(records[(c, k)][0] for c in keys)),
                    _comma(sum(records[(c, k)][1] for c in keys))]  # fmt: skip
            if k == "국공립":
                out.append(None)
        return out

    rows.append(line("계", cities))
    rows += [line(c, [c]) for c in cities]
    expected = pd.DataFrame(
        [[c, *[v for k in kinds for v in records[(c, k)]]] for c in cities],
        columns=["시군", "국공립_시설수", "국공립_정원", "민간_시설수", "민간_정원"],
    )
    long = pd.DataFrame(
        [[c, k, item, v] for c in cities for k in kinds
         for item, v in zip(["시설수", "정원"], records[(c, k)], strict=True)],
        columns=["시군", "항목1", "항목2", "value"],
    )  # fmt: skip
    return TableCase("spacer_column", rows, expected, long, merges, ["시군"])


def months_by_years(seed: int = 8) -> TableCase:
    """A transposed-looking table: months run down the rows under a generic "구분", years
    ("2021년") across, 합계 at the bottom, numbers as text with commas, unit 건."""
    rng = np.random.default_rng(seed)
    years = ["2021", "2022", "2023"]
    records = {(m, y): int(rng.integers(800, 12_000)) for m in MONTHS for y in years}
    rows = [["연도별 월별 민원 접수 현황", None, None, None], _right("(단위: 건)", 4),
            ["구분", *[f"{y}년" for y in years]]]  # fmt: skip
    rows += [[m, *[_comma(records[(m, y)]) for y in years]] for m in MONTHS]
    rows.append(["합계", *[_comma(sum(records[(m, y)] for m in MONTHS)) for y in years]])
    columns = [f"{y}년" for y in years]
    expected = pd.DataFrame(
        [[m, *[records[(m, y)] for y in years]] for m in MONTHS], columns=["월", *columns]
    )
    long = pd.DataFrame(
        [[m, y, records[(m, y)]] for m in MONTHS for y in years], columns=["월", "연도", "value"]
    )
    return TableCase(
        "months_by_years", rows, expected, long, [], ["월"], dict.fromkeys(columns, "건")
    )


def stacked_tables(seed: int = 9) -> TableCase:
    """Two tables stacked on one sheet, each with its own numbered title and unit row, years
    (stored as numbers) as row labels, a 계 column in the first and 천원 in the second."""
    rng = np.random.default_rng(seed)
    years = [2019, 2020, 2021, 2022, 2023]
    kinds = ["승용", "승합", "화물", "특수"]
    cars = {(y, k): int(rng.integers(500, 200_000)) for y in years for k in kinds}
    tax = {y: (int(rng.integers(1_000_000, 9_000_000)),) for y in years}
    tax = {y: (levied, int(levied * rng.uniform(0.9, 0.99))) for y, (levied,) in tax.items()}
    rows = [_pad(["1. 연도별 자동차 등록 현황"], 6), _right("(단위: 대)", 6),
            ["연도", *kinds, "계"]]  # fmt: skip
    rows += [[y, *[_comma(cars[(y, k)]) for k in kinds],
              _comma(sum(cars[(y, k)] for k in kinds))] for y in years]  # fmt: skip
    rows += [[None] * 6, _pad(["2. 연도별 자동차세 부과·징수 현황"], 6),
             _pad([None, None, "(단위: 천원)"], 6),
             _pad(["연도", "부과액", "징수액"], 6)]  # fmt: skip
    rows += [_pad([y, _comma(tax[y][0]), _comma(tax[y][1])], 6) for y in years]
    rows.append(_pad(["※ 각 연도 12월 31일 기준"], 6))
    first = Expected(
        pd.DataFrame([[str(y), *[cars[(y, k)] for k in kinds]] for y in years],
                     columns=["연도", *kinds]),
        pd.DataFrame([[str(y), k, cars[(y, k)]] for y in years for k in kinds],
                     columns=["연도", "항목", "value"]),
        ["연도"],
        dict.fromkeys(kinds, "대"),
    )  # fmt: skip
    second = Expected(
        pd.DataFrame([[str(y), tax[y][0] * 1000, tax[y][1] * 1000] for y in years],
                     columns=["연도", "부과액", "징수액"]),
        pd.DataFrame([[str(y), item, v * 1000] for y in years
                      for item, v in zip(["부과액", "징수액"], tax[y], strict=True)],
                     columns=["연도", "항목", "value"]),
        ["연도"],
        {"부과액": "원", "징수액": "원"},
    )  # fmt: skip
    return TableCase(
        "stacked_tables", rows, first.expected, first.expected_long, [], first.label_columns,
        first.units, more=[second],
    )  # fmt: skip


STAFF = {"기획조정실": ["기획예산과", "법무감사과", "정보통신과"],
         "행정국": ["총무과", "인사과", "회계과"],
         "복지국": ["복지정책과", "노인장애인과", "아동청소년과", "여성가족과"]}  # fmt: skip


def staff_with_blank_rows(seed: int = 10) -> TableCase:
    """부서별 정원·현원: a blank row between 실·국 groups inside the table, merged 실·국
    labels, a 합계 row merged across both label columns, a "※ 2023. 12. 31. 기준" note and a
    "자료: …과" source line."""
    rng = np.random.default_rng(seed)
    records = {}
    for office, teams in STAFF.items():
        for team in teams:
            quota = int(rng.integers(8, 40))
            records[(office, team)] = (quota, quota - int(rng.integers(0, 3)))
    rows = [["2024년 부서별 공무원 정원 및 현원", None, None, None],
            ["실국", "부서", "정원", "현원"]]  # fmt: skip
    merges = [Merge(1, 1, 1, 4)]
    for position, (office, teams) in enumerate(STAFF.items()):
        if position:
            rows.append([None] * 4)
        top = len(rows) + 1
        for n, team in enumerate(teams):
            rows.append([office if n == 0 else None, team, *records[(office, team)]])
        merges.append(Merge(top, 1, top + len(teams) - 1, 1))
    quota = sum(q for q, _ in records.values())
    staff = sum(s for _, s in records.values())
    rows.append(["합계", None, quota, staff])
    merges.append(Merge(len(rows), 1, len(rows), 2))
    rows.append(["※ 2023. 12. 31. 기준", None, None, None])
    rows.append(["자료: 행정지원과", None, None, None])
    expected = pd.DataFrame(
        [[o, t, q, s] for (o, t), (q, s) in records.items()],
        columns=["실국", "부서", "정원", "현원"],
    )
    long = pd.DataFrame(
        [[o, t, item, v] for (o, t), qs in records.items()
         for item, v in zip(["정원", "현원"], qs, strict=True)],
        columns=["실국", "부서", "항목", "value"],
    )  # fmt: skip
    return TableCase("staff_with_blank_rows", rows, expected, long, merges, ["실국", "부서"])


REGIONS_EN = ["Seoul", "Busan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Ulsan", "Gyeonggi"]


def english_population(seed: int = 11) -> TableCase:
    """An English-language table as ministries publish them: "Table 1. …" title, "(Unit:
    thousand persons)", a Year × Sex header with Total columns, a Total row, Note and Source
    lines. Level names come out in English (year, sex)."""
    rng = np.random.default_rng(seed)
    years = ["2022", "2023"]
    sexes = ["Male", "Female"]
    records = {(r, y, x): int(rng.integers(500, 7_000)) for r in REGIONS_EN for y in years
               for x in sexes}  # fmt: skip
    rows = [_pad(["Table 1. Population by region and sex, 2022-2023"], 7),
            _right("(Unit: thousand persons)", 7),
            ["Region", "2022", None, None, "2023", None, None],
            [None, "Total", "Male", "Female", "Total", "Male", "Female"]]  # fmt: skip
    merges = [Merge(1, 1, 1, 7), Merge(3, 1, 4, 1), Merge(3, 2, 3, 4), Merge(3, 5, 3, 7)]

    def cells(keys):
        out = []
        for y in years:
            m = sum(records[(r, y, "Male")] for r in keys)
            f = sum(records[(r, y, "Female")] for r in keys)
            out += [_comma(m + f), _comma(m), _comma(f)]
        return out

    rows.append(["Total", *cells(REGIONS_EN)])
    rows += [[r, *cells([r])] for r in REGIONS_EN]
    rows.append(_pad(["Note: Figures may not add up to totals due to rounding."], 7))
    rows.append(_pad(["Source: Statistics Korea, Population and Housing Census"], 7))
    columns = [f"{y}_{x}" for y in years for x in sexes]
    expected = pd.DataFrame(
        [[r, *[records[(r, y, x)] * 1000 for y in years for x in sexes]] for r in REGIONS_EN],
        columns=["Region", *columns],
    )
    long = pd.DataFrame(
        [[r, y, x, records[(r, y, x)] * 1000] for r in REGIONS_EN for y in years for x in sexes],
        columns=["Region", "year", "sex", "value"],
    )
    return TableCase(
        "english_population", rows, expected, long, merges, ["Region"],
        dict.fromkeys(columns, "persons"),
    )  # fmt: skip


JONGNO_DONG = {1111051500: "청운효자동", 1111053000: "사직동", 1111054000: "삼청동",
               1111055000: "부암동", 1111056000: "평창동", 1111057000: "무악동",
               1111058000: "교남동", 1111060000: "가회동", 1111061500: "종로1·2·3·4가동",
               1111063000: "종로5·6가동", 1111064000: "이화동", 1111065000: "혜화동"}  # fmt: skip


def dong_codes(seed: int = 12) -> TableCase:
    """행정동코드 (stored as numbers) and 행정동명 as row labels: the codes must stay labels,
    as text, not become values; 합계 in the code column."""
    rng = np.random.default_rng(seed)
    records = {code: (int(rng.integers(3_000, 30_000)), int(rng.integers(1_500, 15_000)))
               for code in JONGNO_DONG}  # fmt: skip
    rows = [["종로구 행정동별 인구 및 세대", None, None, None],
            ["행정동코드", "행정동명", "인구수", "세대수"]]  # fmt: skip
    rows += [[code, JONGNO_DONG[code], _comma(p), _comma(h)] for code, (p, h) in records.items()]
    rows.append(["합계", None, _comma(sum(p for p, _ in records.values())),
                 _comma(sum(h for _, h in records.values()))])  # fmt: skip
    expected = pd.DataFrame(
        [[str(code), JONGNO_DONG[code], p, h] for code, (p, h) in records.items()],
        columns=["행정동코드", "행정동명", "인구수", "세대수"],
    )
    long = pd.DataFrame(
        [[str(code), JONGNO_DONG[code], item, v] for code, ph in records.items()
         for item, v in zip(["인구수", "세대수"], ph, strict=True)],
        columns=["행정동코드", "행정동명", "항목", "value"],
    )  # fmt: skip
    return TableCase("dong_codes", rows, expected, long, [], ["행정동코드", "행정동명"])


INDUSTRIES = ["농업, 임업 및 어업", "광업", "제조업", "건설업", "도매 및 소매업", "운수 및 창고업",
              "숙박 및 음식점업", "정보통신업"]  # fmt: skip


def placeholder_symbols(seed: int = 13) -> TableCase:
    """산업별 사업체·종사자 증감: "x" (비밀보호), "…" (미집계) and "-" placeholders, numbers
    as text with commas, decreases written "△36", a 전체 row, a "* x: 비밀보호 …" legend."""
    rng = np.random.default_rng(seed)
    items = ["사업체 수", "종사자 수"]
    parts = ["2022", "2023", "증감"]
    records: dict = {}
    for industry in INDUSTRIES:
        for item in items:
            before = int(rng.integers(100, 90_000))
            after = before + int(rng.integers(-before // 10, before // 10))
            records[(industry, item)] = [before, after, after - before]
    records[("농업, 임업 및 어업", "사업체 수")] = ["x", "x", "…"]
    records[("광업", "종사자 수")][2] = 0
    rows = [["산업별 사업체 수 및 종사자 수 증감", None, None, None, None, None, None],
            _right("(단위: 개, 명)", 7),
            ["산업", "사업체 수", None, None, "종사자 수", None, None],
            [None, *parts, *parts]]  # fmt: skip
    merges = [Merge(1, 1, 1, 7), Merge(3, 1, 4, 1), Merge(3, 2, 3, 4), Merge(3, 5, 3, 7)]

    def shown(value):
        if isinstance(value, str):
            return value
        return "-" if value == 0 else _triangle(value)

    def truth(value):
        return None if isinstance(value, str) or value == 0 else value

    totals = []
    for item in items:
        for n in range(3):
            totals.append(
                _triangle(sum(v[n] for (i, t), v in records.items() if t == item
                              and not isinstance(v[n], str)))
            )  # fmt: skip
    rows.append(["전체", *totals])
    rows += [[ind, *[shown(v) for item in items for v in records[(ind, item)]]]
             for ind in INDUSTRIES]  # fmt: skip
    rows.append(_pad(["* x: 비밀보호, …: 미집계, -: 해당 숫자 없음"], 7))
    expected = pd.DataFrame(
        [[ind, *[truth(v) for item in items for v in records[(ind, item)]]] for ind in INDUSTRIES],
        columns=["산업", *[f"{item}_{p}" for item in items for p in parts]],
    )
    long = pd.DataFrame(
        [[ind, item, p, truth(v)] for ind in INDUSTRIES for item in items
         for p, v in zip(parts, records[(ind, item)], strict=True) if truth(v) is not None],
        columns=["산업", "항목1", "항목2", "value"],
    )  # fmt: skip
    return TableCase("placeholder_symbols", rows, expected, long, merges, ["산업"])


FIELDS = ["일반공공행정", "공공질서 및 안전", "교육", "문화 및 관광", "환경", "사회복지", "보건",
          "농림해양수산", "국토 및 지역개발"]  # fmt: skip


def million_won_budget(seed: int = 14) -> TableCase:
    """분야별 세출예산 "(단위: 백만원)": money columns scale ×1,000,000, △ decreases, and a
    "증감률(%)" column whose own unit (%) is not the table's."""
    rng = np.random.default_rng(seed)
    records = {}
    for f in FIELDS:
        before = int(rng.integers(2_000, 400_000))
        after = int(before * rng.uniform(0.85, 1.2))
        records[f] = (before, after, after - before, round((after - before) / before * 100, 1))
    rows = [["2024년도 일반회계 세출예산 분야별 현황", None, None, None, None],
            _right("(단위: 백만원)", 5),
            ["분야", "2023년 예산", "2024년 예산", "증감", "증감률(%)"]]  # fmt: skip
    total = [sum(r[n] for r in records.values()) for n in range(3)]
    rows.append(["합계", *[_triangle(v) for v in total],
                 f"{(total[1] - total[0]) / total[0] * 100:.1f}"])  # fmt: skip
    for f, (before, after, change, rate) in records.items():
        rate_text = f"△{-rate:.1f}" if rate < 0 else f"{rate:.1f}"
        rows.append([f, _comma(before), _comma(after), _triangle(change), rate_text])
    expected = pd.DataFrame(
        [
            [f, b * 1_000_000, a * 1_000_000, c * 1_000_000, r]
            for f, (b, a, c, r) in records.items()
        ],
        columns=["분야", "2023년 예산", "2024년 예산", "증감", "증감률(%)"],
    )
    long = pd.DataFrame(
        [[f, item, v] for f, (b, a, c, r) in records.items()
         for item, v in (("2023년 예산", b * 1_000_000), ("2024년 예산", a * 1_000_000),
                         ("증감", c * 1_000_000), ("증감률", r))],
        columns=["분야", "항목", "value"],
    )  # fmt: skip
    units = {"2023년 예산": "원", "2024년 예산": "원", "증감": "원", "증감률(%)": "%"}
    return TableCase("million_won_budget", rows, expected, long, [], ["분야"], units)


FACILITIES = [("종합운동장", "중앙로 123"), ("실내체육관", "체육관길 45"),
              ("국민체육센터", "시청로 7"), ("수영장", "물빛로 88"),
              ("테니스장", "공원로 12"), ("게이트볼장", "강변로 301")]  # fmt: skip


def facilities_with_remarks(seed: int = 15) -> TableCase:
    """공공체육시설: two text label columns (시설명, 소재지), value columns with units in
    their headers, a 준공연도 of years that is a value (not a label), and a mostly blank 비고
    text column among them that stays text (and rides along as a label in the long form)."""
    rng = np.random.default_rng(seed)
    remarks = {"실내체육관": "2024년 리모델링 예정", "게이트볼장": "동절기 휴장"}
    records = {name: (int(rng.integers(800, 60_000)), int(rng.integers(1985, 2023)),
                      int(rng.integers(50, 30_000))) for name, _ in FACILITIES}  # fmt: skip
    rows = [["공공체육시설 현황", None, None, None, None, None],
            ["시설명", "소재지", "면적(㎡)", "준공연도", "수용인원(명)", "비고"]]  # fmt: skip
    rows += [[name, where, _comma(records[name][0]), records[name][1], _comma(records[name][2]),
              remarks.get(name)] for name, where in FACILITIES]  # fmt: skip
    expected = pd.DataFrame(
        [[name, where, *records[name], remarks.get(name)] for name, where in FACILITIES],
        columns=["시설명", "소재지", "면적(㎡)", "준공연도", "수용인원(명)", "비고"],
    )
    long = pd.DataFrame(
        [[name, where, remarks.get(name), item, v] for name, where in FACILITIES
         for item, v in zip(["면적", "준공연도", "수용인원"], records[name], strict=True)],
        columns=["시설명", "소재지", "비고", "항목", "value"],
    )  # fmt: skip
    units = {"면적(㎡)": "㎡", "수용인원(명)": "명"}
    return TableCase(
        "facilities_with_remarks", rows, expected, long, [], ["시설명", "소재지"], units
    )


AGES = ["15~29세", "30~39세", "40~49세", "50~59세", "60세 이상"]


def three_level_header(seed: int = 16) -> TableCase:
    """연령별 취업자: a three-level header 연도 × 분기 ("1/4분기") × 성별 over 16 columns, the
    연령별 header merged down all three rows, a 계 row, "(단위: 천명)" → ×1,000."""
    rng = np.random.default_rng(seed)
    years = ["2023", "2024"]
    quarters = [f"{q}/4분기" for q in range(1, 5)]
    sexes = ["남", "여"]
    keys = [(y, q, x) for y in years for q in quarters for x in sexes]
    records = {(a, *k): int(rng.integers(300, 3_500)) for a in AGES for k in keys}
    width = 1 + len(keys)
    rows = [_pad(["연령별 분기별 취업자 수"], width), _right("(단위: 천명)", width),
            ["연령별", *[y if (q, x) == (quarters[0], "남") else None for y, q, x in keys]],
            [None, *[q if x == "남" else None for _, q, x in keys]],
            [None, *[x for _, _, x in keys]]]  # fmt: skip
    merges = [Merge(1, 1, 1, width), Merge(3, 1, 5, 1), Merge(3, 2, 3, 9), Merge(3, 10, 3, 17)]
    merges += [Merge(4, c, 4, c + 1) for c in range(2, width, 2)]
    rows.append(["계", *[_comma(sum(records[(a, *k)] for a in AGES)) for k in keys]])
    rows += [[a, *[_comma(records[(a, *k)]) for k in keys]] for a in AGES]
    expected = pd.DataFrame(
        [[a, *[records[(a, *k)] * 1000 for k in keys]] for a in AGES],
        columns=["연령별", *["_".join(k) for k in keys]],
    )
    long = pd.DataFrame(
        [[a, *k, records[(a, *k)] * 1000] for a in AGES for k in keys],
        columns=["연령별", "연도", "분기", "성별", "value"],
    )
    return TableCase(
        "three_level_header", rows, expected, long, merges, ["연령별"],
        dict.fromkeys(expected.columns[1:], "명"),
    )  # fmt: skip


def yearbook_table(seed: int = 17) -> TableCase:
    """A 통계연보 table: the unit inside the title ("(단위: 세대, 명)", two units), a footnote
    mark in a header ("인구1)"), a row of units under the header ("(세대)", "(명)"), years as
    labels, "주: 1) …" and "자료: …" lines."""
    rng = np.random.default_rng(seed)
    years = [2019, 2020, 2021, 2022, 2023]
    records = {}
    for y in years:
        male, female = int(rng.integers(40_000, 60_000)), int(rng.integers(40_000, 60_000))
        records[y] = (int((male + female) / rng.uniform(2.0, 2.4)), male, female)
    rows = [["3-1. 연도별 세대 및 인구 (단위: 세대, 명)", None, None, None, None],
            ["연도", "세대수", "인구1)", None, None],
            [None, None, "계", "남", "여"],
            [None, "(세대)", "(명)", "(명)", "(명)"]]  # fmt: skip
    rows += [
        [y, _comma(h), _comma(m + f), _comma(m), _comma(f)] for y, (h, m, f) in records.items()
    ]
    rows += [
        ["주: 1) 외국인 제외", None, None, None, None],
        ["자료: 민원지적과", None, None, None, None],
    ]
    merges = [Merge(1, 1, 1, 5), Merge(2, 1, 4, 1), Merge(2, 2, 3, 2), Merge(2, 3, 2, 5)]
    columns = ["연도", "세대수(세대)", "인구_남(명)", "인구_여(명)"]
    expected = pd.DataFrame(
        [[str(y), h, m, f] for y, (h, m, f) in records.items()], columns=columns
    )
    long = pd.DataFrame(
        [[str(y), item, sex, v] for y, (h, m, f) in records.items()
         for item, sex, v in (("세대수", None, h), ("인구", "남", m), ("인구", "여", f))],
        columns=["연도", "항목", "성별", "value"],
    )  # fmt: skip
    units = {"세대수(세대)": "세대", "인구_남(명)": "명", "인구_여(명)": "명"}
    return TableCase("yearbook_table", rows, expected, long, merges, ["연도"], units)


BUDGET_ITEMS = {"일반회계": ["인건비", "물건비", "경상이전", "자본지출"],
                "특별회계": ["인건비", "물건비", "자본지출"]}  # fmt: skip


def budget_sections(seed: int = 18) -> TableCase:
    """세출예산 by 회계: section heading rows ("일반회계", "특별회계") with no values above
    their items, the same items under each, 합계 on top, 천원, △ decreases. The headings
    become a 상위구분 label column."""
    rng = np.random.default_rng(seed)
    records = {}
    for account, items in BUDGET_ITEMS.items():
        for item in items:
            before = int(rng.integers(50_000, 900_000))
            records[(account, item)] = (before, int(before * rng.uniform(0.8, 1.2)))
    rows = [["2024년 회계별 세출예산", None, None, None], _right("(단위: 천원)", 4),
            ["구분", "2023년", "2024년", "증감"]]  # fmt: skip
    totals = [sum(v[n] for v in records.values()) for n in range(2)]
    rows.append(["합계", _comma(totals[0]), _comma(totals[1]), _triangle(totals[1] - totals[0])])
    for account, items in BUDGET_ITEMS.items():
        rows.append([account, None, None, None])
        for item in items:
            before, after = records[(account, item)]
            rows.append([item, _comma(before), _comma(after), _triangle(after - before)])
    expected = pd.DataFrame(
        [[a, i, b * 1000, f * 1000, (f - b) * 1000] for (a, i), (b, f) in records.items()],
        columns=["상위구분", "구분", "2023년", "2024년", "증감"],
    )
    long = pd.DataFrame(
        [[a, i, item, v * 1000] for (a, i), (b, f) in records.items()
         for item, v in (("2023년", b), ("2024년", f), ("증감", f - b))],
        columns=["상위구분", "구분", "항목", "value"],
    )  # fmt: skip
    units = dict.fromkeys(["2023년", "2024년", "증감"], "원")
    return TableCase("budget_sections", rows, expected, long, [], ["상위구분", "구분"], units)


AGE_GROUPS = ["Under 1", "1 to 14", "15 to 44", "45 to 64", "65 and over"]


def english_symbols(seed: int = 19) -> TableCase:
    """An ONS-style English table: "Table 3: …" title, no unit, "[x]" and ":" for values
    not available, an "All ages" total row, a "Source:" line."""
    rng = np.random.default_rng(seed)
    sexes = ["Males", "Females"]
    records = {(a, x): int(rng.integers(100, 90_000)) for a in AGE_GROUPS for x in sexes}
    records[("Under 1", "Females")] = "[x]"
    records[("1 to 14", "Males")] = ":"
    rows = [["Table 3: Deaths registered by age group and sex, 2022", None, None],
            ["Age group", "Males", "Females"]]  # fmt: skip
    rows.append(
        [
            "All ages",
            *[
                _comma(sum(v for (a, xx), v in records.items() if xx == x and isinstance(v, int)))
                for x in sexes
            ],
        ]
    )
    rows += [
        [
            a,
            *[
                records[(a, x)] if isinstance(records[(a, x)], str) else _comma(records[(a, x)])
                for x in sexes
            ],
        ]
        for a in AGE_GROUPS
    ]
    rows.append(["Source: Office for National Statistics", None, None])  # fmt: skip

    def truth(v):
        return v if isinstance(v, int) else None

    expected = pd.DataFrame(
        [[a, *[truth(records[(a, x)]) for x in sexes]] for a in AGE_GROUPS],
        columns=["Age group", *sexes],
    )
    long = pd.DataFrame(
        [[a, x, records[(a, x)]] for a in AGE_GROUPS for x in sexes
         if truth(records[(a, x)]) is not None],
        columns=["Age group", "sex", "value"],
    )  # fmt: skip
    return TableCase("english_symbols", rows, expected, long, [], ["Age group"])


def all_cases() -> list[TableCase]:
    return [
        kosis_population(),
        dong_budget(),
        monthly_accidents(),
        already_tidy(),
        taas_accident_types(),
        kosis_timeseries(),
        sigungu_status(),
        spacer_column(),
        months_by_years(),
        stacked_tables(),
        staff_with_blank_rows(),
        english_population(),
        dong_codes(),
        placeholder_symbols(),
        million_won_budget(),
        facilities_with_remarks(),
        three_level_header(),
        yearbook_table(),
        budget_sections(),
        english_symbols(),
    ]


def big_messy_table(rows: int = 10_000, columns: int = 30, seed: int = 0) -> TableCase:
    """A large 시군구 → 읍면동 현황표 for speed tests: title, unit row, "구분" merged over two
    label columns and two header rows, years merged over 계·남·여 (계 set aside), a 소계 row
    after every 19 rows, group labels merged down, numbers mostly as text with commas, some
    "-", "…" and "x", and two note rows. ``rows`` counts the data and 소계 rows.

    Only the expected shape is checked at this size: ``expected`` holds the first records.
    """
    rng = np.random.default_rng(seed)
    values = max(1, columns - 2)
    subs = ["계", "남", "여"]
    spec = [(2000 + n // 3, subs[n % 3]) for n in range(values)]
    years = list(dict.fromkeys(y for y, _ in spec))
    width = 2 + values
    out = [_pad(["시군구·읍면동별 연도별 인구 현황 (대용량 시험용)"], width),
           _right("(단위: 명)", width),
           _pad(["구분", None, *[y if s == "계" or n == 0 else None
                                 for n, (y, s) in enumerate(spec)]], width),
           _pad([None, None, *[s for _, s in spec]], width)]  # fmt: skip
    merges = [Merge(1, 1, 1, width), Merge(3, 1, 4, 2)]
    for y in years:
        cols = [2 + n + 1 for n, (yy, _) in enumerate(spec) if yy == y]
        if len(cols) > 1:
            merges.append(Merge(3, cols[0], 3, cols[-1]))
    groups = (rows + 19) // 20
    male = rng.integers(0, 40_000, size=(rows, len(years)))
    female = rng.integers(0, 40_000, size=(rows, len(years)))
    style = rng.random(size=(rows, values))
    records = []
    line = 0
    for g in range(groups):
        top = len(out) + 1
        members = list(range(line, min(line + 19, rows - 1)))
        if not members:
            break
        line += len(members) + 1  # and the 소계 row
        gu = f"가{g:04d}구"
        for k, member in enumerate(members):
            dong = f"나{member:05d}동"
            cells, truth = [], []
            for n, (y, s) in enumerate(spec):
                year = years.index(y)
                m, f = int(male[member, year]), int(female[member, year])
                number = {"계": m + f, "남": m, "여": f}[s]
                p = style[member, n]
                if p < 0.01:
                    cells.append("-")
                    number = None
                elif p < 0.015:
                    cells.append("…")
                    number = None
                elif p < 0.018:
                    cells.append("x")
                    number = None
                elif p < 0.65:
                    cells.append(_comma(number))
                else:
                    cells.append(number)
                if s != "계":
                    truth.append(number)
            out.append([gu if k == 0 else None, dong, *cells])
            records.append([gu, dong, *truth])
        sums = [
            int(
                male[members, years.index(y)].sum() * (s != "여")
                + female[members, years.index(y)].sum() * (s != "남")
            )
            for y, s in spec
        ]
        out.append([None, "소계", *[_comma(v) for v in sums]])
        merges.append(Merge(top, 1, top + len(members), 1))
    out.append(_pad(["※ 2023. 12. 31. 기준"], width))
    out.append(_pad(["자료: 행정지원과"], width))
    names = ["구분", "구분_2", *[f"{y}_{s}" for y, s in spec if s != "계"]]
    expected = pd.DataFrame(records[:50], columns=names)
    long = pd.DataFrame(columns=["구분", "구분_2", "연도", "성별", "value"])
    return TableCase(
        "big_messy_table", out, expected, long, merges, ["구분", "구분_2"],
        dict.fromkeys(names[2:], "명"),
    )  # fmt: skip
