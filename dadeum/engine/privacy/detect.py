"""Find personal data in cells: 주민등록번호, 전화번호, 이메일, 이름, 주소 and ten more kinds.

``find_pii_series(values, header=...)`` returns, per cell, a list of ``Finding`` records: the
Korean type name, the span (start, end) in the cell's text and a confidence between 0 and 1.
A finding never holds the value itself; only its position.

How it works, per column (the rules are in ``detect_numbers``, ``detect_places`` and
``detect_names``, listed in order by ``detect_rules``):

0. Invisible characters (zero-width, format, NUL, combining marks) are dropped and look-alike
   digits made plain (``normalise``); spans are mapped back to the original text at the end.
1. Cells become text. Full-width digits and letters, dash look-alikes (``ㅡ``, ``–``) and
   special spaces are mapped one character to one character (not ``clean_text``, which
   collapses spaces), so a span in the mapped text is the same span in the original.
   Numbers are read only when they look like identifiers: a 13-digit number, or any whole
   number in a column whose header names an identifier (with the leading zeros Excel
   dropped put back).
2. Cells that are exactly one 주민등록번호, phone number, e-mail address, address or (in a
   name column) name are settled column-wise: an anchored RE2 match in pyarrow, check
   digits with numpy. Most cells of a structured column end here.
3. For each rule, pyarrow's RE2 engine picks the remaining cells that may hold a match;
   those cells are joined into one string and the rule's Python regex runs over it once;
   only the matches are validated in Python (dates, check digits, Luhn, context words).
4. Overlapping hits in a cell are settled by a fixed order of types (an e-mail address
   beats a phone number inside it, a 주민등록번호 beats an account number), in time linear
   in the number of hits.
5. Names that patterns only suggest (``WEAK_NAME``), and free text with a title or role
   beside an unexplained word, go to the Korean morphological analyser (``detect_nlp``),
   which keeps ordinary words out and finds proper nouns in a person context.

Phone numbers are checked against a table of Korean prefixes (the one phonenumbers' metadata
has); ``to_phone_series`` is not used because it caches the numbers it has seen.

The column header (``header=``) raises the confidence of its types and enables whole-cell
detection of weak types: names in a 성명 column, account numbers without a bank name in a
계좌번호 column, phone numbers without an area code in a 연락처 column, addresses without a
시도 in a 주소 column. A column whose cells are nearly all names is treated as a name column
even without a header.

Nothing here logs, prints or caches a value.
"""

import gc
import re
from bisect import bisect_right
from contextlib import contextmanager
from datetime import date, datetime, time
from itertools import repeat
from numbers import Integral, Real
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dadeum.engine.phones import DASHES
from dadeum.engine.privacy import detect_rules as rules
from dadeum.engine.privacy.detect_base import HANJA
from dadeum.engine.privacy.detect_names import (
    BARE_CONFIDENCE,
    OPENING_CONFIDENCE,
    SIGUNGU_NAMES,
)
from dadeum.engine.privacy.detect_nlp import (
    BEFORE_WORDS,
    PERSON_CONTEXT,
    analyse_names,
    common_noun,
    given_name_alone,
)
from dadeum.engine.privacy.detect_words import HEADER_WORDS, NOT_NAMES
from dadeum.engine.privacy.normalise import (
    needs_normalising,
    needs_normalising_re2,
    normalise,
    original_span,
)
from dadeum.engine.text import _SPACES

__all__ = [
    "PII_TYPES",
    "Finding",
    "find_pii_series",
    "find_pii_spans",
    "header_types",
    "scan_texts",
]

PII_TYPES = (
    "주민등록번호", "외국인등록번호", "여권번호", "운전면허번호", "사업자등록번호", "법인등록번호",
    "전화번호", "이메일", "카드번호", "계좌번호", "주소", "이름", "차량번호", "IP주소",
)  # fmt: skip


