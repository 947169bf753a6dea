"""mask_text / mask_pii_series / masked_sample / MASK_PII: the guideline's masking styles,
surrounding text and particles kept exactly, and no original identifier left in the output."""

import asyncio

import custom_functions
import pandas as pd
import pytest
import xlwings.server
from hypothesis import given, settings
from hypothesis import strategies as st

from dadeum.engine.privacy import (
    Finding,
    find_pii_spans,
    mask_pii,
    mask_pii_series,
    mask_text,
    masked_sample,
)
from tests.conftest import office_js_call
from tests.test_find_pii import BRN, CARD, CRN, FRN, FULL_WIDTH, RRN, card, rrn


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("900101-1234568", "900101-1******"),
        (f"주민번호 {RRN}이고", f"주민번호 {RRN[:8]}******이고"),
        (f"{RRN.replace('-', '')}로", f"{RRN.replace('-', '')[:7]}******로"),
        (f"외국인 {FRN}을", f"외국인 {FRN[:8]}******을"),
        ("010-1234-5678로 연락", "010-****-5678로 연락"),
        ("01012345678", "010****5678"),
        ("02-123-4567", "02-***-4567"),
        ("(02) 123-4567", "(02) ***-4567"),
        ("+82 10-1234-5678", "+82 10-****-5678"),
        ("0505-123-4567", "0505-***-4567"),
        ("kim@example.com으로", "k***@example.com으로"),
        ("김민수님이 방문", "김*수님이 방문"),
        ("홍길동 씨는", "홍*동 씨는"),
        ("성명: 남궁민수", "성명: 남**수"),
        ("민원인 김철이", "민원인 김*이"),
        (f"카드 {CARD}로", f"카드 {CARD[:4]}-****-****-{CARD[-4:]}로"),
        ("국민은행 123456-01-234567", "국민은행 ******-**-**4567"),
        ("여권 M12345678", "여권 M1234****"),
        ("여권 M123A4567", "여권 M123A****"),
        ("면허 11-12-345678-90", "면허 11-12-******-90"),
        ("서울 12-345678-90", "서울 12-******-90"),
        (f"사업자 {BRN}", f"사업자 {BRN[:3]}-**-*****"),
        (f"법인등록번호 {CRN}", f"법인등록번호 {CRN[:6]}-*******"),
        ("서울특별시 중구 세종대로 110", "서울특별시 중구 세종대로 ***"),
        ("서울 강남구 역삼동 737-1 101동 1203호", "서울 강남구 역삼동 ***-* ***동 ****호"),
        (
            "경기도 성남시 분당구 판교역로 235 (삼평동)",
            "경기도 성남시 분당구 판교역로 *** (삼평동)",
        ),
        ("차량 12가 3456 주차", "차량 12가 **** 주차"),
        ("서울12가3456", "서울12가****"),
        ("접속 IP 192.168.10.20에서", "접속 IP 192.168.*.*에서"),
        ("2001:db8::ff00:42:8329", "2001:db8::*:*:*"),
    ],
)
def test_masking_styles(text, masked):
    assert mask_pii(text) == masked


def test_surrounding_text_is_kept_exactly():
    text = f"  신청인 김민수({RRN}) 연락처\u00a0010-1234-5678,\tkim@example.com 끝  "
    masked = mask_pii(text)
    assert masked == (
        f"  신청인 김*수({RRN[:8]}******) 연락처\u00a0010-****-5678,\tk***@example.com 끝  "
    )
    assert len(masked) == len(text) + 1  # "kim" became "k***"


def test_full_width_text_is_masked_in_place():
    text = f"{RRN.translate(FULL_WIDTH)}이고"
    assert mask_pii(text) == RRN.translate(FULL_WIDTH)[:8] + "******이고"


def test_mask_text_uses_the_given_findings_only():
    text = "홍길동 010-1234-5678"
    assert mask_text(text, [Finding("전화번호", 4, 17, 0.9)]) == "홍길동 010-****-5678"
    assert mask_text(text, []) == text
    # Overlapping findings: the first one wins, the text is not garbled.
    both = [Finding("전화번호", 4, 17, 0.9), Finding("계좌번호", 8, 17, 0.5)]
    assert mask_text(text, both) == "홍길동 010-****-5678"


def test_text_without_personal_data_is_unchanged():
    for text in ["2023-03-05", "1,234,567원", "행정안전부-1234", "김치 공장 악취", "06236"]:
        assert mask_pii(text) == text


def test_series_keeps_shape_blanks_and_other_cells():
    values = pd.Series(
        ["010-1234-5678", None, "", 12.5, "없음", pd.Timestamp("2023-03-05"), 1012345678],
        index=list("abcdefg"),
        dtype=object,
    )
    before = values.copy()
    masked = mask_pii_series(values, header="연락처")
    assert list(masked.index) == list("abcdefg")
    assert masked.tolist()[:6] == [
        "010-****-5678",
        None,
        "",
        12.5,
        "없음",
        pd.Timestamp("2023-03-05"),
    ]
    assert masked.iloc[6] == "010****5678"  # the number Excel stored, read as a phone number
    pd.testing.assert_series_equal(values, before)


