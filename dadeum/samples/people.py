"""Fake personal data for tests and benchmarks, with the truth about where every item is.

Everything is made up from seeded random numbers: names from common 성씨 and given names,
주민등록번호 with real birth dates and correct check digits (or, for numbers issued since
October 2020, random final digits), phone numbers in prefixes that exist, and so on. None of
it is anyone's real data, but it is shaped like the real thing, so detectors can be measured.

``minwon_frame(n, seed)`` builds a 민원 접수 대장 (complaint register) of ``n`` rows and ten
columns, and returns the list of ``Truth`` items: which cell holds which type at which span.
The spans are counted in the text the detector scans (for a number cell, its digits with the
zeros Excel dropped put back).
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from dadeum.engine.korean import josa

__all__ = [
    "COLUMNS",
    "FALSE_FRIENDS",
    "Truth",
    "fake_brn",
    "fake_card",
    "fake_crn",
    "fake_email",
    "fake_frn",
    "fake_name",
    "fake_phone",
    "fake_rrn",
    "minwon_frame",
]

COLUMNS = ("접수번호", "접수일", "성명", "주민등록번호", "연락처", "이메일", "주소", "민원 내용",
           "금액", "비고")  # fmt: skip


@dataclass(frozen=True)
class Truth:
    """One planted item: row (0-based), column header, type, span in the scanned text."""

    row: int
    column: str
    type: str
    start: int
    end: int


# 성씨 with their approximate share of the population (통계청 2015), then a tail of others.
_SURNAMES = [
    ("김", 21.5), ("이", 14.7), ("박", 8.4), ("최", 4.7), ("정", 4.3), ("강", 2.4), ("조", 2.1),
    ("윤", 2.1), ("장", 2.0), ("임", 1.7), ("한", 1.5), ("오", 1.5), ("서", 1.5), ("신", 1.4),
    ("권", 1.4), ("황", 1.4), ("안", 1.3), ("송", 1.3), ("전", 1.1), ("홍", 1.1), ("유", 1.1),
    ("고", 0.9), ("문", 0.9), ("양", 0.9), ("손", 0.9), ("배", 0.8), ("백", 0.8), ("허", 0.6),
    ("남", 0.6), ("심", 0.6), ("노", 0.6), ("하", 0.5), ("곽", 0.4), ("성", 0.4), ("차", 0.4),
    ("주", 0.4), ("우", 0.4), ("구", 0.4), ("민", 0.3), ("류", 0.3), ("나", 0.3), ("진", 0.3),
    ("지", 0.3), ("엄", 0.3), ("채", 0.3), ("원", 0.3), ("천", 0.2), ("방", 0.2), ("공", 0.2),
    ("현", 0.2), ("함", 0.2), ("변", 0.2), ("염", 0.2), ("여", 0.2), ("추", 0.1), ("도", 0.1),
    ("소", 0.1), ("석", 0.1), ("선", 0.1), ("설", 0.1), ("마", 0.1), ("길", 0.1), ("연", 0.1),
    ("위", 0.1), ("표", 0.1), ("명", 0.1), ("기", 0.1), ("반", 0.1), ("왕", 0.1), ("금", 0.1),
    ("남궁", 0.05), ("황보", 0.05), ("제갈", 0.03), ("선우", 0.03), ("독고", 0.02),
]  # fmt: skip
_GIVEN = (
    "민준 서준 도윤 예준 시우 하준 주원 지호 지후 준우 준서 건우 현우 우진 선우 서진 연우 유준 "
    "정우 승우 승현 시윤 준혁 은우 지환 승민 지우 유찬 윤우 민재 현준 은찬 시후 진우 지훈 민성 "
    "수호 지원 서연 서윤 서현 민서 하은 하윤 윤서 지유 지민 채원 지아 수아 다은 은서 예은 수빈 "
    "소율 예린 지안 하린 영수 영호 영식 영철 정호 정수 성수 성호 상철 상훈 동현 동욱 동수 민수 "
    "민호 철수 영희 순자 영자 정숙 옥순 말순 미숙 경희 미경 은정 혜진 수진 지영 은영 미영 현정 "
    "지현 혜영 선영 은주 정희 경숙 명숙 숙자 광수 길동 재훈 태현 성민 종훈 대호 기범 상우 "
    "재원 보람 슬기 나래 한결 다솜 가은 채은 예지 소연 유진 수민 혜원 은비 주희 태희 봄 별 "
    "솔 결 강 훈 혁 준 진 철"
).split()
_PHONE_PREFIXES = ["010"] * 14 + ["02", "031", "032", "051", "053", "062", "042", "064",
                                  "070", "011", "016", "019"]  # fmt: skip
_EMAIL_DOMAINS = ("naver.com gmail.com daum.net hanmail.net kakao.com korea.kr nate.com "
                  "example.com hotmail.com yahoo.co.kr").split()  # fmt: skip
_ROMAN = ("kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song "
          "minsu jiwon hyun seoyeon junho yuna dohyun haeun gildong").split()  # fmt: skip

# (시도 forms, 시군구, roads with building numbers, 동 with lot numbers)
_PLACES = [
    (["서울특별시", "서울", "서울시"], "강남구", ["테헤란로", "역삼로", "도산대로", "봉은사로"],
     ["역삼동", "삼성동", "대치동"]),
    (["서울특별시", "서울"], "중구", ["세종대로", "을지로", "퇴계로"], ["태평로1가", "명동2가"]),
    (["서울특별시", "서울시"], "종로구", ["사직로", "종로", "율곡로"], ["청운동", "효자동"]),
    (["서울특별시"], "마포구", ["월드컵북로", "양화로", "마포대로"], ["합정동", "서교동"]),
    (["서울특별시", "서울"], "노원구", ["동일로", "노해로"], ["상계동", "중계동"]),
    (["부산광역시", "부산"], "해운대구", ["센텀중앙로", "해운대로"], ["우동", "중동"]),
    (["부산광역시"], "부산진구", ["중앙대로", "가야대로"], ["부전동", "범천동"]),
    (["대구광역시", "대구"], "수성구", ["달구벌대로", "동대구로"], ["범어동", "만촌동"]),
    (["인천광역시", "인천"], "미추홀구", ["독정이로", "인하로"], ["주안동", "용현동"]),
    (["광주광역시"], "광산구", ["광산로", "하남대로"], ["송정동", "우산동"]),
    (["대전광역시", "대전"], "유성구", ["대학로", "유성대로"], ["봉명동", "궁동"]),
    (["울산광역시"], "울주군", ["청량읍 군청로"], ["청량읍 율리"]),
    (["세종특별자치시", "세종"], "", ["한누리대로", "도움6로"], ["보람동", "어진동"]),
    (["경기도", "경기"], "성남시 분당구", ["판교역로", "정자일로", "불정로"], ["삼평동", "정자동"]),
    (["경기도", "경기"], "수원시 팔달구", ["효원로", "중부대로"], ["인계동", "우만동"]),
    (["경기도"], "고양시 일산동구", ["중앙로", "일산로"], ["장항동", "백석동"]),
    (["경기도"], "가평군", ["가평읍 석봉로"], ["가평읍 읍내리"]),
    (["강원특별자치도", "강원도"], "춘천시", ["중앙로", "춘천로"], ["효자동", "석사동"]),
    (["충청북도", "충북"], "청주시 상당구", ["상당로"], ["북문로1가"]),
    (["충청남도"], "천안시 서북구", ["번영로"], ["성정동"]),
    (["전북특별자치도", "전라북도"], "전주시 완산구", ["효자로"], ["효자동1가"]),
    (["전라남도"], "순천시", ["장명로"], ["장천동"]),
    (["경상북도"], "포항시 남구", ["시청로"], ["대잠동"]),
    (["경상남도", "경남"], "창원시 의창구", ["중앙대로"], ["용호동"]),
    (["제주특별자치도", "제주"], "서귀포시", ["중앙로"], ["서귀동"]),
]  # fmt: skip
_BANK_FORMATS = [
    ("국민은행", (6, 2, 6)), ("KB국민은행", (6, 2, 6)), ("신한은행", (3, 3, 6)),
    ("우리은행", (4, 3, 6)), ("하나은행", (3, 6, 5)), ("농협", (3, 4, 4, 2)),
    ("카카오뱅크", (4, 2, 7)), ("기업은행", (3, 6, 2, 3)), ("토스뱅크", (4, 4, 4)),
    ("새마을금고", (4, 4, 4, 1)), ("우체국", (6, 2, 6)),
]  # fmt: skip
_VEHICLE_SYLLABLES = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호배"
_REGIONS = "서울 부산 대구 인천 광주 대전 울산 경기 강원 충북 충남 전북 전남 경북 경남 제주".split()


class _Gen:
    """The random source and the small builders, so every item uses the same seeded stream."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        names, weights = zip(*_SURNAMES, strict=True)
        self.surnames = list(names)
        self.surname_p = np.array(weights) / sum(weights)

    def pick(self, items):
        return items[int(self.rng.integers(len(items)))]

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def digits(self, n: int) -> str:
        return "".join(str(d) for d in self.rng.integers(0, 10, n))

    def name(self) -> str:
        surname = self.surnames[int(self.rng.choice(len(self.surnames), p=self.surname_p))]
        return surname + self.pick(_GIVEN)

    def birth(self, start_year: int = 1935, end: date = date(2024, 12, 31)) -> date:
        first = date(start_year, 1, 1)
        return first + timedelta(days=int(self.rng.integers((end - first).days)))


