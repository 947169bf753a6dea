"""Korean 민원 text → the words that carry its content, with kiwipiepy.

``clean_complaint`` removes what every 민원 shares and what says nothing about its content:
HTML (board exports paste Word markup), greetings and thanks, 답변드립니다, 민원인, dates,
phone numbers, e-mail and web addresses. ``analyse`` then keeps nouns (a compound written as
one word stays one word: 어린이보호구역을 → 어린이보호구역) and verb/adjective stems with 다
(막고 → 막다), dropping particles, endings and anything shaped like a person's name.

The analyser (kiwipiepy with its bundled model, shared with the privacy engine) loads once
per process, on first use. Each distinct word (어절) is analysed once and remembered, since a
year of 민원 repeats the same words endlessly (analysing whole texts instead measured three
times slower: 2 million characters of text against 0.6 million of distinct words).
"""

import html
import re
import threading
from collections.abc import Iterable
from typing import Any

__all__ = ["analyse", "analyse_one", "clean_complaint", "kiwi", "mask_names", "strip_markup"]

# Analysing beyond this many characters changes no classification, only the wait.
MAX_CHARS = 6_000
_CACHE_LIMIT = 400_000
# Stripped from both ends of a word before analysis ("주차장을." and "주차장을" are one word
# to analyse, not two): punctuation never carries content here.
_EDGE_PUNCTUATION = ".,!?\"'()[]{}<>~·…:;-_/\u201c\u201d\u2018\u2019「」『』"

_lock = threading.Lock()
Analysis = tuple[tuple[str, bool], ...]
# word (어절) → its content words, each with True for a noun and False for a stem.
_cache: dict[str, Analysis] = {}

_TAG = re.compile(r"<!--.*?-->|<[^>]{0,500}>", re.S)
_STYLE = re.compile(r"<(style|script)[^>]*>.*?</\1>", re.S | re.I)
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:0\d{1,2}|1\d{3})[-.) ]?\d{3,4}[-. ]?\d{4}(?!\d)")
_DATE = re.compile(
    r"\d{2,4}\s*(?:년|[./-])\s*\d{1,2}\s*(?:월|[./-])\s*(?:\d{1,2}\s*일?)?\.?"
    r"|\d{1,2}\s*월\s*\d{1,2}\s*일"
)
_TIME = re.compile(r"\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?|\d{1,2}\s*시\s*(?:\d{1,2}\s*분)?")
# Phrases a 민원 or its answer opens and closes with.
_BOILERPLATE = re.compile(
    r"안녕하(?:세요|십니까|신가요)|감사(?:합니다|드립니다|드리며|하겠습니다)|고맙습니다"
    r"|수고(?:하세요|하십시오|많으십니다)|부탁(?:드립니다|드려요|합니다|드리겠습니다)"
    r"|답변\s*(?:드립니다|드리겠습니다|바랍니다|부탁)|민원인|귀하|검토\s*바랍니다"
    r"|조치\s*바랍니다|선처\s*바랍니다|[가-힣]{1,4}\s*님"
)
# kiwipiepy gives words missing from its dictionary these placeholder ids (2 for NNG, 3 NNP).
_UNKNOWN_IDS = 10
# What an unknown word may carry after a name (김혁이고 → 김혁), longest first.
_NAME_TAILS = sorted(
    "이고 이며 이라고 이라는 입니다 이에요 이요 씨가 씨는 씨의 씨 님 께서 이가 이는 이를 "
    "이 가 은 는 을 를 의 도 와 과".split(),
    key=len,
    reverse=True,
)
_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH"})
_STEM_TAGS = frozenset({"VV", "VA"})
# Words nearly every 민원 holds (after analysis): they would top every keyword list.
STOPWORDS = frozenset(
    "안녕 감사 부탁 민원 민원인 답변 수고 귀하 문의 내용 관련 경우 때문 생각 정도 사항 부분 "
    "요청 해당 처리 확인 이용 사용 문제 말씀 의견 제안 청원 글 것 수 등 및 분 점 중 곳 때 "
    "하다 되다 있다 없다 같다 드리다 주다 보다 않다 이다 싶다 많다 받다 알다 가다 오다 "
    "나다 말다 바라다 위하다 대하다 통하다 그렇다 어떻다 이렇다 "
    "조치 연락처 연락 회신 빠르다 저희".split()
)
# Nouns found in nearly any text: fine for classification, but they crowd keyword lists.
GENERIC_NOUNS = frozenset(
    "국민 사람 상황 이상 일부 이유 지금 필요 우리 자신 이번 현재 사실 여러분 모두 대부분 "
    "이후 이전 가능 정도 다음 때문 자체 생각 모습 마음 여기 거기 오늘 어제 올해 작년".split()
)


def kiwi() -> Any:
    """The one kiwipiepy analyser of this process, loaded on first use.

    It is the privacy engine's (one model in memory, loaded once, one worker thread so the
    other core keeps serving requests).
    """
    from dadeum.engine.privacy import detect_nlp

    analyser = detect_nlp._kiwi()
    if analyser is None:
        raise ImportError("민원 분석에 필요한 형태소 분석기(kiwipiepy)를 불러올 수 없습니다.")
    return analyser


