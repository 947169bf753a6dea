"""Hostile inputs to the command line and the engine, each run in its own process as a user
(or an attacker) would: it must end fast, in bounded memory, with a Korean message and the
exit code the README names, never a traceback.

The test ids read as the report (``zip-bomb``, ``huge-cell``, …); the end of the run prints one
line per kind with its peak memory and time. Every file is built tiny in tmp: the limits are
lowered through their environment variables where a real-size bomb would be needed.
"""

import csv
import io
import json
import os
import random
import subprocess
import sys
import time
import zipfile

import openpyxl
import pytest

from tests.conftest import REPO

MEMORY_LIMIT_MB = 300  # peak RSS a hostile input may cost; importing pandas costs ~170
ADDRESS_SPACE = 3 * 1024**3  # so a regression fails with MemoryError instead of an OOM kill

# Runs the CLI (or a snippet) in-process under an address-space limit and reports its peak
# RSS. VmHWM belongs to this program alone; getrusage's ru_maxrss would include the pytest
# process it was forked from, which Linux carries across exec.
RUNNER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))

def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

report, mode, *rest = sys.argv[1:]
code = 1
try:
    if mode == "cli":
        from dadeum.cli import main
        code = main(rest)
    else:
        exec(rest[0])
        code = 0
finally:
    peak = peak_mb()
    with open(report, "w") as handle:
        handle.write(str(peak))
sys.exit(code)
"""

REPORT: dict[str, list[str]] = {}


@pytest.fixture(scope="module", autouse=True)
def summary(request):
    yield
    plugins = request.config.pluginmanager
    reporter, capture = plugins.getplugin("terminalreporter"), plugins.getplugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():  # the report is output, not captured noise
        reporter.write_line("")
        reporter.write_line(f"hostile inputs: {sum(map(len, REPORT.values()))} cases")
        for kind, lines in REPORT.items():
            reporter.write_line(f"  {kind}: {len(lines)} case(s); " + "; ".join(lines))


def run(tmp_path, kind, *args, mode="cli", env=None):
    """Run ``dadeum ARGS`` (or a code snippet with mode="code"); returns (process, peak MB)."""
    report = tmp_path / f"peak-{kind}.txt"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER.format(limit=ADDRESS_SPACE), report, mode, *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )
    seconds = time.perf_counter() - started
    peak = int(report.read_text()) if report.exists() else -1
    REPORT.setdefault(kind, []).append(f"exit {result.returncode}, {peak} MB, {seconds:.1f} s")
    return result, peak


def assert_refused(result, peak, *words, code=1):
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("오류:"), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert 0 < peak < MEMORY_LIMIT_MB


def small_xlsx(path, rows=(("이름", "금액"), ("가", 1))):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


def with_member(source, target, name, data):
    """A copy of the .xlsx ``source`` with member ``name`` replaced by ``data``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, data if item.filename == name else old.read(item))
    return target


SHEET = "xl/worksheets/sheet1.xml"


# --- file bombs ----------------------------------------------------------------------------


def test_zip_bomb_by_compression_ratio(tmp_path):
    # 20 MB of XML padding that deflates to about 20 kB: a thousand to one.
    plain = small_xlsx(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(plain) as book:
        xml = book.read(SHEET)
    padded = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 20_000_000, 1)
    bomb = with_member(plain, tmp_path / "폭탄.xlsx", SHEET, padded)
    assert bomb.stat().st_size < 100_000
    result, peak = run(tmp_path, "zip-bomb", "clean", bomb, "--out", tmp_path / "o.xlsx")
    assert_refused(result, peak, "폭탄.xlsx", "압축률", "열지 않습니다")
    assert not (tmp_path / "o.xlsx").exists()


def test_zip_bomb_by_total_uncompressed_size(tmp_path):
    rows = [("번호", "값"), *((n, random.Random(n).random()) for n in range(20_000))]
    book = small_xlsx(tmp_path / "큰파일.xlsx", rows)
    env = {"DADEUM_MAX_UNZIPPED_MB": "0.5"}
    result, peak = run(tmp_path, "zip-bomb", "tidy", book, "--out", tmp_path / "o.csv", env=env)
    assert_refused(result, peak, "압축을 풀면", "(0.5 MB까지)")


