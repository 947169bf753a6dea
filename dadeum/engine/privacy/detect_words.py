"""Word lists for personal-data detection: surnames, titles, cue words, banks, column headers.

Hand-written from common Korean usage; they decide what counts as context, so they are kept
apart from the patterns that use them.
"""

import re

# The ~100 most common 성씨 (통계청 인구주택총조사 order, roughly), then rarer ones that still
# appear in office data, then the two-syllable ones.
SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 고 문 양 손 배 백 허 남 심 "
    "노 하 곽 성 차 주 우 구 민 류 나 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 "
    "마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 "
    "태 목 형 계 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 견 당 화 창 옹 묵 근 필 "
    "리 림 로 뢰".split()
)
COMPOUND_SURNAMES = frozenset("남궁 황보 제갈 선우 독고 사공 서문 동방 망절 어금".split())

# The forty most common 성씨 (nine in ten people).
COMMON_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 고 문 양 손 배 백 허 남 심 "
    "노 하 곽 성 차 주 우 구 민 류 나 진 지 엄 채 원 천 방 공 현 함 변 염 여 추".split()
)

# Syllables that are common in Korean given names. In free text a name must be made of these,
# which keeps ordinary words such as 고객, 기획, 인사 out even before the stop list.
GIVEN_SYLLABLES = frozenset(
    "가 각 간 갑 강 개 건 걸 검 겸 경 계 고 곤 공 관 광 교 구 국 군 권 귀 규 균 근 금 기 길 "
    "나 낙 난 남 내 녀 년 노 늘 다 단 달 담 대 덕 도 돈 동 두 득 라 란 람 래 랑 량 려 련 렬 "
    "령 례 로 록 론 뢰 료 룡 루 류 륜 률 륭 름 리 린 림 마 만 말 매 맹 면 명 모 목 몽 무 묵 문 "
    "미 민 바 박 반 방 배 백 범 법 벽 병 보 복 본 봉 부 분 비 빈 빛 사 산 삼 상 새 샘 생 서 "
    "석 선 설 섭 성 세 소 솔 송 수 숙 순 술 슬 승 시 식 신 실 심 아 안 애 야 양 언 엄 업 여 "
    "역 연 열 염 엽 영 예 오 옥 온 완 왕 요 용 우 욱 운 울 웅 원 월 위 유 육 윤 율 융 은 을 "
    "음 응 의 이 익 인 일 임 자 작 잔 장 재 전 점 정 제 조 종 주 준 중 증 지 직 진 찬 창 채 "
    "책 천 철 청 초 총 추 춘 충 치 칠 탁 태 택 판 팔 평 표 풍 필 하 학 한 함 항 해 행 향 허 "
    "헌 혁 현 협 형 혜 호 홍 화 환 활 황 회 효 후 훈 휘 희 흠 흥 결 별 솜 봄 겨 누 새 힘".split()
)

