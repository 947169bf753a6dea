"""The table finder every ribbon button shares, and the number formats 정리 chooses."""

import pandas as pd
import pytest

from dadeum.engine.columns import clean_frame, number_format
from dadeum.engine.locate import locate_table
from dadeum.engine.recipes import validate_recipe
from dadeum.errors import InvalidArgumentError
from dadeum.samples.sheets import crime_sheet, station_sheet, taas_sheet


def test_title_row_is_not_the_table():
    found = locate_table(station_sheet(10))
    assert (found.top, found.bottom, found.header_rows) == (2, 12, 1)
    assert found.title == "지역_위치별(주유소)"
    assert found.header_names[:3] == ["지역", "상호", "주소"]


def test_two_row_headers_are_counted_and_joined():
    found = locate_table(taas_sheet())
    assert (found.top, found.header_rows) == (3, 2)  # title and unit rows left out
    assert found.header_names[1:3] == ["2014년_합계", "2014년_20세이하"]
    assert locate_table(crime_sheet()).header_names[2:5] == ["합계_발생", "합계_검거", "살인_발생"]


def test_one_cell_picks_the_table_around_it():
    rows = [["제목 1", None, None], ["구분", "값", None], ["가", 1, None], ["나", 2, None],
            [None, None, None], ["지역", "건수", "비고"], ["서울", 5, "x"], ["부산", 6, "y"],
            ["대구", 7, "z"]]  # fmt: skip
    assert locate_table(rows, cursor=(3, 1)).top == 2
    assert locate_table(rows, cursor=(1, 1)).top == 2  # on the title: its table
    assert locate_table(rows, cursor=(20, 9)).top == 6  # outside both: the larger one
    whole = locate_table(rows)  # several tables selected: kept as selected
    assert (whole.top, whole.bottom, whole.right) == (1, 9, 3)


def test_blank_edges_are_cut_and_coordinates_kept():
    rows = [[None] * 4, [None, "성명", "전화", None], [None, "홍길동", "010-1234-5678", None]]
    found = locate_table(rows, top=5, left=2, find=False)
    assert (found.top, found.left, found.bottom, found.right) == (6, 3, 7, 4)


@pytest.mark.parametrize(
    ("rows", "need", "words"),
    [
        ([[None, None]], "cells", "데이터가 없습니다"),
        ([["민원"], [None]], "cells", "값이 하나뿐"),
        ([["성명", "전화"]], "rows", "값이 없습니다"),
        ([["사과"], ["배"], ["감"]], "table", "표를 찾지"),
    ],
)
def test_selections_without_a_table_say_what_to_select(rows, need, words):
    with pytest.raises(InvalidArgumentError, match=words) as caught:
        locate_table(rows, need=need)
    assert "선택" in str(caught.value)


def test_clean_frame_takes_a_header_row_count():
    frame = pd.DataFrame(taas_sheet()[2:], dtype=object)
    result = clean_frame(frame, header=2)
    assert result.header_rows == 2 and not result.issues
    assert result.frame.iat[0, 1] == "2014년"


@pytest.mark.parametrize(
    ("values", "name", "code"),
    [
        ([2014, 2014, 2015], "기간", "0"),
        ([2006, 2007, 2008], None, "0"),  # a run of years without a header
        ([97674, 97673], "번호", "0"),
        ([1101053, 1101054], "행정동코드", "0"),
        ([1955, 1987, 1923], "휘발유", "#,##0"),  # prices that look like years
        ([2014, 2014], "발생건수", "#,##0"),
        ([12000, 13], "건수", "#,##0"),
        ([1.5, 2.25], "비율", "General"),
    ],
)
def test_whole_numbers_that_name_a_record_get_no_separator(values, name, code):
    assert number_format(pd.Series(values, dtype=object), "number", name=name) == code


def test_a_recipe_may_name_the_header_row_count():
    recipe = {"dadeum_recipe": 1, "name": "x", "steps": [{"step": "clean", "header": 2}]}
    assert validate_recipe(recipe) == []
    recipe["steps"][0]["header"] = 11
    assert validate_recipe(recipe)
