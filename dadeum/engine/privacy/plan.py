"""Pseudonymise a whole table: a technique per column, applied, and recorded for review.

A *plan* says what happens to each column. The default plan comes from what detection finds
(가명정보 처리 가이드라인 practice):

- a column of identifiers (주민등록번호, 전화번호, 이메일, 이름, …) gets a keyed pseudonym, so the
  same person keeps the same token across files while nobody without the key can reverse it;
- a column of addresses is generalised to 시도·시군구; 나이 and 생년월일 columns to bands/years;
- free text with personal data inside (민원 내용, 비고) is masked where the data sits;
- business numbers (사업자·법인등록번호), card and account numbers and the like are masked;
- every other column is kept.

The user overrides any column with a spec such as ``성명=삭제`` or ``주소=일반화:주소:1``.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dadeum.engine.cells import CellError
from dadeum.engine.privacy.detect import find_pii_series, scan_texts
from dadeum.engine.privacy.generalize import (
    describe_generalization,
    generalize_series,
    normalize_generalize_kind,
    suppress_series,
)
from dadeum.engine.privacy.kanon import KAnonymityResult, k_anonymity
from dadeum.engine.privacy.mask import mask_pii_series
from dadeum.engine.privacy.pseudonym import pseudonymize_series
from dadeum.errors import InvalidArgumentError

# Technique names users write (Korean first) → internal code.
TECHNIQUES = {
    "유지": "keep", "keep": "keep",
    "삭제": "delete", "delete": "delete",
    "마스킹": "mask", "mask": "mask",
    "가명": "pseudonym", "가명처리": "pseudonym", "pseudonym": "pseudonym",
    "일반화": "generalize", "범주화": "generalize", "generalize": "generalize",
}  # fmt: skip
TECHNIQUE_NAMES = {"keep": "유지", "delete": "삭제", "mask": "마스킹", "pseudonym": "가명(HMAC)",
                   "generalize": "일반화"}  # fmt: skip

PSEUDONYM_TYPES = ("주민등록번호", "외국인등록번호", "이름", "전화번호", "이메일", "여권번호",
                   "운전면허번호", "차량번호")  # fmt: skip
# A whole-cell share above this makes a column an identifier column rather than free text.
IDENTIFIER_SHARE = 0.6
_QUASI_HEADER = re.compile(r"성별|나이|연령|생년|출생|주소|거주|지역|시도|시군구|읍면동|국적|직업")
_AGE_HEADER = re.compile(r"나이|연령")
_BIRTH_HEADER = re.compile(r"생년월일|출생")


@dataclass(frozen=True)
class ColumnPlan:
    column: str
    technique: str  # keep | delete | mask | pseudonym | generalize
    kind: str | None = None  # for generalize: 나이, 생년월일, 주소, 날짜, 금액, …
    size: Any = None
    reason: str = ""

    @property
    def description(self) -> str:
        """What happens to the column, in Korean, for the 적정성 검토 record."""
        if self.technique == "generalize":
            return describe_generalization(self.kind, self.size)
        return {
            "keep": "그대로 둠",
            "delete": "열의 값을 모두 지움(삭제)",
            "mask": "개인정보 부분을 * 로 가림(마스킹)",
            "pseudonym": "기관 키로 만든 가명(HMAC-SHA256)으로 바꿈",
        }[self.technique]


def records_from_grid(grid: pd.DataFrame) -> pd.DataFrame:
    """Rows of cells whose first row is the header → records named by that header.

    Blank names become 열1, 열2, …; a repeated name gets _2, _3 so every column stays apart.
    """
    names: list[str] = []
    for position, cell in enumerate(grid.iloc[0].tolist(), start=1):
        base = "" if cell is None or (not isinstance(cell, str) and pd.isna(cell)) else str(cell)
        base = base.strip() or f"열{position}"
        name, number = base, 2
        while name in names:
            name, number = f"{base}_{number}", number + 1
        names.append(name)
    frame = grid.iloc[1:].reset_index(drop=True).astype(object).copy()
    frame.columns = names
    return frame


def parse_column_spec(spec: str) -> ColumnPlan:
    """``"성명=가명"``, ``"주소=일반화:주소:1"``, ``"나이=일반화:나이:5"`` → a ColumnPlan."""
    column, sep, rest = spec.partition("=")
    parts = [part.strip() for part in rest.split(":")]
    technique = TECHNIQUES.get(parts[0].lower()) if sep and parts[0] else None
    if not column.strip() or technique is None:
        allowed = ", ".join(name for name in TECHNIQUES if not name.isascii())
        raise InvalidArgumentError(
            f"열 지정 '{spec}'를 알 수 없습니다. '열이름=기법' 모양으로 쓰고, 기법은 {allowed} "
            "중 하나로 쓰세요 (예: 성명=가명, 주소=일반화:주소)."
        )
    kind = size = None
    if technique == "generalize":
        if len(parts) < 2 or not parts[1]:
            raise InvalidArgumentError(
                f"'{spec}': 일반화는 종류를 함께 쓰세요 (예: 주소=일반화:주소, 나이=일반화:나이:5)."
            )
        normalize_generalize_kind(parts[1])
        kind = parts[1]
        size = parts[2] if len(parts) > 2 and parts[2] else None
    return ColumnPlan(column.strip(), technique, kind, size, reason="사용자 지정")


def default_plan(frame: pd.DataFrame) -> list[ColumnPlan]:
    """A technique for every column of ``frame`` (columns = header names, rows = records)."""
    plans = []
    for name in frame.columns:
        header = str(name)
        column = frame[name]
        findings = find_pii_series(column, header=header)
        texts = scan_texts(column, header=header)
        present = sum(text is not None for text in texts)
        whole: dict[str, int] = {}
        inside = 0
        for text, found in zip(texts, findings, strict=True):
            for finding in found:
                if text is not None and finding.end - finding.start >= len(text.strip()) * 0.8:
                    whole[finding.type] = whole.get(finding.type, 0) + 1
                else:
                    inside += 1
        plans.append(_plan_for(header, present, whole, inside))
    return plans


def _plan_for(header: str, present: int, whole: dict[str, int], inside: int) -> ColumnPlan:
    if whole and present and max(whole.values()) >= IDENTIFIER_SHARE * present:
        kind = max(whole, key=whole.get)
        reason = f"{kind} 열"
        if kind in PSEUDONYM_TYPES:
            return ColumnPlan(header, "pseudonym", reason=reason)
        if kind == "주소":
            return ColumnPlan(header, "generalize", "주소", reason=reason)
        return ColumnPlan(header, "mask", reason=reason)
    if whole or inside:
        found = sum(whole.values()) + inside
        return ColumnPlan(header, "mask", reason=f"글 안에 개인정보 {found}건")
    if _AGE_HEADER.search(header):
        return ColumnPlan(header, "generalize", "나이", reason="나이 열(준식별자)")
    if _BIRTH_HEADER.search(header):
        return ColumnPlan(header, "generalize", "생년월일", reason="생년월일 열(준식별자)")
    return ColumnPlan(header, "keep", reason="개인정보를 찾지 못함")


def merge_plans(defaults: list[ColumnPlan], chosen: list[ColumnPlan]) -> list[ColumnPlan]:
    """The default plan with the user's choices in place; an unknown column is an error."""
    names = [plan.column for plan in defaults]
    unknown = [plan.column for plan in chosen if plan.column not in names]
    if unknown:
        raise InvalidArgumentError(
            f"표에 없는 열입니다: {', '.join(unknown)}. 표의 열: {', '.join(names)}"
        )
    by_name = {plan.column: plan for plan in chosen}
    return [by_name.get(plan.column, plan) for plan in defaults]


