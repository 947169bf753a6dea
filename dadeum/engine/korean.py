"""Korean text helpers for messages: particles that agree with the word before them."""

# Final-consonant status of digits and Latin letters as Koreans read them aloud
# (일, 이, 삼 …; 엘, 엠, 엔, 알 end in a consonant).
_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False,
                    "6": True, "7": True, "8": True, "9": False}  # fmt: skip
_LATIN_HAS_FINAL = set("lmnrLMNR")
_PAIRS = {"을/를", "이/가", "은/는", "과/와", "으로/로", "이라는/라는", "이에요/예요", "아/야"}


def has_final_consonant(word: str) -> bool:
    """True when the last sound of ``word`` ends in a consonant (받침)."""
    word = word.strip()
    # English words read as Koreans say them: a silent final e after a consonant
    # (Male → 메일, Table → 테이블) leaves that consonant last.
    if len(word) > 2 and word[-1] in "eE" and word[-2].isalpha() and word[-2] not in "aeiouAEIOU":
        word = word[:-1]
    for char in reversed(word):
        if "가" <= char <= "힣":
            return (ord(char) - 0xAC00) % 28 != 0
        if char in _DIGIT_HAS_FINAL:
            return _DIGIT_HAS_FINAL[char]
        if char.isalpha():
            return char in _LATIN_HAS_FINAL
    return False


def _final_is_rieul(word: str) -> bool:
    for char in reversed(word.strip()):
        if "가" <= char <= "힣":
            return (ord(char) - 0xAC00) % 28 == 8
        if char.isalnum():
            return char in "178lLrR"
    return False


def josa(word: object, pair: str) -> str:
    """``word`` followed by the right form of a particle pair.

    >>> josa("합계", "을/를"), josa("소계", "을/를"), josa("서울", "으로/로"), josa("2023", "이/가")
    ('합계를', '소계를', '서울로', '2023이')
    """
    if pair not in _PAIRS:
        raise ValueError(f"unknown particle pair {pair!r}")
    text = str(word)
    with_final, without_final = pair.split("/")
    if pair == "으로/로" and _final_is_rieul(text):
        return text + "로"
    return text + (with_final if has_final_consonant(text) else without_final)


def quoted(word: object, pair: str) -> str:
    """``'word'`` in quotes with the particle: quoted("합계", "을/를") → "'합계'를"."""
    suffix = josa(word, pair)[len(str(word)) :]
    return f"'{word}'{suffix}"
