"""Meta-tests that keep the add-in's surface honest."""

import ast
import inspect
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import custom_functions
import custom_scripts
import xlwings.server

import udfs
from tests.conftest import ADDIN, REPO

HANGUL = re.compile("[가-힣]")


def udf_functions():
    return [getattr(udfs, name) for name in udfs.__all__]


def test_server_metadata_lists_every_udf():
    # xlwings Server silently serves [] when custom_functions fails to import.
    meta = xlwings.server.custom_functions_meta(custom_functions)
    served = {function["id"] for function in meta["functions"]}
    assert served, "custom-functions metadata is empty"
    assert served == {name.upper() for name in udfs.__all__}


def test_every_function_has_korean_docs_for_itself_and_each_argument():
    for function in udf_functions():
        assert HANGUL.search(function.__doc__ or ""), function.__name__
        for arg in function.__xlfunc__["args"]:
            assert HANGUL.search(arg.get("doc") or ""), f"{function.__name__}({arg['name']})"


def test_python_names_are_lower_case_and_unique_across_modules():
    names = []
    for module_path in (REPO / "udfs").glob("[!_]*.py"):
        tree = ast.parse(module_path.read_text(encoding="utf-8"))
        names += [
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
        ]
    assert len(names) == len(set(names)), sorted(names)
    assert all(name == name.lower() for name in names)
    assert set(udfs.__all__) <= set(names)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_engine_imports_no_excel_library():
    for path in (REPO / "dadeum" / "engine").rglob("*.py"):
        excel = _imports(path) & {"xlwings", "xlwings_server", "openpyxl", "udfs"}
        assert not excel, f"{path.relative_to(REPO)} imports {excel}"


def test_every_ribbon_action_is_bound_to_an_existing_script():
    manifest = (ADDIN / "templates" / "manifest.xml").read_text(encoding="utf-8")
    ribbon_js = (ADDIN / "static" / "js" / "ribbon.js").read_text(encoding="utf-8")
    actions = set(re.findall(r"<FunctionName>([^<]+)</FunctionName>", manifest))
    bindings = dict(re.findall(r'bindRibbon\("([^"]+)",\s*"([^"]+)"', ribbon_js))
    # Task pane buttons with a section open the pane there instead of running a script.
    sections = dict(re.findall(r'bindTaskpane\("([^"]+)",\s*"([^"]+)"', ribbon_js))
    assert actions and actions == set(bindings) | set(sections)
    assert not set(bindings) & set(sections)
    scripts = {
        name for name, obj in inspect.getmembers(custom_scripts) if hasattr(obj, "__xlscript__")
    }
    assert set(bindings.values()) <= scripts
    # ... and every section exists in the task pane page.
    page = (ADDIN / "templates" / "taskpane.html").read_text(encoding="utf-8")
    for section in sections.values():
        assert f'id="{section}"' in page, section


def test_manifest_resource_ids_resolve_and_fit_office_limits():
    text = (ADDIN / "templates" / "manifest.xml").read_text(encoding="utf-8")
    # Render the Jinja expressions away; only the structure is checked here.
    plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text)
    root = ET.fromstring(plain.encode("utf-8"))
    ids = [el.get("id") for el in root.iter() if el.get("id") and el.tag.endswith("}String")]
    ids += [
        el.get("id") for el in root.iter() if el.tag.endswith(("}Url", "}Image")) and el.get("id")
    ]
    assert len(ids) == len(set(ids))
    used = {el.get("resid") for el in root.iter() if el.get("resid")}
    assert used <= set(ids), used - set(ids)
    assert all(len(resid) <= 32 for resid in used)
    for el in root.iter():
        if el.tag.endswith("}String") and el.get("DefaultValue"):
            assert len(el.get("DefaultValue")) <= 250


def test_generated_ribbon_files_are_up_to_date():
    # addin/ribbon.toml is the one list of buttons; run `dadeum addin build` after editing it.
    from dadeum.excel.ribbon import load_ribbon, render_manifest, render_ribbon_js

    groups = load_ribbon(ADDIN / "ribbon.toml")
    manifest = (ADDIN / "templates" / "manifest.xml").read_text(encoding="utf-8")
    ribbon_js = (ADDIN / "static" / "js" / "ribbon.js").read_text(encoding="utf-8")
    assert render_manifest(manifest, groups) == manifest
    assert render_ribbon_js(groups) == ribbon_js


def test_ribbon_groups_follow_the_tab_plan():
    from dadeum.excel.ribbon import load_ribbon

    # Issue 9: a 다듬 tab with groups 정리, 변환, 개인정보, 예측, 레시피, 학습.
    labels = [group.label for group in load_ribbon(ADDIN / "ribbon.toml")]
    assert labels == ["정리", "변환", "개인정보", "예측", "레시피", "학습"]
