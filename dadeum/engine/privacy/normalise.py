"""Text as the detector sees it: invisible characters gone, look-alike digits and letters
made plain, with an offset map back to the original text.

A zero-width space, soft hyphen, word joiner, BOM, NUL or combining mark inside
``960101-1234567`` breaks every pattern while the number stays readable to a person, so it
must not hide the number from detection. Detection runs on the normalised text; findings
are mapped back to the original, so a masked span covers the invisible characters inside it
too (the masker then drops them: nothing of the value survives, hidden or not).

Removed: Unicode format characters (Cf: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen,
bidi marks, tags …), combining marks (Mn, Me) and control characters other than tab and
line breaks. Replaced by their NFKC form: characters whose NFKC form is plain ASCII
(mathematical and circled digits, superscripts, ligatures …). Hangul is left alone.
"""

import re
import unicodedata
from functools import cache

__all__ = ["needs_normalising", "needs_normalising_re2", "normalise", "plain"]

# Where look-alike characters live; scanning all of Unicode once would cost half a second.
_NFKC_RANGES = ((0x80, 0x3400), (0xF900, 0x10000), (0x1D400, 0x1D800), (0x1F100, 0x1F200))
# Planes 0 and 1, and the tags and variation selectors of plane 14 (the rest is unassigned).
_DROP_RANGES = ((0, 0x20000), (0xE0000, 0xE1000))
_DROP_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc"})
_KEEP_CONTROLS = frozenset("\t\n\r")


@cache
def _tables() -> tuple[re.Pattern, re.Pattern, dict[int, str]]:
    """The pattern of characters to change, the same restricted to the BMP, and their
    replacement ('' = drop), built once.

    The BMP pattern is what almost every text needs: Python's ``re`` tests a class of plain
    BMP ranges with a bitmap, but once one range lies beyond U+FFFF it tests the hundreds of
    ranges one by one for every character (about three microseconds per cell of Korean
    text). The full pattern runs only on text with a character beyond the BMP."""
    ranges, replace = _changed()
    body = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    bmp = [(a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF]
    bmp_body = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in bmp)
    return re.compile("[" + body + "]"), re.compile("[" + bmp_body + "]"), replace


@cache
def needs_normalising_re2() -> str:
    """The same character class for RE2 (pyarrow's ``match_substring_regex``), so a long
    column is checked in one vectorised pass instead of one Python call per cell."""
    ranges, _ = _changed()
    body = "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges)
    return "[" + body + "]"


@cache
def _changed() -> tuple[list[tuple[int, int]], dict[int, str]]:
    """The code points to change, as (first, last) ranges, and their replacements."""
    replace: dict[int, str] = {}
    for low, high in _DROP_RANGES:
        for code in range(low, high):
            if unicodedata.category(chr(code)) in _DROP_CATEGORIES:
                replace[code] = ""
    for ch in _KEEP_CONTROLS:
        replace.pop(ord(ch), None)
    for low, high in _NFKC_RANGES:
        for code in range(low, high):
            if code in replace or 0xFF01 <= code <= 0xFF5E:
                continue  # full-width forms: the detector maps them one to one
            ch = chr(code)
            form = unicodedata.normalize("NFKC", ch)
            if form != ch and form.isascii() and form.strip() and form.isprintable():
                replace[code] = form
    ranges: list[tuple[int, int]] = []
    for code in sorted(replace):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges, replace


def needs_normalising(text: str) -> bool:
    """Whether ``text`` holds a character the detector must not see as it is."""
    return not text.isascii() or _ascii_controls(text)


def _ascii_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


# ASCII control characters other than tab and line breaks; one regex pass instead of a
# Python loop over every character (this runs on every cell of a sheet).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def normalise(text: str) -> tuple[str, list[int] | None]:
    """``(normalised, offsets)``: ``offsets[i]`` is where character ``i`` of the normalised
    text came from in ``text``, and ``offsets[len(normalised)] == len(text)``. ``offsets`` is
    None when nothing changed (the positions are the same)."""
    if text.isascii() and not _ascii_controls(text):
        return text, None
    pattern, bmp, replace = _tables()
    if bmp.search(text) is None and (_ASTRAL.search(text) is None or pattern.search(text) is None):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for m in pattern.finditer(text):
        start = m.start()
        if start > position:
            pieces.append(text[position:start])
            offsets.extend(range(position, start))
        form = replace[ord(m[0])]
        if form:
            pieces.append(form)
            offsets.extend([start] * len(form))
        position = start + 1
    pieces.append(text[position:])
    offsets.extend(range(position, len(text)))
    offsets.append(len(text))
    return "".join(pieces), offsets


def plain(text: str) -> str:
    """The normalised text alone (for masking a value: invisible characters go)."""
    return normalise(text)[0]


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of the normalised text as a span of the original text; it covers every
    character dropped between its first and last character."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1
