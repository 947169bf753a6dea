"""Recipes inside the workbook: the ribbon records its steps in a hidden sheet, and the 레시피
group shows, exports and replays them. Run through xlwings' own script machinery with Office.js
book payloads, and over HTTP against a real server, carrying the workbook from call to call
the way Excel would."""

import asyncio
import json

import custom_scripts
import httpx
import pytest
import xlwings as xw
import xlwings.server

from dadeum.engine.recipe_replay import apply_recipe
from dadeum.engine.recipes import load_recipe
from dadeum.engine.tables.grid import make_grid
from dadeum.reports.recipe import RECIPE_SHEET, recipe_from_cells
from dadeum.samples.monthly import monthly_rows
from tests.conftest import book_json, run_dadeum


class Workbook:
    """The state of an Excel workbook between ribbon calls: it applies the actions a script
    returns (new sheets, values, visibility, cleared ranges, active sheet) as Excel would."""

    def __init__(self, sheets: dict[str, list[list]]):
        self.names = list(sheets)
        self.cells = {name: [list(row) for row in rows] for name, rows in sheets.items()}
        self.visibility = dict.fromkeys(self.names, "Visible")
        self.active = 0
        self.selection = "A1"

    def payload(self) -> dict:
        sheets = {name: self.cells[name] or [[""]] for name in self.names}
        data = book_json(sheets, selection=self.selection, active=self.active)
        for sheet in data["sheets"]:
            sheet["visibility"] = self.visibility[sheet["name"]]
        return data

    def select(self, sheet: str, address: str = "A1") -> "Workbook":
        self.active, self.selection = self.names.index(sheet), address
        return self

    def run(self, script: str) -> list[dict]:
        book = xw.Book(json=self.payload())
        response = asyncio.run(
            xlwings.server.custom_scripts_call(
                custom_scripts, script, typehint_to_value={xw.Book: book}
            )
        )
        actions = response.json()["actions"]
        self.apply(actions)
        return actions

    def apply(self, actions: list[dict]) -> None:
        for action in actions:
            func, args = action["func"], action["args"]
            name = (
                None if action["sheet_position"] is None else self.names[action["sheet_position"]]
            )
            if func == "addSheet":
                self.names.insert(args[0], args[1])
                self.cells[args[1]], self.visibility[args[1]] = [], "Visible"
                self.active = args[0]
            elif func == "setSheetVisibility":
                self.visibility[name] = args[0]
            elif func == "activateSheet":
                self.active = args[0]
            elif func in ("setValues", "rangeClearContents"):
                self._write(name, action)

    def _write(self, name: str, action: dict) -> None:
        rows, top, left = self.cells[name], action["start_row"], action["start_column"]
        values = action["values"] or [[""] * action["column_count"]] * action["row_count"]
        for r, row in enumerate(values):
            while len(rows) <= top + r:
                rows.append([])
            line = rows[top + r]
            line.extend([""] * (left + len(row) - len(line)))
            # Excel hands back empty cells as "".
            line[left : left + len(row)] = ["" if cell is None else cell for cell in row]
        width = max(len(row) for row in rows)
        for row in rows:
            row.extend([""] * (width - len(row)))
        while rows and all(cell == "" for cell in rows[-1]):
            rows.pop()

    def recipe(self) -> dict | None:
        return recipe_from_cells(self.cells.get(RECIPE_SHEET))


@pytest.fixture
def key_dir(tmp_path, monkeypatch):
    from dadeum.engine.privacy.keys import create_key

    folder = tmp_path / "keys"
    monkeypatch.setenv("DADEUM_KEY_DIR", str(folder))
    monkeypatch.delenv("DADEUM_KEY_NAME", raising=False)
    create_key(folder=folder)
    return folder


def record_january(book: Workbook) -> None:
    """기계판독 변환 → 정리 → 가명처리, each on the sheet the previous button wrote."""
    book.select("1월").run("tidy_sheet")
    book.select("1월_기계판독").run("clean_sheet")
    book.select("1월_기계판독_정리").run("pseudonymize_sheet")


def test_each_ribbon_action_appends_its_step_to_one_hidden_sheet(key_dir):
    book = Workbook({"1월": monthly_rows(1)})
    book.select("1월").run("tidy_sheet")
    assert book.visibility[RECIPE_SHEET] == "Hidden"
    assert [s["step"] for s in book.recipe()["steps"]] == ["tidy"]
    # The user keeps working on the sheet the button wrote, not on the hidden one.
    assert book.names[book.active] == "1월_기계판독"

    book.select("1월_기계판독").run("clean_sheet")
    book.select("1월_기계판독_정리").run("pseudonymize_sheet")
    recipe = book.recipe()
    assert [s["step"] for s in recipe["steps"]] == ["tidy", "clean", "pseudonymize"]
    assert book.names.count(RECIPE_SHEET) == 1 and book.visibility[RECIPE_SHEET] == "Hidden"
    assert recipe["steps"][1]["types"]["연락처"] == "phone"
    assert recipe["steps"][2]["columns"]["담당자"] == "가명"
    # 기계판독 점검 changes no data, so it records nothing.
    book.select("1월").run("check_sheet")
    assert len(book.recipe()["steps"]) == 3


