"""Every ribbon button through the real route: ``dadeum serve`` on loopback, the book payload
Office.js posts, selections made the way officials make them (column letters, row numbers,
one cell in the table), on sheets laid out like real downloads (``dadeum.samples.sheets``)."""

import json

import httpx
import pytest

from dadeum.engine.privacy.keys import create_key
from dadeum.samples.sheets import complaint_board, crime_sheet, station_sheet, taas_sheet
from tests.conftest import book_json, running_server

SCRIPTS = "/xlwings/custom-scripts-call/"
TABLE_BUTTONS = ["clean_sheet", "tidy_sheet", "check_sheet", "pseudonymize_sheet"]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    keys = tmp_path_factory.mktemp("keys")
    create_key(folder=keys)
    with running_server(env={"DADEUM_KEY_DIR": str(keys), "DADEUM_KEY_NAME": ""}) as url:
        yield url


def call(base: str, script: str, payload: dict) -> httpx.Response:
    return httpx.post(base + SCRIPTS + script, json=payload, timeout=120)


def actions_of(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text[:500]
    return response.json()["actions"]


def added(actions) -> list[str]:
    return [a["args"][1] for a in actions if a["func"] == "addSheet"]


def written(actions, name: str) -> list[list]:
    """The values written to the new sheet called ``name``."""
    position = next(a["args"][0] for a in actions if a["func"] == "addSheet"
                    and a["args"][1] == name)  # fmt: skip
    [values] = [a["values"] for a in actions
                if a["func"] == "setValues" and a["sheet_position"] == position]  # fmt: skip
    return values


def formats_on(actions, name: str) -> dict[int, str]:
    """Number format of each column (0-based) below the header of sheet ``name``."""
    position = next(a["args"][0] for a in actions if a["func"] == "addSheet"
                    and a["args"][1] == name)  # fmt: skip
    return {
        a["start_column"] + j: a["args"][0]
        for a in actions
        if a["func"] == "setNumberFormat" and a["sheet_position"] == position and a["start_row"]
        for j in range(a["column_count"])
    }


# -- whole columns and whole rows ------------------------------------------------------------


@pytest.mark.parametrize("script", TABLE_BUTTONS)
@pytest.mark.parametrize("selection", ["A:J", "1:1048576", "A1:XFD1048576", "A:XFD"])
def test_whole_columns_or_rows_write_only_as_much_as_the_data(base, script, selection):
    rows = station_sheet(50)
    response = call(base, script, book_json({"주유소": rows}, selection=selection))
    actions = actions_of(response)
    assert len(response.content) < 200_000
    sized = [a for a in actions if a.get("row_count")]
    assert sized, "nothing written"
    # The result is as large as the table (a report lists at most 50 cells a rule); nothing
    # reaches towards the sheet's 1,048,576 rows or 16,384 columns.
    limit = 1000 if script == "check_sheet" else len(rows) + 3
    assert max(a["row_count"] for a in sized) <= limit
    assert max(a["column_count"] for a in sized) <= len(rows[1]) + 2
    assert 0 not in {a["sheet_position"] for a in actions if a["func"] == "setValues"}


def test_whole_columns_for_a_forecast_use_the_dated_rows_only(base):
    days = [["일자", "교통량"]] + [
        [f"2024-{1 + d // 28:02d}-{1 + d % 28:02d}", 40000 + (d % 7) * 1500 + d * 10]
        for d in range(28 * 6)
    ]
    actions = actions_of(call(base, "forecast_sheet", book_json({"교통량": days}, selection="A:B")))
    sized = [a for a in actions if a.get("row_count")]
    assert max(a["row_count"] for a in sized) < 300  # 168 days + 28 forecast + the notes


# -- one cell: the table around it -----------------------------------------------------------


def test_pseudonymising_from_one_cell_takes_the_header_under_the_title(base):
    rows = station_sheet(20)
    actions = actions_of(call(base, "pseudonymize_sheet", book_json({"주유소": rows},
                                                                    selection="C5")))  # fmt: skip
    result = written(actions, "주유소_가명")
    assert result[0] == rows[1]  # 지역, 상호, 주소, … — not 열2 … 열10 under the title
    assert "지역_위치별(주유소)" not in json.dumps(result, ensure_ascii=False)
    assert len(result) == 21
    review = json.dumps(written(actions, "주유소_적정성검토"), ensure_ascii=False)
    assert "열2" not in review and "전화번호" in review


def test_cleaning_from_one_cell_leaves_the_title_out(base):
    rows = station_sheet(20)
    actions = actions_of(call(base, "clean_sheet", book_json({"주유소": rows}, selection="B7")))
    result = written(actions, "주유소_정리")
    assert result[0] == rows[1] and len(result) == 21


# -- selections without a table --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sheet", "selection", "scripts", "words"),
    [
        ([["가", "나"], ["다", "라"]], "F:H", TABLE_BUTTONS, "데이터가 없습니다"),
        ([[None, None], [None, None]], "A1:B2", TABLE_BUTTONS, "데이터가 없습니다"),
        ([["민원"]], "A1", TABLE_BUTTONS, "값이 하나뿐"),
        ([["제목", None], [None, 3]], "A1:B2", ["check_sheet", "tidy_sheet"], "표를 찾지"),
        ([["사과"], ["배"], ["포도"], ["감"]], "A:A", ["check_sheet", "tidy_sheet"], "표를 찾지"),
        ([["성명", "전화"]], "A1:B1", ["pseudonymize_sheet", "check_sheet"], "값이 없습니다"),
    ],
)
def test_a_selection_without_a_table_is_refused_in_korean_and_writes_nothing(
    base, sheet, selection, scripts, words
):
    for script in scripts:
        response = call(base, script, book_json({"시트1": sheet}, selection=selection))
        assert response.status_code == 400, (script, response.text[:300])
        assert words in response.text, (script, response.text)
        assert "actions" not in response.text


