"""Invisible characters (zero-width, format, NUL, combining marks) and look-alike digits inside
an identifier do not hide it from FIND_PII, MASK_PII or the scan report, and masking leaves
nothing of it behind, hidden characters included (issue #19)."""

import asyncio
import re

import custom_functions
import pandas as pd
import pytest
import xlwings.server
from hypothesis import given
from hypothesis import strategies as st

from dadeum.engine.privacy import Finding, find_pii_series, find_pii_spans, mask_pii, scan_frame
from dadeum.engine.privacy import detect_rules as rules
from dadeum.engine.privacy.detect import _settle
from dadeum.engine.privacy.normalise import normalise, original_span
from tests.conftest import office_js_call
from tests.test_find_pii import rrn

RRN = rrn("900101", "1")
ZWSP = "\u200b"
PHONE = "010-2345-6789"
EMAIL = "kim.minsu@example.com"
ITEMS = {"주민등록번호": RRN, "전화번호": PHONE, "이메일": EMAIL}
INVISIBLE = {
    "ZWSP": "\u200b",
    "ZWNJ": "\u200c",
    "ZWJ": "\u200d",
    "word joiner": "\u2060",
    "soft hyphen": "\u00ad",
    "NUL": "\x00",
    "BOM": "\ufeff",
    "combining acute": "\u0301",
    "combining grave": "\u0300",
    "LRM": "\u200e",
}


def hide(value: str, char: str) -> str:
    """The value with ``char`` after every third character (inside every part of it)."""
    return "".join(ch + (char if i % 3 == 2 else "") for i, ch in enumerate(value))


def digits_and_letters(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text)


CASES = [
    pytest.param(kind, value, char, id=f"{kind}-{name}")
    for kind, value in ITEMS.items()
    for name, char in INVISIBLE.items()
]


@pytest.mark.parametrize(("kind", "value", "char"), CASES)
def test_find_pii_sees_through_invisible_characters(kind, value, char):
    text = f"연락: {hide(value, char)} 입니다"
    findings = find_pii_spans(text)
    assert [f.type for f in findings] == [kind]
    found = text[findings[0].start : findings[0].end]
    # The span is in the original text and covers the whole item, hidden characters too.
    assert found == hide(value, char).rstrip(char) or found == hide(value, char)


@pytest.mark.parametrize(("kind", "value", "char"), CASES)
def test_mask_pii_leaves_nothing_recoverable(kind, value, char):
    text = f"연락: {hide(value, char)} 입니다"
    masked = mask_pii(text)
    assert "*" in masked
    # The hidden part of the value (e.g. the last six digits of a 주민등록번호) is gone, and
    # no invisible character is left inside the masked item.
    secret = {"주민등록번호": RRN[8:], "전화번호": PHONE[4:8], "이메일": EMAIL[1:9]}[kind]
    assert digits_and_letters(secret) not in digits_and_letters(masked)
    assert masked.startswith("연락: ") and masked.endswith(" 입니다")
    item = masked[len("연락: ") : -len(" 입니다")]
    assert char not in item.rstrip(char)


@pytest.mark.parametrize("char", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_scan_report_samples_are_masked_and_clean(char):
    frame = pd.DataFrame({"비고": [f"주민번호 {hide(RRN, char)}", f"전화 {hide(PHONE, char)}"]})
    records = scan_frame(frame)
    assert sorted(r.type for r in records) == ["전화번호", "주민등록번호"]
    for record in records:
        assert char not in record.sample
        assert RRN[8:] not in record.sample and PHONE[4:8] not in record.sample


def test_look_alike_digits_are_read_as_digits():
    bold = "".join(chr(0x1D7CE + int(d)) if d.isdigit() else d for d in PHONE)  # 𝟎𝟏𝟎-…
    assert [f.type for f in find_pii_spans(f"전화 {bold}")] == ["전화번호"]
    assert "𝟐𝟑𝟒𝟓" not in mask_pii(f"전화 {bold}")


def test_long_column_takes_the_same_path():
    values = ["전화 " + hide(PHONE, ZWSP)] * 100 + ["없음"] * 10
    found = find_pii_series(pd.Series(values, dtype=object))
    assert all(f and f[0].type == "전화번호" for f in found.iloc[:100])


def test_offsets_map_back_to_the_original():
    text = "a\u200bb\u0301c"
    normal, offsets = normalise(text)
    assert normal == "abc"
    assert original_span(offsets, 0, 3) == (0, 5)
    assert original_span(offsets, 1, 2) == (2, 3)
    assert normalise("홍길동 010-1234-5678") == ("홍길동 010-1234-5678", None)


def test_excel_mask_pii_with_a_zero_width_space():
    call = office_js_call("mask_pii", [["주민번호 " + hide(RRN, ZWSP)]])
    result = asyncio.run(xlwings.server.custom_functions_call(call, custom_functions))
    assert "\u200b" not in result[0][0][len("주민번호 ") :]
    assert RRN[8:] not in result[0][0].replace("\u200b", "")


# --- overlapping findings are settled without comparing every pair (issue #19) ----------


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["주민등록번호", "전화번호", "이름", "주소"]),
            st.integers(0, 60),
            st.integers(1, 12),
            st.sampled_from([0.6, 0.8, 0.95]),
        ),
        max_size=25,
    )
)
def test_settle_keeps_the_same_findings_as_the_pairwise_rule(raw):
    found = [Finding(kind, start, start + length, conf) for kind, start, length, conf in raw]
    ranked = sorted(
        found, key=lambda f: (rules.PRIORITY[f.type], -f.confidence, f.start - f.end, f.start)
    )
    expected: list[Finding] = []
    for finding in ranked:
        if all(finding.end <= k.start or finding.start >= k.end for k in expected):
            expected.append(finding)
    expected.sort(key=lambda f: f.start)
    assert _settle(found) == expected if len(found) != 1 else _settle(found) == found


def test_a_long_cell_finds_every_item():
    sentence = "민원인 홍길동 주무관에게 010-1234-5678로 연락 바랍니다. "
    text = sentence * 1000
    found = find_pii_spans(text)
    assert sum(f.type == "전화번호" for f in found) == 1000
