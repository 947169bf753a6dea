"""``dadeum scan FOLDER --out 점검결과.xlsx``: an inventory of the personal data in every office
file under a folder, with a recommendation per file (그대로 공유 가능 / 가명처리 후 공유 /
공유 제외) for deciding what may be synced.

Reads .xlsx, .xls and .csv (every sheet) and the text of .hwpx and .docx files. A file that
cannot be read is listed with the reason and the walk goes on. Only counts and masked samples
are written; no raw value is printed or stored. Bounded: files over ``MAX_FILE_BYTES`` and
documents whose text parts unpack to more than ``MAX_TEXT_BYTES`` are listed, not read.
"""

import re
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd

from dadeum.cli._terminal import carriage_return
from dadeum.engine.privacy.detect import PII_TYPES
from dadeum.engine.privacy.inventory import recommend

TABLE_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv"}
TEXT_SUFFIXES = {".docx", ".hwpx"}
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 64 * 1024 * 1024
SAMPLES = 3
COLUMNS = ["경로", "크기(KB)", "수정일", "개인정보", "판정", "판정 근거", "가린 예시", "읽기 오류"]


def office_files(folder: Path) -> list[Path]:
    """Every file to check under ``folder`` (subfolders too), in path order; Office lock files
    (``~$…``) are skipped."""
    suffixes = TABLE_SUFFIXES | TEXT_SUFFIXES
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in suffixes and not path.name.startswith("~$") and path.is_file()
    )


def inventory(files: list[Path], root: Path, *, progress=None) -> pd.DataFrame:
    """One row per file (columns ``COLUMNS`` then one count column per type found)."""
    rows = []
    for number, path in enumerate(files, start=1):
        rows.append(_row(path, root))
        if progress is not None:
            progress(number, len(files))
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    kinds = [kind for kind in PII_TYPES if kind in frame.columns]
    frame[kinds] = frame[kinds].fillna(0).astype(int)
    return frame[COLUMNS + kinds]


def _row(path: Path, root: Path) -> dict:
    stat = path.stat()
    row = {
        "경로": str(path.relative_to(root)) if path != root else path.name,
        "크기(KB)": round(stat.st_size / 1024, 1),
        "수정일": datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M"),
        "읽기 오류": "",
    }
    try:
        records = _records(path, stat.st_size)
    except Exception as error:  # any unreadable file: listed with the reason, never a traceback
        row.update({"개인정보": "", "판정": "확인 필요", "판정 근거": "파일을 읽지 못함"})
        row.update({"가린 예시": "", "읽기 오류": _reason(error)})
        return row
    counts: dict[str, int] = {}
    samples: dict[str, list[str]] = {}
    for record in records:
        counts[record.type] = counts.get(record.type, 0) + 1
        kept = samples.setdefault(record.type, [])
        if len(kept) < SAMPLES and record.sample not in kept:
            kept.append(record.sample)
    verdict, reason = recommend(counts)
    order = sorted(counts, key=lambda kind: -counts[kind])
    row["개인정보"] = ", ".join(f"{kind} {counts[kind]:,}" for kind in order)
    row["판정"], row["판정 근거"] = verdict, reason
    row["가린 예시"] = "; ".join(f"{kind}: {', '.join(samples[kind])}" for kind in order)
    row.update(counts)
    return row


class _TooLarge(Exception):
    pass


def _records(path: Path, size: int) -> list:
    from dadeum.engine.privacy.detect_scan import scan_frame

    if size > MAX_FILE_BYTES:
        raise _TooLarge(f"파일이 너무 큽니다({size / 1024 / 1024:,.0f} MB)")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        paragraphs = document_text(path)
        if not paragraphs:
            return []
        frame = pd.DataFrame({0: paragraphs}, dtype=object)
        return scan_frame(frame, sheet="본문", header=False)
    from dadeum.fileio import read_table, sheet_names

    records = []
    for name in sheet_names(path):
        table = read_table(path, sheet=name)
        if not table.frame.empty:
            records += scan_frame(table.frame, sheet=table.source_name)
    return records


# Text parts of a .docx (Word) and a .hwpx (한글, OWPML) package.
_DOCX_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_HWPX_PARTS = re.compile(r"Contents/(?:section\d+|header)\.xml")
_PARAGRAPH_TAGS = {"p"}  # w:p (Word) and hp:p (한글): one paragraph each
_TEXT_TAGS = {"t"}  # w:t and hp:t
_BREAK_TAGS = {"tab", "br", "lineBreak"}  # a tab or a break inside a paragraph: a space
_TABLE_ROWS_PER_TEXT = 50  # a long table is read in pieces, each under its header row


