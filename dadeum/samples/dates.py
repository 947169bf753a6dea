"""Seeded messy date columns, as Korean public-sector spreadsheets hold them, with true answers.

``korean_date_samples(n, seed)`` returns ``(values, expected)``: ``values`` are cells as a
sheet or CSV hands them over (text in a dozen Korean and ISO spellings, Excel serial numbers,
8-digit numbers, blanks, stray spaces, full-width digits), ``expected`` the true
``pd.Timestamp`` for each.

How failures are marked: ``expected[i] is None`` means the cell holds no date. For a blank
cell (None, "", spaces) a correct conversion gives None; for any other cell (ambiguous
day/month order, impossible dates, a weekday that does not match, a month and day without a
year, "no value" symbols) it gives ``CellError`` or ``Placeholder``.

Proportions follow what such sheets hold: mostly ISO and dotted dates, many repeats (a
column of 접수일자 covers a few years), a long tail of distinct values (birth dates,
timestamps with seconds), and a few per cent of the awkward cases.
"""

import numpy as np
import pandas as pd

__all__ = ["korean_date_samples"]

_WEEKDAYS = "월화수목금토일"
_ENGLISH_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
_EPOCH = np.datetime64("1970-01-01", "D")
_RECENT_START = (np.datetime64("2021-01-01", "D") - _EPOCH).astype(int)
_WIDE_START = (np.datetime64("1950-01-01", "D") - _EPOCH).astype(int)
_WIDE_END = (np.datetime64("2030-12-31", "D") - _EPOCH).astype(int)
_SERIAL_OFFSET = (_EPOCH - np.datetime64("1899-12-30", "D")).astype(int)


def _ts(y, m, d, hh=0, mi=0, ss=0):
    return pd.Timestamp(int(y), int(m), int(d), int(hh), int(mi), int(ss))


def _ampm(hh):
    return ("오전" if hh < 12 else "오후"), (hh % 12 or 12)


