"""find_pii_spans / find_pii_series / scan_frame / FIND_PII: every type, Korean particles,
separators, full-width digits, column headers, and the false friends that must stay clean."""

import asyncio
import logging
from itertools import pairwise

import custom_functions
import pandas as pd
import phonenumbers
import pytest
import xlwings.server
from hypothesis import given, settings
from hypothesis import strategies as st

from dadeum.engine.privacy import (
    PII_TYPES,
    Finding,
    find_pii_series,
    find_pii_spans,
    header_types,
    mask_pii,
    records_frame,
    scan_frame,
)
from dadeum.engine.privacy.detect_scan import _header_rows
from dadeum.engine.privacy.plan import default_plan
from dadeum.samples.people import FALSE_FRIENDS, minwon_frame
from dadeum.samples.sheets import station_sheet
from tests.conftest import office_js_call

FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


# --- valid numbers, computed here independently of the engine --------------------------


def rrn(front: str, gender: str, serial: str = "23456", *, foreign: bool = False) -> str:
    """``front``-``gender``+``serial``+check digit (주민 or 외국인 formula)."""
    body = front + gender + serial
    total = sum(int(d) * w for d, w in zip(body, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], strict=True))
    check = (13 - total % 11) % 10 if foreign else (11 - total % 11) % 10
    return f"{front}-{gender}{serial}{check}"


def brn(body: str) -> str:
    total = (
        sum(int(d) * w for d, w in zip(body, [1, 3, 7, 1, 3, 7, 1, 3, 5], strict=True))
        + int(body[8]) * 5 // 10
    )
    digits = body + str((10 - total % 10) % 10)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def crn(body: str) -> str:
    total = sum(int(d) * w for d, w in zip(body, [1, 2] * 6, strict=True))
    return f"{body[:6]}-{body[6:]}{(10 - total % 10) % 10}"


def card(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char)
        if index % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    digits = body + str((10 - total % 10) % 10)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


RRN = rrn("960101", "1")
RRN_2000 = rrn("050315", "4")
FRN = rrn("850704", "5", foreign=True)
BRN = brn("124810099")
CRN = crn("110111123456")
CARD = card("453212345678901")


def spans(text, **kwargs):
    return [(f.type, text[f.start : f.end]) for f in find_pii_spans(text, **kwargs)]


def kinds(text, **kwargs):
    return [f.type for f in find_pii_spans(text, **kwargs)]


# --- each type, with particles and separators ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"주민등록번호 {RRN}이고", [("주민등록번호", RRN)]),
        (f"{RRN}로 확인", [("주민등록번호", RRN)]),
        (f"주민번호는 {RRN.replace('-', '')}입니다", [("주민등록번호", RRN.replace("-", ""))]),
        (f"{RRN.replace('-', ' ')}", [("주민등록번호", RRN.replace("-", " "))]),
        (f"({RRN_2000})", [("주민등록번호", RRN_2000)]),
        (f"외국인등록번호 {FRN}을", [("외국인등록번호", FRN)]),
        ("201231-3123456은 2020년 10월 이후 번호", [("주민등록번호", "201231-3123456")]),
        ("연락처 010-1234-5678로 회신", [("전화번호", "010-1234-5678")]),
        ("01012345678으로", [("전화번호", "01012345678")]),
        ("010 1234 5678", [("전화번호", "010 1234 5678")]),
        ("010.1234.5678", [("전화번호", "010.1234.5678")]),
        ("+82 10-1234-5678", [("전화번호", "+82 10-1234-5678")]),
        ("사무실 (02) 123-4567입니다", [("전화번호", "(02) 123-4567")]),
        ("02)123-4567", [("전화번호", "02)123-4567")]),
        ("031-123-4567에서", [("전화번호", "031-123-4567")]),
        ("070-1234-5678", [("전화번호", "070-1234-5678")]),
        ("kim@example.com으로 보내 주세요", [("이메일", "kim@example.com")]),
        ("메일: hong.gildong+1@korea.kr.", [("이메일", "hong.gildong+1@korea.kr")]),
        (f"카드 {CARD}로 결제", [("카드번호", CARD)]),
        (f"사업자등록번호 {BRN}인 업체", [("사업자등록번호", BRN)]),
        (f"사업자 {BRN.replace('-', '')}", [("사업자등록번호", BRN.replace("-", ""))]),
        (f"법인등록번호 {CRN}", [("법인등록번호", CRN)]),
        ("여권번호 M12345678이고", [("여권번호", "M12345678")]),
        ("여권 M123A4567", [("여권번호", "M123A4567")]),
        ("운전면허 11-12-345678-90로", [("운전면허번호", "11-12-345678-90")]),
        ("서울 12-345678-90", [("운전면허번호", "서울 12-345678-90")]),
        ("차량 12가 3456이 주차", [("차량번호", "12가 3456")]),
        ("123가4567", [("차량번호", "123가4567")]),
        ("서울12가3456", [("차량번호", "서울12가3456")]),
        ("접속 IP 192.168.0.1에서", [("IP주소", "192.168.0.1")]),
        ("2001:db8::ff00:42:8329", [("IP주소", "2001:db8::ff00:42:8329")]),
        ("국민은행 123456-01-234567로 입금", [("계좌번호", "123456-01-234567")]),
        ("카카오뱅크 3333-01-1234567", [("계좌번호", "3333-01-1234567")]),
        ("입금 계좌 1002-123-456789 (우리)", [("계좌번호", "1002-123-456789")]),
        ("농협 3021234567891로 이체", [("계좌번호", "3021234567891")]),
    ],
)
def test_each_type_with_particles_and_separators(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("김민수님이 방문하셨습니다", "김민수"),
        ("홍길동 씨는 부재중", "홍길동"),
        ("홍길동씨가 전화함", "홍길동"),
        ("민원인 이영희가 신고", "이영희"),
        ("성명: 박서준", "박서준"),
        ("이름 : 최지우", "최지우"),
        ("담당자 정하은 주무관", "정하은"),
        ("작성자 강동원", "강동원"),
        ("신청인 윤서연(본인)", "윤서연"),
        ("남궁민수 팀장님께 보고", "남궁민수"),
        ("성명: 황보혜진", "황보혜진"),
        ("김철수 군과 김영희 양", "김철수"),
        ("박영호가 전화로 문의했다.", "박영호"),
        ("예금주 한결", None),  # a one-syllable surname and a one-syllable given name: too weak
    ],
)
def test_names_need_context(text, name):
    found = [value for kind, value in spans(text) if kind == "이름"]
    if name is None:
        assert found in ([], ["한결"])
    else:
        assert found[0] == name