# -- headers stay headers, number formats fit ------------------------------------------------


def test_cleaning_a_two_row_header_keeps_both_rows_as_text(base):
    rows = taas_sheet()
    actions = actions_of(call(base, "clean_sheet", book_json({"TAAS": rows}, selection="A:F")))
    result = written(actions, "TAAS_정리")
    assert result[0] == ["구분", "2014년", "2014년", "2014년", "2014년", "2014년"]
    assert result[1] == ["구분", "합계", "20세이하", "21-30세", "31-40세", "41-50세"]
    assert "TAAS_정리_확인" not in added(actions)  # the header is not a list of failed numbers
    recipe = written(actions, "_다듬_레시피")
    assert any(row[1] == "2014년_20세이하" and row[3] == "number" for row in recipe)


def test_years_and_complaint_numbers_get_no_thousands_separator(base):
    crime = actions_of(call(base, "clean_sheet", book_json({"범죄": crime_sheet()},
                                                          selection="B4")))  # fmt: skip
    formats = formats_on(crime, "범죄_정리")
    assert formats[0] == "0"  # 기간: 2014, not 2,014
    assert formats[2] == "#,##0"  # counts keep their separators
    board = actions_of(call(base, "clean_sheet", book_json({"민원": complaint_board()},
                                                          selection="A:F")))  # fmt: skip
    formats = formats_on(board, "민원_정리")
    assert formats[0] == "0"  # 번호 97674
    assert formats[3] == "yyyy-mm-dd" and formats[4] == "@" and formats[5] == "@"
    assert written(board, "민원_정리")[1][5].startswith("0")  # 우편번호 keeps its zero


def test_replaying_a_clean_recipe_keeps_the_two_row_header(base):
    rows = crime_sheet()
    first = actions_of(call(base, "clean_sheet", book_json({"범죄": rows}, selection="A:J")))
    recipe = written(first, "_다듬_레시피")
    payload = book_json({"범죄": rows, "_다듬_레시피": recipe}, selection="A:J")
    replayed = written(actions_of(call(base, "replay_recipe", payload)), "범죄_레시피")
    cleaned = written(first, "범죄_정리")
    # The two header rows as 정리 wrote them (살인 over 발생/검거), then every data row.
    assert replayed[:2] == cleaned[:2]
    assert replayed[0][4] == "살인" and replayed[1][4:6] == ["발생", "검거"]
    assert len(replayed) == len(cleaned)


# -- readable result sheets ------------------------------------------------------------------


