"""The patterns of the vectorised pass and the result codes it answers with.

Kept apart because the patterns are the grammar of what counts as a number (RE2 for
pyarrow, plus the Python ``re`` patterns for prefixes and suffixes), read and changed on
their own.
"""

import re

from dadeum.engine.numbers._vocabulary import _SIGNS, PREFIXES, UNITS

# RE2 syntax for pyarrow, except _PREFIX and _SUFFIX (Python re, run once per distinct piece).

_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+"
_NUMBER = rf"^(?:{_NUM})$"
# Plain numbers, the bulk of any column: one regex test and one cast.
_PLAIN = r"^[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$"
# What is left between the prefix and the unit, without magnitude words: grouped by commas,
# by spaces in threes, or not at all.
_NUMBODY = r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?$"
_SCIENTIFIC = r"^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]{1,3}$"
# Korean magnitude grammar: [..조] [..억] [..만] [..], each block [..천] [..백] [..십] [..].
# Checked with one match (no captures, so RE2 runs it as a fast DFA); the values are then cut
# out with literal splits.
_BLOCK = (
    rf"(?:(?:(?:{_NUM}) ?)?천 ?)?(?:(?:(?:{_NUM}) ?)?백 ?)?(?:(?:(?:{_NUM}) ?)?십 ?)?(?:{_NUM})?"
)
_MAGNITUDE = rf"^(?:{_BLOCK} ?조 ?)?(?:{_BLOCK} ?억 ?)?(?:{_BLOCK} ?만 ?)?{_BLOCK}$"
# Powers of ten of the words, in the order they are written ("" is the block after the last).
_BIG_WORDS = {"조": 12, "억": 8, "만": 4, "": 0}
_SMALL_WORDS = {"천": 3, "백": 2, "십": 1, "": 0}

# A number's trimmings come off with character-set trims (fast); the few distinct prefixes
# and suffixes that come off are then read with these.
# Marks that follow a figure without changing it: footnotes (``*``, ``¹⁾``) and the KOSIS
# marks for provisional or estimated figures (``p``, ``p)``, ``(p)``, ``e)``, ``(잠정)``).
_NOTE = (
    r"\*+|[pPeE] ?\)|\( ?[pPeE] ?\)|[pP]|\( ?(?:잠정|추정|예비)치? ?\)|(?:잠정|추정)치?"
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?"
)
_PREFIX_CHARS = "".join(sorted(set("".join(PREFIXES) + "".join(_SIGNS) + "(' ")))
_SUFFIX_CHARS = "".join(sorted(set("".join(UNITS) + "-*pPeE() 잠정추예비치¹²³⁴⁵⁶⁷⁸⁹⁰⁾")))
# A leading apostrophe is how system exports (and Excel users) force a cell to stay text.
_PREFIX = re.compile(
    r"(?:' ?)? *(?P<open>\( ?)?(?P<s1>[" + re.escape("".join(_SIGNS)) + r"] ?)?"
    r"(?P<pre>(?:" + "|".join(re.escape(p) for p in PREFIXES) + r") ?)?"
    r"(?P<s2>[-+−] ?)?"
)
_SUFFIX = re.compile(
    r"(?: ?(?P<s3>-))? ?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    + rf")?(?: ?(?:{_NOTE}))?(?P<close> ?\))?(?: ?(?:{_NOTE}))? *"
)

# What _quick_clean fixes: full-width digits and signs, and runs of odd spaces.
_FULL_WIDTH = "０１２３４５６７８９，．－＋％（）"
_SPACE_RUN = (
    "[\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]+"
)
_NEEDS_QUICK_CLEAN = (
    "[" + _FULL_WIDTH + "\t\n\v\f\r\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    "|^ | $|  |m[23]$"
)

# Result codes of the vectorised pass; anything but OK is explained in Korean afterwards.
(OK, UNREADABLE, AMBIGUOUS, MISPLACED, OVERFLOW, TOO_LONG, PHONE, UNIT_ONLY, DOUBLE_SIGN,
 BRACKETS) = range(10)  # fmt: skip

# Excel keeps 15 significant digits; longer integers (account or card numbers) lose digits.
_EXCEL_DIGITS = 15
