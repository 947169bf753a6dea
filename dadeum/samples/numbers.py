"""Messy Korean number cells with their true values, for tests and the benchmark.

``korean_number_samples(n, seed)`` returns ``(texts, expected)``: ``n`` strings as they turn up
in public spreadsheets (현황표, 예산서, 통계표), in rough real-world proportions, and the value
each one should become. ``expected[i]`` is

- a float: the number the cell means (``"12.5%"`` → 0.125, ``"△1,000"`` → -1000.0);
- ``None``: a blank result, for empty cells and statistical placeholders (``-``, ``…``, ``x``);
- ``NaN`` (``math.isnan(expected[i])``): an expected failure, a cell that must NOT become a
  number (junk, dates, phone numbers, malformed groupings, ambiguous magnitudes).

True values are computed from the integers the texts are formatted from, never by parsing the
texts, so they check the parser instead of repeating it.
"""

from collections.abc import Callable
from decimal import Decimal

import numpy as np

FAIL = float("nan")

_FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})

_COUNT_UNITS = ["건", "명", "대", "개", "개소", "가구", "세대", "호", "회", "톤", "kg", "km",
                "㎞", "㎡", "m²", "평", "곳", "인", "마리", "필지"]  # fmt: skip
_PLACEHOLDERS = ["-", "-", "-", "-", "–", "—", "…", "...", "x", "X", "비공개", "해당없음",
                 "해당 없음", "n/a", "N/A", "미상", "*", "ㅡ"]  # fmt: skip
# Cells that must fail; none of them is a number a person would accept without asking.
_JUNK = [
    "abc", "1.2.3", "12-34", "2023.03.05", "2023-03-05", "2023. 3. 5.", "010-1234-5678",
    "02-123-4567", "1588-1234", "1,23", "12,34,567", "10~20", "100명 이상", "1억2천",
    "합계", "소계", "원", "천원", "#DIV/0!", "14:30", "1/2", "12 34", "--5", "(1,234",
    "약간", "O", "01012345678", "1.5억 3", "12ab",
]  # fmt: skip


def _amounts(rng: np.random.Generator, k: int) -> np.ndarray:
    """Integers spread over the magnitudes tables hold: counts to budgets."""
    digits = rng.integers(1, 11, size=k)
    return np.floor(10.0 ** (digits - 1 + rng.random(k))).astype(np.int64)


def _plain(rng, k):
    values = _amounts(rng, k)
    texts = [f"{v:,}" if rng.random() < 0.85 else str(v) for v in values.tolist()]
    return texts, [float(v) for v in values.tolist()]


def _decimal(rng, k):
    cents = _amounts(rng, k)
    places = rng.integers(1, 4, size=k)
    texts, truth = [], []
    for c, p in zip(cents.tolist(), places.tolist(), strict=True):
        d = Decimal(c).scaleb(-p)
        texts.append(f"{d:,f}")
        truth.append(float(d))
    return texts, truth


def _won(rng, k):
    values = _amounts(rng, k)
    forms = rng.integers(0, 6, size=k)
    texts, truth = [], []
    for v, form in zip(values.tolist(), forms.tolist(), strict=True):
        if form == 0:
            texts.append(f"{v:,}원")
        elif form == 1:
            texts.append(f"{v:,} 원")
        elif form == 2:
            texts.append(f"₩{v:,}")
        elif form == 3:
            texts.append(f"\\{v:,}")  # Korean fonts draw the backslash as ₩
        elif form == 4:
            texts.append(f"금{v:,}원")
        else:
            texts.append(f"{v}원")
        truth.append(float(v))
    return texts, truth


def _scaled_won(rng, k):
    values = _amounts(rng, k) // 100 + 1
    units = [("천원", 3), ("백만원", 6), ("만원", 4), ("억원", 8), ("십억원", 9)]
    picks = rng.integers(0, len(units), size=k)
    texts, truth = [], []
    for v, pick in zip(values.tolist(), picks.tolist(), strict=True):
        word, power = units[pick]
        texts.append(f"{v:,}{word}")
        truth.append(float(v * 10**power))
    return texts, truth


def _counts(rng, k):
    values = _amounts(rng, k) // 1000
    picks = rng.integers(0, len(_COUNT_UNITS), size=k)
    spaces = rng.random(k) < 0.2
    texts = [
        f"{v:,}{' ' if sp else ''}{_COUNT_UNITS[p]}"
        for v, p, sp in zip(values.tolist(), picks.tolist(), spaces.tolist(), strict=True)
    ]
    return texts, [float(v) for v in values.tolist()]


