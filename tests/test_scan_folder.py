"""dadeum scan FOLDER --out 점검결과.xlsx: every office file under a folder, one row each, with
personal-data counts, masked samples and a sharing recommendation; unreadable files listed
with the reason; no raw value anywhere (issue #15)."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dadeum.cli._terminal import SafeStream
from dadeum.cli.inventory import document_text, inventory, office_files, progress_bar
from dadeum.engine.privacy.inventory import EXCLUDE, PSEUDONYMISE, SHARE, recommend
from tests.conftest import dadeum_on_a_terminal
from tests.conftest import run_dadeum as dadeum
from tests.test_find_pii import rrn

RRN = rrn("900101", "1")
PHONE = "010-2345-6789"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"


def write_docx(path: Path, paragraphs: list[str]) -> None:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", xml)


def write_hwpx(path: Path, paragraphs: list[str]) -> None:
    body = "".join(f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>" for text in paragraphs)
    xml = f'<?xml version="1.0"?><hs:sec xmlns:hs="urn:s" xmlns:hp="{HP}">{body}</hs:sec>'
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/hwp+zip")
        package.writestr("Contents/section0.xml", xml)


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "공유폴더"
    (root / "인사" / "2024").mkdir(parents=True)
    (root / "민원").mkdir()
    pd.DataFrame({"성명": ["홍길동", "김민수"], "주민등록번호": [RRN, RRN]}).to_csv(
        root / "인사" / "명단.csv", index=False, encoding="utf-8-sig"
    )
    book = openpyxl.Workbook()
    book.active.append(["성명", "연락처"])
    book.active.append(["이영희", PHONE])
    book.save(root / "인사" / "2024" / "연락망.xlsx")
    write_docx(root / "민원" / "답변.docx", ["교통행정과 박누리 주무관입니다.", "문의 " + PHONE])
    write_hwpx(root / "민원" / "공지.hwpx", ["공영주차장 이용 시간 안내", "매일 9시부터"])
    (root / "민원" / "깨진파일.xlsx").write_bytes(b"not a workbook")
    (root / "민원" / "~$답변.docx").write_bytes(b"lock")
    (root / "메모.txt").write_text("대상이 아닌 파일", encoding="utf-8")
    return root


def test_recommendation_rules():
    assert recommend({"이름": 2, "주민등록번호": 1})[0] == EXCLUDE
    assert recommend({"계좌번호": 1})[0] == EXCLUDE
    assert recommend({"이름": 2, "전화번호": 1})[0] == PSEUDONYMISE
    assert recommend({}) == (SHARE, "개인정보를 찾지 못함 → 그대로 공유 가능")


def test_walks_subfolders_and_skips_lock_and_other_files(folder):
    names = [path.name for path in office_files(folder)]
    assert sorted(names) == ["공지.hwpx", "깨진파일.xlsx", "답변.docx", "명단.csv", "연락망.xlsx"]


def test_document_text_of_docx_and_hwpx(folder):
    assert document_text(folder / "민원" / "답변.docx") == [
        "교통행정과 박누리 주무관입니다.",
        "문의 " + PHONE,
    ]
    assert document_text(folder / "민원" / "공지.hwpx")[0] == "공영주차장 이용 시간 안내"


def _word_table(rows: list[list[str]]) -> str:
    def cells(row):
        return "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in row)

    return "<w:tbl>" + "".join(f"<w:tr>{cells(row)}</w:tr>" for row in rows) + "</w:tbl>"


def _hangul_table(rows: list[list[str]]) -> str:
    def cells(row):
        return "".join(
            f"<hp:tc><hp:subList><hp:p><hp:run><hp:t>{t}</hp:t></hp:run></hp:p></hp:subList></hp:tc>"
            for t in row
        )

    # 한글 anchors a table in a run of a paragraph
    rows_xml = "".join(f"<hp:tr>{cells(row)}</hp:tr>" for row in rows)
    return f"<hp:p><hp:run><hp:tbl>{rows_xml}</hp:tbl></hp:run></hp:p>"


PEOPLE = [["연번", "성명", "비고"], ["1", "김영희", "신규"], ["2", "박철수", "전입"]]


def test_a_table_in_a_document_is_read_row_by_row_under_its_header(tmp_path):
    docx, hwpx = tmp_path / "명단.docx", tmp_path / "명단.hwpx"
    body = f"<w:p><w:r><w:t>가입자 명단</w:t></w:r></w:p>{_word_table(PEOPLE)}"
    with zipfile.ZipFile(docx, "w") as package:
        package.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    section = f'<hs:sec xmlns:hs="urn:s" xmlns:hp="{HP}">{_hangul_table(PEOPLE)}</hs:sec>'
    with zipfile.ZipFile(hwpx, "w") as package:
        package.writestr("Contents/section0.xml", section)
    table = "| 연번 | 성명 | 비고 |\n| 1 | 김영희 | 신규 |\n| 2 | 박철수 | 전입 |"
    assert document_text(docx) == ["가입자 명단", table]
    assert document_text(hwpx) == [table]
    # the names in the 성명 column are found, as in the text table
    frame = inventory([docx, hwpx], tmp_path).set_index("경로")
    assert frame.loc["명단.docx", "이름"] == 2 and frame.loc["명단.hwpx", "이름"] == 2


def test_a_long_table_is_read_in_pieces_each_under_its_header(tmp_path, monkeypatch):
    import dadeum.cli.inventory as module

    monkeypatch.setattr(module, "_TABLE_ROWS_PER_TEXT", 2)
    docx = tmp_path / "명단.docx"
    rows = [*PEOPLE, ["3", "이도윤", "신규"]]
    xml = f'<w:document xmlns:w="{W}"><w:body>{_word_table(rows)}</w:body></w:document>'
    with zipfile.ZipFile(docx, "w") as package:
        package.writestr("word/document.xml", xml)
    pieces = document_text(docx)
    assert len(pieces) == 2 and all(p.startswith("| 연번 | 성명 | 비고 |\n") for p in pieces)


def test_inventory_rows(folder):
    frame = inventory(office_files(folder), folder).set_index("경로")
    assert frame.loc[str(Path("인사/명단.csv")), "판정"] == EXCLUDE
    assert "주민등록번호 → 공유 제외" not in frame.loc[str(Path("인사/명단.csv")), "판정 근거"]
    assert frame.loc[str(Path("인사/명단.csv")), "주민등록번호"] == 2
    assert frame.loc[str(Path("인사/2024/연락망.xlsx")), "판정"] == PSEUDONYMISE
    assert frame.loc[str(Path("민원/답변.docx")), "판정"] == PSEUDONYMISE
    assert frame.loc[str(Path("민원/공지.hwpx")), "판정"] == SHARE
    broken = frame.loc[str(Path("민원/깨진파일.xlsx"))]
    assert broken["판정"] == "확인 필요" and broken["읽기 오류"]


def test_command_writes_the_report_without_raw_values(folder, tmp_path):
    out = tmp_path / "점검결과.xlsx"
    result = dadeum("scan", folder, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "점검한 파일: 5개" in result.stdout
    assert "읽지 못한 파일" in result.stdout and "깨진파일.xlsx" in result.stdout
    assert "점검 중 [" in result.stderr
    sheet = openpyxl.load_workbook(out).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:7] == [
        "경로",
        "크기(KB)",
        "수정일",
        "개인정보",
        "판정",
        "판정 근거",
        "가린 예시",
    ]
    everything = repr(rows) + result.stdout + result.stderr
    for raw in (RRN, RRN[7:], PHONE, "홍길동", "김민수", "이영희", "박누리"):
        assert raw not in everything
    assert "홍*동" in everything


def test_csv_report_and_a_single_file(folder, tmp_path):
    out = tmp_path / "결과.csv"
    result = dadeum("scan", folder / "인사" / "명단.csv", "--out", out)
    assert result.returncode == 0, result.stderr
    report = pd.read_csv(out, encoding="utf-8-sig")
    assert report["판정"].tolist() == [EXCLUDE]
    # Without --out a single file is reported as before.
    assert "찾은 개인정보" in dadeum("scan", folder / "인사" / "명단.csv").stdout


def test_oversized_documents_are_listed_not_read(folder, monkeypatch):
    from dadeum.cli import inventory as module

    monkeypatch.setattr(module, "MAX_TEXT_BYTES", 10)
    frame = inventory([folder / "민원" / "답변.docx"], folder)
    assert frame["판정"].tolist() == ["확인 필요"]
    assert "너무 큽니다" in frame["읽기 오류"].iloc[0]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_redraws_on_a_terminal_even_through_the_escaping_stream():
    # The command runs inside safe_output, whose stream prints control characters as text.
    screen = Terminal()
    show = progress_bar(SafeStream(screen))
    for done in range(1, 4):
        show(done, 3)
    text = screen.getvalue()
    assert "\\u000d" not in text
    assert text.count("\r점검 중 [") == 3 and text.count("\n") == 1


def test_in_a_log_the_progress_bar_writes_a_line_per_tenth():
    log = io.StringIO()  # not a terminal: a scheduled job writing to a file
    show = progress_bar(SafeStream(log))
    for done in range(1, 101):
        show(done, 100)
    lines = log.getvalue().splitlines()
    assert "\r" not in log.getvalue() and "\\u000d" not in log.getvalue()
    assert len(lines) == 11 and " 1/100 " in lines[0] and " 10/100 " in lines[1]
    assert lines[-1].startswith("점검 중 [" + "#" * 30 + "] 100/100")


def test_the_command_draws_the_bar_on_a_terminal(folder, tmp_path):
    text = dadeum_on_a_terminal("scan", folder, "--out", tmp_path / "a.xlsx")
    assert "\r점검 중 [" in text and "5/5" in text
    assert "\\u000d" not in text
