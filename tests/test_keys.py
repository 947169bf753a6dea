"""Organisation keys for pseudonyms: created once, kept outside workbooks, never shown."""

import base64
import hashlib
import os
import stat
import sys
import unicodedata

import pytest

from dadeum.engine.privacy import keys
from dadeum.engine.privacy.keys import (
    KeyNotFoundError,
    create_key,
    key_dir,
    key_fingerprint,
    key_status,
    list_keys,
    load_key,
)
from dadeum.errors import InvalidArgumentError


@pytest.fixture
def key_folder(tmp_path, monkeypatch):
    folder = tmp_path / "keys"
    monkeypatch.setenv("DADEUM_KEY_DIR", str(folder))
    return folder


def test_create_then_load_gives_32_random_bytes(key_folder):
    path = create_key("test")
    assert path == key_folder / "test.key"
    key = load_key("test")
    assert len(key) == 32
    assert base64.b64decode(path.read_bytes().strip()) == key
    assert load_key("test") == key  # the same key every time


def test_two_keys_differ(key_folder):
    create_key("a")
    create_key("b")
    assert load_key("a") != load_key("b")


def test_default_name(key_folder):
    create_key()
    assert (key_folder / "default.key").exists()
    assert load_key() == load_key("default")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_key_file_is_private(key_folder):
    path = create_key("private")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert key_status("private").private is True
    path.chmod(0o644)
    assert key_status("private").private is False


def test_an_existing_key_is_never_overwritten(key_folder):
    path = create_key("team")
    before = path.read_bytes()
    with pytest.raises(InvalidArgumentError, match="이미 있습니다"):
        create_key("team")
    assert path.read_bytes() == before


def test_missing_key_says_how_to_create_it(key_folder):
    with pytest.raises(KeyNotFoundError, match="dadeum key create 세무과") as caught:
        load_key("세무과")
    assert caught.value.name == "세무과"
    assert isinstance(caught.value, InvalidArgumentError)


@pytest.mark.parametrize(
    "name",
    ["../evil", "..", "a/b", "a\\b", "/etc/passwd", "C:\\keys\\a", ".hidden", "a.b", "a b",
     "", "   ", "-rf", "x" * 65, "con", "NUL", "com1", "a\x00b", None, 3],
)  # fmt: skip
def test_names_that_could_leave_the_folder_or_break_are_refused(key_folder, name):
    with pytest.raises(InvalidArgumentError, match="키 이름"):
        create_key(name)
    if name not in ("", None):  # load_key() without a name means "default"
        with pytest.raises(InvalidArgumentError, match="키 이름"):
            load_key(name)
    assert not key_folder.exists() or list(key_folder.iterdir()) == []


@pytest.mark.parametrize("name", ["default", "세무과-2024", "team_1", "A", "가" * 64])
def test_names_with_letters_digits_hangul_hyphen_underscore(key_folder, name):
    assert create_key(name).name == name + ".key"


def test_decomposed_hangul_name_is_the_same_key(key_folder):
    create_key("세무과")
    assert load_key(unicodedata.normalize("NFD", "세무과")) == load_key("세무과")


def test_fingerprint_is_the_sha256_prefix_and_never_the_key(key_folder):
    create_key("fp")
    key = load_key("fp")
    fingerprint = key_fingerprint(key)
    assert fingerprint == hashlib.sha256(key).hexdigest()[:8]
    status = key_status("fp")
    assert status.exists and status.fingerprint == fingerprint
    assert status.path == key_folder / "fp.key"
    shown = repr(status) + str(status)
    assert base64.b64encode(key).decode() not in shown
    assert key.hex() not in shown


def test_status_of_a_missing_key(key_folder):
    status = key_status("none")
    assert not status.exists and status.fingerprint is None and status.problem


def test_broken_key_file_is_reported_without_its_content(key_folder):
    key_folder.mkdir()
    secret = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3Qtc2hvdw!!"
    (key_folder / "broken.key").write_text(secret, encoding="ascii")
    with pytest.raises(InvalidArgumentError, match="형식") as caught:
        load_key("broken")
    assert secret not in str(caught.value) and "c2Vj" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    status = key_status("broken")
    assert status.exists and status.fingerprint is None and secret not in (status.problem or "")


def test_too_short_key_is_refused(key_folder):
    key_folder.mkdir()
    (key_folder / "short.key").write_bytes(base64.b64encode(b"12345678"))
    with pytest.raises(InvalidArgumentError, match="16바이트"):
        load_key("short")


def test_load_from_an_explicit_key_file(tmp_path):
    path = tmp_path / "org.key"
    key = os.urandom(32)
    path.write_bytes(base64.b64encode(key) + b"\r\n")  # a Windows editor's line ending
    assert load_key(path=path) == key
    with pytest.raises(KeyNotFoundError, match="키 파일이 없습니다"):
        load_key(path=tmp_path / "missing.key")


def test_folder_argument_wins_over_the_environment(tmp_path, key_folder):
    other = tmp_path / "other"
    create_key("x", folder=other)
    assert (other / "x.key").exists()
    assert not (key_folder / "x.key").exists()
    assert load_key("x", folder=other)
    with pytest.raises(KeyNotFoundError):
        load_key("x")


def test_default_folder_is_the_per_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DADEUM_KEY_DIR", raising=False)
    if sys.platform == "win32":
        monkeypatch.setenv("APPDATA", str(tmp_path))
        assert key_dir() == tmp_path / "Dadeum" / "keys"
    else:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        monkeypatch.setenv("HOME", str(tmp_path))
        assert key_dir() == tmp_path / ".config" / "dadeum" / "keys"
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
        assert key_dir() == tmp_path / "cfg" / "dadeum" / "keys"


def test_list_keys(key_folder):
    assert list_keys() == []
    for name in ("b", "a", "세무과"):
        create_key(name)
    (key_folder / "notes.txt").write_text("x")
    assert list_keys() == ["a", "b", "세무과"]


def test_module_keeps_no_key_in_memory(key_folder):
    create_key("mem")
    key = load_key("mem")
    for value in vars(keys).values():
        assert value != key