def clean_complaint(text: Any) -> str:
    """The text of one 민원 without markup, boilerplate, dates, times, phones and addresses.

    >>> clean_complaint("<p>안녕하세요.&nbsp;주차 문제입니다 (010-1234-5678)</p>")
    '. 주차 문제입니다 ( )'
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    text = strip_markup(text)[:MAX_CHARS]
    for pattern in (_URL, _EMAIL, _PHONE, _DATE, _TIME, _BOILERPLATE):
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def _name_spans(tokens: list[Any]) -> list[tuple[int, int]]:
    """Token ranges [start, end) that are probably a person's name.

    The analyser knows few names, and splits the rest in several ways, so each is caught:
    a proper noun or an unknown word shaped like a Korean name (성씨 + given syllables, see
    the privacy engine's ``name_shape``); an unknown word that is such a name plus a particle
    (김하은이); nouns written together that make such a name (이지 + 민, 최 + 서진). A single
    word the analyser knows (정류장, 도서관) is never taken for a name.
    """
    from dadeum.engine.privacy.detect_names import name_shape

    spans = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        form, unknown = token.form, token.id < _UNKNOWN_IDS
        nounish = token.tag in ("NNG", "NNP")
        if nounish and (token.tag == "NNP" or unknown) and name_shape(form):
            spans.append((i, i + 1))
        elif nounish and unknown and name_shape(_name_part(form)):
            spans.append((i, i + 1))
        elif nounish and (end := _split_name_end(tokens, i, name_shape)):
            spans.append((i, end))
            i = end - 1
        i += 1
    return spans


def _name_part(word: str) -> str:
    """``word`` without a particle or ending that may follow a name (김혁이고 → 김혁)."""
    for tail in _NAME_TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 2:
            return word[: -len(tail)]
    return word


def _split_name_end(tokens: list[Any], i: int, name_shape: Any) -> int:
    """The end of a run of touching nouns from ``i`` that together make a name, or 0."""
    run, end = tokens[i].form, i + 1
    while end < len(tokens) and len(run) < 4:
        after, before = tokens[end], tokens[end - 1]
        if after.tag not in ("NNG", "NNP") or after.start != before.start + before.len:
            break
        run += after.form
        end += 1
        surname_first = tokens[i].tag == "NNP" and len(tokens[i].form) == 1
        if (len(run) == 3 or (len(run) == 2 and surname_first)) and name_shape(run):
            return end
    return 0


def mask_names(text: str) -> str:
    """``text`` with every word the analyser tags as a proper noun shaped like a Korean
    name masked as the privacy engine masks names (황유준 → 황*준).

    A second net under the privacy engine's own detection, for text shown as an example.
    """
    from dadeum.engine.privacy import mask_value

    tokens = kiwi().tokenize(text)
    spans = [
        (tokens[first].start, tokens[last - 1].start + tokens[last - 1].len)
        for first, last in _name_spans(tokens)
    ]
    from dadeum.engine.privacy.detect_names import name_shape
    from dadeum.engine.privacy.detect_nlp import is_place_name

    for start, end in reversed(spans):
        word = text[start:end]
        name = word if name_shape(word) else _name_part(word)
        if is_place_name(name):
            continue  # 원주 시청, 서대문 방향: a place, and the example must stay readable
        text = text[:start] + mask_value(name, "이름") + word[len(name) :] + text[end:]
    return text


def strip_markup(text: Any) -> str:
    """Text without HTML tags, styles and entities (board exports paste Word markup)."""
    text = str(text)
    if "<" in text:
        text = _TAG.sub(" ", _STYLE.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    return text


def _words_of(tokens: Iterable[Any]) -> tuple[tuple[str, bool], ...]:
    """Nouns (adjacent ones joined: they were written as one word) and stems + 다."""
    words: list[str] = []
    compound: list[str] = []
    tokens = list(tokens)
    names = {i for start, end in _name_spans(tokens) for i in range(start, end)}
    for i, token in enumerate(tokens):
        tag = token.tag
        if i in names:
            continue  # a person's name says nothing about the issue, and must not be shown
        if tag in _NOUN_TAGS:
            compound.append(token.form.lower() if tag == "SL" else token.form)
            continue
        if compound:
            words.append(("".join(compound), True))
            compound = []
        if tag in _STEM_TAGS or tag.startswith(("VV-", "VA-")):
            words.append((token.form + "다", False))
    if compound:
        words.append(("".join(compound), True))
    return tuple(item for item in words if item[0] not in STOPWORDS)


def _analyse_words(words: list[str]) -> dict[str, Analysis]:
    """The analysis of each distinct word, remembered or analysed now (and remembered).

    Returned rather than read back from the cache, which another thread may clear meanwhile.
    """
    found: dict[str, Analysis] = {}
    todo = []
    for word in dict.fromkeys(words):
        hit = _cache.get(word)
        if hit is None:
            todo.append(word)
        else:
            found[word] = hit
    if todo:
        analyser = kiwi()
        with _lock:
            if len(_cache) + len(todo) > _CACHE_LIMIT:
                _cache.clear()
            for word, tokens in zip(todo, analyser.tokenize(todo), strict=True):
                found[word] = _cache[word] = _words_of(tokens)
    return found


def _eojeols(texts: Iterable[Any], clean: bool) -> list[list[str]]:
    return [
        [
            word.strip(_EDGE_PUNCTUATION)
            for word in (clean_complaint(t) if clean else str(t or "")).split()
        ]
        for t in texts
    ]


def analyse(
    texts: Iterable[Any], *, clean: bool = True, nouns_only: bool = False
) -> list[list[str]]:
    """Content words of each text, in order (repeats kept, so they can be counted).

    >>> analyse(["주차장을 넓혀 주세요"])
    [['주차장', '넓히다']]
    """
    eojeols = _eojeols(texts, clean)
    found = _analyse_words([word for words in eojeols for word in words])
    return [
        [w for word in words for w, noun in found[word] if noun or not nouns_only]
        for words in eojeols
    ]


def analyse_one(text: Any) -> list[str]:
    """``analyse`` for one text."""
    return analyse([text])[0]
