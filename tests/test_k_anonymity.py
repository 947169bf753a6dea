"""k-anonymity over quasi-identifier columns, with the smallest groups listed."""

import asyncio
from collections import Counter

import custom_functions
import numpy as np
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import given, settings
from hypothesis import strategies as st

from dadeum.engine.privacy.kanon import k_anonymity
from dadeum.errors import InvalidArgumentError
from tests.conftest import office_js_call


def people() -> pd.DataFrame:
    """12 records: (30대, 남, 강남구) ×5, (30대, 여, 강남구) ×4, (40대, 남, 서초구) ×2,
    (90대, 여, 서초구) ×1."""
    rows = (
        [("30대", "남", "강남구")] * 5
        + [("30대", "여", "강남구")] * 4
        + [("40대", "남", "서초구")] * 2
        + [("90대", "여", "서초구")]
    )
    frame = pd.DataFrame(rows, columns=["연령대", "성별", "시군구"])
    frame["이름"] = [f"사람{i}" for i in range(len(frame))]
    return frame


def test_known_k_and_groups():
    result = k_anonymity(people(), ["연령대", "성별", "시군구"])
    assert (result.k, result.groups, result.records) == (1, 4, 12)
    assert result.records_below == 4 + 2 + 1  # groups of 4, 2 and 1 are below 5
    assert result.share_below == pytest.approx(7 / 12)
    assert not result.satisfied
    assert result.smallest.to_dict("records") == [
        {"연령대": "90대", "성별": "여", "시군구": "서초구", "건수": 1},
        {"연령대": "40대", "성별": "남", "시군구": "서초구", "건수": 2},
        {"연령대": "30대", "성별": "여", "시군구": "강남구", "건수": 4},
        {"연령대": "30대", "성별": "남", "시군구": "강남구", "건수": 5},
    ]


def test_fewer_quasi_identifiers_give_larger_groups():
    result = k_anonymity(people(), ["시군구"])
    assert (result.k, result.groups) == (3, 2)
    assert result.smallest["건수"].tolist() == [3, 9]
    result = k_anonymity(people(), ["성별"], threshold=5)
    assert (result.k, result.records_below, result.satisfied) == (5, 0, True)


def test_a_unique_column_gives_k_1_for_everyone():
    result = k_anonymity(people(), ["이름"])
    assert (result.k, result.groups, result.records_below) == (1, 12, 12)
    assert len(result.smallest) == 10  # at most ten groups are listed
    assert result.smallest["이름"].tolist() == [f"사람{i}" for i in range(10)]  # first seen


def test_threshold_changes_only_the_share():
    for threshold, below in [(2, 1), (3, 3), (5, 7), (6, 12)]:
        result = k_anonymity(people(), ["연령대", "성별", "시군구"], threshold=threshold)
        assert result.k == 1 and result.records_below == below


def test_blanks_are_one_value_of_their_own():
    frame = pd.DataFrame(
        {"시군구": ["강남구", None, "", "  ", float("nan"), "강남구"], "성별": ["남"] * 6}
    )
    result = k_anonymity(frame, ["시군구", "성별"])
    assert (result.k, result.groups) == (2, 2)
    assert result.smallest.to_dict("records") == [
        {"시군구": "강남구", "성별": "남", "건수": 2},
        {"시군구": None, "성별": "남", "건수": 4},
    ]


def test_mixed_types_and_numbers():
    frame = pd.DataFrame({"출생연도": [1990, 1990.0, "1990", 1985], "코드": [1, 1, 1, 2]})
    result = k_anonymity(frame, ["출생연도", "코드"])
    assert result.groups == 3  # "1990" (text) is not the number 1990
    assert result.k == 1


def test_empty_table():
    result = k_anonymity(pd.DataFrame({"a": []}), ["a"])
    assert (result.k, result.groups, result.records, result.share_below) == (0, 0, 0, 0.0)
    assert list(result.smallest.columns) == ["a", "건수"] and result.smallest.empty


def test_missing_column_names_the_columns_there_are():
    with pytest.raises(InvalidArgumentError, match="표에 없는 열 이름입니다: 나이") as caught:
        k_anonymity(people(), ["나이", "성별"])
    assert "연령대" in str(caught.value)


