"""clean_frame: column types, header rows, issue lists, idempotence; and the benchmark runs."""

import datetime as dt
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dadeum.engine.columns import MAJORITY, clean_frame, detect_column_type, number_format
from dadeum.engine.issues import REPORT_COLUMNS, issues_frame
from tests.conftest import REPO

HEADER = [
    "연번",
    "읍면동",
    "접수일자",
    "처리일자",
    "민원인 연락처",
    "예산액(천원)",
    "집행률",
    "비고",
]
# A 현황표 as officials type it: every column in more than one spelling.
ROWS = [
    [1, "중앙동", "2023. 3. 5.", "20230310", "010-1234-5678", "1,234", "12.5%", "도로\u00a0파손"],
    [2, " 북부동", "2023.03.06", "20230311", "010 2345 6789", "△500", "7%", ""],
    [3, "남부동", "2023-3-7", "20230312", "02)123-4567", "-", "100%", None],
    [4, "동부동", "2023/03/08", "20230313", "+82 10-3456-7890", "2,000천원", "0.5%", "재접수"],
    [5, "서부동", "2023년 3월 9일", "20230314", "1588-1234", "3,400", "50%", ""],
    [6, "중앙동", "2023. 3. 10.(금)", "20230315", "031-123-4567", "(1,000)", "25.5%", "  "],
    [7, "북부동", "2023.03.11", "20230316", "01045678901", "12,000", "3%", "완료"],
    [8, "남부동", "2023-03-12", "20230317", "010.5678.9012", "５００", "1%", ""],
    [9, "동부동", "2023.3.13", "20230318", "02-987-6543", "700", "60%", "보류"],
    [10, "서부동", "2023. 3. 14.", "20230319", "010-6789-0123", "확인중", "90%", ""],
]


def status_table() -> pd.DataFrame:
    return pd.DataFrame([HEADER, *ROWS], dtype=object)


def test_each_column_gets_its_type_and_values():
    result = clean_frame(status_table())
    assert result.header_rows == 1
    assert list(result.types.values()) == [
        "number", "text", "date", "date", "phone", "number", "number", "text",
    ]  # fmt: skip
    frame = result.frame
    assert frame.iloc[0].tolist()[:3] == ["연번", "읍면동", "접수일자"]  # the header stays
    assert frame.iloc[2, 1] == "북부동"
    assert pd.Timestamp(frame.iloc[1, 2]) == pd.Timestamp(2023, 3, 5)
    assert pd.Timestamp(frame.iloc[6, 2]) == pd.Timestamp(2023, 3, 10)
    assert pd.Timestamp(frame.iloc[1, 3]) == pd.Timestamp(2023, 3, 10)  # 8 digits: a date
    assert frame.iloc[4, 4] == "010-3456-7890"
    assert frame.iloc[3, 4] == "02-123-4567"
    assert frame.iloc[7, 4] == "010-4567-8901"  # a phone number never becomes a number
    assert frame.iloc[2, 5] == pytest.approx(-500)
    assert frame.iloc[4, 5] == pytest.approx(2_000_000)
    assert frame.iloc[6, 5] == pytest.approx(-1000)
    assert frame.iloc[8, 5] == pytest.approx(500)
    assert frame.iloc[1, 6] == pytest.approx(0.125)
    assert frame.iloc[1, 7] == "도로 파손"
    assert frame.iloc[6, 7] is None  # blank stays blank
    assert result.converted == 10 + 10 + 10 + 10 + 8 + 10


def test_a_failing_cell_keeps_its_original_value_and_is_listed():
    table = status_table()
    table.iloc[10, 5] = " 확인중 "
    result = clean_frame(table)
    assert result.frame.iloc[10, 5] == " 확인중 "  # exactly as it was
    issue = next(i for i in result.issues if i.type == "not-a-number")
    assert (issue.cell, issue.value) == ("F11", " 확인중 ")
    assert any("가" <= ch <= "힣" for ch in issue.message)


def test_a_placeholder_becomes_blank_and_is_listed_with_its_reason():
    result = clean_frame(status_table())
    assert result.frame.iloc[3, 5] is None
    listed = [i for i in result.issues if i.type == "placeholder"]
    assert [(i.cell, i.value) for i in listed] == [("F4", "-")]
    assert listed[0].message


