"""Names in free text by Korean morphological analysis (kiwipiepy, offline, bundled model).

Patterns alone take ordinary words for names (``공영주차장``, ``변호사에게``, ``…하라고``) and
miss names with no title beside them (``양승태 공소장``). Here the analyser decides:

- a *weak* name found by a pattern (before 입니다/에게, a 님/씨 glued to it, opening a
  sentence, after a relation word) is kept only when the analyser reads the same characters
  as a proper noun (NNP), never as a common noun, verb or ending;
- proper nouns shaped like a Korean name (a 성씨 and common given-name syllables) are names
  when a person context is next to them: a title or honorific after (대통령, 의원, 님, 양,
  드림 …), a role before (교수, 대사, 사령관 …) or a name-like use (정권, 정부, 공소장 …);
  foreign proper nouns (``해리스``, ``룻츠 피들러``) need a title or role beside them;
- a name-shaped proper noun with no person word beside it must read as a name when the
  analyser sees the word alone too (``손자녀`` splits into 손자 + 녀 and is dropped);
  places and bodies are never names: a compass point before a common noun (``서해안``), a
  body before its head's title (``부산대 총장``); a full name before a phone number is a
  contact person.

The analyser is loaded once per process, on first use (about a second), and only runs on
cells that hold free text with a weak name or a person context word; structured columns and
cells settled by strong patterns (성명: 홍길동, 홍길동 주무관) never reach it.
"""

import re
import threading
from functools import cache, lru_cache
from importlib import resources

from dadeum.engine.privacy.detect_base import HANJA, WEAK_NAME
from dadeum.engine.privacy.detect_names import (
    SIGUNGU_NAMES,
    UNIT_END,
    body_before_title,
    name_shape,
)
from dadeum.engine.privacy.detect_words import (
    COMMON_SURNAMES,
    GIVEN_SYLLABLES,
    NAME_CUES,
    NOT_NAMES,
    PARTICLES,
    VEHICLE_REGIONS,
    alternation,
)

__all__ = [
    "PERSON_CONTEXT",
    "WEAK_NAME",
    "analyse_names",
    "common_noun",
    "given_name_alone",
    "is_place_name",
]

# Titles, honorifics and roles that follow a person's name.
_AFTER = frozenset(
    (
        "님 씨 군 양 옹 여사 선생 선생님 교수 박사 기자 작가 감독 선수 목사 신부 스님 장군 대왕 "
        "건축가 화가 조각가 소설가 시인 화백 특파원 실무관 매니저 의사 열사 시대 "
        "추기경 주교 수녀 교황 "
        "왕 대군 대통령 대통령님 전대통령 총리 장관 차관 의원 의원님 국회의원 시장 구청장 군수 "
        "도지사 지사 청장 총장 검찰총장 대법관 대법원장 판사 검사 변호사 대표 회장 사장 원장 "
        "위원장 위원 주무관 사무관 서기관 과장 팀장 부장 국장 실장 차장 계장 주임 대리 사원 "
        "드림 올림 배상 정권 정부 행정부 대사 사령관 후보 당선인 씨가 케어 공소장 측 일가 "
        "전 前 전직 현 원내대표 대변인 비서관 의장 총재 당대표 여사님 주석 국가주석 "
        "경위 경사 경장 순경 경감 경정 총경 소방위 소방장 소방교 소방사 소방경 소방령 기사님"
    ).split()
)
# Roles written right before a name: 교수 룻츠 피들러, 미대사 해리스, 국무장관 딘 에치슨.
_BEFORE = frozenset(
    (
        "교수 대사 사령관 장관 국무장관 총장 의원 대통령 기자 작가 감독 선수 회장 대표 "
        "위원장 판사 검사 변호사 주무관 담당자 작성자 민원인 신청인 고 故 시장 구청장 "
        "도지사 총리 박사 비서실장 실장 수석 대변인 비서관 앵커 저자 지은이 소설가 시인 화가 "
        "배우 가수 담임 배우자 보호자 자녀 주사 주사보 서기관 사무관 "
        "아버지 어머니 부친 모친 남편 아내 부인 아들 딸"
    ).split()
)
# Cheap gate (RE2 and Python): a cell with one of these may hold a name worth analysing.
PERSON_CONTEXT = "(?:" + alternation((_AFTER | _BEFORE) - {"전", "현", "측", "고", "왕"}) + ")"
AFTER_WORDS, BEFORE_WORDS = _AFTER, _BEFORE
_PLACE_END = re.compile(r"(?:시|도|군|구|동|읍|면|리|역|로|길|산|강|섬|항|천|교|대|청|원|당)$")
# Two-syllable countries (a 국 word may also be a person: 조국 장관).
_COUNTRIES = frozenset(
    "한국 중국 미국 영국 태국 외국 타국 본국 전국 각국 독일 일본 우리 "
    "지중해 태평양 대서양 인도양 북극해 남극해 남중국해 동중국해".split()  # seas: 지중해의
)
_HANGUL = re.compile(r"[가-힣]+")


def _kiwi():
    """The analyser, or None where kiwipiepy cannot load (then patterns alone decide)."""
    with _KIWI_LOCK:  # the server's warm-up and a first request load it once between them
        return _load_kiwi()


def warm_up() -> None:
    """Load the analyser and analyse one sentence, so that the first text a user sends does
    not wait for it (about 2.5 s). The server runs this in a thread at start-up."""
    kiwi = _kiwi()
    if kiwi is not None:
        kiwi.tokenize("총무과 홍길동 주무관에게 문의하시기 바랍니다.")


_KIWI_LOCK = threading.Lock()


@cache
def _load_kiwi():
    try:
        from kiwipiepy import Kiwi  # imported here: a second to load, only when text needs it

        return Kiwi(num_workers=1)  # one core: the other serves requests
    except (ImportError, OSError):
        return None


def analyse_names(
    texts: list[str], weak: list[list[tuple[int, int, bool]]]
) -> list[list[tuple[int, int, float]]]:
    """Per text, the names: the confirmed weak spans and the proper nouns in a person
    context, as (start, end, confidence), positions in the text. A weak span marked True
    (a bare name) only asks for the analysis; it is judged like any other proper noun."""
    kiwi = _kiwi()
    if kiwi is None:  # no analyser: the weak names stand, as before the analysis existed
        return [[(a, b, 0.6) for a, b, bare in spans if not bare] for spans in weak]
    # Each distinct text is analysed once: a sheet repeats cells (담당자 홍길동, 보호자 동행).
    first: dict[tuple[str, tuple], int] = {}
    for position, (text, spans) in enumerate(zip(texts, weak, strict=True)):
        first.setdefault((text, tuple(spans)), position)
    unique = list(first)
    names = [
        _names_in(text, list(spans), tokens)
        for (text, spans), tokens in zip(unique, kiwi.tokenize([t for t, _ in unique]), strict=True)
    ]
    by_key = dict(zip(unique, names, strict=True))
    return [list(by_key[(text, tuple(spans))]) for text, spans in zip(texts, weak, strict=True)]


