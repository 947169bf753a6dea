"""Reading and writing the files batch commands work on: .xlsx, .xls and .csv.

Kept out of the engine, which never touches files or Excel libraries. Every write is atomic:
the data goes to a temporary file in the destination folder and replaces the destination
only when complete, so a failure never leaves a half-written or empty output behind.
"""

import csv
import datetime as dt
import io
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dadeum import limits
from dadeum.engine.cells import is_blank
from dadeum.engine.issues import column_letter
from dadeum.engine.tables.grid import Merge
from dadeum.errors import InputFileError

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
LEGACY_EXCEL_SUFFIXES = (".xls",)
# .txt and .tsv: the tab-separated "텍스트" downloads of 서울 열린데이터광장 and TAAS.
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
# CSV written for Excel on Korean Windows: UTF-8 with a byte-order mark, or Excel guesses CP949.
CSV_WRITE_ENCODING = "utf-8-sig"
_UTF8_BOM = b"\xef\xbb\xbf"
# XML (and so .xlsx) cannot hold these control characters.
_XML_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


@dataclass
class Table:
    """A table read from a file: raw cell values anchored at the sheet's A1."""

    frame: pd.DataFrame
    path: Path
    sheet: str | None = None  # the worksheet read, for Excel files
    encoding: str | None = None  # how a CSV file was decoded, in words
    merges: list[Merge] = field(default_factory=list)  # merged areas, for Excel files

    def grid(self) -> pd.DataFrame:
        """The cells as a grid keyed by sheet row and column, merged areas filled in."""
        from dadeum.engine.tables.grid import make_grid, spread_merges

        grid = make_grid(self.frame.to_numpy(dtype=object).tolist())
        return spread_merges(grid, self.merges) if self.merges else grid

    @property
    def source_name(self) -> str:
        """What to call the source in a review list: the sheet name, or the CSV file name."""
        return self.sheet if self.sheet is not None else self.path.name


def file_kind(path: Path) -> str:
    """ "excel", "xls" or "csv" by file name, or an InputFileError naming what is accepted."""
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return "excel"
    if suffix in LEGACY_EXCEL_SUFFIXES:
        return "xls"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise InputFileError(f"{path.name}: .xlsx, .xls, .csv 또는 탭으로 나눈 .txt 파일만 다룹니다.")


def _content_kind(path: Path) -> str:
    """``file_kind``, corrected by the first bytes of an Excel file: systems export .xlsx
    workbooks under an .xls name (and the other way round), and Excel opens them anyway."""
    kind = file_kind(path)
    if kind == "csv":
        return kind
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return kind  # check_input_file says why in Korean
    if head.startswith(b"PK\x03\x04"):
        return "excel"
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE2: the old binary .xls
        return "xls"
    return kind


def sheet_names(path: str | os.PathLike) -> list[str | None]:
    """The worksheets of an Excel file in order; ``[None]`` for a CSV file (one table)."""
    path = Path(path)
    kind = _content_kind(path)
    check_input_file(path, kind)
    try:
        if kind == "excel":
            book = _calamine_book(path)
            if book is not None:
                return list(book.sheet_names)
            import openpyxl

            # Slow: read-only openpyxl still loads every shared string to list the sheets.
            book = openpyxl.load_workbook(_by_content(path), read_only=True)
            try:
                return list(book.sheetnames)
            finally:
                book.close()
        if kind == "xls":
            import xlrd

            return list(xlrd.open_workbook(path, on_demand=True).sheet_names())
    except InputFileError:
        raise
    except Exception as error:  # zip, XML and xlrd errors all mean "cannot read"
        raise InputFileError(f"{path.name}: 엑셀 파일을 열 수 없습니다 ({error}).") from error
    return [None]


def read_table(path: str | os.PathLike, *, sheet: str | None = None) -> Table:
    """Read the first worksheet (or ``sheet``) of an Excel file, or a CSV file, as a grid."""
    path = Path(path)
    kind = _content_kind(path)
    check_input_file(path, kind)
    if kind == "excel":
        return _read_excel(path, sheet)
    if kind == "xls":
        return _read_xls(path, sheet)
    return _read_csv(path)


_MB = 1024 * 1024
_RATIO_CHECKED_FROM = _MB  # small members (styles, rels) may compress very well


def _mb(size: float) -> str:
    return f"{size / _MB:,.0f} MB" if size >= 10 * _MB else f"{size / _MB:.1f} MB"