# Words shaped like a name (a surname syllable and one to three more) that are ordinary words,
# titles or places; never taken for a name.
NOT_NAMES = frozenset(
    """
    무소속 현제 한수원 현충원
    기안자 시행자 조사자 주관자 제안자 변경자 승인자 구매자 가해자 소유자 기획자 지원자 추천자
    감독자 배우자 상속자 채무자 채권자 위반자 기부자 진행자 사회자 참가자 참석자 응시자 수강자
    발표자 대상자 희망자 수급자 상담자 봉사자 운전자 보행자 거주자 입주자 구직자 수혜자 당선자
    합격자 수상자 입상자
    김치 김밥 김장 김포 김해 김천 김제 김씨 이동 이번 이상 이용 이후 이전 이름 이유 이웃 이미 이제
    이장 이사 이익 이해 이행 이의 이견 이월 이하 이내 이외 이것 이곳 이분 이런 이분들 이거 이래
    이날 이달 이중 이민 이주 이체 이관 이송 이첩 이력 이상한 이용자 이번주 이용객 이해관계
    박스 박사 박물관 박수 최근 최고 최대 최소 최종 최초 최선 최신 정리 정보 정도 정상 정책 정부
    정비 정산 정말 정원 정문 정기 정확 정지 정해 정수 정당 정식 정시 정답 정렬 정화 강의 강사
    강제 강화 강남 강북 강원 강당 강서 강동 강도 조사 조치 조건 조합 조정 조회 조례 조성 조명
    조금 조속 조기 조직 조경 윤리 장소 장애 장비 장기 장사 장관 장학 장례 장님 장모 장인 장애인
    임대 임차 임시 임금 임원 임야 임신 한국 한번 한부모 한전 한정 한도 한계 한글 한편 한분 한국인
    오늘 오전 오후 오류 오수 오염 오피스 오래 오른 서류 서비스 서울 서명 서면 서식 서로 서부 서쪽
    신청 신고 신규 신속 신분 신호 신축 신설 신청인 신고인 신고자 신청자 신문 신용 신입 권리 권한
    권고 황사 안내 안전 안녕 안건 안정 안쪽 송부 송금 송달 전화 전기 전체 전부 전년 전달 전입 전출
    전세 전담 전문 전혀 전국 전원 전용 전자 홍보 홍수 유지 유선 유형 유의 유관 유출 유기 유족
    고객 고지 고장 고소 고발 고민 고려 고충 고용 고시 고인 고령 고령자 고양 문의 문서 문제 문자
    문화 문의자 양식 양해 양도 양측 손님 손해 손상 배정 배송 배출 배관 배부 백신 허가 허위 남자
    남편 남성 남부 남쪽 심사 심의 노인 노후 노선 노력 하수 하천 하자 성명 성별 성함 성과 성실
    차량 차도 차선 차단 차주 주소 주민 주차 주택 주변 주의 주간 주말 주요 주관 주무관 주인 주임
    우리 우편 우선 우수 구청 구역 구간 구매 구조 구입 구민 구청장 민원 민원인 민간 나무 나이 나중
    진행 진단 진정 진정인 지역 지원 지급 지정 지연 지금 지난 지도 지사 지점 엄마 채용 원인 원래
    원본 원장 천원 방문 방법 방안 방침 방송 방문자 공사 공원 공지 공문 공고 공무원 공단 공동 공개
    공람 현장 현재 현황 함께 변경 변동 여부 여러 여러분 여권 여성 여사 추가 추진 추후 도로 도시
    도움 도착 도서 도민 소음 소유 소방 소속 소관 소득 소장 석유 선생 선정 선택 선생님 설치 설명
    설계 마을 마감 마트 마음 길이 연락 연장 연도 연체 위치 위반 위원 위험 위해 위원장 표시 명의
    명단 명칭 기타 기간 기관 기준 기록 기한 기사 기자 기획 기업 반납 반영 반려 반환 반장 라인
    왕복 금액 금일 금년 옥상 육교 인원 인터넷 인사 인근 인증 인허가 인수 제출 제공 제기 제한 제도
    모든 모두 모집 국민 국가 국토 국장 어제 어린이 어르신 은행 예정 예산 예약 경우 경찰 경로
    경비 경비원 봉사 사업 사항 사용 사람 사진 사유 사장 사무 사용자 사업자 부서 부과 부분 부족
    부탁 부장 부모 부인 부처 가능 가구 가족 가입 가게 가평 복지 복구 태풍 목적 형태 형님 계획 계약
    계좌 계장 피해 피해자 두고 감사 감독 음식 음주 빈집 동네 동의 동안 동장 호수 범위 좌측 승인
    간판 상담 상태 상황 상가 상담사 시설 시간 시청 시민 시행 시작 시장 시도 하느 하느님 공주
    임금님 대표 대리 과장 팀장 차장 실장 소장 이사장 회장 교수 박사님 선배 후배 동료 직원
    담당 담당자 작성자 관리자 관계자 보호자 대표자 세대주 예금주 수령인 환자 학생 주민분 고객님
    공무 경제 위생 상수도 하수도 방재 공보 국회 연구 서무 상임 명예 전임 국선 정규 주무 총무 시민
    인허가 계약 지적 민원팀 기획팀 선거 통계 감사팀 도시계획 교육 정산팀 회계
    사실 상대방 상대 주민분 어머님 아버님 부모님 모두 우리 저희 자기 자신 본인 당사자
    대한민국 고조선 고고학 심정지 보디빌더 제가 저희가 우리가 한반도 전교조 조회수
    변호사 간호사 조합장 조리사 정비사 장학사 전도사 전문의 한의사 공인중개사 세무사 노무사
    교장 교감 원장님 이사장 부이사장 주지사 도지사 지부장 지점장 소장님 관리인 경비원
    소방위 소방장 소방교 소방사 소방경 소방령 경위 경사 경장 순경 경감 경정 총경
    여기서 거기서 저기서 여기 거기 저기 이거 그거 저거 이건 그건 저건
    양부모 조부모 외조부모 안전문 한치의 전염병 차이나 장가계 신청지 지주택 구조자 조사관
    전관 신진 승무 주범 신재생 따릉이 하지만 하물며 하여간 하여튼 하기야 하긴
    위해서 위하여 인해서 인하여 의해서 통해서 대해서 관해서
    """.split()
)

