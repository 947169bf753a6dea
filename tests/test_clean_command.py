"""``dadeum clean`` run as users run it, on files the tests write."""

import csv
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from dadeum.cli import main
from tests.conftest import run_dadeum as dadeum

HEADER = ["구분", "금액", "접수일", "연락처", "비고"]
ROWS = [
    ["민원\u00a0가", "1,000원", "2023. 3. 5.", "010-1234-5678", "도로 파손"],
    ["민원 나", "확인중", "20230306", "02)123-4567", ""],
    ["민원 다", "-", "2023-03-07", "1588-1234", "재접수"],
    ["민원 라", "4,000", "2023/03/08", "01012345678", ""],
    ["민원 마", "△5,000", "2023년 3월 9일", "031 123 4567", "완료"],
    ["민원 바", "12만", "2023.3.10", "010.2345.6789", ""],
]
CLEANED = [
    ["구분", "금액", "접수일", "연락처", "비고"],
    ["민원 가", 1000, dt.datetime(2023, 3, 5), "010-1234-5678", "도로 파손"],
    ["민원 나", "확인중", dt.datetime(2023, 3, 6), "02-123-4567", None],
    ["민원 다", None, dt.datetime(2023, 3, 7), "1588-1234", "재접수"],
    ["민원 라", 4000, dt.datetime(2023, 3, 8), "010-1234-5678", None],
    ["민원 마", -5000, dt.datetime(2023, 3, 9), "031-123-4567", "완료"],
    ["민원 바", 120000, dt.datetime(2023, 3, 10), "010-2345-6789", None],
]


def write_csv(path: Path, encoding: str) -> Path:
    rows = [HEADER, *ROWS]
    if encoding == "cp949":  # CP949 has no NBSP; Excel saves a plain space instead
        rows = [[cell.replace("\u00a0", " ") for cell in row] for row in rows]
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "표지"
    book.active["A1"] = "3월 민원 현황"
    sheet = book.create_sheet("현황")
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    book.save(path)
    return path


def read_xlsx(path: Path, sheet: str) -> list[list]:
    book = openpyxl.load_workbook(path)
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_xlsx_to_xlsx(tmp_path):
    source = write_xlsx(tmp_path / "민원.xlsx")
    out = tmp_path / "정리됨.xlsx"
    result = dadeum("clean", source, "--out", out, "--sheet", "현황")
    assert result.returncode == 0, result.stderr
    assert read_xlsx(out, "정리") == CLEANED
    review = read_xlsx(out, "확인")
    assert review[0] == ["유형", "시트", "셀", "원래 값", "설명"]
    assert [row[:4] for row in review[1:]] == [
        ["not-a-number", "현황", "B3", "확인중"],
        ["placeholder", "현황", "B4", "-"],
    ]
    book = openpyxl.load_workbook(out)
    assert book["정리"]["B2"].number_format == "#,##0"
    assert book["정리"]["C2"].number_format == "yyyy-mm-dd"
    # The summary says what happened.
    expected = [
        "7행 × 5열", "A열 구분: 텍스트", "B열 금액: 숫자", "C열 접수일: 날짜",
        "D열 연락처: 전화번호", "확인이 필요한 셀: 2칸", str(out),
    ]  # fmt: skip
    for words in expected:
        assert words in result.stdout, words
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"), ("cp949", "CP949")],
)
def test_csv_in_every_encoding_excel_writes(tmp_path, encoding, reported):
    source = write_csv(tmp_path / "민원.csv", encoding)
    out = tmp_path / "결과.csv"
    result = dadeum("clean", source, "--out", out)
    assert result.returncode == 0, result.stderr
    assert f"CSV, {reported}" in result.stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel on Korean Windows reads it
    rows = read_csv(out)
    assert rows[0] == HEADER
    assert rows[1] == ["민원 가", "1000", "2023-03-05", "010-1234-5678", "도로 파손"]
    assert rows[2][1] == "확인중" and rows[3][1] == ""
    assert rows[5][1] == "-5000"
    review = read_csv(tmp_path / "결과_확인.csv")
    assert review[1][:4] == ["not-a-number", "민원.csv", "B3", "확인중"]
    assert review[2][:4] == ["placeholder", "민원.csv", "B4", "-"]


def test_csv_to_xlsx_and_no_review_sheet_without_issues(tmp_path):
    source = tmp_path / "명단.csv"
    source.write_text("성명,전화\n홍길동,010 1234 5678\n김철수,02-123-4567\n", encoding="utf-8")
    out = tmp_path / "명단_정리.xlsx"
    result = dadeum("clean", source, "--out", out)
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["정리"]
    assert read_xlsx(out, "정리")[1] == ["홍길동", "010-1234-5678"]
    assert "확인이 필요한 셀: 0칸" in result.stdout