def test_zip_member_longer_than_it_declares_is_refused(tmp_path):
    # A member whose header claims a few hundred bytes but which inflates to 50 MB: the size
    # check trusts the declared sizes, so the readers must stop there (calamine refuses the
    # member, zipfile stops and fails its CRC) rather than inflate the rest.
    plain = small_xlsx(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(plain) as book:
        xml = book.read(SHEET)
    padded = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 50_000_000, 1)
    liar = with_member(plain, tmp_path / "거짓.xlsx", SHEET, padded)
    data = bytearray(liar.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(SHEET)] == SHEET.encode():
                data[start + offset : start + offset + 4] = (len(xml) + 100).to_bytes(4, "little")
            start += 4
    liar.write_bytes(bytes(data))
    result, peak = run(tmp_path, "zip-bomb", "check", liar)
    assert_refused(result, peak, "거짓.xlsx", "열 수 없습니다")


def test_two_far_apart_cells_are_refused_before_the_grid_is_built(tmp_path):
    # 5 kB on disk, 1.6 billion cells from A1 to XFD100000: calamine would abort the process.
    book = openpyxl.Workbook()
    book.active.title = "현황"
    book.active["A1"], book.active["XFD100000"] = "구분", "끝"
    book.save(tmp_path / "먼셀.xlsx")
    result, peak = run(
        tmp_path, "sparse-sheet", "clean", tmp_path / "먼셀.xlsx", "--out", tmp_path / "o.csv"
    )
    assert_refused(result, peak, "'현황' 시트", "100,000행 × 16,384열", "20,000,000칸까지")


def test_cells_without_references_are_bounded_too(tmp_path):
    # No r="A1" attributes: cells are placed one after another, one wide row widens them all.
    plain = small_xlsx(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(plain) as book:
        xml = book.read(SHEET)
    start, end = xml.index(b"<sheetData>"), xml.index(b"</sheetData>") + len(b"</sheetData>")
    rows = (
        b"<row>" + b"<c><v>1</v></c>" * 20_000 + b"</row>" + b"<row><c><v>1</v></c></row>" * 3_000
    )
    bomb = with_member(
        plain,
        tmp_path / "무참조.xlsx",
        SHEET,
        xml[:start] + b"<sheetData>" + rows + b"</sheetData>" + xml[end:],
    )
    result, peak = run(tmp_path, "sparse-sheet", "tidy", bomb, "--out", tmp_path / "o.csv")
    assert_refused(result, peak, "3,001행 × 20,000열")


def test_merges_reaching_the_last_row_are_spread_within_the_sheet_only(tmp_path):
    # 2,000 merged areas down to row 1,048,576 on a three-row table.
    plain = small_xlsx(tmp_path / "plain.xlsx", rows=(("구분", "값"), ("가", 1), ("나", 2)))
    with zipfile.ZipFile(plain) as book:
        xml = book.read(SHEET)
    merges = b"".join(b'<mergeCell ref="B%d:C1048576"/>' % (n % 3 + 1) for n in range(2_000))
    xml = xml.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="2000">' + merges + b"</mergeCells>", 1
    )
    book = with_member(plain, tmp_path / "병합.xlsx", SHEET, xml)
    result, peak = run(tmp_path, "merge-bomb", "tidy", book, "--out", tmp_path / "o.csv")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert 0 < peak < MEMORY_LIMIT_MB


def test_huge_cell_in_xlsx_refuses_the_file_naming_sheet_and_cell(tmp_path):
    # openpyxl cuts text at 32,767 characters, so the long text goes into the XML afterwards.
    text = "".join(random.Random(1).choices("가나다라마바사아자차카타파하", k=40_000))
    book = openpyxl.Workbook()
    book.active.title = "민원"
    book.active.append(["이름", "내용"])
    book.active.append(["가", "짧음"])
    book.active.append(["나", "LONGTEXT"])
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as archive:
        member = next(n for n in archive.namelist() if b"LONGTEXT" in archive.read(n))
        long = archive.read(member).replace(b"LONGTEXT", text.encode())
    with_member(tmp_path / "plain.xlsx", tmp_path / "긴셀.xlsx", member, long)
    out = tmp_path / "o.xlsx"
    result, peak = run(tmp_path, "huge-cell", "clean", tmp_path / "긴셀.xlsx", "--out", out)
    assert_refused(result, peak, "'민원' 시트의 B3 셀", "40,000자", "32,767자")


@pytest.mark.parametrize("length", [40_000, 200_000])
def test_huge_cell_in_csv_refuses_the_file(tmp_path, length):
    source = tmp_path / "긴셀.csv"
    source.write_text(f"이름,내용\n가,{'가' * length}\n", encoding="utf-8")
    result, peak = run(tmp_path, "huge-cell", "tidy", source, "--out", tmp_path / "o.csv")
    assert_refused(result, peak, "긴셀.csv", "32,767자")