def _names_in(text: str, weak: list[tuple[int, int, bool]], tokens) -> list:
    toks = [(t.start, t.start + t.len, t.form, t.tag, t.score) for t in tokens]
    # A bare name only brings the text here; the rules below judge it like any proper noun.
    weak_at = {start: end for start, end, bare in weak if not bare}
    bare_spans = [(start, end, kind) for start, end, kind in weak if kind]
    found: list[tuple[int, int, float]] = []
    index = 0
    while index < len(toks):
        start, _, _, tag, _ = toks[index]
        if tag not in ("NNP", "NNG") or (
            start
            and _is_hangul(text[start - 1])
            and not _after_particle(toks, index)
            and not _known_name_glued(toks, index)
        ):
            index += 1
            continue
        group = _name_group(toks, index, text)
        if group is not None:
            stop, last, proper, unknown, unseen = group
            word = text[start:stop]
            after = _word_after(toks, last, text)
            before = _word_before(toks, index)
            nxt = toks[last + 1] if last + 1 < len(toks) else None
            glued = (
                nxt is not None
                and nxt[0] == stop
                and nxt[3] in ("NNG", "NNP")
                and nxt[2] not in _PARTICLE_FORMS
            )
            weak = weak_at.get(start) == stop
            unknown = unknown and (unseen or weak or bool(after or before))
            phone = _PHONE_AFTER.match(text, stop) is not None or (
                text[stop : stop + 1] in ")）"
                and _PHONE_THEN_BRACKET.search(text, max(0, start - 24), start) is not None
            )  # 010-2345-6789 (김미영): whose number it is
            quoted = text[start - 1 : start] in _QUOTES and text[stop : stop + 1] in _QUOTES
            closed = _CLOSED_AFTER.match(text, stop) is not None
            context = (after, before, weak, glued, phone, quoted or closed)
            verdict = _judge(word, proper, unknown, context)
            if verdict and after in _AFTER and _right_after_name(found, start, text):
                verdict = 0.0  # 황창규 전 삼성전자 사장: the title is the name's, the word a body
            if not verdict and (proper or unknown) and _resident_caption(word, text, stop):
                verdict = 0.7  # 【 인터뷰 】 정병기  중랑구 중화동: a resident and their 동
            if not verdict and _hanja_of_name(word, text, stop):
                verdict = 0.8  # 임한수(林漢洙): a name spelled in Hanja after it
            if verdict < 0.8 and _noted_person(word, text, stop):
                verdict = 0.8  # 최유진(행정7급), 이말순(1950.3.2.): a person's note after the name
            if verdict and verdict < 0.8 and _runs_into_a_word(text, stop, verdict < 0.7):
                verdict = 0.0  # 이기주의, 안심귀가스카우트: the word runs into a common noun
            if verdict:
                found.append((start, stop, verdict))
                index = last + 1
                continue
        run = index  # nouns glued into one run: 불통박영수 + 마포구청장
        while (
            run + 1 < len(toks)
            and toks[run + 1][0] == toks[run][1]
            and toks[run + 1][3] in ("NNG", "NNP")
        ):
            run += 1
        run_end = toks[run][1]
        glued_at = -1
        if run_end - start >= 5 and _TITLE_AT_END.search(text, start, run_end) is not None:
            # most nouns end in no title: the cheap test first, this runs for every one
            cuts = frozenset(toks[k][0] - start for k in range(index + 1, run + 1))
            glued_at = _name_glued_to_title(text[start:run_end], tag, cuts)
        if glued_at >= 0:
            # 최종환파주시장과: one token for all three; 불통김미경은평구청장: an epithet first
            found.append((start + glued_at, start + glued_at + 3, 0.8))
            index += 1
            continue
        if tag == "NNP" and _king(toks, index):
            found.append((start, toks[index][1], 0.8))  # 세종대왕: a king's name, any shape
            index += 1
            continue
        if tag == "NNP" and _name_with_ssi_inside(toks[index][2]):
            found.append((start, start + 3, 0.8))  # 박왕자씨: the analyser kept 씨 in the word
            index += 1
            continue
        if tag == "NNP" and _given_name_with_ssi(toks, index):
            found.append((start, toks[index][1], 0.7))  # 수현 씨가, 희정씨: a given name alone
            index += 1
            continue
        if tag == "NNP":
            foreign = _foreign(toks, index, text)
            if foreign is not None and _right_after_name(found, foreign[0], text):
                foreign = None  # 변희재 미디어워치 대표
            if foreign is not None:
                found.append(foreign[:3])
                index = foreign[3] + 1
                continue
        index += 1
    for start, end in weak_at.items():
        # 이중경군이: before a glued 군/양 the analyser may cut a name into odd pieces (이 +
        # 중 + 경); it is a name unless a word runs across the boundary (주한 + 미군).
        if (
            text[end : end + 1] in ("군", "양")
            and not any(a < end < b for a, b, *_ in toks)
            and _cut_full_name(text, start, end, toks, found)  # not 방대 + 한
        ):
            found.append((start, end, 0.8))
    for start, end in weak_at.items():
        # 저는 발명가 김양현입니다: a self-introduction names the writer, however the
        # analyser cuts the name (김 + 양/MM + 현)
        word = text[start:end]
        aged = _AGE_BEFORE.search(text, max(0, start - 12), start) is not None
        living = _LIVING_BEFORE.search(text, max(0, start - 24), start) is not None
        if (
            _cut_full_name(text, start, end, toks, found, any_surname=aged)
            and (aged or not _common_word_alone(word))  # 저는 임산부입니다
            and (
                (
                    _SELF_AFTER.match(text, end) is not None
                    and (
                        aged  # 26 살 이재민입니다: an age, then the writer's name
                        or living  # 파주에 거주하고 있는 신동신이라고 합니다
                        or _SELF_BEFORE.search(text, max(0, start - 24), start) is not None
                        or _person_noun_before(toks, start, text)  # 사회복지사 임헌제 입니다
                    )
                )
                or _CALLED_A_PERSON.match(text, end) is not None  # 윤종호라는 사람은
            )
            and all(tag != "NP" for _, tag, _ in _alone(word)[:1])  # 우리나라는 아이들
        ):
            found.append((start, end, 0.8))
    for start, end in weak_at.items():
        # 윤지영. (2016): a pattern's name the analyser cut into pieces (윤지/NNP + 영/NR),
        # judged as one proper noun
        inside = [t for t in toks if start <= t[0] < end]
        if (
            len(inside) > 1
            and inside[0][3] == "NNP"
            and inside[-1][1] == end
            and _cut_full_name(text, start, end, toks, found)
        ):
            verdict = _judge(text[start:end], True, False, ("", "", True, False, False, False))
            if verdict:
                found.append((start, end, min(verdict, 0.7)))
    for start, end, _kind in bare_spans:
        # 양승동 KBS 사장이: a common full name the analyser cut into pieces (양/MM + 승 +
        # 동), with an office title right after (past a Latin name of the body)
        word = text[start:end]
        title = _TITLE_AFTER.match(text, end)
        if (
            title is not None
            and title[1] in _AFTER
            and title[1] not in _NOT_AN_OFFICE
            and not body_before_title(word, title[1])
            and not _common_word_alone(word)
            and name_shape(word)
            and word[-1] not in _OPENING_NOT_LAST
            and not is_place_name(word)
            and all(t[3] in _NOMINAL for t in toks if start <= t[0] < end)
            and not any(a < end < b for a, b, *_ in toks)
            and not any(a < end and start < b for a, b, _ in found)
        ):
            found.append((start, end, 0.8))
    for start, end, kind in bare_spans:
        # 윤석열은 after "<개정 …>": in a sentence the analyser sometimes cuts a name it
        # knows into pieces (윤 + 석 + 열); read alone, it is one proper noun again.
        if not any(a < end and start < b for a, b, _ in found):
            word = text[start:end]
            if (
                _known_name_alone(word) or (kind == "opening" and _opening_name(word))
            ) and not _runs_into_a_word(text, end, True):
                found.append((start, end, 0.6))
    starts = {start for start, _, _ in found}
    found = [
        item
        for item in found
        if not _said_of_a_thing(item, toks, text)
        and not _body_of_next(item, starts, text)
        and _MEMORIAL.match(text, item[1]) is None  # 윤봉길의사 기념관: a place's name
    ]
    found.extend(_spaced_names(text, found))
    found = _listed_names(text, found)
    if found and not _SENTENCE_TAGS & {t[3][:2] for t in toks}:
        # 메가박스 이시아 제5관, CGV 서현점: with no verb, ending or particle the cell is a
        # label, not a sentence; a proper noun there needs a person word to be a name
        found = [item for item in found if item[2] != 0.6]
    return sorted(found)


# Particles of places and things (노량진에서, 지표수로서); people take 에게, 한테, 께.
_THING_PARTICLES = frozenset("에서 로 으로 로서 으로서 로써 으로써".split())
# 원산도라는 섬, 배려석이라고 표시하는: a word called by a name is a thing or a place here.
_THING_WORDS = (
    "섬 곳 이유 지역 동네 마을 회사 업체 기업 단체 앱 어플 프로그램 제도 단어 명칭 표현 문구 "
    "제목 브랜드 상호 가게 식당 건물 카페 매장 제품 상품 서비스 사이트 정책 캠페인 행사 축제 "
    "공원 도로 표시 표기 적힌 적혀 쓰여 쓰인"
).split()
_CALLED_A_THING = re.compile(
    r"(?:이)?라(?:는|고)[ \t]*(?:"
    + "|".join(_THING_WORDS)
    + r"|사업(?![가자주])|말(?!씀)|써\s?있|해\s?놓)"  # not 사업가, 말씀
)


# A company's marker right before a word (주식회사 라인홀릭), and the marks that open a book's
# or a work's title (《한비자》).
_COMPANY_BEFORE = re.compile(r"(?:주식회사|\(주\)|㈜)[ \t]*$")
_TITLE_MARKS = frozenset("《〈「『")
# 윤종호라는 사람은: a word called a person.
_CALLED_A_PERSON = re.compile(
    r"(?:이)?라는[ \t]?(?:사람|분|친구|학생|아이|남자|여자|청년|직원|주민|할머니|할아버지)"
)


def _cut_name(alone: tuple) -> bool:
    """A word the analyser, reading it alone, cuts into nouns it half-knows or leaves unknown
    (김 + 태 + 윤, 안은아 -22): how it reads a name it never saw."""
    if len(alone) == 1:
        return alone[0][2] < _UNKNOWN_SCORE
    return all(tag in ("NNP", "NNG", "NNB", "NR") for _, tag, _ in alone)