def fake_rrn(gen: "_Gen | np.random.Generator | int", *, foreign: bool = False) -> str:
    """A 주민등록번호 (or 외국인등록번호) ``YYMMDD-GNNNNNN`` with a real birth date; with a
    correct check digit when issued before 2020-10-05, random final digits otherwise."""
    gen = _as_gen(gen)
    born = gen.birth()
    male = gen.chance(0.5)
    century = born.year >= 2000
    gender = (7 if century else 5) if foreign else (3 if century else 1)
    gender += 0 if male else 1
    front = born.strftime("%y%m%d") + str(gender)
    reissued = gen.chance(0.03)
    if born >= date(2020, 10, 5) or reissued:
        return f"{front[:6]}-{front[6]}{gen.digits(6)}"
    body = front + gen.digits(5)
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    check = (13 - total % 11) % 10 if foreign else (11 - total % 11) % 10
    return f"{body[:6]}-{body[6:]}{check}"


def fake_frn(gen) -> str:
    """A 외국인등록번호 (gender digit 5-8)."""
    return fake_rrn(gen, foreign=True)


def fake_brn(gen) -> str:
    """A 사업자등록번호 ``123-45-67890`` with a correct check digit."""
    gen = _as_gen(gen)
    body = str(int(gen.rng.integers(101, 999))) + gen.digits(6)
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True)) + int(body[8]) * 5 // 10
    digits = body + str((10 - total % 10) % 10)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def fake_crn(gen) -> str:
    """A 법인등록번호 ``110111-1234567`` with a correct check digit."""
    gen = _as_gen(gen)
    body = gen.pick(["110111", "110171", "134811", "160111", "284411"]) + "1" + gen.digits(5)
    total = sum(int(d) * w for d, w in zip(body, [1, 2] * 6, strict=True))
    return f"{body[:6]}-{body[6:]}{(10 - total % 10) % 10}"


