"""Rules for addresses: 도로명 (세종대로 110) and 지번 (역삼동 737-1), led by a 시도 or
시군구 from the 시군구 table in free text, or alone in an address column."""

import re

from dadeum.engine.addresses import _SIDO_ALIASES, _index
from dadeum.engine.privacy.detect_base import (
    ADDRESS,
    ASCII,
    Context,
    Hit,
    Rule,
    boost,
)
from dadeum.engine.privacy.detect_words import alternation


def _address_patterns() -> tuple[re.Pattern, re.Pattern, str, str]:
    names = [*_SIDO_ALIASES, *_index().by_name]
    place = alternation(names)
    # A short form (서울, 세종, 경기) runs into the next word only when written in full:
    # 세종대로 is a street in Seoul, not 세종 + 대로.
    full = alternation(name for name in names if name[-1] in "시도군구")
    short = alternation(name for name in names if name[-1] not in "시도군구")
    next_place = r"(?:" + full + r"|" + short + r"(?=\s))"
    road = (
        r"(?P<road>[가-힣0-9·.]{0,12}[가-힣0-9](?:대로|로|길)"
        r"(?:\s?\d{1,4}(?:번)?[가-힣]?길)?)\s?(?P<rnum>(?:지하\s?)?\d{1,5}(?:-\d{1,5})?)"
    )
    lot = (
        r"(?P<dong>[가-힣0-9]{0,8}[가-힣](?:동|리|가)\d?(?:가)?)\s?"
        r"(?P<lnum>(?:산\s?)?\d{1,5}(?:-\d{1,5})?)"
    )
    # 서울특별시 강남구 역삼동: no number, accepted after a 시도 and a 시군구 (see the judge).
    area = r"(?P<area>[가-힣]{1,8}(?:동|읍|면|리|로|길))(?=[^가-힣]|[은는이가의에도]|에서|$)"
    detail = (
        r"(?:번지)?(?P<detail>(?:\s?,?\s?(?:[가-힣A-Za-z0-9]{1,15}(?:아파트|빌라|맨션|타운|"
        r"오피스텔|빌딩|타워|주택|하이츠|APT))?\s?\d{1,4}\s?동\s?\d{1,5}\s?호"
        r"|\s?,?\s?\d{1,5}\s?호|\s?,?\s?(?:지하\s?)?\d{1,3}\s?층"
        r"|\s?\((?:[가-힣0-9·.,\s]{1,30})\))*)"
    )
    after = r"(?![0-9]|-\d)"
    town = r"(?:[가-힣]{1,6}[읍면]\s?)?"
    # Free text: a 시도 or 시군구 leads (else 도로 3 would be an address). The pattern starts
    # with the place names themselves, so Python's engine skips other positions quickly; the
    # judge checks that no Hangul comes right before.
    strict = re.compile(
        r"(?P<head>(?:" + place + r")(?:\s?" + next_place + r"){0,2}\s?" + town + r")"
        r"(?:" + road + "|" + lot + "|" + area + ")" + detail + after,
        ASCII,
    )
    # In an address column the street alone is enough: 세종대로 110.
    loose = re.compile(
        r"(?<![가-힣0-9])(?P<head>(?:" + next_place + r"\s?){0,3}" + town + r")"
        r"(?:" + road + "|" + lot + ")" + detail + after,
        ASCII,
    )
    # The same, for a cell that is one address and nothing else, in RE2 (no look-arounds):
    # most cells of an address column, settled without the Python regex.
    whole_place = r"(?:" + full + r"\s?|" + short + r"\s)"
    whole = (
        r"^" + whole_place + r"(?:" + whole_place + r"){0,2}" + town
        + r"(?:[0-9·.]{0,12}[가-힣][가-힣0-9·.]{0,12}(?:대로|로|길)(?:\s?\d{1,4}(?:번)?[가-힣]?길)?"
        r"\s?(?:지하\s?)?\d{1,5}(?:-\d{1,5})?"
        r"|[가-힣0-9]{0,8}[가-힣](?:동|리|가)\d?(?:가)?\s?(?:산\s?)?\d{1,5}(?:-\d{1,5})?)"
        + detail.replace("?P<detail>", "") + "$"
    )  # fmt: skip
    return strict, loose, place, whole


_ADDRESS, _ADDRESS_LOOSE, _PLACE, ADDRESS_WHOLE = _address_patterns()
_PLACE_WORD = re.compile(_PLACE)
_HANGUL_BEFORE_ROAD = re.compile("[가-힣].*(?:로|길)")
# 주소: 효자동1가 949 — after these words a street alone is an address, as in an address column.
_ADDRESS_CUE = re.compile(
    r"(?:주소지?|거주지|소재지|주거지|위치|현주소)(?:는|은|가|이)?\s*[:：]?\s*(?=[가-힣0-9])", ASCII
)


