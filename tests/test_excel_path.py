"""The Excel path without a web server: xlwings' own call machinery with Office.js bodies."""

import asyncio

import custom_functions
import custom_scripts
import pytest
import xlwings as xw
import xlwings.server

from tests.conftest import book_json, office_js_call


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_clean_text_single_cell():
    assert call("clean_text", [["\u3000서울\u00a0 특별시 "]]) == [["서울 특별시"]]


def test_clean_text_range_keeps_shape_blanks_and_numbers():
    args = [[" 가 ", 1.5], ["", "ＡＢ\u200b"], [None, " 다  라 "]]
    assert call("clean_text", args) == [["가", 1.5], ["", "AB"], ["", "다 라"]]


def test_error_cells_come_back_as_excel_errors():
    # Office.js sends an error cell as a data-type object (allowErrorForDataTypeAny).
    error_cell = {"type": "Error", "basicValue": "#DIV/0!", "errorType": "Div0"}
    assert call("clean_text", [[error_cell, " x "]]) == [
        [{"type": "Error", "errorType": "Div0"}, "x"]
    ]


def test_single_cell_failure_is_a_readable_error():
    with pytest.raises(xw.XlwingsError, match="32,767"):
        call("clean_text", [["x" * 33_000]])


def run_script(name, book_payload):
    book = xw.Book(json=book_payload)
    response = asyncio.run(
        xlwings.server.custom_scripts_call(custom_scripts, name, typehint_to_value={xw.Book: book})
    )
    return response.json()["actions"]


def test_clean_sheet_writes_a_new_sheet_and_leaves_the_source():
    payload = book_json({"민원": [["이름 ", "내용"], ["\u3000홍길동", "도로\u00a0파손"]]})
    actions = run_script("clean_sheet", payload)
    added = [a for a in actions if a["func"] == "addSheet"]
    assert added and added[0]["args"][1] == "민원_정리"
    writes = [a for a in actions if a["func"] == "setValues"]
    # Position 2 is the hidden recipe sheet the step is recorded in; the source (0) is untouched.
    assert writes and all(w["sheet_position"] in (1, 2) for w in writes)
    assert writes[0]["values"] == [["이름", "내용"], ["홍길동", "도로 파손"]]


def test_clean_sheet_never_reuses_an_existing_sheet_name():
    payload = book_json({"민원": [["a ", "b"]], "민원_정리": [["keep"]]})
    actions = run_script("clean_sheet", payload)
    added = [a for a in actions if a["func"] == "addSheet"]
    assert added[0]["args"][1] == "민원_정리 (2)"


def test_clean_sheet_on_an_empty_sheet_says_so_in_korean():
    with pytest.raises(xw.XlwingsError, match="데이터가 없습니다"):
        run_script("clean_sheet", book_json({"빈 시트": [[None]]}))
