"""The 민원 분석 ribbon button and the report behind it."""

import asyncio
import re

import custom_scripts
import pytest
import xlwings as xw
import xlwings.server

from dadeum.reports.complaints import complaint_report, find_columns
from dadeum.samples.complaints import complaint_frame
from tests.conftest import book_json

NAME_AND_PHONE = re.compile(r"저는 (\S+)이고 연락처는 (\S+)입니다")


def run_script(name, payload):
    book = xw.Book(json=payload)
    response = asyncio.run(
        xlwings.server.custom_scripts_call(custom_scripts, name, typehint_to_value={xw.Book: book})
    )
    return response.json()["actions"]


@pytest.fixture(scope="module")
def minwon():
    frame = complaint_frame(200, seed=21)
    frame["접수일"] = frame["접수일"].astype(str)
    return frame


def sheet_values(frame, columns):
    return [columns, *frame[columns].to_numpy().tolist()]


def test_columns_are_found_by_their_contents(minwon):
    rows = minwon[["담당부서", "민원 내용", "접수일"]].to_numpy().tolist()
    assert find_columns(["가", "나", "다"], rows) == (1, 2, 0)


def test_ribbon_complaint_analysis_writes_every_section_on_a_new_sheet(minwon):
    values = sheet_values(minwon, ["접수일", "민원 내용", "담당부서"])
    payload = book_json({"민원목록": values}, selection=f"A1:C{len(values)}")
    actions = run_script("complaint_analysis", payload)
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["민원목록_민원분석"]
    touched = {a["sheet_position"] for a in actions if a["sheet_position"] is not None}
    assert touched == {1}  # the source sheet (0) is not written to
    text = str([a["values"] for a in actions if a["func"] == "setValues"])
    for section in ("월별 분류별 건수", "많이 나온 키워드", "반복 민원 묶음", "분류 예측 정확도"):
        assert section in text
    assert "청소행정과" in text and "시간 순 백테스트" in text
    pictures = [a for a in actions if a["func"] == "addPicture"]
    assert len(pictures) == 1 and len(pictures[0]["args"][0]) > 1000
    # No name or phone number from the 민원 reaches the sheet.
    personal = [v for t in minwon["민원 내용"] for v in NAME_AND_PHONE.findall(t)]
    assert personal
    for name, phone in personal:
        assert name not in text and phone not in text


def test_ribbon_complaint_analysis_without_dates_or_labels_still_reports(minwon):
    values = sheet_values(minwon.head(40), ["민원 내용"])
    payload = book_json({"목록": values}, selection=f"A1:A{len(values)}")
    actions = run_script("complaint_analysis", payload)
    text = str([a["values"] for a in actions if a["func"] == "setValues"])
    assert "많이 나온 키워드" in text and "월별 분류별 건수" not in text
    assert not [a for a in actions if a["func"] == "addPicture"]


def test_ribbon_complaint_analysis_without_text_says_so():
    payload = book_json({"표": [["번호", "값"], [1, 2], [3, 4]]}, selection="A1:B3")
    with pytest.raises(xw.XlwingsError, match="민원 내용"):
        run_script("complaint_analysis", payload)


def test_backtest_is_time_ordered_and_per_category(minwon):
    report = complaint_report(
        minwon["민원 내용"].tolist(), minwon["접수일"].tolist(), minwon["담당부서"].tolist()
    )
    table = report.accuracy
    assert table.iloc[-1]["분류"] == "전체"
    assert table.iloc[-1]["시험 건수"] == 60 and table.attrs["train"] == 140
    assert table.iloc[-1]["정확도"] >= 0.9
    monthly = report.monthly
    assert monthly["월"].iloc[0] == "2024-01" and monthly["합계"].sum() == 200
