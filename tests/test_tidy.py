"""Machine-readable conversion against the generated corpus of messy Korean tables."""

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dadeum.engine.tables.grid import make_grid, spread_merges
from dadeum.engine.tables.header import (
    header_row_count,
    is_total_label,
    label_column_count,
    read_cells,
)
from dadeum.engine.tables.names import language_of, level_names, value_kind
from dadeum.engine.tables.regions import find_tables
from dadeum.engine.tables.tidy import (
    convert_values,
    drop_empty_lines,
    fill_group_labels,
    set_aside_total_rows,
    tidy_grid,
)
from dadeum.engine.tables.units import parse_unit
from dadeum.samples.tables import all_cases, big_messy_table

CASES = {case.name: case for case in all_cases()}
UNIT_COLUMNS = ("단위", "unit")


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Compare by value: numbers as floats, blanks as None, a fresh index."""
    out = frame.reset_index(drop=True).astype(object)
    return out.map(lambda v: None if pd.isna(v) else float(v) if isinstance(v, (int, float)) else v)


def assert_same(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(actual.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(normalise(actual), normalise(expected), check_dtype=False)


def tidy_case(case, with_merges=True):
    grid = make_grid(case.rows)
    if with_merges:
        grid = spread_merges(grid, case.merges)
    return tidy_grid(grid, sheet="Sheet1")


@pytest.mark.parametrize("with_merges", [True, False], ids=["merge-info", "values-only"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_table_becomes_its_tidy_answer(name, with_merges):
    case = CASES[name]
    tables = tidy_case(case, with_merges)
    assert len(tables) == len(case.tables)
    for table, answer in zip(tables, case.tables, strict=True):
        assert table.label_columns == answer.label_columns
        assert_same(table.data, answer.expected)
        assert table.units == answer.units


@pytest.mark.parametrize("with_merges", [True, False], ids=["merge-info", "values-only"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_long_form(name, with_merges):
    case = CASES[name]
    for table, answer in zip(tidy_case(case, with_merges), case.tables, strict=True):
        long = table.long()
        units = [c for c in long.columns if c in UNIT_COLUMNS]
        if answer.units:
            assert units == [UNIT_COLUMNS[table.language == "en"]]
            assert list(long.columns[-2:]) == [*units, "value"]
        else:
            assert units == []
        assert_same(long.drop(columns=units), answer.expected_long)


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


# ---- issues: coordinates and Korean messages for the new cases ------------------------------


def issues_by_type(table):
    found = {}
    for issue in table.issues:
        found.setdefault(issue.type, []).append(issue)
    return found


def test_provisional_year_label_is_reported_where_it_was():
    table = tidy_case(CASES["kosis_timeseries"], with_merges=False)[0]
    marks = issues_by_type(table)["provisional-mark"]
    assert [i.cell for i in marks] == ["A7"]
    assert marks[0].message == "'2023 p)'에서 잠정치 표시를 빼고 '2023'으로 적었습니다."
    assert list(table.data["시점"]) == ["2019", "2020", "2021", "2022", "2023"]


def test_spacer_column_and_blank_rows_are_reported_and_dropped():
    spacer = issues_by_type(tidy_case(CASES["spacer_column"])[0])
    assert [i.cell for i in spacer["empty-column"]] == ["D열"]
    staff = issues_by_type(tidy_case(CASES["staff_with_blank_rows"])[0])
    assert [i.cell for i in staff["empty-row"]] == ["6행", "10행"]
    assert [i.cell for i in staff["note-row"]] == ["A16", "A17"]


def test_a_header_spanning_every_column_names_the_level_below():
    table = tidy_case(CASES["taas_accident_types"], with_merges=False)[0]
    named = issues_by_type(table)["header-level-named"]
    assert named[0].value == "사고유형" and named[0].cell == "3행"
    assert table.level_titles == {0: "사고유형"}
    assert {i.cell for i in issues_by_type(table)["total-column"]} == {"B열", "C열", "D열"}


def test_units_are_applied_per_column_and_reported():
    table = tidy_case(CASES["million_won_budget"])[0]
    applied = issues_by_type(table)["unit-applied"]
    assert [i.cell for i in applied] == ["B열", "C열", "D열"]  # not 증감률(%) in E
    assert applied[0].message == (
        "'2023년 예산'은 백만원 단위라서 원 단위로 환산했습니다(×1,000,000)."
    )


def test_generic_label_header_is_named_after_its_values():
    table = tidy_case(CASES["months_by_years"])[0]
    named = issues_by_type(table)["label-column-named"]
    assert named[0].cell == "A열"
    assert named[0].message == "'구분'이라는 열 이름을 값에 맞게 '월'로 바꿨습니다."


def test_text_column_among_values_is_reported_and_kept():
    table = tidy_case(CASES["facilities_with_remarks"])[0]
    (issue,) = issues_by_type(table)["text-column"]
    assert (
        issue.cell == "F열"
        and issue.message == "'비고'는 숫자 열이 아니라서 값을 그대로 두었습니다."
    )
    assert table.attribute_columns == ["비고"]
    assert table.data["준공연도"].dtype == float  # years as values, not labels


def test_placeholders_are_reported_cell_by_cell():
    table = tidy_case(CASES["placeholder_symbols"])[0]
    cells = [i.cell for i in issues_by_type(table)["placeholder"]]
    assert cells[:3] == ["B6", "C6", "D6"]  # x, x, … in 농업, 임업 및 어업
    assert "not-a-number" not in issues_by_type(table)


def test_every_issue_has_a_known_type_and_korean_message():
    hangul = re.compile("[가-힣]")
    for case in CASES.values():
        for table in tidy_case(case):
            for issue in table.issues:
                assert re.fullmatch(r"[a-z]+(-[a-z]+)*", issue.type)
                assert hangul.search(issue.message), issue
                assert issue.row is None or issue.row >= 1
                assert issue.column is None or issue.column >= 1


def test_footnote_marks_and_unit_rows_in_headers():
    table = tidy_case(CASES["yearbook_table"], with_merges=False)[0]
    found = issues_by_type(table)
    assert [(i.cell, i.message) for i in found["footnote-mark"]] == [
        ("C2", "머리글 '인구1)'에서 주석 표시(1)을 뺐습니다.")
    ]
    assert table.region.unit == "세대, 명"  # read from inside the title
    assert [i.cell for i in found["unit-row"]] == ["A1"]


def test_section_rows_become_a_group_column():
    table = tidy_case(CASES["budget_sections"])[0]
    found = issues_by_type(table)["section-row"]
    assert [i.cell for i in found] == ["5행", "10행"]
    assert (
        found[0].message == "값이 하나도 없는 행 '일반회계'는 아래 행들의 상위 구분으로 옮겼습니다."
    )


# ---- each verb alone -------------------------------------------------------------------------


def test_find_tables_continues_across_a_blank_row_but_not_into_a_new_header():
    rows = [["구분", "값"], ["가", 1], [None, None], ["나", 2], [None, None],
            ["지역", "건수"], ["서울", 3]]  # fmt: skip
    regions = find_tables(make_grid(rows))
    assert [(r.top, r.bottom) for r in regions] == [(1, 4), (6, 7)]


def test_find_tables_reads_english_units_and_notes():
    rows = [["Table 2. Births"], [None, "(Unit: persons)"], ["Year", "Births"], [2022, 10],
            [2023, 12], ["Notes: provisional"], ["Sources: KOSTAT"]]  # fmt: skip
    (region,) = find_tables(make_grid(rows))
    assert region.unit == "persons"
    assert [text for _, _, text in region.notes] == ["Notes: provisional", "Sources: KOSTAT"]


def test_drop_empty_lines_alone():
    grid = make_grid([["a", None, 1], [None, None, None], ["b", None, 2]])
    assert drop_empty_lines(grid).shape == (2, 2)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["코드", "이름", "값"], [11110, "가", 1], [11140, "나", 2]], 2),  # codes before names
        ([["연도", "값"], [2022, 1], [2023, 2]], 1),  # distinct years
        ([["인구", "세대"], [12345, 6789], [23456, 7890]], 0),  # numbers, no label column
        ([["구분", "인구", "비고"], ["가", 10, None], ["나", 20, "메모"]], 1),  # not 비고
        ([["번호", "인구", "세대"], [1, 100, 50], [2, 200, 90]], 1),  # 번호 says so
    ],
)
def test_label_column_count(rows, expected):
    block = make_grid(rows)
    _, kinds, _ = read_cells(block)
    assert label_column_count(kinds, block) == expected


def test_header_row_count_sees_years_beside_text():
    block = make_grid([["산업", "사업체", None, None], [None, "2022", "2023", "증감"],
                       ["가", "1", "2", "1"], ["나", "3", "4", "1"]])  # fmt: skip
    _, kinds, _ = read_cells(block)
    assert header_row_count(block, kinds, label_column_count(kinds, block)) == 2


@pytest.mark.parametrize(
    ("label", "total"),
    [("합계", True), ("소 계", True), ("종로구 계", True), ("(소계)", True), ("Total", True),
     ("Both sexes", True), ("합계출산율", False), ("계약", False), ("Totally", False)],
)  # fmt: skip
def test_is_total_label(label, total):
    assert is_total_label(label) is total


@pytest.mark.parametrize(
    ("text", "expected"),
    [("천원", ("원", 1000)), ("백만원", ("원", 1_000_000)), ("thousand persons", ("persons", 1000)),
     ("1,000 persons", ("persons", 1000)), ("KRW million", ("KRW", 1_000_000)), ("%", ("%", 1)),
     ("명, 세대", None), ("잠정", None)],
)  # fmt: skip
def test_parse_unit(text, expected):
    assert parse_unit(text) == expected


@pytest.mark.parametrize(
    ("values", "kind"),
    [(["2022", "2023 p)", "2024년"], "year"), (["1월", "2월"], "month"),
     (["1/4분기", "2/4분기"], "quarter"), (["Q1", "Q2"], "quarter"), (["남", "여"], "sex"),
     (["Male", "Female"], "sex"), (["서울특별시", "부산광역시", "전국"], "sido"),
     (["종로구", "중구"], "sigungu"), (["청운효자동", "명동", "합계"], "eupmyeondong"),
     (["희망리", "연봉리"], "ri"), (["발생건수", "사망자수"], None)],
)  # fmt: skip
def test_value_kind(values, kind):
    assert value_kind(values) == kind


def test_level_names_in_korean_and_english():
    levels = [["2022", "남"], ["2022", "여"], ["2023", "남"]]
    assert level_names(levels, {}, ["시도"], "ko") == ["연도", "성별"]
    assert level_names([["2022", "x"], ["2023", "y"]], {}, [], "en") == ["year", "item"]
    assert level_names([["a", "x"], ["b", "y"]], {}, ["항목1"], "ko") == ["항목12", "항목2"]
    assert language_of(["Region", "Seoul", "2022"]) == "en"
    assert language_of(["Region", "서울"]) == "ko"


def test_fill_group_labels_alone_reports_each_cell():
    log = []
    labels = pd.DataFrame({1: ["서울", None, "부산"], 2: ["종로구", "중구", "해운대구"]},
                          index=[5, 6, 7], dtype=object)  # fmt: skip
    filled = fill_group_labels(labels, lambda *issue: log.append(issue))
    assert list(filled[1]) == ["서울", "서울", "부산"]
    assert list(labels[1]) == ["서울", None, "부산"]  # not mutated
    assert log == [("row-label-filled", "병합된 '서울'을 채웠습니다.", 6, 1, "서울")]


def test_set_aside_total_rows_alone():
    frame = pd.DataFrame({"구분": ["합계", "가", "나 소계"], "값": [3, 1, 2]})
    kept, totals = set_aside_total_rows(frame, ["구분"])
    assert list(kept["구분"]) == ["가"] and list(totals["구분"]) == ["합계", "나 소계"]


def test_convert_values_alone_scales_without_float_noise():
    values = pd.Series(["123.4", "△1,000", "-", "x", "비고"], index=[3, 4, 5, 6, 7], dtype=object)
    log = []
    out = convert_values(values, 1000, lambda *issue: log.append(issue), column=2)
    assert out.tolist()[:2] == [123400.0, -1_000_000.0]
    assert out[2] is None and out[3] is None and out[4] == "비고"
    assert [(kind, row) for kind, _, row, *_ in log] == [
        ("placeholder", 5),
        ("placeholder", 6),
        ("not-a-number", 7),
    ]


def test_to_long_keeps_text_columns_as_labels_and_adds_units():
    table = tidy_case(CASES["facilities_with_remarks"])[0]
    long = table.long()
    assert list(long.columns) == ["시설명", "소재지", "비고", "항목", "단위", "value"]
    assert set(long["단위"].dropna()) == {"㎡", "명"}
    assert long["단위"].isna().sum() == len(table.data)  # 준공연도 has no unit


def test_english_table_gets_english_long_names():
    table = tidy_case(CASES["english_population"])[0]
    assert table.language == "en"
    assert list(table.long().columns) == ["Region", "year", "sex", "unit", "value"]


def test_big_messy_table_at_a_small_size():
    case = big_messy_table(rows=120, columns=8, seed=3)
    for with_merges in (True, False):
        (table,) = tidy_case(case, with_merges)
        assert table.label_columns == case.label_columns
        assert table.units == case.units
        assert_same(table.data.iloc[: len(case.expected)], case.expected)
        assert len(table.totals) == 6  # one 소계 per 19 rows
        assert len(table.data) == 120 - 6


def test_benchmark_runs_at_a_tiny_size():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_tidy", "--rows", "60", "--cols", "6"],
        capture_output=True, text=True, timeout=300, check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for step in ("pd.read_excel", "read_table", "tidy_grid", "read + tidy"):
        assert step in result.stdout
    assert "CPU s" in result.stdout and "s CPU" in result.stdout  # CPU time beside wall


@pytest.mark.parametrize(
    ("rows", "columns", "records"),
    [
        ([["인구"], [1], [2]], ["인구"], 2),  # a lone header over numbers is not a title
        ([["2023 인구 현황"], [None], ["인구"], [1], [2]], ["인구"], 2),
        ([["이름", "주소"], ["가", "서울"], ["나", "부산"]], ["이름", "주소"], 2),  # labels only
        ([["a", "b", "c"]], ["a", "b", "c"], 0),  # a header and nothing else
    ],
)
def test_small_and_odd_tables_do_not_break(rows, columns, records):
    (table,) = tidy_grid(make_grid(rows))
    assert list(table.data.columns) == columns
    assert len(table.data) == records
    assert list(table.long().columns)[-1] == "value"