def _said_of_a_thing(item: tuple, toks, text: str) -> bool:
    """Whether a weakly found name reads as a thing, a place or a number: a particle of
    places after it (노량진에서, 대표 랜드마크로), a word calling it a thing (원산도라는 섬), a
    numeral or a pronoun (천여명, 우리동네), a company's marker before it, a law's ending, a
    digit glued before it (2천세대); and with no person word beside it, a place's word after
    it (신도림 역), quotes or a book's marks around it (‘안심이’, 《한비자》) or a noun and its
    suffix (우대용)."""
    start, end, confidence = item
    if confidence >= 0.8:
        return False
    if _CALLED_A_THING.match(text, end) is not None:
        return True
    alone = _alone(text[start:end])
    if alone and alone[0][1] in ("NR", "SN", "NP"):
        return True  # 영국군 천여명, 우리동네 주무관: a number or a pronoun
    if _COMPANY_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True  # 주식회사 라인홀릭
    if end - start >= 4 and text[end - 1] in "법령":
        return True  # 자동차관리법: a law
    if text[start - 1 : start].isdigit():
        return True  # 2천세대: a number's unit
    if confidence <= 0.6:
        quoted = text[start - 1 : start] in _QUOTES and text[end : end + 1] in _QUOTES
        if quoted and not _cut_name(alone):
            return True  # ‘안심이’를 개발: an app; but '김태윤'에게 is a person
        if text[start - 2 : start].strip() in _TITLE_MARKS:
            return True  # 《한비자》: a book's title
        if len(alone) == 2 and alone[0][1] == "NNG" and alone[1][1] in ("XSN", "NNB"):
            return True  # 우대용 교통카드, 지상식: a noun and its suffix
        last = next((i for i, t in enumerate(toks) if t[1] >= end), None)
        if last is not None and toks[last][1] == end:
            after = _word_after(toks, last, text)
            if after in _PLACE_AFTER or _market(after):
                return True  # 손기정 체육공원, 신도림 역, 노량진 수산시장
    following = next((t for t in toks if t[0] >= end), None)
    if following is None or following[0] != end or not following[3].startswith("J"):
        return False
    if following[2] not in _THING_PARTICLES:
        return False
    rest = text[following[1] : following[1] + 4].lstrip()
    return not rest.startswith(("인해", "인한", "인하여", "말미암"))  # 조국으로 인해


def _body_of_next(item: tuple, starts: set, text: str) -> bool:
    """Whether a weakly found word is the body of the next name: 에피치오 대표 강성진."""
    if item[2] >= 0.8:
        return False
    title = _TITLE_THEN.match(text, item[1])
    return title is not None and title.end() in starts


def _full_name(word: str, *, given_check: bool = True) -> bool:
    """A common surname and two syllables, shaped like a name (윤봉길, 정병기); without
    ``given_check``, syllables rare in given names will do (신숭겸)."""
    return (
        len(word) == 3 and word[0] in _COMMON_SURNAMES and name_shape(word, given_check=given_check)
    )


def _cut_full_name(
    text: str, start: int, end: int, toks, found: list, *, any_surname: bool = False
) -> bool:
    """Whether a pattern's span is a common full name (a common surname and two syllables)
    that the analyser read as nouns only, however it cut them, and not found yet.
    ``any_surname``: a rarer surname will do (선문규), where the context is strong."""
    word = text[start:end]
    return (
        (_full_name(word) or (any_surname and len(word) == 3 and name_shape(word)))
        and all(t[3] in _NOMINAL for t in toks if start <= t[0] < end)
        and not any(a < end and start < b for a, b, _ in found)
    )


def _body_or_place(word: str) -> bool:
    return word.endswith("당") or word.endswith(_ORG_SUFFIXES) or is_place_name(word)


def _name_glued_to_title(form: str, tag: str, cuts: frozenset) -> int:
    """최종환파주시장, 윤후덕국회의원: a full name, perhaps a place or party, and a title,
    which the analyser never saw together and keeps as one proper noun; where the name
    starts in ``form`` (-1: none). Nouns it cannot read as one (several glued nouns, cut at
    ``cuts``, or one common noun it never saw) may open with an epithet
    (불통김미경은평구청장), before a name it knows as a proper noun."""
    title = _title_end(form)
    if len(form) < 5 or not title or title in _NOT_AN_OFFICE:
        return -1
    if cuts or (tag == "NNG" and len(form) >= 7 and len(_alone(form)) == 1):
        epithets = 3
    elif tag == "NNP":
        epithets = 1
    else:
        return -1
    for at in range(min(epithets, len(form) - len(title) - 2)):
        if at and not _common_word_alone(form[:at]):
            continue  # 불통: a word of its own before the name
        name, middle = form[at : at + 3], form[at + 3 : len(form) - len(title)]
        if name[0] not in _COMMON_SURNAMES or not name_shape(name):
            continue
        if cuts and (at + 3 not in cuts or any(at < cut < at + 3 for cut in cuts)):
            # the title starts a noun of its own (박영수 + 마포구청장, not 공영 + 주차장)
            # and no noun cuts the name (행정 + 지원 + 팀장)
            continue
        if epithets > 1 and [t for _, t, _ in _alone(name)] != ["NNP"]:
            continue  # 정책위 + 의장, 조정 + 본부장: no proper noun before the title
        if name in SIGUNGU_NAMES or is_place_name(name) or name[-1] in "구군시동읍면리문역":
            continue  # 강서구청장, 남대문시장, …역 시장: a place and its office or market
        if not middle or middle in _SIDO or _stem_of_sigungu(middle) or middle.endswith("당"):
            return at
    return -1


def _after_particle(toks, index: int) -> bool:
    """민주당과문재인대통령의: a word glued to the particle before it still starts a word."""
    if not index:
        return False
    before = toks[index - 1]
    return before[1] == toks[index][0] and before[3] in ("JC", "JKB")


def _listed_noun(word: str) -> bool:
    """정화조, 안전문, 고정식: a word the dictionary lists as a proper noun with no use
    counted (its default score), whose first two syllables are a common noun it knows well
    and whose last two are a common noun too. Names listed so mostly break one of these
    (이보람, 이민정: no noun at either end) or score higher (이상민: a name seen in use)."""
    alone = _alone(word)
    return (
        len(word) == 3
        and len(alone) == 1
        and alone[0][1] == "NNP"
        and abs(alone[0][2] - _LISTED_SCORE) < 0.01
        and _well_known_word(word[:2])
        and _is_common_noun(word[1:])
    )


def _is_common_noun(word: str) -> bool:
    alone = _alone(word)
    return len(alone) == 1 and alone[0][1] == "NNG"


# The score kiwipiepy gives a word alone that its dictionary lists but its counts never saw.
_LISTED_SCORE = -14.4206


def _spaced_names(text: str, found: list) -> list:
    """박 원순시장님, 정 일경교수입니다, 이 중경이라는: a full name written with a space after
    the surname, which the analyser reads as a surname and two loose syllables. Only with a
    title or a naming word right after, and only when the two syllables are no word of their
    own (이 정도입니다, 김 과장님, 전 서울시장)."""
    out = []
    for match in _SPACED_NAME.finditer(text):
        start, end = match.start(1), match.end(2)
        given = match[2]
        if (
            name_shape(match[1] + given)
            and given not in _AFTER
            and given not in NOT_NAMES
            and not _well_known_word(given)
            and not is_place_name(given)
            and not any(a < end and start < b for a, b, *_ in found)
        ):
            out.append((start, end, 0.8))
    return out


def _listed_names(text: str, found: list) -> list:
    """A list of people (A팀 김애영, 배민정, 김기환, 김민송은), joined by commas, 및, 과 or
    spaces: where two of three or more full names in one list are names, the list is of
    people, so every full name in it is one, confidently enough to count wherever else the
    text writes it."""
    items = list(_LIST_ITEM.finditer(text))
    runs: list[list] = []
    spaced: set[int] = set()  # runs joined by spaces alone (김서연 김서영 김유경)
    for item in items:
        last = runs[-1][-1] if runs else None
        blank = (
            last is not None
            and text[last.end() : item.start()].strip(" \t") == ""
            and last.end() < item.start()
        )
        if last is not None and (
            _LIST_GAP.fullmatch(text, last.end(), item.start())
            or (blank and last[0].endswith(_AND))
        ):
            runs[-1].append(item)
        elif blank and last[0] == last[1]:
            runs[-1].append(item)
            spaced.add(len(runs) - 1)
        else:
            runs.append([item])
    raised: set[tuple[int, int]] = set()
    for number, run in enumerate(runs):
        people = [
            item
            for item in run
            if item[1][0] in _COMMON_SURNAMES
            # spaces alone join only bare nouns: not 장관 + 은, 정부 + 의
            and (number not in spaced or all(t[1] in _NOMINAL for t in _alone(item[1])))
            and name_shape(item[1])
            and item[1] not in NOT_NAMES
            and not _common_word_alone(item[1])
            and not is_place_name(item[1])
        ]
        named = [i for i in people if any(a < i.end(1) and i.start(1) < b for a, b, _ in found)]
        if len(people) >= 3 and len(named) >= 2:
            raised.update(item.span(1) for item in people)
    if not raised:
        return found
    kept = [
        (a, b, max(c, 0.8) if (a, b) in raised else c)
        for a, b, c in found
        if not any(x < b and a < y and (a, b) != (x, y) for x, y in raised)
    ]
    taken = {(a, b) for a, b, _ in kept}
    return kept + [(a, b, 0.8) for a, b in raised - taken]


_SPACED_NAME = re.compile(
    r"(?<![가-힣])(["
    + "".join(sorted(set(COMMON_SURNAMES) - {"전", "현"}))  # 전/현: former, current
    + r"]) ([가-힣]{2})(?:"
    + "|".join(sorted((t for t in _AFTER if len(t) >= 2), key=len, reverse=True))
    + r"|이라는|라는|이라고|라고)(?:님)?(?:"
    + alternation(PARTICLES)
    + r"|이다|입니다|이었|였)?(?![가-힣])"
)
_LIST_ITEM = re.compile(r"(?<![가-힣])([가-힣]{3})(?:" + alternation(PARTICLES) + r")?(?![가-힣])")
_LIST_GAP = re.compile(
    r"(?:[ \t]*\([^()\n]{1,15}\))?"  # a note after an item: 이도윤(행정6급), 최유진(…)
    r"(?:[ \t]*[,、·][ \t]*|[ \t]+(?:및|그리고)[ \t]+"
    r"|[ \t]*(?:[,、·][ \t]*)?(?:\d{1,2}[.)]|[①-⑳])[ \t]*)"  # 1. 박서현 2. 김지안
)
_AND = ("와", "과", "랑", "하고")