def fake_card(gen) -> str:
    """A 16-digit card number with a correct Luhn digit, ``1234-5678-9012-3456``."""
    gen = _as_gen(gen)
    body = gen.pick(["4", "5", "9"]) + gen.digits(14)
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char)
        if index % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    digits = body + str((10 - total % 10) % 10)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def fake_phone(gen) -> str:
    """A phone number in the standard form: ``010-1234-5678``, ``02-123-4567``."""
    gen = _as_gen(gen)
    prefix = gen.pick(_PHONE_PREFIXES)
    middle = 4 if prefix in ("010", "070") or gen.chance(0.6) else 3
    return f"{prefix}-{gen.digits(middle)}-{gen.digits(4)}"


def fake_email(gen) -> str:
    """An e-mail address at a common Korean domain."""
    gen = _as_gen(gen)
    local = gen.pick(_ROMAN)
    style = int(gen.rng.integers(4))
    if style == 1:
        local += "." + gen.pick(_ROMAN)
    elif style == 2:
        local += str(int(gen.rng.integers(1, 999)))
    elif style == 3:
        local += "_" + gen.pick(_ROMAN) + str(int(gen.rng.integers(70, 99)))
    return f"{local}@{gen.pick(_EMAIL_DOMAINS)}"


def fake_name(gen) -> str:
    """A Korean full name: a common 성씨 and a given name."""
    return _as_gen(gen).name()


