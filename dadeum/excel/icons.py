"""The ribbon's own icons, drawn from ``addin/ribbon.toml``: one glyph on a coloured tile.

Every group and button gets a PNG at 16, 32 and 80 px (the sizes the Office manifest asks for),
and the add-in itself gets 32, 64 and 80 px icons. The font is NanumGothic ExtraBold from
koreanize-matplotlib, a dependency already, so the same icons come out on every machine
without a system font. ``dadeum addin build`` runs this; files are rewritten only when their
bytes change.
"""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["APP_SIZES", "BUTTON_SIZES", "draw_icon", "icon_files", "write_icons"]

BUTTON_SIZES = (16, 32, 80)
APP_SIZES = (32, 64, 80)
APP_GLYPH, APP_COLOR = "다", "#1F6E5A"
DEFAULT_COLOR = "#44546A"
_SCALE = 4  # drawn larger and scaled down, so small sizes are smooth


def _font_path() -> Path:
    import koreanize_matplotlib

    return Path(koreanize_matplotlib.__file__).parent / "fonts" / "NanumGothicExtraBold.ttf"


def draw_icon(glyph: str, color: str, size: int) -> bytes:
    """A PNG of ``glyph`` in white on a rounded tile of ``color``, ``size`` px square."""
    canvas = size * _SCALE
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = 0 if size <= 16 else canvas // 16
    draw.rounded_rectangle(
        (margin, margin, canvas - 1 - margin, canvas - 1 - margin),
        radius=canvas // 5,
        fill=color,
    )
    # Small icons need a larger glyph to stay readable.
    share = (0.78 if size <= 16 else 0.62) / max(1, len(glyph)) ** 0.5
    font = ImageFont.truetype(str(_font_path()), int(canvas * share))
    left, top, right, bottom = draw.textbbox((0, 0), glyph, font=font)
    x = (canvas - (right - left)) / 2 - left
    y = (canvas - (bottom - top)) / 2 - top
    draw.text((x, y), glyph, font=font, fill="white")
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=False)  # no timestamps or text chunks
    return out.getvalue()


def icon_files(groups, folder: Path) -> dict[Path, bytes]:
    """Every icon file for the ribbon ``groups`` (see ``dadeum.excel.ribbon.load_ribbon``)."""
    files: dict[Path, bytes] = {}
    for group in groups:
        color = group.color or DEFAULT_COLOR
        for size in BUTTON_SIZES:
            files[folder / f"{group.id}-{size}.png"] = draw_icon(group.glyph, color, size)
        for button in group.buttons:
            for size in BUTTON_SIZES:
                files[folder / f"{button.id}-{size}.png"] = draw_icon(button.glyph, color, size)
    for size in APP_SIZES:
        files[folder / f"dadeum-{size}.png"] = draw_icon(APP_GLYPH, APP_COLOR, size)
    return files


def write_icons(groups, folder: Path) -> list[Path]:
    """Write the icons into ``folder``; returns the files whose bytes changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for path, data in icon_files(groups, folder).items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
    return changed