def test_ragged_csv_with_trailing_blank_lines(tmp_path):
    source = tmp_path / "들쭉날쭉.csv"
    source.write_text(
        "성명,전화,비고\n홍길동,010-1234-5678\n김철수,02 123 4567,,\n\n\n", encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    result = dadeum("clean", source, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "3행 × 3열" in result.stdout
    assert read_csv(out) == [
        ["성명", "전화", "비고"],
        ["홍길동", "010-1234-5678", ""],
        ["김철수", "02-123-4567", ""],
    ]


def test_empty_input_is_a_clear_error(tmp_path):
    source = tmp_path / "빈.csv"
    source.write_text("\n , \n", encoding="utf-8")
    result = dadeum("clean", source, "--out", tmp_path / "out.csv")
    assert result.returncode == 1 and "정리할 데이터가 없습니다" in result.stderr


def test_header_options(tmp_path):
    source = tmp_path / "숫자.csv"
    source.write_text('2023.3.5,"1,000"\n2023.3.6,"2,000"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    assert dadeum("clean", source, "--out", out).returncode == 0
    assert read_csv(out)[0] == ["2023-03-05", "1000"]
    assert dadeum("clean", source, "--out", out, "--header").returncode == 0
    assert read_csv(out)[0] == ["2023.3.5", "1,000"]
    assert read_csv(out)[1] == ["2023-03-06", "2000"]
    assert dadeum("clean", source, "--out", out, "--header", "--no-header").returncode == 2


def test_unknown_sheet_lists_the_sheets(tmp_path):
    source = write_xlsx(tmp_path / "민원.xlsx")
    result = dadeum("clean", source, "--out", tmp_path / "out.xlsx", "--sheet", "4월")
    assert result.returncode == 1
    assert "'4월' 시트가 없습니다" in result.stderr
    assert "'표지', '현황'" in result.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_refuses_to_overwrite_the_input(tmp_path):
    source = write_csv(tmp_path / "민원.csv", "utf-8")
    before = source.read_bytes()
    for out in (source, tmp_path / "." / "민원.csv"):
        result = dadeum("clean", source, "--out", out)
        assert result.returncode == 1
        assert "원본" in result.stderr
    # Nor through the review file: 민원_확인.csv is the review list of 민원.csv.
    review_source = write_csv(tmp_path / "결과_확인.csv", "utf-8")
    assert dadeum("clean", review_source, "--out", tmp_path / "결과.csv").returncode == 1
    assert source.read_bytes() == before


def test_usage_errors_exit_2(tmp_path):
    source = write_csv(tmp_path / "민원.csv", "utf-8")
    assert dadeum("clean", source).returncode == 2  # --out is required
    assert dadeum("clean", source, "--out", tmp_path / "out.txt").returncode == 2
    assert dadeum("clean", source, "--out", tmp_path / "o.csv", "--sheet", "A").returncode == 2


def test_missing_or_unreadable_input_exits_1(tmp_path):
    result = dadeum("clean", tmp_path / "없음.csv", "--out", tmp_path / "out.csv")
    assert result.returncode == 1 and "찾을 수 없습니다" in result.stderr
    broken = tmp_path / "깨짐.xlsx"
    broken.write_bytes(b"not a zip file")
    result = dadeum("clean", broken, "--out", tmp_path / "out.csv")
    assert result.returncode == 1 and "열 수 없습니다" in result.stderr
    binary = tmp_path / "이진.csv"
    binary.write_bytes(bytes(range(128, 256)) * 4)
    result = dadeum("clean", binary, "--out", tmp_path / "out.csv")
    assert result.returncode == 1 and "인코딩" in result.stderr
    assert leftovers(tmp_path) == [] and not (tmp_path / "out.csv").exists()


# ---- atomic writes --------------------------------------------------------------------------


def test_a_failing_writer_leaves_no_output_and_no_temporary_file(tmp_path, monkeypatch):
    import dadeum.fileio

    source = write_csv(tmp_path / "민원.csv", "utf-8")
    out = tmp_path / "결과.xlsx"

    def broken_writer(path, sheets):
        Path(path).write_bytes(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dadeum.fileio, "write_excel", broken_writer)
    assert main(["clean", str(source), "--out", str(out)]) == 1
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_a_failure_keeps_an_existing_output_as_it_was(tmp_path, monkeypatch):
    import dadeum.fileio

    source = write_csv(tmp_path / "민원.csv", "utf-8")
    out = tmp_path / "결과.csv"
    out.write_text("이전 결과", encoding="utf-8")
    calls = []

    def second_file_fails(path, frame, header=None):
        calls.append(path)
        if len(calls) == 2:  # the review list, after the cleaned table was written
            raise OSError(5, "Input/output error")
        Path(path).write_text("새 결과", encoding="utf-8")

    monkeypatch.setattr(dadeum.fileio, "write_csv", second_file_fails)
    assert main(["clean", str(source), "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "이전 결과"
    assert not (tmp_path / "결과_확인.csv").exists()
    assert leftovers(tmp_path) == []


def _lock_folder(folder: Path) -> Callable[[], None]:
    """Make ``folder`` unwritable, for root too, and return the function that unlocks it.

    Root ignores permission bits, so as root the folder is made immutable instead (CI runs
    as root, and a skipped test there would prove nothing).
    """
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        folder.chmod(0o500)
        return lambda: folder.chmod(0o700)
    if shutil.which("chattr") is None:
        pytest.skip("root needs chattr to lock a folder (apt-get install e2fsprogs)")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("this file system has no immutable flag (chattr +i)")
    return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_unwritable_folder_is_a_clear_error(tmp_path):
    source = write_csv(tmp_path / "민원.csv", "utf-8")
    locked = tmp_path / "잠김"
    locked.mkdir()
    unlock = _lock_folder(locked)
    try:
        result = dadeum("clean", source, "--out", locked / "out.csv")
    finally:
        unlock()
    assert result.returncode == 1
    assert "쓸 수 없습니다" in result.stderr
    assert list(locked.iterdir()) == []


def test_missing_output_folder_is_a_clear_error(tmp_path):
    source = write_csv(tmp_path / "민원.csv", "utf-8")
    result = dadeum("clean", source, "--out", tmp_path / "없는폴더" / "out.csv")
    assert result.returncode == 1
    assert "폴더" in result.stderr