def _as_gen(gen) -> _Gen:
    if isinstance(gen, _Gen):
        return gen
    if isinstance(gen, np.random.Generator):
        wrapped = _Gen(0)
        wrapped.rng = gen
        return wrapped
    return _Gen(int(gen))


# --- the register ---------------------------------------------------------------------


class _Cell:
    """A cell under construction: text pieces and the spans of the planted items."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[str, int, int]] = []
        self.length = 0

    def add(self, text: str, kind: str | None = None) -> "_Cell":
        if kind:
            self.spans.append((kind, self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)
        return self

    def text(self) -> str:
        return "".join(self.parts)


def _address(gen: _Gen, *, free_text: bool) -> tuple[str, int]:
    """An address and where its detectable part starts (after a leading postcode)."""
    sidos, sigungu, roads, dongs = gen.pick(_PLACES)
    sido = gen.pick(sidos)
    drop_sido = bool(sigungu) and gen.chance(0.2)
    head = " ".join(part for part in ([] if drop_sido else [sido]) + [sigungu] if part)
    if gen.chance(0.75):
        body = f"{gen.pick(roads)} {int(gen.rng.integers(1, 400))}"
        if gen.chance(0.3):
            body += f"-{int(gen.rng.integers(1, 30))}"
    else:
        body = f"{gen.pick(dongs)} {int(gen.rng.integers(1, 1500))}"
        if gen.chance(0.5):
            body += f"-{int(gen.rng.integers(1, 30))}"
        if gen.chance(0.2):
            body += "번지"
    detail = ""
    roll = gen.rng.random()
    if roll < 0.25:
        detail = f", {int(gen.rng.integers(101, 120))}동 {int(gen.rng.integers(101, 2500))}호"
    elif roll < 0.35:
        detail = f" {int(gen.rng.integers(1, 20))}층"
    elif roll < 0.45 and not free_text:
        detail = f" ({gen.pick(dongs).split(' ')[-1]})"
    text = f"{head} {body}{detail}"
    if free_text and gen.chance(0.04):
        text = f"{body}{detail}"  # a bare street address in a sentence: hard to see
    if not free_text and gen.chance(0.1):
        postcode = f"({gen.digits(5)}) "
        return postcode + text, len(postcode)
    return text, 0


def _vehicle(gen: _Gen) -> str:
    syllable = gen.pick(_VEHICLE_SYLLABLES)
    style = int(gen.rng.integers(4))
    if style == 0:
        return f"{gen.digits(2)}{syllable} {gen.digits(4)}"
    if style == 1:
        return f"{int(gen.rng.integers(100, 699))}{syllable}{gen.digits(4)}"
    if style == 2:
        return f"{gen.pick(_REGIONS)}{gen.digits(2)}{syllable}{gen.digits(4)}"
    return f"{gen.digits(2)}{syllable}{gen.digits(4)}"


def _account(gen: _Gen) -> tuple[str, str]:
    bank, groups = gen.pick(_BANK_FORMATS)
    number = "-".join(gen.digits(size) for size in groups)
    if gen.chance(0.2):
        number = number.replace("-", "")
    return bank, number


def _render_phone(gen: _Gen, phone: str) -> str:
    prefix, middle, last = phone.split("-")
    style = gen.rng.random()
    if style < 0.55:
        return phone
    if style < 0.7:
        return prefix + middle + last
    if style < 0.78:
        return f"{prefix} {middle} {last}"
    if style < 0.83:
        return f"{prefix}.{middle}.{last}"
    if style < 0.88:
        return f"+82 {prefix[1:]}-{middle}-{last}"
    if style < 0.93 and prefix != "010":
        return f"({prefix}) {middle}-{last}"
    return phone.translate(_FULL_WIDTH) if gen.chance(0.5) else phone


_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def _date_text(gen: _Gen) -> str:
    day = date(2023, 1, 1) + timedelta(days=int(gen.rng.integers(730)))
    return gen.pick(
        [day.isoformat(), day.strftime("%Y.%m.%d"), day.strftime("%Y%m%d"),
         f"{day.year}. {day.month}. {day.day}.", f"{day.month}월 {day.day}일"]
    )  # fmt: skip


def _amount_text(gen: _Gen) -> str:
    value = int(gen.rng.integers(1, 50_000)) * 1000
    return gen.pick([f"{value:,}원", f"{value // 10000}만원", f"금 {value:,}원", f"{value}원"])


# Sentences for 민원 내용: tokens in braces are planted items (with their particle pair after
# a colon) or harmless fillers.
_TEMPLATES = [
    "{name:이/가} {date}에 전화({phone})로 {topic} 관련 문의하셨습니다.",
    "민원인 {name:은/는} {addr}에 거주하며 {topic} 민원 제기. 연락처 {phone:으로/로} 회신 요망.",
    "{name}님이 방문하여 주민등록번호 {rrn:을/를} 제시하고 {topic} 신청서를 제출함.",
    "{addr} 앞 도로에 차량({vehicle:이/가}) 장기 주차 중이라는 신고. 담당 주무관에게 전달.",
    "회신은 {email:으로/로} 부탁드립니다. 처리기한 {date}, 공문 {docno} 참조.",
    "{bank} {account:으로/로} 환급금 {amount} 입금 요청. 예금주 {name}.",
    "담당자 {name} 주무관이 {date} 현장 확인 예정. {topic} 조치 후 결과 통보.",
    "신청인 {name}({rrn}) 연락처 {phone}, 주소 {addr}.",
    "{topic} 관련 고객님 문의. 우편번호 {zip}, 접수번호 {docno}. 금액 {amount}.",
    "김치 공장 악취 민원, 이동 주차 요청, 박스 무단 투기 조사 신청. {date} 접수.",
    "{name} 씨는 {date} {time}에 방문 예정이며 {email:으로/로} 자료 송부 요청함.",
    "외국인 {name}의 외국인등록번호 {frn}, 여권번호 {passport} 확인 완료.",
    "사업자등록번호 {brn}인 업체의 {topic} 건 과장님께 보고. 예산 12조 3456억원 중 일부.",
    "운전면허번호 {licence} 조회 결과 이상 없음. 카드 {card:으로/로} 과태료 납부.",
    "접속 IP {ip}에서 신청서 제출됨. 시스템 버전 1.2.3, 처리시각 {time}.",
    "{name}님께서 {addr}에서 발생한 {topic} 건으로 {phone:으로/로} 연락 주셨음.",
    "{topic} 처리 완료. 정리 후 한국 조사 결과 신청 안내 예정.",
    "가평군청 민원실에 {topic} 관련 신청, 홍천군 협조 요청. 처리 {date}.",
]
_TOPICS = (
    "도로 파손 불법 주차 소음 쓰레기 무단투기 가로등 고장 보도블록 파손 악취 누수 "
    "불법 광고물 공사 소음 흡연 단속 하수구 막힘 복지 급여 여권 발급"
).split()
_TEXT_TYPES = {
    "name": "이름", "phone": "전화번호", "rrn": "주민등록번호", "frn": "외국인등록번호",
    "addr": "주소", "email": "이메일", "vehicle": "차량번호",
    "brn": "사업자등록번호", "passport": "여권번호", "licence": "운전면허번호",
    "card": "카드번호", "ip": "IP주소",
}  # fmt: skip


def _item(gen: _Gen, key: str) -> str:
    if key == "name":
        return gen.name()
    if key == "phone":
        return _render_phone(gen, fake_phone(gen))
    if key == "rrn":
        return fake_rrn(gen)
    if key == "frn":
        return fake_frn(gen)
    if key == "addr":
        return _address(gen, free_text=True)[0]
    if key == "email":
        return fake_email(gen)
    if key == "vehicle":
        return _vehicle(gen)
    if key == "brn":
        return fake_brn(gen)
    if key == "passport":
        letter = gen.pick("MMMMSRG")
        if gen.chance(0.5):
            return letter + gen.digits(8)
        return f"{letter}{gen.digits(3)}{gen.pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}{gen.digits(4)}"
    if key == "licence":
        code = gen.pick(["11", "12", "13", "14", "22", "23", "28"])
        return f"{code}-{gen.digits(2)}-{gen.digits(6)}-{gen.digits(2)}"
    if key == "card":
        return fake_card(gen)
    if key == "ip":
        return ".".join(str(int(gen.rng.integers(1, 255))) for _ in range(4))
    raise KeyError(key)


def _sentence(gen: _Gen) -> _Cell:
    cell = _Cell()
    template = gen.pick(_TEMPLATES)
    bank_account = _account(gen)
    for piece in _split_template(template):
        if not piece.startswith("{"):
            cell.add(piece)
            continue
        key, _, pair = piece[1:-1].partition(":")
        if key == "bank":
            cell.add(bank_account[0])
        elif key == "account":
            cell.add(bank_account[1], "계좌번호")
        elif key in _TEXT_TYPES:
            value = _item(gen, key)
            cell.add(value, _TEXT_TYPES[key])
            if pair:
                cell.add(josa(value, pair)[len(value) :])
        elif key == "date":
            cell.add(_date_text(gen))
        elif key == "time":
            cell.add(f"{int(gen.rng.integers(9, 18))}:{gen.pick(['00', '30', '15'])}")
        elif key == "amount":
            cell.add(_amount_text(gen))
        elif key == "docno":
            cell.add(_doc_number(gen))
        elif key == "zip":
            cell.add(gen.digits(5))
        elif key == "topic":
            cell.add(gen.pick(_TOPICS))
        if pair and key not in _TEXT_TYPES:
            cell.add(josa(cell.parts[-1], pair)[len(cell.parts[-1]) :])
    return cell


def _split_template(template: str) -> list[str]:
    pieces, rest = [], template
    while "{" in rest:
        before, _, after = rest.partition("{")
        inside, _, rest = after.partition("}")
        pieces += [before, "{" + inside + "}"]
    return [*pieces, rest]


def _doc_number(gen: _Gen) -> str:
    return gen.pick(
        [f"민원-{gen.pick(['2023', '2024'])}-{gen.digits(4)}", f"행정안전부-{gen.digits(4)}",
         f"{gen.pick(['2023', '2024'])}-민원-{gen.digits(5)}", f"도로과-{gen.digits(3)}"]
    )  # fmt: skip


def _note(gen: _Gen) -> _Cell:
    cell = _Cell()
    roll = gen.rng.random()
    if roll < 0.2:
        return cell
    if roll < 0.3:
        return cell.add(f"우편번호 {gen.digits(5)}")
    if roll < 0.4:
        return cell.add("차량 ").add(_vehicle(gen), "차량번호")
    if roll < 0.5:
        bank, number = _account(gen)
        return cell.add(f"{bank} ").add(number, "계좌번호").add(" (예금주 본인)")
    if roll < 0.55:
        return cell.add("사업자 ").add(fake_brn(gen), "사업자등록번호")
    if roll < 0.6:
        return cell.add("법인등록번호 ").add(fake_crn(gen), "법인등록번호")
    if roll < 0.7:
        return cell.add(f"{_date_text(gen)} 처리 완료")
    if roll < 0.75:
        return cell.add(f"{int(gen.rng.integers(9, 18))}:30 방문, 버전 1.2.3")
    if roll < 0.8:
        return cell.add("IP ").add(_item(gen, "ip"), "IP주소")
    if roll < 0.85:
        return cell.add("면허 ").add(_item(gen, "licence"), "운전면허번호")
    if roll < 0.9:
        return cell.add(gen.pick(["정리 요청", "조사 중", "신청 보완", "한국전력 협조", "김치"]))
    if roll < 0.95:
        return cell.add("보호자 ").add(gen.name(), "이름").add(" 동행")
    return cell.add(gen.pick(["처리 완료", "이관", "반려", "재접수", "현장 확인"]))


def minwon_frame(n: int, seed: int = 0) -> tuple[pd.DataFrame, list[Truth]]:
    """A 민원 접수 대장 of ``n`` rows with the ten ``COLUMNS``, and the truth: every planted
    personal-data item with its cell and span."""
    gen = _Gen(seed)
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    truth: list[Truth] = []

    def put(column: str, cell: "_Cell | _Number | object", row: int) -> None:
        if isinstance(cell, _Number):
            columns[column].append(cell.value)
            truth.append(Truth(row, column, cell.kind, 0, cell.width))
        elif isinstance(cell, _Cell):
            columns[column].append(cell.text() if cell.parts else None)
            truth.extend(Truth(row, column, kind, s, e) for kind, s, e in cell.spans)
        else:
            columns[column].append(cell)

    for row in range(n):
        put("접수번호", _doc_number(gen), row)
        put("접수일", _date_text(gen) if gen.chance(0.8) else date(2023, 1, 1) + timedelta(
            days=int(gen.rng.integers(730))), row)  # fmt: skip
        name = gen.name()
        put("성명", _Cell().add(name, "이름"), row)
        put("주민등록번호", _resident_cell(gen), row)
        put("연락처", _phone_cell(gen), row)
        if gen.chance(0.85):
            put("이메일", _Cell().add(fake_email(gen), "이메일"), row)
        else:
            put("이메일", None, row)
        address, start = _address(gen, free_text=False)
        cell = _Cell().add(address[:start]).add(address[start:], "주소")
        put("주소", cell, row)
        put("민원 내용", _sentence(gen), row)
        put("금액", gen.pick([_amount_text(gen), int(gen.rng.integers(1, 10**10)),
                              int(gen.rng.integers(1, 10**6)) * 1000]), row)  # fmt: skip
        put("비고", _note(gen), row)
    return pd.DataFrame(columns, columns=list(COLUMNS)), truth


def _resident_cell(gen: _Gen) -> "_Cell | _Number":
    foreign = gen.chance(0.05)
    number = fake_rrn(gen, foreign=foreign)
    kind = "외국인등록번호" if foreign else "주민등록번호"
    style = gen.rng.random()
    if style < 0.02:  # a number cell: Excel dropped the leading zeros
        return _Number(int(number.replace("-", "")), kind, 13)
    if style < 0.17:
        text = number.replace("-", "")
    elif style < 0.22:
        text = number.replace("-", " ")
    elif style < 0.25:
        text = number.translate(_FULL_WIDTH)
    else:
        text = number
    return _Cell().add(text, kind)


def _phone_cell(gen: _Gen) -> "_Cell | _Number":
    phone = fake_phone(gen)
    if gen.chance(0.03) and phone.startswith("010"):
        return _Number(int(phone.replace("-", "")), "전화번호", 11)
    cell = _Cell().add(_render_phone(gen, phone), "전화번호")
    if gen.chance(0.05):
        cell.add(gen.pick(["(본인)", " (자택)", " 내선 12"]))
    return cell


@dataclass(frozen=True)
class _Number:
    """A number cell; its scanned text is its digits with the dropped zeros put back."""

    value: int
    kind: str
    width: int


# Cells with no personal data that a careless detector flags: dates, amounts, 우편번호,
# 공문 번호, words that look like names. Shared by the tests and the privacy benchmark.
FALSE_FRIENDS = [
    "2023-03-05", "20230305", "2023.03.05", "2023. 3. 5.", "0000-00-00", "12:30:45",
    "1,234,567원", "1234567890원", "금 1,234,000원", "예산 12조 3456억원", "06236",
    "우편번호 06236", "(06236)", "행정안전부-1234", "민원-2023-0001", "2023-민원-00123",
    "도로과-123", "제2023-123호", "버전 1.2.3", "v1.2.3.4", "ver 10.0.19045.1234",
    "김치 공장 악취", "이동 주차 요청", "박스 무단 투기", "정리 요청", "한국전력 협조",
    "조사 결과 통보", "신청서 보완", "고객님께서 문의하셨습니다", "담당 주무관에게 전달",
    "과장님께 보고", "가평군청 민원실", "홍천군 협조 요청", "양평군 주민", "다양한 의견",
    "담당자 배정 예정", "성명 미상", "민원인 본인 방문", "이번 주 처리", "이상 없음",
    "901301-1234567", "991232-1234567", "000000-0000000", "123-45-67890 (오류 번호)",
    "인사팀장 회의", "기획팀장님", "국회의원 면담", "연구소장 방문", "사무국장 결재",
    "3층 회의실", "101동 앞 도로", "1588-1234", "제12조 3456", "10:30 방문",
    "총 1,234건", "처리율 98.5%", "2,345명 참석", "주문번호 20230305123456",
]  # fmt: skip
