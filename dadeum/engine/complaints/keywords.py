"""What 민원 are about: top keywords per period, and keywords rising against the last period.

A keyword's count is the number of 민원 that mention it (a complaint repeating 주차 five
times counts once). Keywords are nouns (compounds kept whole): verb stems say little on
their own, and nouns found in nearly any text (사람, 상황) are left out, as are words of one
syllable (too vague to read). Texts are masked with the privacy engine before analysis, so
a name or number never becomes a keyword.

Rising keywords compare the latest period with the one before. A rise counts only when the
keyword is in at least ``min_count`` 민원 this period and a one-sided binomial test says the
rise is unlikely by chance (p < ``alpha``): given the m complaints mentioning the keyword in
the two periods, the number in the latest would be Binomial(m, n₁/(n₁+n₀)) if nothing had
changed, where n₁, n₀ are all 민원 of each period. So one complaint is never a trend, and
a month with twice as many 민원 overall does not make every keyword "rise".
"""

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dadeum.engine.cells import is_blank
from dadeum.engine.complaints.analyse import GENERIC_NOUNS, analyse
from dadeum.engine.forecast.series import read_dates
from dadeum.errors import InvalidArgumentError

__all__ = ["PERIODS", "keyword_sets", "keyword_trends", "rising_keywords", "top_keywords"]

PERIODS = {"month": "M", "월": "M", "week": "W-SUN", "주": "W-SUN", "quarter": "Q", "분기": "Q",
           "year": "Y", "연": "Y", "년": "Y", "day": "D", "일": "D"}  # fmt: skip


def keyword_sets(texts: Sequence[Any]) -> list[set[str]]:
    """The keywords of each text (masked first), as a set per text."""
    from dadeum.engine.privacy import mask_pii_series

    texts = list(texts)
    rows = [i for i, text in enumerate(texts) if not is_blank(text)]
    masked = mask_pii_series(pd.Series([str(texts[i]) for i in rows], dtype=object)).tolist()
    sets: list[set[str]] = [set() for _ in texts]
    for i, words in zip(rows, analyse(masked, nouns_only=True), strict=True):
        sets[i] = {w for w in words if len(w) >= 2 and "*" not in w and w not in GENERIC_NOUNS}
    return sets


def _check_top(top_n: Any, function: str) -> int:
    try:
        value = int(top_n)
    except (TypeError, ValueError):
        value = 0
    if value < 1 or value != float(top_n):
        raise InvalidArgumentError(
            f"{function} 함수의 'top_n' 인수는 1 이상의 정수여야 합니다. 받은 값: {top_n!r}"
        )
    return value


def _periods(dates: Sequence[Any], period: Any, n: int, function: str) -> pd.Series:
    key = "month" if is_blank(period) else str(period).strip().lower()
    if key not in PERIODS:
        raise InvalidArgumentError(
            f'{function} 함수의 \'period\' 인수는 "month"(월), "week"(주), "quarter"(분기), '
            f'"year"(연), "day"(일) 중 하나여야 합니다. 받은 값: {period!r}'
        )
    stamps = read_dates(list(dates))
    if len(stamps) != n:
        raise InvalidArgumentError(
            f"{function}: 날짜 범위({len(stamps)}칸)와 민원 내용 범위({n}칸)의 크기가 다릅니다."
        )
    return pd.Series(
        [None if v is None else pd.Timestamp(v).to_period(PERIODS[key]) for v in stamps],
        dtype=object,
    )


def _count(sets: list[set[str]]) -> Counter:
    counts: Counter = Counter()
    for words in sets:
        counts.update(words)
    return counts


def _ranked(counts: Counter, top_n: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top_n]


