"""What every file-writing subcommand checks before it writes: never the input, a real folder."""

import sys
from pathlib import Path

from dadeum.errors import InputFileError

EXIT_USAGE = 2  # as in dadeum.cli, which imports the subcommands (so not imported from there)


def sibling(output: Path, label: str, suffix: str | None = None) -> Path:
    """A file beside ``output``: sibling(결과.csv, "확인") → 결과_확인.csv."""
    return output.with_name(f"{output.stem}_{label}{suffix or output.suffix}")


def same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return a.samefile(b)
    return a.resolve() == b.resolve()


def check_targets(source: Path, targets: list[Path]) -> None:
    """Refuse to write over the input, or into a folder that does not exist."""
    for target in targets:
        if same_file(source, target):
            raise InputFileError(
                f"결과 파일({target.name})이 원본 파일과 같습니다. 원본을 덮어쓰지 않도록 "
                "--out에 다른 파일 이름을 주세요."
            )
        if not target.parent.is_dir():
            raise InputFileError(f"결과를 저장할 폴더가 없습니다: {target.parent}")


def usage(message: str) -> int:
    print(f"사용법 오류: {message}", file=sys.stderr)
    return EXIT_USAGE
