"""The fast .xlsx reader (calamine) hands the engine exactly what openpyxl would."""

import datetime as dt

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from dadeum import fileio
from dadeum.samples.tables import all_cases

CASES = {case.name: case for case in all_cases()}


def _same(path, sheet=None):
    fast = fileio._read_excel(path, sheet)
    slow = fileio._read_excel_openpyxl(path, sheet)
    assert fast.sheet == slow.sheet
    assert fast.merges == slow.merges
    assert fast.frame.shape == slow.frame.shape
    for fast_row, slow_row in zip(fast.frame.values, slow.frame.values, strict=True):
        for a, b in zip(fast_row, slow_row, strict=True):
            # calamine reads a cell of only spaces as empty; both are blank to the engine.
            b = None if isinstance(b, str) and not b.strip() else b
            assert type(a) is type(b) and (a == b or (a is None and b is None)), (a, b)
    return fast


def test_every_kind_of_cell_reads_the_same(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "자료"
    sheet.append(["제목", None, None, None])
    sheet.append(["정수", 2538, -7, 0])
    sheet.append(["실수", 12.5, -0.125, 1e20])
    sheet.append(["날짜", dt.datetime(2023, 3, 5), dt.datetime(2023, 3, 5, 14, 30), None])
    sheet.append(["시각", dt.time(9, 30), None, "  "])
    sheet.append(["논리", True, False, "TRUE"])
    sheet.append(["글자", "1,234원", "04524", "=수식처럼 보이는 글자"])
    sheet.append([None, None, None, None])
    sheet.append(["주", "표 아래 주석", None, None])
    sheet.merge_cells("A1:D1")
    book.create_sheet("둘째")["B2"] = 3.0
    path = tmp_path / "cells.xlsx"
    book.save(path)
    table = _same(path)
    assert table.frame.iloc[1, 1] == 2538 and isinstance(table.frame.iloc[1, 1], int)
    _same(path, "둘째")


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_tables_read_the_same(tmp_path, name):
    case = CASES[name]
    book = Workbook()
    for row in case.rows:
        book.active.append(list(row))
    for merge in case.merges:
        book.active.merge_cells(
            f"{get_column_letter(merge.left)}{merge.top}:"
            f"{get_column_letter(merge.right)}{merge.bottom}"
        )
    path = tmp_path / f"{name}.xlsx"
    book.save(path)
    _same(path)


def test_a_missing_sheet_is_named_with_the_sheets_there_are(tmp_path):
    book = Workbook()
    book.active.title = "1월"
    path = tmp_path / "months.xlsx"
    book.save(path)
    with pytest.raises(fileio.InputFileError, match=r"'2월' 시트가 없습니다.*'1월'"):
        fileio.read_table(path, sheet="2월")


def test_sheet_names_match_openpyxl_hidden_sheets_included(tmp_path):
    import openpyxl

    book = Workbook()
    book.active.title = "표지"
    book.create_sheet("3월")
    book.create_sheet("_숨김").sheet_state = "hidden"
    book.create_sheet("4월")
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    assert fileio.sheet_names(path) == openpyxl.load_workbook(path, read_only=True).sheetnames
    assert fileio.read_table(path, sheet="4월").sheet == "4월"


def test_a_file_that_is_not_a_workbook_gets_a_korean_error(tmp_path):
    path = tmp_path / "가짜.xlsx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(fileio.InputFileError, match="엑셀 파일을 열 수 없습니다"):
        fileio.sheet_names(path)
    with pytest.raises(fileio.InputFileError, match="엑셀 파일을 열 수 없습니다"):
        fileio.read_table(path)


def test_an_xlsx_workbook_under_an_xls_name_is_read_by_its_content(tmp_path, monkeypatch):
    # systems export .xlsx workbooks named .xls (the 민주주의 서울 downloads are such files)
    book = Workbook()
    book.active.title = "제안"
    book.active.append(["제안번호", "제안내용"])
    book.active.append([1, "공영주차장 요금 인하"])
    path = tmp_path / "제안 정보.xls"
    book.save(path)
    assert fileio.sheet_names(path) == ["제안"]
    assert fileio.read_table(path).frame.iloc[1, 1] == "공영주차장 요금 인하"
    # and with openpyxl alone (no calamine), which refuses the name but not the bytes
    monkeypatch.setattr(fileio, "_calamine_book", lambda path: None)
    assert fileio.sheet_names(path) == ["제안"]
    assert fileio.read_table(path).frame.iloc[1, 1] == "공영주차장 요금 인하"
