"""Generate the ribbon parts of the add-in from ``addin/ribbon.toml``, the one list of buttons.

The manifest template (``addin/templates/manifest.xml``) keeps its hand-written frame; the parts
between ``<!-- ribbon:NAME -->`` and ``<!-- /ribbon:NAME -->`` markers, the whole of
``addin/static/js/ribbon.js`` and the icons in ``addin/static/images/ribbon/`` (see
``dadeum.excel.icons``) are written from the button list.

Fields of ``ribbon.toml`` (new ones are optional, so older files still load):
group ``id, label, label_en`` and optional ``icon`` (the glyph drawn) and ``color``;
button ``id, label, label_en, tip, tip_en``, then ``script`` (an @xw.script) or
``action = "taskpane"``, optional ``section`` (the task pane section a taskpane button opens)
and optional ``icon``.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from dadeum.errors import InvalidArgumentError

TAB_ID = "DadeumTab"
MAX_RESID = 32  # Office manifest limit for resource ids
ICON_SIZES = (16, 32, 80)
ICON_FOLDER = "images/ribbon"  # under static/
LONGEST_SUFFIX = ".Icon16"  # the longest resid suffix added to a group or button id
MAX_SHORT = 125
MAX_LONG = 250
_SECTION = re.compile(r"[a-z][a-z0-9-]{0,30}")


def _icons(owner: str, indent: str) -> str:
    images = "".join(
        f'\n{indent}  <bt:Image size="{size}" resid="{owner}.Icon{size}" />' for size in ICON_SIZES
    )
    return f"<Icon>{images}\n{indent}</Icon>"


@dataclass(frozen=True)
class Button:
    id: str
    label: str
    label_en: str
    tip: str
    tip_en: str
    script: str | None = None
    action: str = "script"
    section: str | None = None
    icon: str | None = None

    @property
    def function_name(self) -> str:
        """The ExecuteFunction name ribbon.js binds: clean_sheet → run-clean-sheet, and a task
        pane button with a section → show-<section>."""
        if self.action == "taskpane":
            return f"show-{self.section}"
        return "run-" + (self.script or "").replace("_", "-")

    @property
    def glyph(self) -> str:
        return self.icon or self.label[:1]


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    label_en: str
    buttons: tuple[Button, ...]
    icon: str | None = None
    color: str | None = None

    @property
    def glyph(self) -> str:
        return self.icon or self.label[:1]


def load_ribbon(path: Path) -> list[Group]:
    """The groups and buttons of ``ribbon.toml``, checked against the manifest's limits."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = []
    for group in data.get("group", []):
        buttons = tuple(
            Button(**{k: v for k, v in button.items()}) for button in group.get("button", [])
        )
        extra = {"icon": group.get("icon"), "color": group.get("color")}
        groups.append(Group(group["id"], group["label"], group["label_en"], buttons, **extra))
    _validate(groups)
    return groups


def _validate(groups: list[Group]) -> None:
    ids = [g.id for g in groups] + [b.id for g in groups for b in g.buttons]
    problems = []
    if len(ids) != len(set(ids)):
        problems.append("같은 id가 두 번 쓰였습니다")
    for name in ids:
        if len(name + LONGEST_SUFFIX) > MAX_RESID:
            problems.append(f"id '{name}'가 너무 깁니다")
    for group in groups:
        for button in group.buttons:
            if button.action not in ("script", "taskpane"):
                problems.append(f"{button.id}: action은 script 또는 taskpane입니다")
            if button.action == "script" and not button.script:
                problems.append(f"{button.id}: script가 없습니다")
            if button.section is not None and (
                button.action != "taskpane" or not _SECTION.fullmatch(button.section)
            ):
                problems.append(f"{button.id}: section은 taskpane 단추에 영문 소문자로 씁니다")
            if max(len(button.label), len(button.label_en)) > MAX_SHORT:
                problems.append(f"{button.id}: 이름이 너무 깁니다")
            if max(len(button.tip), len(button.tip_en)) > MAX_LONG:
                problems.append(f"{button.id}: 설명이 {MAX_LONG}자를 넘습니다")
    if problems:
        raise InvalidArgumentError("ribbon.toml: " + "; ".join(problems))


def _string(resid: str, korean: str, english: str, indent: str) -> str:
    return (
        f'{indent}<bt:String id="{resid}" DefaultValue={quoteattr(korean)}>\n'
        f'{indent}  <bt:Override Locale="en-US" Value={quoteattr(english)} />\n'
        f"{indent}</bt:String>"
    )


def render_groups(groups: list[Group], indent: str = " " * 14) -> str:
    lines = []
    for group in groups:
        lines.append(f'{indent}<Group id="{group.id}">')
        lines.append(f'{indent}  <Label resid="{group.id}.Label" />')
        lines.append(indent + "  " + _icons(group.id, indent + "  "))
        for button in group.buttons:
            inner = indent + "    "
            lines.append(f'{indent}  <Control xsi:type="Button" id="{button.id}">')
            lines.append(f'{inner}<Label resid="{button.id}.Label" />')
            lines.append(f"{inner}<Supertip>")
            lines.append(f'{inner}  <Title resid="{button.id}.Label" />')
            lines.append(f'{inner}  <Description resid="{button.id}.Tip" />')
            lines.append(f"{inner}</Supertip>")
            lines.append(inner + _icons(button.id, inner))
            if button.action == "taskpane" and button.section is None:
                lines.append(f'{inner}<Action xsi:type="ShowTaskpane">')
                lines.append(f"{inner}  <TaskpaneId>DadeumTaskpane</TaskpaneId>")
                lines.append(f'{inner}  <SourceLocation resid="Taskpane.Url" />')
            else:
                lines.append(f'{inner}<Action xsi:type="ExecuteFunction">')
                lines.append(f"{inner}  <FunctionName>{button.function_name}</FunctionName>")
            lines.append(f"{inner}</Action>")
            lines.append(f"{indent}  </Control>")
        lines.append(f"{indent}</Group>")
    return "\n".join(lines)