@pytest.mark.parametrize(
    "text",
    [
        "서울특별시 중구 세종대로 110",
        "서울 강남구 테헤란로 152, 101동 1203호",
        "경기도 성남시 분당구 판교역로 235 (삼평동)",
        "부산광역시 해운대구 우동 1411-1",
        "강남구 역삼동 737번지",
        "세종특별자치시 도움6로 11",
        "대구광역시 군위군 군위읍 군청로 135",
        "경기 가평군 가평읍 석봉로 181",
    ],
)
def test_addresses_road_and_lot(text):
    assert spans(text) == [("주소", text)]


def test_address_inside_a_sentence_keeps_its_particle_out():
    text = "민원인은 서울특별시 강남구 테헤란로 152에서 신고했습니다."
    assert ("주소", "서울특별시 강남구 테헤란로 152") in spans(text)


def test_address_after_a_cue_word_needs_no_city():
    assert spans("주소: 효자로 225, 3층") == [("주소", "효자로 225, 3층")]


def test_three_levels_without_a_number_are_an_address():
    assert spans("서울시 강남구 역삼동에 거주") == [("주소", "서울시 강남구 역삼동")]


def test_full_width_digits_and_dashes_keep_original_positions():
    text = f"주민번호 {RRN.translate(FULL_WIDTH)}이고 ０１０－１２３４－５６７８로"
    assert spans(text) == [
        ("주민등록번호", RRN.translate(FULL_WIDTH)),
        ("전화번호", "０１０－１２３４－５６７８"),
    ]


def test_hangul_dash_and_nbsp_separators():
    assert kinds("010ㅡ1234ㅡ5678") == ["전화번호"]
    assert kinds("010\u00a01234\u00a05678") == ["전화번호"]


def test_several_items_in_one_cell_in_text_order():
    text = f"신청인 김민수({RRN}) 연락처 010-1234-5678, kim@example.com"
    assert kinds(text) == ["이름", "주민등록번호", "전화번호", "이메일"]
    findings = find_pii_spans(text)
    assert all(isinstance(f, Finding) and 0 < f.confidence <= 1 for f in findings)
    assert all(a.end <= b.start for a, b in pairwise(findings))


# --- false friends ---------------------------------------------------------------------