def check_input_file(path: Path, kind: str) -> None:
    """Refuse, before reading, a file too large to read safely or an .xlsx zip bomb: bounded
    size on disk, member count, total uncompressed size and compression ratio.

    The sizes checked are the ones the members declare. That is enough: calamine stops a
    member at its declared size ("File is larger than its declared uncompressed size") and
    Python's zipfile (openpyxl, merges) reads no further and then fails its CRC check, so a
    member that lies about its size is refused, not read (see test_hostile_files)."""
    if not path.is_file():
        raise InputFileError(f"파일을 찾을 수 없습니다: {path}")
    size, limit = path.stat().st_size, limits.max_file_bytes()
    if size > limit:
        raise InputFileError(
            f"{path.name}: 파일이 {_mb(size)}로 너무 큽니다 ({_mb(limit)}까지). "
            "필요한 시트나 기간만 새 파일로 저장해 나누어 주세요."
        )
    if kind == "excel":
        _check_zip(path)


def _check_zip(path: Path) -> None:
    limit = limits.max_unzipped_bytes()
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.MAX_ZIP_MEMBERS:
                raise _bomb(path, f"안에 든 항목이 {len(members):,}개로 비정상적으로 많습니다")
            total = sum(member.file_size for member in members)
            if total > limit:
                raise _bomb(
                    path,
                    f"압축을 풀면 {_mb(total)}가 됩니다 ({_mb(limit)}까지)",
                )
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > _RATIO_CHECKED_FROM and ratio > limits.MAX_ZIP_RATIO:
                    why = (f"압축률이 {ratio:,.0f}배로 비정상적입니다 (엑셀 파일은 보통 수십 배 "
                           f"이하, {limits.MAX_ZIP_RATIO}배까지 엽니다)")  # fmt: skip
                    raise _bomb(path, why)
    except zipfile.BadZipFile as error:
        raise InputFileError(
            f"{path.name}: 엑셀 파일을 열 수 없습니다 ({error}). 엑셀에서 열어 다시 저장해 주세요."
        ) from error


def _bomb(path: Path, why: str) -> InputFileError:
    return InputFileError(
        f"{path.name}: {why}. 압축 폭탄이거나 지나치게 큰 파일일 수 있어 열지 않습니다. "
        "엑셀에서 열어 필요한 시트만 새 파일로 저장해 주세요."
    )


def _check_cell_lengths(frame: pd.DataFrame, is_text: np.ndarray, j: int, where: str) -> None:
    lengths = frame[j][is_text].str.len()
    if len(lengths) and lengths.max() > limits.MAX_CELL_CHARS:
        row = int(lengths.idxmax())
        raise InputFileError(
            f"{where}의 {column_letter(j + 1)}{row + 1} 셀이 {int(lengths.max()):,}자로 한 셀에 "
            f"들어갈 수 있는 {limits.MAX_CELL_CHARS:,}자를 넘어 이 파일을 읽지 않습니다. "
            "그 셀을 고치거나 지운 뒤 다시 실행해 주세요."
        )


def _check_extent(rows: int, columns: int, where: str) -> None:
    if rows * columns > limits.MAX_GRID_CELLS:
        raise InputFileError(
            f"{where}의 표가 {rows:,}행 × {columns:,}열({rows * columns:,}칸)에 걸쳐 있어 "
            f"읽지 않습니다 ({limits.MAX_GRID_CELLS:,}칸까지). 멀리 떨어진 셀에 값이나 서식이 "
            "남아 있지 않은지 확인하고, 필요한 범위만 새 파일로 저장해 주세요."
        )


def _grid(rows: Sequence[Sequence[Any]], where: str = "파일") -> pd.DataFrame:
    """Rows of cells as a rectangular object DataFrame, without trailing blank rows/columns.

    A cell longer than Excel's 32,767 characters refuses the file, naming ``where`` (the
    sheet or file) and the cell: no program of ours wrote it, and it would not fit back."""
    width = max((len(row) for row in rows), default=0)
    _check_extent(len(rows), width, where)
    padded = [[*row, *([None] * (width - len(row)))] for row in rows]
    frame = pd.DataFrame(padded, columns=range(width), dtype=object)
    filled = np.zeros(frame.shape, dtype=bool)
    for j in range(width):
        column = frame[j]
        is_text = column.map(_is_text).to_numpy(dtype=bool)
        filled[:, j] = column.notna().to_numpy(dtype=bool)
        if is_text.any():
            _check_cell_lengths(frame, is_text, j, where)
            stripped = column[is_text].astype(str).str.strip()
            filled[is_text, j] = (stripped != "").to_numpy(dtype=bool)
    if not filled.any():
        return pd.DataFrame()
    last_row = np.flatnonzero(filled.any(axis=1))[-1]
    last_column = np.flatnonzero(filled.any(axis=0))[-1]
    return frame.iloc[: last_row + 1, : last_column + 1].reset_index(drop=True)


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _by_content(path: Path) -> Any:
    """What openpyxl should open: the path, or for an .xlsx under another name (which
    openpyxl refuses by its name) the bytes."""
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return path
    return io.BytesIO(path.read_bytes())  # size bounded by check_input_file


