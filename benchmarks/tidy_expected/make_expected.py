"""Draft the expected long outputs of the real-table benchmark from a layout written by hand.

    .venv/bin/python -m benchmarks.tidy_expected.make_expected [CORPUS]

Each entry of ``LAYOUTS`` states, read off the real file by eye, where its header rows,
row-label columns and body are, which label columns carry merged-away blanks, and which extra
rows are totals. This script does nothing clever: it takes the cells at those coordinates
(through ``read_table(...).grid()``, which spreads merged cells — the reader, not the
converter under test), drops total rows and total columns (합계, 소계, 계, 총계, 전체, 전국),
blanks and placeholders (``-``, ``X``), adds a table's caption as a label where the layout
names its cell (stacked tables on one sheet), strips units in parentheses from headers where the
layout says so, and writes one CSV per table: the row labels, the header parts, ``value``.
Every file was then checked by eye against the source (all rows of the small ones, a sample
of rows of the large ones); the expectation is what an official would want, not what the
converter gives. The converter is never imported here.
"""

import csv
import re
import sys
from pathlib import Path

CORPUS = Path("/work/shared/corpus/tables")
HERE = Path(__file__).parent
TOTALS = {"합계", "소계", "계", "총계", "전체", "전국"}
PLACEHOLDERS = {"", "-", "X", "x", "…", "...", "***"}
MARKS = re.compile(r"[†‡*¹²³⁴⁵⁶⁷⁸⁹⁰]+$")  # footnote marks after a label (Jan†, Apr¹)
UNIT_SUFFIX = re.compile(r"\s*\((명|가구|호|명/㎢|㎢|%|천명)\)$")

# name: (file under CORPUS, header rows, label columns, first body row, last body row, options)
# Rows and columns are the sheet's 1-based numbers.
LAYOUTS = {
    "seoul_pop_density": ("seoul_pop_density/Report.xls", [1], [1, 2], 2, 27, {"units": True}),
    "seoul_urbanized_area": (
        "seoul_urbanized_area/서울시 시가화면적(2019).xls",
        [1, 2],
        [1, 2],
        3,
        28,
        {},
    ),
    "seoul_culture_attendance": ("seoul_culture_attendance/Report.xls", [1], [1, 2, 3], 2, 52, {}),
    "seoul_estimated_pop_by_age": (
        "seoul_estimated_pop_by_age/서울시 자치구별 연령별 인구 (추계인구) 통계.xls",
        [1],
        [1, 2, 3],
        2,
        79,
        {},
    ),
    "seoul_registered_foreigners": (
        "seoul_registered_foreigners/Report.xls",
        [1, 2],
        [1, 2, 3],
        3,
        80,
        {},
    ),
    "seoul_medical_staff": ("seoul_medical_staff/Report.xls", [1], [1, 2, 3], 2, 451, {}),
    "seoul_student_obesity": (
        "seoul_student_obesity/Report (1).xls",
        [1, 2],
        [1],
        3,
        18,
        {"skip_columns": [2]},
    ),
    "taas_sigungu_accidents_2018": (
        "taas_sigungu_accidents_2018/Report.xls",
        [3, 4],
        [1, 2],
        5,
        31,
        {},
    ),
    "taas_monthly_by_vehicle": ("taas_monthly_by_vehicle/월별.xls", [1, 2], [1, 2], 3, 72, {}),
    "taas_accident_type_by_vehicle_2019": (
        "taas_accident_type_by_vehicle_2019/Report (2).xls",
        [3, 4],
        [1, 2, 3],
        5,
        55,
        {},
    ),
    "taas_sigungu_by_accident_type_2019": (
        "taas_sigungu_by_accident_type_2019/Report.xls",
        [1, 2, 3],
        [1, 2, 3],
        4,
        693,
        {},
    ),
    "datagokr_monthly_accidents": (
        "datagokr_monthly_accidents/도로교통공단_월별 교통사고 통계_20201130.csv",
        [1],
        [1],
        2,
        13,
        {},
    ),
    "datagokr_pm_accidents_1": (
        "datagokr_pm_accidents/도로교통공단_개인형이동수단(PM) 교통사고 현황_20191231.xlsx",
        [5, 6],
        [2, 3, 4],
        7,
        23,
        {"last_column": 13},
    ),
    "datagokr_pm_accidents_2": (
        "datagokr_pm_accidents/도로교통공단_개인형이동수단(PM) 교통사고 현황_20191231.xlsx",
        [28, 29],
        [2],
        30,
        38,
        {"last_column": 11},
    ),
    # English tables (round 2). deaths: notes above and below the table on each sheet; the
    # answer readxl publishes is range A5:F15; Age is the one measure, the rest are labels.
    "readxl_deaths_arts": (
        "_non_korean/readxl_deaths/deaths.xlsx",
        [5],
        [1, 2, 4, 5, 6],
        6,
        15,
        {"sheet": "arts"},
    ),
    "readxl_deaths_other": (
        "_non_korean/readxl_deaths/deaths.xlsx",
        [5],
        [1, 2, 4, 5, 6],
        6,
        15,
        {"sheet": "other"},
    ),
    # ABS time series: the series name over nine metadata rows (Unit … Series ID); every
    # metadata row is a header level of its column (readabs keeps them as columns too).
    "abs_labour_force_data1": (
        "_non_korean/abs_labour_force/6202021.xls",
        list(range(1, 11)),
        [1],
        11,
        146,
        {"sheet": "Data1"},
    ),
    # ONS Table 1: four header rows (All Visits / Area of residence > region > of which > EU
    # group > NSA or SA) over spacer columns; the year written on January only; footnote
    # marks on months (Jan†, Apr¹). The summary rows under the months (latest three months,
    # year to date, % change) are derived figures, not expected cells.
    "ons_ott_table1": (
        "_non_korean/ons_overseas_travel/ott.xls",
        [3, 4, 5, 6],
        [1, 2],
        7,
        48,
        {"sheet": "Table 1", "fill_down": [1], "strip_marks": True, "last_column": 17},
    ),
    # RBI: seven stacked tables on one sheet, each under its own caption (series name, then
    # its base year, which is a unit and not a label); fiscal years down, APR … MAR across.
    **{
        f"rbi_cpi_old_{n}": (
            "_non_korean/rbi_cpi/RBI_HBS_Table_No_166.xlsx",
            [caption + 2],
            [2],
            caption + 3,
            last,
            {"sheet": "CPI-Old", "caption": (caption, 2), "last_column": 14},
        )
        for n, (caption, last) in enumerate(
            [(4, 22), (24, 42), (44, 67), (69, 77), (79, 86), (88, 95), (97, 104)], start=1
        )
    },
    "kosis_census_eupmyeondong_2017": (
        "kosis_census_eupmyeondong_2017/M_2017.csv",
        [1, 2],
        [1],
        3,
        326,
        {"units": True},
    ),
    "kosis_census_pop_sigungu": (
        "kosis_census_pop_sigungu/population.xlsx",
        [1, 2],
        [1, 2, 3],
        3,
        965,
        {"fill_down": [1, 2]},
    ),
    "kosis_sido_pop_change": (
        "kosis_sido_pop_change/stat_104102.xlsx.xls",
        [3],
        [1],
        4,
        21,
        {"factor": 1000},
    ),
    "taas_pm_accidents": ("taas_pm_accidents/Report.txt", [1, 2], [1], 3, 5, {}),
    "seoul_pop_density_by_dong": (
        "seoul_pop_density_by_dong/서울동별인구데이터.txt",
        [1],
        [1, 2, 3],
        2,
        451,
        {},
    ),
    "kosis_waste_treatment_2010_2018": (
        "kosis_waste_treatment_2010_2018/폐기물+처리현황_생활폐기물(2010~2018)-쉼표로분리.csv",
        [1],
        [1, 2, 3, 4, 5],
        2,
        10,
        {},
    ),
}


