"""Generated 민원 texts with the department that handled them, for tests, the lesson and demos.

``complaint_frame(n, seed)`` builds a 민원 list (접수일, 민원 내용, 담당부서) in date order.
Each department has its own issues and ways of saying them; every text is wrapped in the
greetings and thanks real 민원 carry and sometimes a name and phone number, so analysis has
boilerplate and personal data to strip. Some issues come back reworded from another
resident a few days later (반복 민원); ``repeat_of`` gives the row each repeat restates.
"""

from datetime import date, timedelta

import numpy as np
import pandas as pd

from dadeum.samples.people import fake_name, fake_phone

__all__ = ["DEPARTMENTS", "complaint_frame", "reworded"]

# department → issues; each issue is (what, where-phrases, asks).
DEPARTMENTS: dict[str, list[tuple[str, ...]]] = {
    "교통행정과": [
        ("불법주차 차량 때문에 골목 통행이 막힙니다", "단속을 해 주세요"),
        ("공영주차장이 부족해서 주차할 곳이 없습니다", "주차장을 늘려 주세요"),
        ("버스정류장 안내기가 고장 나서 배차 시간을 알 수 없습니다", "수리해 주세요"),
        ("횡단보도 신호등 보행 시간이 너무 짧습니다", "신호 시간을 늘려 주세요"),
    ],
    "청소행정과": [
        ("쓰레기 무단투기가 계속되어 악취가 납니다", "수거와 단속을 부탁합니다"),
        ("음식물 쓰레기 수거가 며칠째 되지 않았습니다", "빨리 수거해 주세요"),
        ("재활용 분리배출 요일을 지키지 않는 집이 많습니다", "계도해 주세요"),
        ("대형폐기물 스티커를 붙였는데 수거해 가지 않았습니다", "수거를 요청합니다"),
    ],
    "건설과": [
        ("도로에 포트홀이 생겨 차량 바퀴가 손상되었습니다", "도로를 보수해 주세요"),
        ("보도블록이 깨지고 들떠서 걷다가 넘어질 뻔했습니다", "보도를 정비해 주세요"),
        ("빗물받이가 막혀 비가 오면 도로가 잠깁니다", "준설해 주세요"),
        ("가로등이 꺼져 밤길이 어둡고 무섭습니다", "가로등을 고쳐 주세요"),
    ],
    "환경과": [
        ("공사장 소음이 새벽부터 심해 잠을 잘 수 없습니다", "소음 측정과 단속을 바랍니다"),
        ("공장 굴뚝에서 매연과 악취가 납니다", "배출 시설을 점검해 주세요"),
        ("공사장 비산먼지 때문에 창문을 열 수 없습니다", "살수와 방진막 설치를 요청합니다"),
        ("하천에 기름이 떠 있고 물고기가 죽어 있습니다", "수질 오염을 조사해 주세요"),
    ],
    "공원녹지과": [
        ("공원 놀이터 그네가 부서져 아이들이 다칠까 걱정입니다", "놀이기구를 고쳐 주세요"),
        ("가로수 가지가 전선에 닿고 간판을 가립니다", "가지치기를 해 주세요"),
        ("공원 화장실이 너무 더럽고 휴지가 없습니다", "청소를 자주 해 주세요"),
        ("산책로 벤치가 낡아 앉을 수 없습니다", "벤치를 교체해 주세요"),
    ],
    "복지정책과": [
        ("혼자 사는 어르신이 끼니를 거르고 계십니다", "돌봄 서비스를 연계해 주세요"),
        ("기초생활수급 신청 절차를 알고 싶습니다", "필요한 서류를 안내해 주세요"),
        ("장애인 활동지원 시간이 부족합니다", "지원 시간을 늘려 주세요"),
        ("경로당 난방비 지원이 끊겼습니다", "지원을 다시 검토해 주세요"),
    ],
}
_PLACES = ("OO동 주민센터 앞", "시장 입구", "초등학교 후문", "OO아파트 정문 앞", "역 3번 출구",
           "OO로 12길", "체육공원 옆", "OO빌라 골목")  # fmt: skip
_OPENINGS = ("안녕하세요.", "안녕하십니까.", "수고 많으십니다.", "", "")
_CLOSINGS = ("감사합니다.", "빠른 조치 부탁드립니다.", "답변 부탁드립니다.", "수고하세요.", "")
# Rewordings a second resident might use for the same issue.
_SWAPS = (("때문에", "탓에"), ("너무", "정말"), ("주세요", "주시기 바랍니다"),
          ("합니다", "드립니다"), ("없습니다", "없어요"), ("바랍니다", "요청드립니다"))  # fmt: skip


def reworded(text: str, rng: np.random.Generator) -> str:
    """The same complaint in other words: swapped phrases and sentences in another order."""
    for old, new in _SWAPS:
        if old in text and rng.random() < 0.7:
            text = text.replace(old, new, 1)
    sentences = [s for s in text.split(". ") if s]
    if len(sentences) > 1 and rng.random() < 0.5:
        sentences = sentences[1:] + sentences[:1]
    return ". ".join(sentences)


def _complaint(rng: np.random.Generator, issue: tuple[str, ...], place: str) -> str:
    what, ask = issue
    return f"{place} {what}. {ask}"


def complaint_frame(
    n: int = 300, seed: int = 0, *, start: date = date(2024, 1, 1), days: int = 365
) -> pd.DataFrame:
    """``n`` 민원 (접수일, 민원 내용, 담당부서, repeat_of) in date order, the same for a seed.

    ``repeat_of`` is the 0-based row an earlier 민원 on the same issue sits at, or -1.
    """
    rng = np.random.default_rng(seed)
    departments = list(DEPARTMENTS)
    rows: list[tuple[date, str, str, int]] = []
    cores: list[tuple[date, str]] = []
    offsets = np.sort(rng.integers(0, days, size=n))
    for offset in offsets:
        day = start + timedelta(days=int(offset))
        repeat = -1
        if cores and rng.random() < 0.15:
            repeat = int(rng.integers(max(0, len(cores) - 30), len(cores)))
            core = reworded(cores[repeat][1], rng)
            department = rows[repeat][2]
        else:
            department = departments[int(rng.integers(len(departments)))]
            issues = DEPARTMENTS[department]
            issue = issues[int(rng.integers(len(issues)))]
            core = _complaint(rng, issue, _PLACES[int(rng.integers(len(_PLACES)))])
        pieces = [_OPENINGS[int(rng.integers(len(_OPENINGS)))], core + "."]
        if rng.random() < 0.3:
            pieces.append(f"저는 {fake_name(rng)}이고 연락처는 {fake_phone(rng)}입니다.")
        pieces.append(_CLOSINGS[int(rng.integers(len(_CLOSINGS)))])
        rows.append((day, " ".join(p for p in pieces if p), department, repeat))
        cores.append((day, core))
    return pd.DataFrame(rows, columns=["접수일", "민원 내용", "담당부서", "repeat_of"])
