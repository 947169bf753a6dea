"""The distinct texts the vectorised pass could not read, one at a time: statistical
symbols, Hangul numerals in sums of money (``일금 일백만원정``), and a short Korean reason for
everything else.

Kept apart because this is slow, careful Python on the few texts left over, and the place
where the wording of every reason lives.
"""

import re
from typing import Any

import numpy as np
import pyarrow as pa

from dadeum.engine.cells import CellError, Placeholder
from dadeum.engine.numbers._parse import _parse
from dadeum.engine.numbers._patterns import (
    AMBIGUOUS,
    BRACKETS,
    DOUBLE_SIGN,
    MISPLACED,
    OK,
    OVERFLOW,
    PHONE,
    TOO_LONG,
    UNIT_ONLY,
)
from dadeum.engine.numbers._vocabulary import _EXCEL_ERRORS, PLACEHOLDERS
from dadeum.engine.text import clean_text


def _settle(texts: list[str], codes: np.ndarray) -> list[Any]:
    """The distinct texts the vectorised pass did not read: clean them, recognise symbols and
    Hangul numerals, read again what changed, and explain the rest."""
    results: list[Any] = [None] * len(texts)
    retry: list[tuple[int, str]] = []
    for i, (text, code) in enumerate(zip(texts, codes.tolist(), strict=True)):
        cleaned = clean_text(text)
        if not cleaned:
            continue
        meaning = PLACEHOLDERS.get(cleaned.replace(" ", "").lower())
        if meaning is not None:
            results[i] = Placeholder(_placeholder_reason(cleaned, meaning))
            continue
        candidate = _hangul_numerals(cleaned) or cleaned
        if candidate != text:
            retry.append((i, candidate))
        else:
            results[i] = CellError(_reason(code, cleaned))
    if retry:
        again = pa.array([candidate for _, candidate in retry], type=pa.large_string())
        numbers_, codes_again = _parse(again)
        outcomes = zip(retry, numbers_.tolist(), codes_again.tolist(), strict=True)
        for (i, _), number, code in outcomes:
            results[i] = number if code == OK else CellError(_reason(code, clean_text(texts[i])))
    return results


_HANGUL_DIGITS = str.maketrans("일이삼사오육칠팔구", "123456789")
_HANGUL_NUMBER = re.compile(r"((?:일금|금) ?)?([일이삼사오육칠팔구십백천만억조 ]+?) ?(원정?)")


def _hangul_numerals(text: str) -> str | None:
    """``일금 일백만원정`` → ``일금 1백만원정``. Only sums of money (ending in 원), since a bare
    word like 이천 is more often a place name than 2,000."""
    match = _HANGUL_NUMBER.fullmatch(text)
    if not match:
        return None
    prefix, number, unit = match.group(1) or "", match.group(2), match.group(3)
    if not (re.search("[일이삼사오육칠팔구]", number) and re.search("[십백천만억조]", number)):
        return None
    return f"{prefix}{number.translate(_HANGUL_DIGITS)}{unit}"


def _placeholder_reason(text: str, meaning: str) -> str:
    if re.search("[가-힣]", text):
        return f"'{text}' 표시라서 빈칸으로 바꿨습니다."
    return f"통계표 기호 '{text}'({meaning}) 표시라서 빈칸으로 바꿨습니다."


def _quote(text: str) -> str:
    return f"'{text}'" if len(text) <= 30 else f"'{text[:30]}…'"


