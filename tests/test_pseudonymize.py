"""Keyed pseudonyms: repeatable with the key, useless without it, and never the original."""

import asyncio
import base64
import hashlib
import hmac
import logging
import re
import subprocess
import sys
from datetime import date

import custom_functions
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dadeum.engine.privacy.keys import create_key, load_key
from dadeum.engine.privacy.pseudonym import pseudonymize_series
from dadeum.errors import InvalidArgumentError
from tests.conftest import REPO, office_js_call

TOKEN = re.compile(r"P-[0-9A-HJKMNP-TV-Z]{16}")
FIXED_KEY = bytes(range(32))
CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")


# --- Fake but valid-looking identifiers, built here independently of the engine ------------


def rrn(born: date, gender: int, serial: str = "23456") -> str:
    """A 주민등록번호 with a correct check digit (the pre-2020 rule)."""
    front = born.strftime("%y%m%d") + str(gender) + serial
    total = sum(
        int(d) * w for d, w in zip(front, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], strict=True)
    )
    return f"{front[:6]}-{front[6:]}{(11 - total % 11) % 10}"


def tokens(values, key=FIXED_KEY, **options) -> list:
    return pseudonymize_series(pd.Series(values, dtype=object), key, **options).tolist()


def one(value, key=FIXED_KEY, **options):
    return tokens([value], key, **options)[0]


@pytest.fixture
def key_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DADEUM_KEY_DIR", str(tmp_path / "keys"))
    create_key("test")
    return tmp_path / "keys"


# --- The token ------------------------------------------------------------------------------


def test_token_is_the_documented_hmac():
    # Rebuilt from the module docstring, so another system can reproduce a token.
    mac = hmac.new(FIXED_KEY, b"dadeum-pseudonym-v1\x00010-1234-5678", hashlib.sha256).digest()
    expected = "P-" + base64.b32encode(mac).decode().translate(CROCKFORD)[:16]
    assert one("010-1234-5678") == expected
    mac = hmac.new(FIXED_KEY, b"dadeum-pseudonym-v1\x00" + "홍길동".encode(), "sha256").digest()
    assert one("홍길동") == "P-" + base64.b32encode(mac).decode().translate(CROCKFORD)[:16]


@pytest.mark.parametrize("length", [10, 16, 33, 51])
def test_every_length_is_a_prefix_of_the_standard_base32(length):
    mac = hmac.new(FIXED_KEY, b"dadeum-pseudonym-v1\x00kim@example.com", "sha256").digest()
    full = base64.b32encode(mac).decode().translate(CROCKFORD)
    assert one("Kim@Example.com", length=length) == "P-" + full[:length]


def test_token_shape_and_length():
    token = one("kim@example.com")
    assert TOKEN.fullmatch(token)
    assert len(one("kim@example.com", length=24)) == 2 + 24
    assert one("kim@example.com", length=24).startswith(token)


@pytest.mark.parametrize("length", [9, 52, 12.5, "x", None])
def test_bad_length_is_refused(length):
    with pytest.raises(InvalidArgumentError, match="length"):
        one("x", length=length)


@pytest.mark.parametrize("key", [b"", b"short", "a text key" * 4, None])
def test_unusable_key_is_refused_without_echoing_it(key):
    with pytest.raises(InvalidArgumentError) as caught:
        one("x", key=key)
    if key:
        assert str(key) not in str(caught.value)


def test_unknown_kind_is_refused():
    with pytest.raises(InvalidArgumentError, match="kind"):
        one("x", kind="주소")


# --- Determinism and keys -------------------------------------------------------------------


def test_same_key_same_token_across_calls(key_folder):
    key = load_key("test")
    first = tokens(["010-1234-5678", "홍길동", rrn(date(1990, 1, 1), 1)], key)
    second = tokens(["010-1234-5678", "홍길동", rrn(date(1990, 1, 1), 1)], load_key("test"))
    assert first == second


def test_same_key_same_token_in_another_process(key_folder):
    here = one("010-1234-5678", key=load_key("test"))
    script = (
        "import pandas as pd\n"
        "from dadeum.engine.privacy.keys import load_key\n"
        "from dadeum.engine.privacy.pseudonym import pseudonymize_series\n"
        "print(pseudonymize_series(pd.Series(['01012345678']), load_key('test')).iloc[0])\n"
    )
    env = {"DADEUM_KEY_DIR": str(key_folder), "PYTHONHASHSEED": "12345", "PATH": ""}
    there = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert there.returncode == 0, there.stderr
    assert there.stdout.strip() == here


