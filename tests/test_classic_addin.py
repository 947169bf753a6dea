"""The classic Windows add-in: ``dadeum addin classic`` builds Dadeum.xlam without Excel.

What can be checked on Linux is checked here: the zip, the untouched VBA project, the ribbon
XML against the customUI 2006/01 rules, the settings sheet read back by openpyxl, the
overwrite rules, the VBA dispatcher file, and the Python side of the dispatcher run on a
real xlwings Book with the decorators as classic Excel has them.
"""

import inspect
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dadeum.errors import InputFileError, InvalidArgumentError
from dadeum.excel import classic_ribbon
from dadeum.excel.ribbon import load_ribbon
from dadeum.excel.xlam import (
    CUSTOMUI_NAMESPACE,
    CUSTOMUI_PART,
    DISPATCH_MACRO,
    VBA_PART,
    XLAM_NAME,
    build_xlam,
    bundled_template,
    default_icon_folder,
    has_dispatcher,
    write_xlam,
)

from .conftest import ADDIN, REPO, run_dadeum

NS = {"ui": CUSTOMUI_NAMESPACE}
CHANGED_PARTS = {CUSTOMUI_PART, "xl/workbook.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml",
                 "[Content_Types].xml"}  # fmt: skip
ICONS = default_icon_folder(ADDIN)
# Attributes the customUI 2006/01 schema allows on these elements (the subset a ribbon of
# plain buttons can use); anything else makes Excel reject the whole ribbon.
ALLOWED = {
    "tab": {"id", "idQ", "idMso", "tag", "label", "getLabel", "visible", "getVisible", "keytip",
            "getKeytip", "insertAfterMso", "insertBeforeMso", "insertAfterQ", "insertBeforeQ"},
    "group": {"id", "idQ", "idMso", "tag", "label", "getLabel", "image", "imageMso", "getImage",
              "screentip", "getScreentip", "supertip", "getSupertip", "visible", "getVisible",
              "keytip", "getKeytip", "insertAfterMso", "insertBeforeMso", "insertAfterQ",
              "insertBeforeQ"},
    "button": {"id", "idQ", "idMso", "tag", "label", "getLabel", "image", "imageMso",
               "getImage", "size", "getSize", "onAction", "enabled", "getEnabled",
               "screentip", "getScreentip", "supertip", "getSupertip", "keytip", "getKeytip",
               "showLabel", "getShowLabel", "showImage", "getShowImage", "visible",
               "getVisible", "insertAfterMso", "insertBeforeMso", "insertAfterQ",
               "insertBeforeQ"},
}  # fmt: skip
MAX_STRING = 1024  # ST_String, ST_LongString (labels, screentips, supertips, tags)
ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # xsd:ID, kept to ASCII


def _toml_script_buttons() -> list[dict]:
    data = tomllib.loads((ADDIN / "ribbon.toml").read_text(encoding="utf-8"))
    return [b for g in data["group"] for b in g.get("button", []) if b.get("script")]


@pytest.fixture(scope="module")
def groups():
    return load_ribbon(ADDIN / "ribbon.toml")


@pytest.fixture(scope="module")
def built(groups, tmp_path_factory):
    out = tmp_path_factory.mktemp("classic")
    result = write_xlam(out, groups, template=bundled_template(), icon_folder=ICONS)
    return result.path


# --- the zip ------------------------------------------------------------------------------


def test_the_xlam_is_a_valid_zip_with_the_template_members_in_order(built):
    with zipfile.ZipFile(built) as archive, zipfile.ZipFile(bundled_template()) as template:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names[: len(template.namelist())] == template.namelist()
        added = names[len(template.namelist()) :]
        assert all(n.startswith("customUI/images/") for n in added if not n.endswith(".rels"))
        for name in template.namelist():
            if name not in CHANGED_PARTS:
                assert archive.read(name) == template.read(name), name
        assert archive.read(VBA_PART) == template.read(VBA_PART)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_rebuild_gives_identical_bytes(groups, built, tmp_path):
    again = write_xlam(tmp_path, groups, template=bundled_template(), icon_folder=ICONS).path
    assert again.read_bytes() == built.read_bytes()
    assert build_xlam(bundled_template(), groups, icon_folder=ICONS) == built.read_bytes()


