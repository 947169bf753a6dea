"""k-anonymity (k-익명성) over chosen quasi-identifier columns.

Quasi-identifiers (준식별자) are columns that identify nobody alone but may together: age
band, sex, 시군구, occupation. Records that share the same combination form a group (an
equivalence class); k is the size of the smallest group. With k = 1 somebody is the only
person with that combination, and anyone who knows those facts about them finds their
record. The 가명정보 처리 가이드라인's 적정성 검토 uses k-익명성 as one measure; a common
target is k ≥ 3 to 5, reached by generalising the quasi-identifiers further (wider age
bands, 시도 instead of 시군구) or by deleting the few records of the smallest groups.

Values are compared as they are (``서울`` and ``서울특별시`` are different: generalise first).
Blank cells (None, NaN, empty or space-only text) are one value of their own, since "unknown"
is also something records can share.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dadeum.engine.cells import is_blank
from dadeum.errors import InvalidArgumentError

__all__ = ["COUNT_COLUMN", "KAnonymityResult", "k_anonymity"]

COUNT_COLUMN = "건수"
DEFAULT_THRESHOLD = 5
DEFAULT_SHOWN = 10


@dataclass(frozen=True)
class KAnonymityResult:
    """The k-anonymity of a table over its quasi-identifiers.

    - ``k``: the size of the smallest group (0 for a table without records);
    - ``groups``: how many distinct combinations there are;
    - ``records``: how many records were measured;
    - ``threshold``: the group size the table should reach;
    - ``records_below``/``share_below``: how many records (and which share of all) are in
      groups smaller than ``threshold``: the records to generalise further or delete;
    - ``smallest``: the smallest groups, smallest first (ties in order of first appearance),
      one column per quasi-identifier (None for a blank) and ``건수``.
    """

    k: int
    groups: int
    records: int
    threshold: int
    records_below: int
    share_below: float
    quasi_identifiers: tuple[str, ...]
    smallest: pd.DataFrame = field(repr=False)

    @property
    def satisfied(self) -> bool:
        """True when every group has at least ``threshold`` records."""
        return self.records > 0 and self.k >= self.threshold


def k_anonymity(
    frame: pd.DataFrame,
    quasi_identifiers: list[str],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    shown: int = DEFAULT_SHOWN,
) -> KAnonymityResult:
    """Measure the k-anonymity of ``frame`` over the ``quasi_identifiers`` columns.

    Raises ``InvalidArgumentError`` when a column is missing, none is given, or ``threshold``
    is not a whole number of at least 2. The frame is not modified.

    >>> table = pd.DataFrame({"연령대": ["30대", "30대", "40대"], "성별": ["남", "남", "여"]})
    >>> result = k_anonymity(table, ["연령대", "성별"], threshold=2)
    >>> result.k, result.groups, result.records_below
    (1, 2, 1)
    >>> result.smallest.to_dict("records")
    [{'연령대': '40대', '성별': '여', '건수': 1}, {'연령대': '30대', '성별': '남', '건수': 2}]
    """
    columns = _check_columns(frame, quasi_identifiers)
    threshold = _check_whole(threshold, "threshold", low=2)
    shown = _check_whole(shown, "shown", low=0)
    records = len(frame)
    if records == 0:
        empty = pd.DataFrame(
            {name: pd.Series([], dtype=object) for name in columns}
            | {COUNT_COLUMN: pd.Series([], dtype="int64")}
        )
        return KAnonymityResult(0, 0, 0, threshold, 0, 0.0, tuple(columns), empty)
    codes = np.empty((records, len(columns)), dtype=np.int64)
    values: list[np.ndarray] = []
    for j, name in enumerate(columns):
        column_codes, uniques = _codes(frame[name])
        codes[:, j] = column_codes
        values.append(uniques)
    _, first, group_of, sizes = np.unique(
        codes, axis=0, return_index=True, return_inverse=True, return_counts=True
    )
    group_of = group_of.reshape(-1)
    k = int(sizes.min())
    small = sizes < threshold
    records_below = int(sizes[small].sum())
    order = np.lexsort((first, sizes))[:shown]  # by size, then by first appearance
    rows = codes[first[order]]
    smallest = pd.DataFrame(
        # Object columns, so that a blank stays None (pandas would infer strings and NaN).
        {name: pd.Series(values[j][rows[:, j]], dtype=object) for j, name in enumerate(columns)}
        | {COUNT_COLUMN: pd.Series(sizes[order].tolist(), dtype="int64")}
    )
    return KAnonymityResult(
        k=k,
        groups=len(sizes),
        records=records,
        threshold=threshold,
        records_below=records_below,
        share_below=records_below / records,
        quasi_identifiers=tuple(columns),
        smallest=smallest,
    )


def _codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes for a column with every blank as one code, and the value of each code
    (None for the blank code)."""
    array = column.to_numpy(dtype=object)
    blank = np.fromiter((is_blank(v) for v in array), bool, len(array))
    codes, uniques = pd.factorize(np.where(blank, None, array), use_na_sentinel=True)
    blank_code = len(uniques)
    codes = np.where(codes < 0, blank_code, codes)
    return codes, np.append(np.asarray(uniques, dtype=object), None)


def _check_columns(frame: pd.DataFrame, quasi_identifiers) -> list[str]:
    if isinstance(quasi_identifiers, str):
        quasi_identifiers = [quasi_identifiers]
    wanted = list(dict.fromkeys(quasi_identifiers or []))  # drop repeats, keep the order
    if not wanted:
        raise InvalidArgumentError("k-익명성을 잴 준식별자 열을 하나 이상 골라 주세요.")
    names = [str(name) for name in frame.columns]
    missing = [str(name) for name in wanted if name not in frame.columns]
    if missing:
        raise InvalidArgumentError(
            f"표에 없는 열 이름입니다: {', '.join(missing)}. 표의 열: {', '.join(names)}"
        )
    return wanted


def _check_whole(value, name: str, *, low: int) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if number.is_integer() and number >= low:
        return int(number)
    raise InvalidArgumentError(
        f"k-익명성의 '{name}'는 {low} 이상의 정수여야 합니다. 받은 값: {value!r}"
    )
