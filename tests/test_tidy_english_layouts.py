"""Layouts of real published English statistical tables (issue #16, round 2).

Fixtures reproduce each pattern in a few rows. Rows cut from real files name their source:
ABS Labour Force 6202.0 Table 21 is CC BY 4.0 (Australian Bureau of Statistics, via the
readabs test fixture); readxl's deaths.xlsx is MIT (the readxl R package).
"""

import datetime as dt

from dadeum.engine.tables.grid import make_grid
from dadeum.engine.tables.tidy import tidy_grid

# Source: Australian Bureau of Statistics, Labour Force 6202.0 Table 21 (CC BY 4.0), sheet
# Data1, two series, first three quarters.
ABS_SERIES = [
    [None, "Hours worked ;", "Hours worked ; Market ;"],
    ["Unit", "000 Hours", "000 Hours"],
    ["Series Type", "Seasonally Adjusted", "Seasonally Adjusted"],
    ["Frequency", "Quarter", "Quarter"],
    ["Collection Month", 3, 3],
    ["Series Start", dt.datetime(1984, 12, 1), dt.datetime(1984, 12, 1)],
    ["No. Obs", 136, 136],
    ["Series ID", "A84426298K", "A84426294A"],
    [dt.datetime(1984, 12, 1), 2939234.1866, 2372693.4909],
    [dt.datetime(1985, 3, 1), 2954148.2842, 2385067.4],
    [dt.datetime(1985, 6, 1), 2977454.6862, 2421128.9981],
]


def tidy(rows):
    return tidy_grid(make_grid(rows), sheet="Data1")


def test_metadata_rows_under_series_names_are_header_levels():
    (table,) = tidy(ABS_SERIES)
    assert len(table.data) == 3  # the dated rows only; no metadata row became data
    first = table.long().iloc[0]
    parts = {str(v) for v in first.drop("value")}
    assert {"Hours worked ;", "000 Hours", "Quarter", "3", "A84426298K"} <= parts
    assert first["value"] == 2939234.1866
    assert [i.value for i in table.issues if i.type == "multi-row-header"] == [8]


def test_text_rows_over_a_dated_body_without_keys_are_not_stretched():
    rows = [
        ["Date", "Sales", "Costs"],
        [dt.datetime(2020, 1, 1), 10, 4],
        [dt.datetime(2020, 2, 1), 12, 5],
        [dt.datetime(2020, 3, 1), 11, 6],
    ]
    (table,) = tidy(rows)
    assert len(table.data) == 3
    assert sorted(table.long()["value"].tolist()) == [4, 5, 6, 10, 11, 12]


# Source: readxl R package, inst/extdata/deaths.xlsx (MIT), sheet "arts", cut to three rows.
DEATHS_ARTS = [
    ["Lots of people", None, None, None],
    ["simply cannot resist writing", None, None, "some notes"],
    ["at", "the", "top", "of"],
    ["or", "merging", "merging", "cells"],
    ["Name", "Profession", "Age", "Has kids"],
    ["David Bowie", "musician", 69, True],
    ["Carrie Fisher", "actor", 60, True],
    ["Chuck Berry", "musician", 90, True],
    ["Some", None, None, None],
    [None, "also like to write stuff", None, None],
    [None, None, "at the", "bottom,"],
]
# Same source, sheet "other": notes above that leave the label column blank or fill it.
DEATHS_OTHER = [
    ["For the sake", None, None, None],
    [None, "of consistency", "in the", "data layout,"],
    ["which is really", None, "a", "beautiful thing,"],
    ["I will", "keep making notes", "keep making notes", "up here."],
    ["Name", "Profession", "Age", "Has kids"],
    ["Vera Rubin", "scientist", 88, True],
    ["Mohamed Ali", "athlete", 74, True],
]


def test_free_notes_above_and_below_a_table_are_set_aside():
    (table,) = tidy(DEATHS_ARTS)
    assert table.label_columns[:2] == ["Name", "Profession"]
    assert table.data["Name"].tolist() == ["David Bowie", "Carrie Fisher", "Chuck Berry"]
    assert table.data["Age"].tolist() == [69, 60, 90]
    above = {(i.row, i.value) for i in table.issues if i.type == "note-above"}
    below = {(i.row, i.value) for i in table.issues if i.type == "note-row"}
    assert {(3, "at"), (4, "or")} <= above
    assert {(9, "Some"), (11, "at the")} <= below