# --- the ribbon XML -------------------------------------------------------------------------


def _ribbon(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read(CUSTOMUI_PART))


def test_customui_follows_the_2006_schema_rules(built):
    root = _ribbon(built)
    assert root.tag == f"{{{CUSTOMUI_NAMESPACE}}}customUI"
    tabs = root.findall("ui:ribbon/ui:tabs/ui:tab", NS)
    assert len(tabs) == 1 and tabs[0].get("label") == "다듬"
    ids = []
    for element in root.iter():
        name = element.tag.split("}")[1]
        if name in ALLOWED:
            assert set(element.attrib) <= ALLOWED[name], (name, element.attrib)
            assert ID_PATTERN.match(element.get("id", "")), element.attrib
            ids.append(element.get("id"))
            for key in ("label", "screentip", "supertip", "tag"):
                value = element.get(key)
                assert value is None or 1 <= len(value) <= MAX_STRING, (key, value)
            assert element.get("label"), element.attrib
    assert len(ids) == len(set(ids))
    for group in tabs[0].findall("ui:group", NS):
        assert 1 <= len(group) <= 1000
        assert all(child.tag == f"{{{CUSTOMUI_NAMESPACE}}}button" for child in group)


def test_every_script_button_of_ribbon_toml_calls_the_dispatcher_with_its_script(built):
    buttons = _ribbon(built).findall(".//ui:button", NS)
    expected = _toml_script_buttons()
    assert [b.get("id") for b in buttons] == [b["id"] for b in expected]
    for element, button in zip(buttons, expected, strict=True):
        assert element.get("onAction") == DISPATCH_MACRO
        assert element.get("tag") == button["script"]
        assert element.get("label") == button["label"]
        assert element.get("supertip") == button["tip"]
        assert bool(element.get("imageMso")) != bool(element.get("image"))
        assert callable(classic_ribbon.resolve(element.get("tag")))