def test_issues_are_in_sheet_order():
    result = clean_frame(status_table())
    rows = [(issue.row, issue.column) for issue in result.issues]
    assert rows == sorted(rows)
    assert [issue.type for issue in result.issues] == ["placeholder", "not-a-number"]


def test_input_frame_is_not_modified():
    table = status_table()
    before = table.copy()
    clean_frame(table)
    pd.testing.assert_frame_equal(table, before)


def test_cleaning_the_cleaned_frame_changes_nothing():
    first = clean_frame(status_table())
    second = clean_frame(first.frame)
    pd.testing.assert_frame_equal(second.frame, first.frame)
    assert second.types == first.types
    assert second.changed == 0
    assert first.changed > 0
    # The placeholder is gone (blank now); the failed cell is still listed.
    assert [issue.type for issue in second.issues] == ["not-a-number"]


# ---- header detection -----------------------------------------------------------------------


def test_no_header_when_the_first_row_is_data():
    result = clean_frame(pd.DataFrame(ROWS, dtype=object))
    assert result.header_rows == 0
    assert result.types[2] == "date"
    assert pd.Timestamp(result.frame.iloc[0, 2]) == pd.Timestamp(2023, 3, 5)


def test_a_title_row_above_the_header_is_a_header_row_too():
    title = ["2023년 3월 민원 처리 현황", *[None] * 7]
    result = clean_frame(pd.DataFrame([title, HEADER, *ROWS], dtype=object))
    assert result.header_rows == 2
    assert result.types[5] == "number"
    assert [i.row for i in result.issues] == [5, 12]  # two rows lower than without the title


def test_an_all_text_table_has_one_header_row():
    table = pd.DataFrame([["성명", "부서"], ["홍길동", "민원과"], ["김철수", "세무과"]])
    result = clean_frame(table)
    assert result.header_rows == 1
    assert set(result.types.values()) == {"text"}
    assert not result.issues


def test_header_option_overrides_detection():
    table = pd.DataFrame([["2023.3.5", "1,000"], ["2023.3.6", "2,000"]], dtype=object)
    assert clean_frame(table).header_rows == 0
    forced = clean_frame(table, header=True)
    assert forced.header_rows == 1
    assert forced.frame.iloc[0].tolist() == ["2023.3.5", "1,000"]  # cleaned as text only
    assert clean_frame(status_table(), header=False).header_rows == 0


def test_header_text_is_cleaned():
    table = status_table()
    table.iloc[0, 1] = "\u3000읍면동\u00a0 "
    assert clean_frame(table).frame.iloc[0, 1] == "읍면동"


# ---- type detection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["01012345678", "01023456789", "01034567890", "01045678901"], "phone"),
        ([1012345678, 1023456789, 1034567890], "phone"),  # Excel dropped the leading 0
        (["20230305", "20230306", "20230307", "20230308"], "date"),
        ([20230305, 20230306, 20230307], "date"),
        (["202301", "202302", "202303"], "date"),  # 기준년월
        ([45000, 45001, 45010, 45100], "number"),  # serial-looking numbers stay numbers
        ([45000, "2023-03-05", "2023-03-06", "2023-03-07", "2023-03-08"], "date"),
        ([45000, 45001, "2023-03-05", "2023-03-06", "2023-03-07"], "text"),
        (["1,234", "5,678", "△100", "12만"], "number"),
        ([2021, 2022, 2023], "number"),  # years are numbers
        (["2023.07", "2023.08", "2023.09"], "date"),
        (["홍길동", "김철수", "이영희"], "text"),
        ([None, "", "  "], "text"),
        (["-", "-", "…"], "text"),  # nothing but placeholders: nothing to convert
    ],
)
def test_detect_column_type(values, expected):
    assert detect_column_type(pd.Series(values, dtype=object)) == expected


def test_a_type_needs_a_clear_majority():
    converting = int(MAJORITY * 10)
    below = ["1,000"] * (converting - 1) + ["없음?"] * (11 - converting)
    at = ["1,000"] * converting + ["없음?"] * (10 - converting)
    assert detect_column_type(pd.Series(below, dtype=object)) == "text"
    assert detect_column_type(pd.Series(at, dtype=object)) == "number"


