"""The ``dadeum`` command line: one entry point, one module per subcommand.

A subcommand module exposes ``register(subparsers)``, which adds its parser and sets
``handler`` to a function taking the parsed arguments and returning the exit code.
Add new subcommands to ``SUBCOMMANDS``.
"""

import argparse
import os
import sys
from collections.abc import Sequence

from dadeum import __version__
from dadeum.cli import (
    addin,
    check,
    clean,
    complaints,
    forecast,
    functions,
    privacy,
    recipe,
    serve,
    tidy,
    training,
)
from dadeum.cli._terminal import safe_output
from dadeum.errors import DadeumError

SUBCOMMANDS = (
    serve, functions, clean, tidy, check, privacy, forecast, complaints, recipe, addin, training,
)  # fmt: skip

# Exit codes, documented for schedulers (Task Scheduler, cron).
EXIT_OK = 0
EXIT_FAILED = 1  # the work ran but something failed (e.g. a bad input file)
EXIT_USAGE = 2  # wrong command line (argparse uses 2 as well)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dadeum",
        description="다듬: 엑셀 데이터 정리·개인정보 보호·예측 (Dadeum command line)",
    )
    parser.add_argument("--version", action="version", version=f"dadeum {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    if args.command == "serve":  # the server's log keeps its colours
        return args.handler(args)
    # Text from files and recipes is printed with its control characters escaped.
    with safe_output():
        return _run(args)


def _run(args) -> int:
    try:
        return args.handler(args)
    except DadeumError as error:
        print(f"오류: {error}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into head or more, which stopped reading
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # MemoryError and RecursionError included
        if os.environ.get("DADEUM_DEBUG"):
            raise
        # A Korean line instead of a traceback; the error's text may quote a cell, so only
        # its kind is named.
        print(
            f"오류: 예상하지 못한 문제로 멈췄습니다 ({type(error).__name__}). 입력 파일이 "
            "손상되었거나 너무 클 수 있습니다. 되풀이되면 DADEUM_DEBUG=1을 설정하고 다시 "
            "실행한 결과를 담당자에게 알려 주세요.",
            file=sys.stderr,
        )
        return EXIT_FAILED