# A writer introducing themselves: 저는 (발명가) 김양현입니다, 제 이름은 … 이라고 합니다.
_SELF_BEFORE = re.compile(r"(?:저는|제 이름은|저의 이름은|(?:^|(?<=[\s.!?)]))전 )[^.!?\n]*$")
# An age right before a name (26 살 이재민입니다, 35세 김영희입니다).
_AGE_BEFORE = re.compile(r"(?<!\d)(?:\d{1,2}[ \t]?(?:살|세)|\d{2,4}년생)[ \t\xa0]+$")
# Where the writer lives, studies or works, right before their name (…에 사는 홍길동입니다).
_LIVING_BEFORE = re.compile(
    r"(?:사는|살고[ \t]?있는|거주하는|거주하고[ \t]?있는|거주중인|거주 중인|다니는|재학중인|"
    r"재학 중인|근무하는|근무하고[ \t]?있는|재직중인|재직 중인|일하는|운영하는)[ \t\xa0]+"
    r"(?:\d{2,4}년생[ \t\xa0]+)?$"
)
_SELF_AFTER = re.compile(
    r" ?(?:입니다|이라고|라고|이에요|예요)(?![가-힣])|입니다|(?:이)?라고? ?합니다"
)
# Words after a name that are no office of its own (유행시 정부의, 시공사 측과).
_NOT_AN_OFFICE = frozenset("정부 정권 행정부 일가 측 케어 전 현 前 전직 시대".split())
# Bodies whose head is named by a title after them (삼성전자 사장, 조선일보 기자): no name.
_ORG_SUFFIXES = tuple(
    "그룹 전자 건설 항공 일보 신문 방송 은행 증권 재단 협회 센터 병원 제분 컴퍼니 "
    "호텔 학교 대학 공사 공단 산업 물산 제약 통신 기획 엔터 뉴스 닷컴 미디어 위치 "
    "버스 관광 여행 운수 교통 물류 상사 식품 화학 보험 캐피탈 시스템 시스템즈 솔루션 코리아 "
    "네트웍스 테크 자동차 중공업".split()
)
# Titles of two syllables or more, longest first, for the regexes below.
_TITLE_WORDS = "|".join(sorted((t for t in _AFTER if len(t) >= 2), key=len, reverse=True))
_TITLE_AFTER = re.compile(  # past a company too: 김중겸 전 현대건설 사장
    r"[ \t]+(?:(?:[A-Za-z]{2,}|전|현)[ \t]+)?"
    r"(?:[가-힣]{1,6}(?:"
    + "|".join(_ORG_SUFFIXES)
    + r")[ \t]+)?("
    + _TITLE_WORDS
    + r")(?:님)?(?:"
    + alternation(PARTICLES)
    + r")?(?![가-힣])"
)
# A memorial named after a person: 안중근 의사 기념관, 김구기념관.
_MEMORIAL = re.compile(
    r"[ \t]?(?:의사|열사|선생|장군|대통령)?[ \t]?(?:기념관|기념사업회|기념공원|기념도서관|묘역)"
)
# 에피치오 대표 강성진입니다: a title with a name after it; the word before is the body.
_TITLE_THEN = re.compile(r"[ \t]+(?:" + _TITLE_WORDS + r")[ \t]*")
_NOMINAL = frozenset("NNP NNG NNB NR NP MM XPN XSN".split())
_SENTENCE_TAGS = frozenset("VV VA VC VX EF EC EP ET JK JX JC XS".split())


def _opening_name(word: str) -> bool:
    """김은찬이 20240613에 …: a common surname and given name opening a sentence with its
    particle, unless the analyser knows the word as a common noun (장마철) or reads a
    determiner and a noun (한 가정, 전 직원, 이 정도)."""
    if word[-1] in _OPENING_NOT_LAST or word[-1] in _BARE_LAST or is_place_name(word):
        return False  # 전남대는, 신영초의: a body, not a person
    alone = _alone(word)
    if len(alone) == 1 and alone[0][1] == "NNG" and alone[0][2] > _KNOWN_WORD_SCORE:
        return False  # 장마철 (-11.7); 서진우 (-18.1) is a word it barely knows
    determiner = len(alone) == 2 and alone[0][1] == "MM"
    return not (determiner and alone[1][1] == "NNG" and alone[1][2] > -10.0)  # 한 가정, 이 정도


def _not_bare_name(word: str) -> bool:
    """Words that never stand alone as a name with no person word beside them: bodies and
    places by their last syllable (전남대, 서실고, 신영초, 남태령) or their stem (양평서)."""
    return (
        (word[-1] in _BARE_ORG_END and not _given_name_ending(word))
        or word + "동" in dong_names()  # 노량진, 이태원: a 동 without its 동
        or (word[0] == "신" and word[1:] + "동" in dong_names())  # 신상일: a new town
        or word[-1] in _BARE_LAST
        or is_place_name(word)
        or (word[-1] == "하" and _common_word_alone(word[:-1]))  # 하향하는: a verb's stem
    )


def _given_name_ending(word: str) -> bool:
    """이동원, 성재기, 정병기: 원 and 기 end bodies (연구원, 정수기) and given names alike; a
    full name the analyser reads alone as one proper noun, or never saw, is a person's."""
    if len(word) != 3 or word[-1] not in "원기":
        return False
    alone = _alone(word)
    return len(alone) == 1 and (alone[0][1] == "NNP" or alone[0][2] < _UNKNOWN_SCORE)


def _known_name_glued(toks, index: int) -> bool:
    """간첩문재인이, 비정규직김용균: a full name the analyser knows, glued after a common noun
    (a writer's epithet)."""
    start, _, form, tag, _ = toks[index]
    before = toks[index - 1] if index else None
    return (
        tag == "NNP"
        and before is not None
        and before[1] == start
        and before[3] == "NNG"
        and _known_name_alone(form)
    )


def _known_name_alone(word: str) -> bool:
    if not _full_name(word):
        return False
    if word[:2] in _AFTER or word[:2] in NOT_NAMES or _is_place(word) or _place_like(word):
        return False  # 장군이, 서대문, 남양주
    alone, head = _alone(word), _alone(word[:2])
    return (
        len(alone) == 1
        and alone[0][1] == "NNP"
        and alone[0][2] > _UNKNOWN_SCORE
        and not _not_bare_name(word)
        and not _direction_compound(word)
        # 지배권, 안전문: a common noun and one more syllable
        and not (len(head) == 1 and head[0][1] == "NNG" and head[0][2] > _KNOWN_NOUN_SCORE)
    )


def _king(toks, index: int) -> bool:
    """A proper noun of two to four syllables right before 대왕 (세종대왕, 광개토 대왕)."""
    _, end, form, _, _ = toks[index]
    if not 2 <= len(form) <= 4 or index + 1 >= len(toks):
        return False
    n_start, _, n_form, _, _ = toks[index + 1]
    return n_form == "대왕" and n_start - end <= 1


# Last syllables of nouns for people (사회복지사, 회사원, 학생, 시민, 직장인, 운영자, 사업가,
# 대표).
_PERSON_NOUN_END = frozenset("사원생민인자가표")


_PHONE_BEFORE = re.compile(r"\d{3,4}[-. ]?\d{4}[ \t]*$")
_PHONE_THEN_BRACKET = re.compile(r"\d{3,4}[-. ]?\d{4}[ \t]*[(（]$")


def _person_noun_before(toks, start: int, text: str) -> bool:
    """Whether a noun for a person stands a space before ``start`` (사회복지사 임헌제)."""
    before = next((t for t in reversed(toks) if t[1] <= start), None)
    if before is None:
        return False
    _, end, form, tag, _ = before
    if tag == "SN":  # 010 8200 4239 이주헌 입니다: a contact's name after the number
        phone = _PHONE_BEFORE.search(text, max(0, start - 20), start)
        return 0 < start - end <= 3 and phone is not None
    return tag == "NNG" and start - end == 1 and len(form) >= 2 and form[-1] in _PERSON_NOUN_END


def _given_name_with_ssi(toks, index: int) -> bool:
    """A two-syllable proper noun of given-name syllables right before 씨 (수현 씨가)."""
    _, end, form, _, _ = toks[index]
    if len(form) != 2 or form[1] == "모" or not all(ch in GIVEN_SYLLABLES for ch in form):
        return False
    if form in NOT_NAMES or _is_place(form) or index + 1 >= len(toks):
        return False
    n_start, _, n_form, n_tag, _ = toks[index + 1]
    return n_form == "씨" and n_tag == "NNB" and n_start - end <= 1


# A 시군구 and a 동 right after a word: where the person named lives (정병기  중랑구 중화동).
_RESIDENCE_AFTER = re.compile(r"[ \t]{1,3}([가-힣]{1,5}[시군구])[ \t]+[가-힣]{1,6}\d?동(?![가-힣])")


def _resident_caption(word: str, text: str, stop: int) -> bool:
    """A full name with a common surname, then the 시군구 and 동 the person lives in."""
    residence = _RESIDENCE_AFTER.match(text, stop)
    return (
        residence is not None
        and residence[1] in SIGUNGU_NAMES
        and _full_name(word)
        and not is_place_name(word)
        and not _compound(word)
    )


