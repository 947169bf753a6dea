"""System programs some tests need, checked in one place (a pytest plugin).

Mark a test ``@pytest.mark.needs("libreoffice", "poppler")``. When a program is missing the
test is skipped with the Debian/Ubuntu package that provides it, and the run ends with one
line naming the skipped groups and the one ``apt-get install`` that enables them. In CI
(``CI`` set to anything but ``false``/``0``/empty) a missing program fails the test instead:
``.ci/run`` installs them all, so CI can never go green by skipping.
"""

import functools
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Tool:
    label: str
    programs: tuple[str, ...]  # all needed; "a|b" means either name will do
    packages: tuple[str, ...]


# The regex the rendering test looks for in a PDF's font list.
KOREAN_FONTS = re.compile(r"Nanum|Noto.*CJK|Malgun|UnDotum|Baekmuk")

TOOLS = {
    "libreoffice": Tool("LibreOffice", ("soffice|libreoffice",), ("libreoffice-calc-nogui",)),
    "poppler": Tool("poppler", ("pdftoppm", "pdffonts", "pdftotext"), ("poppler-utils",)),
    "korean-fonts": Tool("Korean fonts", ("fc-list",), ("fonts-nanum", "fontconfig")),
    "chromium": Tool("Chromium", ("chromium|chromium-browser",), ("chromium",)),
    "nginx": Tool("nginx", ("nginx",), ("nginx",)),
    "redis": Tool("Redis", ("redis-server",), ("redis-server",)),
    "openssl": Tool("openssl", ("openssl",), ("openssl",)),
    "node": Tool("Node.js", ("node",), ("nodejs",)),
}

_skipped = pytest.StashKey[Counter]()


def which(name: str) -> str | None:
    """The path of a program; ``"a|b"`` gives the first of those names that is installed."""
    for candidate in name.split("|"):
        path = shutil.which(candidate)
        if path:
            return path
    return None


def missing(group: str) -> str | None:
    """Why ``group`` cannot run on this machine, or None when it can."""
    tool = TOOLS[group]
    absent = [name for name in tool.programs if which(name) is None]
    if absent:
        return f"{' or '.join(absent[0].split('|'))} not found"
    if group == "korean-fonts" and not _korean_font_installed():
        return "no Korean font (NanumGothic, Noto CJK …) installed"
    return None


@functools.cache
def _korean_font_installed() -> bool:
    done = subprocess.run(
        [which("fc-list") or "fc-list", ":lang=ko", "family"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return bool(KOREAN_FONTS.search(done.stdout))


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "needs(*groups): the system programs a test runs (" + ", ".join(TOOLS) + "); "
        "skipped when missing, failed when missing in CI",
    )
    config.stash[_skipped] = Counter()


def _groups(item) -> list[str]:
    return [group for mark in item.iter_markers("needs") for group in mark.args]


def pytest_collection_modifyitems(items):
    for item in items:  # a misspelt group would otherwise skip (or pass) silently
        unknown = sorted(set(_groups(item)) - set(TOOLS))
        if unknown:
            raise pytest.UsageError(f"{item.nodeid}: needs() knows no {unknown}; see {__name__}")


@pytest.hookimpl(tryfirst=True)  # before any fixture starts a program that is not there
def pytest_runtest_setup(item):
    groups = _groups(item)
    absent = {group: why for group in dict.fromkeys(groups) if (why := missing(group))}
    if not absent:
        return
    what = "; ".join(f"{TOOLS[group].label}: {why}" for group, why in absent.items())
    install = "apt-get install " + " ".join(_packages(absent))
    if in_ci():
        pytest.fail(f"CI must run every test, but {what} ({install})", pytrace=False)
    item.config.stash[_skipped].update(absent.keys())
    pytest.skip(f"needs {what}; {install}")


def _packages(groups) -> list[str]:
    return list(dict.fromkeys(package for group in groups for package in TOOLS[group].packages))


def summary(counts: Counter) -> str:
    """One line: the groups skipped and the one command that enables them all."""
    groups = [group for group in TOOLS if counts[group]]
    names = ", ".join(f"{TOOLS[g].label} ({counts[g]})" for g in groups)
    install = " ".join(_packages(groups))
    return f"skipped for missing programs: {names}; to run them: apt-get install {install}"


@pytest.hookimpl(wrapper=True, tryfirst=True)  # outermost, so after pytest's own -ra list
def pytest_terminal_summary(terminalreporter, config):
    result = yield
    counts = config.stash.get(_skipped, Counter())
    if counts:
        terminalreporter.write_line(summary(counts), yellow=True, bold=True)
    return result
