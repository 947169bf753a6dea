"""LibreOffice headless: recalculate workbooks and render them to PDF/PNG.

Used by the tests and by trainers who want to see a lesson as printed pages. The profile
forces "always recalculate" for .xlsx/.ods on load (OOXMLRecalcMode=0): otherwise
LibreOffice trusts cached formula results, and a workbook saved with stale results would
look graded when it is not.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from dadeum.errors import DadeumError

_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class LibreOfficeMissing(DadeumError):
    pass


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        raise LibreOfficeMissing(
            "LibreOffice(soffice)가 없습니다. Debian/Ubuntu에서는 "
            "'apt-get install libreoffice-calc-nogui'로 설치하세요."
        )
    return path


def make_profile(folder: Path, always_recalculate: bool = True) -> Path:
    """A throwaway LibreOffice user profile (by default one that always recalculates)."""
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    if always_recalculate:
        (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    return folder


def convert(
    paths: list[Path],
    out_dir: Path,
    target: str,
    timeout: float = 300,
    always_recalculate: bool = True,
) -> list[Path]:
    """Convert files with one LibreOffice process; returns the output paths in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dadeum-lo-") as tmp:
        profile = make_profile(Path(tmp) / "profile", always_recalculate)
        command = [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, paths),
        ]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={"HOME": tmp, "PATH": "/usr/bin:/bin:/usr/local/bin", "LANG": "C.UTF-8"},
        )
    suffix = "." + target.split(":")[0]
    outputs = [out_dir / (Path(p).stem + suffix) for p in paths]
    missing = [p for p in outputs if not p.exists()]
    if result.returncode != 0 or missing:
        raise DadeumError(
            f"LibreOffice 변환에 실패했습니다 ({target}): {result.stderr.strip()[:500]}"
        )
    return outputs


def recalculate(paths: list[Path], out_dir: Path, always_recalculate: bool = True) -> list[Path]:
    """Open each workbook in LibreOffice, recalculate every formula and save it as .xlsx."""
    return convert(
        paths, out_dir, "xlsx:Calc MS Excel 2007 XML", always_recalculate=always_recalculate
    )


def render_pdf(paths: list[Path], out_dir: Path) -> list[Path]:
    return convert(paths, out_dir, "pdf:calc_pdf_Export")


def pdf_to_png(pdf: Path, out_dir: Path, dpi: int = 80) -> list[Path]:
    """One PNG per page (pdftoppm from poppler-utils)."""
    tool = shutil.which("pdftoppm")
    if not tool:
        raise DadeumError("pdftoppm이 없습니다. 'apt-get install poppler-utils'로 설치하세요.")
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = out_dir / pdf.stem
    subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=120)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))
