"""Layouts of real published Korean tables that the converter once got wrong (issue #16).

Fixtures reproduce each pattern in a few rows. Where rows are copied from a real table the
source is named beside them; 서울 열린데이터광장 and KOSIS tables are 공공누리 제1유형 (출처표시).
"""

import pandas as pd

from dadeum.engine.tables.grid import make_grid
from dadeum.engine.tables.header import label_column_count, read_cells
from dadeum.engine.tables.periods import is_period
from dadeum.engine.tables.tidy import tidy_grid

# 출처: 서울 열린데이터광장, 서울시 인구밀도(구별) 2021 (공공누리 제1유형), first rows.
SEOUL_DENSITY = [
    ["기간", "지역", "인구", "면적"],
    [2021, "합계", 9736027, 605.24],
    [2021, "종로구", 153789, 23.91],
    [2021, "중구", 131787, 9.96],
]


def tidy(rows):
    return tidy_grid(make_grid(rows), sheet="Sheet1")


def long_rows(table):
    frame = table.long()
    return [tuple(v for v in row) for row in frame.itertuples(index=False)]


def test_period_first_column_is_a_row_label_and_totals_are_set_aside():
    table = tidy(SEOUL_DENSITY)[0]
    assert table.label_columns == ["기간", "지역"]
    assert list(table.levels) == ["인구", "면적"]
    assert table.totals["지역"].tolist() == ["합계"]
    assert long_rows(table)[:2] == [("2021", "종로구", "인구", 153789.0),
                                    ("2021", "종로구", "면적", 23.91)]  # fmt: skip


def test_repeated_quarter_blocks_without_a_period_header_are_labels():
    rows = [[None, "자치구", "인구"]]
    for quarter in ("2019.1/4", "2019.2/4"):
        rows += [[quarter, "합계", 300], [quarter, "종로구", 100], [quarter, "중구", 200]]
    table = tidy(rows)[0]
    assert len(table.label_columns) == 2
    quarters = table.data[table.label_columns[0]].tolist()
    assert quarters == ["2019.1/4", "2019.1/4", "2019.2/4", "2019.2/4"]
    assert len(table.totals) == 2


def test_sex_total_in_a_later_label_column_under_a_period_is_a_total():
    rows = [["기간", "행정구역별", "성별", "0~4세", "5~9세"],
            [2020, "합계", "계", 30, 40], [2020, "합계", "남자", 16, 21],
            [2020, "종로구", "계", 3, 4], [2020, "종로구", "남자", 1, 2],
            [2020, "종로구", "여자", 2, 2]]  # fmt: skip
    table = tidy(rows)[0]
    assert table.label_columns[0] == "기간"
    assert table.data[table.label_columns].values.tolist() == [
        ["2020", "종로구", "남자"], ["2020", "종로구", "여자"]]  # fmt: skip
    assert len(table.totals) == 3


def test_month_numbers_under_a_month_header_are_labels():
    # 공공데이터포털 월별 교통사고 통계 (도로교통공단): months as zero-padded text.
    rows = [["월", "사고건수", "사망자수"], ["01", "16016", "389"], ["02", "14187", "335"]]
    block = make_grid(rows)
    _, kinds, _ = read_cells(block)
    assert label_column_count(kinds, block) == 1
    table = tidy(rows)[0]
    assert table.data["월"].tolist() == ["01", "02"]


def test_numbers_that_are_not_periods_stay_values():
    rows = [["인구", "면적"], [2021, 605], [2021, 606]]  # repeated year-like counts, no header cue
    block = make_grid(rows)
    _, kinds, _ = read_cells(block)
    assert label_column_count(kinds, block) == 0


def test_is_period():
    for value in (2019, "2016 p)", "2019.1/4", "2023.07", "2023-03-05", "3월", "1/4분기"):
        assert is_period(value), value
    for value in ("종로구", 12.5, "01", 123):
        assert not is_period(value), value
    assert is_period("01", "월") and is_period(4, "분기") and not is_period(5, "분기")