def render_short_strings(groups: list[Group], indent: str = " " * 8) -> str:
    items = []
    for group in groups:
        items.append(_string(f"{group.id}.Label", group.label, group.label_en, indent))
        for button in group.buttons:
            items.append(_string(f"{button.id}.Label", button.label, button.label_en, indent))
    return "\n".join(items)


def render_long_strings(groups: list[Group], indent: str = " " * 8) -> str:
    return "\n".join(
        _string(f"{button.id}.Tip", button.tip, button.tip_en, indent)
        for group in groups
        for button in group.buttons
    )


def render_images(groups: list[Group], indent: str = " " * 8) -> str:
    """The manifest's bt:Image resources: one per group or button and size."""
    url = "{{ base_url }}{{ settings.static_url_path }}/" + ICON_FOLDER
    owners = [g.id for g in groups] + [b.id for g in groups for b in g.buttons]
    return "\n".join(
        f'{indent}<bt:Image id="{owner}.Icon{size}" DefaultValue="{url}/{owner}-{size}.png" />'
        for owner in owners
        for size in ICON_SIZES
    )


def render_ribbon_js(groups: list[Group]) -> str:
    bindings = []
    for group in groups:
        for button in group.buttons:
            if button.action == "script":
                bindings.append(
                    f'bindRibbon("{button.function_name}", "{button.script}", '
                    f'"{group.id}", "{button.id}");'
                )
            elif button.section is not None:
                bindings.append(f'bindTaskpane("{button.function_name}", "{button.section}");')
    return RIBBON_JS.replace("{tab}", TAB_ID) + "\n".join(bindings) + "\n"


RIBBON_JS = """\
// Generated by `dadeum addin build` from addin/ribbon.toml: edit that file, not this one.
// Each ribbon button runs one Python script; it is disabled while the script runs, and an
// error is shown as an alert with the server's Korean message.
function setEnabled(groupId, buttonId, enabled) {
  if (!Office.ribbon || !Office.ribbon.requestUpdate) return Promise.resolve();
  return Office.ribbon
    .requestUpdate({
      tabs: [{ id: "{tab}", groups: [{ id: groupId, controls: [{ id: buttonId, enabled }] }] }],
    })
    .catch(() => {}); // older Excel builds cannot update the ribbon; the button just stays on
}

function bindRibbon(actionId, scriptName, groupId, buttonId) {
  Office.actions.associate(actionId, async (event) => {
    await setEnabled(groupId, buttonId, false);
    try {
      const auth =
        typeof globalThis.getAuth === "function"
          ? await globalThis.getAuth()
          : { token: "", provider: "" };
      await xlwings.runPython({
        scriptName: scriptName,
        auth: auth.token,
        headers: { "Auth-Provider": auth.provider },
        errorDisplayMode: "alert",
      });
    } finally {
      await setEnabled(groupId, buttonId, true);
      event.completed();
    }
  });
}

// A task pane button with a section: with the shared runtime this page is the task pane, so
// it shows the pane and scrolls to the section (taskpane.js defines showSection).
function bindTaskpane(actionId, section) {
  Office.actions.associate(actionId, async (event) => {
    try {
      await Office.addin.showAsTaskpane();
      if (typeof globalThis.showSection === "function") globalThis.showSection(section);
      else location.hash = section;
    } catch (error) {
      console.error(error);
    } finally {
      event.completed();
    }
  });
}

"""

_MARKED = re.compile(
    r"(?P<open>[ \t]*<!-- ribbon:(?P<name>\w+) -->\n).*?"
    r"(?P<close>[ \t]*<!-- /ribbon:(?P=name) -->)",
    re.S,
)


def render_manifest(template: str, groups: list[Group]) -> str:
    """``template`` with every marked part replaced by the rendered ribbon."""
    parts = {
        "groups": render_groups(groups),
        "short_strings": render_short_strings(groups),
        "long_strings": render_long_strings(groups),
        "images": render_images(groups),
    }
    found = set()

    def replace(match: re.Match) -> str:
        found.add(match.group("name"))
        return match.group("open") + parts[match.group("name")] + "\n" + match.group("close")

    text = _MARKED.sub(replace, template)
    missing = set(parts) - found
    if missing:
        raise InvalidArgumentError(f"manifest.xml에 표시가 없습니다: {', '.join(sorted(missing))}")
    return text


def build(addin: Path) -> list[Path]:
    """Rewrite the generated files of ``addin``; returns the files that changed."""
    groups = load_ribbon(addin / "ribbon.toml")
    manifest = addin / "templates" / "manifest.xml"
    ribbon_js = addin / "static" / "js" / "ribbon.js"
    outputs = {
        manifest: render_manifest(manifest.read_text(encoding="utf-8"), groups),
        ribbon_js: render_ribbon_js(groups),
    }
    from dadeum.excel.icons import write_icons

    changed = write_icons(groups, addin / "static" / ICON_FOLDER)
    for path, text in outputs.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
