"""The 정리 ribbon script through xlwings' own call machinery, with Office.js book payloads."""

import asyncio

import custom_scripts
import xlwings as xw
import xlwings.server

from tests.conftest import book_json


def run_clean(payload) -> list[dict]:
    book = xw.Book(json=payload)
    response = asyncio.run(
        xlwings.server.custom_scripts_call(
            custom_scripts, "clean_sheet", typehint_to_value={xw.Book: book}
        )
    )
    return response.json()["actions"]


def sheet_grid() -> list[list]:
    """A sheet whose table sits at B2:E9, with a note in A1 and a total in G11 around it."""
    grid = [[None] * 7 for _ in range(11)]
    grid[0][0] = "메모: 3월분"
    grid[10][6] = "합계"
    table = [
        ["구분 ", "금액", "접수일", "연락처"],
        ["민원\u00a0가", "1,000원", "2023. 3. 5.", "010-1234-5678"],
        ["민원 나", "확인중", "20230306", "02)123-4567"],
        ["민원 다", "-", "2023-03-07", "1588-1234"],
        ["민원 라", "4,000", "2023/03/08", "01012345678"],
        ["민원 마", "5,000", "2023년 3월 9일", "031 123 4567"],
        ["민원 바", "6,000", "2023.3.10", "010-2345-6789"],
        ["민원 사", "7,000", "2023. 3. 11.", "02-987-6543"],
    ]
    for r, row in enumerate(table):
        grid[1 + r][1 : 1 + len(row)] = row
    return grid


def values_written(actions, sheet_position):
    return [
        a["values"]
        for a in actions
        if a["func"] == "setValues" and a["sheet_position"] == sheet_position
    ]


def test_selection_is_cleaned_into_a_new_sheet_and_the_source_is_untouched():
    payload = book_json({"현황": sheet_grid(), "참고": [[1]]}, selection="B2:E9")
    actions = run_clean(payload)
    assert [a["args"] for a in actions if a["func"] == "addSheet"] == [
        [1, "현황_정리"],
        [2, "현황_정리_확인"],
        [4, "_다듬_레시피"],  # the hidden recipe sheet, after the last sheet
    ]
    # Nothing is written to the source sheet (position 0) or to the other sheet.
    touched = {a["sheet_position"] for a in actions if a["sheet_position"] is not None}
    assert 0 not in touched and touched <= {1, 2, 4}
    [cleaned] = values_written(actions, 1)
    assert cleaned == [
        ["구분", "금액", "접수일", "연락처"],
        ["민원 가", 1000, "2023-03-05", "010-1234-5678"],
        ["민원 나", "확인중", "2023-03-06", "02-123-4567"],
        ["민원 다", "", "2023-03-07", "1588-1234"],
        ["민원 라", 4000, "2023-03-08", "010-1234-5678"],
        ["민원 마", 5000, "2023-03-09", "031-123-4567"],
        ["민원 바", 6000, "2023-03-10", "010-2345-6789"],
        ["민원 사", 7000, "2023-03-11", "02-987-6543"],
    ]
    assert actions[-1]["func"] == "activateSheet" and actions[-1]["args"] == [1]


def test_review_sheet_lists_issues_at_their_source_addresses():
    payload = book_json({"현황": sheet_grid()}, selection="B2:E9")
    actions = run_clean(payload)
    [review] = values_written(actions, 2)
    assert review[0] == ["유형", "시트", "셀", "원래 값", "설명"]
    # 확인중 sits in C4 and "-" in C5 of the source sheet (the table starts at B2).
    assert [row[:4] for row in review[1:]] == [
        ["숫자가 아님", "현황", "C4", "확인중"],  # Korean labels, not the codes
        ["통계 기호(빈칸 처리)", "현황", "C5", "-"],
    ]
    assert all(row[4] for row in review[1:])  # every issue has a reason


def test_number_and_date_columns_get_formats_before_their_values():
    payload = book_json({"현황": sheet_grid()}, selection="B2:E9")
    actions = run_clean(payload)
    on_result = [a for a in actions if a["sheet_position"] == 1]
    formats = {
        (a["start_row"], a["start_column"], a["row_count"], a["column_count"]): a["args"][0]
        for a in on_result
        if a["func"] == "setNumberFormat"
    }
    assert formats[(1, 1, 7, 1)] == "#,##0"
    assert formats[(1, 2, 7, 1)] == "yyyy-mm-dd"
    assert formats[(1, 3, 7, 1)] == "@"  # phone numbers stay text
    assert formats[(0, 0, 1, 4)] == "@"  # so does the header
    first_values = next(i for i, a in enumerate(on_result) if a["func"] == "setValues")
    assert all(i < first_values for i, a in enumerate(on_result) if a["func"] == "setNumberFormat")


def test_one_selected_cell_cleans_the_table_around_it():
    # The note in A1 and the stray 합계 in G11 are not part of the table at B2:E9.
    payload = book_json({"현황": sheet_grid()}, selection="C3")
    actions = run_clean(payload)
    [cleaned] = values_written(actions, 1)
    assert len(cleaned) == 8 and len(cleaned[0]) == 4
    assert cleaned[0] == ["구분", "금액", "접수일", "연락처"]


def test_without_issues_there_is_no_review_sheet():
    payload = book_json(
        {"명단": [["성명", "전화"], ["홍길동", "010 1234 5678"]]}, selection="A1:B2"
    )
    actions = run_clean(payload)
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == ["명단_정리", "_다듬_레시피"]
    assert values_written(actions, 1) == [[["성명", "전화"], ["홍길동", "010-1234-5678"]]]


def test_review_sheet_name_is_unique_too():
    payload = book_json(
        {"현황": sheet_grid(), "현황_정리": [[1]], "현황_정리_확인": [[1]]}, selection="B2:E9"
    )
    actions = run_clean(payload)
    names = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert names[:2] == ["현황_정리 (2)", "현황_정리_확인 (2)"]