class Finding(NamedTuple):
    """One piece of personal data in a cell: its type, where it is, how sure we are."""

    type: str
    start: int
    end: int
    confidence: float


# One character to one character, so positions stay valid in the original text.
_ONE_TO_ONE = str.maketrans(
    {
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
        **dict.fromkeys(DASHES, "-"),
        # Line breaks and tabs stay: text tables and sentence openings are read line by line,
        # tables pasted from a sheet cell by cell.
        **dict.fromkeys(_SPACES.replace("\n", "").replace("\r", "").replace("\t", ""), " "),
        "\x00": " ",
    }
)
_NEEDS_MAPPING = (
    "["
    + "".join(f"\\x{{{ord(ch):04x}}}" for ch in DASHES + _SPACES.replace(" ", "").replace("\t", ""))
    + r"\x00"
    r"\x{ff01}-\x{ff5e}]"
)
# Numbers in columns like these are amounts or counts, never identifiers.
_AMOUNT_HEADER = re.compile(r"금액|액$|액\(|비용|요금|수량|인원|합계|면적|점수|세액|원\)")
_NAME_CELL = r"^\s*[가-힣]{2,4}\s*$"
_NAME_COLUMN_SHARE = 0.8
# Also the fewest distinct names, unless they are full names (see _varied_names).
_NAME_COLUMN_MIN = 3
# Up to this many cells, the regexes run directly (a single Excel cell costs ~0.3 ms, not 3).
_FEW = 64


def header_types(header: Any) -> frozenset[str]:
    """The personal-data types a column header stands for: ``"연락처"`` → {전화번호}.

    >>> sorted(header_types("민원인 성명"))
    ['이름']
    >>> sorted(header_types("우편번호"))
    []
    """
    if header is None or (isinstance(header, float) and header != header):
        return frozenset()
    key = re.sub(r"[\s_·.()\[\]]+", "", str(header)).lower()
    if not key or "우편번호" in key:
        return frozenset()
    found = set()
    for word, kind in HEADER_WORDS:
        if word.isascii():
            if re.search(r"(?<![a-z])" + re.escape(word) + r"(?![a-z])", key):
                found.add(kind)
        elif word in key:
            found.add(kind)
    found.discard("")
    if key.endswith(("수", "인원", "율", "비율", "count")):
        found.discard(rules.NAME)  # 가입자 수, 참석자 인원: counts of people, no names
    return frozenset(found)


def find_pii_spans(text: Any, *, column_hint: str | None = None) -> list[Finding]:
    """The personal data in one cell, as findings sorted by position.

    ``column_hint``: the column header, if known (``"성명"``, ``"연락처"``).

    >>> text = "주민번호 960101-1234567이고 010-1234-5678로"
    >>> [(f.type, text[f.start : f.end]) for f in find_pii_spans(text)]
    [('주민등록번호', '960101-1234567'), ('전화번호', '010-1234-5678')]
    """
    return find_pii_series(pd.Series([text], dtype=object), header=column_hint).iloc[0]


def find_pii_series(values: pd.Series, *, header: Any = None) -> pd.Series:
    """Vectorised ``find_pii_spans`` over a column: a Series (same index) holding a list of
    ``Finding`` per cell, empty for a blank or a cell without personal data.

    ``header``: the column header; it raises confidence for its types and enables
    whole-cell detection of names, account numbers and the like. The input is not modified.
    """
    with without_gc():
        texts = scan_texts(values, header=header)
        found = _find(texts, header_types(header))
        out = [found.get(row) or [] for row in range(len(texts))]
        return pd.Series(out, index=values.index, dtype=object)