def test_suppressed_cells_are_placeholders_not_text():
    # 서울 열린데이터광장 등록외국인 현황: "***" where too few to publish.
    rows = [["구분", "중국", "몽골"], ["종로구", 1361, "***"], ["중구", 2302, 12]]
    table = tidy(rows)[0]
    assert table.attribute_columns == []
    assert pd.isna(table.data["몽골"].iloc[0])
    assert "placeholder" in {issue.type for issue in table.issues}


def test_kosis_metadata_rows_give_title_and_unit_and_notes_go():
    # KOSIS 시도별 인구 변동 현황 (공공누리 제1유형), cut to two years and three rows.
    rows = [["통계표명:", "시도별 인구 변동 현황", None],
            ["단위:", "천명", None],
            [None, "2009", "2010"],
            ["계", "49,773", "50,515"],
            ["서울", "10,208", "10,312"],
            ["부산", "3,543", "3,568"],
            ["출처:", "행정안전부「지방자치단체 행정구역 및 인구현황」", None],
            ["주석:", "* 작성기준일 : 매년 12월 31일", None]]  # fmt: skip
    table = tidy(rows)[0]
    assert table.region.unit == "천명"
    assert table.region.title == "통계표명: 시도별 인구 변동 현황"
    assert "주석:" in [text for _, _, text in table.region.notes]
    assert table.units == {"2009": "명", "2010": "명"}
    assert table.data.iloc[0].tolist()[1:] == [10208000.0, 10312000.0]
    assert table.data.iloc[:, 0].tolist() == ["서울", "부산"]


def test_label_column_repeating_its_header_is_dropped_and_reported():
    # 서울 열린데이터광장 학생 비만율: a column 구분 holding "구분" on every row.
    rows = [["기간", "구분 ", "비만율", "비만율"], ["기간", "구분 ", "남학생", "여학생"],
            [2020, "구분", 15.1, 7.3], [2021, "구분", 18.2, 8.3]]  # fmt: skip
    table = tidy(rows)[0]
    assert table.label_columns == ["기간"]
    assert "구분" not in table.data.columns and "구분" not in table.totals.columns
    assert long_rows(table)[0] == ("2020", "비만율", "남학생", 15.1)
    assert "label-column-dropped" in {issue.type for issue in table.issues}


def test_rate_units_in_headers_are_read():
    from dadeum.engine.tables.units import parse_unit, split_header_unit

    assert parse_unit("명/㎢") == ("명/㎢", 1)
    assert parse_unit("천원/㎡") == ("원/㎡", 1000)
    assert parse_unit("2019/20") is None and parse_unit("/명") is None
    assert split_header_unit("인구밀도(명/㎢)") == ("인구밀도", "명/㎢")
    rows = [["기간", "지역", "인구밀도(명/㎢)"], [2021, "종로구", 6431], [2021, "중구", 13231]]
    table = tidy(rows)[0]
    assert table.units == {"인구밀도(명/㎢)": "명/㎢"}
    assert long_rows(table)[0] == ("2021", "종로구", "인구밀도", "명/㎢", 6431.0)


def test_footnote_marks_on_labels_are_stripped_and_reported():
    rows = [["연도", "인구", "세대"], ["2014", 10, 5], ["2015 *", 11, 6], ["2016 p)", 12, 7],
            ["합계¹", 33, 18]]  # fmt: skip
    table = tidy(rows)[0]
    assert table.label_columns == ["연도"]
    assert table.data["연도"].tolist() == ["2014", "2015", "2016"]
    assert table.totals["연도"].tolist() == ["합계"]
    marks = [(i.cell, i.value) for i in table.issues if i.type == "footnote-mark"]
    assert marks == [("A3", "2015 *"), ("A5", "합계¹")]


def test_split_label_mark():
    from dadeum.engine.tables.header import split_label_mark

    assert split_label_mark("2015 *") == ("2015", "*")
    assert split_label_mark("종로구²⁾") == ("종로구", "²⁾")
    assert split_label_mark("서울1)") == ("서울", "1)")
    for label in ("(소계)", "2016 p)", "*", "중국(한국계)", 2015):
        assert split_label_mark(label) == (label, None)


