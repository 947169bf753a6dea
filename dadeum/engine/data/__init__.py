"""Reference data the engine reads with ``importlib.resources``.

``sigungu.csv`` — every 시·군·구 and 일반구 by 시도, one row each, UTF-8:

- ``시도``: official name of the 시도 the unit belongs (or belonged) to;
- ``시군구``: the 시, 군 or 자치구; ``일반구``: a 일반구 of that 시 (blank for the 시 itself);
- ``상태``: ``현행`` (in use) or ``폐지`` (kept so that old addresses still read);
- ``새이름``: for a renamed or moved unit, its current ``시도 시군구`` (인천 남구 → 미추홀구,
  경상북도 군위군 → 대구광역시 군위군); blank when the unit was split and has no single heir;
- ``비고``: the date and nature of the change.

Current as of 2026-07-01: 226 자치구·시·군 of 2025, with 인천's reorganisation of
2026-07-01 (중구·동구 → 제물포구·영종구; 서구 → 서구·검단구), 부천시's 일반구 restored
2024-01-01 and 화성시's 일반구 from 2026-02-01, plus 제주's two administrative cities.
Update this file when 행정구역 change; tests/test_split_address.py counts the units per 시도.

``dong.csv`` — the 동 of the resident register by base name, one row each, UTF-8: ``동``
(휘경제2동 and 휘경제1동 → 휘경동; 불로.봉무동 → 불로동, 봉무동; 방배본동 → 방배동), with the
``시도`` and ``시군구`` of its first occurrence. Built from 행정안전부 주민등록 인구통계 (연령별
인구현황, 2020년 6월; 공공데이터, free use with attribution): the 행정동 ending in 동, numbers
and 제/본 dropped, three syllables or more (명동 and 필동 are no full name anyway). A 법정동
that is no 행정동 (구기동, 신영동) is not listed. The privacy rules read it so that 강일동은
is a place, not a name.
"""
