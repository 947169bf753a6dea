"""Rules for Korean names: in a name column, next to titles (김민수님, 홍길동 씨), after cue
words (민원인 이영희가) and form labels (성명(영문): John Smith), in text tables under 성명,
before 입니다/에게/께서, or opening a sentence with a particle.

A hit the form alone settles (성명: 홍길동, 홍길동 주무관, a common full name with 님) is a
name; the others are ``WEAK_NAME`` and stand only if the language analysis agrees
(``detect_nlp``), which keeps 공영주차장, 변호사님 and 이용한 시장 out."""

import re
from functools import lru_cache

from dadeum.engine.addresses import _index
from dadeum.engine.privacy.detect_base import (
    ASCII,
    DIGITS,
    LATIN,
    NAME,
    NAME_HEADER,
    WEAK_NAME,
    Context,
    Hit,
    Rule,
    boost,
)
from dadeum.engine.privacy.detect_words import (
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    FAMOUS_FOREIGN_NAMES,
    GIVEN_SYLLABLES,
    LABEL_CUES,
    NAME_CUES,
    NOT_NAMES,
    OFFICE_TITLES,
    PARTICLES,
    SURNAMES,
    TITLES,
    WEAK_TITLES,
    alternation,
)

_PARTICLE_ALT = alternation(PARTICLES)
# Titles (홍길동 씨, 김민수님이) and cue words (민원인 이영희가); the judges look for the name
# next to them. Each regex starts with its words as one trie, so most positions fail at once.
_NAME_TITLE = re.compile(
    "(?:" + alternation(TITLES) + r")(?=(?:님)?(?:" + _PARTICLE_ALT + r")?(?![가-힣]))", ASCII
)
# The name is in a look-ahead, so that the match ends with the cue and the next cue is still
# seen ("대상자 명단: 김민수").
_NAME_CUE = re.compile(
    "(?:" + alternation(NAME_CUES) + r")"
    r"(?=(?:은|는|이|가)?\s*[:：]?\s*[(\[]?\s*(?P<named>[가-힣]{2,8}))",
    ASCII,
)
# 홍길동(남, 45세), 김영희 (여·1985년생): the name is the word right before the bracket.
_NAME_PROFILE = re.compile(
    r"\((?=\s*(?:남|여)(?:성|자)?\s*[,)/·]|\s*\d{1,3}\s*세|\s*\d{2,4}\s*년생|\s*만\s*\d)", ASCII
)


