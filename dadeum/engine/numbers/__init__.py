"""Numbers as Korean tables write them: ``1,234원``, ``△1,000``, ``3억 5천만원``, ``12.5%``.

How a cell is read:

- thousands separators (``1,234``; ``1 234`` with groups of three), a decimal point, an
  optional ``1.5E+05`` exponent. A comma is never a decimal mark in Korean tables, so a
  misplaced one (``1,23``, ``12,34,567``) is an error, not a guess;
- one unit word or symbol before or after (tables in ``_vocabulary``). Percent becomes a fraction
  (``12.5%`` → 0.125, as Excel does);
- Korean magnitude words, alone or mixed with digits: ``12만``, ``1.5천``, ``5천만``,
  ``3억 5천만원``, ``2조 3,400억``. Scaled money units are the same words, so ``1,234천원`` is
  1,234,000 and ``1,234백만원`` is 1,234,000,000. A unit written only in the column header
  (``(단위: 천원)``) is the column tools' business, not this function's;
- a leading apostrophe (``'1,234``: how system exports keep a cell as text) and marks after a
  figure that do not change it are dropped: footnotes (``1,234*``, ``1,234¹⁾``) and the KOSIS
  marks for provisional or estimated figures (``1,234p``, ``1,234 p)``, ``1,234(잠정)``);
- negatives: ``-``, ``−``, ``–``, accounting ``(1,234)``, a trailing ``1,234-`` (SAP exports),
  and the triangles of Korean budget documents (see ``NEGATIVE_SIGNS``);
- statistical symbols (``-``, ``…``, ``x``, ``비공개``) become ``Placeholder`` (a blank that
  keeps its reason); numbers pass through; True/FALSE, dates, phone numbers, ranges and anything
  ambiguous become ``CellError`` with a short Korean reason.

Speed: a column is read as a whole with pyarrow kernels. Plain numbers (most cells) take one
regex test and one cast. The others lose their prefix and unit to two character-set trims; the
few distinct prefixes and suffixes are read once each, and the middle is either a plain number
(one cast) or passes one grammar test for magnitude words and is cut apart with literal splits.
Only the distinct cells still unread (symbols, text needing ``clean_text``, Hangul numerals,
failures needing a reason) are handled one by one in Python.

This module holds the public functions and the cells that are not text; the work on text is
done in ``_parse`` (the vectorised pass), ``_magnitude`` (magnitude words), ``_leftovers``
(the texts left over and the Korean reasons), with ``_patterns``, ``_vocabulary`` and
``_arrow`` as their building blocks.
"""

import math
import numbers
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.numbers._leftovers import _settle
from dadeum.engine.numbers._parse import _parse, _quick_clean

# The character sets of the trims, re-exported for the tests that check them.
from dadeum.engine.numbers._patterns import _PREFIX_CHARS as _PREFIX_CHARS
from dadeum.engine.numbers._patterns import _SUFFIX_CHARS as _SUFFIX_CHARS
from dadeum.engine.numbers._patterns import OK, UNREADABLE
from dadeum.engine.numbers._vocabulary import NEGATIVE_SIGNS, PLACEHOLDERS, PREFIXES, UNITS

__all__ = [
    "NEGATIVE_SIGNS",
    "PLACEHOLDERS",
    "PREFIXES",
    "UNITS",
    "to_number",
    "to_number_series",
]

# --- Public API --------------------------------------------------------------------------


def to_number(value: Any) -> Any:
    """Read one cell as a number (see ``to_number_series`` for what comes back).

    >>> to_number("3억 5천만원")
    350000000.0
    >>> to_number("△1,234")
    -1234.0
    >>> to_number("12.5%")
    0.125
    >>> to_number("-")
    Placeholder(reason="통계표 기호 '-'(해당 숫자 없음) 표시라서 빈칸으로 바꿨습니다.")
    """
    return to_number_series(pd.Series([value], dtype=object)).iloc[0]


def to_number_series(values: pd.Series) -> pd.Series:
    """Read a whole column as numbers.

    Returns a new object Series with the same index: a float for every cell read, None for a
    blank, ``Placeholder(reason)`` for a statistical "no value" symbol and ``CellError(reason)``
    for a cell that cannot be read. ``CellError`` and ``Placeholder`` cells pass through as
    they are, so a converted column can be converted again. The input is not modified.
    """
    n = len(values)
    out = np.empty(n, dtype=object)
    dtype = values.dtype
    if n == 0:
        return pd.Series(out, index=values.index, dtype=object)
    if pd.api.types.is_bool_dtype(dtype):
        out[:] = [_from_other(v) for v in values.tolist()]
    elif pd.api.types.is_numeric_dtype(dtype):
        if _is_short_float(dtype):  # float32 0.1 is 0.10000000149… as a double
            short = values.to_numpy(dtype=np.float32, na_value=np.nan)
            floats = short.astype(str).astype(np.float64)
        else:
            floats = values.to_numpy(dtype=np.float64, na_value=np.nan)
        _fill_floats(out, np.arange(n), floats)
    elif pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        _fill_strings(out, np.arange(n), pa.array(values.array, type=pa.large_string()))
    else:
        _fill_objects(out, values.to_numpy(dtype=object))
    return pd.Series(out, index=values.index, dtype=object)