def test_group_rows_under_a_period_become_a_group_column_beside_it():
    # 서울 열린데이터광장 문화예술 관람 통계: a group name alone on its row, then its items.
    rows = [
        ["기간", "구분", "관람률"],
        [2021, "성별", None],
        [2021, "남자", 28],
        [2021, "여자", 30],
        [2021, "연령별", None],
        [2021, "10대", 29],
        [2021, "20대", 25],
    ]
    table = tidy(rows)[0]
    assert table.label_columns == ["기간", "상위구분", "구분"]
    assert table.data[table.label_columns].values.tolist() == [
        ["2021", "성별", "남자"], ["2021", "성별", "여자"],
        ["2021", "연령별", "10대"], ["2021", "연령별", "20대"]]  # fmt: skip


def test_a_period_alone_on_its_row_heads_its_block():
    rows = [
        ["기간", "자치구", "인구"],
        ["2014", None, None],
        [None, "종로구", 5],
        [None, "중구", 6],
        ["2015", None, None],
        [None, "종로구", 7],
        [None, "중구", 8],
    ]
    table = tidy(rows)[0]
    assert table.label_columns == ["기간", "자치구"]
    assert table.data.values.tolist() == [
        ["2014", "종로구", 5.0],
        ["2014", "중구", 6.0],
        ["2015", "종로구", 7.0],
        ["2015", "중구", 8.0],
    ]


def test_two_column_hierarchy_with_age_bands_is_two_label_columns():
    # Group in the first column (on its own row or only on the group's first row), items
    # in the second; "10대" reads as a number with a unit, yet it is a label here.
    for rows in (
        [["구분", None, "인구"], ["성별", None, None], [None, "남자", 28], [None, "여자", 30],
         ["연령별", None, None], [None, "10대", 29], [None, "20대", 25]],
        [["대분류", "분류", "인구"], ["성별", "남자", 28], [None, "여자", 30],
         ["연령별", "10대", 29], [None, "20대", 25]],
    ):  # fmt: skip
        table = tidy(rows)[0]
        assert len(table.label_columns) == 2
        assert table.data.values.tolist() == [
            ["성별", "남자", 28.0],
            ["성별", "여자", 30.0],
            ["연령별", "10대", 29.0],
            ["연령별", "20대", 25.0],
        ]


def test_check_scores_a_period_first_sheet_low_and_its_long_form_high():
    from dadeum.engine.tables.check import check_grid, has_several_values

    assert not has_several_values("명/㎢") and has_several_values("홍길동/김철수")
    rows = [["서울시 인구밀도", None, None, None], [None, None, None, None], *SEOUL_DENSITY]
    raw = check_grid(make_grid(rows))
    assert raw.score <= 75
    assert {"header", "total-row"} <= set(raw.broken_rules)
    assert all(i.row is not None for i in raw.issues if i.type == "total-row")
    frame = tidy(rows)[0].long()
    out = make_grid([list(frame.columns), *frame.to_numpy(dtype=object).tolist()])
    assert check_grid(out, csv_encoding="utf-8").score == 100


def test_tab_separated_text_downloads_are_read(tmp_path):
    from dadeum.fileio import read_table

    # 서울 열린데이터광장 "텍스트" download (공공누리 제1유형): 기간, 자치구, 동 blocks.
    path = tmp_path / "서울동별인구.txt"
    lines = ["기간\t자치구\t동\t인구\t면적", "2019\t합계\t합계\t10,010,983\t605.24",
             "2019\t종로구\t소계\t161,869\t23.91", "2019\t종로구\t사직동\t9,815\t1.23",
             "2019\t종로구\t삼청동\t2,997\t1.49"]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = read_table(path)
    table = tidy_grid(source.grid())[0]
    assert table.label_columns == ["기간", "자치구", "동"]
    assert table.data.values.tolist() == [["2019", "종로구", "사직동", 9815.0, 1.23],
                                          ["2019", "종로구", "삼청동", 2997.0, 1.49]]  # fmt: skip
    assert len(table.totals) == 2


