"""split_address: 시도, 시군구 and the rest of a Korean address."""

import asyncio
import csv
from importlib import resources

import custom_functions
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given
from hypothesis import strategies as st

from dadeum.engine.addresses import COLUMNS, SIDO_NAMES, split_address, split_address_series
from dadeum.samples.contacts import messy_addresses
from tests.conftest import office_js_call


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 도로명 and 지번, full and short 시도 names
        ("서울특별시 종로구 세종대로 209", ("서울특별시", "종로구", "세종대로 209")),
        ("서울 강남구 테헤란로 152", ("서울특별시", "강남구", "테헤란로 152")),
        ("서울시 중구 세종대로 110", ("서울특별시", "중구", "세종대로 110")),
        ("부산 해운대구 우동 1411", ("부산광역시", "해운대구", "우동 1411")),
        ("대전시 유성구 대학로 211", ("대전광역시", "유성구", "대학로 211")),
        (
            "경기 성남시 분당구 판교역로 235 (삼평동)",
            ("경기도", "성남시 분당구", "판교역로 235 (삼평동)"),
        ),
        ("경기도 고양시 일산동구 중앙로 1275", ("경기도", "고양시 일산동구", "중앙로 1275")),
        ("경기도 부천시 원미구 길주로 210", ("경기도", "부천시 원미구", "길주로 210")),
        ("경기도 부천시 길주로 210", ("경기도", "부천시", "길주로 210")),
        ("충북 청주시 상당구 상당로 155", ("충청북도", "청주시 상당구", "상당로 155")),
        ("충남 천안시 동남구 목천읍 1", ("충청남도", "천안시 동남구", "목천읍 1")),
        ("경남 창원시 마산합포구 3·15대로 1", ("경상남도", "창원시 마산합포구", "3·15대로 1")),
        ("경북 포항시 남구 시청로 1", ("경상북도", "포항시 남구", "시청로 1")),
        ("전남 순천시 장명로 30", ("전라남도", "순천시", "장명로 30")),
        # renamed 시도
        ("강원도 춘천시 중앙로 1", ("강원특별자치도", "춘천시", "중앙로 1")),
        ("강원 원주시 시청로 1", ("강원특별자치도", "원주시", "시청로 1")),
        ("전라북도 전주시 완산구 효자로 225", ("전북특별자치도", "전주시 완산구", "효자로 225")),
        ("전북 군산시 시청로 17", ("전북특별자치도", "군산시", "시청로 17")),
        ("제주도 제주시 문연로 6", ("제주특별자치도", "제주시", "문연로 6")),
        ("제주 서귀포시 중앙로 105", ("제주특별자치도", "서귀포시", "중앙로 105")),
        ("세종특별자치시 한누리대로 2130", ("세종특별자치시", "", "한누리대로 2130")),
        ("세종시 조치원읍 군청로 87-16", ("세종특별자치시", "", "조치원읍 군청로 87-16")),
        # renamed or moved 시군구
        ("경상북도 군위군 군위읍 군청로 135", ("대구광역시", "군위군", "군위읍 군청로 135")),
        ("대구 군위군 군위읍 군청로 135", ("대구광역시", "군위군", "군위읍 군청로 135")),
        ("인천광역시 남구 주안동 1", ("인천광역시", "미추홀구", "주안동 1")),
        ("인천 미추홀구 독정이로 95", ("인천광역시", "미추홀구", "독정이로 95")),
        ("충남 당진군 당진읍 1", ("충청남도", "당진시", "당진읍 1")),
        # 시도 missing: filled in only when the 시군구 names one place
        ("분당구 삼평동 681", ("경기도", "성남시 분당구", "삼평동 681")),
        ("해운대구 우동 1411", ("부산광역시", "해운대구", "우동 1411")),
        ("성남시 분당구 판교역로 235", ("경기도", "성남시 분당구", "판교역로 235")),
        ("군위군 군위읍", ("대구광역시", "군위군", "군위읍")),
        ("중구 세종대로 110", ("", "중구", "세종대로 110")),
        ("남구 시청로 1", ("", "남구", "시청로 1")),
        ("강서구 화곡동 1", ("", "강서구", "화곡동 1")),  # 서울 and 부산
        ("고성군 간성읍 1", ("", "고성군", "간성읍 1")),  # 강원 and 경남
        # 시도 given, 일반구 without its 시
        ("경기도 분당구 판교역로 235", ("경기도", "성남시 분당구", "판교역로 235")),
        ("경북 남구 시청로 1", ("경상북도", "포항시 남구", "시청로 1")),
        ("경기 수원 팔달구 효원로 1", ("경기도", "수원시 팔달구", "효원로 1")),
        # 광주: 광역시, or 경기도 광주시
        ("광주 광산구 광산로 29", ("광주광역시", "광산구", "광산로 29")),
        ("광주시 서구 내방로 111", ("광주광역시", "서구", "내방로 111")),
        ("광주시 오포읍 오포로 1", ("경기도", "광주시", "오포읍 오포로 1")),
        ("경기 광주시 행정타운로 50", ("경기도", "광주시", "행정타운로 50")),
        # ㅡ and other dashes, spaces, postcodes, run-together words
        ("해운대구 우동 1411ㅡ1", ("부산광역시", "해운대구", "우동 1411-1")),
        ("서울 종로구 세종로 1 ― 68", ("서울특별시", "종로구", "세종로 1-68")),
        (
            "서울 강남구 테헤란로 152 , 3층 301ㅡ2호",
            ("서울특별시", "강남구", "테헤란로 152, 3층 301-2호"),
        ),
        ("\u3000서울\u00a0 강남구  테헤란로\t152 ", ("서울특별시", "강남구", "테헤란로 152")),
        ("(13529) 경기도 성남시 분당구 판교역로 235", ("경기도", "성남시 분당구", "판교역로 235")),
        ("[03154] 서울 종로구 세종대로 209", ("서울특별시", "종로구", "세종대로 209")),
        ("대한민국 서울특별시 종로구 세종대로 209", ("서울특별시", "종로구", "세종대로 209")),
        ("서울특별시중구세종대로 110", ("서울특별시", "중구", "세종대로 110")),
        ("경기도 성남시분당구판교역로 235", ("경기도", "성남시 분당구", "판교역로 235")),
        ("부산진구 중앙대로 644", ("부산광역시", "부산진구", "중앙대로 644")),
        # nothing to find
        ("판교역로 235", ("", "", "판교역로 235")),
        ("경기도청", ("", "", "경기도청")),
        ("서울 종로 1", ("서울특별시", "", "종로 1")),  # 종로 is a street, not 종로구
        ("서울", ("서울특별시", "", "")),
        ("해외 거주", ("", "", "해외 거주")),
    ],
)
def test_real_addresses(raw, expected):
    assert split_address(raw) == expected