def _calamine_book(path: Path):
    """The workbook opened by calamine, or None when calamine is missing or cannot read it."""
    try:
        from python_calamine import CalamineWorkbook

        if path.suffix.lower() in EXCEL_SUFFIXES:
            return CalamineWorkbook.from_path(str(path))
        with open(path, "rb") as handle:  # an .xlsx under another name: read by content
            return CalamineWorkbook.from_filelike(handle)
    except Exception:  # calamine's errors have no common base; openpyxl words them instead
        return None


def _read_excel(path: Path, sheet: str | None) -> Table:
    """Read with calamine (Rust, about ten times faster than openpyxl on a 5,000-row sheet);
    a file calamine cannot read goes to openpyxl, which also words the error."""
    book = _calamine_book(path)
    if book is None:
        return _read_excel_openpyxl(path, sheet)
    names = list(book.sheet_names)
    if sheet is None:
        title = names[0] if names else None
    elif sheet in names:
        title = sheet
    else:
        listed = ", ".join(f"'{name}'" for name in names)
        raise InputFileError(f"{path.name}에 '{sheet}' 시트가 없습니다. 이 파일의 시트: {listed}")
    xml = _sheet_xml(path, names.index(title))
    # calamine builds the whole A1-to-last-cell range at once, and a Rust allocation failure
    # aborts the process: the extent is checked from the XML first.
    _check_xml_extent(xml, f"'{title}' 시트")
    try:
        rows = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except Exception:
        return _read_excel_openpyxl(path, sheet)
    rows = [[_as_openpyxl_value(value) for value in row] for row in rows]
    grid = _grid(rows, f"'{title}' 시트")
    return Table(grid, path, sheet=title, merges=_merges(xml))


_EXACT_INTEGERS = 2**53


def _as_openpyxl_value(value: Any) -> Any:
    """Cells as openpyxl gives them, so both readers feed the engine the same values:
    blank → None, whole numbers → int, dates → datetime."""
    if value == "":
        return None
    if type(value) is float:
        if value.is_integer() and abs(value) < _EXACT_INTEGERS:
            return int(value)
        return value
    if type(value) is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


def _read_excel_openpyxl(path: Path, sheet: str | None) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(_by_content(path), read_only=True, data_only=True)
    except Exception as error:  # zip, XML and openpyxl errors all mean "cannot read"
        raise InputFileError(f"{path.name}: 엑셀 파일을 열 수 없습니다 ({error}).") from error
    try:
        names = book.sheetnames
        if sheet is None:
            worksheet = book.worksheets[0]
        elif sheet in names:
            worksheet = book[sheet]
        else:
            listed = ", ".join(f"'{name}'" for name in names)
            raise InputFileError(
                f"{path.name}에 '{sheet}' 시트가 없습니다. 이 파일의 시트: {listed}"
            )
        title = worksheet.title
        position = names.index(title)
        xml = _sheet_xml(path, position)
        _check_xml_extent(xml, f"'{title}' 시트")
        # Some programs write a wrong sheet size; read every row that is really there.
        worksheet.reset_dimensions()
        rows = list(worksheet.iter_rows(values_only=True))
    finally:
        book.close()
    return Table(_grid(rows, f"'{title}' 시트"), path, sheet=title, merges=_merges(xml))


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
_SHEET_ENTRY = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\b(Id|Target)="([^"]*)"')


def _sheet_xml(path: Path, position: int) -> bytes:
    """The ``position``-th worksheet's XML (b"" when it cannot be found); its size is bounded
    by ``check_input_file``."""
    try:
        with zipfile.ZipFile(path) as archive:
            sheet_ids = _SHEET_ENTRY.findall(archive.read("xl/workbook.xml"))
            targets = {}
            for tag in _RELATIONSHIP.findall(archive.read("xl/_rels/workbook.xml.rels")):
                attributes = dict(_ATTRIBUTE.findall(tag))
                targets[attributes.get(b"Id")] = attributes.get(b"Target", b"")
            target = targets[sheet_ids[position]].decode()
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            return archive.read(member)
    except (KeyError, IndexError, zipfile.BadZipFile):
        return b""  # the reader words the problem; merges only help


