"""The patterns that recognise dates: one per format family, the tail after the date
(weekday, time, provisional mark), and the few Python ``re`` patterns for leftovers.

Kept apart because the patterns are the grammar of what counts as a date: they are read
and changed on their own, and the same text must mean the same in RE2 (pyarrow) and ``re``.
"""

import re

# The pattern. Input is cleaned and lower-cased first, so only plain spaces and lower-case
# Latin letters occur. [0-9] rather than \d: the same pattern must mean the same in RE2 and re.
_Y = r"[0-9]{4}|[0-9]{2}"
_QUARTER = (
    rf"(?P<q_ap>')?(?P<q_y>{_Y}) *(?P<q_s>년도?|\.)? *(?:제 *)?"
    r"(?P<q_n>[1-4]) *(?:/ *4 *(?:분기)?|사?분기|q)"
    rf"|(?P<q_ap2>')?(?P<q_y2>{_Y}) *(?P<q_s2>년도?|[./-])? *q *(?P<q_n2>[1-4]) *(?:분기)?"
)
_HALF = (
    rf"(?P<h_ap>')?(?P<h_y>{_Y}) *(?:(?P<h_s>년도?|[./-])? *"
    r"(?:(?P<h_k>상|하|전|후) *반기|(?P<h_n>[12]) *h|h *(?P<h_n2>[12]))"
    # KOSIS writes halves like quarters: 2023.1/2, 2023 2/2 (never after "/": 2023/1/2 is
    # 2 January).
    r"|(?P<h_s3>년도?|[.-])? *(?P<h_n3>[12]) */ *2 *(?:반기)?)"
)
_YMD = (
    rf"(?P<a_ap>')?(?P<a_y>{_Y}) *(?P<a_s>[./-]|년) *(?P<a_m>[0-9]{{1,2}}) *(?P<a_s2>[./-]|월) *"
    r"(?P<a_d>[0-9]{1,2})(?: *일| *\.)?"
)
_COMPACT = (
    r"'?(?P<c_y>[0-9]{4})(?P<c_m>[0-9]{2})(?P<c_d>[0-9]{2})(?: *t? *(?P<c_t>[0-9]{6}|[0-9]{4}))?"
)
_YEAR_LAST = (
    r"(?P<l_a>[0-9]{1,2}) *(?P<l_s>[./-]) *(?P<l_b>[0-9]{1,2}) *[./-] *(?P<l_y>[0-9]{4}) *\.?"
)
_MONTH = rf"(?P<p_ap>')?(?P<p_y>{_Y}) *(?P<p_s>[./-]|년도?) *(?P<p_m>[0-9]{{1,2}}) *(?:월|\.)?"
# 회계연도: the Korean government's fiscal year is the calendar year (국가재정법 제2조).
_YEAR = rf"(?P<y_ap>')?(?P<y_y>{_Y}) *(?:년 *(?P<y_do>도)?|(?P<y_fy>회계 *연도))"
_MONTH_DAY = r"(?P<m_m>[0-9]{1,2}) *(?:[./-]|월) *(?P<m_d>[0-9]{1,2}) *(?:일)?"
_NUMBER = r"(?P<n_v>[0-9]+(?:\.[0-9]+)?)"
# Tried in this order; the first family whose pattern matches the whole text wins, so the
# order matters (``2017.1/4`` is a quarter before it is a date). The tail never starts with a
# digit, which stops ``05/03/2023`` from reading as 2005-03-20 followed by "23". Each family
# is its own small pattern: RE2 tells which texts match one almost for free, while pulling out
# the groups of one big alternation costs ten times as much.
_TAIL_GROUP = r"(?P<tail>(?:[^0-9].*)?)"
_FAMILIES = [
    (name, f"^ *(?:{pattern}){_TAIL_GROUP}$")
    for name, pattern in [
        ("quarter", _QUARTER),
        ("half", _HALF),
        ("ymd", _YMD),
        ("compact", _COMPACT),
        ("year_last", _YEAR_LAST),
        ("month", _MONTH),
        ("year", _YEAR),
        ("month_day", _MONTH_DAY),
        ("number", _NUMBER),
    ]
]

_WEEKDAY = (
    r"[월화수목금토일](?: *요일)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?"
    r"|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)
_AMPM = r"오전|오후|am|pm|a\.m\.|p\.m\."
_MARK = r"\( *(?:p|e|잠정치?|추정치?|예비) *\)|(?:p|e) *\)|p|e|잠정치?|추정치?"
_TAIL = (
    rf"^ *\.? *,? *(?:\( *(?P<w1>{_WEEKDAY}) *\)|(?P<w1b>{_WEEKDAY}|요일))? *,? *(?:t *)?"
    rf"(?:(?P<ap1>{_AMPM}) *)?"
    r"(?:(?P<h>[0-9]{1,2}) *(?::|시) *"
    r"(?:(?P<mi>[0-9]{1,2}) *(?::|분)? *(?:(?P<s>[0-9]{1,2}(?:\.[0-9]+)?) *초?)?"
    r"|(?P<half>반))?)?"
    rf" *(?P<ap2>{_AMPM})? *(?:z|utc|kst|[+-][0-9]{{2}}(?::?[0-9]{{2}})?)?"
    rf" *(?:\( *(?P<w2>{_WEEKDAY}) *\)|(?P<w2b>{_WEEKDAY}))? *(?P<mark>{_MARK})? *$"
)

# Characters clean_text leaves alone that still need mapping: curly apostrophes and the
# middle dot some documents use between date parts.
_EXTRA = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "′": "'", "·": ".", "ㆍ": "."})
# Text whose every character is printable ASCII or a Hangul syllable needs no cleaning.
_NEEDS_CLEANING = "[^ -~가-힣]"

# Symbols that Korean statistics tables put where there is no value: blank, with a reason.
_PLACEHOLDERS = frozenset(
    {"-", "--", "―", "—", "–", "…", "...", "..", ".", "x", "n/a", "na", "해당없음", "없음",
     "미정", "미상", "비공개"}
)  # fmt: skip

_ENGLISH_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH_NAME = "|".join(sorted(_ENGLISH_MONTHS, key=len, reverse=True))
_ENGLISH_DATES = [
    (re.compile(rf"^([0-9]{{1,2}})[ -]?({_MONTH_NAME})\.?[ ,-]*([0-9]{{4}})$"), (3, 2, 1)),
    (
        re.compile(rf"^({_MONTH_NAME})\.?[ -]?([0-9]{{1,2}})(?:st|nd|rd|th)?,?[ -]*([0-9]{{4}})$"),
        (3, 1, 2),
    ),
    (re.compile(rf"^([0-9]{{4}})[ -]({_MONTH_NAME})\.?[ -]([0-9]{{1,2}})$"), (1, 2, 3)),
]
# A bare year is a count, but not with a statistics mark after it: "2023 p)".
_YEAR_WITH_MARK = re.compile(rf"^([0-9]{{4}}) *(?:{_MARK})$")
_TIME_ONLY = re.compile(rf"^(?:{_AMPM})? *[0-9]{{1,2}} *(?::|시)")
