"""Option checks shared by every engine function, so every message reads the same."""

from collections.abc import Iterable
from typing import Any

from dadeum.errors import InvalidArgumentError


def check_choice(function: str, parameter: str, value: Any, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed``; otherwise raise a message naming all three.

    >>> check_choice("TO_NUMBER", "on_error", "blank", ["error", "blank", "keep"])
    'blank'
    """
    allowed = list(allowed)
    if isinstance(value, str) and value.strip().lower() in allowed:
        return value.strip().lower()
    choices = ", ".join(f'"{choice}"' for choice in allowed)
    raise InvalidArgumentError(
        f"{function} 함수의 '{parameter}' 인수는 {choices} 중 하나여야 합니다. 받은 값: {value!r}"
    )
