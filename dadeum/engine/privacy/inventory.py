"""Which files may be synced: a recommendation per file from the personal data found in it.

``recommend(counts)`` gives one of three verdicts, with the rule that decided it:

- 공유 제외 — 고유식별정보 (주민등록번호, 외국인등록번호, 여권번호, 운전면허번호) or financial
  data (카드번호, 계좌번호): 개인정보 보호법 제24조·제24조의2 limit their handling, so such a file
  is not shared at all;
- 가명처리 후 공유 — any other personal data (이름, 전화번호, 이메일, 주소, 차량번호, IP주소,
  사업자·법인등록번호);
- 그대로 공유 가능 — none found.

The rules are data (``RULES``), checked in order; the first that applies decides. Only counts
come in, never values.
"""

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["EXCLUDE", "PSEUDONYMISE", "RULES", "SHARE", "InventoryRule", "recommend"]

SHARE, PSEUDONYMISE, EXCLUDE = "그대로 공유 가능", "가명처리 후 공유", "공유 제외"


@dataclass(frozen=True)
class InventoryRule:
    types: frozenset[str]  # any of these found → verdict
    verdict: str
    reason: str  # the rule as the report states it


RULES: tuple[InventoryRule, ...] = (
    InventoryRule(
        frozenset({"주민등록번호", "외국인등록번호", "여권번호", "운전면허번호"}),
        EXCLUDE,
        "고유식별정보(주민등록번호·외국인등록번호·여권번호·운전면허번호) 포함 → 공유 제외",
    ),
    InventoryRule(
        frozenset({"카드번호", "계좌번호"}),
        EXCLUDE,
        "금융정보(카드번호·계좌번호) 포함 → 공유 제외",
    ),
    InventoryRule(
        frozenset("이름 전화번호 이메일 주소 차량번호 IP주소 사업자등록번호 법인등록번호".split()),
        PSEUDONYMISE,
        "개인정보(이름·연락처·주소 등) 포함 → 가명처리 후 공유",
    ),
)
NOTHING_FOUND = "개인정보를 찾지 못함 → 그대로 공유 가능"


def recommend(counts: Mapping[str, int]) -> tuple[str, str]:
    """(verdict, rule) for a file with ``counts`` findings per type.

    >>> recommend({"이름": 3, "주민등록번호": 1})[0]
    '공유 제외'
    >>> recommend({})[0]
    '그대로 공유 가능'
    """
    found = {kind for kind, count in counts.items() if count}
    for rule in RULES:
        hit = sorted(found & rule.types)
        if hit:
            return rule.verdict, rule.reason
    if found:  # a type no rule names: be careful rather than permissive
        return PSEUDONYMISE, "개인정보 포함 → 가명처리 후 공유"
    return SHARE, NOTHING_FOUND