# Titles and honorifics that follow a name: 홍길동 씨, 김민수님, 이영희 주무관.
TITLES = (
    "선생님 교수님 변호사 주무관 사무관 서기관 팀장 과장 부장 차장 실장 국장 소장 원장 계장 "
    "주임 대리 사원 이사 상무 전무 대표 사장 회장 위원장 위원 의원 기자 간호사 선생 교수 박사 "
    "여사 어르신 할머니 할아버지 학생 환자 고객 회원 귀하 님 씨 군 양 "
    "구청장 시장 군수 도지사 대통령 장관 차관 총리 대법관 판사 검사 총장 청장 드림 올림 "
    "영사 총영사 이병 일병 상병 병장 하사 중사 원사 소위 중위 대위 소령 중령 대령 준장 중장"
).split()
# Titles of an office after a full name (홍길동 주무관, 김민수 구청장, 이영희 드림): a name by its
# form alone. After the other titles (변호사, 시장, 님) the language analysis decides.
OFFICE_TITLES = frozenset(
    "주무관 사무관 서기관 팀장 과장 부장 차장 실장 국장 계장 주임 대리 사원 상무 전무 "
    "대표 사장 회장 위원장 의원 구청장 군수 도지사 드림 올림 귀하 여사".split()
)
# 군/양 also end place names and ordinary words (가평군, 다양), so they count only after a
# space or after a three-syllable name.
WEAK_TITLES = frozenset({"군", "양"})

# Words after which a name is expected: 성명: 홍길동, 민원인 이영희가, 담당자 김민수.
NAME_CUES = (
    "성명 이름 성함 민원인 신청인 신고인 신고자 진정인 청구인 담당자 작성자 대표자 예금주 "
    "보호자 피해자 가해자 수령인 수취인 접수자 처리자 세대주 소유자 임차인 임대인 고객명 "
    "환자명 대표이사 대표 받는분 보내는분 받는사람 보내는사람 담당 수신자 발신자 수신 발신 "
    "의뢰인 상담자 참석자 방문자 신청자 고객 회원 환자 학생 직원 주무관 팀장 과장 부장 차장 "
    "실장 국장 계장 주임 대리 사원 교수 선생님 기자 위원 의원 변호사 동생 누나 언니 오빠 "
    "아들 남편 아내 어머니 아버지 친구 검토자 결재자 확인자 승인자 기안자 협조자 대상자 명단 "
    "참여자 응답자 지원자 합격자 수상자 당선자 후보자 입주자 계약자 가입자 납부자 체납자 "
    "운전자 차주 증인 참고인 요청자 보고자 출장자 피보험자 보험자 발령자 출원인 청원인 "
    "제안자 답변자 문의자 연락자 책임자 관리자 감독자 시공자 발주자 근무자 퇴직자 전입자"
).split()
# Cues that label the next word as a person's name (a form field, a signature), so no
# language analysis is needed; the other cues (고객, 학생, 아들 …) only suggest one.
LABEL_CUES = frozenset(
    "성명 이름 성함 민원인 신청인 신고인 신고자 진정인 청구인 담당자 작성자 대표자 예금주 "
    "보호자 수령인 수취인 접수자 처리자 세대주 소유자 임차인 임대인 고객명 환자명 대표이사 "
    "의뢰인 상담자 검토자 결재자 확인자 승인자 기안자 협조자 요청자 보고자 출장자 피보험자 "
    "발령자 출원인 청원인 제안자 답변자 책임자 계약자 가입자 신청자".split()
)
NAME_CUES += ["받는 분", "보내는 분", "받는 사람", "보내는 사람"]

