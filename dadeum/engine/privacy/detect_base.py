"""What every detection rule shares: type names, the ``Rule`` record, the ``Context`` a judge
sees, and the helpers for context words.

Each ``Rule`` has

- ``prefilter``: an RE2 pattern (no look-arounds) that pyarrow runs over the whole column; only
  cells it matches go on;
- ``pattern``: the Python regex run over those cells, joined with NUL into one string, so one
  ``finditer`` call covers the column;
- ``judge``: validates one match (check digits, dates, context words) and returns hits.

Boundaries: Korean particles attach directly to values (``960101-1234567이고``,
``010-1234-5678로``), so ``\\b`` is useless (Hangul is a word character). Every pattern says
instead what may not touch it: no ASCII letter or digit on either side, and no ``-digit``
around it (a longer code such as ``2023-0001-1234``).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from dadeum.engine.identifiers import VALID, VALID_UNCHECKED
from dadeum.engine.privacy.detect_words import (
    ACCOUNT_WORDS,
    BANKS,
    CONTEXT,
    VERSION_WORDS,
    alternation,
)

RRN, FRN, PASSPORT, LICENCE = "주민등록번호", "외국인등록번호", "여권번호", "운전면허번호"
BRN, CRN, PHONE, EMAIL = "사업자등록번호", "법인등록번호", "전화번호", "이메일"
CARD, ACCOUNT, ADDRESS, NAME = "카드번호", "계좌번호", "주소", "이름"
VEHICLE, IP = "차량번호", "IP주소"
# A name found by a weak pattern, kept only if the language analysis agrees (detect_nlp).
WEAK_NAME = "이름?"

# A hit: (type, start, end, confidence), positions in the joined text.
Hit = tuple[str, int, int, float]

# Not glued to a letter or digit, and not the tail of a hyphenated number (6734-02-3283997).
EDGE_BEFORE = r"(?<![0-9A-Za-z])(?<!\d[-.])"
EDGE_AFTER = r"(?![0-9A-Za-z]|[-.]\d)"
VALID_CODES = (VALID, VALID_UNCHECKED)
ASCII = re.ASCII  # \d and \s: ASCII only; other digits and spaces are mapped first
# Gates (``Rule.gate``): cheap tests several rules share, run once before their prefilters.
# Every numeric rule, and a citation's year, needs three digits in a row.
DIGITS = r"\d{3}"
# The rules for Latin names need a capital Latin letter.
LATIN = r"[A-Z]"
# The rules for text tables with a header need a word that heads a column of names.
NAME_HEADER = r"성명|이름|성 명|성함|[Nn]ame"
# One Han character (CJK unified ideographs, extension A, compatibility): a name in Hanja.
HANJA = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"


@dataclass
class Context:
    """Where a match sits: the joined text and the bounds of its cell in it."""

    text: str
    lo: int = 0
    hi: int = 0
    hint: frozenset[str] = frozenset()

    def before(self, start: int, width: int = 25) -> str:
        return self.text[max(self.lo, start - width) : start]

    def after(self, end: int, width: int = 12) -> str:
        return self.text[end : min(self.hi, end + width)]


@dataclass(frozen=True)
class Rule:
    name: str
    types: frozenset[str]
    prefilter: str | None  # None: every non-blank cell of a hinted column
    pattern: re.Pattern
    judge: Callable[[re.Match, Context, object], list[Hit]]
    hint_only: bool = False  # runs only where the column header names one of ``types``
    # RE2 pattern a cell must also match (context words), unless the header names a type.
    context: str | None = None
    # Validates all matches at once (vectorised); its result per match goes to ``judge``.
    batch: Callable[[list[re.Match]], list] | None = None
    # Runs only on cells where no earlier rule found one of ``types`` (a weaker reading).
    fallback: bool = False
    # A cheap RE2 test shared by several rules, run before ``prefilter`` (see GATES).
    gate: str | None = None


def words_pattern(words) -> re.Pattern:
    """Any of ``words``, ignoring case; a word in Latin letters only as a word of its own
    (KB, not the kb of kbsgoodinsight in a link; card, not discard)."""
    hangul = [word.lower() for word in words if not word.isascii()]
    latin = [word.lower() for word in words if word.isascii()]
    parts = [alternation(hangul)] if hangul else []
    if latin:
        parts.append(r"(?<![a-z])(?:" + alternation(latin) + r")(?![a-z])")
    return re.compile("|".join(parts), re.IGNORECASE)


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


CONTEXT_WORDS = {kind: words_pattern(words) for kind, words in CONTEXT.items()}
CARD_WORDS = words_pattern(["카드", "card"])
VERSION_PATTERN = words_pattern(VERSION_WORDS)
ACCOUNT_CONTEXT = words_pattern(BANKS + ACCOUNT_WORDS)
ACCOUNT_AFTER = words_pattern(ACCOUNT_WORDS)
RESIDENT_WORDS = words_pattern(CONTEXT[RRN] + CONTEXT[FRN])
# Words that name a person's number, not a company's (법인 대표 주민번호 …).
RESIDENT_ONLY_WORDS = words_pattern(["주민등록번호", "주민번호", "외국인등록번호", "생년월일"])
# Bank words that are not also everyday words (하나, 우리, 국민, 기업 are both).
ACCOUNT_STRONG = words_pattern(
    [word for word in BANKS if word.endswith(("은행", "뱅크", "금고", "협", "우체국"))]
    + ACCOUNT_WORDS
)


def near(words: re.Pattern, text: str) -> bool:
    return words.search(text) is not None


def bank_account(before: str) -> bool:
    """A bank or account word just before, and no word about resident numbers."""
    return near(ACCOUNT_STRONG, before) and not near(RESIDENT_WORDS, before)


def boost(confidence: float, kind: str, ctx: Context) -> float:
    return round(min(1.0, confidence + 0.1), 2) if kind in ctx.hint else confidence


# A 행정구역코드 in brackets after the place or office it codes: 청운효자동(1111051500),
# 부산광역시 (2600000000), 다사읍서재출장소(2771025700), as statistics tables label their
# rows. Ten digits, no one's number.
_AREA_CODE_BEFORE = re.compile(r"[가-힣0-9][시도구군동읍면리가소장][ \t]*\([ \t]*$")
_AREA_CODE_AFTER = re.compile(r"[ \t]*\)")


def area_code(text: str, start: int, end: int) -> bool:
    """Whether the ten digits at ``text[start:end]`` are a 행정구역코드 after a place."""
    return (
        end - start == 10
        and _AREA_CODE_BEFORE.search(text, max(0, start - 8), start) is not None
        and _AREA_CODE_AFTER.match(text, end) is not None
    )