def scan_texts(values: pd.Series, *, header: Any = None) -> list[str | None]:
    """The text each cell is scanned as (None = not scanned). Spans refer to this text.

    Text cells are themselves. Whole numbers are scanned only when they look like an
    identifier: 13 digits (a 주민등록번호 or 법인등록번호), 15-16 digits (a card), or any whole
    number in a column whose header names an identifier, with the zeros Excel dropped put
    back (``1012345678`` in a 연락처 column is ``01012345678``). Dates, times, booleans and
    numbers in amount columns are never scanned.
    """
    hint = header_types(header)
    amount = header is not None and bool(_AMOUNT_HEADER.search(str(header)))
    items = values.tolist()
    if pd.api.types.infer_dtype(items, skipna=False) == "string":
        return [item if item.strip() else None for item in items]
    return [
        (item if item.strip() else None) if type(item) is str else _as_text(item, hint, amount)
        for item in items
    ]


def _as_text(value: Any, hint: frozenset[str], amount: bool) -> str | None:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool | np.bool_ | date | datetime | time | pd.Timestamp) or amount:
        return None
    if isinstance(value, Integral):
        number = int(value)
    elif isinstance(value, Real) and float(value).is_integer():
        number = int(float(value))
    else:
        return None
    if number <= 0:
        return None
    digits = str(number)
    if hint & {rules.RRN, rules.FRN, rules.CRN} and 10 <= len(digits) <= 13:
        return digits.zfill(13)
    if rules.PHONE in hint and len(digits) in (9, 10):
        return "0" + digits
    if hint & {rules.BRN, rules.ACCOUNT, rules.CARD, rules.PHONE, rules.LICENCE}:
        return digits
    if len(digits) == 13 or len(digits) in (15, 16):
        return digits
    return None