def document_text(path: Path) -> list[str]:
    """The paragraphs of a .docx or .hwpx file, in order. A table is one text per up to
    fifty rows, a row per line, cells between ' | ', its first row repeated on top of each
    piece: detection reads a name under a 성명 header as it does in a text table."""
    parts = _DOCX_PARTS if path.suffix.lower() == ".docx" else _HWPX_PARTS
    with zipfile.ZipFile(path) as package:
        names = [info for info in package.infolist() if parts.fullmatch(info.filename)]
        if sum(info.file_size for info in names) > MAX_TEXT_BYTES:
            raise _TooLarge("문서 내용이 너무 큽니다(압축을 풀면 64 MB 초과)")
        paragraphs: list[str] = []
        for info in sorted(names, key=lambda i: _natural(i.filename)):
            with package.open(info) as handle:
                paragraphs += _paragraphs(handle)
    return [text for text in paragraphs if text.strip()]


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _paragraphs(handle) -> list[str]:
    out: list[str] = []
    pieces: list[str] = []  # the text of the paragraph being read
    depth = 0  # paragraphs inside paragraphs (a text box): one paragraph in all
    # Paragraph depth where each open table starts: 한글 anchors a table inside a paragraph,
    # Word does not. An inner table's cells join the outer table's cell.
    tables: list[int] = []
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    for event, element in ElementTree.iterparse(handle, events=("start", "end")):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in _PARAGRAPH_TAGS:
            depth += 1 if event == "start" else -1
            if event == "end" and depth == (tables[-1] if tables else 0):
                (cell if tables else out).append("".join(pieces))
                pieces = []
        elif tag == "tbl":
            if event == "start":
                if not tables:
                    rows = []
                    if pieces:  # text before the table in its paragraph
                        out.append("".join(pieces))
                        pieces = []
                tables.append(depth)
            else:
                tables.pop()
                if not tables:
                    out += _table_texts(rows)
        elif event == "end" and tag == "tc" and len(tables) == 1:
            row.append(" ".join(text.strip() for text in cell if text.strip()))
            cell = []
        elif event == "end" and tag == "tr" and len(tables) == 1:
            rows.append(row)
            row = []
        elif event == "end":
            if tag in _TEXT_TAGS and element.text:
                pieces.append(element.text)
            elif tag in _BREAK_TAGS:
                pieces.append(" ")
        if event == "end":
            element.clear()
    return out


def _table_texts(rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(cells) + " |" for cells in rows if any(cells)]
    if len(lines) <= 1:
        return lines
    header, body = lines[0], lines[1:]
    return [
        "\n".join([header, *body[i : i + _TABLE_ROWS_PER_TEXT]])
        for i in range(0, len(body), _TABLE_ROWS_PER_TEXT)
    ]


def _reason(error: Exception) -> str:
    """A Korean reason for the report; never the file's content."""
    if isinstance(error, _TooLarge):
        return str(error)
    if isinstance(error, zipfile.BadZipFile):
        return "손상되었거나 형식이 맞지 않는 파일입니다"
    if isinstance(error, PermissionError):
        return "파일을 열 권한이 없습니다"
    if isinstance(error, ElementTree.ParseError):
        return "문서 내용(XML)을 읽을 수 없습니다"
    message = getattr(error, "korean_message", None) or getattr(error, "message", None)
    if isinstance(message, str) and not message.isascii():
        return message
    text = str(error)
    if text and not text.isascii() and len(text) < 200:
        return text
    return f"읽을 수 없는 파일입니다({type(error).__name__})"


def progress_bar(stream=None):
    """A one-line progress bar on ``stream`` (stderr): [#####.....] 12/345, redrawn in place
    on a terminal; in a pipe or log file (Task Scheduler), where \\r would pile up, one line
    when it starts and per tenth of the way."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    live = bool(isatty and isatty())
    started = time.perf_counter()
    shown = [-1]  # the last tenth written to a pipe

    def show(done: int, total: int) -> None:
        tenth = 10 * done // max(total, 1)
        if not live and tenth == shown[0] and done != total:
            return
        shown[0] = tenth
        width = 30
        filled = width * done // max(total, 1)
        rate = done / max(time.perf_counter() - started, 1e-9)
        bar = "#" * filled + "." * (width - filled)
        if live:
            carriage_return(stream)
        stream.write(f"점검 중 [{bar}] {done:,}/{total:,} (초당 {rate:,.1f}개)")
        if done == total or not live:
            stream.write("\n")
        stream.flush()

    return show
