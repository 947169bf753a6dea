"""The fast paths of the personal-data scan give the same results as the plain ones (issue
#15's speed work): the vectorised checks, the short cuts and the per-column steps must only
ever skip work, never change a finding."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from dadeum.engine.privacy import (
    detect,
    find_pii_series,
    find_pii_spans,
    scan_frame,
)
from dadeum.engine.privacy import normalise as nm
from dadeum.engine.privacy.mask import mask_pii, mask_pii_series, masked_samples
from dadeum.samples.people import minwon_frame
from tests.test_find_pii import rrn

# Every assigned plane the tables look at (the surrogates cannot be encoded as UTF-8).
CODE_POINTS = [
    code
    for low, high in ((0, 0x20000), (0xE0000, 0xE1000))
    for code in range(low, high)
    if not 0xD800 <= code <= 0xDFFF
]


def test_the_re2_class_is_the_python_class():
    chars = [chr(code) for code in CODE_POINTS]
    full = nm._tables()[0]
    expected = np.array([full.search(ch) is not None for ch in chars])
    array = pa.array(chars, type=pa.large_string())
    re2 = pc.match_substring_regex(array, nm.needs_normalising_re2()).to_numpy(zero_copy_only=False)
    assert expected.sum() > 3000
    assert (re2 == expected).all()


def test_normalise_short_cut_changes_the_same_characters():
    full = nm._tables()[0]
    for code in CODE_POINTS:
        ch = chr(code)
        for text in (ch, "가" + ch + "1"):
            changed = nm.normalise(text)[1] is not None
            assert changed == (full.search(text) is not None), hex(code)


# --- a long column, deduplicated or not, finds what each cell finds alone ----------------

ZWSP = "\u200b"
TRICKY = [
    rrn("900101", "1"),
    f"주민번호 {rrn('851203', '2')}이고 연락처는 010-2345-6789로",
    "０１０－２３４５－６７８９",  # full-width digits and dash
    "전화 ０１０-２３４５-６７８９번",
    ZWSP.join("010-2345-6789"),  # a zero-width space between every character
    "주민번호 " + rrn("900101", "1").replace("-", "-\u00ad"),
    "960101-\n1234567",  # a line break inside
    f"신청인 {rrn('900101', '1').replace('-', chr(10))} 입니다",
    "010ㅡ2345ㅡ6789",
    "𝟎𝟏𝟎-𝟐𝟑𝟒𝟓-𝟔𝟕𝟖𝟗",  # mathematical digits
    "kim.minsu@example.com",
    "메일: kim.minsu@example.com으로 회신",
    "서울특별시 중구 세종대로 110",
    "주소: 경기도 가평군 가평읍 석봉로 100",
    "홍길동",
    "  김민수  ",
    "민원인 홍길동 주무관에게 010-1234-5678로 연락 바랍니다.",
    "저는 이영희입니다. 잘 부탁드립니다",
    "해리스 대사 면담 요청",
    "공영주차장 문의 건",
    "2023-0001-1234",
    "2024. 3. 5.",
    "12,500원",
    "우편번호 04524",
    "국민은행 123456-01-234567",
    "12가 3456 차량",
    "IP 192.168.0.1 접속",
    "여권번호 M12345678",
    "\x00\x01",
    ZWSP,
    "   ",
    "",
    None,
    "😀 010-2345-6789 😀",
    "e\u0301 홍길동 씨",
    9001011234568,
    1012345678,
    20240305,
    "비고",
]


def _reference(values: list, header=None) -> list[list]:
    """Each cell alone (the few-cells path: every rule's regex on the cell)."""
    return [find_pii_spans(value, column_hint=header) for value in values]


def _column(values: list, header=None) -> list[list]:
    return find_pii_series(pd.Series(values, dtype=object), header=header).tolist()


@pytest.mark.parametrize("header", [None, "비고", "연락처", "주민등록번호"])
@pytest.mark.parametrize("dedupe", [True, False])
def test_a_long_column_finds_what_each_cell_finds_alone(header, dedupe, monkeypatch):
    if not dedupe:
        monkeypatch.setattr(detect, "_DISTINCT_SHARE", 0.0)
    values = TRICKY * 5  # 200 cells, 40 distinct: scanned per distinct text when allowed
    assert _column(values, header) == _reference(values, header)


def test_distinct_texts_and_every_row_give_the_same_findings(monkeypatch):
    frame, _ = minwon_frame(400, seed=3)
    frame["비고"] = [TRICKY[i % len(TRICKY)] for i in range(len(frame))]
    # Shuffled, so a cell's repeats are not next to it; one column alone, so the order of
    # types within a cell of the report comes from this column only.
    alone = pd.DataFrame({"비고": (TRICKY * 5)[7::3] + (TRICKY * 5)[::-2]})
    deduped = {c: _column(frame[c].tolist(), c) for c in frame.columns}
    deduped_scans = [scan_frame(frame, sheet="s"), scan_frame(alone)]
    monkeypatch.setattr(detect, "_DISTINCT_SHARE", 0.0)
    assert {c: _column(frame[c].tolist(), c) for c in frame.columns} == deduped
    # the same records in the same order
    assert [scan_frame(frame, sheet="s"), scan_frame(alone)] == deduped_scans


def test_a_column_of_names_is_counted_over_every_cell(monkeypatch):
    # 80 cells of one name and 20 other words: 80% names, a column of names. Counted per
    # distinct text it would be 1 name in 21 words, and the bare names would be missed.
    values = ["김민수"] * 80 + [f"품목{chr(0xAC00 + i)}" for i in range(20)]
    deduped = _column(values)
    assert all(cell and cell[0].type == "이름" for cell in deduped[:80])
    monkeypatch.setattr(detect, "_DISTINCT_SHARE", 0.0)
    assert _column(values) == deduped


def test_findings_of_repeated_cells_are_separate_lists():
    found = find_pii_series(pd.Series(["010-2345-6789"] * 100, dtype=object))
    found.iloc[0].clear()
    assert len(found.iloc[1]) == 1


def test_many_masked_samples_are_each_value_masked_alone():
    texts = detect.scan_texts(pd.Series(TRICKY, dtype=object))
    found = find_pii_series(pd.Series(TRICKY, dtype=object))
    by_kind: dict[str, list[str]] = {}
    for text, findings in zip(texts, found, strict=True):
        for f in findings:
            by_kind.setdefault(f.type, []).append(text[f.start : f.end])
    assert len(by_kind) >= 8
    for kind, values in by_kind.items():
        values = values * (detect._FEW // len(values) + 1)  # past the few-values path
        alone = [masked_samples([value], kind)[0] for value in values]
        assert masked_samples(values, kind) == alone


def test_many_masked_samples_with_a_lone_surrogate():
    values = ["010-2345-6789\ud800", ZWSP.join("010-2345-6789")] * 40  # no UTF-8 for the first
    alone = [masked_samples([value], "전화번호")[0] for value in values]
    assert masked_samples(values, "전화번호") == alone


def test_a_long_column_with_a_lone_surrogate_is_scanned_like_one_cell():
    # Text decoded with errors="surrogateescape" has no UTF-8, which the RE2 passes need.
    cell = "홍길동 주무관 010-1234-5678 \ud800 끝"
    column = pd.Series([cell] * 100, dtype=object)
    alone = find_pii_spans(cell)
    assert {f.type for f in alone} == {"이름", "전화번호"}
    assert all(found == alone for found in find_pii_series(column))
    masked = mask_pii_series(column)
    assert set(masked) == {mask_pii(cell)}
    assert "1234" not in masked.iloc[0] and masked.iloc[0].endswith("\ud800 끝")
    assert len(scan_frame(pd.DataFrame({"비고": column}))) == 200