# The shared false friends, and more that only the tests check.
NEGATIVES = [
    *FALSE_FRIENDS,
    "12:30",
    "960101-9234567",
    "도로 3곳 파손",
    "이유로 2회 반려",
    "처리기한 2023-03-12, 공문 행정안전부-1234 참조",
    "1234-5678-9012-3456",
    "123-456789-01 (문서 번호)",
    "계좌 개설 2023-03-05",
    "접수번호 1234567890",
    "전화 주세요",
    "S20230305",
    "조정 결과 12가지",
    "IP 999.1.1.1",
    "1.2.3.4.5",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_false_friends_are_not_flagged(text):
    assert find_pii_spans(text) == []


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        "010 011 016 017 018 019 02 031 032 033 041 042 043 044 051 052 053 054 055 061 062 "
        "063 064 070 080 0502 0503 0504 0505 0506 0507 0508".split()
    ),
    st.integers(min_value=100, max_value=9999),
    st.integers(min_value=0, max_value=9999),
)
def test_every_number_phonenumbers_accepts_is_found(prefix, middle, last):
    number = f"{prefix}-{middle}-{last:04d}"
    if phonenumbers.is_valid_number(phonenumbers.parse(number.replace("-", ""), "KR")):
        assert kinds(number) == ["전화번호"]


@pytest.mark.parametrize(
    "number", ["065-123-4567", "060-123-4567", "012-345-6789", "070-123-4567", "080-1234-5678"]
)
def test_prefixes_that_do_not_exist_are_not_phone_numbers(number):
    assert kinds(number) == []


def test_business_number_is_not_a_phone_number():
    assert kinds(BRN) == ["사업자등록번호"]
    assert kinds("123-45-67890") == []  # wrong check digit: nothing


def test_rrn_with_impossible_date_or_future_birth_is_not_flagged():
    assert find_pii_spans("960230-1234567") == []  # 30 February
    assert find_pii_spans("991231-3234567") == []  # born 2099: in the future


def test_card_needs_luhn():
    wrong = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    assert kinds(CARD) == ["카드번호"]
    assert kinds(wrong) == []


def test_account_needs_bank_context_or_header():
    assert kinds("123456-01-234567") == []
    assert kinds("123456-01-234567", column_hint="계좌번호") == ["계좌번호"]
    assert kinds("신한은행 110-123-456789") == ["계좌번호"]
    assert kinds("입금액 1234567890원") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("토스뱅크 0502-8351-4434로 환급", [("계좌번호", "0502-8351-4434")]),
        ("카카오뱅크 6734-02-3283997로", [("계좌번호", "6734-02-3283997")]),
        ("신한은행 823387042943 (예금주 본인)", [("계좌번호", "823387042943")]),
        ("국민은행 고객센터 1588-9999", [("전화번호", "1588-9999")]),
        (
            "연락처 010-1234-5678, 국민은행 123-456-789012",
            [("전화번호", "010-1234-5678"), ("계좌번호", "123-456-789012")],
        ),
    ],
)
def test_accounts_shaped_like_phone_numbers_after_a_bank_name(text, expected):
    assert spans(text) == expected


def test_corporate_number_needs_context():
    assert kinds(f"법인등록번호: {CRN}") == ["법인등록번호"]
    assert kinds(CRN, column_hint="법인번호") == ["법인등록번호"]


def test_account_that_reads_like_a_resident_number_after_a_bank_name():
    number = RRN.replace("-", "")
    assert kinds(f"농협 {number}로 입금") == ["계좌번호"]
    assert kinds(f"주민번호 {number}") == ["주민등록번호"]


# --- sentences as people write them -----------------------------------------------------

