"""Organisation keys for keyed pseudonyms, kept outside every workbook.

A key is 32 random bytes (``secrets.token_bytes``) written as one line of base64 in a key file,
``<name>.key``, in the key folder:

1. the folder given by the caller (``folder=``), else
2. ``$DADEUM_KEY_DIR`` when set (servers, tests, a shared drive the administrator controls),
3. else the per-user configuration folder: ``%APPDATA%\\Dadeum\\keys`` on Windows,
   ``$XDG_CONFIG_HOME/dadeum/keys`` (normally ``~/.config/dadeum/keys``) elsewhere.

Why outside the workbook: a pseudonym is only as safe as its key. Whoever holds the key can
compute the token of any 주민등록번호 or phone number and so re-identify people; whoever lacks
it cannot. The guideline (가명정보 처리 가이드라인) asks for the key to be kept apart from the
pseudonymised data, by a different person where possible. So the workbook names the key, the
server (or the batch command's ``--key-file``) holds it, and outputs record only its
fingerprint.

Rules this module keeps: a key is never overwritten (a new key would silently break every
join with last month's tokens), never returned by anything but ``load_key``, never put in a
message, and never logged. The file is created with mode 0600 where the system supports it.
"""

import base64
import binascii
import os
import re
import secrets
import sys
import unicodedata
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from dadeum.errors import InvalidArgumentError

__all__ = [
    "DEFAULT_KEY_NAME",
    "KEY_DIR_ENV",
    "KeyNotFoundError",
    "KeyStatus",
    "create_key",
    "key_dir",
    "key_fingerprint",
    "key_path",
    "key_status",
    "list_keys",
    "load_key",
]

KEY_DIR_ENV = "DADEUM_KEY_DIR"
DEFAULT_KEY_NAME = "default"
KEY_BYTES = 32
# Shorter keys are refused when loading: 128 bits is the least an HMAC key should carry.
MIN_KEY_BYTES = 16
_SUFFIX = ".key"
# Letters, digits, '-', '_' and Hangul syllables; no dots, slashes or spaces, so a name can
# never leave the key folder. The first character may not be '-' (it would read as an option).
_NAME = re.compile(r"[A-Za-z0-9_가-힣][A-Za-z0-9_가-힣-]{0,63}")
# Device names Windows reserves in every folder: a key file called con.key cannot exist.
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10)]
)


class KeyNotFoundError(InvalidArgumentError):
    """The named key file does not exist (the administrator has not created it yet)."""

    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.name = name


@dataclass(frozen=True, slots=True)
class KeyStatus:
    """What may be said about a key without revealing it.

    ``fingerprint`` is None when the file is missing or unreadable; ``problem`` then says why
    in Korean. ``private`` is False when other users can read the file, None where the
    system has no such permission bits (Windows).
    """

    name: str
    path: Path
    exists: bool
    fingerprint: str | None
    private: bool | None = None
    problem: str | None = None


def check_key_name(name: object) -> str:
    """The key name in NFC, or a Korean error saying which names are allowed.

    >>> check_key_name("세무과-2024")
    '세무과-2024'
    """
    text = unicodedata.normalize("NFC", name.strip()) if isinstance(name, str) else None
    if text and _NAME.fullmatch(text) and text.lower() not in _WINDOWS_RESERVED:
        return text
    shown = repr(name) if not isinstance(name, str) or len(name) <= 40 else repr(name[:40] + "…")
    raise InvalidArgumentError(
        "키 이름은 영문자, 숫자, 한글, '-', '_'로 64자까지 쓸 수 있습니다 "
        f"(점, 빗금, 띄어쓰기는 쓸 수 없습니다). 받은 이름: {shown}"
    )