def test_oversized_input_file_is_refused_by_size(tmp_path):
    source = tmp_path / "큰.csv"
    source.write_text("이름,금액\n" + "가,1\n" * 400_000, encoding="utf-8")
    env = {"DADEUM_MAX_FILE_MB": "1"}
    result, peak = run(tmp_path, "big-file", "clean", source, "--out", tmp_path / "o.csv", env=env)
    assert_refused(result, peak, "큰.csv", "(1.0 MB까지)")


def test_unattended_recipe_run_records_a_bomb_as_failed_and_goes_on(tmp_path):
    inbox = tmp_path / "받은파일"
    inbox.mkdir()
    plain = small_xlsx(inbox / "1월.xlsx")
    with zipfile.ZipFile(plain) as book:
        xml = book.read(SHEET)
    padded = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 20_000_000, 1)
    with_member(plain, inbox / "2월.xlsx", SHEET, padded)
    recipe = tmp_path / "r.json"
    recipe.write_text(json.dumps({"dadeum_recipe": 1, "name": "r", "steps": [{"step": "clean"}]}))
    out = tmp_path / "결과"
    result, peak = run(tmp_path, "inbox-bomb", "recipe", "run", recipe, inbox, "--out", out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert 0 < peak < MEMORY_LIMIT_MB
    with open(out / "레시피_결과.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row[0]: row[4] for row in csv.reader(handle)}
    assert rows["1월.xlsx"] == "완료"
    assert rows["2월.xlsx"].startswith("실패: ") and "압축률" in rows["2월.xlsx"]
    assert (out / "1월.xlsx").exists() and not (out / "2월.xlsx").exists()


def test_xlsx_output_past_excel_rows_is_refused_advising_csv(tmp_path):
    code = (
        "import numpy, pandas\n"
        "from dadeum.fileio import write_excel\n"
        "from dadeum.errors import InputFileError\n"
        "frame = pandas.DataFrame({0: numpy.zeros(1_048_577)})\n"
        "try:\n"
        f"    write_excel(r'{tmp_path / 'o.xlsx'}', {{'결과': (frame, {{}})}})\n"
        "except InputFileError as error:\n"
        "    print(error)\n"
    )
    result, peak = run(tmp_path, "xlsx-too-big", code, mode="code")
    assert result.returncode == 0, result.stderr
    assert "1,048,577행" in result.stdout and ".csv로" in result.stdout
    assert 0 < peak < MEMORY_LIMIT_MB
    assert not (tmp_path / "o.xlsx").exists()


# --- recipes -------------------------------------------------------------------------------


def test_a_50_mb_recipe_is_refused_by_size_before_reading(tmp_path):
    recipe = tmp_path / "큰레시피.json"
    with open(recipe, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    result, peak = run(tmp_path, "big-recipe", "recipe", "show", recipe)
    assert_refused(result, peak, "너무 큽니다", "1,000,000바이트까지")


def test_a_deeply_nested_recipe_is_a_korean_error(tmp_path):
    recipe = tmp_path / "깊은.json"
    recipe.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result, peak = run(tmp_path, "deep-recipe", "recipe", "show", recipe)
    assert_refused(result, peak, "올바른 JSON이 아닙니다")


def test_a_utf16_recipe_is_a_korean_error_saying_how_to_resave(tmp_path):
    recipe = tmp_path / "utf16.json"
    text = json.dumps({"dadeum_recipe": 1, "name": "현황", "steps": [{"step": "clean"}]})
    recipe.write_text(text, encoding="utf-16")
    result, peak = run(tmp_path, "utf16-recipe", "recipe", "run", recipe, recipe, "--out", tmp_path)
    assert_refused(result, peak, "UTF-16", "UTF-8로")


def test_recipe_sheet_step_10_000_000_is_refused_in_bounded_memory(tmp_path):
    code = (
        "from dadeum.reports.recipe import recipe_from_cells, recipe_rows\n"
        "from dadeum.errors import InvalidArgumentError\n"
        "rows = recipe_rows({'dadeum_recipe': 1, 'name': 'r', 'steps': [{'step': 'clean'}]})\n"
        "rows.append([10_000_000, '', '단계', 'clean', ''])\n"
        "try:\n"
        "    recipe_from_cells(rows)\n"
        "except InvalidArgumentError as error:\n"
        "    print(error)\n"
    )
    result, peak = run(tmp_path, "step-10M", code, mode="code")
    assert result.returncode == 0, result.stderr
    assert "1~100의 정수" in result.stdout and len(result.stdout) < 300
    assert 0 < peak < MEMORY_LIMIT_MB


# --- other inputs --------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n"])
def test_an_empty_csv_to_pseudonymize_is_a_korean_error(tmp_path, content):
    source = tmp_path / "빈.csv"
    source.write_bytes(content)
    args = ["pseudonymize", source, "--out", tmp_path / "o.csv", "--key-file", os.devnull]
    result, peak = run(tmp_path, "empty-csv", *args)
    assert_refused(result, peak, "빈.csv", "데이터가 없습니다")


def test_escape_sequences_in_a_recipe_are_shown_not_obeyed(tmp_path):
    recipe = tmp_path / "숨김.json"
    name = "현황\x1b[2J\x1b]0;제목\x07\u202e숨김\u2066\x9b"
    data = {"dadeum_recipe": 1, "name": name, "steps": [{"step": "clean", "types": {name: "text"}}]}
    recipe.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result, peak = run(tmp_path, "escape-sequences", "recipe", "show", recipe)
    assert result.returncode == 0, result.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\x9b"):
        assert raw not in result.stdout
    assert "현황\\u001b[2J" in result.stdout and "\\u202e숨김" in result.stdout
    assert 0 < peak < MEMORY_LIMIT_MB


def test_escape_sequences_in_file_names_and_errors_are_escaped(tmp_path):
    recipe = tmp_path / "r.json"
    recipe.write_text(json.dumps({"dadeum_recipe": 1, "name": "r", "steps": [{"step": "clean"}]}))
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a\x1b[31m.csv").write_text("", encoding="utf-8")  # empty: fails, named in stderr
    result, peak = run(
        tmp_path, "escape-sequences", "recipe", "run", recipe, inbox, "--out", tmp_path / "o"
    )
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert "a\\u001b[31m.csv" in result.stderr
    assert 0 < peak < MEMORY_LIMIT_MB


def test_csv_injection_is_neutralised_in_clean_output(tmp_path):
    source = tmp_path / "입력.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["비고", "금액"], ["=cmd|' /C calc'!A0", "-12.5"]])
    out = tmp_path / "o.csv"
    result, peak = run(tmp_path, "csv-injection", "clean", source, "--out", out)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[1] == ["'=cmd|' /C calc'!A0", "-12.5"]
    assert 0 < peak < MEMORY_LIMIT_MB


# --- forecasts -----------------------------------------------------------------------------


def test_forecast_with_one_date_in_9999_is_refused_in_bounded_memory(tmp_path):
    source = tmp_path / "교통량.csv"
    lines = [f"2024-01-0{1 + h // 24} {h % 24:02d}:00,{100 + h}" for h in range(48)]
    source.write_text("일시,교통량\n" + "\n".join([*lines, "9999-12-31 00:00,1"]), encoding="utf-8")
    args = ["forecast", source, "--date", "일시", "--value", "교통량", "--horizon", "24"]
    result, peak = run(tmp_path, "year-9999-forecast", *args, "--out", tmp_path / "o.csv")
    assert_refused(result, peak, "9999-12-31", "100,000기간까지")


def test_forecast_traffic_in_excel_with_a_9999_serial_is_a_cell_error(tmp_path):
    code = (
        "import asyncio, os, sys\n"
        "os.environ['XLWINGS_ON_SERVER'] = 'true'\n"
        "sys.path.insert(0, 'addin')\n"
        "import xlwings as xw, xlwings.server, custom_functions\n"
        "from tests.conftest import office_js_call\n"
        "dates = [[45292 + h / 24] for h in range(48)] + [[2958465.0]]\n"
        "values = [[float(100 + h)] for h in range(49)]\n"
        "body = office_js_call('forecast_traffic', dates, values, [[24]], [[None]])\n"
        "try:\n"
        "    asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))\n"
        "except xw.XlwingsError as error:\n"
        "    print(error)\n"
    )
    result, peak = run(tmp_path, "year-9999-forecast", code, mode="code")
    assert result.returncode == 0, result.stderr
    assert "100,000기간까지" in result.stdout
    assert 0 < peak < MEMORY_LIMIT_MB


def test_count_by_period_1900_to_9999_is_refused_in_bounded_memory(tmp_path):
    code = (
        "from dadeum.engine.forecast.series import count_by_period\n"
        "from dadeum.errors import InvalidArgumentError\n"
        "try:\n"
        "    count_by_period([1, 2958465], 'day')\n"
        "except InvalidArgumentError as error:\n"
        "    print(error)\n"
    )
    result, peak = run(tmp_path, "count-1900-9999", code, mode="code")
    assert result.returncode == 0, result.stderr
    assert "2,958,465기간" in result.stdout
    assert 0 < peak < MEMORY_LIMIT_MB


def test_daily_history_1900_to_9999_forecast_is_refused(tmp_path):
    source = tmp_path / "일별.csv"
    days = [f"1900-{1 + d // 28:02d}-{1 + d % 28:02d},{d}" for d in range(84)]
    source.write_text("일자,값\n" + "\n".join([*days, "9999-12-31,3"]), encoding="utf-8")
    args = ["forecast", source, "--date", "일자", "--value", "값", "--horizon", "7"]
    result, peak = run(tmp_path, "count-1900-9999", *args, "--out", tmp_path / "o.csv")
    assert_refused(result, peak, "100,000기간까지")


def _dying_replay(source, *args):
    """A worker that dies on one file, as one killed for memory would."""
    if source.name == "죽음.csv":
        os._exit(9)
    from dadeum.cli.recipe import replay_file

    return replay_file(source, *args[:2], key=args[2], key_problem=args[3]), None


def test_a_dead_worker_fails_its_files_in_the_summary_instead_of_the_batch(tmp_path, monkeypatch):
    from dadeum.cli import main, recipe

    monkeypatch.setattr(recipe, "_replay_one", _dying_replay)
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in ("가.csv", "나.csv", "다.csv", "죽음.csv"):
        (inbox / name).write_text("구분,값\n가,1\n", encoding="utf-8")
    rules = tmp_path / "r.json"
    rules.write_text(json.dumps({"dadeum_recipe": 1, "name": "r", "steps": [{"step": "clean"}]}))
    out = tmp_path / "out"
    code = main(
        ["recipe", "run", str(rules), str(inbox), "--out", str(out), "--jobs", "2", "--quiet"]
    )
    assert code == 1
    with open(out / "레시피_결과.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row[0]: row[4] for row in csv.reader(handle)}
    assert rows["죽음.csv"].startswith("실패: 작업 프로세스가 중단되었습니다")
    REPORT.setdefault("dead-worker", []).append(f"exit {code}, {len(rows) - 1} files in summary")


def test_escaped_text_stays_valid_json_and_decodes_to_the_original():
    from dadeum.cli._terminal import for_terminal

    text = "표\u202e이름\x9b\x1b[2J\t끝"
    shown = for_terminal(json.dumps(text, ensure_ascii=False))
    assert not any(c in shown for c in "\u202e\x9b\x1b")
    assert json.loads(shown) == text


def test_the_openpyxl_reader_checks_the_extent_too(tmp_path):
    code = (
        "import openpyxl\n"
        "from dadeum.fileio import _read_excel_openpyxl\n"
        "from dadeum.errors import InputFileError\n"
        "book = openpyxl.Workbook()\n"
        "book.active['A1'], book.active['XFD100000'] = 'a', 'b'\n"
        f"book.save(r'{tmp_path / 'far.xlsx'}')\n"
        "try:\n"
        f"    _read_excel_openpyxl(__import__('pathlib').Path(r'{tmp_path / 'far.xlsx'}'), None)\n"
        "except InputFileError as error:\n"
        "    print(error)\n"
    )
    result, peak = run(tmp_path, "sparse-sheet", code, mode="code")
    assert result.returncode == 0, result.stderr
    assert "20,000,000칸까지" in result.stdout
    assert 0 < peak < MEMORY_LIMIT_MB


def test_a_csv_with_too_many_cells_stops_while_parsing(tmp_path, monkeypatch):
    from dadeum import limits
    from dadeum.errors import InputFileError
    from dadeum.fileio import read_table

    monkeypatch.setattr(limits, "MAX_GRID_CELLS", 1_000)
    source = tmp_path / "넓은.csv"
    source.write_text("\n".join([",".join(["1"] * 10)] * 200), encoding="utf-8")
    with pytest.raises(InputFileError, match="101행까지 칸이 1,000개를"):
        read_table(source)
    REPORT.setdefault("csv-cells", []).append("refused at row 101 of 200 (limit 1,000 cells)")