def _runs_into_a_word(text: str, stop: int, bare: bool) -> bool:
    """Whether the word ending at ``stop`` and the syllable after it are one common noun the
    analyser knows alone (이기주 + 의 → 이기주의; a name and its particle read as two), or, for
    a bare name, whether the analyser reads the whole run alone as a common noun of another
    length first (안심귀 + 가스카우트 → 안심 + 귀가 + 스카우트)."""
    if stop >= len(text) or not _is_hangul(text[stop]):
        return False
    start = stop
    while start > 0 and _is_hangul(text[start - 1]):
        start -= 1
    if _compound(text[start : stop + 1]):
        return True
    end = stop
    while end < len(text) and end - start < 12 and _is_hangul(text[end]):
        end += 1
    first = _alone(text[start:end])[:1]
    return bare and bool(first) and first[0][1] == "NNG" and len(first[0][0]) != stop - start


def _name_with_ssi_inside(form: str) -> bool:
    """박왕자씨 as one proper noun: a full name with a common surname, then 씨."""
    return len(form) == 4 and form[3] == "씨" and _full_name(form[:3]) and not _is_place(form[:3])


# A word's Hanja in brackets right after it, one character per syllable.
_HANJA_BRACKET = re.compile(r"[(（](" + HANJA + r"{2,4})[)）,，·]")


def _hanja_of_name(word: str, text: str, stop: int) -> bool:
    """김덕천(金德天): a full name with its Hanja in brackets, the way news and histories
    introduce a person; a common word with its Hanja (정치인(政治人)) stays a word."""
    m = _HANJA_BRACKET.match(text, stop)
    return (
        m is not None
        and len(m[1]) == len(word)
        and _full_name_not_a_word(word)
        and not _not_bare_name(word)
    )


# What a list of people notes in brackets right after a name: a civil-service grade
# (행정6급), (지방행정주사); a date of birth (1950.3.2.); sex and age (여, 72세).
_PERSON_NOTE = re.compile(
    r"[(（][ \t]?(?:(?:[가-힣]{1,6}[ \t]?)?(?:\d{1,2}급|주사보?|서기보?|사무관|서기관)"
    r"|(?:19|20)?\d{2}[.\-/][ \t]?\d{1,2}[.\-/][ \t]?\d{1,2}\.?"
    r"|[남여][ \t]?[,/·][ \t]?\d{1,3}세?|\d{1,3}세[ \t]?[,/·][ \t]?[남여]|[남여]|\d{1,3}세)"
    r"[ \t]?[)）]"
)


def _noted_person(word: str, text: str, stop: int) -> bool:
    return _PERSON_NOTE.match(text, stop) is not None and _full_name_not_a_word(word)


def _full_name_not_a_word(word: str) -> bool:
    """A full name the analyser does not know alone as a word (정치인, 진행자 are words)."""
    return _full_name(word) and not _compound(word) and not _common_word_alone(word)


def _right_after_name(found: list, start: int, text: str) -> bool:
    """Whether a found name ends just before ``start`` (a space, 전 or 현 between): then a
    title after the word at ``start`` is that person's, and the word their body."""
    if not found:
        return False
    end = found[-1][1]
    return 0 < start - end <= 4 and text[end:start].strip() in ("", "전", "현", "前")


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _name_group(toks, index: int, text: str):
    """The longest name-shaped word made of adjacent nouns from ``index`` (박 + 병진,
    이춘 + 재, 함창인): (end, last token, first is a proper noun, an unknown word)."""
    best = None
    stop = toks[index][0]
    for last in range(index, min(index + 3, len(toks))):
        start, end, _, tag, _ = toks[last]
        inside = last > index and tag == "XPN"  # 김 + 진(XPN) + 아
        if start != stop or (tag not in ("NNP", "NNG") and not inside):
            break
        stop = end
        word = text[toks[index][0] : stop]
        if 2 <= len(word) <= 4 and name_shape(word, given_check=False):
            nouns = toks[index : last + 1]
            proper = nouns[0][3] == "NNP"
            # A common noun the dictionary knows scores above -19 (고소인 -17.6); a name it
            # never saw (함창인 -24.9, 장해리 -22.2) falls far below.
            unknown = len(nouns) == 1 and nouns[0][4] < _UNKNOWN_SCORE
            best = (stop, last, proper, unknown, nouns[0][4] < _UNSEEN_SCORE)
    return best


_UNKNOWN_SCORE = -19.0
# A word the dictionary surely knows alone (장마철 -11.7); names it half-guesses score lower.
_KNOWN_WORD_SCORE = -15.0
# One-syllable particles the analyser sometimes tags as a noun after a name (윤석열 + 을).
_PARTICLE_FORMS = frozenset("을 를 은 는 이 가 의 도 와 과 로 만 께".split())
_QUOTES = frozenset("'\"‘’“”")
# A name standing alone before a bracket or a mark (임종석(任鍾晳, …), 김진아 ◀ＡＮＣ▶).
_CLOSED_AFTER = re.compile(r"[ \t]?(?:[(\[<◀]|$)", re.MULTILINE)
# A phone number right after the word, bracketed or not: 정문수(☏02-3708-2588), 이오수
# 02-2133-2296, 김규희 (3783-5950). Seven digits at least: a bus stop's number (정류장
# (07-249)) is shorter.
_PHONE_AFTER = re.compile(
    r"[ \t]?[(\[]?[ \t]*(?:[☏☎]|[Tt][Ee][Ll]\.?)?[ \t]*:?[ \t]*"
    r"(?:\d{2,4}[-)．.]\d{3,4}[-．.]\d{4}|\d{3,4}[-．.]\d{4})(?!\d)"
)
# Far below: a word never seen at all (이춘재 -26); with no context it is taken for a name.
_UNSEEN_SCORE = -24.0


def _judge(word: str, proper: bool, unknown: bool, context: tuple) -> float:
    """The confidence that ``word`` is a name (0: it is not)."""
    after, before, weak, glued, phone, closed = context
    if word in _COUNTRIES or word in _FOREIGN_COUNTRIES:
        return 0.0  # 시리아 외무장관: the minister's country
    if len(word) >= 4 and word.endswith(_ORG_SUFFIXES):
        return 0.0  # 황보건설 대표: a company (황보 is a surname)
    if after in _PLACE_AFTER or (after == "시장" and word[-1] in _MARKET_PLACE_END):
        return 0.0  # 신논현 방면, 용문동 일대, 용문동 시장 (a market): a place
    if _market(after):
        return 0.0  # 밤도깨비 야시장, 노량진 수산시장
    person_title = after in _PERSON_ONLY_TITLES or (
        after in _OFFICE_TITLES | _HONORIFICS
        and word[0] in _COMMON_SURNAMES
        and _place_by_ending(word)
    )  # 세종 대왕; 한선교 의원, 김구 선생님 (교 and 구 also end places' names)
    if not person_title and (word in SIGUNGU_NAMES or _is_place(word) or _place_like(word)):
        return 0.0  # but 세종 대왕 is a person
    named_by_cue = weak and before in _CUES
    if after not in _HONORIFICS and not named_by_cue and _direction_compound(word):
        return 0.0  # 서해안, 남대문 시장; but 서정원 님 and 학생 동은유라고 are people
    if phone and len(word) == 3 and name_shape(word) and word[-1] not in _UNIT_END:
        return 0.8  # 토목부 정문수(☏02-…): a contact person, however the analyser splits it
    if (
        closed
        and _department(after)
        and len(word) == 3
        and name_shape(word)
        and not _common_word_alone(word)
    ):
        return 0.8  # 이영희(기획과), 박민준(회계과): a person and their department
    if (
        not (proper or unknown)
        and closed
        and (after in _AFTER or before in _BEFORE)
        and len(word) == 3
        and name_shape(word)
        and (word[-1] not in _ORG_END | _UNIT_END or after in _PERSON_ONLY_TITLES)
    ):
        # '이사부' 장군, 비서실장 임종석(任鍾晳): a name the analyser splits into nouns
        # (이사 + 부, 임종 + 석), quoted or closed by a bracket, with a title or role beside it
        return 0.8
    if (
        not (proper or unknown)
        and before in _ROLES_BEFORE
        and word[-1] not in _ORG_END | _UNIT_END
        and _full_name_not_a_word(word)
    ):
        return 0.8  # 배우 한지민이: a name the analyser splits (한지 + 민) after a person's role
    if not (proper or unknown):
        return 0.0
    if after in _AFTER or before in _BEFORE:
        if body_before_title(word, after):
            return 0.0  # 부산대 총장, 여행사 사장: the body, then its head
        if len(word) >= 3 and (_not_a_noun(word) or _well_known_word(word)):
            return 0.0  # 하지만 군수 예산, 사업부 군수 비리: 군수 here is military supply
        if after == "시대" and [tag for _, tag, _ in _alone(word)] != ["NNP"]:
            return 0.0  # 박정희 시대 is a leader's; 신석기 시대 (신 + 석기) an age
        if len(word) == 2 and (
            after in _NAMED_AFTER_A_LEADER
            or (after not in _SAID_OF_PEOPLE and _common_word_alone(word))
        ):
            return 0.0  # 명장님: a trade; 대한 민국 정부: no leader has a two-syllable name
        if name_shape(word) or weak:
            return 0.8
        if (
            after in _HISTORICAL_TITLES
            and _full_name(word, given_check=False)
            and not _compound(word)
            and not _body_or_place(word)  # 박지원(71) 민주당 의원
        ):
            return 0.8  # 신숭겸 장군, 유관순 열사: a rare given syllable of old
        return 0.0
    if weak and not proper and unknown and not _unknown_reads_as_name(word):
        return 0.0  # 남편은 상간녀와: a word never seen that splits into known nouns alone
    if weak and _common_word_alone(word):
        return 0.0  # 상담원에게, 사진가입니다, 현제 학생 입니다: a word it knows alone
    if _listed_noun(word):
        return 0.0  # 정화조입니다, 안전문과: a common noun and one more syllable
    if weak and not named_by_cue and word[0] not in _COMMON_SURNAMES and _in_dictionary(word):
        return 0.0  # 사진가입니다, 시공사에게, 따릉이 주차장: a word the dictionary lists
    if weak and not (unknown and not proper and word[-1] in "관사"):
        # a pattern's weak name (…입니다, …에게) that the analysis reads as a name too; below
        # the titles' 0.8, so that it does not spread to other mentions (늦어진 인동선입니다)
        return 0.7
    if word[-1] in _ORG_END and not _given_name_ending(word):
        return 0.0
    if proper and not glued and len(word) == 3 and word[0] in _COMMON_SURNAMES:
        # 이춘재가, 양승태 공소장: a full name the analyser knows as a proper noun, with no
        # person word beside it; so the word read on its own must agree
        # (see _reads_as_name), and must be neither a known common noun (장마철) nor a
        # place (양평서, 남태령)
        if not name_shape(word) or not _reads_as_name(word, unknown):
            return 0.0
        if _compound(word) or _not_bare_name(word) or _common_noun_after_surname(word):
            return 0.0
        return 0.6
    return 0.0