def _merges(xml: bytes) -> list[Merge]:
    """The merged areas of a worksheet, read from its XML directly: openpyxl's fast read-only
    mode does not report them."""
    return [Merge.from_range(ref.decode()) for ref in _MERGE_REF.findall(xml)]


# As Excel and openpyxl write row tags; other spellings find no rows and take the exact scan.
_ROW_NUMBER = re.compile(rb'<row r="([0-9]{1,9})"')
_WIDE_CELL = re.compile(rb' r="([A-Z]{2,3})[0-9]')
_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,9})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_xml_extent(xml: bytes, where: str) -> None:
    """Refuse a sheet whose cells span more than MAX_GRID_CELLS from A1, before any reader
    builds that grid. Cheap first: rows from the row tags (a cell cannot be in a longer row
    number unless some cell reference has more digits, searched for once), columns from the
    few references with two or three letters; the exact scan of every reference only when
    that bound is over the limit. Cells without a reference are placed one after another,
    so then a row's cell count bounds the width and the number of rows the height."""
    row_tags = _ROW_NUMBER.findall(xml)
    rows = max(map(int, row_tags), default=0)
    cells = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>")
    if cells + len(row_tags) > xml.count(b' r="'):  # some cells or rows carry no reference
        rows = max(rows, xml.count(b"<row"))
        widest = max(part.count(b"<c") for part in xml.split(b"</row>"))
        _check_extent(rows, widest, where)
    digits = len(str(rows))
    longer = re.compile(rb' r="[A-Z]{1,3}[0-9]{%d,}"' % (digits + 1))
    wide = {_column_number(letters) for letters in set(_WIDE_CELL.findall(xml))}
    columns = max(wide, default=26)
    if longer.search(xml) is None and (10**digits - 1) * columns <= limits.MAX_GRID_CELLS:
        return
    refs = _CELL_REF.findall(xml)
    rows = max(rows, max((int(number) for _, number in refs), default=0))
    columns = max((_column_number(letters) for letters in {c for c, _ in refs}), default=0)
    _check_extent(rows, columns, where)


