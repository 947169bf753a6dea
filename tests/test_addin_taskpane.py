"""The task pane as a real server serves it: every function with an example to insert, the
recipe, key and training sections, and nothing that points outside the server."""

import csv
import inspect
import re
from html.parser import HTMLParser

import httpx
import pytest

import udfs
from dadeum.server.pages import EXAMPLES
from tests.conftest import running_server


class Page(HTMLParser):
    """The parts of the page the tests look at: ids, catalogue entries, links, assets."""

    def __init__(self, text: str):
        super().__init__()
        self.ids, self.functions, self.links, self.assets = set(), {}, [], []
        self._function = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "data-name" in attrs:
            self._function = attrs["data-name"]
            self.functions[self._function] = {}
        if "dadeum-insert" in (attrs.get("class") or "") and self._function:
            self.functions[self._function]["formula"] = attrs["data-formula"]
        if tag == "a" and attrs.get("download") is not None:
            self.links.append(attrs)
        if tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])


@pytest.fixture(scope="module")
def pane(tmp_path_factory):
    books = tmp_path_factory.mktemp("workbooks")
    (books / "01_엑셀_데이터의_기본.xlsx").write_bytes(b"PK" + b"x" * 3000)
    (books / "02_정리_함수.xlsx").write_bytes(b"PK")
    with running_server(env={"DADEUM_WORKBOOKS_DIR": str(books)}) as base:
        yield base, httpx.get(base + "/taskpane.html").text


def test_every_function_is_listed_with_an_example_to_insert(pane):
    _, text = pane
    page = Page(text)
    names = {name.upper() for name in udfs.__all__}
    assert set(page.functions) == names
    for name, entry in page.functions.items():
        assert entry["formula"].startswith(f"=DADEUM.{name}("), name
        assert entry["formula"] in text or entry["formula"].replace('"', "&#34;") in text


def _arguments(example: str) -> list[str]:
    inner = example.strip()[1:-1]
    return [a for a in next(csv.reader([inner], skipinitialspace=True)) if a] if inner else []


def test_every_example_fits_its_function():
    for name in udfs.__all__:
        assert name in EXAMPLES, f"no task pane example for {name}"
        parameters = [
            p for p in inspect.signature(getattr(udfs, name)).parameters.values()
            if p.kind is p.POSITIONAL_OR_KEYWORD
        ]  # fmt: skip
        required = [p for p in parameters if p.default is inspect.Parameter.empty]
        count = len(_arguments(EXAMPLES[name]))
        assert len(required) <= count <= len(parameters), name
    assert set(EXAMPLES) <= set(udfs.__all__)  # no example for a function that is gone


def test_sections_the_ribbon_and_the_issue_ask_for(pane):
    _, text = pane
    page = Page(text)
    assert {"functions", "recipe", "settings", "training", "key-status"} <= page.ids
    assert "_다듬_레시피" in httpx.get(pane[0] + "/static/js/main.js").text


def test_no_token_field_when_sign_in_is_off(pane):
    _, text = pane
    assert 'id="settings"' in text and 'id="access-token"' not in text


def test_training_links_come_from_the_folder(pane):
    base, text = pane
    links = Page(text).links
    titles = [re.sub(r"\s+", " ", t) for t in re.findall(r'download="[^"]+">([^<]+)</a>', text)]
    assert titles == ["엑셀 데이터의 기본", "정리 함수"]
    assert [link["download"] for link in links if link.get("download") != "레시피.json"] == [
        "01_엑셀_데이터의_기본.xlsx",
        "02_정리_함수.xlsx",
    ]
    for link in links:
        if link["href"].startswith("/training/"):
            assert httpx.get(base + link["href"]).status_code == 200


def test_nothing_in_our_pages_points_outside_the_server(pane):
    base, text = pane
    own = base.removeprefix("http://")
    allowed = {own, own.replace("127.0.0.1", "localhost")}
    xml_namespaces = {"schemas.microsoft.com", "www.w3.org"}
    page = Page(text)
    ours = [src for src in page.assets if src.startswith("/static/js/main.js")
            or src.startswith(("/static/js/ribbon.js", "/static/css/style.css"))]  # fmt: skip
    assert len(ours) == 3
    # Every asset the page loads comes from this server.
    assert all(src.startswith("/") and not src.startswith("//") for src in page.assets), page.assets
    texts = [text, httpx.get(base + "/manifest").text]
    texts += [httpx.get(base + src).text for src in ours]
    for served in texts:
        hosts = set(re.findall(r"(?:https?:)?//([A-Za-z0-9.-]+\.[A-Za-z]{2,}|[0-9.]+:\d+)", served))
        assert hosts - xml_namespaces <= allowed, hosts


def test_an_empty_training_folder_says_so(tmp_path):
    with running_server(env={"DADEUM_WORKBOOKS_DIR": str(tmp_path / "없음")}) as base:
        text = httpx.get(base + "/taskpane.html").text
        assert "아직 올려 둔 학습 자료가 없습니다" in text
        assert httpx.get(base + "/training").json() == []