def _common_noun_after_surname(word: str) -> bool:
    """심박수, 신세계, 홍대선: after what looks like a surname, a common noun the analyser
    knows well (박수, 세계, 대선): a compound, not a given name (영숙, 정은 read as proper
    nouns or far less surely)."""
    if word[1:] in _NOUN_GIVEN_NAMES:
        return False
    given = _alone(word[1:])
    return len(given) == 1 and given[0][1] == "NNG" and given[0][2] > _WELL_KNOWN_GIVEN_SCORE


_WELL_KNOWN_GIVEN_SCORE = -11.0
# Frequent given names that are common nouns too (윤은혜, 신현지, 강하늘, 김재수).
_NOUN_GIVEN_NAMES = frozenset(
    "지원 은혜 현지 지혜 하늘 수정 사랑 미래 유리 나라 승리 희망 재수 민주 보람 슬기 진주".split()
)


# Roles written before a person's name only (not 시장, 대표, 고: a market, a delegate, old).
_ROLES_BEFORE = frozenset(
    "배우 가수 작가 감독 선수 기자 교수 변호사 앵커 시인 소설가 화가 민원인 신청인 작성자".split()
)
# Titles said of people only, before which a given name may hold any syllable.
_HISTORICAL_TITLES = frozenset("장군 대왕 열사 의사 선생 선생님 대통령 장관 의원 국회의원".split())


def _in_dictionary(word: str) -> bool:
    """Whether the analyser knows ``word`` alone as one word (사진가 -14, 시공사 -12); a name
    it never saw scores far lower (동은유)."""
    alone = _alone(word)
    return len(alone) == 1 and alone[0][2] > _UNKNOWN_SCORE


def _not_a_noun(word: str) -> bool:
    """하지만, 그러나: read alone, one word that is no noun (a conjunction or an adverb)."""
    alone = _alone(word)
    return len(alone) == 1 and alone[0][1] in ("MAJ", "MAG", "IC", "MM")


def _unknown_reads_as_name(word: str) -> bool:
    """A word the analyser never saw in its sentence, read alone: not a common noun of two
    syllables or more with more nouns glued to it (상간 + 녀); syllables it cannot place
    (소 + 민 + 서, 최 + 별) are how it reads names it never saw."""
    alone = _alone(word)
    return not (
        len(alone) > 1 and len(alone[0][0]) >= 2 and all(tag == "NNG" for _, tag, _ in alone)
    )


def _common_word_alone(word: str, floor: float = _KNOWN_WORD_SCORE) -> bool:
    """Whether the analyser reads ``word`` alone as one word it knows well that is no proper
    noun (명장, 현제 → 현재?): a trade or a typo, not the two syllables of a name (박훈)."""
    alone = _alone(word)
    return len(alone) == 1 and alone[0][1] != "NNP" and alone[0][2] > floor


def _well_known_word(word: str) -> bool:
    """Stricter: a word the dictionary knows well (정도, 과장), not one it half-knows (일경
    -13), which a title after it makes a given name."""
    return _common_word_alone(word, _KNOWN_NOUN_SCORE)


def common_noun(word: str) -> bool:
    """Whether the analyser knows ``word`` alone as one common noun (원자료, 통계표)."""
    return _compound(word)


def _compound(word: str) -> bool:
    """장마철, 전시회: a word the analyser, reading it alone, knows as one common noun. (A
    word it never saw scores far lower and stays a candidate: names are exactly those.)"""
    whole = _alone(word)
    return len(whole) == 1 and whole[0][1] == "NNG" and whole[0][2] > _UNKNOWN_SCORE


def _place_like(word: str) -> bool:
    """남태령, 이화령, 양평서 (양평경찰서): a place's last syllable (pass, station, road), or
    a 시도 or 시군구 stem before the syllable of an office, station, university or province in
    it (서울대, 전남도), or an election district (강서갑)."""
    head = word[:2]
    if word[-1] == "민" and word[:-1] in SIGUNGU_NAMES:
        return True  # 남구민, 중구민: the people of a place, no one's name
    if word[-1] in "갑을병정" and (word[:-1] in _SIDO or _stem_of_sigungu(word[:-1])):
        return True  # 강서갑, 강화을, 용인정: an election district
    return word[-1] in _PLACE_LAST or (
        word[-1] in "서역청대도시" and (head in _SIDO or _stem_of_sigungu(head))
    )  # 양평서, 서울대, 전남도, 서울시


def _place_by_ending(word: str) -> bool:
    """A place only by its last syllable (한선교, 김구), not a 시도, 시군구 or country."""
    by_ending = word[-1] in _PLACE_LAST or (len(word) == 2 and _PLACE_END.search(word))
    return bool(by_ending) and word not in SIGUNGU_NAMES and not _known_place(word)


def _stem_of_sigungu(stem: str) -> bool:
    return any(stem + end in SIGUNGU_NAMES for end in "시군구")


# Words said of places and things after their name (신논현 방면으로, 김영란 법).
_PLACE_AFTER = frozenset(
    "방면 방향 일대 인근 부근 일원 쪽 사거리 교차로 네거리 입구 출구 역 경전철 백화점 터미널 "
    "정류장 정류소 공원 체육공원 법 법안".split()
)
# Last syllables of schools, kinds and objects (장위초, 서실고, 고정식, 방음벽, 한정판,
# 정교모), rare at the end of a given name (not 중: 김대중).
_BARE_LAST = frozenset("초고모벽판")
# Last syllables of bodies, for names opening a sentence (the full _ORG_END would drop the
# many given names ending in 원, 기, 리, 동, 구, 도).
_OPENING_NOT_LAST = frozenset("대청국당회부처단위총")
_PLACE_LAST = frozenset("령역로길교강섬항읍면숲")
# A place before 시장 makes it a market, not a mayor (용문동 시장, 남대문 시장).
_MARKET_PLACE_END = frozenset("동리역문")
# Titles said only of people: before them even a place's name is a person (세종 대왕).
_PERSON_ONLY_TITLES = frozenset("대왕 대통령 여사 장군".split())
# Offices only people hold: before them a place's last syllable (교, 강, 섬) ends a name.
_OFFICE_TITLES = frozenset(
    "의원 국회의원 장관 총리 의장 위원장 기자 교수 대변인 의사 열사 변호사 판사 검사 박사 "
    "작가 감독 선수 목사 신부 스님 시인 화가 소설가 대표 회장 사장 이사장 총재 후보 당선인 "
    "원내대표 당대표 비서관 주무관 사무관 국장 실장 부장 차장 팀장".split()
)
_UNIT_END = frozenset(UNIT_END)


def _reads_as_name(word: str, unknown: bool) -> bool:
    """Whether the analyser, reading ``word`` alone, still sees one proper noun. In a
    sentence it sometimes takes a compound or a word and its particle for one proper noun
    (손자녀, 정산금, 유령의); alone it splits them (손자 + 녀, 정산 + 금, 유령 + 의). A word it
    never saw (이춘재 in a sentence, about -26) keeps its benefit of the doubt: names are
    exactly the words a dictionary lacks."""
    tokens = _alone(word)
    if len(tokens) == 1:
        return tokens[0][1] == "NNP" or tokens[0][2] < _UNKNOWN_SCORE
    first, rest = tokens[0] if tokens else ("", "", 0.0), tokens[1:]
    if first[1] == "NNP" and len(first[0]) <= 2 and all(tag == "NNG" for _, tag, _ in rest):
        return True  # 김 + 건수, 이춘 + 재: a surname read as such, then nouns, no suffix
    return unknown