@pytest.mark.parametrize("blank", [None, "", "  ", "\u3000", float("nan")])
def test_blank_cells_give_three_blanks(blank):
    assert split_address(blank) == ("", "", "")


def test_numbers_become_text_rather_than_failing():
    assert split_address(123) == ("", "", "123")
    assert split_address(12.0) == ("", "", "12")


def test_messy_samples_all_come_out_right():
    pairs = messy_addresses(3_000, seed=5)
    frame = split_address_series(pd.Series([raw for raw, _ in pairs]))
    got = list(frame.itertuples(index=False, name=None))
    wrong = [(raw, true, out) for (raw, true), out in zip(pairs, got, strict=True) if out != true]
    assert not wrong, wrong[:5]


def test_series_gives_a_frame_with_the_same_index():
    values = pd.Series(["서울 중구 1", None, "서울 중구 1", " ", 5], index=[10, 11, 12, 13, 14])
    before = values.copy()
    frame = split_address_series(values)
    assert list(frame.columns) == list(COLUMNS) == ["시도", "시군구", "나머지"]
    assert list(frame.index) == [10, 11, 12, 13, 14]
    assert frame.loc[10].tolist() == frame.loc[12].tolist() == ["서울특별시", "중구", "1"]
    assert frame.loc[11].tolist() == frame.loc[13].tolist() == [None, None, None]
    assert frame.loc[14].tolist() == ["", "", "5"]
    pd.testing.assert_series_equal(values, before)


def test_empty_series():
    frame = split_address_series(pd.Series([], dtype=object))
    assert frame.shape == (0, 3)


# --- the 시군구 data file ----------------------------------------------------------