_DATE = re.compile(
    r"'?[0-9]{2,4} ?[./-] ?[0-9]{1,2} ?[./-] ?[0-9]{1,2}\.?( ?\(.\))?"
    r"|[0-9]{2,4}년 ?[0-9]{1,2}월( ?[0-9]{1,2}일)?|[0-9]{1,2}월 ?[0-9]{1,2}일"
)
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?|[0-9]{1,2}시( ?[0-9]{1,2}분)?")
_PHONE = re.compile(
    r"(\+ ?82 ?|0)[0-9]{1,2} ?[-).]? ?[0-9]{3,4} ?[-.]? ?[0-9]{4}|1[5-9][0-9]{2} ?-? ?[0-9]{4}"
)
_RANGE = re.compile(r".*[0-9] ?[~∼〜-] ?[0-9].*")
_BOUND = re.compile(r"이상|이하|미만|초과|내외|정도|남짓|가량|여 ?[가-힣]*$")
_COMMA_GROUPS = re.compile(r"[0-9]+(?:,[0-9]+)+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_NUMBER_THEN_WORD = re.compile(r"[-+(△▲▽▼]?[0-9][0-9.,]* ?([^0-9 ]+)")


def _reason(code: int, text: str) -> str:
    """A short Korean reason for a text that did not become a number."""
    q = _quote(text)
    if code == AMBIGUOUS:
        return (
            f"만·억 단위가 빠진 것인지 알 수 없어 값이 분명하지 않습니다: {q} "
            "('1억 2천만'처럼 단위까지 적어 주세요)"
        )
    if code == MISPLACED:
        return (
            f"자릿수가 단위와 맞지 않습니다: {q} "
            "(예: '1억 2,345만'은 되지만 '1억 12,345만'은 안 됩니다)"
        )
    if code == OVERFLOW:
        return f"숫자가 너무 커서 엑셀에서 다룰 수 없습니다: {q}"
    if code == TOO_LONG:
        return (
            f"15자리가 넘는 숫자는 엑셀이 끝자리를 0으로 바꿉니다: {q} "
            "(계좌·카드번호 같은 번호라면 텍스트로 두세요)"
        )
    if code == PHONE:
        return f"전화번호처럼 보여 숫자로 바꾸지 않았습니다: {q}"
    if code == UNIT_ONLY:
        return f"숫자 없이 단위만 있습니다: {q}"
    if code == DOUBLE_SIGN:
        return f"부호가 두 번 붙어 있어 양수인지 음수인지 알 수 없습니다: {q}"
    if code == BRACKETS:
        return f"괄호 짝이 맞지 않습니다: {q}"
    return _diagnose(text)


def _diagnose(text: str) -> str:
    """Why an unreadable text is not a number, as specifically as a few patterns can say."""
    q = _quote(text)
    if text.upper() in _EXCEL_ERRORS:
        return f"엑셀 오류 값이라 숫자로 바꿀 수 없습니다: {q}"
    if _DATE.fullmatch(text):
        return f"날짜처럼 보여 숫자로 바꾸지 않았습니다: {q} (TO_DATE 함수를 쓰세요)"
    if _TIME.fullmatch(text):
        return f"시각처럼 보여 숫자로 바꾸지 않았습니다: {q}"
    if _PHONE.fullmatch(text):
        return f"전화번호처럼 보여 숫자로 바꾸지 않았습니다: {q} (TO_PHONE 함수를 쓰세요)"
    if _BOUND.search(text) and re.search("[0-9]", text):
        return f"'이상·미만' 같은 범위 표현이 붙어 있어 숫자 하나로 바꿀 수 없습니다: {q}"
    if _RANGE.fullmatch(text):
        return f"범위나 번호처럼 보여 숫자 하나로 바꿀 수 없습니다: {q}"
    if re.search(r"[0-9]*\.[0-9]*\.", text):
        return f"소수점이 두 개 이상입니다: {q}"
    if any(not _GROUPED.fullmatch(run) for run in _COMMA_GROUPS.findall(text)):
        return f"천 단위 쉼표 위치가 맞지 않습니다: {q}"
    if re.search("[0-9] [0-9]", text):
        return f"숫자가 여러 개 있습니다: {q}"
    word = _NUMBER_THEN_WORD.fullmatch(text)
    if word:
        return f"알 수 없는 단위가 붙어 있습니다: {q}"
    if not re.search("[0-9]", text):
        return f"숫자가 없습니다: {q}"
    return f"숫자로 읽을 수 없습니다: {q}"
