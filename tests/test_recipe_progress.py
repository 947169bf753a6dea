"""The progress bar of ``dadeum recipe run``: redrawn on a terminal, one line per file in a log."""

import io

from dadeum.cli.recipe import Progress
from dadeum.samples.monthly import write_monthly
from tests.conftest import dadeum_on_a_terminal, run_dadeum


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_bar_is_redrawn_in_place():
    screen = Terminal()
    progress = Progress(4, screen)
    for number, name in enumerate(["1월.xlsx", "2월.xlsx", "3월.csv", "4월.xlsx"], start=1):
        progress.start(number, name)
        if name == "3월.csv":
            progress.finish(name, "실패: 열 수 없습니다", failed=True)
        else:
            progress.finish(name, "완료")
    progress.close()
    text = screen.getvalue()
    assert "\r[##########----------] 3/4 파일 (3월.csv)" in text  # two done, third under way
    assert "[####################] 4/4 파일" in text
    # Only a failure leaves a line of its own; the bar itself never adds lines.
    assert text.count("\n") == 2
    assert "\n" not in text.split("3월.csv: 실패: 열 수 없습니다\n")[0].split("\r")[-1]
    assert text.endswith("\n")


def test_a_shorter_redraw_covers_the_longer_line_before_it():
    screen = Terminal()
    progress = Progress(1, screen)
    progress.start(1, "아주긴이름의파일_2025년_12월_최종본.xlsx")
    progress.finish("아주긴이름의파일_2025년_12월_최종본.xlsx", "완료")
    last = screen.getvalue().split("\r")[-1]
    first = screen.getvalue().split("\r")[1]
    width = sum(2 if "가" <= c <= "힣" else 1 for c in first)
    assert sum(2 if "가" <= c <= "힣" else 1 for c in last) >= width


def test_in_a_log_each_file_gets_one_line():
    log = io.StringIO()  # not a terminal: Task Scheduler or cron writing to a file
    progress = Progress(3, log)
    for number, name in enumerate(["a.xlsx", "b.xlsx", "c.xlsx"], start=1):
        progress.start(number, name)
        progress.finish(name, "완료 (12행 → 12행)")
    progress.close()
    lines = log.getvalue().splitlines()
    assert lines == [f"[{n}/3] {name} … 완료 (12행 → 12행)"
                     for n, name in enumerate(["a.xlsx", "b.xlsx", "c.xlsx"], start=1)]  # fmt: skip
    assert "\r" not in log.getvalue()


def test_quiet_prints_nothing():
    for stream in (Terminal(), io.StringIO()):
        progress = Progress(2, stream, quiet=True)
        progress.start(1, "a.xlsx")
        progress.finish("a.xlsx", "실패: x", failed=True)
        progress.close()
        assert stream.getvalue() == ""


def _recipe(tmp_path):
    recipe = tmp_path / "r.json"
    recipe.write_text('{"dadeum_recipe": 1, "name": "r", "steps": [{"step": "tidy"}]}', "utf-8")
    return recipe


def test_the_command_draws_a_bar_on_a_terminal(tmp_path):
    files = write_monthly(tmp_path / "in")[:4]
    text = dadeum_on_a_terminal(
        "recipe", "run", _recipe(tmp_path), *files, "--out", tmp_path / "out"
    )
    assert "\r[" in text and "4/4 파일" in text
    assert "(민원현황_2025_02.xlsx)" in text
    assert "[4/4] " not in text  # the line-per-file form is for logs only


def test_the_command_writes_a_line_per_file_to_a_log_and_nothing_when_quiet(tmp_path):
    files = write_monthly(tmp_path / "in")[:3]
    recipe = _recipe(tmp_path)
    logged = run_dadeum("recipe", "run", recipe, *files, "--out", tmp_path / "a")
    assert logged.returncode == 0, logged.stderr
    lines = logged.stderr.splitlines()
    assert [line.split(" ")[0] for line in lines] == ["[1/3]", "[2/3]", "[3/3]"]
    assert all(" 완료 (" in line for line in lines) and "\r" not in logged.stderr
    quiet = run_dadeum("recipe", "run", recipe, *files, "--out", tmp_path / "b", "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert quiet.stdout.strip().startswith("완료 3개, 실패 0개")