def key_dir(folder: str | os.PathLike | None = None) -> Path:
    """The key folder in use (see the module docstring for the order of places)."""
    if folder is not None:
        return Path(folder)
    configured = os.environ.get(KEY_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "Dadeum" / "keys"
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(base) / "dadeum" / "keys"


def key_path(name: str | None = None, *, folder: str | os.PathLike | None = None) -> Path:
    """Where the key called ``name`` lives (whether or not it exists)."""
    return key_dir(folder) / (check_key_name(name or DEFAULT_KEY_NAME) + _SUFFIX)


def create_key(name: str = DEFAULT_KEY_NAME, *, folder: str | os.PathLike | None = None) -> Path:
    """Create a new random key and return the path of its file.

    Refuses to overwrite an existing key: tokens made with the old key would no longer match
    tokens made with the new one, and nothing could bring the old key back.
    """
    name = check_key_name(name)
    directory = key_dir(folder)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / (name + _SUFFIX)
    encoded = base64.b64encode(secrets.token_bytes(KEY_BYTES)) + b"\n"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        # O_EXCL makes "does it exist?" and "create it" one step, so two administrators
        # creating the same key at once cannot overwrite each other.
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise InvalidArgumentError(
            f"'{name}' 키가 이미 있습니다. 키를 바꾸면 그동안 만든 가명과 "
            f"더는 이어지지 않으므로 덮어쓰지 않습니다: {path}"
        ) from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(encoded)
    return path


def load_key(
    name: str | None = None,
    *,
    path: str | os.PathLike | None = None,
    folder: str | os.PathLike | None = None,
) -> bytes:
    """The key bytes, from the key folder by ``name`` (default ``"default"``) or from ``path``.

    Raises ``KeyNotFoundError`` when the file is missing and ``InvalidArgumentError`` when it
    cannot be read as a key; neither message contains any part of the file.
    """
    if path is not None:
        file = Path(path)
        label = file.name
    else:
        label = check_key_name(name or DEFAULT_KEY_NAME)
        file = key_path(label, folder=folder)
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        if path is not None:
            raise KeyNotFoundError(f"키 파일이 없습니다: {file}", name=label) from None
        raise KeyNotFoundError(
            f"'{label}' 키가 없습니다 ({file.parent}). 관리자가 "
            f"'dadeum key create {label}' 명령으로 키를 만들어야 합니다.",
            name=label,
        ) from None
    except OSError as error:
        raise InvalidArgumentError(
            f"키 파일을 읽을 수 없습니다 ({type(error).__name__}): {file}"
        ) from None
    return _decode(content, file)


def key_fingerprint(key: bytes) -> str:
    """The first 8 hex digits of SHA-256 of the key: safe to show and to record in a 적정성 검토
    sheet, and enough to tell whether two files were pseudonymised with the same key."""
    return sha256(key).hexdigest()[:8]


def key_status(name: str | None = None, *, folder: str | os.PathLike | None = None) -> KeyStatus:
    """Whether the key exists, its fingerprint and its path; never the key itself."""
    label = check_key_name(name or DEFAULT_KEY_NAME)
    file = key_path(label, folder=folder)
    if not file.exists():
        return KeyStatus(label, file, False, None, problem="키 파일이 없습니다.")
    try:
        key = load_key(path=file)
    except InvalidArgumentError as error:
        return KeyStatus(label, file, True, None, problem=str(error))
    private = None if sys.platform == "win32" else (file.stat().st_mode & 0o077) == 0
    return KeyStatus(label, file, True, key_fingerprint(key), private=private)


def list_keys(folder: str | os.PathLike | None = None) -> list[str]:
    """The names of the keys in the key folder, sorted."""
    directory = key_dir(folder)
    if not directory.is_dir():
        return []
    names = []
    for file in directory.glob("*" + _SUFFIX):
        stem = unicodedata.normalize("NFC", file.stem)
        if _NAME.fullmatch(stem):
            names.append(stem)
    return sorted(names)


def _decode(content: bytes, file: Path) -> bytes:
    text = b"".join(content.split())  # line breaks and spaces an editor may have added
    bad = InvalidArgumentError(
        f"키 파일 형식이 맞지 않습니다 (base64로 적은 {MIN_KEY_BYTES}바이트 이상의 키여야 "
        f"합니다): {file}"
    )
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise bad from None
    if len(key) < MIN_KEY_BYTES:
        raise bad
    return key
