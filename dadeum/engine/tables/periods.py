"""Periods in labels and headers: years ("2023", "2023년", "2023 p)" provisional, "2023e"),
months, quarters, halves and dates, and the header words that announce a period column.

Below both ``header`` (which tells a year column from an ID column) and ``names`` (which
names a level of years 연도), so neither imports the other for it.
"""

import datetime as dt
import re
from collections.abc import Iterable

from dadeum.engine.cells import CellError
from dadeum.engine.dates import to_date

# "2023", "2023년", "2023 p)", "2023(p)", "2023e", "2023년(잠정)": a year, perhaps provisional.
YEAR = re.compile(
    r"^(?P<year>(?:19|20)\d\d)\s*(?:년도?)?\s*(?P<mark>\(?\s*[pPeE]\s*\)|[pPeE]|\(?\s*(?:잠정치?|추정치?|예비)\s*\)?)?$"
)


def year_of(value: object) -> tuple[str, str | None] | None:
    """ "2023 p)" → ("2023", "p)"); "2021년" → ("2021", None); not a year → None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    match = YEAR.match(value.strip())
    if not match:
        return None
    return match.group("year"), match.group("mark")


MONTH = re.compile(r"^(?:\d{1,2}\s*월|(?:19|20)\d\d\s*[.\-/년]\s*\d{1,2}\s*월?)$")
MONTH_EN = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
# A fiscal year across two calendar years: "2013-14", "1999-00", "2013/2014", "FY2013-14".
_FISCAL_YEAR = re.compile(
    r"^(?:fy\s*)?(?P<start>(?:19|20)\d\d)\s*[-/–]\s*(?P<end>\d\d|(?:19|20)\d\d)$",
    re.IGNORECASE,
)


def is_fiscal_year(value: object) -> bool:
    """ "2013-14" or "2013/2014": a year and the next one."""
    match = _FISCAL_YEAR.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return False
    start, end = int(match.group("start")), match.group("end")
    return int(end) == (start + 1 if len(end) == 4 else (start + 1) % 100)


def fiscal_years(texts: Iterable[str]) -> bool:
    """Whether ``texts`` are fiscal years rather than months: all read as fiscal years and at
    least one cannot be a month ("2013-14"; "2011-12" alone could be December 2011)."""
    texts = list(texts)
    return (
        bool(texts)
        and all(is_fiscal_year(t) for t in texts)
        and any(not 1 <= int(re.split(r"\s*[-/–]\s*", t.strip())[-1][-2:]) <= 12 for t in texts)
    )


QUARTER = re.compile(
    r"^(?:(?:19|20)\d\d\s*(?:년\s*)?)?(?:제?\s*[1-4]\s*(?:/\s*4)?\s*분기|[1-4]\s*/\s*4|[1-4]\s*q|q\s*[1-4])$",
    re.IGNORECASE,
)
HALF = re.compile(r"^(?:(?:19|20)\d\d\s*(?:년\s*)?)?(?:상|하)반기$|^h[12]$", re.IGNORECASE)


# Headers of a period column: 기간 | 자치구 | … with a block of rows per year.
PERIOD_HEADER = re.compile(
    r"(기간|시점|연도|년도|년월|연월|연월일|^년$|^연$|^월$|월별|분기|반기|기준일|기준년|일자|날짜|"
    r"period|year|month|quarter|date)",
    re.IGNORECASE,
)
# Bare numbers a period header makes periods: 월 1–12, 분기 1–4 ("01" under 월).
_NUMBERED = {"월": 12, "month": 12, "분기": 4, "quarter": 4}


def is_period(value: object, header: str = "") -> bool:
    """A year, month, quarter, half or date: 2019, "2016 p)", "2019.1/4", "2023.07",
    "3월", "2023-03-05", a datetime; a bare 1–12 under a header 월 (1–4 under 분기)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if year_of(value):
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not float(value).is_integer():
            return False
        value = str(int(value))
    if not isinstance(value, str):
        return False
    text = value.strip()
    if MONTH.match(text) or MONTH_EN.match(text) or QUARTER.match(text) or HALF.match(text):
        return True
    if text.isdigit():
        if len(text) in (6, 8) and header:  # 201901, 20190131 under 시점, 기준일 …
            return _yyyymm(text)
        limit = _NUMBERED.get(header.strip().lower())
        return bool(limit) and 1 <= int(text) <= limit
    if _PERIOD_TEXT.match(text) or _MONTH_EN_YEAR.match(text):
        return True
    if "년" not in text and not text.startswith("'"):
        return False  # "1,234" and the like: not worth the date reader
    # The cleaning functions' date reader for the rest ("2023년 3월", "'23.07").
    return not isinstance(to_date(text), CellError)


# "Jan 2019", "January-2019", "2019 Jan", "2019-01" is _PERIOD_TEXT's.
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_EN_YEAR = re.compile(
    rf"^(?:{_MONTH_NAME}[\s\-/]*(?:19|20)\d\d|(?:19|20)\d\d[\s\-/]*{_MONTH_NAME})$",
    re.IGNORECASE,
)


def _yyyymm(text: str) -> bool:
    """ "201901" or "20190131": a year from 1900 to 2100, a month, and a day if there is one."""
    year, month = int(text[:4]), int(text[4:6])
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return False
    if len(text) == 6:
        return True
    try:
        dt.date(year, month, int(text[6:]))
    except ValueError:
        return False
    return True


# Periods written with a year first: 2019.1/4, 2023.07, 2023-03, 2023-03-05, 2023년 3월 5일.
_PERIOD_TEXT = re.compile(
    r"^(?:19|20)\d\d\s*(?:[.\-/년]\s*(?:[1-4]\s*/\s*[24]|\d{1,2})\s*(?:월|분기)?"
    r"(?:\s*[.\-/]?\s*\d{1,2}\s*일?)?\.?)$"
)
