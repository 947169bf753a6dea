"""The ``dadeum`` command line, run as users run it."""

import json

import udfs
from tests.conftest import run_dadeum as dadeum


def test_functions_lists_every_function_by_excel_name():
    result = dadeum("functions")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(udfs.__all__)
    assert any(line.startswith("CLEAN_TEXT ") and "정리합니다" in line for line in lines)


def test_functions_as_json():
    entries = json.loads(dadeum("functions", "--format", "json").stdout)
    by_name = {entry["excel_name"]: entry for entry in entries}
    assert by_name["CLEAN_TEXT"]["python_name"] == "clean_text"
    assert by_name["CLEAN_TEXT"]["arguments"][0]["name"] == "text"


def test_no_subcommand_prints_help_and_exits_2():
    result = dadeum()
    assert result.returncode == 2
    assert "serve" in result.stdout and "functions" in result.stdout