# Hand-written, in the style of public Korean PII examples: the types each must give, in any
# order (an empty list: nothing at all).
SENTENCES = [
    ("제 주민등록번호는 880101-1234567입니다.", ["주민등록번호"]),
    ("주민번호: 9001011234567", ["주민등록번호"]),
    ("생년월일 및 주민번호 850315-2345678 확인 바랍니다", ["주민등록번호"]),
    ("외국인등록번호 900101-5123456으로 조회", ["외국인등록번호"]),
    ("연락처: 010-9876-5432", ["전화번호"]),
    ("휴대폰 번호는 010.1111.2222 입니다", ["전화번호"]),
    ("사무실 전화 02-1234-5678로 연락 주세요", ["전화번호"]),
    ("문의: (031) 123-4567", ["전화번호"]),
    ("대표번호 1588-1234", ["전화번호"]),
    ("010-123-4567로 전화", ["전화번호"]),
    ("+82-10-1234-5678", ["전화번호"]),
    ("팩스 02-987-6543", ["전화번호"]),
    ("이메일 주소는 test.user@gmail.com 입니다", ["이메일"]),
    ("문의는 help@korea.kr로 보내주세요", ["이메일"]),
    ("홍길동의 전화번호는 010-1111-2222입니다.", ["이름", "전화번호"]),
    ("김철수 고객님, 안녕하세요.", ["이름"]),
    ("저는 김영희입니다.", ["이름"]),
    ("제 이름은 박민수입니다", ["이름"]),
    ("담당: 이순신 주무관 (044-200-1234)", ["이름", "전화번호"]),
    ("수신: 홍길동 귀하", ["이름"]),
    ("받는 사람: 최지우", ["이름"]),
    ("어제 김철수에게 연락했다", ["이름"]),
    ("이영희께서 방문하셨습니다", ["이름"]),
    ("환자 김철수(남, 45세)는 입원 중", ["이름"]),
    ("서울특별시 강남구 테헤란로 123", ["주소"]),
    ("주소: 서울시 종로구 세종로 1", ["주소"]),
    ("부산 해운대구 해운대해변로 264에 위치", ["주소"]),
    ("경기도 수원시 영통구 광교로 145", ["주소"]),
    ("제주특별자치도 제주시 첨단로 242", ["주소"]),
    ("인천광역시 연수구 송도동 24-4", ["주소"]),
    ("서울 강남구 역삼동 123-45번지", ["주소"]),
    ("주소는 테헤란로 123입니다", ["주소"]),
    ("대전광역시 서구 둔산로 100, 5층", ["주소"]),
    ("경상북도 안동시 풍천면 도청대로 455", ["주소"]),
    ("여권번호 M12345678", ["여권번호"]),
    ("여권 번호: JR1234567", ["여권번호"]),
    ("운전면허번호 11-12-345678-90", ["운전면허번호"]),
    ("면허번호: 서울 12-345678-90", ["운전면허번호"]),
    ("사업자등록번호: 123-45-67890", ["사업자등록번호"]),
    ("사업자번호 220-81-62517", ["사업자등록번호"]),
    ("법인등록번호 110111-1234567", ["법인등록번호"]),
    ("카드번호 1234-5678-9012-3456", ["카드번호"]),
    ("신용카드 4111 1111 1111 1111로 결제", ["카드번호"]),
    ("계좌번호: 110-123-456789 (신한은행)", ["계좌번호"]),
    ("국민은행 123-45-6789-012로 입금해 주세요", ["계좌번호"]),
    ("입금계좌 우리 1002-123-456789 예금주 홍길동", ["계좌번호", "이름"]),
    ("차량번호 12가 3456", ["차량번호"]),
    ("123나4567 차량이 불법주차", ["차량번호"]),
    ("서울 12가 3456 차주 연락 바람", ["차량번호"]),
    ("접속 IP: 192.168.0.1", ["IP주소"]),
    ("서버 10.0.0.25에서 로그인", ["IP주소"]),
    ("IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334", ["IP주소"]),
    ("2023년 3월 5일 회의", []),
    ("회의는 2023-03-05 14:00에 열립니다", []),
    ("총 금액은 1,234,567원입니다", []),
    ("우편번호 06236", []),
    ("문서번호 행정안전부-1234호", []),
    ("접수번호 2023-0001234", []),
    ("버전 1.2.3.4로 업데이트", []),
    ("오늘 김치찌개를 먹었다", []),
    ("이동 중입니다", []),
    ("박스를 정리해 주세요", []),
    ("한국 조사 결과", []),
    ("신청서를 제출했습니다", []),
    ("정상 처리되었습니다", []),
    ("고객님께서 요청하신 자료입니다", []),
    ("담당자에게 문의하세요", []),
    ("사실입니다", []),
    ("상대방에게 전달", []),
    ("모두에게 감사드립니다", []),
    ("친구와 함께 방문", []),
    ("인구 1234567명", []),
    ("전화 주세요", []),
    ("주민센터 방문", []),
    ("이용자 만족도 조사", []),
    ("시스템 점검 안내: 12:00~13:00", []),
    ("예산 3조 4567억원", []),
    ("제3조 1항", []),
    ("국회의원 김영희 의원", ["이름"]),
    ("기획재정부 정책과장", []),
    ("도로 12곳 보수", []),
    ("3.14159265", []),
    ("ISBN 978-89-123-4567-8", []),
    ("주문번호 20230305-123456", []),
    (
        "민원인 김민지(010-2345-6789)가 서울 마포구 월드컵북로 400에서 소음 신고",
        ["이름", "전화번호", "주소"],
    ),
    ("신청인: 이서준, 생년월일 1990.01.01, 연락처 010-5555-6666", ["이름", "전화번호"]),
    ("박지훈 주무관(☎ 02-2100-1234)", ["이름", "전화번호"]),
    ("작성자 정민호 / 검토자 김수현", ["이름", "이름"]),
    ("보호자 연락처: 010-8888-9999 (어머니 최은정)", ["전화번호", "이름"]),
    ("대상자 명단: 김민수, 이영희, 박철수", ["이름", "이름", "이름"]),
    ("홍길동(남, 1985년생)", ["이름"]),
    ("고 김철수 님의 유족", ["이름"]),
    ("故 이순자 여사", ["이름"]),
    ("세대주 강동원의 주소는 경기도 고양시 일산동구 중앙로 1275", ["이름", "주소"]),
    ("주민등록번호 앞자리 900101", []),
    ("900101-1******", []),
    ("010-****-5678", []),
    ("홍*동", []),
    ("k***@example.com", []),
    (
        "개인정보: 이름 홍길동, 주민번호 800101-1234567, 주소 서울시 중구 을지로 100",
        ["이름", "주민등록번호", "주소"],
    ),
    ("김 과장님께 보고 드립니다", []),
    ("이 대리가 처리함", []),
    ("최근 민원이 증가했습니다", []),
    ("정보공개 청구", []),
    ("한국토지주택공사 LH", []),
    ("서울특별시청", []),
    ("강남구청 민원실 방문", []),
    ("중구 세종대로 110 서울시청", ["주소"]),
    ("서초구 반포대로 58", ["주소"]),
    ("성남시 분당구 불정로 90", ["주소"]),
    ("경기 성남시 분당구 정자동 178-1", ["주소"]),
    ("충남 천안시 동남구 목천읍 교촌리 123", ["주소"]),
    ("전남 순천시 해룡면 율촌산단4로 50", ["주소"]),
    ("서울시 강남구 역삼동 123번지 4호", ["주소"]),
    ("아파트 101동 1203호", ["주소"]),  # a home's building and unit: part of an address
    ("서울시 강남구", []),
    ("강남구에 거주하는 김모씨", []),
    ("30대 남성 홍모 씨", []),
    ("김00 씨", []),
    ("이용 시간 09:00~18:00", []),
    ("3월 5일(화) 10시", []),
    ("담당 부서: 정보화담당관실", []),
    ("전화번호 없음", []),
    ("주민등록번호를 입력하세요", []),
    ("010으로 시작하는 번호", []),
    ("차량 5부제 시행", []),
    ("12가지 방법", []),
    ("2024가 1234", []),
    ("이름이 뭐예요? 박서연이요", ["이름"]),
    ("안녕하세요 저는 김민준이라고 합니다", ["이름"]),
    ("서울특별시 강남구 테헤란로 427 위워크타워 10층", ["주소"]),
    ("경기도 용인시 수지구 풍덕천동 123 래미안아파트 101동 202호", ["주소"]),
    ("오늘은 날씨가 좋다. 이상은 없음.", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text, expected):
    assert sorted(kinds(text)) == sorted(expected)


# --- headers and columns ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("성명", {"이름"}), ("민원인 이름", {"이름"}), ("연락처", {"전화번호"}),
        ("주민번호", {"주민등록번호"}), ("주 소", {"주소"}), ("E-mail", {"이메일"}),
        ("입금 계좌", {"계좌번호"}), ("차량번호", {"차량번호"}), ("접속 IP", {"IP주소"}),
        ("우편번호", set()), ("Zip", set()), ("금액", set()), (None, set()),
        ("피보험자", {"이름"}), ("Full Name", {"이름"}), ("참석자", {"이름"}),
        ("가입자 수", set()), ("참석자 인원", set()), ("환자수", set()),
    ],
)  # fmt: skip
def test_header_types(header, expected):
    assert header_types(header) == expected


