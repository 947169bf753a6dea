"""RE2 pattern tests on Arrow text, with Python ``re`` for short arrays.

pyarrow compiles a pattern on every kernel call (passing pre-built ``MatchSubstringOptions``
or ``ExtractRegexOptions`` does not help), which costs 10–200 µs per pattern however few the
cells. Up to ``FEW`` texts, the same pattern runs through Python ``re`` instead, compiled once
per process (patterns only: no cell value is kept across calls). The patterns used here are
written in the common subset of RE2 and ``re``; ``$`` becomes ``\\Z`` (RE2's ``$`` never
matches before a final newline) and ``re.ASCII`` gives RE2's ASCII ``\\d \\w \\s``.
"""

import functools
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Up to this many texts, Python re is faster than a kernel call for the number patterns
# (the date patterns break even near 256 texts, so dates pass ``few=4 * FEW``).
FEW = 64


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern), re.ASCII)


def matches(texts: pa.Array, pattern: str, *, few: int | None = None) -> np.ndarray:
    """Whether ``pattern`` is found in each text (no nulls), as a numpy bool array."""
    if len(texts) > (FEW if few is None else few):
        return pc.match_substring_regex(texts, pattern).to_numpy(zero_copy_only=False)
    search = _compiled(pattern).search
    return np.fromiter(
        (search(text) is not None for text in texts.to_pylist()), dtype=bool, count=len(texts)
    )


def extract(texts: pa.Array, pattern: str, *, few: int | None = None) -> pa.StructArray:
    """``pc.extract_regex``: a struct of the named groups ("" when a group took no part),
    null where the pattern is not found."""
    if len(texts) > (FEW if few is None else few):
        return pc.extract_regex(texts, pattern)
    compiled = _compiled(pattern)
    names = list(compiled.groupindex)
    rows = []
    for text in texts.to_pylist():
        found = compiled.search(text)
        rows.append(None if found is None else {name: found[name] or "" for name in names})
    return pa.array(rows, type=pa.struct([(name, texts.type) for name in names]))
