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
