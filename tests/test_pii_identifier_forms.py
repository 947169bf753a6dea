"""Identifiers in every written form (issue #15): passports old and new, 사업자·법인등록번호
without a label, 운전면허 and 외국인등록번호, numbers split by spaces, dots or a line break;
masking leaves none of the hidden digits."""

import re

import pytest

from dadeum.engine.privacy import find_pii_spans, mask_pii
from tests.test_find_pii import brn, crn, rrn

RRN = rrn("900101", "1")
FRN = rrn("850315", "5", foreign=True)
BRN = brn("124810099")
CRN = crn("110111123456")


def spelled(value: str, style: str) -> str:
    if style == "dot":
        return value.replace("-", ".")
    if style == "space":
        return value.replace("-", " ")
    if style == "break":
        head, _, tail = value.rpartition("-")
        return head + "-\n" + tail
    return value


CASES = [
    ("주민등록번호", "주민번호 {} 입니다", RRN, RRN[8:]),
    ("외국인등록번호", "외국인등록번호 {} 확인", FRN, FRN[8:]),
    ("사업자등록번호", "거래처 {}의 세금계산서", BRN, BRN[4:].replace("-", "")),
    ("법인등록번호", "법인등록번호: {}", CRN, CRN[7:]),
    ("운전면허번호", "운전면허 {} 조회", "11-12-123456-90", "123456"),
]


@pytest.mark.parametrize("style", ["dash", "dot", "space", "break"])
@pytest.mark.parametrize(("kind", "template", "value", "secret"), CASES)
def test_separated_forms_are_found_and_masked(kind, template, value, secret, style):
    text = template.format(spelled(value, style))
    assert kind in [f.type for f in find_pii_spans(text)]
    assert secret not in re.sub(r"\D", "", mask_pii(text))


@pytest.mark.parametrize(
    "text", ["여권번호 M123A4567", "여권 M12345678 발급", "M123A4567 소지자", "관용여권 O12345678"]
)
def test_passports_old_and_new(text):
    assert [f.type for f in find_pii_spans(text)] == ["여권번호"]


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("여권번호: C1234567", "4567"),  # a foreign passport: its own country's shape
        ("여권 번호 AB123456 확인", "3456"),
        ("Passport No. E12345678", "5678"),
    ],
)
def test_foreign_passports_after_the_word_passport(text, hidden):
    assert [f.type for f in find_pii_spans(text)] == ["여권번호"]
    assert hidden not in mask_pii(text)


@pytest.mark.parametrize("text", ["주문번호 C1234567", "제품코드 AB1234567 재고"])
def test_codes_shaped_like_foreign_passports_need_the_word(text):
    assert find_pii_spans(text) == []


def test_business_number_without_a_label():
    text = f"거래처 {BRN.replace('-', '')}의 세금계산서"
    assert [f.type for f in find_pii_spans(text)] == ["사업자등록번호"]
    # A ten-digit number failing the check digit is not one.
    wrong = BRN.replace("-", "")[:-1] + str((int(BRN[-1]) + 1) % 10)
    assert find_pii_spans(f"거래처 {wrong}의 세금계산서") == []


def test_corporate_number_whose_serial_starts_with_zero():
    text = f"법인등록번호: {crn('134811065304')}"
    assert [f.type for f in find_pii_spans(text)] == ["법인등록번호"]


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # international form, checked against phonenumbers' metadata for that country
        ("Berlin Tel. +49 30 8853 4035, E-Mail.", "8853"),
        ("연락처 +1 212-555-0100 입니다", "555"),
        ("+44 20 7946 0958로 전화 주세요", "7946"),
        # a foreign number in its local grouping right after a phone label
        ("Humboldt str. 92, 10247 Berlin Tel. 030 8853 4035 E-Mail.", "8853"),
        ("phone 415 555 0100", "555"),
        ("전화 02-123-4567, Tel. 030 8853 4035", "8853"),  # after a Korean number too
    ],
)
def test_phone_numbers_from_abroad_are_masked(text, hidden):
    assert "전화번호" in [f.type for f in find_pii_spans(text)]
    masked = mask_pii(text)
    assert hidden not in masked and masked != text


@pytest.mark.parametrize(
    "text",
    ["가격 +30 000 원", "합계 +1 234 567", "GDP +2.5 3.1 4.0", "전화 상담 2019 1234 5678건"],
)
def test_signed_amounts_and_counts_are_not_phone_numbers(text):
    assert find_pii_spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a post number in a link, after a blog name that starts like the bank KB
        '<a href="http://blog.naver.com/kbsgoodinsight/220726072169">',
        "kbsgoodinsight 220726072169",
        # values in links are no accounts or business numbers
        "https://news.naver.com/main/read.nhn?cid=957181&nh=20180909074146",
        "http://www.example.net/shop/item.php?it_id=1398820637",
        # numbers listed with dots are no IP address
        "서울메트로 6.7.8.9. 호선 전동차",
    ],
)
def test_latin_context_words_count_only_as_words(text):
    assert find_pii_spans(text) == []


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("담당자 박서준 (☎2600-1234)", "2600"),  # a local number without its area code
        ("전화: 860-2345", "860"),
        ("Tel. 2600-1234", "2600"),
    ],
)
def test_local_numbers_right_after_a_phone_label(text, hidden):
    assert "전화번호" in [f.type for f in find_pii_spans(text)]
    assert hidden not in mask_pii(text)


@pytest.mark.parametrize("text", ["면적 1234-5678", "전화 2019.1234", "사업 기간 2019-2024"])
def test_number_pairs_without_a_phone_label_are_no_phones(text):
    assert "전화번호" not in [f.type for f in find_pii_spans(text)]