@contextmanager
def without_gc():
    """The scan makes many small objects and no reference cycles; the cyclic collector would
    only walk the whole heap again and again (a third of the time on a large sheet)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _without_lone_surrogates(texts: list[str | None]) -> list[str | None]:
    """The texts with any lone surrogate (text decoded with errors="surrogateescape", a
    hostile file) made U+FFFD, one character for one, so that spans stay where they were and
    the RE2 passes, which need UTF-8, can run. One encode of all the text checks for them."""
    try:
        "\x00".join(text for text in texts if text is not None).encode("utf-8")
    except UnicodeEncodeError:
        return [None if text is None else _SURROGATE.sub("\ufffd", text) for text in texts]
    return texts


_SURROGATE = re.compile("[\ud800-\udfff]")


def _find(texts: list[str | None], hint: frozenset[str]) -> dict[int, list[Finding]]:
    """Findings per row number, for rows that have any, with spans in the given texts.

    A long column whose cells repeat (부서, 담당자, 비고, dates) is scanned once per distinct
    text, and the findings are copied to every row that holds it; the share of names that
    makes a column of names is still counted over every cell."""
    with without_gc():
        if len(texts) > _FEW:  # only a long column is scanned with RE2, which needs UTF-8
            texts = _without_lone_surrogates(texts)
            codes, distinct = pd.factorize(np.array(texts, dtype=object))  # None: -1
            if len(distinct) <= _DISTINCT_SHARE * len(texts):
                counts = np.bincount(codes[codes >= 0], minlength=len(distinct))
                found = _find_texts(distinct.tolist(), hint, counts)
                return _spread(found, codes)
        return _find_texts(texts, hint)


# Columns with fewer distinct texts than this share of their cells are scanned per text.
_DISTINCT_SHARE = 0.9


def _spread(found: dict[int, list[Finding]], codes: np.ndarray) -> dict[int, list[Finding]]:
    """Findings per distinct text as findings per row (``codes``: the text of each row).
    Rows come grouped by text, in the order ``found`` has the texts: the order a scan of
    every row would have met them in (``scan_frame`` lists types in that order)."""
    if not found:
        return {}
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    keys = np.fromiter(found, dtype=np.int64, count=len(found))
    firsts = np.searchsorted(ordered, keys, side="left").tolist()
    lasts = np.searchsorted(ordered, keys, side="right").tolist()
    rows = order.tolist()
    out: dict[int, list[Finding]] = {}
    for findings, first, last in zip(found.values(), firsts, lasts, strict=True):
        for row in rows[first:last]:
            out[row] = list(findings)  # a list per cell: callers may change one
    return out


def _find_texts(
    texts: list[str | None], hint: frozenset[str], counts: np.ndarray | None = None
) -> dict[int, list[Finding]]:
    """``_find`` over the given texts; ``counts``: how many cells each text stands for.

    Detection runs on the normalised texts (invisible characters dropped, look-alike digits
    made plain: see ``normalise``); spans are mapped back, covering the dropped characters
    inside an item."""
    offsets: dict[int, list[int]] = {}
    plain_texts = texts
    array = None
    if len(texts) > _FEW:  # one RE2 pass over the column picks the cells to normalise
        array = pa.array([text or "" for text in texts], type=pa.large_string())
        rows = np.flatnonzero(_matches(array, needs_normalising_re2())).tolist()
    else:
        rows = [row for row, text in enumerate(texts) if text and needs_normalising(text)]
    for row in rows:
        normal, mapping = normalise(texts[row])
        if mapping is not None:
            if plain_texts is texts:
                plain_texts, array = list(texts), None
            plain_texts[row] = normal if normal.strip() else None
            offsets[row] = mapping
    found = _find_all(plain_texts, hint, array, counts)
    for row, mapping in offsets.items():
        if row in found:
            found[row] = [_remap(f, mapping) for f in found[row]]
    return found


def _remap(finding: Finding, offsets: list[int]) -> Finding:
    start, end = original_span(offsets, finding.start, finding.end)
    return Finding(finding.type, start, end, finding.confidence)


def _find_all(
    texts: list[str | None],
    hint: frozenset[str],
    array: pa.Array | None = None,
    counts: np.ndarray | None = None,
) -> dict[int, list[Finding]]:
    """``array``: the texts as a pyarrow array ('' for None), when the caller has it;
    ``counts``: how many cells each text stands for (None: one each)."""
    present = np.array([text is not None for text in texts], dtype=bool)
    if not present.any():
        return {}
    if len(texts) <= _FEW and counts is None:
        return _find_few(texts, present, hint)
    if array is None:
        array = pa.array([text or "" for text in texts], type=pa.large_string())
    mapped = _map_one_to_one(texts, array)
    if mapped is not None:
        texts, array = mapped
    if rules.NAME not in hint and _looks_like_names(array, present, counts):
        hint = hint | {rules.NAME}
    hits: dict[int, list[Finding]] = {}
    # Cells that are exactly one value, the bulk of a structured column, are settled column-wise;
    # the regex rules then only see the other cells.
    _whole_cells(texts, array, present, hint, hits)
    found_rows: dict[str, list[int]] = {}  # rows with a finding of each type, for fallbacks
    for row, found in hits.items():
        found_rows.setdefault(found[0].type, []).append(row)
    pending = present.copy()
    pending[list(hits)] = False
    cells = _Cells(np.flatnonzero(pending), array)
    for rule in rules.RULES:
        hinted = bool(rule.types & hint)
        if rule.hint_only and not hinted:
            continue
        rows, subset = cells.gated(rule.gate)
        if not len(rows):
            continue
        if rule.prefilter is not None:
            selected = _matches(subset, rule.prefilter)
            rows, subset = rows[selected], subset.filter(pa.array(selected))
        if rule.context is not None and not hinted and len(rows):
            rows = rows[_matches(subset, rule.context)]
        if rule.fallback and len(rows):
            done = [row for kind in rule.types for row in found_rows.get(kind, ())]
            rows = rows[~np.isin(rows, done)]
        if len(rows):
            _run(rule, [texts[row] for row in rows.tolist()], rows, hint, hits, found_rows)
    settled = {row: _settle(found) for row, found in hits.items()}
    if rules.NAME in hint:
        return _resolve_names(texts, settled, hint)
    # The cells _resolve_names must look at: a weak name, or a person word (RE2, one pass).
    person = np.flatnonzero(_matches(array, PERSON_CONTEXT)).tolist()
    candidates = sorted(set(person).union(found_rows.get(rules.WEAK_NAME, ())))
    return _resolve_names(texts, settled, hint, candidates)


def _find_few(texts: list, present: np.ndarray, hint: frozenset[str]) -> dict:
    """The same for a handful of cells (one Excel cell, a short range): every rule's regex
    on every cell, without the column-wise steps, which only pay off on long columns. The
    results are the same: prefilters and whole-cell shapes only ever skip work."""
    texts = [text.translate(_ONE_TO_ONE) if text is not None else None for text in texts]
    if rules.NAME not in hint and len(texts) >= _NAME_COLUMN_MIN:
        shaped = [t.strip() for t in texts if t is not None and re.fullmatch(_NAME_CELL, t)]
        names = [word for word in shaped if rules.name_shape(word)]
        if _varied_names(set(names)) and len(names) >= _NAME_COLUMN_SHARE * int(present.sum()):
            hint = hint | {rules.NAME}
    rows = np.flatnonzero(present)
    hits: dict[int, list[Finding]] = {}
    found_rows: dict[str, list[int]] = {}
    for rule in rules.RULES:
        if rule.hint_only and not rule.types & hint:
            continue
        todo = rows
        if rule.fallback:
            done = [row for kind in rule.types for row in found_rows.get(kind, ())]
            todo = rows[~np.isin(rows, done)]
        if len(todo):
            _run(rule, [texts[row] for row in todo.tolist()], todo, hint, hits, found_rows)
    return _resolve_names(texts, {row: _settle(found) for row, found in hits.items()}, hint)


def _resolve_names(
    texts: list, found: dict[int, list[Finding]], hint, candidates: list[int] | None = None
) -> dict:
    """Weak names (``WEAK_NAME``) kept where the language analysis confirms them, and names in
    free text that only the analysis finds (``detect_nlp``). Only cells with a weak name, or
    free text with a person word not already explained by a found name, are analysed.

    ``candidates``: the rows that may be either, in order (None: every row); the others
    are not looked at."""
    if rules.NAME in hint:  # a column of names: every name-shaped word is one already
        return {
            row: [f._replace(type=rules.NAME) if f.type == rules.WEAK_NAME else f for f in fs]
            for row, fs in found.items()
        }
    rows, weak = [], []
    for row in range(len(texts)) if candidates is None else candidates:
        text = texts[row]
        findings = found.get(row)
        spans = [
            (f.start, f.end, _WEAK_KINDS.get(f.confidence, ""))
            for f in findings or ()
            if f.type == rules.WEAK_NAME
        ]
        if spans or (text is not None and _unexplained_person_word(text, findings)):
            rows.append(row)
            weak.append(spans)
    if rows:
        names = analyse_names([texts[row] for row in rows], weak)
        for row, spans in zip(rows, names, strict=True):
            kept = [f for f in found.get(row, ()) if f.type != rules.WEAK_NAME]
            added = [Finding(rules.NAME, start, end, conf) for start, end, conf in spans]
            if kept or added:
                found[row] = _settle(kept + added)
            else:
                found.pop(row, None)
    return {
        row: _with_hanja(texts[row], _propagate(texts[row], fs)) for row, fs in found.items() if fs
    }


def _propagate(text: str, findings: list[Finding]) -> list[Finding]:
    """A name found once, by a title or a form, names the same person wherever else the text
    writes it (해리스 대사 … 해리스가; 고 이중경의 … 중경이는): the other mentions rarely
    carry a title of their own. Only confident findings spread, and a given name only when
    it is no ordinary word (a 정원 in 이정원 stays a garden elsewhere)."""
    seeds = [
        f
        for f in findings
        if f.type == rules.NAME and f.confidence >= _SEED_CONFIDENCE and f.end - f.start >= 2
    ]
    if not seeds or len(text) < 8:
        return findings  # most cells of a sheet: no name, or nothing else beside it
    names = {text[f.start : f.end] for f in seeds}
    words = {name for name in names if _HANGUL_WORD.fullmatch(name)}
    if not words:
        return findings
    forms = set(words)
    for name in words:
        if len(name) == 3 and rules.name_shape(name) and given_name_alone(name[1:]):
            forms.add(name[1:])
    taken = [(f.start, f.end) for f in findings]
    added = []
    for form in sorted(forms, key=len, reverse=True):
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (
                (at == 0 or not "가" <= text[at - 1] <= "힣")
                and _NAME_TAIL.match(text, end) is not None
                and not any(a < end and at < b for a, b in taken)
            ):
                added.append(Finding(rules.NAME, at, end, 0.7))
                taken.append((at, end))
            at = text.find(form, end)
    return _settle(findings + added) if added else findings


_HANGUL_WORD = re.compile(r"[가-힣]{2,8}")
# Names found by a title, label or form spread; a foreign-looking word beside a title (0.7)
# does not: in unlabelled proposals such seeds were mostly bus lines and brand names.
_SEED_CONFIDENCE = 0.75
_NAME_TAIL = re.compile(
    r"(?:이)?(?:"
    + "|".join(
        (
            "아 야 가 는 은 를 을 의 에게 에게서 한테 와 과 도 만 랑 하고 께 께서 씨 님 군 양 이 "
            "씨가 씨는 씨의 님이 님은 님의 님께 군이 군은 양이 양은 이가 이는 이를 이의 이에게 "
            "이도 이와 이랑"
        ).split()
    )
    + r")?(?![가-힣])"
)


# Weak names that only bring their text to the analysis, by the rule that found them.
_WEAK_KINDS = {BARE_CONFIDENCE: "bare", OPENING_CONFIDENCE: "opening"}


def _with_hanja(text: str, findings: list[Finding]) -> list[Finding]:
    """A found name's Hanja written after it in brackets is the same name: 임종석(任鍾晳, …)."""
    if "(" not in text and "（" not in text:
        return findings
    added = []
    for f in findings:
        if f.type == rules.NAME and text[f.end : f.end + 1] in "(（":
            m = _HANJA_AFTER.match(text, f.end + 1)
            if m is not None and len(m[1]) == f.end - f.start:
                added.append(Finding(rules.NAME, m.start(1), m.end(1), f.confidence))
    return _settle(findings + added) if added else findings


