"""TIDY, UNPIVOT, MR_CHECK and the 변환 ribbon scripts through xlwings' own call machinery."""

import asyncio

import custom_functions
import custom_scripts
import pytest
import xlwings as xw
import xlwings.server

from dadeum.samples.tables import dong_budget, kosis_population
from tests.conftest import book_json, office_js_call

ERROR_VALUE = {"type": "Error", "errorType": "Value"}


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


def run_script(name, payload):
    book = xw.Book(json=payload)
    response = asyncio.run(
        xlwings.server.custom_scripts_call(custom_scripts, name, typehint_to_value={xw.Book: book})
    )
    return response.json()["actions"]


def as_office_js(rows):
    """Cells as Office.js sends a range: blanks are empty strings."""
    width = max(len(row) for row in rows)
    return [[("" if v is None else v) for v in row] + [""] * (width - len(row)) for row in rows]


def test_tidy_spills_header_and_records():
    case = dong_budget()
    result = call("tidy", as_office_js(case.rows))
    assert result[0] == list(case.expected.columns)
    assert len(result) == 1 + len(case.expected)
    first = case.expected.iloc[0].tolist()
    assert result[1][:2] == first[:2]
    assert result[1][2] == pytest.approx(first[2])  # 천원 scaled to 원


def test_tidy_with_header_rows_given():
    case = kosis_population()
    body = [row for row in case.rows[2:] if any(v is not None for v in row)][:5]
    result = call("tidy", as_office_js(body), [[2]])
    assert result[0][:3] == ["행정구역별", "2022_남", "2022_여"]


def test_tidy_rejects_a_bad_header_rows_value_in_korean():
    with pytest.raises(xw.XlwingsError, match="header_rows"):
        call("tidy", [["구분", "값"], ["가", 1]], [[99]])


def test_tidy_of_an_empty_range_says_so():
    with pytest.raises(xw.XlwingsError, match="표를 찾지 못했습니다"):
        call("tidy", [["", ""], ["", ""]])


def test_unpivot_gives_one_record_per_value():
    case = kosis_population()
    result = call("unpivot", as_office_js(case.rows))
    assert result[0] == ["행정구역별", "연도", "성별", "단위", "value"]
    assert len(result) - 1 == len(case.expected_long)
    assert result[1][:3] == case.expected_long.iloc[0].tolist()[:3]


def test_unpivot_with_named_id_columns_and_unknown_names():
    rows = [["시도", "2022", "2023"], ["서울", 1, 2], ["부산", 3, 4]]
    assert call("unpivot", rows, [["시도"]]) == [
        ["시도", "연도", "value"],
        ["서울", "2022", 1],
        ["서울", "2023", 2],
        ["부산", "2022", 3],
        ["부산", "2023", 4],
    ]
    with pytest.raises(xw.XlwingsError, match="표에 없는 열 이름"):
        call("unpivot", rows, [["시군구"]])


def test_mr_check_spills_score_and_problems():
    case = dong_budget()
    result = call("mr_check", as_office_js(case.rows))
    assert result[0] == ["규칙", "셀", "값", "문제", "고치는 방법"]
    assert result[1][0] == "기계판독 점수" and result[1][3].endswith("점 / 100점")
    rules = {row[0] for row in result[2:]}
    assert {"합계·소계 행·열", "머리글이 한 행이 아님", "병합된 셀"} <= rules
    assert all(row[4] for row in result[2:])  # every problem says how to fix it


def test_mr_check_of_a_tidy_table_scores_100():
    rows = [["시도", "민원건수"], ["서울특별시", 12], ["부산광역시", 7]]
    result = call("mr_check", rows)
    assert result[1][3] == "100점 / 100점"
    assert len(result) == 2


def test_tidy_sheet_writes_new_sheets_and_leaves_the_source():
    case = dong_budget()
    payload = book_json({"현황": as_office_js(case.rows)}, selection="A1")
    actions = run_script("tidy_sheet", payload)
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == ["현황_기계판독", "현황_변환기록", "_다듬_레시피"]
    touched = {a["sheet_position"] for a in actions if a["func"] == "setValues"}
    assert 0 not in touched
    tidy_values = next(a["values"] for a in actions if a["func"] == "setValues")
    assert tidy_values[0] == list(case.expected.columns)
    log = [a["values"] for a in actions if a["func"] == "setValues"][1]
    assert log[0] == ["유형", "시트", "셀", "원래 값", "설명"]
    assert ["제목 행", "현황", "A1"] == log[1][:3]  # a Korean label, not the code


def test_tidy_sheet_reports_sheet_addresses_of_a_selection():
    grid = [[None] * 6 for _ in range(8)]
    table = [["구분", "건수"], ["가", "1,000"], ["나", "-"], ["합계", "1,000"]]
    for r, row in enumerate(table):
        grid[3 + r][2:4] = row  # the table sits at C4:D7
    payload = book_json({"민원": as_office_js(grid)}, selection="C4:D7")
    actions = run_script("tidy_sheet", payload)
    log = [a["values"] for a in actions if a["func"] == "setValues"][1]
    cells = {row[0]: row[2] for row in log[1:]}
    assert cells["합계·소계 행"] == "7행"
    assert cells["통계 기호(빈칸 처리)"] == "D6"


def test_check_sheet_writes_a_report_sheet():
    case = kosis_population()
    payload = book_json({"인구": as_office_js(case.rows)}, selection="A1")
    actions = run_script("check_sheet", payload)
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["인구_점검"]
    report = next(a["values"] for a in actions if a["func"] == "setValues")
    assert report[0][0].startswith("기계판독 점수:")
    assert report[1][:3] == ["규칙", "시트", "셀"]