def _percent(rng, k):
    tenths = rng.integers(0, 10_000, size=k)
    texts, truth = [], []
    for t in tenths.tolist():
        d = Decimal(t).scaleb(-1)
        texts.append(f"{d}%" if rng.random() < 0.9 else f"{d} %")
        truth.append(float(d / 100))
    return texts, truth


def _negative(rng, k):
    values = _amounts(rng, k)
    forms = ["-{}", "△{}", "△ {}", "▲{}", "({})", "－{}", "−{}", "▽{}", "{}-", "△{}원"]
    picks = rng.integers(0, len(forms), size=k)
    texts = [
        forms[p].format(f"{v:,}") for v, p in zip(values.tolist(), picks.tolist(), strict=True)
    ]
    return texts, [-float(v) for v in values.tolist()]


def _magnitude(rng, k):
    texts, truth = [], []
    for _ in range(k):
        form = int(rng.integers(0, 7))
        a, b = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        if form == 0:
            n = int(rng.integers(1, 1000))
            texts.append(f"{n}만")
            truth.append(n * 10_000)
        elif form == 1:
            texts.append(f"{a}.{b}천")
            truth.append(a * 1000 + b * 100)
        elif form == 2:
            texts.append(f"{a}억 {b}천만원")
            truth.append(a * 10**8 + b * 10**7)
        elif form == 3:
            m = int(rng.integers(1, 10_000))
            texts.append(f"{a}조 {m:,}억")
            truth.append(a * 10**12 + m * 10**8)
        elif form == 4:
            texts.append(f"{a}천만원")
            truth.append(a * 10**7)
        elif form == 5:
            m, r = int(rng.integers(1, 10_000)), int(rng.integers(0, 10_000))
            texts.append(f"{a}억{m}만{r}원" if r else f"{a}억{m}만원")
            truth.append(a * 10**8 + m * 10**4 + r)
        else:
            texts.append(f"{a}.{b}억원")
            truth.append(a * 10**8 + b * 10**7)
    return texts, [float(t) for t in truth]


def _full_width(rng, k):
    texts, truth = _plain(rng, k)
    return [t.translate(_FULL_WIDTH) for t in texts], truth


def _spaced(rng, k):
    values = _amounts(rng, k)
    forms = [" {} ", "{}\u00a0", "\u3000{}", "{}\t", " {}원 "]
    picks = rng.integers(0, len(forms), size=k)
    texts = [
        forms[p].format(f"{v:,}") for v, p in zip(values.tolist(), picks.tolist(), strict=True)
    ]
    # thousands grouped by spaces, as some systems print them
    for i in np.flatnonzero(rng.random(k) < 0.2).tolist():
        texts[i] = f"{values[i]:,}".replace(",", " ")
    return texts, [float(v) for v in values.tolist()]


def _placeholder(rng, k):
    picks = rng.integers(0, len(_PLACEHOLDERS), size=k)
    return [_PLACEHOLDERS[p] for p in picks.tolist()], [None] * k


def _blank(rng, k):
    return [""] * k, [None] * k


def _junk(rng, k):
    picks = rng.integers(0, len(_JUNK), size=k)
    return [_JUNK[p] for p in picks.tolist()], [FAIL] * k


# (share of cells, generator): roughly what a column of a public 현황표 holds.
_MIX: list[tuple[float, Callable]] = [
    (0.46, _plain),
    (0.08, _decimal),
    (0.07, _won),
    (0.03, _scaled_won),
    (0.08, _counts),
    (0.06, _percent),
    (0.06, _negative),
    (0.03, _magnitude),
    (0.01, _full_width),
    (0.02, _spaced),
    (0.06, _placeholder),
    (0.01, _blank),
    (0.03, _junk),
]


def korean_number_samples(n: int, seed: int = 0) -> tuple[list[str], list[float | None]]:
    """``n`` messy number cells and their true values (see the module docstring).

    Deterministic for a given ``(n, seed)``.

    >>> texts, expected = korean_number_samples(5, seed=1)
    >>> len(texts) == len(expected) == 5
    True
    """
    rng = np.random.default_rng(seed)
    shares = np.array([share for share, _ in _MIX])
    counts = rng.multinomial(n, shares / shares.sum())
    texts: list[str] = []
    expected: list[float | None] = []
    for (_, make), k in zip(_MIX, counts.tolist(), strict=True):
        if k:
            t, e = make(rng, k)
            texts += t
            expected += e
    order = rng.permutation(n).tolist()
    return [texts[i] for i in order], [expected[i] for i in order]
