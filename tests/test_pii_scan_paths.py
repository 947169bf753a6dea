"""The fast paths of the personal-data scan give the same results as the plain ones (issue
#15's speed work): the vectorised checks, the short cuts and the per-column steps must only
ever skip work, never change a finding."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine.privacy import normalise as nm

# Every assigned plane the tables look at (the surrogates cannot be encoded as UTF-8).
CODE_POINTS = [
    code
    for low, high in ((0, 0x20000), (0xE0000, 0xE1000))
    for code in range(low, high)
    if not 0xD800 <= code <= 0xDFFF
]


def test_the_re2_class_is_the_python_class():
    chars = [chr(code) for code in CODE_POINTS]
    full = nm._tables()[0]
    expected = np.array([full.search(ch) is not None for ch in chars])
    array = pa.array(chars, type=pa.large_string())
    re2 = pc.match_substring_regex(array, nm.needs_normalising_re2()).to_numpy(zero_copy_only=False)
    assert expected.sum() > 3000
    assert (re2 == expected).all()


def test_normalise_short_cut_changes_the_same_characters():
    full = nm._tables()[0]
    for code in CODE_POINTS:
        ch = chr(code)
        for text in (ch, "가" + ch + "1"):
            changed = nm.normalise(text)[1] is not None
            assert changed == (full.search(text) is not None), hex(code)