def needs_key(plans: list[ColumnPlan]) -> bool:
    return any(plan.technique == "pseudonym" for plan in plans)


def apply_plan(
    frame: pd.DataFrame, plans: list[ColumnPlan], key: bytes | None
) -> tuple[pd.DataFrame, int]:
    """The table with every plan applied, and how many cells could not be generalised (those
    become blank rather than keeping a value that could identify someone)."""
    out = frame.copy()
    failed = 0
    for plan in plans:
        column = frame[plan.column]
        if plan.technique == "keep":
            continue
        if plan.technique == "delete":
            result = suppress_series(column)
        elif plan.technique == "mask":
            result = mask_pii_series(column, header=plan.column)
        elif plan.technique == "pseudonym":
            if key is None:
                raise InvalidArgumentError("가명처리에 쓸 키가 없습니다.")
            result = pseudonymize_series(column, key)
        else:
            result = generalize_series(column, plan.kind, plan.size)
        errors = result.map(lambda v: isinstance(v, CellError)).astype(bool)
        failed += int(errors.sum())
        out[plan.column] = result.where(~errors, None).astype(object)
    return out, failed


def quasi_identifiers(plans: list[ColumnPlan]) -> list[str]:
    """Columns that could single someone out in combination: generalised ones and kept
    demographic ones (성별, 지역, …)."""
    return [
        plan.column
        for plan in plans
        if plan.technique == "generalize"
        or (plan.technique == "keep" and _QUASI_HEADER.search(plan.column))
    ]


def review_frame(
    plans: list[ColumnPlan],
    *,
    source: str,
    key_name: str | None,
    key_fingerprint: str | None,
    anonymity: KAnonymityResult | None,
    records: int,
    failed: int,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """The 적정성 검토 record: what was done to which column, with which key, and the result."""
    today = today or dt.date.today()
    rows = [
        ["처리 일자", today.isoformat(), ""],
        ["원본", source, ""],
        ["처리한 행 수", f"{records:,}", ""],
        ["가명 키", key_name or "(쓰지 않음)",
         f"지문 {key_fingerprint}" if key_fingerprint else "키 자체는 기록하지 않습니다"],
    ]  # fmt: skip
    if anonymity is not None and anonymity.records:
        verdict = "충족" if anonymity.satisfied else "미충족(더 일반화하거나 작은 집단을 삭제)"
        rows.append(["k-익명성", f"k = {anonymity.k}", f"기준 {anonymity.threshold} {verdict}"])
        rows.append(["준식별자", ", ".join(anonymity.quasi_identifiers), ""])
        rows.append(
            [
                "기준 미만 집단의 행",
                f"{anonymity.records_below:,}행 ({anonymity.share_below:.1%})",
                "",
            ]
        )
    else:
        rows.append(["k-익명성", "계산하지 않음", "준식별자(나이, 성별, 주소 등) 열이 없습니다"])
    if failed:
        rows.append(["일반화하지 못한 셀", f"{failed:,}칸", "빈칸으로 바꿨습니다"])
    rows.append(["", "", ""])
    rows.append(["열", "처리 기법", "설명"])
    for plan in plans:
        rows.append(
            [
                plan.column,
                TECHNIQUE_NAMES[plan.technique],
                f"{plan.description} ({plan.reason})" if plan.reason else plan.description,
            ]
        )
    return pd.DataFrame(rows, columns=["항목", "내용", "비고"], dtype=object)


def measure(frame: pd.DataFrame, plans: list[ColumnPlan]) -> KAnonymityResult | None:
    columns = quasi_identifiers(plans)
    return k_anonymity(frame, columns) if columns else None
