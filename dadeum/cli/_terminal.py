"""Text from files and recipes, printed so that it cannot drive the terminal.

A received recipe or file can carry escape sequences (clear the screen, rewrite a line, set
the window title) or bidi overrides that reorder what a reviewer reads. Every control
character except newline and tab is shown as a visible escape (``\\u001b``, ``\\u202e``).
"""

import re
import sys

__all__ = ["SafeStream", "carriage_return", "for_terminal", "safe_output"]

# C0 except tab and newline, DEL, C1, and the bidi embeddings/overrides/isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    # \uXXXX reads the same in Python and in JSON, so `--format json` output stays valid.
    return f"\\u{ord(match.group()):04x}"


def for_terminal(text: object) -> str:
    """``text`` with every terminal control character written out visibly."""
    return _CONTROL.sub(_escape, str(text))


class SafeStream:
    """A text stream that escapes control characters in everything written to it.

    ``write_control`` writes a control sequence on purpose (the progress bar's ``\\r``).
    """

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(for_terminal(text))

    def write_control(self, text: str) -> int:
        return self._stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def carriage_return(stream) -> None:
    """Back to the start of the line on ``stream``, a control even through a ``SafeStream``
    (which would print it as the text ``\\u000d``)."""
    getattr(stream, "write_control", stream.write)("\r")


class safe_output:
    """Context manager: sys.stdout and sys.stderr escape control characters inside it."""

    def __enter__(self) -> None:
        self._saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)

    def __exit__(self, *exc) -> None:
        sys.stdout, sys.stderr = self._saved