def _judge_name_profile(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    hits = _name_before("", m.start(), ctx)
    return [(kind, start, end, 0.75) for kind, start, end, _ in hits]


# 저는 홍길동입니다, 김철수에게, 이영희께서: the name is the word right before these.
_NAME_BEFORE = re.compile(
    r"(?:입니다|이에요|예요|이라고|라고|이라는|라는|에게서|에게|한테|께서|께)(?![가-힣])"
    r"|(?:이)?라고합니다"  # 임영준이라고합니다, written without the space
    r"|(?:이)?라[ \t]?합니다",  # 김현목이라 합니다
    ASCII,
)
SIGUNGU_NAMES = _SIGUNGU_NAMES = frozenset(_index().by_name)


@lru_cache(maxsize=65536)  # bounded: the same words recur down a column
def name_shape(word: str, *, given_check: bool = True) -> bool:
    """Whether ``word`` can be a Korean full name: a known 성씨 and one to three more
    syllables, not an ordinary word."""
    if not 2 <= len(word) <= 4 or word in NOT_NAMES or not _all_hangul(word):
        return False
    if word[:2] in COMPOUND_SURNAMES and len(word) >= 3:
        given = word[2:]
    elif word[0] in SURNAMES and len(word) <= 3:
        given = word[1:]
    else:
        return False
    if given == "모" or given in _TITLE_SET:
        return False  # 김모 씨: a name withheld on purpose; 김장관, 박과장: a title
    return not given_check or all(ch in GIVEN_SYLLABLES for ch in given)


_TITLE_SET = frozenset(TITLES)


def _all_hangul(word: str) -> bool:
    return all("가" <= ch <= "힣" for ch in word)


def split_name(run: str) -> int:
    """Length of the name at the start of a Hangul run (``김민수님이`` → 3), the rest being a
    title and/or particle; 0 if none. The longest name wins (``김하은`` is a name, not
    ``김하`` + 은)."""
    for length in range(min(4, len(run)), 1, -1):
        rest = run[length:]
        if rest and not _is_tail(rest):
            continue
        if name_shape(run[:length], given_check=False):
            return length
    return 0


# What may follow a name in the same word: a title and/or a particle (님이, 씨는, 주무관이).
_TAIL = re.compile("(?:" + alternation(TITLES) + ")?(?:님)?(?:" + _PARTICLE_ALT + ")?")


def _is_tail(rest: str) -> bool:
    return _TAIL.fullmatch(rest) is not None


def _judge_name_cue(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    run, start = m["named"], m.start("named")
    hits: list[Hit] = []
    # 성명: 홍길동, 담당자 홍길동: a name by its form; 고객 이번, 학생 정보: to be analysed
    between = ctx.text[m.end() : start]
    labelled = ":" in between or "：" in between
    # 담당자 홍길동: a label and a common full name; 소유자 방식이: to be analysed
    if not labelled and m[0] in LABEL_CUES and between.isspace():
        named = run[: split_name(run)]
        # 관리책임자 지정이: a word and its subject particle read like a name ending in 이
        labelled = _common_full_name(named) and named[-1] not in "이가"
    kind = NAME if labelled else WEAK_NAME
    group = m[0] in _GROUP_CUES
    while True:
        length = split_name(run)
        if not length or not name_shape(run[:length]):
            return hits
        # 대상자: 모범 공무원: after a word for a group, two syllables are often a kind of
        # people, not a given name; the analysis decides
        sure = kind if not (group and length < 3) else WEAK_NAME
        hits.append((sure, start, start + length, boost(0.85, NAME, ctx)))
        # A list after the cue: 명단: 김민수, 이영희, 박철수
        following = _NEXT_NAME.match(ctx.text, start + len(run), ctx.hi)
        if following is None:
            return hits
        run, start = following[1], following.start(1)


# Cues for a group of people, after which a two-syllable word is often a kind of people.
_GROUP_CUES = frozenset(
    "대상자 참석자 참여자 참가자 응답자 지원자 합격자 수상자 당선자 후보자 입주자 가입자 명단 "
    "방문자 고객 회원 환자 학생 직원 계약자 납부자 체납자".split()
)
_NEXT_NAME = re.compile(r"\s*[,、·/]\s*([가-힣]{2,8})")


def _judge_name_title(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    hits = _name_before(m[0], m.start(), ctx)
    spaced = m.start() > ctx.lo and ctx.text[m.start() - 1] in " \t"
    if (
        spaced
        and m[0] in OFFICE_TITLES
        and all(
            end - start >= 3 and ctx.text[end - 1] not in _VERB_ENDINGS + _OBJECT_ENDINGS
            for _, start, end, _ in hits
        )
        and not (m[0] == "대표" and ctx.text.startswith("하", m.end()))  # 한국을 대표하고
    ):
        return hits  # 홍길동 주무관, 김민수 과장: a full name by its form alone
    if m[0] in ("님", "씨") and all(_common_full_name(ctx.text[a:b]) for _, a, b, _ in hits):
        return hits  # 김서진 씨, 홍길동님: a common surname and given name, no analysis needed
    # 홍길동님, 변호사님, 공영주차장: the language analysis decides
    return [(WEAK_NAME, start, end, conf) for _, start, end, conf in hits]


def _common_full_name(word: str) -> bool:
    return (
        len(word) == 3
        and word[0] in COMMON_SURNAMES
        # 구조자님, 관리자님: people; 변경을, 유령의: a word and its particle, not names
        and word[-1] not in _VERB_ENDINGS + "자을의"
        and name_shape(word)
    )


# The head of a body is named after it (부산대 총장, 여행사 사장, 고양시 시장): before such a
# title, a word ending in the body's syllable is the body, not a person. (고양시 군수 and
# 중랑구 구청장 are left to the 시군구 list: 나진구 구청장 is a person.)
_HEAD_TITLES = {
    "대": ("총장", "학장", "교수", "부총장", "명예교수", "석좌교수", "학생", "연구원"),
    "고": ("교장", "교감", "교사", "학생"),
    "중": ("교장", "교감", "교사", "학생"),
    "초": ("교장", "교감", "교사", "학생"),
    "사": ("사장", "대표"),
    "시": ("시장",),
    "청": ("청장", "차장", "국장", "과장", "팀장", "주무관", "사무관", "서기관"),
    "회": ("회장",),
    "교": ("교장",),
    "당": ("대표", "당대표", "원내대표"),
    "부": ("장관", "차관", "부장", "군수"),  # 국방부 장관, 사업부 군수 (military supply)
}


def body_before_title(word: str, title: str) -> bool:
    """Whether ``word`` names a body or place rather than a person before ``title``: a
    시군구 (고양시 주무관), or a body whose head the title is (부산대 총장, 여행사 사장)."""
    if word in _SIGUNGU_NAMES:
        return True
    return len(word) >= 3 and title in _HEAD_TITLES.get(word[-1], ())


# Endings of verbs and connectives (계시고 계장님, 하시며): never the last syllable of a name
# taken without analysis.
_VERB_ENDINGS = "고며면데게요다"
# A word and its particle before a title used as a verb (시민을 대표하고) or a job (직): the
# analysis decides.
_OBJECT_ENDINGS = "을를의에직"


def _judge_name_before(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    at = m.start()
    text = ctx.text
    glued = at > ctx.lo and "가" <= text[at - 1] <= "힣"
    # These attach to the word; a writer naming themselves may leave a space (홍려규 라고합니다,
    # 사회복지사 임헌제 입니다), and then only a full name of three syllables counts.
    spaced = (
        m[0].startswith(("라고", "이라고", "입니다"))
        and at - 2 >= ctx.lo
        and text[at - 1] == " "
        and ("가" <= text[at - 2] <= "힣" or text[at - 2] in _CLOSING_QUOTES)  # '노회림' 입니다
    )
    if not glued and not spaced:
        return []
    # Before 입니다 a writer names themselves: a full name of three syllables may hold any
    # given syllable there (홍유락입니다); the analysis still decides.
    hits = _name_before("", at, ctx, any_given=m[0].startswith("입니다"))
    if spaced:
        hits = [hit for hit in hits if hit[2] - hit[1] == 3]
    return [(WEAK_NAME, start, end, 0.7) for _, start, end, _ in hits]


_CLOSING_QUOTES = frozenset("'\"’”")


def _name_before(title: str, at: int, ctx: Context, *, any_given: bool = False) -> list[Hit]:
    """The name right before a title (and the spaces between, if any: a web board's text
    may keep two or three, 이동석  님). ``any_given``: a full name of three syllables may
    hold syllables rare in given names."""
    text = ctx.text
    spaced = at > ctx.lo and text[at - 1] in " \t"
    end = at
    while end > max(ctx.lo, at - 3) and text[end - 1] in " \t":
        end -= 1
    if not title and end - 1 > ctx.lo and text[end - 1] in _CLOSING_QUOTES:
        end -= 1  # 저는 '노회림' 입니다: the writer quotes their own name
    start = end
    while start > ctx.lo and "가" <= text[start - 1] <= "힣" and end - start <= 4:
        start -= 1
    run = text[start:end]
    if not 2 <= len(run) <= 4 or not name_shape(run, given_check=not (any_given and len(run) == 3)):
        return []
    if title in WEAK_TITLES:  # 군/양: 가평군, 다양 — only after a space or a 3-syllable name
        if not (spaced or len(run) == 3) or run + title in _SIGUNGU_NAMES:
            return []
    if body_before_title(run, title):
        return []
    return [(NAME, start, end, boost(0.85, NAME, ctx))]


# A name that opens a sentence, followed by a particle: "박영호가 전화로 문의".
_NAME_OPENING = re.compile(
    r"(?:^|(?<=[\x00\n.!?(\[]))\s?(?P<run>[가-힣]{3})"
    r"(?P<particle>이요|이고|이며|이|가|은|는|의|께서|에게|께)(?=[\s\x00,.(?!]|$)",
    ASCII,
)
# 성씨 common enough for a name without a title or cue word around it.
_OPENING_SURNAMES = frozenset("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍".split())


def _judge_name_opening(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    run = m["run"]
    if run[0] not in _OPENING_SURNAMES or run[:2] in NOT_NAMES or not name_shape(run):
        return []
    start = m.start("run")
    # 김은찬이 …, but also 장마철이, 한가정의: the analysis decides, more leniently for a
    # common surname and given name (the analyser cuts names it never saw into pieces)
    confidence = OPENING_CONFIDENCE if _common_full_name(run) else boost(0.6, NAME, ctx)
    return [(WEAK_NAME, start, start + 3, confidence)]


OPENING_CONFIDENCE = 0.65


# A name alone closing a text after its last sentence (…참고하시기 바랍니다.  송정식): a
# signature; weak, so that the analysis keeps out a closing word (…감사합니다. 홍보과).
_NAME_CLOSING = re.compile(  # cells are joined with \x00 in a long column
    r"(?:(?P<date>\d[ \t]?일|\d\.)[ \t]+|[.!?][ \t\n]*|[ \t]{2,}|\n[ \t]*)"
    r"(?P<run>[가-힣]{3})[ \t\r\n\xa0]*(?=\x00|$)",
    ASCII,
)


def _judge_name_closing(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    run = m["run"]
    # 2016년 6월 19일 경봉식: a letter signed under its date, with any surname
    signed = m["date"] and name_shape(run)
    if run in NOT_NAMES or not (signed or (run[0] in _OPENING_SURNAMES and _common_full_name(run))):
        return []
    return [(WEAK_NAME, m.start("run"), m.end("run"), 0.7)]


# A bare full name with a common surname, alone or with a particle (류현진은, 차승원의): weak;
# kept only if the analyser reads it as a proper noun (confidence 0.55 marks that).
_NAME_BARE = re.compile(
    r"(?<![가-힣])(?P<run>[" + "".join(sorted(COMMON_SURNAMES)) + r"][가-힣]{2})"
    r"(?=(?:" + _PARTICLE_ALT + r")?(?![가-힣]))",
    ASCII,
)
BARE_CONFIDENCE = 0.55


def _judge_name_bare(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    run = m["run"]
    if run in NOT_NAMES or run[:2] in NOT_NAMES or run in _SIGUNGU_NAMES or not name_shape(run):
        return []  # 홍천군, 이번엔: places and words
    if _common_full_name(run) and _PERSONAL_NUMBER_OF.match(ctx.text, m.start() + 3, ctx.hi):
        return [(NAME, m.start(), m.start() + 3, 0.8)]  # 이영철의 외국인등록번호: no analysis
    return [(WEAK_NAME, m.start(), m.start() + 3, BARE_CONFIDENCE)]


# A foreign person known by name (트럼프가, 빌 게이츠는, 아베 정부): written with or without the
# space between given name and family name; a particle, a government or nothing after.
_FAMOUS_SPELLINGS = sorted(
    {spelling for name in FAMOUS_FOREIGN_NAMES for spelling in (name, name.replace(" ", ""))},
    key=len,
    reverse=True,
)
_NAME_FAMOUS = re.compile(
    r"(?<![가-힣])(?:" + "|".join(_FAMOUS_SPELLINGS) + r")"
    r"(?=(?:정부|정권|행정부|대통령|총리|측)?(?:" + _PARTICLE_ALT + r")?(?![가-힣]))"
    r"(?![ \t]?(?:제과점|빵집|호텔|빌딩|카페|학원|병원|기념관|박물관|공원|광장|거리|재단|센터))",
    ASCII,
)


def _judge_name_famous(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    return [(NAME, m.start(), m.end(), 0.8)]


# Numbers only a person holds, after a name and 의: the owner is a person, by the form alone.
_PERSONAL_NUMBER_OF = re.compile(
    r"의[ \t]?(?:주민등록번호|외국인등록번호|여권번호|운전면허번호|휴대전화|휴대폰)"
)


# In a column of names: every name-shaped word.
_NAME_WORD = re.compile(r"(?<![가-힣])[가-힣]{2,4}(?![가-힣])")


def _judge_name_word(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    if not name_shape(m[0], given_check=False):
        return []
    start, end = m.span()
    return [(NAME, start, end, 0.9)]


# Form fields: 성명(한글): 홍길동, 담당자: 총무팀 홍길동, 성명(영문): John Smith,
# 성명(한글): 존 스미스. The value after the colon is read whole.
_PURE_NAME_LABELS = ("성명", "이름", "성함", "name", "Name", "NAME", "영문명", "한글명", "국문명")
# Labels that are common words in prose (대상자 선정), so only before a colon.
_COLON_LABELS = ("참석자", "참가자", "대상자", "수상자", "합격자")
# The next label on the same line ends a value (성명(한글): 마이클 조던 성명(영문): …).
_LABEL_WORDS = "(?:" + alternation([*LABEL_CUES, "성명", "이름", "성함"]) + ")"
_NAME_LABEL = re.compile(
    "(?P<label>" + alternation([*LABEL_CUES, *_PURE_NAME_LABELS, *NAME_CUES, *_COLON_LABELS]) + ")"
    r"[ \t]*(?:\([ \t]*(?P<script>한글|국문|영문|한자|English|영어)[ \t]*\))?[ \t]*[:：][ \t]*"
    r"(?:(?:\d{1,2}[.)]|[①-⑳])[ \t]*)?"  # the first of a numbered list: 참석자: 1. 박서현
    r"(?:(?P<dept>[가-힣]{1,12}(?:팀|과|실|국|부|센터|본부|담당관|사업소|처|단))[ \t]+)?"
    r"(?P<named>[A-Za-z][A-Za-z.'\-]*(?:[ ][A-Za-z][A-Za-z.'\-]*){0,3}"
    r"|[가-힣]{1,6}(?:[ ](?!" + _LABEL_WORDS + r")[가-힣]{1,6}){0,2})",
)
_LATIN_WORD = re.compile(r"[A-Z][A-Za-z.'\-]*")
# A name written one syllable at a time (제안자 : 양 인 철).
_SYLLABLE_BY_SYLLABLE = re.compile(r"[가-힣](?: [가-힣]){2}(?![가-힣])")


def _judge_name_label(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    named, start = m["named"], m.start("named")
    pure = m["label"] in _PURE_NAME_LABELS or m["script"] is not None
    if named[0].isascii():
        words = named.split(" ")
        kept = []
        for word in words:
            if not _LATIN_WORD.fullmatch(word):
                break
            kept.append(word)
        if not kept or (len(kept) == 1 and not pure):
            return []
        length = len(" ".join(kept))
        return [(NAME, start, start + length, boost(0.85, NAME, ctx))]
    spaced = _SYLLABLE_BY_SYLLABLE.match(named)
    if spaced and name_shape(spaced[0].replace(" ", "")):
        return [(NAME, start, start + len(spaced[0]), boost(0.9, NAME, ctx))]  # 양 인 철
    words = named.split(" ")
    length = split_name(words[0])
    if m["label"] in _COLON_LABELS and length != 3:
        length = 0  # 대상자: 모범 공무원: a group's label, so a full name only
    if length and name_shape(words[0][:length]):
        return [(NAME, start, start + length, boost(0.9, NAME, ctx))]
    if len(words) > 1 and _role_word(words[0]):  # 대상자: 청소과 환경미화원 조용필
        length = split_name(words[1])
        if length == 3 and name_shape(words[1][:3]):
            at = start + len(words[0]) + 1
            return [(NAME, at, at + 3, boost(0.85, NAME, ctx))]
    if not pure or m["dept"]:
        return []
    # 성명(한글): 존 스미스 — a foreign name in Hangul: the words up to a title or the end.
    kept = []
    for word in words:
        if word in TITLES or word in NOT_NAMES or len(word) > 5:
            break
        kept.append(word)
    if not kept or (len(kept) == 1 and len(kept[0]) < 2):
        return []
    return [(NAME, start, start + len(" ".join(kept)), boost(0.8, NAME, ctx))]


def _role_word(word: str) -> bool:
    """A title or an occupation before a name (주무관, 환경미화원, 간호사)."""
    return word in TITLES or (len(word) >= 3 and word[-1] in "원관사장" and not name_shape(word))


# Text tables (| 1 | 홍길동 | 800101-… |): a cell under a 성명 column, or a name-shaped cell in
# a row that also holds a long number.
_NAME_TABLE_CELL = re.compile(r"(?<=\|)[ \t]*(?P<named>[가-힣]{2,4})[ \t]*(?=\|)")
_TABLE_HEADER_WORDS = ("성명", "이름", "성함", "name", "Name", "담당자", "신청인", "민원인")
_LONG_NUMBER = re.compile(r"\d{4}")


def _line_of(ctx: Context, at: int) -> tuple[int, int]:
    """Where the line holding position ``at`` of the cell starts and ends."""
    line_start = max(ctx.text.rfind("\n", ctx.lo, at) + 1, ctx.lo)
    line_end = ctx.text.find("\n", at, ctx.hi)
    return line_start, ctx.hi if line_end < 0 else line_end


def _judge_name_table(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    named, start = m["named"], m.start("named")
    text = ctx.text
    line_start, line_end = _line_of(ctx, start)
    headed = _headed_column(text, start, line_start, ctx.lo, "|")
    if headed and name_shape(named, given_check=False):
        return [(NAME, start, start + len(named), boost(0.9, NAME, ctx))]
    if name_shape(named) and _LONG_NUMBER.search(text, line_start, line_end):
        return [(NAME, start, start + len(named), 0.75)]
    title = _NEXT_CELL.match(text, m.end("named"), line_end)
    if name_shape(named) and title is not None and title[1] in _TITLE_SET:
        return [(NAME, start, start + len(named), 0.75)]  # | 권나연 | 주무관 |: a rank beside it
    return []


_NEXT_CELL = re.compile(r"[ \t]*\|[ \t]*([가-힣]{1,6})[ \t]*(?:\||$)")


def _headed_column(text: str, start: int, line_start: int, lo: int, separator: str) -> bool:
    """Whether a row above, in the same column of a text table, names the column 성명 …"""
    column = text.count(separator, line_start, start)
    position = line_start - 1
    while position > lo:  # header rows above, nearest first
        previous = text.rfind("\n", lo, position)
        cells = text[max(previous + 1, lo) : position].split(separator)
        if column < len(cells) and any(w in cells[column] for w in _TABLE_HEADER_WORDS):
            return True
        position = previous
    return False


# Tables written with spaces (성명 직급 발령사항 over 한소라 지방행정주사보 민원여권과): a
# header line with 성명 or 이름 as one of its words, and the lines under it.
_HEADER_LINE = re.compile(
    r"(?:^|(?<=[\n\x00]))[ \t]*(?:[^\s\x00]+[ \t]+){0,4}(?:성명|이름|성[ ]명)"
    r"(?:[ \t]+[^\s\x00]+){1,6}[ \t]*(?=\r?\n)"
)
_WORD = re.compile(r"[^\s\x00]+")
_ROWS_LIMIT = 200  # lines read under one header


def _judge_name_rows(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    header = m[0].replace("성 명", "성명").split()
    column = next(i for i, word in enumerate(header) if word in ("성명", "이름"))
    hits: list[Hit] = []
    position = m.end()
    for _ in range(_ROWS_LIMIT):
        if position >= ctx.hi or ctx.text[position] not in "\r\n":
            break
        position += 2 if ctx.text.startswith("\r\n", position) else 1
        line_end = ctx.text.find("\n", position, ctx.hi)
        line_end = ctx.hi if line_end < 0 else line_end
        words = list(_WORD.finditer(ctx.text, position, line_end))
        position = line_end
        if len(words) < 2:
            break  # a blank line or a closing word (끝.) ends the table
        if column < len(words):
            word = words[column]
            if name_shape(word[0]) and word[0] not in NOT_NAMES:
                hits.append((NAME, word.start(), word.end(), boost(0.85, NAME, ctx)))
    return hits


# Tables pasted from a spreadsheet, cells split by tabs (성명<TAB>주민등록번호 over
# 김영희<TAB>800101-…): a name or a Latin-script name in a column headed 성명.
_NAME_TAB_CELL = re.compile(
    r"(?:(?<=[\t\n\x00])|^)[ ]*(?P<named>[가-힣]{2,4}|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,3})"
    r"[ ]*(?=[\t\r\n\x00]|$)"
)
_TAB_HEADER = rf"(?:{NAME_HEADER})[ ]*\t|\t[ ]*(?:{NAME_HEADER})"


def _judge_name_tab(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    named, start = m["named"], m.start("named")
    text = ctx.text
    line_start, line_end = _line_of(ctx, start)
    if "\t" not in text[line_start:line_end]:
        return []
    if not _headed_column(text, start, line_start, ctx.lo, "\t"):
        return []
    if named[0].isascii() or name_shape(named, given_check=False):
        return [(NAME, start, start + len(named), boost(0.9, NAME, ctx))]
    return []


# A contact person after a department and before a phone number: 토목부 정문수(☏02-3708-
# 2588), 보도환경개선과 도형태(02-2133-8126). The form decides; the analysis often splits
# such a name into ordinary words (정문 + 수).
_DEPARTMENT = r"[가-힣](?:과|팀|부|실|센터|본부|담당관|사업소|소|단|처|국|청)"
_PHONE_NEXT = r"[ \t]?[(\[]?[ \t]*(?:[☏☎]|[Tt][Ee][Ll]\.?|전화)?[ \t]*[:.]?[ \t]*\d{2,4}[-)．.]"
_NAME_CONTACT = re.compile(
    _DEPARTMENT + r"[ \t](?P<named>[가-힣]{3,4})(?=" + _PHONE_NEXT + ")", ASCII
)
# Last syllables of an office or unit (민원실, 총무과, 전산직): the place to call, no person.
UNIT_END = "실과팀처직계"


def _judge_name_contact(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    named = m["named"]
    if named[-1] in UNIT_END or not name_shape(named):
        return []
    return [(NAME, m.start("named"), m.end(), boost(0.8, NAME, ctx))]


# A name in Latin letters after an English honorific or self-introduction: Sir Ian McKellen,
# Dr. Kim, Hello, I am Lila Nahyun Lim from Seoul.
_ENGLISH_HONORIFICS = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?"
_ENGLISH_SELF = r"(?:I am|I'm|[Mm]y name is)"
_NAME_ENGLISH = re.compile(
    r"(?<![A-Za-z])(?:(?P<title>" + _ENGLISH_HONORIFICS + r")|" + _ENGLISH_SELF + r")[ \t]+"
    r"(?P<named>[A-Z][A-Za-z'\-]+(?:[ \t][A-Z][A-Za-z'\-]+){0,3})"
)
# Words after "I am" that start no name (I am Korean, I am Writing …).
_NOT_ENGLISH_NAMES = frozenset(
    "A An The Korean Korea So Very Not Writing Sorry Happy Glad Here From In Living Working "
    "Student Teacher Mother Father Citizen Resident Seoul".split()
)


def _judge_name_english(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    words = m["named"].split()
    if words[0] in _NOT_ENGLISH_NAMES:
        return []
    if m["title"] is None and len(words) < 2:
        return []  # I am Minsu: too short to tell from a word
    return [(NAME, m.start("named"), m.end("named"), boost(0.85, NAME, ctx))]


# A name in Latin letters before a Korean title (DTU의 Svend Svendsen 교수님께서는): two or
# three capitalised words, none a word of places or bodies (Harvard University 교수).
_LATIN_NAME_WORDS = r"[A-Z][a-z'\-]+(?:[ \t][A-Z][a-z'\-]+){1,2}"
_KOREAN_TITLE_AFTER = (
    r"[ \t]?(?:교수|박사|기자|작가|감독|선수|대사|여사|씨|님|회장|의원|총리|대통령|장관)"
)
_LATIN_BEFORE_TITLE = _LATIN_NAME_WORDS + _KOREAN_TITLE_AFTER  # RE2 too: the prefilter
_NAME_LATIN_TITLE = re.compile(
    r"(?<![A-Za-z])(?P<named>" + _LATIN_NAME_WORDS + ")" + _KOREAN_TITLE_AFTER
)


def _judge_name_latin_title(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    if any(word.strip("'-") in _NOT_PERSON_LATIN for word in m["named"].split()):
        return []
    return [(NAME, m.start("named"), m.end("named"), boost(0.8, NAME, ctx))]


# A foreign name in Hangul with its Latin spelling in brackets: 윌리엄 이와트 (William Ewart),
# 이안 맥클랜 (Sir Ian McKellen). Both are the name when the words pair up one to one.
_NAME_TRANSLIT = re.compile(
    r"\([ \t]*(?:(?P<honorific>" + _ENGLISH_HONORIFICS + r")[ \t]+)?"
    r"(?P<latin>[A-Z][A-Za-z'\-]+(?:[ \t][A-Z][A-Za-z'\-]+){1,3})[ \t]*\)"
)
_HANGUL_WORDS_BEFORE = re.compile(r"(?:[가-힣]{1,6}[ \t])*[가-힣]{1,6}[ \t]*$")
# Latin words of places, bodies and works, not of people (Central Park, Seoul Museum).
_NOT_PERSON_LATIN = frozenset(
    "Park City Street Road Avenue Center Centre Museum Hall Station Tower Bridge Square Garden "
    "Gardens Gallery Library University College School Hospital Company Corporation Corp Inc "
    "Ltd Co Foundation Association Institute Korea Korean Seoul New Los San Santa Saint St Lake "
    "River Mountain Island Festival Award Awards Project Program Service System Market Mall "
    "Plaza Village Town Hotel Airport Line Bus Metro Art Arts Design Film Music Book News "
    "Times Post Day Week Year Game Games Cup League Club Team Party Ministry Department Office "
    "Council Committee Agency Bank Group The Of And For".split()
)
_HANGUL_BODY_END = tuple("시도군구동읍면리로길역관원회사단청처부국과당교대")
# Without an English honorific, a word for a person must stand near (… 라는 정치인이): a
# concept and its English (제로 웨이스트 (Zero Waste)) pairs up just as well.
_PERSON_NEAR = re.compile(
    "정치인|배우|작가|감독|교수|박사|저자|시인|화가|가수|선수|대통령|총리|장관|의원|대사|기자|"
    "선생|여사|회장|대표|사장|창업자|설립자|건축가|디자이너|학자|과학자|운동가|활동가|씨|님"
)


def _judge_name_translit(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    latin = m["latin"].split()
    if any(word.strip("'-") in _NOT_PERSON_LATIN for word in latin):
        return []
    run = _HANGUL_WORDS_BEFORE.search(ctx.text, max(ctx.lo, m.start() - 40), m.start())
    if run is None:
        return []
    words = run[0].split()
    korean = len(words[-1]) == 3 and name_shape(words[-1])
    if korean:  # 홍길동 (Hong Gil-dong)
        words = words[-1:]
    elif len(words) < len(latin):
        return []
    else:
        words = words[-len(latin) :]
    if any(word.endswith(_HANGUL_BODY_END) for word in words) and not korean:
        return []
    near = ctx.text[max(ctx.lo, run.start() - 12) : run.start()] + ctx.text[m.end() : m.end() + 12]
    if m["honorific"] is None and _PERSON_NEAR.search(near) is None:
        return []  # no honorific, no person word: 제로 웨이스트 (Zero Waste), 정동진 (Jeongdongjin)
    hangul = " ".join(words)
    end = run.start() + len(run[0].rstrip(" \t"))
    start = end - len(hangul)
    if ctx.text[start:end] != hangul:
        return []  # two spaces between the words: leave it
    return [
        (NAME, start, end, boost(0.85, NAME, ctx)),
        (NAME, m.start("latin"), m.end("latin"), boost(0.85, NAME, ctx)),
    ]


# A chat log pasted into a text (KakaoTalk: "[홍길동] [오후 8:50] 네"): the name in the first
# brackets is a participant's, whatever it looks like (a nickname too).
_NAME_CHAT = re.compile(r"\[(?P<named>[^\[\]\n]{1,20})\][ \t]*\[(?:오전|오후)[ \t]?\d{1,2}:\d{2}\]")


def _judge_name_chat(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    named = m["named"].strip()
    if not named or any(ch.isdigit() or ch == "@" for ch in named):
        return []  # a user ID (조이짱3213), not a name
    start = m.start("named") + m["named"].index(named)
    return [(NAME, start, start + len(named), boost(0.85, NAME, ctx))]


# An author cited with the year (윤지영. (2016). 논문 제목; 김철수·이영희(2019)): weak, so that
# the analysis keeps out a body (서울시. (2016)).
_NAME_CITED = re.compile(
    r"(?<![가-힣])(?P<run>[가-힣]{3})(?=(?:[ \t]*[,·][ \t]*[가-힣]{3})*[ \t]*(?:외[ \t]*)?\.?"
    r"[ \t]*\((?:19|20)\d{2}[a-z]?\))"
)


def _judge_name_cited(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    run = m["run"]
    if run in NOT_NAMES or run in _SIGUNGU_NAMES or not name_shape(run):
        return []
    return [(WEAK_NAME, m.start("run"), m.end("run"), 0.7)]


# --- the rules, in the order they run ---------------------------------------------------

NAME_RULES: tuple[Rule, ...] = (
    Rule(
        "name-label", frozenset({NAME}), r"[:：]", _NAME_LABEL, _judge_name_label,
    ),
    Rule(
        "name-table", frozenset({NAME}), r"\|[ \t]*[가-힣]{2,4}[ \t]*\|", _NAME_TABLE_CELL,
        _judge_name_table,
    ),
    Rule(
        "name-rows", frozenset({NAME}), r"(?:성명|이름|성 명)[ \t]", _HEADER_LINE,
        _judge_name_rows, gate=NAME_HEADER,
    ),
    Rule(
        "name-tab", frozenset({NAME}), _TAB_HEADER, _NAME_TAB_CELL, _judge_name_tab,
        gate=NAME_HEADER,
    ),
    Rule("name-title", frozenset({NAME}), alternation(TITLES), _NAME_TITLE, _judge_name_title),
    Rule(
        "name-contact", frozenset({NAME}), _DEPARTMENT + r"[ \t][가-힣]{3,4}" + _PHONE_NEXT,
        _NAME_CONTACT, _judge_name_contact,
    ),
    Rule("name-cue", frozenset({NAME}), alternation(NAME_CUES), _NAME_CUE, _judge_name_cue),
    Rule("name-profile", frozenset({NAME}), r"\(", _NAME_PROFILE, _judge_name_profile),
    Rule(
        "name-english", frozenset({NAME}), _ENGLISH_HONORIFICS + "|" + _ENGLISH_SELF,
        _NAME_ENGLISH, _judge_name_english, gate=LATIN,
    ),
    Rule(
        "name-latin-title", frozenset({NAME}), _LATIN_BEFORE_TITLE, _NAME_LATIN_TITLE,
        _judge_name_latin_title, gate=LATIN,
    ),
    Rule(
        "name-cited", frozenset({NAME}), r"\((?:19|20)\d\d[a-z]?\)", _NAME_CITED,
        _judge_name_cited, gate=DIGITS,
    ),
    Rule(
        "name-chat", frozenset({NAME}), r"\][ \t]*\[(?:오전|오후)", _NAME_CHAT, _judge_name_chat,
    ),
    Rule(
        "name-translit", frozenset({NAME}), r"\([ \t]*[A-Z][A-Za-z'\-]+[ \t]",
        _NAME_TRANSLIT, _judge_name_translit, gate=LATIN,
    ),
    Rule(
        "name-before", frozenset({NAME}),
        r"(?:입니다|이에요|예요|라고|라는|에게|한테|께|라 ?합니다)",
        _NAME_BEFORE, _judge_name_before,
    ),
    Rule(
        "name-opening", frozenset({NAME}), r"(?:^|[.!?(\[\n])\s?[가-힣]{3}(?:이|가|은|는|의|께)",
        _NAME_OPENING, _judge_name_opening,
    ),
    Rule(
        "name-closing", frozenset({NAME}),
        r"(?:\d[ \t]?일[ \t]|\d\.[ \t]|[.!?][ \t\n]*|[ \t]{2,}|\n[ \t]*)[가-힣]{3}[ \t\r\n\xa0]*$",
        _NAME_CLOSING,
        _judge_name_closing,
    ),
    Rule(
        "name-famous", frozenset({NAME}), "|".join(_FAMOUS_SPELLINGS),
        _NAME_FAMOUS, _judge_name_famous,
    ),
    Rule(
        "name-bare", frozenset({NAME}), "[" + "".join(sorted(COMMON_SURNAMES)) + "][가-힣]{2}",
        _NAME_BARE, _judge_name_bare, fallback=False,
    ),
    Rule(
        "name-column", frozenset({NAME}), r"[가-힣]", _NAME_WORD, _judge_name_word,
        hint_only=True, fallback=True,
    ),
)  # fmt: skip