_HANJA_AFTER = re.compile(r"\s*(" + HANJA + r"{2,5})\s*[,，)）·]")


def _unexplained_person_word(text: str, findings: list[Finding] | None) -> bool:
    """Free text where a title or role word sits next to a word that may be a name no rule
    found (해리스 대사, 이춘재 씨, 교수 룻츠 피들러): only such cells are analysed."""
    if " " not in text or len(text) < 6:
        return False
    spans = [(f.start, f.end) for f in findings or ()]
    for m in _PERSON_WORD.finditer(text):
        start, end = m.span()
        if any(a <= start < b for a, b in spans):
            continue  # inside a found item (가평군 in an address)
        before = _HANGUL_BEFORE.search(
            text, 0, start - 1 if text[start - 1 : start] == " " else start
        )
        if before is not None and text[before.start() : end] not in SIGUNGU_NAMES:
            if _maybe_name(before[0], spans, before.end()):
                return True
        if m[0] in BEFORE_WORDS and text[end : end + 1] == " ":  # 교수 룻츠 피들러
            after = _HANGUL_AFTER.match(text, end + 1)
            if after is not None and _maybe_name(after[0], spans, None, after.start()):
                return True
    return False


def _maybe_name(word: str, spans: list, end: int | None, start: int | None = None) -> bool:
    if any(b == end or a == start for a, b in spans):
        return False  # the name beside it is found already
    if start is not None:  # a word after a role may carry its particle (해리스가)
        return 2 <= len(word) <= 8 and word not in NOT_NAMES
    # up to 10: a name glued to the word before it (민주당과문재인 대통령)
    return 2 <= len(word) <= 10 and word not in NOT_NAMES and word[-1] not in _NOT_NAME_ENDS