# Particles that may follow a name directly (longest first when tried).
PARTICLES = sorted(
    (
        "께서는 께서도 께서 에게서 에게는 에게 한테 이라고 이라는 이에요 이며 이고 이나 이랑 "
        "이가 이는 이를 이의 이도 이와 으로 에서 께 은 는 이 가 을 를 의 와 과 도 만 로 에 랑 "
        "외 등 님께서 님께 님이 님은 님의 님을 님도 님과 님과의 님께는 씨가 씨는 씨의 씨를 씨도 "
        "씨와 씨께 입니다 이다 이에요 예요 이라고 라고 이라는 라는 하고 이랑 에게서 "
        "과의 와의 이와의"
    ).split(),
    key=len,
    reverse=True,
)

# Bank names and account words: a long digit group next to one of these is an account number.
BANKS = (
    "국민은행 신한은행 우리은행 하나은행 농협은행 기업은행 카카오뱅크 토스뱅크 케이뱅크 "
    "새마을금고 우체국 수협은행 대구은행 iM뱅크 부산은행 경남은행 광주은행 전북은행 제주은행 "
    "SC제일은행 씨티은행 산업은행 신협 저축은행 KB국민 KB NH농협 NH IBK기업 IBK 국민 신한 "
    "우리 하나 농협 기업 수협 대구 부산 경남 광주 전북 제주 SC제일 씨티 산업 카카오 토스 "
    "지역농협 단위농협 축협 케이뱅크"
).split()
ACCOUNT_WORDS = "계좌 계좌번호 입금 예금주 통장 이체 송금 환급 출금 가상계좌 은행".split()

# Words that put a number in context.
CONTEXT = {
    "주민등록번호": "주민등록번호 주민번호 주민 등록번호 생년월일".split(),
    "외국인등록번호": "외국인등록번호 외국인번호 외국인 등록번호".split(),
    "여권번호": "여권번호 여권 passport".split(),
    "운전면허번호": "운전면허번호 운전면허 면허번호 면허".split(),
    "사업자등록번호": "사업자등록번호 사업자번호 사업자 등록번호".split(),
    "법인등록번호": "법인등록번호 법인번호 법인".split(),
    "차량번호": "차량번호 차량 차번호 번호판 자동차 주차 승용차 화물차 택시".split(),
    "전화번호": (
        "전화 연락처 휴대폰 핸드폰 휴대전화 tel phone 팩스 fax 문자 대표번호 고객센터 콜센터 ars "
        "☎ ☏"
    ).split(),
    "IP주소": "ip 아이피 접속".split(),
}
# A dotted quad after these is a version, not an IP address.
VERSION_WORDS = ("버전", "version", "ver", "v.", "릴리스", "release")

