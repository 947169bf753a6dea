"""Twelve monthly 읍면동별 민원 처리 현황 files, the way they arrive over a year.

Same shape every month (title, "(단위: 건)", one header row, a row per 읍면동, 합계, a source
line), with the drift real series have:

- April writes ``접수건수`` without the space (same meaning, so a recipe still matches);
- July adds a note row under the table ("※ 7월은 잠정치");
- September moves 연락처 before 담당자 and adds a 전월 대비 column;
- November is a broken file (cut off mid-way), which a batch must report and skip.

``write_monthly(folder)`` writes them (.xlsx, with March as .csv) and returns the paths.
"""

from pathlib import Path

import numpy as np
import pandas as pd

DONG = ["청운효자동", "사직동", "삼청동", "부암동", "평창동", "무악동", "교남동", "가회동",
        "종로1·2·3·4가동", "종로5·6가동", "이화동", "혜화동"]  # fmt: skip
SURNAMES = "김이박최정강조윤장임"
GIVEN = ["민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "지민", "주원", "하은"]
HEADER = ["읍면동", "접수 건수", "처리 건수", "담당자", "연락처", "비고"]
BROKEN_MONTH = 11
CSV_MONTH = 3


def monthly_rows(month: int, seed: int = 2025) -> list[list]:
    """The cells of one month's sheet, title rows and all."""
    rng = np.random.default_rng(seed * 100 + month)
    header = list(HEADER)
    if month == 4:
        header[1] = "접수건수"
    records = []
    for position, dong in enumerate(DONG):
        received = int(rng.integers(20, 400))
        done = int(received - rng.integers(0, 15))
        person = SURNAMES[(position + month) % 10] + GIVEN[(position * 3 + month) % 10]
        phone = f"02-2148-{5000 + position * 17 + month:04d}"
        note = "민원 급증" if received > 350 else None
        records.append([dong, f"{received:,}", done, person, phone, note])
    if month >= 9:  # 연락처 moves before 담당자, and a new column appears
        header = [*header[:3], header[4], header[3], "전월 대비", header[5]]
        records = [[*r[:3], r[4], r[3], int(rng.integers(-30, 30)), r[5]] for r in records]
    width = len(header)
    total = ["합계", f"{sum(int(str(r[1]).replace(',', '')) for r in records):,}",
             sum(r[2] for r in records)] + [None] * (width - 3)  # fmt: skip
    rows = [[f"2025년 {month}월 읍면동별 민원 처리 현황"] + [None] * (width - 1),
            ["(단위: 건)"] + [None] * (width - 1), header, *records, total]  # fmt: skip
    if month == 7:
        rows.append(["※ 7월은 잠정치"] + [None] * (width - 1))
    rows.append(["자료: 종로구 민원여권과"] + [None] * (width - 1))
    return rows


def write_monthly(folder: str | Path, seed: int = 2025) -> list[Path]:
    """Write the twelve files into ``folder``; returns their paths in month order."""
    from dadeum.fileio import write_csv, write_excel

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for month in range(1, 13):
        frame = pd.DataFrame(monthly_rows(month, seed), dtype=object)
        suffix = ".csv" if month == CSV_MONTH else ".xlsx"
        path = folder / f"민원현황_2025_{month:02d}{suffix}"
        if suffix == ".csv":
            write_csv(path, frame)
        else:
            write_excel(path, {"현황": (frame, {})})
        if month == BROKEN_MONTH:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])
        paths.append(path)
    return paths


BIG_HEADER = ["접수번호", "읍면동", "접수일", "접수 건수", "처리 건수", "담당자", "연락처", "비고"]


def big_month_rows(month: int, rows: int, seed: int = 2025) -> list[list]:
    """A long monthly 민원 list (``rows`` records) for benchmarks: title, unit, header, records
    with thousands separators, dates written several ways, names and phone numbers, a 합계
    row and a source line, as the files that arrive from 읍·면·동 look."""
    rng = np.random.default_rng(seed * 1000 + month)
    received = rng.integers(1, 5000, rows)
    done = np.maximum(received - rng.integers(0, 30, rows), 0)
    days = rng.integers(1, 28, rows)
    styles = rng.integers(0, 3, rows)
    people = rng.integers(0, 100, rows)
    notes = rng.random(rows)
    records = []
    for n in range(rows):
        day = int(days[n])
        date = (f"2025-{month:02d}-{day:02d}", f"2025.{month}.{day}.", f"2025{month:02d}{day:02d}")
        person = int(people[n])
        records.append([
            f"2025-{month:02d}-{n + 1:05d}", DONG[n % len(DONG)], date[int(styles[n])],
            f"{int(received[n]):,}", int(done[n]),
            SURNAMES[person % 10] + GIVEN[person // 10],
            f"010-{2000 + person:04d}-{(n * 37) % 10000:04d}",
            "민원 급증" if notes[n] > 0.95 else None,
        ])  # fmt: skip
    width = len(BIG_HEADER)
    total = [None, "합계", None, f"{int(received.sum()):,}", int(done.sum())] + [None] * 3
    return [[f"2025년 {month}월 민원 접수 목록"] + [None] * (width - 1),
            ["(단위: 건)"] + [None] * (width - 1), list(BIG_HEADER), *records, total,
            ["자료: 종로구 민원여권과"] + [None] * (width - 1)]  # fmt: skip