_HANGUL_BEFORE = re.compile(r"[가-힣]+$")
_HANGUL_AFTER = re.compile(r"[가-힣]+")
# A word ending in a particle or a bound noun is no name (관련, 건의, 고객의 …).
_NOT_NAME_ENDS = frozenset("의을를은는이가에도와과건련로및등")
_PERSON_WORD = re.compile(PERSON_CONTEXT)


class _Cells:
    """The cells still to scan, and the cheap subsets of them that several rules share
    (``Rule.gate``: cells with three digits in a row, which every numeric rule needs)."""

    def __init__(self, rows: np.ndarray, array: pa.Array) -> None:
        self.rows = rows
        self.array = array.take(pa.array(rows)) if len(rows) < len(array) else array
        self._gates: dict[str, tuple[np.ndarray, pa.Array]] = {}

    def gated(self, gate: str | None) -> tuple[np.ndarray, pa.Array]:
        if gate is None or not len(self.rows):
            return self.rows, self.array
        if gate not in self._gates:
            selected = _matches(self.array, gate)
            self._gates[gate] = (self.rows[selected], self.array.filter(pa.array(selected)))
        return self._gates[gate]


def _whole_cells(texts: list, array: pa.Array, present: np.ndarray, hint, hits: dict) -> None:
    """Cells that are one 주민·외국인등록번호, phone number, e-mail address, address or (in a
    name column) name, with nothing around it: validated column-wise, one finding per cell."""
    for kind, pattern in rules.WHOLE_CELL.items():
        rows = np.flatnonzero(_matches(array, pattern) & present)
        if not len(rows):
            continue
        cells = [texts[row] for row in rows.tolist()]
        verdicts = rules.whole_verdicts(kind, cells, hint)
        for row, text, verdict in zip(rows.tolist(), cells, verdicts, strict=True):
            if verdict is not None:  # the shapes exclude each other: no cell gets two
                hits[row] = [Finding(verdict[0], 0, len(text), verdict[1])]
    if rules.NAME in hint:
        _whole_names(texts, array, present, hits)