def test_name_column_finds_whole_cell_names_without_context():
    names = pd.Series(["홍길동", "  김민수 ", "이영희", "미상", None, "남궁민수"], dtype=object)
    found = find_pii_series(names, header="성명")
    assert [[f.type for f in cell] for cell in found] == [
        ["이름"],
        ["이름"],
        ["이름"],
        [],
        [],
        ["이름"],
    ]
    assert found.iloc[1][0].start == 2
    # The same cells without a header, one by one: no context, so not names.
    assert find_pii_spans("홍길동") == []


def test_a_column_of_names_is_recognised_without_a_header():
    names = pd.Series(["홍길동", "김민수", "이영희", "박서준", "최지우"], dtype=object)
    assert all(cell and cell[0].type == "이름" for cell in find_pii_series(names))
    words = pd.Series(["김치", "정리", "이동", "조사", "신청"], dtype=object)
    assert all(cell == [] for cell in find_pii_series(words))


def test_a_repeated_category_word_is_not_a_column_of_names():
    # Seen on real sheets: 오피넷's 경유 header read as data under a title row, and the
    # constant 구분 column of a 서울시 statistics table, were both taken for names.
    header_as_data = pd.Series(["경유", *[1650 + i for i in range(40)]], dtype=object)
    assert all(cell == [] for cell in find_pii_series(header_as_data))
    for rows in (10, 40):  # the few-cell path and the column-wise path
        constant = pd.Series(["구분"] * rows, dtype=object)
        assert all(cell == [] for cell in find_pii_series(constant))
        two_words = pd.Series(["구분", "경유"] * (rows // 2), dtype=object)
        assert all(cell == [] for cell in find_pii_series(two_words))


def test_grid_with_a_title_row_does_not_report_its_header_cells():
    grid = pd.DataFrame(station_sheet(50), dtype=object)  # title row, then the header
    assert [r for r in scan_frame(grid) if r.type == "이름"] == []


def test_default_plan_keeps_a_constant_category_column():
    frame = pd.DataFrame({"기간": range(2006, 2022), "구분 ": ["구분"] * 16, "비만율": [1.5] * 16})
    plans = {plan.column: plan.technique for plan in default_plan(frame)}
    assert plans == {"기간": "keep", "구분 ": "keep", "비만율": "keep"}


def test_phone_column_reads_local_numbers_and_numbers_without_the_zero():
    values = pd.Series(["123-4567", 1012345678, 212345678.0, "010-1234-5678"], dtype=object)
    found = find_pii_series(values, header="연락처")
    assert [[f.type for f in cell] for cell in found] == [["전화번호"]] * 4
    assert find_pii_spans("123-4567") == []


def test_resident_column_gets_back_excel_dropped_zeros():
    number = int(RRN_2000.replace("-", ""))  # 050315… loses its leading zero as a number
    found = find_pii_series(pd.Series([number], dtype=object), header="주민등록번호")
    assert found.iloc[0][0].type == "주민등록번호"
    # Without the header a 12-digit number is not read.
    assert find_pii_series(pd.Series([number], dtype=object)).iloc[0] == []


def test_numbers_are_read_only_when_they_look_like_identifiers():
    values = pd.Series([int(RRN.replace("-", "")), 1234567890, 12.5, True, None], dtype=object)
    found = find_pii_series(values)
    assert [[f.type for f in cell] for cell in found] == [["주민등록번호"], [], [], [], []]
    amounts = find_pii_series(pd.Series([int(RRN.replace("-", ""))], dtype=object), header="금액")
    assert amounts.iloc[0] == []


def test_address_column_needs_no_city():
    found = find_pii_series(
        pd.Series(["세종대로 110", "역삼동 737-1"], dtype=object), header="주소"
    )
    assert [[f.type for f in cell] for cell in found] == [["주소"], ["주소"]]
    assert find_pii_spans("세종대로 110") == []


def test_header_raises_confidence():
    plain = find_pii_spans(RRN)[0].confidence
    hinted = find_pii_spans(RRN, column_hint="주민등록번호")[0].confidence
    assert hinted > plain


def test_series_keeps_index_and_input():
    values = pd.Series(["010-1234-5678", None, ""], index=[10, 20, 30], dtype=object)
    before = values.copy()
    found = find_pii_series(values, header="연락처")
    assert list(found.index) == [10, 20, 30]
    assert [len(cell) for cell in found] == [1, 0, 0]
    pd.testing.assert_series_equal(values, before)


def test_every_type_name_is_listed_once_in_order():
    assert PII_TYPES == (
        "주민등록번호", "외국인등록번호", "여권번호", "운전면허번호", "사업자등록번호",
        "법인등록번호", "전화번호", "이메일", "카드번호", "계좌번호", "주소", "이름", "차량번호",
        "IP주소",
    )  # fmt: skip


# --- scan_frame ------------------------------------------------------------------------


def test_scan_frame_reports_cells_types_and_masked_samples_never_raw_values():
    grid = pd.DataFrame(
        [
            ["성명", "주민등록번호", "연락처", "비고"],
            ["홍길동", RRN, "010-1234-5678", "2023-03-05"],
            ["김민수", None, "02-123-4567", "민원인 이영희가 방문"],
        ]
    )
    records = scan_frame(grid, sheet="민원", top=3, left=2)
    table = [(r.sheet, r.cell, r.type, r.sample) for r in records]
    assert table == [
        ("민원", "B4", "이름", "홍*동"),
        ("민원", "C4", "주민등록번호", RRN[:8] + "******"),
        ("민원", "D4", "전화번호", "010-****-5678"),
        ("민원", "B5", "이름", "김*수"),
        ("민원", "D5", "전화번호", "02-***-4567"),
        ("민원", "E5", "이름", "이*희"),
    ]
    frame = records_frame(records)
    assert list(frame.columns) == ["시트", "셀", "유형", "가린 값", "신뢰도"]
    raw = {"홍길동", RRN, "010-1234-5678", "김민수", "02-123-4567", "이영희"}
    assert not raw & set(frame.to_numpy().ravel().tolist())


def test_scan_frame_with_labelled_columns_starts_below_the_header():
    frame = pd.DataFrame({"성명": ["홍길동"], "연락처": ["010-1234-5678"]})
    records = scan_frame(frame, sheet="S")
    assert [(r.cell, r.type) for r in records] == [("A2", "이름"), ("B2", "전화번호")]


def test_scan_frame_without_header_row_scans_the_first_row():
    grid = pd.DataFrame([["010-1234-5678", "x"], ["kim@example.com", "y"]])
    records = scan_frame(grid, sheet="S")
    assert [(r.cell, r.type) for r in records] == [("A1", "전화번호"), ("A2", "이메일")]


def test_scan_frame_finds_the_header_below_a_title():
    # a title over the table, then a blank row, as offices make their lists
    grid = pd.DataFrame(
        [
            ["2024년 보험 가입자 명단", None, None],
            [None, None, None],
            ["연번", "성 명", "연락처"],
            [1, "김영희", "010-1234-5678"],
            [2, "박철수", "010-2345-6789"],
            ["계", "2명", None],
        ]
    )
    records = scan_frame(grid, sheet="S")
    assert [(r.cell, r.type) for r in records] == [
        ("B4", "이름"), ("C4", "전화번호"), ("B5", "이름"), ("C5", "전화번호"),
    ]  # fmt: skip


def test_scan_frame_reads_a_two_row_header():
    grid = pd.DataFrame(
        [
            ["인적사항", None, "연락처"],
            ["성명", "주민등록번호", None],
            ["김영희", RRN, "010-1234-5678"],
        ]
    )
    records = scan_frame(grid, sheet="S")
    assert [(r.cell, r.type) for r in records] == [
        ("A3", "이름"), ("B3", "주민등록번호"), ("C3", "전화번호"),
    ]  # fmt: skip


@pytest.mark.parametrize("row", [["홍길동", "서울 주소 미상"], ["홍길동 주무관", "연락처 없음"]])
def test_a_persons_row_under_a_title_is_no_header(row):
    grid = pd.DataFrame([["2020년 명단", None], row, ["김민수", "010-1234-5678"]])
    assert _header_rows(grid) == (0, 0)  # every row is read as data


def test_the_name_in_a_persons_row_under_a_title_is_found():
    grid = pd.DataFrame(
        [["2020년 명단", None], ["홍길동 주무관", "연락처 없음"], ["김민수", "010-1234-5678"]]
    )
    assert [(r.cell, r.type) for r in scan_frame(grid)] == [("A2", "이름"), ("B3", "전화번호")]


def test_a_word_repeated_down_a_column_is_no_person_when_it_is_a_common_noun():
    # 통계자료 | 원자료 on every row of a KOSIS download
    frame = pd.DataFrame({"통계자료": ["원자료"] * 9, "2010년": ["365,154"] * 9})
    assert [r for r in scan_frame(frame) if r.type == "이름"] == []


@pytest.mark.parametrize(
    "text",
    [
        # rows of a 주민등록 인구통계 table: places with their 행정구역코드
        "서울특별시 종로구 청운효자동(1111051500)",
        "서울특별시 종로구 사직동(1111053000)",
        "부산광역시 중구 (2611000000)",
        "서울특별시 용산구 원효로제2동(1117057000)",
        "서울특별시 종로구 종로1.2.3.4가동(1111061500)",
        "대구광역시 동구 불로.봉무동(2714062000)",
        "종로구 종로1.2.3.4가동",
        "인천광역시 옹진군 자월면이작출장소(2872037500)",
    ],
)
def test_area_names_and_codes_in_statistics_are_no_personal_data(text):
    assert find_pii_spans(text) == []


def test_a_lot_in_a_numbered_ga_is_an_address():
    text = "서울 종로구 종로1가 45-2"
    assert [(f.type, text[f.start : f.end]) for f in find_pii_spans(text)] == [("주소", text)]


def test_generated_register_is_found_with_high_recall_and_precision():
    frame, truth = minwon_frame(400, seed=7)
    found = {column: find_pii_series(frame[column], header=column) for column in frame.columns}
    planted = {(t.row, t.column, t.type, t.start, t.end) for t in truth}
    hits = 0
    for t in truth:
        cell = found[t.column].iloc[t.row]
        hits += any(f.type == t.type and f.start < t.end and t.start < f.end for f in cell)
    assert hits / len(planted) > 0.97
    wrong = 0
    for column, series in found.items():
        for row, cell in enumerate(series):
            for f in cell:
                wrong += not any(
                    t[0] == row and t[1] == column and t[2] == f.type and f.start < t[4]
                    and t[3] < f.end
                    for t in planted
                )  # fmt: skip
    assert wrong == 0


# --- the column path and the few-cells path agree ---------------------------------------


def _both_paths(texts, header=None):
    """Findings from one long column (pyarrow prefilters, whole-cell shapes) and from the
    same cells one at a time (plain regexes)."""
    column = find_pii_series(pd.Series(texts, dtype=object), header=header).tolist()
    single = [find_pii_spans(text, column_hint=header) for text in texts]
    return column, single


@pytest.mark.parametrize("header", [None, "성명", "연락처", "주소", "계좌번호", "주민등록번호"])
def test_long_columns_give_the_same_findings_as_single_cells(header):
    frame, _ = minwon_frame(60, seed=3)
    texts = [t for t, _ in SENTENCES] + NEGATIVES
    texts += [v for column in frame.columns for v in frame[column].tolist() if isinstance(v, str)]
    column, single = _both_paths(texts, header)
    assert len(texts) > 64
    assert column == single


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=65, max_size=80))
def test_long_columns_agree_on_any_text(texts):
    column, single = _both_paths(texts)
    assert column == single