def text(value) -> str:
    if value is None or value != value:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(value):
    written = text(value).replace(",", "").replace(" ", "")
    if written in PLACEHOLDERS:
        return None
    return float(written)


def is_total(label: str) -> bool:
    return re.sub(r"[\s()]", "", label) in TOTALS or label.endswith("(총계)")


def expected_rows(grid, header_rows, label_columns, first, last, options):
    last_column = options.get("last_column", grid.columns[-1])
    skip = set(options.get("skip_columns", []))
    value_columns = [
        c for c in grid.columns
        if c not in label_columns and c not in skip and c <= last_column
    ]  # fmt: skip
    headers = {}
    for column in value_columns:
        parts = []
        for row in header_rows:
            part = text(grid.at[row, column])
            if options.get("units"):
                part = UNIT_SUFFIX.sub("", part)
            if part and (not parts or parts[-1] != part):
                parts.append(part)
        headers[column] = parts
    kept = [c for c in value_columns if not any(is_total(p) for p in headers[c])]
    factor = options.get("factor", 1)
    depth = max(len(headers[c]) for c in kept)
    previous = {c: "" for c in label_columns}
    caption = options.get("caption")
    caption_labels = [text(grid.at[caption[0], caption[1]])] if caption else []
    out = []
    for row in range(first, last + 1):
        labels = []
        for column in label_columns:
            label = text(grid.at[row, column])
            if options.get("strip_marks"):
                label = MARKS.sub("", label)
            if not label and column in options.get("fill_down", []):
                label = previous[column]
            previous[column] = label
            labels.append(label)
        if any(is_total(label) for label in labels):
            continue
        for column in kept:
            value = number(grid.at[row, column])
            if value is None:
                continue
            parts = headers[column] + [""] * (depth - len(headers[column]))
            out.append([*caption_labels, *labels, *parts, round(value * factor, 6)])
    return out, len(caption_labels) + len(label_columns), depth


def main(corpus: Path = CORPUS) -> None:
    from dadeum.fileio import read_table

    for name, (file, header_rows, label_columns, first, last, options) in LAYOUTS.items():
        grid = read_table(corpus / file, sheet=options.get("sheet")).grid()
        rows, labels, depth = expected_rows(grid, header_rows, label_columns, first, last, options)
        header = [f"label{n}" for n in range(1, labels + 1)]
        header += [f"level{n}" for n in range(1, depth + 1)] + ["value"]
        with open(HERE / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        print(f"{name}: {len(rows):,} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