def test_yyyymm_periods_under_a_period_header_and_a_repeated_header_row():
    assert is_period("201901", "시점") and is_period("20190131", "기준일")
    assert not is_period("201913", "시점") and not is_period("201901")
    rows = [["시점", "자치구", "인구"], ["시점", "자치구", "인구"],  # a header row twice
            ["201901", "종로구", 5], ["201901", "중구", 6], ["201902", "종로구", 7]]  # fmt: skip
    block = make_grid(rows)
    _, kinds, _ = read_cells(block)
    assert label_column_count(kinds, block) == 2


def test_counts_with_a_unit_beside_a_word_stay_a_value_column():
    rows = [["구분", "인원"], ["가동", "12명"], ["나동", "해당없음"], ["다동", "7명"]]
    block = make_grid(rows)
    _, kinds, _ = read_cells(block)
    assert label_column_count(kinds, block) == 1


def test_dadeum_tidy_wide_and_long_on_a_period_first_sheet_with_marks(tmp_path):
    import csv

    from tests.conftest import run_dadeum

    source = tmp_path / "자치구별.csv"
    rows = [["기간", "자치구", "인구", "세대"], ["2015 *", "합계", "30", "12"],
            ["2015 *", "종로구", "10", "4"], ["2015 *", "중구²⁾", "20", "8"],
            ["2016 p)", "합계", "33", "13"], ["2016 p)", "종로구", "11", "5"],
            ["2016 p)", "중구²⁾", "22", "8"]]  # fmt: skip
    with open(source, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)

    def written(name):
        with open(tmp_path / name, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))

    result = run_dadeum("tidy", source, "--out", tmp_path / "wide.csv")
    assert result.returncode == 0, result.stderr
    assert written("wide.csv") == [
        ["기간", "자치구", "인구", "세대"],
        ["2015", "종로구", "10", "4"], ["2015", "중구", "20", "8"],
        ["2016", "종로구", "11", "5"], ["2016", "중구", "22", "8"],
    ]  # fmt: skip
    report = written("wide_확인.csv")
    marks = [row for row in report if "footnote-mark" in row]
    assert len(marks) == 5 and any("2015 *" in row for row in marks)  # one per cell
    result = run_dadeum("tidy", source, "--long", "--out", tmp_path / "long.csv")
    assert result.returncode == 0, result.stderr
    long = written("long.csv")
    assert long[0] == ["기간", "자치구", "항목", "value"]
    assert long[1:3] == [["2015", "종로구", "인구", "10"], ["2015", "종로구", "세대", "4"]]
    assert len(long) == 1 + 8


def test_english_period_blocks_and_all_regions_total():
    from dadeum.engine.tables.header import is_total_label

    assert is_total_label("All regions") and is_total_label("All persons")
    assert not is_total_label("Allotments")
    assert is_period("Jan 2019") and is_period("2019-Mar") and not is_period("Janus 2019")
    rows = [["Period", "Region", "Count"], ["Jan 2019", "All regions", 30],
            ["Jan 2019", "North", 10], ["Jan 2019", "South", 20], ["Feb 2019", "All regions", 33],
            ["Feb 2019", "North", 11], ["Feb 2019", "South", 22]]  # fmt: skip
    table = tidy(rows)[0]
    assert table.label_columns == ["Period", "Region"]
    assert len(table.totals) == 2
    assert table.long().columns.tolist() == ["Period", "Region", "item", "value"]


def test_an_unnamed_period_written_once_per_block_is_a_label():
    rows = [[None, "자치구", "인구"], ["2019.01", "종로구", 10], [None, "중구", 20],
            ["2019.02", "종로구", 11], [None, "중구", 22]]  # fmt: skip
    table = tidy(rows)[0]
    assert len(table.label_columns) == 2
    assert table.data.iloc[:, 0].tolist() == ["2019.01", "2019.01", "2019.02", "2019.02"]