# --- Non-text cells ----------------------------------------------------------------------

_FLOAT_TYPES = (float, int, np.float64, np.float32, np.int64, np.int32)
_TOO_BIG = "숫자가 너무 커서 엑셀에서 다룰 수 없습니다."


def _fill_objects(out: np.ndarray, obj: np.ndarray) -> None:
    """An object column: strings go the vectorised way, plain numbers too, the rest one by one."""
    kind = pd.api.types.infer_dtype(obj, skipna=True)
    if kind == "string":
        text = pa.array(obj, type=pa.large_string(), from_pandas=True)
        _fill_strings(out, np.arange(len(obj)), text)
        return
    is_text = np.fromiter((isinstance(v, str) for v in obj), dtype=bool, count=len(obj))
    is_float = np.fromiter((type(v) in _FLOAT_TYPES for v in obj), dtype=bool, count=len(obj))
    if is_text.any():
        where = np.flatnonzero(is_text)
        _fill_strings(out, where, pa.array(obj[where].tolist(), type=pa.large_string()))
    if is_float.any():
        where = np.flatnonzero(is_float)
        _fill_floats(out, where, np.array([_as_float(v) for v in obj[where]], dtype=np.float64))
    for i in np.flatnonzero(~(is_text | is_float)).tolist():
        out[i] = _from_other(obj[i])


def _is_short_float(dtype: Any) -> bool:
    numpy_dtype = np.dtype(getattr(dtype, "numpy_dtype", dtype))
    return numpy_dtype.kind == "f" and numpy_dtype.itemsize < 8


def _as_float(value: Any) -> float:
    if isinstance(value, np.float32 | np.float16):
        # The value as written (0.1), not the double nearest the float32 (0.10000000149…).
        return float(str(value))
    try:
        return float(value)
    except OverflowError:  # an int beyond any double
        return math.inf


def _fill_floats(out: np.ndarray, where: np.ndarray, floats: np.ndarray) -> None:
    result = (floats + 0.0).astype(object)  # -0.0 → 0.0
    result[np.isnan(floats)] = None
    infinite = np.isinf(floats)
    if infinite.any():
        result[infinite] = CellError(_TOO_BIG)
    out[where] = result


def _from_other(value: Any) -> Any:
    """Cells that are neither text nor a plain float or int."""
    if isinstance(value, (CellError, Placeholder)):
        return value
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return CellError("참/거짓(TRUE/FALSE) 값은 숫자로 바꾸지 않습니다.")
    if isinstance(value, (datetime, date, time, timedelta, np.datetime64, np.timedelta64)):
        return CellError("날짜나 시각은 숫자로 바꾸지 않습니다.")
    if isinstance(value, (numbers.Real, Decimal)):
        number = _as_float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            return CellError(_TOO_BIG)
        return number + 0.0  # -0.0 → 0.0
    if isinstance(value, str):  # str subclasses
        return to_number(str(value))
    return CellError(f"숫자로 읽을 수 없는 값입니다: {type(value).__name__}")


# --- Text cells --------------------------------------------------------------------------


def _fill_strings(out: np.ndarray, where: np.ndarray, texts: pa.Array) -> None:
    """Read an Arrow column of text; results go to ``out[where]``."""
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    valid = texts.is_valid().to_numpy(zero_copy_only=False)
    if not valid.all():
        out[where[~valid]] = None
        where, texts = where[valid], texts.filter(pa.array(valid))
    values, codes = _parse(texts)
    failed = codes != OK
    if failed.any():  # odd spaces and full-width digits, still vectorised
        idx = np.flatnonzero(failed)
        original = texts.filter(pa.array(failed))
        cleaned = _quick_clean(original)
        changed = pc.not_equal(cleaned, original).to_numpy(zero_copy_only=False)
        if changed.any():
            again, again_codes = _parse(cleaned.filter(pa.array(changed)))
            fixed = again_codes == OK
            rows = idx[np.flatnonzero(changed)[fixed]]
            values[rows], codes[rows] = again[fixed], OK
    result = values.astype(object)
    failed_rows = np.flatnonzero(codes != OK)
    if failed_rows.size:  # what is left, once per distinct text
        encoded = pc.dictionary_encode(texts.take(pa.array(failed_rows)))
        indices = encoded.indices.to_numpy(zero_copy_only=False)
        settled = np.empty(len(encoded.dictionary), dtype=object)
        distinct = encoded.dictionary.to_pylist()
        settled[:] = _settle(distinct, _first_codes(indices, codes[failed_rows]))
        result[failed_rows] = settled[indices]
    out[where] = result


def _first_codes(indices: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """The code of each distinct text (equal texts always get equal codes)."""
    first = np.full(indices.max() + 1, UNREADABLE, dtype=np.int8)
    first[indices[::-1]] = codes[::-1]
    return first
