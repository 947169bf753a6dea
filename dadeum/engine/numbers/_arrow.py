"""Small pyarrow helpers the vectorised pass uses on whole text columns: pattern tests,
lengths, casts.

Kept apart so the parsing modules read as steps, not as kernel calls.
"""

import math

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine import _regex


def _matches(texts: pa.Array, pattern: str) -> np.ndarray:
    return _regex.matches(texts, pattern)


def _nonempty(texts: pa.Array) -> np.ndarray:
    return pc.not_equal(texts, "").to_numpy(zero_copy_only=False)


def _lengths(texts: pa.Array) -> np.ndarray:
    return pc.utf8_length(texts).to_numpy(zero_copy_only=False)


def _byte_lengths(texts: pa.Array) -> np.ndarray:
    """Byte length of each string, read off the offsets buffer without a kernel."""
    width = np.int64 if pa.types.is_large_string(texts.type) else np.int32
    offsets = np.frombuffer(texts.buffers()[1], dtype=width)
    return np.diff(offsets[texts.offset : texts.offset + len(texts) + 1]).astype(np.int64)


def _scientific(mantissas: pa.Array, power: np.ndarray) -> pa.Array:
    """``"12.5"`` and -2 → ``"12.5e-2"``, so the cast rounds once and 12.5% is exactly 0.125."""
    if not power.any():
        return mantissas
    return pc.binary_join_element_wise(
        mantissas, pa.array(power).cast(mantissas.type), pa.scalar("e", mantissas.type)
    )


def _cast(texts: pa.Array) -> np.ndarray:
    try:
        return pc.cast(texts, pa.float64()).to_numpy(zero_copy_only=False)
    except pa.ArrowInvalid:  # not expected: the patterns only pass what parses
        return np.array([_safe_float(t) for t in texts.to_pylist()], dtype=np.float64)


def _safe_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan
