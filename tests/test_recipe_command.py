"""``--save-recipe`` and ``dadeum recipe show|run`` on a year of monthly files."""

import csv
import json

import pandas as pd
import pytest

from dadeum.samples.monthly import BROKEN_MONTH, write_monthly
from tests.conftest import run_dadeum


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def year(tmp_path, monkeypatch):
    """Twelve monthly files, a key, and the recipe recorded on January."""
    env = {"DADEUM_KEY_DIR": str(tmp_path / "keys")}
    monkeypatch.setenv("DADEUM_KEY_DIR", env["DADEUM_KEY_DIR"])
    files = write_monthly(tmp_path / "in")
    assert run_dadeum("key", "create", env=env).returncode == 0
    recipe = tmp_path / "민원.json"
    work = tmp_path / "work"
    work.mkdir()
    steps = [
        ("tidy", files[0], work / "t.csv"),
        ("clean", work / "t.csv", work / "c.csv"),
        ("pseudonymize", work / "c.csv", work / "p.csv"),
    ]
    for command, source, target in steps:
        result = run_dadeum(command, source, "--out", target, "--save-recipe", recipe, env=env)
        assert result.returncode == 0, result.stderr
        assert "레시피에" in result.stdout
    return tmp_path, files, recipe, env


def test_save_recipe_records_the_options_used(year):
    _, _, recipe, _ = year
    data = json.loads(recipe.read_text(encoding="utf-8"))
    assert data["dadeum_recipe"] == 1 and data["name"] == "민원"
    assert [step["step"] for step in data["steps"]] == ["tidy", "clean", "pseudonymize"]
    assert data["steps"][1]["types"]["접수 건수"] == "number"
    assert data["steps"][1]["types"]["연락처"] == "phone"
    assert data["steps"][2]["columns"]["담당자"] == "가명"
    assert data["steps"][2]["columns"]["읍면동"] == "유지"


def test_save_recipe_refuses_to_append_to_a_broken_recipe(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"dadeum_recipe": 9, "steps": []}', encoding="utf-8")
    source = tmp_path / "a.csv"
    source.write_text("이름,금액\n가,1\n", encoding="utf-8")
    result = run_dadeum("clean", source, "--out", tmp_path / "b.csv", "--save-recipe", bad)
    assert result.returncode == 1
    assert "레시피에 문제가" in result.stderr
    assert bad.read_text(encoding="utf-8") == '{"dadeum_recipe": 9, "steps": []}'


def test_recipe_show_prints_korean(year):
    _, _, recipe, _ = year
    result = run_dadeum("recipe", "show", recipe)
    assert result.returncode == 0, result.stderr
    assert "레시피: 민원 (단계 3개)" in result.stdout
    assert "'접수 건수'를 숫자로 정리" in result.stdout
    assert "가명처리" in result.stdout


def test_replay_on_the_rest_of_the_year(year):
    tmp_path, files, recipe, env = year
    out, combined = tmp_path / "out", tmp_path / "합계.csv"
    result = run_dadeum(
        "recipe", "run", recipe, *files[1:], "--out", out, "--combine", combined, env=env
    )
    assert result.returncode == 1, result.stderr  # one broken file
    assert result.stderr.count("완료") == 10 and "[11/11]" in result.stderr

    summary = read_csv(out / "레시피_결과.csv")
    assert summary[0] == ["파일", "입력 행", "출력 행", "확인 건수", "상태"]
    rows = {row[0]: row for row in summary[1:]}
    assert len(rows) == 11
    broken = files[BROKEN_MONTH - 1].name
    assert rows[broken][4].startswith("실패:") and "열 수 없습니다" in rows[broken][4]
    for name, row in rows.items():
        if name != broken:
            assert row[4] == "완료" and row[2] == "12", row
    assert not (out / f"{files[BROKEN_MONTH - 1].stem}.xlsx").exists()
    assert not list(out.glob(".*.tmp"))
    assert (out / "민원현황_2025_03.csv").exists()  # CSV in, CSV out

    stacked = pd.read_csv(combined, encoding="utf-8-sig", dtype=str)
    assert list(stacked.columns[:4]) == ["원본파일", "읍면동", "접수 건수", "처리 건수"]
    assert "접수건수" not in stacked.columns  # April's header matched by meaning
    assert len(stacked) == 10 * 12
    assert stacked["접수 건수"].notna().all()
    assert stacked["담당자"].str.startswith("P-").all()
    assert "전월 대비" in stacked.columns  # September's added column is kept

    first = pd.read_csv(tmp_path / "work" / "p.csv", encoding="utf-8-sig", dtype=str)
    april = stacked[stacked["원본파일"] == "민원현황_2025_04.xlsx"]
    assert set(april["읍면동"]) == set(first["읍면동"])


def test_a_missing_column_stops_only_that_file(year):
    tmp_path, files, recipe, env = year
    renamed = tmp_path / "renamed.csv"
    rows = read_csv(files[2])  # March is the CSV
    rows[2] = [cell.replace("처리 건수", "처리 실적") for cell in rows[2]]
    with open(renamed, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "out"
    result = run_dadeum("recipe", "run", recipe, files[1], renamed, "--out", out, env=env)
    assert result.returncode == 1
    status = {row[0]: row[4] for row in read_csv(out / "레시피_결과.csv")[1:]}
    assert status[files[1].name] == "완료"
    assert "'처리 건수' 열이 표에 없습니다" in status["renamed.csv"]
    assert "'처리 실적'" in status["renamed.csv"]
    assert not (out / "renamed.csv").exists()


def test_exit_codes(year, tmp_path):
    _, files, recipe, env = year
    ok = run_dadeum("recipe", "run", recipe, files[1], "--out", tmp_path / "o", env=env)
    assert ok.returncode == 0, ok.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_dadeum("recipe", "run", recipe, empty, "--out", tmp_path / "o").returncode == 2
    bad = run_dadeum("recipe", "run", recipe, files[1], "--out", tmp_path / "o", "--combine",
                     tmp_path / "x.xlsx")  # fmt: skip
    assert bad.returncode == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    failed = run_dadeum("recipe", "run", broken, files[1], "--out", tmp_path / "o")
    assert failed.returncode == 1 and "JSON" in failed.stderr


def test_several_workers_give_the_same_results_in_the_same_order(year):
    tmp_path, files, recipe, env = year
    outputs = {}
    for jobs in ("1", "2"):
        out, combined = tmp_path / f"out{jobs}", tmp_path / f"all{jobs}.csv"
        result = run_dadeum("recipe", "run", recipe, *files[1:7], "--out", out, "--jobs", jobs,
                            "--combine", combined, env=env)  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stderr.count("완료 (") == 6
        outputs[jobs] = (read_csv(out / "레시피_결과.csv"), combined.read_bytes())
    assert outputs["1"] == outputs["2"]
    assert [row[0] for row in outputs["2"][0][1:]] == [f.name for f in files[1:7]]