# --- properties ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_never_crashes_and_spans_are_ordered_and_inside(text):
    findings = find_pii_spans(text)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.type in PII_TYPES
    assert all(a.end <= b.start for a, b in pairwise(findings))


hangul_words = st.text(alphabet="가나다라마바사아자차카타파하은는이가을를의에로", max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    st.dates(
        min_value=pd.Timestamp("1930-01-01").date(), max_value=pd.Timestamp("2019-12-31").date()
    ),
    st.sampled_from("1234"),
    st.text(alphabet="0123456789", min_size=5, max_size=5),
    hangul_words,
    st.sampled_from(["이고", "로", "을", "", "입니다", ")", " "]),
)
def test_any_valid_rrn_with_particles_is_found(born, gender, serial, before, particle):
    if (born.year >= 2000) != (gender in "34"):
        gender = {"1": "3", "2": "4", "3": "1", "4": "2"}[gender]
    number = rrn(born.strftime("%y%m%d"), gender, serial)
    text = f"{before} {number}{particle}"
    assert ("주민등록번호", number) in spans(text)


# --- no raw value in logs or output ----------------------------------------------------


def test_detection_logs_and_prints_nothing(caplog, capsys):
    caplog.set_level(logging.DEBUG)
    frame, _ = minwon_frame(50, seed=1)
    scan_frame(frame, sheet="민원")
    find_pii_series(frame["민원 내용"], header="민원 내용")
    assert caplog.records == []
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