def _map_one_to_one(texts: list, array: pa.Array) -> tuple[list, pa.Array] | None:
    """Texts with full-width characters, dash look-alikes and odd spaces mapped 1:1."""
    needs = pc.match_substring_regex(array, _NEEDS_MAPPING).to_numpy(zero_copy_only=False)
    if not needs.any():
        return None
    texts = list(texts)
    for row in np.flatnonzero(needs):
        texts[row] = texts[row].translate(_ONE_TO_ONE)
    return texts, pa.array([text or "" for text in texts], type=pa.large_string())


def _whole_names(texts: list, array: pa.Array, present: np.ndarray, hits: dict) -> None:
    """In a name column, cells that are one name-shaped word: no regex needed."""
    shaped = np.flatnonzero(_matches(array, _NAME_CELL) & present)
    verdicts: dict[str, bool] = {}  # per call only: distinct words seen in this column
    for row in shaped.tolist():
        text = texts[row]
        word = text.strip()
        name = verdicts.get(word)
        if name is None:
            name = verdicts[word] = rules.name_shape(word, given_check=False)
        if name:
            start = len(text) - len(text.lstrip())
            hits[row] = [Finding(rules.NAME, start, start + len(word), 0.9)]


def _looks_like_names(array: pa.Array, present: np.ndarray, counts: np.ndarray | None) -> bool:
    """Whether nearly every non-blank cell is a name on its own (a column of names).
    ``counts``: how many cells each text stands for (None: one each)."""
    weights = np.ones(len(array), dtype=np.int64) if counts is None else counts
    count = int(weights[present].sum())
    if count < _NAME_COLUMN_MIN:
        return False
    shaped = pc.match_substring_regex(array, _NAME_CELL).to_numpy(zero_copy_only=False) & present
    if weights[shaped].sum() < _NAME_COLUMN_SHARE * count:
        return False
    words = pc.utf8_trim_whitespace(array.filter(pa.array(shaped))).to_pylist()
    tally: dict[str, int] = {}  # each distinct word is judged once
    for word, weight in zip(words, weights[shaped].tolist(), strict=True):
        tally[word] = tally.get(word, 0) + weight
    names = {word: weight for word, weight in tally.items() if rules.name_shape(word)}
    return sum(names.values()) >= _NAME_COLUMN_SHARE * count and _varied_names(names)