def sheet_actions(actions, name: str, func: str) -> list[dict]:
    position = next(a["args"][0] for a in actions if a["func"] == "addSheet"
                    and a["args"][1] == name)  # fmt: skip
    return [a for a in actions if a["func"] == func and a["sheet_position"] == position]


def test_result_sheets_have_widths_wrapped_text_and_a_frozen_header(base):
    rows = station_sheet(20)
    rows[5][2] = "서울 종로구 세종대로 1 (광화문빌딩 지하 1층, 정부서울청사 별관 맞은편 주차장 옆)"
    actions = actions_of(call(base, "clean_sheet", book_json({"주유소": rows}, selection="A:J")))
    widths = {a["start_column"]: a["args"][0]
              for a in sheet_actions(actions, "주유소_정리", "setColumnWidth")}  # fmt: skip
    assert len(widths) == 10
    assert widths[4] > widths[5]  # 전화번호 is wider than 셀프여부 (Y/N)
    assert widths[2] == max(widths.values()) and widths[2] <= 60 * 6  # capped
    [wrapped] = sheet_actions(actions, "주유소_정리", "setWrapText")
    assert wrapped["start_column"] == 2 and wrapped["row_count"] == 21  # only 주소, to the end
    [frozen] = sheet_actions(actions, "주유소_정리", "freezePaneAtRange")
    assert frozen["args"] == ["1:1"]
    assert sheet_actions(actions, "주유소_정리", "setFontProperty")[0]["args"] == ["bold", True]
    # The review sheet too: its 설명 column is wide enough to read.
    review = sheet_actions(actions, "주유소_정리_확인", "setColumnWidth")
    review_widths = [a["args"][0] for a in review]
    assert review_widths[4] > 30 * 6


def test_report_sheets_show_korean_labels_not_codes(base):
    rows = taas_sheet()
    actions = actions_of(call(base, "tidy_sheet", book_json({"TAAS": rows}, selection="A1")))
    log = written(actions, "TAAS_변환기록")
    kinds = {row[0] for row in log[1:]}
    assert {"제목 행", "단위 행", "여러 행 머리글"} <= kinds
    assert not any(isinstance(k, str) and k.isascii() and "-" in k for k in kinds)
    checked = written(actions_of(call(base, "check_sheet", book_json({"TAAS": rows}))),
                      "TAAS_점검")  # fmt: skip
    types = [row[-1] for row in checked[2:]]
    assert "머리글" in types or "제목 행" in types
    assert not {"header", "title-row", "total-row", "placeholder"} & set(types)


def test_recipe_view_speaks_korean_and_still_reads_back(base):
    rows = complaint_board(5)
    recorded = actions_of(call(base, "clean_sheet", book_json({"민원": rows})))
    recipe = written(recorded, "_다듬_레시피")
    payload = book_json({"민원": rows, "_다듬_레시피": recipe})
    view = written(actions_of(call(base, "show_recipe", payload)), "레시피_보기")
    values = {row[3] for row in view[1:]}
    assert {"정리", "자동", "숫자", "날짜"} <= values
    assert not {"clean", "null", "false", "number"} & values
    from dadeum.reports.recipe import recipe_from_cells

    assert recipe_from_cells(view) == recipe_from_cells(recipe)


def test_a_missing_key_is_reported_without_the_server_folder(tmp_path):
    rows = [["성명", "주민등록번호"], ["홍길동", "900101-1234567"]]
    env = {"DADEUM_KEY_DIR": str(tmp_path / "비밀폴더"), "DADEUM_KEY_NAME": ""}
    with running_server(env=env) as url:
        response = call(url, "pseudonymize_sheet", book_json({"명단": rows}))
    assert response.status_code == 400
    assert "dadeum key create default" in response.text
    assert "비밀폴더" not in response.text and str(tmp_path) not in response.text


def monthly_complaints(spike: bool) -> list[list]:
    import numpy as np

    rng = np.random.default_rng(1)
    rows = [["월", "민원 건수"]]
    for i in range(48):
        value = int(70 + 15 * np.sin(i / 12 * 2 * np.pi) + rng.integers(-8, 8))
        rows.append([f"{2020 + i // 12}-{1 + i % 12:02d}-01", 900 if spike and i == 30 else value])
    return rows


