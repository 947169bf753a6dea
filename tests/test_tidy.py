"""Machine-readable conversion against the generated corpus of messy Korean tables."""

import pandas as pd
import pytest

from dadeum.engine.tables.grid import make_grid, spread_merges
from dadeum.engine.tables.regions import find_tables
from dadeum.engine.tables.tidy import tidy_grid
from dadeum.samples.tables import all_cases

CASES = {case.name: case for case in all_cases()}


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Compare by value: numbers as floats, blanks as None, a fresh index."""
    out = frame.reset_index(drop=True).astype(object)
    return out.map(lambda v: None if pd.isna(v) else float(v) if isinstance(v, (int, float)) else v)


def assert_same(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(actual.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(normalise(actual), normalise(expected), check_dtype=False)


@pytest.mark.parametrize("with_merges", [True, False], ids=["merge-info", "values-only"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_table_becomes_its_tidy_answer(name, with_merges):
    case = CASES[name]
    grid = make_grid(case.rows)
    if with_merges:
        grid = spread_merges(grid, case.merges)
    tables = tidy_grid(grid, sheet="Sheet1")
    assert len(tables) == 1
    table = tables[0]
    assert table.label_columns == case.label_columns
    assert_same(table.data, case.expected)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_long_form(name):
    case = CASES[name]
    table = tidy_grid(spread_merges(make_grid(case.rows), case.merges))[0]
    long = table.long()
    long = long.drop(columns=[c for c in long.columns if c == "단위"])
    assert_same(long, case.expected_long)


def test_every_step_reports_excel_coordinates():
    case = CASES["kosis_population"]
    table = tidy_grid(make_grid(case.rows), sheet="인구")[0]
    by_type = {}
    for issue in table.issues:
        by_type.setdefault(issue.type, []).append(issue)
    assert by_type["title-row"][0].cell == "A1"
    assert by_type["unit-row"][0].cell == "G2"
    assert by_type["multi-row-header"][0].row == 3
    assert [i.row for i in by_type["total-row"]] == [5]
    assert {i.cell for i in by_type["total-column"]} == {"B열", "E열"}
    assert by_type["note-row"][0].cell == "A24"
    assert all(issue.sheet == "인구" for issue in table.issues)


def test_totals_are_kept_aside_not_lost():
    case = CASES["dong_budget"]
    table = tidy_grid(spread_merges(make_grid(case.rows), case.merges))[0]
    assert len(table.totals) == 1 + len({gu for gu in case.expected["구분"]})
    assert "합계" in set(table.totals["구분"])


def test_two_tables_on_one_sheet_are_found_separately():
    first, second = CASES["monthly_accidents"], CASES["already_tidy"]
    rows = [*first.rows, [None], [None], *second.rows]
    tables = tidy_grid(make_grid(rows))
    assert len(tables) == 2
    assert_same(tables[0].data, first.expected)
    assert_same(tables[1].data, second.expected)


def test_side_by_side_tables_split_on_the_blank_column():
    left = [["구분", "남", "여"], ["가", 1, 2], ["나", 3, 4]]
    right = [["지역", "건수"], ["서울", 5], ["부산", 6]]
    rows = [[*a, None, *b] for a, b in zip(left, right, strict=True)]
    regions = find_tables(make_grid(rows))
    assert [(r.left, r.right) for r in regions] == [(1, 3), (5, 6)]


def test_empty_grid_has_no_tables():
    assert tidy_grid(make_grid([[None, None], [" ", "\u3000"]])) == []