def test_different_keys_give_different_tokens(key_folder):
    create_key("other")
    values = ["010-1234-5678", "홍길동", "kim@example.com", rrn(date(1985, 5, 5), 2)]
    a = tokens(values, load_key("test"))
    b = tokens(values, load_key("other"))
    assert all(x != y for x, y in zip(a, b, strict=True))


def test_distinct_values_get_distinct_tokens():
    phones = [f"010-{2000 + i // 10000:04d}-{i % 10000:04d}" for i in range(20_000)]
    result = tokens(phones)
    assert len(set(result)) == len(phones)


# --- Normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ["010-1234-5678", "01012345678", "010 1234 5678", "010.1234.5678", "+82 10-1234-5678",
         "(010) 1234-5678", "０１０－１２３４－５６７８", " 010-1234-5678 ", 1012345678],
        ["02-123-4567", "021234567", "(02) 123-4567", "02)123-4567", "+82-2-123-4567"],
        ["900101-1234568", "9001011234568", "900101 1234568", "９００１０１－１２３４５６８",
         "900101ㅡ1234568", 9001011234568],
        ["Kim.MinSu@Example.COM", "kim.minsu@example.com", " kim.minsu@example.com ",
         "mailto:kim.minsu@example.com"],
        ["홍길동", "홍 길동", " 홍길동 ", "홍\u3000길동", "\u1112\u1169\u11bc길동"],
        ["John Smith", "JOHN SMITH", "john  smith"],
    ],
)  # fmt: skip
def test_spellings_of_one_identifier_give_one_token(spellings):
    result = tokens(spellings)
    assert len(set(result)) == 1, dict(zip(map(repr, spellings), result, strict=True))


def test_kind_hints_restore_what_excel_dropped():
    born_2000 = rrn(date(2000, 1, 5), 3)  # 000105-3…: Excel drops the three zeros
    as_number = int(born_2000.replace("-", ""))
    assert one(as_number, kind="주민등록번호") == one(born_2000)
    assert one(as_number, kind="주민등록번호") != one(as_number)  # automatic reads a phone
    born_2005 = rrn(date(2005, 11, 30), 4)  # 051130-4…: one zero dropped, 12 digits left
    assert one(int(born_2005.replace("-", ""))) == one(born_2005)  # valid date: restored
    assert one("1012345678", kind="전화번호") == one("010-1234-5678")
    assert one("1012345678") != one("010-1234-5678")  # text without 0: maybe not a phone


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("010-1234-5678", "010-1234-5679"),
        ("홍길동", "홍길순"),
        ("kim@example.com", "kim@example.org"),
        (rrn(date(1990, 1, 1), 1), rrn(date(1990, 1, 1), 2)),
        ("123-45-67890", "12-345-67891"),
    ],
)
def test_different_identifiers_give_different_tokens(a, b):
    assert one(a) != one(b)


def test_blanks_stay_blank_and_index_is_kept():
    values = pd.Series(
        ["010-1234-5678", None, "", "  ", float("nan"), "홍길동"], index=list("abcdef")
    )
    before = values.copy()
    result = pseudonymize_series(values, FIXED_KEY)
    assert list(result.index) == list("abcdef")
    assert result[["b", "c", "d", "e"]].isna().all()
    assert TOKEN.fullmatch(result["a"]) and TOKEN.fullmatch(result["f"])
    pd.testing.assert_series_equal(values, before)


def test_true_and_one_are_different_values():
    assert one(True) != one(1)
    assert tokens([True, 1, 1.0, "1"]) == [one(True), one(1), one(1), one(1)]


def test_other_types_do_not_crash():
    result = tokens([pd.Timestamp("2023-03-05"), date(2023, 3, 5), 12.5, -3, "2023-03-05"])
    assert result[0] == result[1] == result[4]
    assert all(TOKEN.fullmatch(t) for t in result)


def test_column_of_repeats_is_computed_per_distinct_value():
    values = ["010-1234-5678", "홍길동"] * 50_000
    result = tokens(values)
    assert len(result) == 100_000 and len(set(result)) == 2