def _judge_address_cue(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    found = _ADDRESS_LOOSE.match(ctx.text, m.end(), ctx.hi)
    if found is None:
        return []
    hits = _judge_address(found, ctx)
    return [(kind, start, end, max(confidence, 0.8)) for kind, start, end, confidence in hits]


_DONG_GOES_ON = re.compile(r"(?:[.·]\d+)*가?동(?![가-힣])|[.·][가-힣]{1,6}동(?![가-힣])")
_GLUED_END = re.compile(r"[가-힣]\d*$")  # 종로1, 불로: no space before the number
_GA_LOT = re.compile(r"가[ \t]?(?:산[ \t]?)?\d{1,5}(?:-\d{1,5})?(?![0-9])")
_AREA_CODE_IN = re.compile(r"\([ \t]*\d{10}[ \t]*\)")


def _judge_address(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    if start > ctx.lo and "가" <= ctx.text[start - 1] <= "힣":
        return []  # a place name inside a longer word
    if _GLUED_END.search(m[0]) and _DONG_GOES_ON.match(ctx.text, end, ctx.hi):
        return []  # 종로1.2.3.4가동, 평리1동, 불로.봉무동: a 동's name, no road and number
    lot = _GA_LOT.match(ctx.text, end, ctx.hi)
    if lot is not None:
        end = lot.end()  # 종로1가 45-2: the 법정동 종로1가 and its lot number
    head = m["head"] or ""
    first = _PLACE_WORD.match(head)
    if (
        first
        and first[0][-1] not in "시도군구"
        and not head[first.end() : first.end() + 1].isspace()
    ):
        return []  # 세종대로 110: see next_place in _address_patterns
    road = m["road"]
    if road is not None and not _HANGUL_BEFORE_ROAD.search(road):
        return []  # 12로 3: digits are no street name
    if m.re is _ADDRESS and m["area"] is not None:
        if len(_PLACE_WORD.findall(head)) < 2 or _AREA_CODE_IN.search(
            ctx.text, start, min(ctx.hi, end + 24)
        ):
            return []  # 청운효자동(1111051500): a statistics table's row, coded, no one's home
        return [(ADDRESS, start, end, 0.6)]
    confidence = 0.9 if head.strip() else 0.75
    return [(ADDRESS, start, end, boost(confidence, ADDRESS, ctx))]


# 방배동 2909번지, 정릉동227-29번지 501호: a lot number with 번지 is an address even
# with no 시군구 before it, as citizens write their own in a 민원.
_LOT_ADDRESS = re.compile(
    r"(?<![가-힣0-9])[가-힣]{0,7}[가-힣](?:동|리|가)\d?(?:가)?\s?(?:산\s?)?\d{1,5}(?:-\d{1,5})?"
    r"\s?번지(?:\s?,?\s?(?:\d{1,4}\s?동\s?)?\d{1,5}\s?호)?",
    ASCII,
)


def _whole_match(confidence: float):
    """A judge taking the whole match for an address (the pattern says all there is)."""

    def judge(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
        return [(ADDRESS, m.start(), m.end(), boost(confidence, ADDRESS, ctx))]

    return judge


# 래미안아파트 101동 1203호, 신청자 : 3동 201호 김미화: a home's building and unit number.
_UNIT_ADDRESS = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:[가-힣A-Za-z0-9]{0,12}(?:아파트|빌라|맨션|오피스텔|APT)\s?)?"
    r"\d{1,4}\s?동\s?\d{1,5}\s?호(?![실선차째기점])",  # not 호실, 호선, 호차 …
    ASCII,
)


# --- the rules, in the order they run ---------------------------------------------------

PLACE_RULES: tuple[Rule, ...] = (
    Rule("address", frozenset({ADDRESS}), _PLACE, _ADDRESS, _judge_address),
    Rule(
        "address-cue", frozenset({ADDRESS}), r"(?:주소|거주지|소재지|주거지|위치)", _ADDRESS_CUE,
        _judge_address_cue,
    ),
    Rule(
        "address-lot", frozenset({ADDRESS}), r"\d[ \t]?번지", _LOT_ADDRESS, _whole_match(0.8),
    ),
    Rule(
        "address-unit", frozenset({ADDRESS}), r"\d[ \t]?동[ \t]?\d{1,5}[ \t]?호",
        _UNIT_ADDRESS, _whole_match(0.7),
    ),
    Rule(
        "address-column", frozenset({ADDRESS}), r"[가-힣]", _ADDRESS_LOOSE, _judge_address,
        hint_only=True, fallback=True,
    ),
)  # fmt: skip