# Column headers: words in a header and the types they stand for. Checked in this order; the
# first word found inside the (space-free, lower-case) header wins.
HEADER_WORDS = [
    ("외국인등록번호", "외국인등록번호"), ("외국인번호", "외국인등록번호"),
    ("주민등록번호", "주민등록번호"), ("주민번호", "주민등록번호"), ("주민", "주민등록번호"),
    ("rrn", "주민등록번호"),
    ("여권", "여권번호"), ("passport", "여권번호"),
    ("운전면허", "운전면허번호"), ("면허번호", "운전면허번호"),
    ("사업자", "사업자등록번호"), ("법인번호", "법인등록번호"), ("법인등록", "법인등록번호"),
    ("이메일", "이메일"), ("e-mail", "이메일"), ("email", "이메일"), ("메일", "이메일"),
    ("전자우편", "이메일"),
    ("카드", "카드번호"),
    ("계좌", "계좌번호"), ("통장", "계좌번호"), ("account", "계좌번호"),
    ("차량", "차량번호"), ("차번호", "차량번호"), ("번호판", "차량번호"),
    ("ip주소", "IP주소"), ("아이피", "IP주소"), ("ip", "IP주소"),
    ("전화", "전화번호"), ("연락처", "전화번호"), ("휴대폰", "전화번호"), ("핸드폰", "전화번호"),
    ("휴대전화", "전화번호"), ("팩스", "전화번호"), ("phone", "전화번호"), ("tel", "전화번호"),
    ("mobile", "전화번호"), ("fax", "전화번호"),
    ("우편번호", ""), ("주소", "주소"), ("거주지", "주소"), ("소재지", "주소"), ("도로명", "주소"),
    ("지번", "주소"), ("address", "주소"),
    ("성명", "이름"), ("이름", "이름"), ("성함", "이름"), ("민원인", "이름"), ("신청인", "이름"),
    ("신고인", "이름"), ("신고자", "이름"), ("진정인", "이름"), ("청구인", "이름"),
    ("담당자", "이름"), ("대표자", "이름"), ("예금주", "이름"), ("보호자", "이름"),
    ("작성자", "이름"), ("수령인", "이름"), ("수취인", "이름"), ("세대주", "이름"),
    ("소유자", "이름"), ("피해자", "이름"), ("고객명", "이름"), ("환자명", "이름"),
    ("학생명", "이름"), ("직원명", "이름"), ("처리자", "이름"), ("접수자", "이름"),
    ("피보험자", "이름"), ("가입자", "이름"), ("계약자", "이름"), ("임차인", "이름"),
    ("임대인", "이름"), ("수급자", "이름"), ("참석자", "이름"), ("신청자", "이름"),
    ("의뢰인", "이름"), ("요청자", "이름"), ("보고자", "이름"), ("출장자", "이름"),
    ("승인자", "이름"), ("결재자", "이름"),
    ("name", "이름"), ("fullname", "이름"),
]  # fmt: skip

# Korean region names written in front of a driving licence number: 서울 12-345678-90.
LICENCE_REGIONS = (
    "서울 부산 경기남부 경기북부 경기 강원 충북 충남 전북 전남 경북 경남 제주 대구 인천 광주 "
    "대전 울산 세종"
).split()
# Middle syllables a vehicle registration number may use (자동차 등록번호판 등의 기준에 관한
# 고시): private, business (아바사자), rental (하허호) and delivery (배) use.
VEHICLE_SYLLABLES = (
    "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호"
)
# Regions on the old regional plates: 서울12가3456.
VEHICLE_REGIONS = (
    "서울 부산 대구 인천 광주 대전 울산 세종 경기 강원 충북 충남 전북 전남 경북 경남 제주"
).split()


def alternation(words) -> str:
    """A regex matching any of ``words``, preferring the longest, written as a trie
    (``강(?:남구|동구)``) so that Python's engine rejects a position after one character
    instead of trying every word in turn. Valid for RE2 as well."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here; a longer one may go on (greedy, so longest first)
        return "(?:" + body + ")?"
    return body


# Foreign people 민원 text names with no title or cue (트럼프가, 셰익스피어 공연), as Korean
# writes them; only spellings that are no Korean word (not 대처, 공자, 노자, 부처, 링컨 the car).
# A space marks where a writer may or may not leave one (빌 게이츠, 빌게이츠).
FAMOUS_FOREIGN_NAMES = tuple(
    name.strip()
    for name in """
    도널드 트럼프, 트럼프, 바이든, 오바마, 힐러리, 레이건, 케네디, 루스벨트, 루즈벨트, 시진핑,
    마오쩌둥, 덩샤오핑, 푸틴, 아베 신조, 아베, 기시다, 마크롱, 메르켈, 처칠, 히틀러, 무솔리니,
    스탈린, 레닌, 나폴레옹, 간디, 만델라, 체 게바라, 소크라테스, 플라톤, 아리스토텔레스, 칸트,
    니체, 마르크스, 맹자, 셰익스피어, 톨스토이, 도스토예프스키, 괴테, 헤밍웨이, 반 고흐, 고흐,
    피카소, 모차르트, 베토벤, 쇼팽, 아인슈타인, 뉴턴, 다윈, 에디슨, 갈릴레이, 갈릴레오,
    프로이트, 빌 게이츠, 스티브 잡스, 일론 머스크, 저커버그, 워런 버핏, 도요토미 히데요시,
    이토 히로부미, 마틴 루터 킹, 석가모니, 무함마드, 해리스
    """.split(",")
)