def test_name_column_masks_whole_cells():
    masked = mask_pii_series(pd.Series(["홍길동", "김민", "남궁민수"], dtype=object), header="성명")
    assert masked.tolist() == ["홍*동", "김*", "남**수"]


def test_masked_sample_is_never_the_value():
    assert masked_sample("홍길동", "이름") == "홍*동"
    assert masked_sample("서울시 강남구 역삼동", "주소") == "서울시 강남구 ***"
    assert masked_sample("010-1234-5678", "전화번호") == "010-****-5678"
    for value, kind in [("김", "이름"), ("a@b.co", "이메일"), ("x", "알수없음")]:
        assert masked_sample(value, kind) != value


# --- properties: nothing of the identifier survives ------------------------------------

hangul = st.text(alphabet="가나다라마바사아자차카타파하은는이가을를의에로고며 ", max_size=10)
particles = st.sampled_from(["", "이고", "로", "을", "입니다", "에게", ")", ".", " "])


@settings(max_examples=200, deadline=None)
@given(
    st.dates(
        min_value=pd.Timestamp("1930-01-01").date(), max_value=pd.Timestamp("2024-12-31").date()
    ),
    st.booleans(),
    st.booleans(),
    st.text(alphabet="0123456789", min_size=5, max_size=5),
    hangul,
    particles,
    st.sampled_from(["-", "", " "]),
)
def test_masked_resident_numbers_lose_their_back_digits(
    born, male, foreign, serial, before, particle, separator
):
    century = born.year >= 2000
    gender = (
        str((7 if century else 5) if foreign else (3 if century else 1))
        if male
        else str((8 if century else 6) if foreign else (4 if century else 2))
    )
    number = rrn(born.strftime("%y%m%d"), gender, serial, foreign=foreign)
    written = number.replace("-", separator)
    text = f"{before}{' ' if before else ''}{written}{particle}"
    masked = mask_pii(text)
    assert written not in masked
    assert number[8:] not in masked.replace(" ", "")  # the six digits after the gender digit


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["010", "011", "016", "02", "031", "051", "064", "070"]),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    st.sampled_from(["-", "", " ", "."]),
    hangul,
    particles,
)
def test_masked_phone_numbers_lose_their_middle(prefix, middle, last, separator, before, particle):
    written = separator.join([prefix, middle, last])
    text = f"{before} {written}{particle}"
    masked = mask_pii(text)
    assert written not in masked
    assert prefix + middle + last not in "".join(ch for ch in masked if ch.isdigit())


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=2, max_size=12),
    st.sampled_from(["naver.com", "korea.kr", "example.co.kr"]),
    hangul,
    st.sampled_from(["", "으로", "로", "에게", ")"]),
)
def test_masked_emails_lose_their_local_part(local, domain, before, particle):
    address = f"{local}@{domain}"
    masked = mask_pii(f"{before} {address}{particle}")
    assert address not in masked
    assert f"{local}@" not in masked


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789", min_size=14, max_size=14), st.sampled_from("459"), hangul)
def test_masked_cards_lose_their_middle(body, first, before):
    number = card(first + body)
    masked = mask_pii(f"{before} 카드 {number}")
    assert number not in masked
    assert number.replace("-", "") not in masked.replace("-", "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_masking_never_crashes_and_keeps_unflagged_text(text):
    masked = mask_pii(text)
    if not find_pii_spans(text):
        assert masked == text


# --- Excel path ------------------------------------------------------------------------


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_excel_mask_pii_single_cell():
    assert call("mask_pii", [[f"주민번호 {RRN}이고 010-1234-5678로"]]) == [
        [f"주민번호 {RRN[:8]}******이고 010-****-5678로"]
    ]


def test_excel_mask_pii_range_with_header_row_blanks_and_numbers():
    args = [
        ["성명", "연락처", "금액"],
        ["홍길동", 1012345678.0, 1234567.0],
        [None, "02-123-4567", ""],
    ]
    assert call("mask_pii", args) == [
        ["성명", "연락처", "금액"],
        ["홍*동", "010****5678", 1234567.0],
        ["", "02-***-4567", ""],
    ]


def test_excel_mask_pii_with_header_argument_and_error_cells():
    error_cell = {"type": "Error", "basicValue": "#DIV/0!", "errorType": "Div0"}
    assert call("mask_pii", [["홍길동", error_cell]], "성명") == [
        ["홍*동", {"type": "Error", "errorType": "Div0"}]
    ]


def test_a_given_name_alone_hides_what_the_full_name_hides():
    text = "저의 아들 고 박준혁의 일입니다. 그날 준혁이는 친구들과 있었고 누군가 준혁이를 때렸어요."
    masked = mask_pii(text)
    assert "박*혁의" in masked and "*혁이는" in masked and "*혁이를" in masked
    assert "준" not in masked  # 박*혁 and 준* together would give the name away
