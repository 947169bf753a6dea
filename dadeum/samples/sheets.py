"""Seeded sheets laid out as officials download them, for the ribbon tests and benchmark.

Each returns rows of cells from A1, as Office.js sends a sheet. The layouts follow real
downloads (오피넷 주유소 prices, a 서울시 crime table, a TAAS export, a 구청 민원 board); the
values are made up.
"""

import datetime as dt

import numpy as np

_GU = ["종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구"]
_BRANDS = ["SK에너지", "GS칼텍스", "HD현대오일뱅크", "S-OIL", "알뜰주유소"]


def station_sheet(rows: int = 50, seed: int = 0) -> list[list]:
    """오피넷's 지역_위치별(주유소) export: a title row, then the header, then one row a
    station (phone numbers, 셀프여부, prices in 원)."""
    rng = np.random.default_rng(seed)
    header = ["지역", "상호", "주소", "상표", "전화번호", "셀프여부",
              "고급휘발유", "휘발유", "경유", "실내등유"]  # fmt: skip
    body = []
    for i in range(rows):
        gu = _GU[i % len(_GU)]
        price = int(rng.integers(1600, 1900))
        body.append([
            f"서울 {gu}", f"{gu}주유소{i + 1}", f"서울 {gu} 세종대로 {i + 1}",
            _BRANDS[i % len(_BRANDS)], f"02-{2000 + i % 8000:04d}-{1000 + i % 9000:04d}",
            "Y" if i % 3 else "N", price + 300 if i % 4 else "-", price, price - 100,
            "-" if i % 5 else 1300,
        ])  # fmt: skip
    return [["지역_위치별(주유소)"] + [None] * (len(header) - 1), header, *body]


def crime_sheet(seed: int = 0) -> list[list]:
    """서울시 5대 범죄 발생·검거: 기간 and 자치구, then a two-row header (crime over 발생/검거)."""
    rng = np.random.default_rng(seed)
    crimes = ["합계", "살인", "강도", "절도"]
    top = ["기간", "자치구"] + [c for crime in crimes for c in (crime, crime)]
    second = ["기간", "자치구"] + ["발생", "검거"] * len(crimes)
    body = []
    for year in (2014, 2015):
        for gu in _GU:
            counts = [int(v) for v in rng.integers(1, 900, size=2 * len(crimes))]
            body.append([year, gu, *counts])
    return [top, second, *body]


def taas_sheet(seed: int = 0) -> list[list]:
    """A TAAS export: title, unit row, then ``2014년`` over 합계/20세이하/21-30세/…"""
    rng = np.random.default_rng(seed)
    ages = ["합계", "20세이하", "21-30세", "31-40세", "41-50세"]
    rows = [
        ["가해운전자 연령층별 교통사고", *[None] * len(ages)],
        ["(단위 : 건)", *[None] * len(ages)],
        ["구분", *["2014년"] * len(ages)],
        ["구분", *ages],
    ]
    for measure in ("사고건수", "사망자수", "부상자수"):
        rows.append([measure, *[int(v) for v in rng.integers(100, 60000, size=len(ages))]])
    return rows


def complaint_board(rows: int = 30, seed: int = 0) -> list[list]:
    """A 구청 민원 board export: 번호 counting down, 제목, 처리상태, 등록일, 연락처, 우편번호."""
    rng = np.random.default_rng(seed)
    start = dt.date(2024, 3, 1)
    body = []
    for i in range(rows):
        body.append([
            97674 - i, f"민원 제목 {i + 1}", "처리완료" if i % 3 else "접수",
            (start + dt.timedelta(days=int(rng.integers(0, 60)))).isoformat(),
            f"010-{3000 + i:04d}-{5000 + i:04d}", f"0{4500 + i}",
        ])  # fmt: skip
    return [["번호", "제목", "처리상태", "등록일", "연락처", "우편번호"], *body]


def wide_sheet(rows: int, columns: int = 20, seed: int = 0) -> list[list]:
    """A long table (for speed): title row, header, then 기간, 자치구, 민원번호, 전화번호,
    접수일 and counts with commas, up to ``columns`` columns."""
    rng = np.random.default_rng(seed)
    extra = max(columns - 6, 0)
    header = ["기간", "자치구", "민원번호", "전화번호", "접수일", "건수"]
    header = (header + [f"항목{n}" for n in range(1, extra + 1)])[:columns]
    counts = rng.integers(0, 100000, size=(rows, extra + 1))
    body = []
    for i in range(rows):
        row = [2020 + i % 5, _GU[i % len(_GU)], 100000 + i,
               f"010-{i % 10000:04d}-{(7 * i) % 10000:04d}",
               f"2024. {1 + i % 12}. {1 + i % 28}.",
               *[f"{int(v):,}" for v in counts[i]]]  # fmt: skip
        body.append(row[:columns])
    return [[f"민원 처리 현황 ({rows:,}건)"] + [None] * (columns - 1), header, *body]
