"""Korean labels for the codes a report carries (issue types, recipe values), for people.

Issues keep their stable kebab-case ``type`` in the engine, the CLI's files and the JSON;
sheets people read show these labels instead. A code without a label shows as it is.
"""

from typing import Any

from dadeum.engine.recipes import COLUMN_TYPES, STEP_NAMES

__all__ = ["ISSUE_LABELS", "issue_label", "recipe_value_label"]

ISSUE_LABELS = {
    # 정리
    "not-a-number": "숫자가 아님",
    "not-a-date": "날짜가 아님",
    "not-a-phone": "전화번호가 아님",
    "placeholder": "통계 기호(빈칸 처리)",
    # 기계판독 변환 and 점검
    "title-row": "제목 행",
    "unit-row": "단위 행",
    "note-row": "주석·출처 행",
    "multi-row-header": "여러 행 머리글",
    "header": "머리글",
    "header-level-named": "머리글 단계 이름",
    "label-column-named": "구분 열 이름",
    "merged-cell": "병합된 셀",
    "merged-header-filled": "병합된 머리글 채움",
    "row-label-filled": "병합된 구분 채움",
    "total-row": "합계·소계 행",
    "total-column": "합계 열",
    "section-row": "구분 행",
    "empty-row": "빈 행",
    "empty-column": "빈 열",
    "empty-line": "빈 행·열",
    "text-column": "텍스트 열",
    "unit-applied": "단위 환산",
    "footnote-mark": "주석 표시",
    "provisional-mark": "잠정치 표시",
    "blank-column-name": "빈 열 이름",
    "duplicate-column-name": "겹치는 열 이름",
    "column-name": "열 이름",
    "multiple-tables": "한 시트에 여러 표",
    "multiple-values": "한 셀에 여러 값",
    "number-format": "숫자 형식",
    "date-format": "날짜 형식",
    "encoding": "CSV 인코딩",
    # 가명처리
    "generalize-failed": "일반화 실패",
    "pseudonymization-key": "가명 키",
    "pseudonymization-technique": "가명처리 기법",
    "k-anonymity": "k-익명성",
    "top-coding": "상·하단 코딩",
    # 레시피 다시 실행
    "recipe-type-changed": "열 유형 바뀜",
    "recipe-step-other-table": "다른 표의 단계",
    "recipe-sheet-position": "시트 위치",
}

_JSON_WORDS = {"null": "자동", "true": "예", "false": "아니요"}


def issue_label(code: Any) -> Any:
    """``"not-a-number"`` → ``"숫자가 아님"``; anything else comes back unchanged."""
    return ISSUE_LABELS.get(code, code) if isinstance(code, str) else code


def recipe_value_label(value: Any) -> Any:
    """A value cell of the recipe table as a person reads it: ``clean`` → 정리, ``number`` →
    숫자, ``null`` → 자동, ``true``/``false`` → 예/아니요, ``"default"`` → default."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text in STEP_NAMES:
        return STEP_NAMES[text]
    if text in COLUMN_TYPES:
        return COLUMN_TYPES[text]
    if text in _JSON_WORDS:
        return _JSON_WORDS[text]
    if len(text) > 1 and text.startswith('"') and text.endswith('"'):
        return text[1:-1]
    return value