def _rows():
    with resources.files("dadeum.engine.data").joinpath("sigungu.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_data_file_lists_every_current_sigungu():
    rows = [row for row in _rows() if row["상태"] == "현행"]
    units = {(row["시도"], row["시군구"]) for row in rows}
    assert {sido for sido, _ in units} == set(SIDO_NAMES) - {"세종특별자치시"}
    count = {sido: sum(1 for s, _ in units if s == sido) for sido in SIDO_NAMES}
    # 226 자치구·시·군 (2025), with 인천's 2026-07-01 reorganisation (중구·동구 → 제물포구·영종구,
    # 서구 → 서구·검단구), plus 제주's two administrative cities.
    assert count == {
        "서울특별시": 25, "부산광역시": 16, "대구광역시": 9, "인천광역시": 11,
        "광주광역시": 5, "대전광역시": 5, "울산광역시": 5, "세종특별자치시": 0, "경기도": 31,
        "강원특별자치도": 18, "충청북도": 11, "충청남도": 15, "전북특별자치도": 14,
        "전라남도": 22, "경상북도": 22, "경상남도": 18, "제주특별자치도": 2,
    }  # fmt: skip
    assert ("대구광역시", "군위군") in units and ("경상북도", "군위군") not in units
    assert ("인천광역시", "미추홀구") in units


def test_data_file_lists_the_general_gu_of_the_big_cities():
    gus = {}
    for row in _rows():
        if row["일반구"]:
            gus.setdefault(row["시군구"], set()).add(row["일반구"])
    assert gus["수원시"] == {"장안구", "권선구", "팔달구", "영통구"}
    assert gus["성남시"] == {"수정구", "중원구", "분당구"}
    assert gus["고양시"] == {"덕양구", "일산동구", "일산서구"}
    assert gus["창원시"] == {"의창구", "성산구", "마산합포구", "마산회원구", "진해구"}
    assert gus["청주시"] == {"상당구", "서원구", "흥덕구", "청원구"}
    assert gus["포항시"] == {"남구", "북구"}
    assert gus["전주시"] == {"완산구", "덕진구"}
    assert set(gus) == {
        "수원시", "성남시", "안양시", "부천시", "안산시", "고양시", "용인시", "화성시",
        "청주시", "천안시", "전주시", "포항시", "창원시",
    }  # fmt: skip


# --- properties ------------------------------------------------------------------

address_words = st.sampled_from(
    [
        "서울", "서울특별시", "경기", "강원도", "전라북도", "광주", "광주시", "세종시",
        "제주", "중구", "남구", "분당구", "성남시", "성남시분당구", "수원", "군위군",
        "해운대구", "고성군", "대한민국", "(13529)", "12345", "판교역로", "235", "681ㅡ1",
        "-", " - ", ",", "(삼평동)", "3층", "ㅡ", "\u00a0", "종로", "강남구테헤란로",
    ]
)  # fmt: skip
addresses = st.one_of(
    st.lists(address_words, max_size=7).map(" ".join),
    st.lists(address_words, max_size=5).map("".join),
    st.text(max_size=30),
)


@given(addresses)
def test_split_of_the_joined_parts_gives_the_same_parts(text):
    parts = split_address(text)
    assert all(isinstance(part, str) for part in parts)
    assert parts[0] in SIDO_NAMES or parts[0] == ""
    joined = " ".join(part for part in parts if part)
    assert split_address(joined) == parts


@given(st.lists(st.one_of(addresses, st.none(), st.integers(), st.floats()), max_size=15))
def test_series_never_crashes_and_keeps_the_shape(cells):
    values = pd.Series(cells, dtype=object)
    frame = split_address_series(values)
    assert frame.shape == (len(values), 3)
    assert list(frame.index) == list(values.index)


# --- Excel ---------------------------------------------------------------------


def call(func_name, *args):
    return asyncio.run(
        xlwings.server.custom_functions_call(office_js_call(func_name, *args), custom_functions)
    )


def test_excel_single_cell_gives_one_row_of_three():
    assert call("split_address", [["서울 중구 세종대로 110"]]) == [
        ["서울특별시", "중구", "세종대로 110"]
    ]


def test_excel_column_gives_n_rows_of_three_with_blanks_and_errors():
    error_cell = {"type": "Error", "basicValue": "#REF!", "errorType": "Ref"}
    args = [["강원도 춘천시 중앙로 1"], [None], [error_cell], ["분당구 삼평동 681ㅡ1"]]
    ref = {"type": "Error", "errorType": "Ref"}
    assert call("split_address", args) == [
        ["강원특별자치도", "춘천시", "중앙로 1"],
        ["", "", ""],
        [ref, ref, ref],
        ["경기도", "성남시 분당구", "삼평동 681-1"],
    ]


def test_excel_more_than_one_column_is_a_clear_error():
    with pytest.raises(xw.XlwingsError, match="한 열"):
        call("split_address", [["서울 중구 1", "부산 중구 1"]])
