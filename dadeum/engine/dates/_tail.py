"""What follows a date: weekday, time of day (오후 2시 30분, 14:30:15) and a provisional
mark, read once per distinct tail.

Kept apart because every date family shares the same tail, and reading it is a pattern of
its own with its own checks (a weekday that fits the date, a time that exists).
"""

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine import _regex
from dadeum.engine.dates._patterns import _TAIL
from dadeum.engine.dates._reasons import WEEKDAYS

_INT64 = pa.int64()


class _Tail(NamedTuple):
    """What follows the date, per row."""

    hours: np.ndarray  # 0-23
    minutes: np.ndarray
    micros: np.ndarray  # seconds and their fraction, in microseconds
    weekday: np.ndarray  # 0 = Monday, -1 = none written
    ok: np.ndarray  # the tail is something we read
    has_time: np.ndarray
    ampm: np.ndarray  # 0 none, 1 오전/AM, 2 오후/PM
    bad_time: np.ndarray  # a time that does not exist (25시, 61분)


def _parse_tails(tails: np.ndarray, rows: np.ndarray) -> _Tail:
    """Weekday, time of day and provisional mark after the date in the ``rows``, read once
    per distinct tail."""
    n = len(tails)
    hours, minutes, micros, ampm = (np.zeros(n, np.int64) for _ in range(4))
    weekday = np.full(n, -1, np.int64)
    ok = rows.copy()  # an empty tail is fine
    has_time, bad_time = np.zeros(n, bool), np.zeros(n, bool)
    todo = np.flatnonzero(rows & (tails != ""))
    if not len(todo):
        return _Tail(hours, minutes, micros, weekday, ok, has_time, ampm, bad_time)
    indices, distinct = pd.factorize(tails[todo])
    groups, matched = _tail_groups(pa.array(distinct, type=pa.large_string()))

    def number(name: str, kind: pa.DataType = _INT64) -> np.ndarray:
        digits = pa.array(np.where(groups[name] == "", "0", groups[name]), type=pa.string())
        return pc.cast(digits, kind).to_numpy(zero_copy_only=False)

    time_given = groups["h"] != ""
    hour = number("h")
    minute = np.where(groups["half"] != "", 30, number("mi"))
    # Truncated, not rounded: 59.9999999 seconds must not become 60.
    micro = np.floor(number("s", pa.float64()) * 1e6 + 1e-3).astype(np.int64)
    written_ap = np.where(groups["ap1"] != "", groups["ap1"], groups["ap2"])
    pm = np.isin(written_ap, ["오후", "pm", "p.m."])
    am = np.isin(written_ap, ["오전", "am", "a.m."])
    bad = time_given & ((am & (hour > 12)) | (hour > 23) | (minute > 59) | (micro >= 60_000_000))
    hour24 = np.where(pm & (hour < 12), hour + 12, np.where(am & (hour == 12), 0, hour))
    written = groups["w1"]
    for name in ("w1b", "w2", "w2b"):
        written = np.where(written != "", written, groups[name])

    hours[todo] = np.where(time_given, hour24, 0)[indices]
    minutes[todo] = np.where(time_given, minute, 0)[indices]
    micros[todo] = np.where(time_given, micro, 0)[indices]
    ampm[todo] = np.where(am, 1, np.where(pm, 2, 0))[indices]
    weekday[todo] = np.array([_weekday_index(w) for w in written], dtype=np.int64)[indices]
    ok[todo] = matched[indices]
    has_time[todo] = time_given[indices]
    bad_time[todo] = bad[indices]
    return _Tail(hours, minutes, micros, weekday, ok, has_time, ampm, bad_time)


# Most tails are a plain "14:30" or "14:30:15"; a three-group pattern reads those several
# times faster than the full one.
_PLAIN_TIME = r"^ *t? *(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}(?:\.[0-9]+)?))? *z?$"
_TAIL_NAMES = tuple(re.compile(_TAIL).groupindex)


def _tail_groups(distinct: pa.Array) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The ``_TAIL`` groups of each distinct tail ("" where absent), and which ones matched."""
    size = len(distinct)
    groups = {name: np.full(size, "", dtype=object) for name in _TAIL_NAMES}
    matched = np.zeros(size, bool)
    plain = _regex.matches(distinct, _PLAIN_TIME, few=4 * _regex.FEW)
    for mask, pattern in ((plain, _PLAIN_TIME), (~plain, _TAIL)):
        where = np.flatnonzero(mask)
        if not len(where):
            continue
        found = _regex.extract(distinct.take(pa.array(where)), pattern, few=4 * _regex.FEW)
        matched[where] = found.is_valid().to_numpy(zero_copy_only=False)
        for index, field in enumerate(found.type):
            groups[field.name][where] = found.field(index).to_numpy(zero_copy_only=False)
    return groups, matched


def _weekday_index(written: str) -> int:
    if not written:
        return -1
    if written == "요일":  # the 일 of 일요일 was read as the day's 일 ("5일요일")
        return WEEKDAYS.index("일")
    if written[0] in WEEKDAYS:
        return WEEKDAYS.index(written[0])
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(written[:3])
