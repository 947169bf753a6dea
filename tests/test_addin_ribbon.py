"""The ribbon as the manifest declares it: our own icons at every size, the Office manifest
rules (resids, id lengths, string lengths, element order), and the icons served over HTTP."""

import re
import xml.etree.ElementTree as ET

import httpx
import pytest
from PIL import Image

from dadeum.excel.ribbon import load_ribbon
from tests.conftest import ADDIN

NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
}
STATIC = ADDIN / "static"


def manifest_root() -> ET.Element:
    text = (ADDIN / "templates" / "manifest.xml").read_text(encoding="utf-8")
    # Jinja expressions become a placeholder host; the structure is what is checked here.
    plain = re.sub(r"\{\{ base_url \}\}\{\{ settings.static_url_path \}\}", "BASE/static", text)
    return ET.fromstring(re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", plain).encode("utf-8"))


def local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def images(root) -> dict[str, str]:
    return {el.get("id"): el.get("DefaultValue") for el in root.iter(f"{{{NS['bt']}}}Image")
            if el.get("id")}  # fmt: skip


def test_every_group_and_button_has_its_own_icon_at_16_32_80():
    root = manifest_root()
    urls = images(root)
    groups = load_ribbon(ADDIN / "ribbon.toml")
    owners = [g.id for g in groups] + [b.id for g in groups for b in g.buttons]
    for element in root.iter():
        if local(element) not in ("Group", "Control"):
            continue
        assert element.get("id") in owners
        icon = element.find("ov:Icon", NS)
        sizes = {int(img.get("size")): img.get("resid") for img in icon}
        assert sorted(sizes) == [16, 32, 80], element.get("id")
        for size, resid in sizes.items():
            path = STATIC / urls[resid].removeprefix("BASE/static/")
            with Image.open(path) as image:
                assert image.format == "PNG" and image.size == (size, size), path
    # No xlwings sample icon is left anywhere in the manifest.
    assert not any("xlwings" in url for url in urls.values())


def test_add_in_icons_exist_at_their_sizes():
    root = manifest_root()
    for tag, size in (("IconUrl", 32), ("HighResolutionIconUrl", 64)):
        url = root.find(f"o:{tag}", NS).get("DefaultValue")
        with Image.open(STATIC / url.removeprefix("BASE/static/")) as image:
            assert image.size == (size, size)


def test_icons_differ_between_buttons():
    # A glyph per button: two buttons never share the same picture.
    groups = load_ribbon(ADDIN / "ribbon.toml")
    pictures = [
        (STATIC / "images" / "ribbon" / f"{b.id}-32.png").read_bytes()
        for g in groups
        for b in g.buttons
    ]
    assert len(set(pictures)) == len(pictures)


def test_manifest_ids_and_strings_fit_office_limits():
    root = manifest_root()
    for element in root.iter():
        if local(element) in ("Group", "Control", "CustomTab"):
            assert len(element.get("id")) <= 32
        if element.get("resid"):
            assert len(element.get("resid")) <= 32
    for kind, limit in (("ShortStrings", 125), ("LongStrings", 250)):
        block = root.find(f".//bt:{kind}", NS)
        for string in block:
            values = [string.get("DefaultValue")] + [o.get("Value") for o in string]
            assert all(len(v) <= limit for v in values), string.get("id")
    # Every resid names a resource of the right kind.
    resources = root.find(".//ov:Resources", NS)
    kinds = {local(block): {el.get("id") for el in block} for block in resources}
    for element in root.iter():
        resid = element.get("resid")
        if not resid:
            continue
        tag = local(element)
        if tag == "Image":
            assert resid in kinds["Images"]
        elif tag in ("SourceLocation", "Runtime", "FunctionFile"):
            assert resid in kinds["Urls"], resid
        elif tag in ("Label", "Title", "Namespace"):
            assert resid in kinds["ShortStrings"], resid
        elif tag == "Description":
            assert resid in kinds["LongStrings"], resid


def _order(element: ET.Element) -> list[str]:
    names = []
    for child in element:
        if not names or names[-1] != local(child):
            names.append(local(child))
    return names


def test_manifest_elements_follow_the_schema_order():
    root = manifest_root()
    assert _order(root) == [
        "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
        "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts",
        "Requirements", "DefaultSettings", "Permissions", "VersionOverrides",
    ]  # fmt: skip
    assert _order(root.find(".//ov:Resources", NS)) == [
        "Images", "Urls", "ShortStrings", "LongStrings"
    ]  # fmt: skip
    tab = root.find(".//ov:CustomTab", NS)
    assert _order(tab) == ["Group", "Label"]
    for group in tab.findall("ov:Group", NS):
        assert _order(group) == ["Label", "Icon", "Control"]
        for control in group.findall("ov:Control", NS):
            assert _order(control) == ["Label", "Supertip", "Icon", "Action"]
            action = control.find("ov:Action", NS)
            kind = action.get(f"{{{'http://www.w3.org/2001/XMLSchema-instance'}}}type")
            expected = ["FunctionName"] if kind == "ExecuteFunction" else [
                "TaskpaneId", "SourceLocation"
            ]  # fmt: skip
            assert _order(action) == expected


def test_recipe_and_learning_groups_are_wired():
    groups = {g.id: g for g in load_ribbon(ADDIN / "ribbon.toml")}
    recipe = groups["RecipeGroup"]
    assert [b.label for b in recipe.buttons] == ["보기", "내보내기", "다시 실행"]
    assert [b.script for b in recipe.buttons] == ["show_recipe", "export_recipe", "replay_recipe"]
    training = groups["LearnGroup"].buttons[0]
    assert training.action == "taskpane" and training.section == "training"
    ribbon_js = (STATIC / "js" / "ribbon.js").read_text(encoding="utf-8")
    assert 'bindTaskpane("show-training", "training");' in ribbon_js


def test_a_bad_section_is_refused(tmp_path):
    from dadeum.errors import InvalidArgumentError

    toml = (ADDIN / "ribbon.toml").read_text(encoding="utf-8")
    broken = tmp_path / "ribbon.toml"
    broken.write_text(toml.replace('section = "training"', 'section = "학습 자료"'), "utf-8")
    with pytest.raises(InvalidArgumentError, match="section"):
        load_ribbon(broken)


def test_served_manifest_icons_are_served(live_server):
    manifest = httpx.get(live_server + "/manifest").text
    urls = set(re.findall(r'DefaultValue="([^"]+\.png)"', manifest))
    assert len(urls) >= 3 * 13
    for url in sorted(urls):
        response = httpx.get(url)
        assert response.status_code == 200 and response.headers["content-type"] == "image/png", url