def test_forecast_sheet_explains_its_measures_and_a_past_spike(base):
    actions = actions_of(call(base, "forecast_sheet", book_json({"민원": monthly_complaints(True)},
                                                                selection="A:B")))  # fmt: skip
    text = json.dumps([a["values"] for a in actions if a["func"] == "setValues"],
                      ensure_ascii=False)  # fmt: skip
    assert "MASE: 1보다 작으면 단순 예측" in text and "sMAPE(%)" in text
    assert "예측 구간이 넓은 까닭: 2022-07-01의 값 900" in text
    formats = [a["args"][0] for a in sheet_actions(actions, "민원_예측", "setNumberFormat")]
    assert "#,##0" in formats and "#,##0.0" not in formats  # counts: 13, not 13.0
    assert len(sheet_actions(actions, "민원_예측", "setColumnWidth")) >= 10
    calm = actions_of(call(base, "forecast_sheet", book_json({"민원": monthly_complaints(False)},
                                                             selection="A:B")))  # fmt: skip
    assert "넓은 까닭" not in json.dumps(calm, ensure_ascii=False)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (12_000_000, "1,200만"),
        (350_000_000, "3.5억"),
        (45_000, "4.5만"),
        (1200, "1,200"),
        (0, "0"),
        (2.5, "2.5"),
    ],
)
def test_chart_axis_numbers_read_as_korean_amounts(value, shown):
    from dadeum.reports.plots import axis_number

    assert axis_number(value) == shown


def test_a_long_result_is_written_in_parts_and_values_match_xlwings(base):
    from dadeum.samples.sheets import wide_sheet

    rows = wide_sheet(6000, 20)
    actions = actions_of(call(base, "clean_sheet", book_json({"민원": rows}, selection="A:T")))
    parts = [a for a in actions if a["func"] == "setValues" and a["sheet_position"] == 1]
    assert len(parts) == 2 and parts[0]["row_count"] == 5000  # 100,000 cells a request
    assert parts[1]["start_row"] == 5000 and sum(p["row_count"] for p in parts) == 6001
    first = parts[0]["values"]
    assert first[0][:3] == ["기간", "자치구", "민원번호"]
    assert first[1][4] == "2024-01-01"  # dates as xlwings sends them
    assert first[1][0] == 2020 and isinstance(first[1][5], int | float)


def test_cells_are_prepared_exactly_as_xlwings_prepares_them():
    import datetime as dt

    import numpy as np
    import pandas as pd
    from custom_scripts._book import _xl_value
    from xlwings.pro._xlremote import Engine

    cells = [None, float("nan"), pd.NaT, np.nan, np.int64(7), np.float64(2.5), True, 3, 1.25,
             "글자", "", pd.Timestamp("2024-03-05"), dt.datetime(2024, 3, 5, 14, 30, 15, 9),
             dt.date(2024, 3, 5), pd.NA]  # fmt: skip
    for cell in cells:
        assert _xl_value(cell) == Engine.prepare_xl_data_element(cell, {}), repr(cell)


def test_an_export_preamble_and_a_header_of_years_stay_out_of_the_data(base):
    # The layout of a KOSIS download: "name: value" rows, then years across the top.
    rows = [["통계표명:", "시도별 인구 변동 현황", None, None],
            ["단위:", "천명", None, None],
            [None, 2015, 2016, 2017],
            ["계", "51,529", "51,696", "51,778"],
            ["서울", "10,022", "9,930", "9,857"],
            ["부산", "3,449", "3,417", "3,390"]]  # fmt: skip
    actions = actions_of(call(base, "clean_sheet", book_json({"인구": rows}, selection="B5")))
    result = written(actions, "인구_정리")
    assert result[0] == ["", "2015", "2016", "2017"]  # the header, as text
    assert result[1] == ["계", 51529, 51696, 51778]
    assert "인구_정리_확인" not in added(actions)
    names = written(actions_of(call(base, "pseudonymize_sheet", book_json({"인구": rows},
                                                                         selection="B5"))),
                    "인구_가명")[0]  # fmt: skip
    assert names[1:] == ["2015", "2016", "2017"]