def test_our_own_icons_are_packaged_as_customui_images(built):
    root = _ribbon(built)
    with zipfile.ZipFile(built) as archive:
        rels = ET.fromstring(archive.read("customUI/_rels/customUI.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        assert {r.get("Type").rsplit("/", 1)[1] for r in rels} == {"image"}
        used = {e.get("image") for e in root.iter() if e.get("image")}
        assert used and used == set(targets)
        for name, target in targets.items():
            png = archive.read(f"customUI/{target}")
            assert png == (ICONS / f"{name}-32.png").read_bytes() and png[:4] == b"\x89PNG"
        types = archive.read("[Content_Types].xml").decode()
        assert 'Extension="png" ContentType="image/png"' in types
    buttons = {e.get("id") for e in root.findall(".//ui:button", NS)}
    assert buttons <= used  # every script button has its PNG in this repository


def test_without_icons_every_button_gets_a_built_in_one(groups, tmp_path):
    path = write_xlam(tmp_path, groups, template=bundled_template()).path
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(bundled_template()) as template:
        assert archive.namelist() == template.namelist()
        assert archive.read("[Content_Types].xml") == template.read("[Content_Types].xml")
    for element in _ribbon(path).iter():
        assert element.get("image") is None
    assert all(b.get("imageMso") for b in _ribbon(path).findall(".//ui:button", NS))


def test_the_task_pane_button_is_left_out(built):
    data = tomllib.loads((ADDIN / "ribbon.toml").read_text(encoding="utf-8"))
    panes = [b["id"] for g in data["group"] for b in g.get("button", []) if not b.get("script")]
    ids = {element.get("id") for element in _ribbon(built).iter()}
    assert panes and not ids & set(panes)


# --- the settings sheet -----------------------------------------------------------------------


def _open(path: Path) -> openpyxl.Workbook:
    """The add-in read by openpyxl, which knows .xlsm but not the add-in content type: only
    [Content_Types].xml is changed in the copy it reads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"ms-excel.addin.macroEnabled", b"ms-excel.sheet.macroEnabled")
            copy.writestr(info, data)
    return openpyxl.load_workbook(buffer, keep_vba=True)


def _settings(path: Path) -> dict:
    book = _open(path)
    assert book.sheetnames == ["myaddin.conf"]  # no leading "_": the VBA reads this sheet
    sheet = book["myaddin.conf"]
    return {row[0].value: row[1].value for row in sheet.iter_rows(min_row=1, max_col=2)}


def test_the_settings_sheet_is_on_and_names_the_udf_package(built):
    settings = _settings(built)
    assert settings["UDF Modules"] == "udfs"
    assert settings["Debug UDFs"] is False
    assert settings["Interpreter_Win"] is None  # the user's own config decides


def test_interpreter_and_pythonpath_go_into_the_settings_sheet(groups, tmp_path):
    path = write_xlam(
        tmp_path,
        groups,
        template=bundled_template(),
        settings={"Interpreter_Win": r"C:\Dadeum\python\pythonw.exe", "PYTHONPATH": r"C:\a&b"},
    ).path
    settings = _settings(path)
    assert settings["Interpreter_Win"] == r"C:\Dadeum\python\pythonw.exe"
    assert settings["PYTHONPATH"] == r"C:\a&b"
    assert settings["UDF Modules"] == "udfs"


def test_the_title_names_dadeum(built):
    book = _open(built)
    assert book.properties.title == "다듬 (Dadeum)"


# --- never overwrite what is not ours ------------------------------------------------------------


def test_its_own_previous_output_is_replaced_atomically(groups, tmp_path):
    path = write_xlam(tmp_path, groups[:1], template=bundled_template()).path
    older = path.read_bytes()
    result = write_xlam(tmp_path, groups, template=bundled_template())
    assert result.changed and path.read_bytes() != older
    assert not write_xlam(tmp_path, groups, template=bundled_template()).changed
    assert sorted(p.name for p in tmp_path.iterdir()) == [XLAM_NAME]  # no temporary left


def test_a_foreign_file_is_not_overwritten_without_force(groups, tmp_path):
    path = tmp_path / XLAM_NAME
    path.write_bytes(b"someone's add-in")
    with pytest.raises(InputFileError, match="--force"):
        write_xlam(tmp_path, groups, template=bundled_template())
    assert path.read_bytes() == b"someone's add-in"
    write_xlam(tmp_path, groups, template=bundled_template(), force=True)
    assert zipfile.is_zipfile(path)


def _template_with_dispatcher(folder: Path) -> Path:
    """The bundled template with a VBA project that lists the imported DadeumRibbon module,
    standing in for the add-in saved after the one-time step in Excel."""
    template = folder / "template.xlam"
    with zipfile.ZipFile(bundled_template()) as source, zipfile.ZipFile(template, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == VBA_PART:
                data = data.replace(b"Module=RibbonMyAddin", b"Module=DadeumRibbon\r\nModule=R")
            out.writestr(info, data)
    return template


def test_an_add_in_with_the_vba_step_done_is_never_overwritten_by_a_plain_build(groups, tmp_path):
    template = _template_with_dispatcher(tmp_path)
    out = tmp_path / "out"
    done = write_xlam(out, groups, template=template)
    assert done.has_dispatcher
    assert not write_xlam(out, groups, template=template).changed
    with pytest.raises(InputFileError, match="--template"):
        write_xlam(out, groups, template=bundled_template())
    with zipfile.ZipFile(done.path) as archive:
        assert has_dispatcher(archive.read(VBA_PART))


def test_the_bundled_template_has_no_dispatcher_yet():
    with zipfile.ZipFile(bundled_template()) as archive:
        assert not has_dispatcher(archive.read(VBA_PART))


def test_a_template_that_is_not_an_add_in_is_refused(groups, tmp_path):
    bad = tmp_path / "bad.xlam"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputFileError, match="틀"):
        write_xlam(tmp_path / "out", groups, template=bad)
    assert not (tmp_path / "out" / XLAM_NAME).exists()


def test_the_command_builds_and_refuses_to_overwrite(tmp_path):
    done = run_dadeum("addin", "classic", "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Dadeum.xlam" in done.stdout and "RibbonDispatch" in done.stdout
    (tmp_path / XLAM_NAME).write_bytes(b"x")
    again = run_dadeum("addin", "classic", "--out", tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr
    assert (tmp_path / XLAM_NAME).read_bytes() == b"x"


# --- the VBA side of the dispatcher -----------------------------------------------------------


def test_the_vba_module_file_is_importable_by_the_vba_editor():
    raw = (REPO / "addin" / "classic" / "RibbonDispatch.bas").read_bytes()
    assert raw.isascii()  # the VBA editor reads .bas files in the system code page
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF throughout
    text = raw.decode("ascii")
    assert text.startswith('Attribute VB_Name = "DadeumRibbon"\r\n')
    assert f"Sub {DISPATCH_MACRO}(control As IRibbonControl)" in text
    command = re.search(r'RunPython "import ([\w.]+) as r; r\.(\w+)\(', text)
    assert command, text
    module = __import__(command.group(1), fromlist=["_"])
    assert module is classic_ribbon and callable(getattr(module, command.group(2)))


# --- the Python side of the dispatcher ----------------------------------------------------------


def test_every_ribbon_script_resolves():
    names = [b["script"] for b in _toml_script_buttons()]
    assert list(classic_ribbon.ribbon_scripts()) == names
    for name in names:
        script = classic_ribbon.resolve(name)
        assert script.__name__ == name
        # RunPython passes only the workbook: every other parameter needs a default.
        params = list(inspect.signature(script).parameters.values())
        assert params and all(p.default is not p.empty for p in params[1:])


@pytest.mark.parametrize("tag", ["nope", "", None, "add_result_sheet", "__import__", "taskpane"])
def test_unknown_tags_get_a_korean_error(tag):
    with pytest.raises(InvalidArgumentError, match="알 수 없는 리본 단추"):
        classic_ribbon.resolve(tag)


CHILD = textwrap.dedent(
    """
    import json, sys
    import xlwings as xw
    assert not xw.on_server  # the decorators are plain, as xlwings' COM ones return them
    sys.path.insert(0, sys.argv[1])
    from conftest_payload import book_json
    from dadeum.excel import classic_ribbon
    out = {}
    book = xw.Book(json=book_json({"Sheet1": [["연도", "인원"], [2023, 1], ["", 2]]}, "A1:B3"))
    classic_ribbon.run("check_sheet", book)
    out["check_sheet"] = [a["func"] for a in book.json()["actions"]]
    book = xw.Book(json=book_json({"Sheet1": [["연도", "인원"]]}, "A1:B1"))
    classic_ribbon.run("nope", book)
    out["nope"] = [(a["func"], a["args"][:2]) for a in book.json()["actions"]]
    print(json.dumps(out, ensure_ascii=False))
    """
)


def test_the_dispatcher_runs_scripts_with_classic_decorators(tmp_path):
    # book_json from conftest, without conftest's own XLWINGS_ON_SERVER set-up.
    from .conftest import _used_address, book_json

    payload = tmp_path / "conftest_payload.py"
    payload.write_text(
        "import xlwings as xw\n\n"
        + textwrap.dedent(_source(_used_address))
        + "\n\n"
        + textwrap.dedent(_source(book_json)),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_ON_SERVER"}
    env["XLWINGS_LICENSE_KEY"] = "noncommercial"  # the Book(json=...) engine needs it here
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["check_sheet"][0] == "addSheet" and "setValues" in out["check_sheet"]
    [(func, (message, title))] = out["nope"]
    assert func == "alert" and title == "다듬" and "알 수 없는 리본 단추" in message


def _source(function) -> str:
    return inspect.getsource(function)
