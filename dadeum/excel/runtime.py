"""Where the add-in lives and how xlwings must be set up before it is imported.

This module itself imports no Excel library; it only prepares the environment.
"""

import os
from pathlib import Path

from dadeum.errors import InputFileError

REPO_ROOT = Path(__file__).resolve().parents[2]
# xlwings' PolyForm Noncommercial licence covers government institutions (see README).
DEFAULT_LICENSE_KEY = "noncommercial"


def addin_dir() -> Path:
    """The xlwings Server project folder (``addin/``), or ``$DADEUM_ADDIN_DIR``."""
    folder = Path(os.environ.get("DADEUM_ADDIN_DIR") or REPO_ROOT / "addin").resolve()
    if not (folder / "custom_functions").is_dir():
        raise InputFileError(
            f"추가 기능 폴더를 찾을 수 없습니다: {folder}. 저장소에서 'pip install -e .'로 "
            "설치했는지, 또는 DADEUM_ADDIN_DIR이 addin 폴더를 가리키는지 확인하세요."
        )
    return folder


def prepare_xlwings(project_dir: Path | None = None) -> None:
    """Set what xlwings and xlwings Server read at import time; call before importing them.

    Without ``XLWINGS_ON_SERVER`` the decorators are no-ops on Linux, and without a licence
    key xlwings Server refuses to start.
    """
    os.environ["XLWINGS_ON_SERVER"] = "true"
    os.environ.setdefault("XLWINGS_LICENSE_KEY", DEFAULT_LICENSE_KEY)
    if project_dir is not None:
        os.environ["XLWINGS_PROJECT_DIR"] = str(project_dir)
    # Worker processes import ``udfs`` and ``custom_functions`` by name.
    paths = [str(REPO_ROOT), *([str(project_dir)] if project_dir else [])]
    existing = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([*paths, *existing]))