def test_workbook_steps_are_the_ones_the_command_line_records(key_dir, tmp_path):
    book = Workbook({"1월": monthly_rows(1)})
    record_january(book)

    import pandas as pd

    from dadeum.fileio import write_excel

    source = tmp_path / "1월.xlsx"
    write_excel(source, {"현황": (pd.DataFrame(monthly_rows(1), dtype=object), {})})
    saved = tmp_path / "saved.json"
    env = {"DADEUM_KEY_DIR": str(key_dir)}
    tidy, clean, done = tmp_path / "t.csv", tmp_path / "c.csv", tmp_path / "p.csv"
    steps = [("tidy", source, tidy), ("clean", tidy, clean), ("pseudonymize", clean, done)]
    for command, src, out in steps:
        result = run_dadeum(command, src, "--out", out, "--save-recipe", saved, env=env)
        assert result.returncode == 0, result.stderr
    cli = json.loads(saved.read_text(encoding="utf-8"))
    assert book.recipe()["steps"] == cli["steps"]


def test_show_and_export_write_new_sheets_that_round_trip(key_dir):
    book = Workbook({"1월": monthly_rows(1)})
    record_january(book)
    recorded = book.recipe()

    book.select("1월").run("show_recipe")
    shown = book.names[book.active]
    assert shown.startswith("레시피_보기") and book.visibility[shown] == "Visible"
    assert book.cells[shown][0] == ["단계", "열", "옵션", "값", "설명"]
    assert recipe_from_cells(book.cells[shown]) == recorded

    actions = book.run("export_recipe")
    exported = book.names[book.active]
    assert exported.startswith("레시피_JSON")
    assert load_recipe(book.cells[exported][2][0]) == recorded
    # Nothing but the new sheet was written.
    positions = {a["sheet_position"] for a in actions if a["func"] == "setValues"}
    assert positions == {book.names.index(exported)}


def test_replay_follows_moved_and_added_columns(key_dir):
    book = Workbook({"1월": monthly_rows(1), "10월": monthly_rows(10)})
    record_january(book)
    before = {name: [row[:] for row in rows] for name, rows in book.cells.items()}
    book.select("10월").run("replay_recipe")
    result = book.cells["10월_레시피"]
    # October moved 연락처 before 담당자 and added 전월 대비; the recipe finds them by header
    # and writes January's columns in January's order, the new column after them.
    assert result[0] == [
        "읍면동",
        "접수 건수",
        "처리 건수",
        "담당자",
        "연락처",
        "비고",
        "전월 대비",
    ]
    # The same as replaying the recorded recipe outside Excel with the same key.
    from dadeum.engine.privacy.keys import load_key

    expected, _ = apply_recipe(make_grid(monthly_rows(10)), book.recipe(), key=load_key())
    assert len(result) - 1 == len(expected)
    names = [row[result[0].index("담당자")] for row in result[1:]]
    assert names == list(expected["담당자"]) and not set(names) & {r[4] for r in monthly_rows(10)}
    assert book.cells["10월"] == before["10월"]  # the source is untouched


def test_replay_stops_on_a_missing_column_naming_the_closest_one(key_dir):
    book = Workbook({"1월": monthly_rows(1)})
    record_january(book)
    month = monthly_rows(2)
    month[2][4] = "연락처(대표)"  # 연락처 renamed
    book.names.append("2월")
    book.cells["2월"], book.visibility["2월"] = month, "Visible"
    with pytest.raises(xw.XlwingsError) as raised:
        book.select("2월").run("replay_recipe")
    message = str(raised.value)
    assert "'연락처' 열이 표에 없습니다" in message and "다시 실행하지 못했습니다" in message
    assert "가장 비슷한 열은 '연락처(대표)'" in message
    assert "2월_레시피" not in book.names


def test_buttons_without_a_recipe_explain_what_to_do():
    book = Workbook({"Sheet1": [["이름", "금액"], ["가", 1]]})
    for script in ("show_recipe", "export_recipe", "replay_recipe"):
        with pytest.raises(xw.XlwingsError, match="아직 기록된 레시피가 없습니다"):
            book.run(script)


def test_a_damaged_recipe_sheet_stops_recording_with_advice():
    book = Workbook({"Sheet1": [["이름", "금액"], ["가", "1,000"]]})
    book.run("clean_sheet")
    book.cells[RECIPE_SHEET][1][3] = "9"  # 레시피 형식 1 → 9
    with pytest.raises(xw.XlwingsError, match="숨기기 취소한 뒤 지우면"):
        book.select("Sheet1", "A1:B2").run("clean_sheet")


def test_personal_data_scan_skips_the_recipe_sheet():
    book = Workbook({"Sheet1": [["성명", "금액"], ["가나다", "1,000"]]})
    book.run("clean_sheet")
    actions = book.select("Sheet1").run("scan_book")
    report = next(a["values"] for a in actions if a["func"] == "setValues")
    assert RECIPE_SHEET not in {row[1] for row in report[2:]}


def test_replay_over_http_gives_the_korean_message_and_no_actions(live_server, key_dir):
    book = Workbook({"1월": monthly_rows(1)})
    book.select("1월").run("clean_sheet")  # records 정리 with 접수 건수 as number
    month = monthly_rows(2)
    month[2][1] = "접수 건수(건)"
    book.names.append("2월")
    book.cells["2월"], book.visibility["2월"] = month, "Visible"
    payload = book.select("2월").payload()
    url = live_server + "/xlwings/custom-scripts-call/replay_recipe"
    response = httpx.post(url, json=payload, timeout=60)
    assert response.status_code == 400
    assert "'접수 건수' 열이 표에 없습니다" in response.text
    assert "가장 비슷한 열은 '접수 건수(건)'" in response.text
    assert "actions" not in response.text