@lru_cache(maxsize=65536)  # bounded: a hostile column may hold a million distinct words
def _alone(word: str) -> tuple:
    """The analyser's tokens for ``word`` on its own, as (form, tag, score); cached, since
    the same few candidates recur across a column."""
    kiwi = _kiwi()
    if kiwi is None:
        return ()
    return tuple((t.form, t.tag, t.score) for t in kiwi.tokenize(word))


def given_name_alone(given: str) -> bool:
    """Whether a two-syllable given name can stand for the person alone in a text: not an
    ordinary word (정원, 민원), a place or a word the analyser knows as a common noun."""
    if len(given) != 2 or given in NOT_NAMES or is_place_name(given):
        return False
    if not all(ch in GIVEN_SYLLABLES for ch in given):
        return False
    alone = _alone(given)
    return not (len(alone) == 1 and alone[0][1] != "NNP" and alone[0][2] > _UNKNOWN_SCORE) and not (
        len(alone) > 1 and all(tag not in ("NNP", "NNG") for _, tag, _ in alone)
    )


@cache
def dong_names() -> frozenset[str]:
    """The 동 of the resident register by their base names (휘경제2동 → 휘경동)."""
    data = resources.files("dadeum.engine.data").joinpath("dong.csv")
    with data.open(encoding="utf-8") as f:
        return frozenset(line.split(",", 1)[0] for line in f.read().splitlines()[1:])


def is_place_name(word: str) -> bool:
    """Whether a name-shaped word is a place (원주, 서대문, 남양주, 남태령): a 시도 or 시군구
    (without its 시/군/구), a compass-point compound or a place's last syllable."""
    return (
        word in SIGUNGU_NAMES or _is_place(word) or _place_like(word) or _direction_compound(word)
    )


# The old provinces by their full names (제 고향은 전라도 입니다).
_PROVINCES = frozenset("경기도 강원도 충청도 전라도 경상도 제주도 황해도 평안도 함경도".split())


def _is_place(word: str) -> bool:
    return _known_place(word) or (_PLACE_END.search(word) is not None and len(word) == 2)


def _known_place(word: str) -> bool:
    """A 시도, an old province, a country, a 시군구 without its 시/군/구 or a 동, by name."""
    return (
        word in _SIDO
        or word in _PROVINCES
        or word in _COUNTRIES
        or _stem_of_sigungu(word)
        or word in dong_names()
    )


def _direction_compound(word: str) -> bool:
    """서해안, 남대문, 북방향: a compass point before a common noun the analyser knows well
    (해안, 대문, 방향) is a place or a direction, though 서 and 남 are also surnames."""
    if len(word) != 3 or word[0] not in "동서남북":
        return False
    if word[1] in "동서남북":
        return True  # 남북한, 동서독
    rest = _alone(word[1:])
    return len(rest) == 1 and rest[0][1] == "NNG" and rest[0][2] > _KNOWN_NOUN_SCORE


# Words that name a government or a household after its head (노무현 정부, 조국 일가).
# Words a name follows in a form or a self-introduction (학생 동은유라고).
_CUES = frozenset(NAME_CUES)
_NAMED_AFTER_A_LEADER = frozenset("정부 정권 행정부 일가 케어 시대".split())
# Said of a person by name, never of a trade (서승씨, 서승 선생님; but 명장님, 기사님).
_SAID_OF_PEOPLE = frozenset("씨 씨가 선생 선생님 여사 여사님 옹".split())
# Said only of people: before these a compass-point compound is a name (서정원 님).
_HONORIFICS = frozenset("님 씨 씨가 군 양 옹 여사 여사님 선생 선생님".split())
# A common noun well known to the dictionary (해안 -11, 대문 -10); 재정 (-10) is one too,
# which is why the compass-point rule stops at nouns and never applies to a proper noun.
_KNOWN_NOUN_SCORE = -12.5


def _foreign(toks, index: int, text: str):
    """A transliterated foreign name with a title or role beside it: (start, end,
    confidence, last token)."""
    start, end, form, _, _ = toks[index]
    if name_shape(form) or not _foreign_shape(form) or form in NOT_NAMES or is_place_name(form):
        return None
    if len(form) < 3 and not (index + 1 < len(toks) and toks[index + 1][3] == "NNP"):
        return None  # two syllables alone (회성, 많큼) are mostly typos, not foreign names
    if form[-1] in _ORG_END or form.endswith(_ORG_SUFFIXES) or form in _FOREIGN_COUNTRIES:
        return None  # 민주당, 자유한국당, 국토부, 삼성전자, 미얀마 (대통령)
    if _office_of_a_place(form):
        return None  # 강서구청장님: a place's office, however the analyser tags it
    last = index
    # Two words (룻츠 피들러, 딘 에치슨): the analyser may read the first as a common noun.
    if index + 1 < len(toks):
        n_start, n_end, n_form, n_tag, _ = toks[index + 1]
        if (
            n_tag == "NNP"
            and n_start == end + 1
            and _foreign_shape(n_form)
            and n_form[-1] not in "국당부청회"  # 해리스 미국(대사): a country, not a surname
        ):
            if name_shape(n_form) and n_form[0] in _COMMON_SURNAMES:
                return None  # 머니투데이 이동우 기자: the outlet, then a Korean name
            last, end = index + 1, n_end
    if index and toks[index - 1][3] in ("NNG", "NNP") and toks[index - 1][1] == start - 1:
        prev = toks[index - 1][2]
        unknown = toks[index - 1][4] < _UNKNOWN_SCORE or toks[index - 1][3] == "NNP"
        shaped = _foreign_shape(prev) or (len(prev) == 1 and toks[index - 1][3] == "NNP")
        if unknown and shaped and not name_shape(prev) and prev not in _BEFORE | NOT_NAMES:
            start = toks[index - 1][0]  # 룻츠(NNG) 피들러(NNP)
            before = _word_before(toks, index - 1)
        else:
            before = _word_before(toks, index)
    else:
        before = _word_before(toks, index)
    after = _word_after(toks, last, text)
    if (after in _AFTER and after not in _NOT_FOREIGN_AFTER) or (
        before in _BEFORE and before != "고"
    ):
        return start, end, 0.7, last
    return None


def _office_of_a_place(form: str) -> bool:
    """강서구청장, 서울시장, 경기도지사: a place or body, then its office's title."""
    title = _title_end(form)
    rest = form[: len(form) - len(title)]
    return bool(title and rest) and (_body_or_place(rest) or _stem_of_sigungu(rest))


_SIDO = frozenset(VEHICLE_REGIONS)
# Countries written before 대통령, 총리, 대사 (미얀마 대통령): no name.
_FOREIGN_COUNTRIES = frozenset(
    """
    미얀마 몰디브 우즈베키스탄 카자흐스탄 벨라루스 남아공 러시아 프랑스 이탈리아 스페인 캐나다
    호주 베트남 필리핀 인도네시아 말레이시아 싱가포르 캄보디아 몽골 이란 이라크 시리아 이스라엘
    이집트 터키 튀르키예 우크라이나 폴란드 브라질 멕시코 아르헨티나 칠레 페루 쿠바 북한 대만
    홍콩 뉴질랜드 네덜란드 벨기에 스위스 스웨덴 노르웨이 핀란드 덴마크 아일랜드 그리스 포르투갈
    오스트리아 헝가리 체코 사우디 사우디아라비아 카타르 쿠웨이트 요르단 레바논 리비아 나이지리아
    케냐 에티오피아 파키스탄 인도 방글라데시 네팔 스리랑카 라오스 아프가니스탄 팔레스타인
    베네수엘라 콜롬비아 루마니아 불가리아 세르비아 크로아티아 조지아 아제르바이잔 미국 중국
    일본 한국 영국 독일 태국 유럽 아시아 아프리카
    """.split()
)
_COMMON_SURNAMES = COMMON_SURNAMES
# Last syllables of places and bodies (서울시, 인권위, 서울대, 민노총): never a bare name.
_ORG_END = frozenset("시도군구읍면동리역로길산강섬항천교대청원당국위회총단부사관소청증기점")
# Bodies' last syllables that end a bare word; 기 ends many given names (성재기) and few bodies.
_BARE_ORG_END = _ORG_END - {"기"}
_NOT_FOREIGN_AFTER = frozenset({"정부", "측", "전", "현", "케어", "왕", "군", "양"})
_SKIP = ("SSO", "SSC", "SS", "SP", "SO")
# A bracket right after a name, closed by an office: (전 법무부 장관), (서울시장).
_BRACKET_TITLE = re.compile(r"\((?:[^()\n]{0,20}[ \t])?([가-힣]{1,8})\)")
# A short note in brackets between a name and its title: a party, an age, a body.
_NOTE_THEN_TITLE = re.compile(
    r"[ \t]?\([^()\n]{1,20}\)[ \t]?(?P<first>[가-힣A-Za-z]{1,20})(?:[ \t](?P<then>[가-힣]{1,8}))?"
)


def _body_word(word: str) -> bool:
    """A party, school, ministry, office or company named between a person and their
    title (새누리당, 건국대, 교육부, 남부경찰서, SK그룹)."""
    return _body_or_place(word) or word[-1] in "대서청부" or _department(word)


def _department(word: str) -> bool:
    """교통행정과, 총무팀, 기획실, 도시계획국: an office's department, named between a
    person and their title (박누리 교통행정과 주무관)."""
    return len(word) >= 3 and word[-1] in "과팀실국"