def test_notes_above_a_full_row_of_headings_are_not_header_levels():
    (table,) = tidy(DEATHS_OTHER)
    assert table.label_columns[:2] == ["Name", "Profession"]
    assert table.data["Age"].tolist() == [88, 74]
    assert list(table.long()["item"].unique()) == ["Age"]


def test_a_group_row_under_a_header_is_not_taken_for_a_note():
    rows = [
        ["구분", "2019", "2020"],
        ["서울특별시", None, None],
        ["종로구", 1, 2],
        ["중구", 3, 4],
    ]
    (table,) = tidy(rows)
    assert table.long()["value"].tolist() == [1, 2, 3, 4]
    assert not [i for i in table.issues if i.type in ("note-row", "note-above")]


def test_a_title_over_the_label_heading_is_a_header_level_not_a_note():
    # 도로교통공단 PM 교통사고 현황 layout: 발생년도 merged over the label columns, years across.
    rows = [
        ["발생년도", "발생년도", "2017", "2017", "2018", "2018"],
        ["사고유형_대분류", "사고유형", "사고건수", "사망자수", "사고건수", "사망자수"],
        ["차대사람", "횡단중", 6, 0, 12, 1],
        ["차대사람", "차도통행중", 3, 0, 7, 0],
    ]
    (table,) = tidy(rows)
    assert len(table.long()) == 8
    assert not [i for i in table.issues if i.type in ("note-row", "note-above")]


# Layout of the RBI Handbook of Statistics Table 166 (stacked CPI tables); figures invented.
STACKED = [
    ["CONSUMER PRICE INDEX - MONTHLY", None, None],
    [None, None, None],
    ["Industrial Workers", None, "(Base: 1982=100)"],
    [None, None, None],
    ["Year/Month", "APR", "MAY"],
    ["1990-91", "182", "186"],
    ["1991-92", "207", "-"],
    [None, None, None],
    ["Agricultural Labourers", None, "(Base: 1960-61=100)"],
    [None, None, None],
    ["Year/Month", "APR", "MAY"],
    ["1990-91", "830", "843"],
]


def test_stacked_tables_of_the_same_columns_take_their_captions_as_labels():
    tables = tidy(STACKED)
    assert len(tables) == 2  # the captions are not tables of their own
    first, second = (t.long() for t in tables)
    assert first["table"].unique().tolist() == ["Industrial Workers"]
    assert second["table"].unique().tolist() == ["Agricultural Labourers"]
    assert first["value"].tolist() == [182, 186, 207]
    assert tables[0].region.unit == "1982=100"  # an index's base is its unit, not a label


def test_stacked_tables_of_different_columns_keep_captions_as_titles():
    rows = [
        ["- 사고유형별", None, None],
        ["사고유형", "2018", "2019"],
        ["횡단중", 6, 7],
        [None, None, None],
        ["- 가해자연령별", None, None],
        ["가해자연령", "2018", "2019", "2020"],
        ["20세이하", 16, 25, 30],
    ]
    tables = tidy(rows)
    assert [t.label_columns for t in tables] == [["사고유형"], ["가해자연령"]]


# Layout of ONS Overseas Travel and Tourism Table 1 (ott.xls, Open Government Licence v3.0),
# cut to two columns and three months: a numbered title, a unit word at the far right, a
# group header spanning a spacer column, the year on January only, a revision mark (Jan†).
ONS_TABLE = [
    [1.0, "Overseas residents' visits to the UK by month", None, None, None, None, None],
    [None, None, None, None, None, None, "thousands"],
    [None, None, "All Visits", "All Visits", "All Visits", None, "Area of residence"],
    [None, None, "NSA", None, "SA", None, "NSA"],
    [2014.0, "Dec", 2400.5, None, 2600.0, None, 1200.0],
    [2015.0, "Jan†", 2391.6, None, 2820.0, None, 1300.0],
    [None, "Feb", 1900.2, None, 2790.0, None, 1500.0],
]