def top_keywords(
    texts: Sequence[Any], top_n: Any = 20, dates: Sequence[Any] | None = None,
    period: Any = "month", *, function: str = "COMPLAINT_KEYWORDS",
) -> pd.DataFrame:  # fmt: skip
    """The ``top_n`` keywords with the number of 민원 mentioning each.

    Without dates: columns 키워드, 건수 over all texts. With dates: the latest period's top
    keywords, with 이전 건수 (the period before) and 증감 (건수 − 이전 건수).
    """
    top_n = _check_top(top_n, function)
    texts = list(texts)
    sets = keyword_sets(texts)
    if dates is None:
        ranked = _ranked(_count(sets), top_n)
        return pd.DataFrame(ranked, columns=["키워드", "건수"])
    periods = _periods(dates, period, len(texts), function)
    known = [p for p in periods if p is not None]
    if not known:
        raise InvalidArgumentError(f"{function}: 날짜가 하나도 없습니다. 날짜 범위를 확인하세요.")
    latest = max(known)
    now = _count([s for s, p in zip(sets, periods, strict=True) if p == latest])
    before = _count([s for s, p in zip(sets, periods, strict=True) if p == latest - 1])
    rows = [(word, count, before.get(word, 0), count - before.get(word, 0))
            for word, count in _ranked(now, top_n)]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["키워드", "건수", "이전 건수", "증감"])
    frame.attrs["period"] = str(latest)
    return frame


def keyword_trends(
    texts: Sequence[Any], dates: Sequence[Any], period: Any = "month", top_n: Any = 10
) -> pd.DataFrame:
    """Counts per period of the ``top_n`` keywords overall: 기간 rows × keyword columns."""
    top_n = _check_top(top_n, "keyword_trends")
    sets = keyword_sets(texts)
    periods = _periods(dates, period, len(sets), "keyword_trends")
    words = [w for w, _ in _ranked(_count(sets), top_n)]
    known = sorted({p for p in periods if p is not None})
    if not known:
        return pd.DataFrame(columns=["기간", *words])
    span = pd.period_range(known[0], known[-1], freq=known[0].freq)
    table = pd.DataFrame(0, index=span, columns=words, dtype=int)
    for s, p in zip(sets, periods, strict=True):
        if p is not None:
            for w in s.intersection(words):
                table.loc[p, w] += 1
    table.insert(0, "기간", [str(p) for p in span])
    return table.reset_index(drop=True)


def rising_keywords(
    texts: Sequence[Any], dates: Sequence[Any], period: Any = "month", *,
    min_count: int = 3, alpha: float = 0.05, top_n: int = 20,
) -> pd.DataFrame:  # fmt: skip
    """Keywords significantly more frequent in the latest period than in the one before.

    Columns: 키워드, 건수, 이전 건수, 비율 (share of 민원 now ÷ share before; blank when the
    keyword is new), p값. Sorted by p값 then 건수.
    """
    from scipy.stats import binomtest

    texts = list(texts)
    sets = keyword_sets(texts)
    periods = _periods(dates, period, len(texts), "rising_keywords")
    known = [p for p in periods if p is not None]
    columns = ["키워드", "건수", "이전 건수", "비율", "p값"]
    if not known:
        return pd.DataFrame(columns=columns)
    latest = max(known)
    now_sets = [s for s, p in zip(sets, periods, strict=True) if p == latest]
    before_sets = [s for s, p in zip(sets, periods, strict=True) if p == latest - 1]
    n1, n0 = len(now_sets), len(before_sets)
    if not n0:
        return pd.DataFrame(columns=columns)
    now, before = _count(now_sets), _count(before_sets)
    rows = []
    for word, count in now.items():
        previous = before.get(word, 0)
        if count < min_count:
            continue
        p = binomtest(count, count + previous, n1 / (n1 + n0), alternative="greater").pvalue
        if p < alpha:
            ratio = round((count / n1) / (previous / n0), 2) if previous else None
            rows.append((word, count, previous, ratio, round(float(p), 4)))
    rows.sort(key=lambda row: (row[4], -row[1], row[0]))
    return pd.DataFrame(rows[:top_n], columns=columns)
