"""What the add-in server's own routes serve to the task pane: the training workbooks and the
pseudonymisation key's status. No xlwings here; ``addin/routers/custom.py`` wires it to URLs.
"""

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from dadeum.excel.runtime import REPO_ROOT

__all__ = [
    "EXAMPLES",
    "TRAINING_DIR_ENV",
    "TRAINING_SUFFIXES",
    "TrainingFile",
    "content_disposition",
    "find_training_file",
    "function_catalogue",
    "key_report",
    "training_dir",
    "training_files",
    "training_title",
]

TRAINING_DIR_ENV = "DADEUM_WORKBOOKS_DIR"
TRAINING_SUFFIXES = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    ".pdf": "application/pdf",
}
_NUMBER = re.compile(r"^\d+[_\-. ]*")

# One example call per custom function, shown in the task pane and inserted at the selection.
# A meta-test fails when a function has none or an example's arguments do not fit it.
EXAMPLES = {
    "clean_text": "(A2)",
    "to_number": "(A2)",
    "to_date": "(A2)",
    "to_phone": "(A2)",
    "check_id": '(A2, "사업자등록번호")',
    "split_address": "(A2)",
    "mr_check": "(A1:F30)",
    "tidy": "(A1:F30)",
    "unpivot": "(A1:M20, 1)",
    "count_by_period": '(A2:A500, "month")',
    "forecast_accuracy": "(A2:A400, B2:B400)",
    "forecast_complaints": "(A2:A400, B2:B400, 30)",
    "forecast_traffic": "(A2:A400, B2:B400, 14)",
    "classify_complaints": "(B2:B20, 지난민원!B2:B500, 지난민원!C2:C500)",
    "complaint_keywords": '(B2:B500, 10, A2:A500, "month")',
    "similar_complaints": "(B2, B3:B500, 5)",
    "find_pii": "(A2)",
    "mask_pii": '(A2, "성명")',
    "generalize": '(A2, "나이")',
    "k_anonymity": '(A1:F200, "연령대, 성별, 시군구")',
    "pseudonymize": "(A2)",
}


@dataclass(frozen=True)
class TrainingFile:
    name: str  # the file name, which is also the last part of its URL
    title: str
    size: int
    path: Path

    @property
    def media_type(self) -> str:
        return TRAINING_SUFFIXES[self.path.suffix.lower()]


def function_catalogue(namespace: str = "DADEUM") -> list[dict]:
    """Every custom function with its Korean summary and an example formula, e.g.
    ``=DADEUM.TO_NUMBER(A2)``; functions without an example show their bare call."""
    from udfs._catalogue import catalogue

    entries = []
    for entry in catalogue():
        arguments = EXAMPLES.get(entry["python_name"]) or "()"
        formula = f"={namespace}.{entry['excel_name']}{arguments}"
        entries.append({**entry, "example": formula})
    return entries


def training_dir() -> Path:
    """``workbooks/`` of the repository, or ``$DADEUM_WORKBOOKS_DIR``."""
    return Path(os.environ.get(TRAINING_DIR_ENV) or REPO_ROOT / "workbooks")


def training_title(file_name: str) -> str:
    """The title shown for a workbook: ``01_엑셀_데이터의_기본.xlsx`` → ``엑셀 데이터의 기본``."""
    stem = unicodedata.normalize("NFC", Path(file_name).stem)
    title = _NUMBER.sub("", stem).replace("_", " ")
    return " ".join(title.split()) or stem


def training_files(folder: Path | None = None) -> list[TrainingFile]:
    """The workbooks in the folder now (files only, no subfolders), sorted by name."""
    folder = training_dir() if folder is None else folder
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if (
            path.is_file()
            and not path.is_symlink()  # a link could point outside the folder
            and path.suffix.lower() in TRAINING_SUFFIXES
            and not path.name.startswith(("~$", "."))  # Excel's lock files, hidden files
        ):
            name = unicodedata.normalize("NFC", path.name)
            found.append(TrainingFile(name, training_title(name), path.stat().st_size, path))
    return sorted(found, key=lambda f: f.name)


def find_training_file(name: str, folder: Path | None = None) -> TrainingFile | None:
    """The listed workbook called ``name``, or None. Only names from the listing are served,
    so ``..``, slashes and anything outside the folder can never be reached."""
    wanted = unicodedata.normalize("NFC", name)
    return next((f for f in training_files(folder) if f.name == wanted), None)


def content_disposition(file_name: str) -> str:
    """An attachment header with the Korean name per RFC 6266/5987 and an ASCII fallback."""
    suffix = Path(file_name).suffix
    ascii_name = file_name.encode("ascii", "ignore").decode().strip(" _") or "dadeum"
    if not ascii_name.endswith(suffix) or ascii_name == suffix:
        ascii_name = "dadeum" + suffix
    ascii_name = re.sub(r'["\\\r\n]', "_", ascii_name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def key_report(name: str | None = None) -> dict:
    """Whether the pseudonymisation key the ribbon uses is configured, with its fingerprint.

    The same check as ``dadeum key status``; never the key, and not its path either.
    """
    from dadeum.engine.privacy.keys import key_status
    from dadeum.errors import DadeumError

    name = name or os.environ.get("DADEUM_KEY_NAME") or None
    try:
        status = key_status(name)
    except DadeumError as error:
        return {"name": name, "configured": False, "fingerprint": None, "problem": str(error),
                "private": None}  # fmt: skip
    return {
        "name": status.name,
        "configured": bool(status.exists and status.fingerprint),
        "fingerprint": status.fingerprint,
        "problem": status.problem,
        "private": status.private,
    }