def test_a_text_column_is_cleaned_but_not_converted():
    table = pd.DataFrame([["비고"], ["1,000"], ["확인 요망\u200b"], ["민원"], ["기타"]])
    result = clean_frame(table)
    assert result.types[0] == "text"
    assert result.frame[0].tolist() == ["비고", "1,000", "확인 요망", "민원", "기타"]
    assert not result.issues


def test_dates_written_as_python_dates_pass_through():
    values = [dt.datetime(2023, 3, 5), dt.datetime(2023, 3, 6, 14, 30), "2023.3.7"]
    result = clean_frame(pd.DataFrame({"d": values}, dtype=object))
    assert result.types["d"] == "date"
    assert pd.Timestamp(result.frame["d"].iloc[1]) == pd.Timestamp(2023, 3, 6, 14, 30)


def test_empty_and_blank_frames():
    assert clean_frame(pd.DataFrame()).frame.empty
    result = clean_frame(pd.DataFrame([[None, ""], ["  ", None]], dtype=object))
    assert result.frame.isna().all().all()
    assert not result.issues


@pytest.mark.parametrize(
    ("values", "kind", "expected"),
    [
        ([1000.0, 2.0, None, "확인중"], "number", "#,##0"),
        ([0.125, 1.0], "number", "General"),
        ([pd.Timestamp(2023, 3, 5), None], "date", "yyyy-mm-dd"),
        ([pd.Timestamp(2023, 3, 5), pd.Timestamp(2023, 3, 5, 14, 30)], "date", "yyyy-mm-dd hh:mm"),
        (["010-1234-5678", None], "phone", "@"),
        (["00123", "1-2"], "text", "@"),  # Excel would read these as 123 and a date
        (["비고", 3], "text", "General"),  # "@" would turn the number into text
    ],
)
def test_number_format(values, kind, expected):
    assert number_format(pd.Series(values, dtype=object), kind) == expected


# ---- coordinates for the review sheet -------------------------------------------------------


def test_issue_addresses_follow_where_the_table_sits_on_the_sheet():
    table = pd.DataFrame([["건수"], ["12"], ["-"], ["7"], ["9"], ["11"]], dtype=object)
    result = clean_frame(table, top=3, left=26, sheet="현황")  # the table starts at Z3
    review = issues_frame(result.issues)
    assert list(review.columns) == REPORT_COLUMNS
    assert review.values.tolist()[0][:4] == ["placeholder", "현황", "Z5", "-"]


# ---- properties -----------------------------------------------------------------------------

REALISTIC = [
    "1,234", "△500", "12.5%", "-", "…", "x", "2023. 3. 5.", "20230305", "2023-03-05",
    "010-1234-5678", "02)123-4567", "01012345678", "홍길동", "중앙동", " 도로\u00a0파손 ",
    "확인중", "", None, 0, 3, 1.5, 45000, 20230305, dt.datetime(2023, 3, 5),
]  # fmt: skip
cell = st.one_of(st.sampled_from(REALISTIC), st.text(max_size=12), st.integers(-(10**6), 10**9))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 8), st.integers(1, 4), st.data())
def test_never_crashes_keeps_shape_and_is_idempotent(n_rows, n_cols, data):
    rows = [[data.draw(cell) for _ in range(n_cols)] for _ in range(n_rows)]
    table = pd.DataFrame(rows, dtype=object)
    first = clean_frame(table)
    assert first.frame.shape == table.shape
    assert set(first.types.values()) <= {"number", "date", "phone", "text"}
    assert len(first.issues) <= table.size
    second = clean_frame(first.frame)
    pd.testing.assert_frame_equal(second.frame, first.frame)
    assert second.changed == 0


# ---- the benchmark script -------------------------------------------------------------------


def test_benchmark_runs_and_prints_both_methods():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_cleaning", "--rows", "20000", "--seed", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for method in ("to_number_series", "to_numeric", "to_date_series", "to_datetime"):
        assert method in result.stdout
    assert "20,000" in result.stdout