def _varied_names(names) -> bool:
    """Enough distinct names for a column of people: one or two two-syllable words down a
    column are a category (구분, 경유 under a title row); one full name repeated is a person."""
    if len(names) >= _NAME_COLUMN_MIN:
        return True
    # 원자료 repeated down a 통계자료 column: a common noun, however name-shaped
    return all(len(name) >= 3 and not common_noun(name) for name in names)


def _matches(array: pa.Array, pattern: str) -> np.ndarray:
    return pc.match_substring_regex(array, pattern).to_numpy(zero_copy_only=False)


def _run(
    rule: rules.Rule, parts: list[str], rows: np.ndarray, hint, hits: dict, found_rows: dict
) -> None:
    """Run one rule over the given cells, joined into one string, and collect its hits."""
    blob = "\x00".join(parts)
    lengths = np.fromiter((len(part) + 1 for part in parts), dtype=np.int64, count=len(parts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    matches = list(rule.pattern.finditer(blob))
    if not matches:
        return
    positions = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    cells = (np.searchsorted(starts, positions, side="right") - 1).tolist()
    infos = rule.batch(matches) if rule.batch is not None else repeat(None)
    context = rules.Context(blob, hint=hint)
    judge, rows_list = rule.judge, rows.tolist()
    starts_list, ends_list = starts.tolist(), (starts + lengths - 1).tolist()
    for m, cell, info in zip(matches, cells, infos, strict=False):  # infos may be endless
        lo = context.lo = starts_list[cell]
        context.hi = ends_list[cell]
        for kind, start, end, confidence in judge(m, context, info):
            found = Finding(kind, start - lo, end - lo, confidence)
            row = rows_list[cell]
            if row in hits:
                hits[row].append(found)
            else:
                hits[row] = [found]
            if kind in found_rows:
                found_rows[kind].append(row)
            else:
                found_rows[kind] = [row]


def _settle(found: list[Finding]) -> list[Finding]:
    """Non-overlapping findings in text order; of two that overlap, the type that comes
    first in ``PRIORITY`` wins, then the more confident, then the longer."""
    if len(found) == 1:
        return found
    ranked = sorted(
        found,
        key=lambda f: (rules.PRIORITY[f.type], -f.confidence, f.start - f.end, f.start),
    )
    # The kept findings never overlap, so sorted by start they are sorted by end too: only
    # the neighbours around a new finding's start can overlap it (a scan of all kept ones
    # made a long cell quadratic: 32,767 characters took seconds).
    kept: list[Finding] = []
    starts: list[int] = []
    for finding in ranked:
        at = bisect_right(starts, finding.start)
        if at and kept[at - 1].end > finding.start:
            continue
        if at < len(kept) and kept[at].start < finding.end:
            continue
        kept.insert(at, finding)
        starts.insert(at, finding.start)
    return kept