# Each format: (weight, needs_two_digit_year_range, function(y, m, d, wd, hh, mi, ss) -> (value,
# expected)). A weight is the share of all cells, before blanks and noise.
_FORMATS = [
    (0.22, False, lambda y, m, d, w, hh, mi, ss: (f"{y}-{m:02}-{d:02}", _ts(y, m, d))),
    (0.12, False, lambda y, m, d, w, hh, mi, ss: (f"{y}.{m:02}.{d:02}", _ts(y, m, d))),
    (0.08, False, lambda y, m, d, w, hh, mi, ss: (f"{y}. {m}. {d}.", _ts(y, m, d))),
    (0.04, False, lambda y, m, d, w, hh, mi, ss: (f"{y}.{m}.{d}", _ts(y, m, d))),
    (0.03, False, lambda y, m, d, w, hh, mi, ss: (f"{y}/{m:02}/{d:02}", _ts(y, m, d))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (f"{y}-{m}-{d}", _ts(y, m, d))),
    (0.05, False, lambda y, m, d, w, hh, mi, ss: (f"{y}{m:02}{d:02}", _ts(y, m, d))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (y * 10000 + m * 100 + d, _ts(y, m, d))),
    (0.04, False, lambda y, m, d, w, hh, mi, ss: (f"{y}년 {m}월 {d}일", _ts(y, m, d))),
    (0.005, False, lambda y, m, d, w, hh, mi, ss: (f"{y}년{m:02}월{d:02}일", _ts(y, m, d))),
    # weekdays, right ones
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}년 {m}월 {d}일 ({_WEEKDAYS[w]})", _ts(y, m, d))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}.{m:02}.{d:02}({_WEEKDAYS[w]})", _ts(y, m, d))),
    (0.003, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}. {m}. {d}. {_WEEKDAYS[w]}요일", _ts(y, m, d))),
    (0.002, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}-{m:02}-{d:02} ({_ENGLISH_WEEKDAYS[w]})", _ts(y, m, d))),
    # two-digit years
    (0.015, True, lambda y, m, d, w, hh, mi, ss: (f"{y % 100:02}.{m}.{d}", _ts(y, m, d))),
    (0.005, True, lambda y, m, d, w, hh, mi, ss: (f"'{y % 100:02}.{m:02}.{d:02}", _ts(y, m, d))),
    (0.003, True, lambda y, m, d, w, hh, mi, ss: (f"{y % 100:02}-{m:02}-{d:02}", _ts(y, m, d))),
    # date-times
    (0.06, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}-{m:02}-{d:02} {hh:02}:{mi:02}:{ss:02}", _ts(y, m, d, hh, mi, ss))),
    (0.02, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}-{m:02}-{d:02} {hh:02}:{mi:02}", _ts(y, m, d, hh, mi))),
    (0.03, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}-{m:02}-{d:02} 00:00:00", _ts(y, m, d))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}-{m:02}-{d:02}T{hh:02}:{mi:02}:{ss:02}", _ts(y, m, d, hh, mi, ss))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (
        "{}. {}. {}. {} {}:{:02}:{:02}".format(y, m, d, *_ampm(hh), mi, ss),
        _ts(y, m, d, hh, mi, ss))),
    (0.005, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}.{m}.{d} {hh}시 {mi}분", _ts(y, m, d, hh, mi))),
    (0.003, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}{m:02}{d:02}{hh:02}{mi:02}{ss:02}", _ts(y, m, d, hh, mi, ss))),
    # periods → first day
    (0.03, False, lambda y, m, d, w, hh, mi, ss: (f"{y}.{m:02}", _ts(y, m, 1))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (f"{y}-{m:02}", _ts(y, m, 1))),
    (0.015, False, lambda y, m, d, w, hh, mi, ss: (f"{y}년 {m}월", _ts(y, m, 1))),
    (0.003, False, lambda y, m, d, w, hh, mi, ss: (f"{y}. {m}월", _ts(y, m, 1))),
    (0.005, False, lambda y, m, d, w, hh, mi, ss: (f"{y}.{m:02} p)", _ts(y, m, 1))),
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (f"{y}{m:02}", _ts(y, m, 1))),
    (0.003, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}.{(m - 1) // 3 + 1}/4", _ts(y, (m - 1) // 3 * 3 + 1, 1))),
    (0.003, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}년 {(m - 1) // 3 + 1}분기", _ts(y, (m - 1) // 3 * 3 + 1, 1))),
    (0.002, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y} Q{(m - 1) // 3 + 1}", _ts(y, (m - 1) // 3 * 3 + 1, 1))),
    (0.002, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}년 {'상' if m <= 6 else '하'}반기", _ts(y, 1 if m <= 6 else 7, 1))),
    (0.005, False, lambda y, m, d, w, hh, mi, ss: (f"{y}년", _ts(y, 1, 1))),
    # unambiguous day-first with a four-digit year
    (0.005, False, lambda y, m, d, w, hh, mi, ss: (
        (f"{d:02}/{m:02}/{y}", _ts(y, m, d)) if d > 12 else (f"{y}/{m:02}/{d:02}", _ts(y, m, d)))),
    # must fail: ambiguous day/month order, no year, wrong weekday
    # (month-first here; when the day is over 12 or equals the month it is not ambiguous)
    (0.01, False, lambda y, m, d, w, hh, mi, ss: (
        f"{m:02}/{d:02}/{y}", None if d <= 12 and d != m else _ts(y, m, d))),
    (0.003, False, lambda y, m, d, w, hh, mi, ss: (f"{m}월 {d}일", None)),
    (0.002, False, lambda y, m, d, w, hh, mi, ss: (
        f"{y}.{m:02}.{d:02}({_WEEKDAYS[(w + 1) % 7]})", None)),
]  # fmt: skip

_IMPOSSIBLE = [
    "2023.2.30", "2023-02-29", "2022.13.01", "2021-04-31", "2023.00.10", "2023.6.31",
    "20230231", "2023년 2월 30일", "2019.11.31", "1899.12.31",
]  # fmt: skip
_BLANKS = [None, "", "  ", "\u3000"]
_PLACEHOLDERS = ["-", "-", "-", "…", "미정", "해당없음"]


def _split_days(days: np.ndarray) -> tuple[np.ndarray, ...]:
    stamps = _EPOCH + days.astype("m8[D]")
    month_start = stamps.astype("M8[M]")
    years = month_start.astype("M8[Y]").astype(np.int64) + 1970
    months = month_start.astype(np.int64) % 12 + 1
    day = (stamps - month_start.astype("M8[D]")).astype(np.int64) + 1
    weekday = (days + 3) % 7
    return years, months, day, weekday


def korean_date_samples(n: int, seed: int = 0) -> tuple[list, list]:
    """``n`` messy date cells and their true ``pd.Timestamp`` (None where no date should come
    out; see the module docstring)."""
    rng = np.random.default_rng(seed)
    values: list = [None] * n
    expected: list = [None] * n

    # Most cells fall in a recent three-year window (many repeats); the rest spread widely.
    recent = rng.random(n) < 0.6
    days = np.where(
        recent,
        rng.integers(_RECENT_START, _RECENT_START + 3 * 365, n),
        rng.integers(_WIDE_START, _WIDE_END, n),
    )
    recent_days = rng.integers(_RECENT_START, _RECENT_START + 3 * 365, n)
    seconds = rng.integers(0, 86_400, n)
    # Office hours are the common case.
    seconds = np.where(rng.random(n) < 0.8, rng.integers(9 * 3600, 18 * 3600, n), seconds)

    kind = rng.random(n)
    weights = np.array([w for w, _, _ in _FORMATS])
    special = {"serial": 0.06, "serial_time": 0.01, "impossible": 0.005, "blank": 0.02,
               "placeholder": 0.005, "noise": 0.02}  # fmt: skip
    total = weights.sum() + sum(special.values())
    edges = np.cumsum(np.concatenate([weights, list(special.values())])) / total
    choice = np.searchsorted(edges, kind, side="right")
    choice = np.minimum(choice, len(edges) - 1)

    years, months, dom, weekday = _split_days(days)
    r_years, r_months, r_dom, r_weekday = _split_days(recent_days)
    hours, minutes, secs = seconds // 3600, seconds // 60 % 60, seconds % 60

    for index, (_, two_digit, make) in enumerate(_FORMATS):
        picked = np.flatnonzero(choice == index)
        y, m, d, w = (r_years, r_months, r_dom, r_weekday) if two_digit else (
            years, months, dom, weekday)  # fmt: skip
        for i in picked.tolist():
            values[i], expected[i] = make(
                int(y[i]), int(m[i]), int(d[i]), int(w[i]),
                int(hours[i]), int(minutes[i]), int(secs[i]),
            )  # fmt: skip

    base = len(_FORMATS)
    names = list(special)
    for offset, name in enumerate(names):
        picked = np.flatnonzero(choice == base + offset).tolist()
        for i in picked:
            y, m, d = int(years[i]), int(months[i]), int(dom[i])
            if name in ("serial", "serial_time"):
                day_serial = int(days[i]) + int(_SERIAL_OFFSET)
                if name == "serial":
                    values[i], expected[i] = float(day_serial), _ts(y, m, d)
                else:
                    # Whole minutes, as people type times.
                    minute_of_day = int(seconds[i]) // 60
                    values[i] = day_serial + minute_of_day / 1440
                    expected[i] = _ts(y, m, d, minute_of_day // 60, minute_of_day % 60)
            elif name == "impossible":
                values[i] = _IMPOSSIBLE[int(rng.integers(len(_IMPOSSIBLE)))]
            elif name == "blank":
                values[i] = _BLANKS[int(rng.integers(len(_BLANKS)))]
            elif name == "placeholder":
                values[i] = _PLACEHOLDERS[int(rng.integers(len(_PLACEHOLDERS)))]
            else:  # noise: invisible and full-width characters around a plain date
                text = f"{y}-{m:02}-{d:02}" if i % 2 else f"{y}. {m}. {d}."
                noise = int(rng.integers(4))
                if noise == 0:
                    text = f" {text}\u00a0"
                elif noise == 1:
                    text = text.translate(_FULL_WIDTH)
                elif noise == 2:
                    text = f"\u3000{text}\u200b"
                else:
                    text = text.replace(" ", "  ") + "\n"
                values[i], expected[i] = text, _ts(y, m, d)
    return values, expected
