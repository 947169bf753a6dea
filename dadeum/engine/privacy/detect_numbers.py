"""Rules for numbers: 주민·외국인·법인등록번호, 사업자등록번호, 전화번호, 이메일, 카드번호,
계좌번호, 여권번호, 운전면허번호, 차량번호 and IP 주소."""

import ipaddress
import re

import phonenumbers

from dadeum.engine.identifiers import (  # the column-wise core of check_id_series
    VALID,
    _digit_codes,
    is_valid_brn,
    is_valid_crn,
)
from dadeum.engine.privacy.detect_base import (
    ACCOUNT,
    ACCOUNT_AFTER,
    ACCOUNT_CONTEXT,
    ASCII,
    BRN,
    CARD,
    CARD_WORDS,
    CONTEXT_WORDS,
    CRN,
    DIGITS,
    EDGE_AFTER,
    EDGE_BEFORE,
    EMAIL,
    FRN,
    IP,
    LICENCE,
    PASSPORT,
    PHONE,
    RESIDENT_ONLY_WORDS,
    RRN,
    VALID_CODES,
    VEHICLE,
    VERSION_PATTERN,
    Context,
    Hit,
    Rule,
    area_code,
    bank_account,
    boost,
    digits_of,
    near,
)
from dadeum.engine.privacy.detect_words import (
    ACCOUNT_WORDS,
    BANKS,
    CONTEXT,
    LICENCE_REGIONS,
    VEHICLE_REGIONS,
    VEHICLE_SYLLABLES,
    alternation,
)

# --- 주민·외국인·법인등록번호 (13 digits) -----------------------------------------------

# Separators: a dash (with spaces or a line break around it), a dot or a space.
_RESIDENT = re.compile(EDGE_BEFORE + r"(\d{6})(?:\s?[-.]\s?|\s)?(\d{7})" + EDGE_AFTER, ASCII)


def _resident_batch(matches: list[re.Match]) -> list[tuple[int, int]]:
    """(주민 code, 외국인 code) per match, from the vectorised validators."""
    numbers = [m[1] + m[2] for m in matches]
    rrn = _digit_codes(numbers, "rrn", False).tolist()
    frn = _digit_codes(numbers, "frn", False).tolist()
    return list(zip(rrn, frn, strict=True))