def test_no_log_record_carries_the_value(caplog):
    secret = rrn(date(1977, 7, 7), 2)
    with caplog.at_level(logging.DEBUG):
        tokens([secret, "010-9876-5432", "kim@example.com"])
    text = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for value in (secret, secret.replace("-", ""), "9876-5432", "kim@example.com"):
        assert value not in text


# --- Property tests -------------------------------------------------------------------------

births = st.dates(min_value=date(1920, 1, 1), max_value=date(2019, 12, 31))
rrns = st.builds(
    lambda born, serial: rrn(born, (1 if born.year < 2000 else 3) + serial % 2, f"{serial:05d}"),
    births,
    st.integers(0, 99_999),
)
phones = st.builds(
    lambda mid, last, sep: f"010{sep}{mid}{sep}{last:04d}",
    st.integers(2000, 9999).map(str),
    st.integers(0, 9999),
    st.sampled_from(["-", "", " ", "."]),
)
emails = st.builds(
    lambda user, host: f"{user}@{host}.kr",
    st.text("abcdefghijklmnopqrstuvwxyz0123456789._", min_size=2, max_size=12),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
)
names = st.builds(
    lambda family, given: family + given,
    st.sampled_from("김이박최정강조윤장임한오서신권황안송류홍"),
    st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=3),
)
keys = st.binary(min_size=16, max_size=64)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(value=st.one_of(rrns, phones, emails, names), key=keys)
def test_no_token_contains_the_original_identifier(value, key):
    token = one(value, key=key)
    assert TOKEN.fullmatch(token)
    assert value not in token and value.upper() not in token
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 7:
        assert digits not in token
        assert digits[-4:] + digits[:3] not in token


@settings(max_examples=300)
@given(
    values=st.lists(
        st.one_of(
            st.text(max_size=40),
            st.integers(-(10**15), 10**15),
            st.floats(allow_nan=True, allow_infinity=True),
            st.booleans(),
            st.none(),
        ),
        max_size=20,
    ),
    kind=st.sampled_from([None, "전화번호", "주민등록번호", "이메일", "이름"]),
)
def test_never_crashes_and_is_deterministic(values, kind):
    first = tokens(values, kind=kind)
    assert first == tokens(values, kind=kind)
    for token in first:
        assert token is None or TOKEN.fullmatch(token)


# --- Excel path -----------------------------------------------------------------------------


def call(func_name, *args):
    body = office_js_call(func_name, *args)
    return asyncio.run(xlwings.server.custom_functions_call(body, custom_functions))


def test_excel_range_keeps_shape_and_matches_the_engine(key_folder):
    cells = [["010-1234-5678", "홍길동"], ["01012345678", ""]]
    result = call("pseudonymize", cells, [["test"]])
    key = load_key("test")
    assert result[0][0] == result[1][0] == one("010-1234-5678", key=key)
    assert result[0][1] == one("홍길동", key=key)
    assert result[1][1] == ""


def test_excel_default_key_and_kind(key_folder):
    create_key("default")
    result = call("pseudonymize", [[1012345678]])
    assert result == [[one("010-1234-5678", key=load_key("default"))]]
    as_number = int(rrn(date(2000, 1, 5), 3).replace("-", ""))
    result = call("pseudonymize", [[as_number]], [["test"]], [["주민등록번호"]])
    assert result == [[one(rrn(date(2000, 1, 5), 3), key=load_key("test"))]]


def test_excel_numeric_key_name(key_folder):
    create_key("2024")
    result = call("pseudonymize", [["홍길동"]], [[2024.0]])
    assert result == [[one("홍길동", key=load_key("2024"))]]


def test_excel_missing_key_asks_for_the_administrator(key_folder):
    with pytest.raises(xw.XlwingsError, match="관리자") as caught:
        call("pseudonymize", [["010-1234-5678"]], [["없는키"]])
    message = str(caught.value)
    assert "dadeum key create 없는키" in message
    assert str(key_folder) not in message  # the server's folder is not shown in Excel


def test_excel_output_never_contains_the_key(key_folder):
    key = load_key("test")
    result = call("pseudonymize", [["010-1234-5678"], ["홍길동"]], [["test"]])
    flat = " ".join(map(str, result))
    assert base64.b64encode(key).decode() not in flat and key.hex() not in flat
    assert "010-1234-5678" not in flat and "홍길동" not in flat