_PARTICLE_SET = frozenset(PARTICLES)
_OBLIQUE = frozenset("으로 에게 께서 한테 과의 와의 님께 님의 님과".split())  # 선생으로부터


def _leading_title(word: str) -> str:
    """The title a word opens with, alone or before a particle (의원이 → 의원)."""
    for cut in range(len(word), 0, -1):
        if (
            word[:cut] in _AFTER
            and word[:cut] not in _NOT_AN_OFFICE  # 민허우(閩侯)현: a county
            and word[:cut] != "님"  # 제안자(아이디 : …)님: a role, not a name
            and (cut == len(word) or word[cut:] in _PARTICLE_SET or word[cut:][:2] in _OBLIQUE)
        ):
            return word[:cut]
    return ""


# Marks that end a phrase: a title beyond them is not this word's (정류소 : 남대문시장).
_STOPS = frozenset(",.:;/")


def _word_after(toks, last: int, text: str) -> str:
    """The title or role right after a name (its particle and quotes skipped): 대통령,
    양, 검찰총장, 시장 (of 서울시장) …"""
    end = toks[last][1]
    bracket = _BRACKET_TITLE.match(text, end)
    if bracket is not None:
        # 조국(전 법무부 장관): the office in a bracket right after the name is the name's
        title = bracket[1] if bracket[1] in _AFTER else _title_end(bracket[1])
        if title and not _market(bracket[1]):
            return title
    note = _NOTE_THEN_TITLE.match(text, end)
    if note is not None:
        # 김태원(새누리당) 의원이, 박지원(71) 민주당 의원: a note on the person, perhaps their
        # body, then their title
        title = _leading_title(note["first"])
        if not title and note["then"] and _body_word(note["first"]):
            title = _leading_title(note["then"])
        if title:
            return title
    for position in range(last + 1, min(last + 5, len(toks))):
        s, e, form, tag, _ = toks[position]
        if s - end > 1 and (s - end > 4 or text[end:s].strip(" \t\xa0")):
            return ""  # a few spaces are still one gap (이동석  님: text from a web board)
        if (tag in _SKIP and form not in _STOPS) or form in ("전", "현", "前") or tag == "SL":
            end = e  # quotes and brackets; 전/현 and UN in "갈리> 전 UN사무총장"
            continue
        if tag in ("NNG", "NNB", "XSN", "NNP"):
            if tag == "NNP" and position > last + 1 and _another_person(form):
                return ""  # 양재동 (윤봉길의사 기념관): the title is the next name's
            word, cuts, joined = form, {0}, position
            if tag == "NNG" and _title_end(form):
                if _market(form):
                    return form  # 야시장, 남대문시장: a market; 서울시장 is a mayor
                return _title_end(form)  # 서울시장, 사무총장: the analyser keeps them whole
            for s2, e2, f2, t2, _ in toks[position + 1 : position + 3]:
                if s2 != e or t2 not in ("NNG", "XSN", "NNB"):
                    break
                if tag == "NNP" and (f2 in _AFTER or word + f2 in _AFTER) and _is_place(form):
                    return f2 if f2 in _AFTER else word + f2  # 박원순 서울 시장
                cuts.add(len(word))
                word, e, joined = word + f2, e2, joined + 1
                if word in _AFTER:
                    return word
            if form in _AFTER:
                return form
            particle = toks[joined + 1] if joined + 2 < len(toks) else None
            if particle is not None and particle[0] == e and particle[2] == "과":
                # 교통 + 행정 + 과(JKB) 주무관: the analyser reads a department's 과 as a
                # particle
                title = _title_past_body(toks, joined + 1, text)
                if title and title not in _HONORIFICS:
                    return title
            latin_before = toks[position - 1][3] == "SL" and toks[position - 1][1] == s
            # 교육부, 교육청, 경찰서; 교통행정과, 총무팀
            office = (len(word) >= 3 and word[-1] in "부청서") or _department(word)
            if (tag == "NNP" or joined > position or latin_before or office) and _body_word(word):
                # 이해찬더불어민주당 대표, 한상희 건국대 법학전문대학 교수, 윤정기 남부경찰서
                # 형사과장, 최재원 SK그룹 수석부회장: the party, place, school, office or
                # company, perhaps a department, then the title
                title = _title_past_body(toks, joined, text)
                if title:
                    return title
            title = _title_end(word)
            if title == "시장" and _market(word):
                return word  # 노량진 수산시장, 재래시장: a market, not a mayor
            # 법무 + 장관 ends in a title; 광장 + 관 (롯데시네마광장관) does not
            return title if title and len(word) - len(title) in cuts else word
        return ""
    return ""


# Titles that end a longer noun the analyser does not split (서울시장, 사무총장, 국회의원).
_TITLE_ENDS = sorted(
    (t for t in _AFTER if len(t) >= 2 and t not in {"정부", "정권", "케어", "측", "일가"}),
    key=len,
    reverse=True,
)
# Places that end like a title (주차장: 차장; 공사장, 백사장: 사장).
_TITLE_LOOKALIKES = tuple(
    "주차장 승차장 하차장 정차장 세차장 배차장 공사장 백사장 모래사장".split()
)
# Any title at the end of a word: a prefilter for _title_end (one search, not one endswith
# per title).
_TITLE_AT_END = re.compile("(?:" + "|".join(_TITLE_ENDS) + ")$")


def _market(word: str) -> bool:
    """수산시장, 야시장, 남대문시장: a market; before 시장 a place makes a mayor (파주시장)."""
    head = word[:-2]
    mayor = head in _SIDO or _stem_of_sigungu(head) or head in SIGUNGU_NAMES
    return len(word) > 2 and word.endswith("시장") and not mayor


def _another_person(form: str) -> bool:
    """A proper noun that is itself a full name (윤봉길), not a place or body (서울)."""
    return _full_name(form) and not _is_place(form) and form not in SIGUNGU_NAMES


# What an office title may carry before it in one word (수석부회장, 형사과장, 명예교수).
_TITLE_PREFIXES = frozenset(
    "부 수석 수석부 명예 형사 공동 상임 대표 총 선임 책임 객원 초빙".split()
)


def _title_past_body(toks, position: int, text: str) -> str:
    """The office title within four nouns after the body at ``position``, a space apart at
    most (건국대 법학 전문 대학 교수 → 교수; 교통행정과 주무 + 관 → 주무관), or ''."""
    end = toks[position][1]
    run = ""  # nouns glued together so far (주무 + 관)
    for at, (s, e, form, tag, _) in enumerate(toks[position + 1 : position + 5], position + 1):
        if s - end > 1 or text[end:s].strip():
            return ""
        if form in ("전", "현", "前"):
            end, run = e, ""  # 표창원 전 경찰대 교수
            continue
        if tag not in ("NNG", "NNP") or (tag == "NNP" and name_shape(form)):
            return ""  # 씨엠아이텍 영업부 김종하 부장: the title is the next person's
        run = run + form if run and s == end else form
        title = run if run in _AFTER else _title_end(run)
        if title and title != run and run[: -len(title)] not in _TITLE_PREFIXES:
            title = ""  # 부회장, 형사과장, 명예교수; not 주차장 (주 + 차장)
        glued = at + 1 < len(toks) and toks[at + 1][0] == e and toks[at + 1][3] in ("NNG", "NNP")
        if title and not glued:  # not 대통령 + 궁 (광장과 대통령궁)
            # right after the body any title but 전직, 정부 …; past its department an office
            further = e > toks[position + 1][1]
            if title in _NOT_AN_OFFICE or (further and title in _HONORIFICS):
                return ""
            return title
        end = e
    return ""


def _title_end(word: str) -> str:
    if word.endswith(_TITLE_LOOKALIKES):
        return ""  # 주차장 is no 차장, 공사장 no 사장
    for title in _TITLE_ENDS:
        if word.endswith(title) and len(word) > len(title):
            return title
    return ""


def _word_before(toks, index: int) -> str:
    start = toks[index][0]
    for position in range(index - 1, max(index - 3, -1), -1):
        s, e, form, tag, _ = toks[position]
        if start - e > 1:
            return ""
        if tag in _SKIP and form not in _STOPS:
            start = s
            continue
        if tag == "MM" and form == "고":
            return form  # 고 박준혁의: the late
        if form == "배우" and tag.startswith("VV") and e < start:
            return form  # 배우 한지민이: the analyser read 배우(다), to learn
        if tag not in ("NNG", "NNP", "NNB", "XSN"):
            return ""
        for role in (
            *("국무장관", "장관", "대사", "사령관", "총장", "교수", "기자", "실장", "수석"),
            *("주사", "주사보", "서기관", "사무관"),  # 행정주사 김형준: a grade and its series
        ):
            if form.endswith(role):
                return role
        return form
    return ""


def _foreign_shape(word: str) -> bool:
    """A transliterated foreign name: a Hangul word of two to six syllables, or two such
    words the analyser keeps as one proper noun (조스 웨던)."""
    if " " in word:
        first, _, last = word.partition(" ")
        first_ok = _HANGUL.fullmatch(first) is not None and len(first) <= 6  # 존 길구드
        return first_ok and _foreign_shape(last) and len(word) <= 10
    return _HANGUL.fullmatch(word) is not None and 2 <= len(word) <= 6