def _judge_resident(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    rrn, frn = info  # type: ignore[misc]
    start, end = m.span()
    said_crn = CRN in ctx.hint or near(CONTEXT_WORDS[CRN], ctx.before(start))
    if said_crn and not near(RESIDENT_ONLY_WORDS, ctx.before(start)):
        # Said to be a 법인등록번호: so it is, even when its check digit is off (0.6). Its
        # serial often starts with 0, so this comes before the 1800s rule below.
        confidence = 0.9 if is_valid_crn(m[1] + m[2]) else 0.6
        return [(CRN, start, end, boost(confidence, CRN, ctx))]
    if m[2][0] in "90":
        return []  # born in the 1800s: nobody alive, so no personal data (and mostly noise)
    if not ctx.hint & {RRN, FRN} and bank_account(ctx.before(start, 12)):
        return []  # 농협 7108252549982: an account number that happens to read as a date
    if rrn in VALID_CODES:
        confidence = 0.95 if rrn == VALID else 0.8  # 0.8: check digit off (new numbers)
        return [(RRN, start, end, boost(confidence, RRN, ctx))]
    if frn in VALID_CODES:
        confidence = 0.95 if frn == VALID else 0.8
        return [(FRN, start, end, boost(confidence, FRN, ctx))]
    # A wrong date in a column of 주민등록번호 is a mistyped number, still personal data.
    if RRN in ctx.hint or FRN in ctx.hint:
        kind = FRN if m[2][0] in "5678" or FRN in ctx.hint else RRN
        return [(kind, start, end, 0.6)]
    return []


# --- 사업자등록번호 ------------------------------------------------------------------------

_BRN = re.compile(
    EDGE_BEFORE + r"\d{3}(?:(?P<sep>\s?-\s?|[. ])\d{2}(?P=sep)\s?|\d{2})\d{5}" + EDGE_AFTER, ASCII
)


def _in_link(ctx: Context, start: int) -> bool:
    """Digits right after = or / (a link's query value or path: ?it_id=1398820637)."""
    return start > ctx.lo and ctx.text[start - 1] in "=/"


def _judge_brn(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    said = BRN in ctx.hint or near(CONTEXT_WORDS[BRN], ctx.before(start))
    if area_code(ctx.text, start, end) or _in_link(ctx, start):
        return []  # 사직동(1111053000): a 행정구역코드; item.php?it_id=1398820637
    if not is_valid_brn(digits_of(m[0])):
        # Said to be a 사업자등록번호 (123-45-67890): so it is, with a wrong check digit.
        return [(BRN, start, end, 0.6)] if said and m["sep"] else []
    if m["sep"]:
        return [(BRN, start, end, boost(0.9, BRN, ctx))]
    if said:
        return [(BRN, start, end, 0.85)]
    # Ten digits with a valid check digit and a 세무서 code (101-999): a 사업자등록번호 even
    # without a label (one random number in ten passes the check, so confidence is lower).
    return [(BRN, start, end, 0.7)] if m[0][0] != "0" else []


# --- 전화번호 -------------------------------------------------------------------------

# National prefixes without the 0 (mobile, Seoul, areas, internet, safe and toll-free numbers).
_PREFIX = r"1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[2-8]|80"
_PHONE = re.compile(
    r"(?<![0-9A-Za-z+])(?<!\d[-.])"
    r"(?:(?P<cc>\+\s?82|(?<![0-9])82)[\s\-.]?(?:\(0\)|0)?\s?|\(?0)"
    r"(?P<pre>" + _PREFIX + r")\)?[\s\-.]{0,2}"
    r"(?P<mid>\d{3,4})[\s\-.]{0,2}(?P<last>\d{4})" + EDGE_AFTER,
    ASCII,
)


def _judge_phone(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    pre, mid = m["pre"], m["mid"]
    if (pre == "70" and len(mid) != 4) or (pre == "80" and len(mid) != 3):
        return []  # as phonenumbers' metadata for Korea has it
    start, end = m.span()
    before = ctx.before(start, 12)
    if bank_account(before) and not near(CONTEXT_WORDS[PHONE], before):
        return []  # 토스뱅크 0502-8351-4434: an account number shaped like a phone number
    if m[0].startswith("(") and ")" not in m[0]:
        start += 1  # an opening bracket that belongs to the text
    separated = not m[0].isdigit()
    mobile = pre.startswith("1")
    if m["cc"] is None and not separated and not mobile:
        confidence = 0.8  # 0212345678: a landline without separators
    elif pre == "10" and len(mid) == 3:
        # 010-123-4567: some ranges were given out in the early 2000s; rare, so ask the
        # phonenumbers metadata which ones.
        if not _valid_korean_number("010" + mid + m["last"]):
            return []
        confidence = 0.8
    else:
        confidence = 0.95 if mobile else 0.9
    return [(PHONE, start, end, boost(confidence, PHONE, ctx))]


def _valid_korean_number(digits: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(digits, "KR"))


# A number in international form from another country (+49 30 8853 4035, +1 212-555-0100):
# a phone number when phonenumbers' metadata says that country gives it out.
_PHONE_ABROAD = re.compile(
    r"(?<![0-9A-Za-z+])\+(?!\s?82)\s?\d{1,3}(?:[\s\-.]?\(?\d{1,4}\)?){2,5}" + EDGE_AFTER, ASCII
)


def _judge_phone_abroad(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    try:
        number = phonenumbers.parse(m[0].rstrip(" -."), None)
    except phonenumbers.NumberParseException:
        return []
    if not phonenumbers.is_valid_number(number):
        return []
    start = m.start()
    return [(PHONE, start, start + len(m[0].rstrip(" -.")), boost(0.85, PHONE, ctx))]


# Right after a phone label, a number in any country's local grouping (Tel. 030 8853 4035):
# the label says what it is, though no metadata can check a number without its country.
_PHONE_LABELLED = re.compile(
    r"(?i:\b(?:tel|phone|fax)\b|전화|연락처|휴대폰|핸드폰|팩스|[☎☏])[.:)\s]{0,4}"
    r"(?P<number>\d{2,4}(?:[\s\-.]\d{3,4}){2}|(?P<local>\d{3,4}-\d{4}))" + EDGE_AFTER
)


def _judge_phone_labelled(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    # ☎2600-1234, 전화: 860-2345: a local number without its area code, right after the label
    if not (m["local"] or 9 <= len(digits_of(m["number"])) <= 12):
        return []
    return [(PHONE, m.start("number"), m.end("number"), 0.7)]


# In a phone column: numbers without an area code (123-4567) or without the leading zero
# Excel dropped (1012345678).
_PHONE_COLUMN = re.compile(
    EDGE_BEFORE
    + r"(?:1[016789][\s\-.]?\d{3,4}[\s\-.]?\d{4}|\d{3,4}[\s\-.]\d{4}|\d{7,8})"
    + EDGE_AFTER,
    ASCII,
)


def _judge_phone_column(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    return [(PHONE, start, end, 0.7)]


# Representative numbers (1588-1234): a business line, reported only next to a phone word.
_PHONE_SHARED = re.compile(EDGE_BEFORE + r"1[5-8]\d{2}[\s\-.]?\d{4}" + EDGE_AFTER, ASCII)


def _judge_phone_shared(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    if PHONE in ctx.hint or near(CONTEXT_WORDS[PHONE], ctx.before(start)):
        return [(PHONE, start, end, 0.6)]
    return []


# --- 이메일 ----------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)


def _judge_email(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    local = m[0].split("@", 1)[0]
    if ".." in local or local.endswith("."):
        return []
    start, end = m.span()
    return [(EMAIL, start, end, boost(0.95, EMAIL, ctx))]


# --- 카드번호 -------------------------------------------------------------------------

_CARD = re.compile(
    EDGE_BEFORE
    + r"(?:\d{4}(?P<s1>[\s\-]?)\d{4}(?P=s1)\d{4}(?P=s1)\d{4}|\d{4}(?P<s2>[\s\-]?)\d{6}(?P=s2)\d{5})"
    + EDGE_AFTER,
    ASCII,
)


def luhn(digits: str) -> bool:
    """The Luhn check every payment card number passes."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _judge_card(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    digits = digits_of(m[0])
    start, end = m.span()
    said = CARD in ctx.hint or near(CARD_WORDS, ctx.before(start))
    if digits[0] in "345769" and luhn(digits):
        return [(CARD, start, end, boost(0.95 if said else 0.9, CARD, ctx))]
    return [(CARD, start, end, 0.6)] if said else []  # 카드번호 1234-5678-9012-3456


# --- 계좌번호 -------------------------------------------------------------------------

_ACCOUNT = re.compile(
    r"(?<![0-9A-Za-z\-.,])(?:\d{2,6}(?:-\d{1,7}){1,4}|\d{9,16})(?![0-9A-Za-z,]|[-.]\d)", ASCII
)
_MONEY_AFTER = re.compile(r"\s?(?:원|만|억|천|달러|개|건|명|회|%|년|월|일)", ASCII)


def _judge_account(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    digits = digits_of(m[0])
    start, end = m.span()
    if _MONEY_AFTER.match(ctx.after(end)) or area_code(ctx.text, start, end):
        return []  # 부산광역시 중구 (2611000000): a 행정구역코드, 부산 no bank
    if _in_link(ctx, start):
        return []  # …&nh=20180909074146: a value in a link
    hinted = ACCOUNT in ctx.hint
    if not (hinted and 8 <= len(digits) <= 16) and not 10 <= len(digits) <= 14:
        return []
    if hinted:
        return [(ACCOUNT, start, end, 0.85)]
    if near(ACCOUNT_CONTEXT, ctx.before(start, 30)) or near(ACCOUNT_AFTER, ctx.after(end)):
        return [(ACCOUNT, start, end, 0.85)]
    return []


# --- 여권번호 -------------------------------------------------------------------------

_PASSPORT = re.compile(
    EDGE_BEFORE + r"(?:[MSRGDO](?:\d{8}|\d{3}[A-Z]\d{4})|(?P<old>[A-Z]{2}\d{7})"
    r"|(?P<foreign>[A-Z]{1,2}\d{6,8}))(?![0-9A-Za-z])",
    ASCII,
)
_DATE_DIGITS = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])", ASCII)


def _judge_passport(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    if PASSPORT in ctx.hint or near(CONTEXT_WORDS[PASSPORT], ctx.before(start)):
        return [(PASSPORT, start, end, 0.95)]
    if m["old"] or m["foreign"]:
        # JR1234567 (before 2008), C1234567 (a foreign passport): too much like other codes
        # without the word 여권
        return []
    if _DATE_DIGITS.fullmatch(m[0][1:]):
        return []  # S20230305: a code with a date in it
    return [(PASSPORT, start, end, 0.7)]


# --- 운전면허번호 ---------------------------------------------------------------------

_LICENCE = re.compile(
    r"(?:" + EDGE_BEFORE + r"(?:1[1-9]|2[0-68])(?P<sep>[\s\-.]?)\d{2}(?P=sep)"
    r"|(?<![가-힣])(?:" + alternation(LICENCE_REGIONS) + r")\s?\d{2}(?P<sep2>[\s\-.]?))"
    r"\d{6}(?(sep)(?P=sep)|(?P=sep2))\s?\d{2}" + EDGE_AFTER,
    ASCII,
)  # fmt: skip


def _judge_licence(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    if m["sep"] or m["sep2"]:
        return [(LICENCE, start, end, boost(0.9, LICENCE, ctx))]
    if LICENCE in ctx.hint or near(CONTEXT_WORDS[LICENCE], ctx.before(start)):
        return [(LICENCE, start, end, 0.85)]
    return []


# --- 차량번호 -------------------------------------------------------------------------

_VEHICLE = re.compile(
    r"(?:(?<![가-힣])(?:" + alternation(VEHICLE_REGIONS) + r")\s?)?" + EDGE_BEFORE
    + r"\d{2,3}\s?[" + VEHICLE_SYLLABLES + r"]\s?\d{4}" + EDGE_AFTER,
    ASCII,
)  # fmt: skip
_AMOUNT_UNIT = re.compile(r"\s?(?:억|만|천|원|조)", ASCII)


def _judge_vehicle(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    start, end = m.span()
    if _AMOUNT_UNIT.match(ctx.after(end)) or ctx.before(start, 1) == "제":
        return []  # 12조 3456억원, 제12조
    said = VEHICLE in ctx.hint or near(CONTEXT_WORDS[VEHICLE], ctx.before(start, 15))
    return [(VEHICLE, start, end, 0.95 if said else 0.85)]


# --- IP 주소 --------------------------------------------------------------------------

_IP = re.compile(
    r"(?<![0-9A-Za-z.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9A-Za-z]|\.\d)"
    r"|(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])",
    ASCII,
)


def _judge_ip(m: re.Match, ctx: Context, info: object = None) -> list[Hit]:
    text, (start, end) = m[0], m.span()
    if near(VERSION_PATTERN, ctx.before(start, 12)):
        return []
    if "." in text:
        after = ctx.text[end : end + 2]
        if after == "가동" or (
            after[:1] == "가" and start > ctx.lo and "가" <= ctx.text[start - 1] <= "힣"
        ):
            return []  # 종로1.2.3.4가동: the 가 (streets) of a 동's name
        octets = text.split(".")
        if all(len(octet) == 1 for octet in octets):
            return []  # 1.2.3.4, 6.7.8.9 호선: a list of numbers (and 8.8.8.8 is no one's)
        if any(len(o) > 1 and o[0] == "0" for o in octets) or any(int(o) > 255 for o in octets):
            return []
    else:
        groups = text.split(":")
        if "::" not in text and len(groups) != 8:
            return []
        if all(g.isdigit() and len(g) <= 2 for g in groups if g):
            return []  # 12:30:45, a time
        try:
            ipaddress.IPv6Address(text)
        except ValueError:
            return []
        if sum(1 for g in groups if g) < 2:
            return []
    return [(IP, start, end, boost(0.9, IP, ctx))]


# --- the rules, in the order they run ---------------------------------------------------

_SEP = r"[\s\-.]{0,3}"
NUMBER_RULES: tuple[Rule, ...] = (
    Rule("email", frozenset({EMAIL}), "@", _EMAIL, _judge_email),
    Rule(
        "resident", frozenset({RRN, FRN, CRN}), r"\d{6}" + _SEP + r"\d{7}", _RESIDENT,
        _judge_resident, batch=_resident_batch, gate=DIGITS,
    ),
    Rule(
        "card", frozenset({CARD}), r"\d{4}[\s\-]?\d{4}[\s\-]?\d{4}[\s\-]?\d{3}", _CARD,
        _judge_card, gate=DIGITS,
    ),
    Rule(
        "licence", frozenset({LICENCE}), r"\d{2}[\s\-.]?\d{6}[\s\-.]{0,2}\d{2}", _LICENCE,
        _judge_licence, gate=DIGITS,
    ),
    Rule(
        "brn", frozenset({BRN}), r"\d{3}" + _SEP + r"\d{2}" + _SEP + r"\d{5}", _BRN, _judge_brn,
        gate=DIGITS,
    ),
    Rule(
        "passport", frozenset({PASSPORT}), r"[A-Z][0-9A-Z]\d{2}[0-9A-Z]\d{4}|[A-Z]\d{6}", _PASSPORT,
        _judge_passport, gate=DIGITS,
    ),
    Rule(
        "phone", frozenset({PHONE}),
        r"(?:0|82)[\s\-.)(]{0,3}\d{1,3}[\s\-.)]{0,3}\d{3,4}[\s\-.]{0,3}\d{4}", _PHONE,
        _judge_phone, gate=DIGITS,
    ),
    Rule(
        "phone-abroad", frozenset({PHONE}), r"\+\s?\d{1,3}[\s\-.(]?\d", _PHONE_ABROAD,
        _judge_phone_abroad, gate=DIGITS,
    ),
    Rule(
        "phone-labelled", frozenset({PHONE}),
        r"\d{2,4}[\s\-.]\d{3,4}[\s\-.]\d{3,4}|\d{3,4}-\d{4}",
        _PHONE_LABELLED, _judge_phone_labelled, context="(?i)" + alternation(CONTEXT[PHONE]),
        gate=DIGITS,
    ),
    Rule(
        "phone-column", frozenset({PHONE}), None, _PHONE_COLUMN, _judge_phone_column,
        hint_only=True, fallback=True, gate=DIGITS,
    ),
    Rule(
        "phone-shared", frozenset({PHONE}), r"1[5-8]\d{2}[\s\-.]?\d{4}", _PHONE_SHARED,
        _judge_phone_shared, context="(?i)" + alternation(CONTEXT[PHONE]), gate=DIGITS,
    ),
    Rule(
        "account", frozenset({ACCOUNT}), r"\d{2,6}-\d|\d{9}", _ACCOUNT, _judge_account,
        context="(?i)" + alternation(BANKS + ACCOUNT_WORDS), gate=DIGITS,
    ),
    Rule(
        "ip", frozenset({IP}), r"\d\.\d{1,3}\.\d{1,3}\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:", _IP,
        _judge_ip,
    ),
    Rule(
        "vehicle", frozenset({VEHICLE}), r"\d{2}\s?[가-힣]\s?\d{4}", _VEHICLE, _judge_vehicle,
        gate=DIGITS,
    ),
)  # fmt: skip