def _read_xls(path: Path, sheet: str | None) -> Table:
    import xlrd

    try:
        book = xlrd.open_workbook(path, formatting_info=True)
    except Exception as error:  # xlrd raises many kinds for a damaged or foreign file
        raise InputFileError(f"{path.name}: 엑셀 파일을 열 수 없습니다 ({error}).") from error
    names = book.sheet_names()
    if sheet is not None and sheet not in names:
        listed = ", ".join(f"'{name}'" for name in names)
        raise InputFileError(f"{path.name}에 '{sheet}' 시트가 없습니다. 이 파일의 시트: {listed}")
    worksheet = book.sheet_by_name(sheet) if sheet is not None else book.sheet_by_index(0)
    rows = []
    for r in range(worksheet.nrows):
        row = []
        for cell in worksheet.row(r):
            if cell.ctype == xlrd.XL_CELL_DATE:
                row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                row.append(bool(cell.value))
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                row.append(None)
            else:
                row.append(cell.value)
        rows.append(row)
    merges = [Merge(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in worksheet.merged_cells]
    return Table(_grid(rows, f"'{worksheet.name}' 시트"), path, sheet=worksheet.name, merges=merges)


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
        encoding = "UTF-8 (BOM)" if data.startswith(_UTF8_BOM) else "UTF-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
            encoding = "CP949"
        except UnicodeDecodeError as error:
            raise InputFileError(
                f"{path.name}: 글자 인코딩을 알 수 없습니다. UTF-8이나 CP949(엑셀의 'CSV' 저장)로 "
                "저장된 파일만 읽습니다."
            ) from error
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        rows, cells = [], 0
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += len(row)
            if cells > limits.MAX_GRID_CELLS:  # stop before the rows outgrow memory
                raise InputFileError(
                    f"{path.name}: {len(rows) + 1:,}행까지 칸이 {limits.MAX_GRID_CELLS:,}개를 "
                    "넘어 더 읽지 않습니다. 파일을 기간이나 지역별로 나누어 주세요."
                )
            rows.append(row)
    except csv.Error as error:
        if "field larger than field limit" in str(error):  # far past the cell limit below
            raise InputFileError(
                f"{path.name}: 한 셀이 {limits.MAX_CELL_CHARS:,}자를 훨씬 넘어 읽지 않습니다. "
                '따옴표(")가 닫히지 않았거나 CSV가 아닌 파일일 수 있습니다.'
            ) from error
        raise InputFileError(f"{path.name}: CSV 형식이 올바르지 않습니다 ({error}).") from error
    return Table(_grid(rows, path.name), path, encoding=encoding)


def _temporary(destination: Path) -> Path:
    """An empty temporary file beside ``destination`` (same folder, so os.replace is atomic)."""
    try:
        handle, name = tempfile.mkstemp(
            dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise InputFileError(
            f"{destination.parent}에 파일을 쓸 수 없습니다 ({error.strerror or error})."
        ) from error
    os.close(handle)
    # mkstemp makes the file private (0600); give it the mode a normal new file would get.
    umask = os.umask(0)
    os.umask(umask)
    mode = destination.stat().st_mode & 0o777 if destination.exists() else 0o666 & ~umask
    os.chmod(name, mode)
    return Path(name)


def write_outputs(writers: dict[Path, Callable[[Path], None]]) -> None:
    """Write one or more files atomically: all are replaced, or none is and no temporary file
    is left behind.

    ``writers`` maps each destination to a function that writes the file at a given path.
    Every file is first written to a temporary file in its destination's folder.
    """
    temporaries: list[tuple[Path, Path]] = []
    try:
        for destination, write in writers.items():
            temporary = _temporary(Path(destination))
            temporaries.append((Path(destination), temporary))
            write(temporary)
        for destination, temporary in temporaries:
            os.replace(temporary, destination)
    except BaseException as error:
        for _, temporary in temporaries:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, InputFileError):
            raise InputFileError(f"결과 파일을 쓰지 못했습니다: {error}") from error
        raise


def _plain(value: Any) -> Any:
    """An engine value as a plain Python value a file writer accepts; blanks become None."""
    if is_blank(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    return value


# Spreadsheet programs run a CSV cell starting with these as a formula (=HYPERLINK(…),
# =cmd|' /C calc'!A0): OWASP's "CSV injection". Tab and CR start one after trimming.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Left as written: plain numbers (-12.5) and the statistical placeholder "-" (dashes alone),
# which spreadsheets read as a number or as text, never as a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-+")


def csv_safe(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet will run: one starting with =, +, -, @, tab or CR
    gets a leading ``'`` (shown by Excel as text), unless it is a plain number like -12.5 or a
    lone placeholder dash."""
    if text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(value: Any) -> str:
    """How a value is written to CSV: dates as yyyy-mm-dd, whole numbers without ".0"."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return csv_safe(str(value))


def write_csv(path: Path, frame: pd.DataFrame, *, header: Sequence[str] | None = None) -> None:
    """Write a grid (and an optional header row) as UTF-8 CSV with a BOM. Every CSV Dadeum
    writes goes through here, so no cell can be run as a formula (``csv_safe``)."""
    with open(path, "w", encoding=CSV_WRITE_ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        if header is not None:
            writer.writerow([csv_safe(str(name)) for name in header])
        for row in frame.itertuples(index=False, name=None):
            writer.writerow([csv_text(value) for value in row])


def write_excel(
    path: Path, sheets: dict[str, tuple[pd.DataFrame, dict[int, tuple[int, str]]]]
) -> None:
    """Write grids to a new .xlsx file: sheet name → (grid, {column: (first row, format)}).

    Rows before a column's first formatted row (the header) keep the default format. Text is
    always stored as text, never as a formula, and characters XML cannot hold are dropped.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    for name, (frame, _) in sheets.items():
        rows, columns = frame.shape
        if rows > limits.EXCEL_MAX_ROWS or columns > limits.EXCEL_MAX_COLUMNS:
            # Excel would open such a file cut short or not at all, without saying why.
            raise InputFileError(
                f"'{name}' 시트가 {rows:,}행 × {columns:,}열이라 엑셀 한 시트"
                f"({limits.EXCEL_MAX_ROWS:,}행 × {limits.EXCEL_MAX_COLUMNS:,}열)에 담을 수 "
                "없습니다. 결과 파일을 .csv로 지정해 주세요."
            )
    book = Workbook(write_only=True)
    for name, (frame, formats) in sheets.items():
        sheet = book.create_sheet(name)
        for row_number, row in enumerate(frame.itertuples(index=False, name=None)):
            cells = []
            for position, value in enumerate(row):
                value = _plain(value)
                if isinstance(value, str):
                    value = value.translate(_XML_ILLEGAL)
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # "=..." stays text
                fmt = formats.get(position)
                if fmt and row_number >= fmt[0] and value is not None:
                    cell.number_format = fmt[1]
                cells.append(cell)
            sheet.append(cells)
    book.save(path)