# --- Excel path ------------------------------------------------------------------------


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_excel_find_pii_single_cell_with_particles():
    text = f"주민번호 {RRN}이고 010-1234-5678로 연락"
    assert call("find_pii", [[text]]) == [["주민등록번호, 전화번호"]]


def test_excel_find_pii_range_keeps_shape_blanks_and_uses_the_header_row():
    args = [["성명", "연락처", "메모"], ["홍길동", 1012345678.0, None], [None, "x", "김치"]]
    assert call("find_pii", args) == [["", "", ""], ["이름", "전화번호", ""], ["", "", ""]]


def test_excel_find_pii_numbers_and_errors():
    error_cell = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
    number = float(RRN.replace("-", ""))
    assert call("find_pii", [[number, 45000.0, error_cell]]) == [
        ["주민등록번호", "", {"type": "Error", "errorType": "NotAvailable"}]
    ]


def test_excel_find_pii_with_header_argument():
    assert call("find_pii", [["홍길동"], ["김민수"]], "성명") == [["이름"], ["이름"]]
    assert call("find_pii", [["홍길동"]]) == [[""]]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("민원인께서 말씀하신 망원동 412-3번지 앞 불법주정차", "망원동 412-3번지"),
        ("사진은 정릉동227-29번지 501호로 보내겠습니다", "정릉동227-29번지 501호"),
        ("반포동 1-1 번지에 있는 건물", "반포동 1-1 번지"),
        ("거제면 명진리 694-1번지에서 아버지가", "명진리 694-1번지"),
    ],
)
def test_a_lot_number_with_번지_is_an_address_without_its_시군구(text, address):
    found = [text[f.start : f.end] for f in find_pii_spans(text) if f.type == "주소"]
    assert found == [address]
    assert address[-6:] not in mask_pii(text)


@pytest.mark.parametrize("text", ["100번지 이상", "번지점프를 했다", "3번지"])
def test_번지_alone_is_no_address(text):
    assert find_pii_spans(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("저는 래미안아파트 101동 1203호에 살고 있습니다", "래미안아파트 101동 1203호"),
        ("신청자 : 3동 201호 김미화", "3동 201호"),
    ],
)
def test_a_building_and_unit_number_is_an_address(text, address):
    assert [text[f.start : f.end] for f in find_pii_spans(text) if f.type == "주소"] == [address]


@pytest.mark.parametrize("text", ["1동 2호선 환승", "제3동 201호실 회의", "본관 3동 2호기 점검"])
def test_rooms_lines_and_machines_are_no_units(text):
    assert find_pii_spans(text) == []