def test_numbered_title_spacer_columns_year_on_january_and_revision_marks():
    (table,) = tidy(ONS_TABLE)
    long = table.long()
    labels = table.label_columns
    assert len(long) == 9  # the spacer columns hold no values
    feb = long[long[labels[1]] == "Feb"]
    assert feb[labels[0]].unique().tolist() == ["2015"]  # the year is filled down
    assert "Jan" in long[labels[1]].tolist() and "Jan†" not in long[labels[1]].tolist()
    assert sorted(feb["value"].tolist()) == [1500.0, 1900.2, 2790.0]
    assert "Overseas residents' visits" in table.region.title


def test_summary_rows_under_the_months_are_set_aside():
    rows = [
        ["Year", "Month", "Visits"],
        [2015, "Jan", 2391.6],
        [None, "Feb", 1900.2],
        [None, "Mar", 2100.0],
        ["Latest three months", None, 6391.8],
        ["% change from year earlier", None, 5.0],
        ["Year to date", None, 6391.8],
    ]
    (table,) = tidy(rows)
    assert table.long()["value"].tolist() == [2391.6, 1900.2, 2100.0]
    assert len(table.totals) == 3
    assert [i.row for i in table.issues if i.type == "summary-row"] == [5, 6, 7]


def test_fiscal_years_across_the_top_are_not_months():
    from dadeum.engine.tables.periods import fiscal_years, is_fiscal_year, is_period

    assert is_fiscal_year("2013-14") and is_fiscal_year("1999-00") and is_fiscal_year("2013/2014")
    assert not is_fiscal_year("2013-15") and not is_fiscal_year("2013-2015")
    assert fiscal_years(["2011-12", "2012-13"]) and not fiscal_years(["2011-12", "2012-01"])
    assert is_period("2013-14")
    (table,) = tidy([["Item", "2013-14", "2014-15"], ["Rice", 1, 2], ["Wheat", 3, 4]])
    assert list(table.long().columns) == ["Item", "fiscal year", "value"]
    (table,) = tidy([["구분", "2011-12", "2012-13"], ["쌀", 1, 2]])
    assert "회계연도" in table.long().columns


def test_fiscal_years_down_the_side_stay_row_labels():
    # RBI Handbook Table 166 layout: fiscal years down, APR … MAR across; figures invented.
    rows = [["Year/Month", "APR", "MAY"], ["2013-14   ", "182", "186"], ["2014-15", "190", "-"]]
    (table,) = tidy(rows)
    long = table.long()
    assert long[table.label_columns[0]].tolist() == ["2013-14", "2013-14", "2014-15"]
    assert long["value"].tolist() == [182, 186, 190]


def test_check_names_notes_above_as_such():
    from dadeum.engine.tables.check import check_grid

    report = check_grid(make_grid(DEATHS_ARTS), sheet="arts")
    problems = {i.message for i in report.issues if i.row == 4}
    assert any("표 위에 메모" in p for p in problems)


def test_a_blank_row_inside_the_header_does_not_split_the_table():
    # Layout of ONS ott.xls Table 2 (OGL v3): group headings, a blank row, NSA | SA, values.
    rows = [
        [
            2.0,
            "Purpose of overseas residents' visits to the UK",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [None, None, None, None, None, None, None, "thousands"],
        [None, None, "All Visits", "All Visits", None, "Purpose", "Purpose", "Purpose"],
        [None, None, None, None, None, "Holiday", None, "Business"],
        [None, None, None, None, None, None, None, None],
        [None, None, "NSA", "SA", None, "NSA", None, "NSA"],
        [2012.0, "Jan", 2245.6, 2660.0, None, 708.0, None, 517.3],
        [None, "Feb", 1736.1, 2470.0, None, 538.0, None, 548.8],
    ]
    (table,) = tidy(rows)
    long = table.long()
    assert len(long) == 8
    holiday = long[long.isin(["Holiday"]).any(axis=1)]
    assert holiday["value"].tolist() == [708.0, 538.0]
