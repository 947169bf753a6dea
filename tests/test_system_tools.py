"""The needs(...) marker: a missing system program skips with the package to install, except in
CI where it fails; the run ends with one line saying what to install."""

import os
import subprocess
import sys
import textwrap
from collections import Counter

import pytest

from tests.conftest import REPO
from tests.system_tools import TOOLS, summary

TINY = textwrap.dedent(
    """
    import pytest

    @pytest.mark.needs("libreoffice")
    def test_recalculates():
        pass

    @pytest.mark.needs("libreoffice", "poppler")
    def test_renders():
        pass

    def test_needs_nothing():
        pass
    """
)


def _pytest(folder, path_dir, ci: str | None, source=TINY) -> subprocess.CompletedProcess:
    """pytest with the plugin on a tiny test file, with ``path_dir`` as the whole PATH."""
    (folder / "test_tiny.py").write_text(source, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env.update(PATH=str(path_dir), PYTHONPATH=str(REPO))
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.system_tools", "-p", "no:cacheprovider",
         "-rs", "--rootdir", str(folder), str(folder / "test_tiny.py")],
        cwd=folder, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def empty_path(tmp_path):
    (tmp_path / "bin").mkdir()
    return tmp_path / "bin"


def test_missing_program_skips_naming_the_package(tmp_path, empty_path):
    done = _pytest(tmp_path, empty_path, ci=None)
    assert done.returncode == 0, done.stdout
    assert "1 passed, 2 skipped" in done.stdout
    assert "needs LibreOffice: soffice or libreoffice not found" in done.stdout
    assert "apt-get install libreoffice-calc-nogui" in done.stdout
    lines = done.stdout.splitlines()
    summary = [line for line in lines if "missing programs" in line]
    assert (
        summary
        == lines[-2:-1]
        == [
            "skipped for missing programs: LibreOffice (2), poppler (1); "
            "to run them: apt-get install libreoffice-calc-nogui poppler-utils"
        ]
    )


@pytest.mark.parametrize("ci", ["true", "1"])
def test_missing_program_fails_in_ci(tmp_path, empty_path, ci):
    done = _pytest(tmp_path, empty_path, ci=ci)
    assert done.returncode == 1
    assert "1 passed, 2 errors" in done.stdout  # failed in set-up, before any fixture
    assert "CI must run every test, but LibreOffice: soffice or libreoffice not found" in (
        done.stdout
    )
    assert "missing programs" not in done.stdout


@pytest.mark.parametrize("ci", [None, "false", ""])
def test_installed_programs_run_the_test(tmp_path, empty_path, ci):
    for name in ("soffice", "pdftoppm", "pdffonts", "pdftotext"):
        stand_in = empty_path / name
        stand_in.write_text("#!/bin/sh\n", encoding="ascii")
        stand_in.chmod(0o755)
    done = _pytest(tmp_path, empty_path, ci=ci)
    assert done.returncode == 0, done.stdout
    assert "3 passed" in done.stdout and "missing programs" not in done.stdout


def test_unknown_group_stops_the_run(tmp_path, empty_path):
    typo = 'import pytest\n\n@pytest.mark.needs("libreofice")\ndef test_x():\n    pass\n'
    done = _pytest(tmp_path, empty_path, ci=None, source=typo)
    assert done.returncode != 0
    assert "needs() knows no ['libreofice']" in done.stdout + done.stderr


def test_ci_and_readme_install_every_program():
    everything = summary(Counter(dict.fromkeys(TOOLS, 1))).split("to run them: ")[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'export CI="${CI:-true}"' in ci
    for tool in TOOLS.values():
        assert all(f"need+=({package}" in ci or f" {package})" in ci for package in tool.packages)
    assert f"`{everything}`" in (REPO / "README.md").read_text(encoding="utf-8")