@pytest.mark.parametrize("columns", [[], None])
def test_no_column_chosen(columns):
    with pytest.raises(InvalidArgumentError, match="준식별자"):
        k_anonymity(people(), columns)


@pytest.mark.parametrize("threshold", [1, 0, 2.5, "x"])
def test_bad_threshold(threshold):
    with pytest.raises(InvalidArgumentError, match="threshold"):
        k_anonymity(people(), ["성별"], threshold=threshold)


def test_repeated_and_single_string_column_names():
    assert k_anonymity(people(), ["성별", "성별"]).quasi_identifiers == ("성별",)
    assert k_anonymity(people(), "성별").k == 5


def test_frame_is_not_modified():
    frame = people()
    before = frame.copy()
    k_anonymity(frame, ["연령대", "성별"])
    pd.testing.assert_frame_equal(frame, before)


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["20대", "30대", "40대", None, ""]),
            st.sampled_from(["남", "여"]),
            st.integers(0, 3),
        ),
        min_size=1,
        max_size=80,
    ),
    st.integers(2, 6),
)
def test_matches_a_counter_of_tuples(rows, threshold):
    frame = pd.DataFrame(rows, columns=["연령대", "성별", "코드"])
    counts = Counter((age or None, sex, code) for age, sex, code in rows)  # "" = None
    result = k_anonymity(frame, ["연령대", "성별", "코드"], threshold=threshold)
    assert result.k == min(counts.values())
    assert result.groups == len(counts)
    assert result.records_below == sum(n for n in counts.values() if n < threshold)
    assert result.smallest["건수"].tolist() == sorted(counts.values())[:10]


def test_large_table_is_quick():
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "연령대": rng.choice(["20대", "30대", "40대", "50대", "60대"], 200_000),
            "성별": rng.choice(["남", "여"], 200_000),
            "시군구": rng.choice([f"구{i}" for i in range(25)], 200_000),
        }
    )
    result = k_anonymity(frame, ["연령대", "성별", "시군구"])
    assert result.groups == 250 and result.records == 200_000


# --- Excel path -----------------------------------------------------------------------------


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


def as_range(frame: pd.DataFrame) -> list[list]:
    """A table as Office.js sends a range: header row, blanks as empty strings."""
    return [list(frame.columns)] + [
        ["" if v is None else v for v in row] for row in frame.itertuples(index=False)
    ]


def test_excel_report_rows():
    data = as_range(people()) + [["", "", "", ""]] * 3  # a range that runs past the table
    result = call("k_anonymity", data, [["연령대", "성별", "시군구"]])
    assert result[0] == ["k", 1, "", ""]
    assert result[1] == ["그룹 수", 4, "", ""]
    assert result[2][0] == "5건 미만 그룹의 레코드" and result[2][1] == "58.3% (7/12건)"
    assert result[3] == ["연령대", "성별", "시군구", "건수"]
    assert result[4] == ["90대", "여", "서초구", 1]
    assert len(result) == 4 + 4


def test_excel_comma_separated_column_names_and_threshold():
    data = as_range(people())
    by_text = call("k_anonymity", data, [["연령대, 성별"]], [[3]])
    by_range = call("k_anonymity", data, [["연령대"], ["성별"]], [[3]])
    assert by_text == by_range
    assert by_text[0] == ["k", 1, ""] and by_text[2][0] == "3건 미만 그룹의 레코드"


def test_excel_blank_values_are_labelled():
    data = [["시군구", "성별"], ["강남구", "남"], ["", "남"], ["", "남"]]
    result = call("k_anonymity", data, [["시군구", "성별"]])
    assert ["(빈칸)", "남", 2] in result


def test_excel_unknown_column():
    with pytest.raises(xw.XlwingsError, match="표에 없는 열 이름"):
        call("k_anonymity", as_range(people()), [["나이"]])


def test_excel_header_only():
    with pytest.raises(xw.XlwingsError, match="레코드가 없습니다"):
        call("k_anonymity", [["성별", "나이"], ["", ""]], [["성별"]])
