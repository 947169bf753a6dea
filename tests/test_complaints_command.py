"""``dadeum complaints classify | keywords | repeats`` on generated 민원 files."""

import csv
import hashlib
import re

import openpyxl
import pytest

from dadeum.cli import main
from dadeum.samples.complaints import complaint_frame

NAME_AND_PHONE = re.compile(r"저는 (\S+)이고 연락처는 (\S+)입니다")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("minwon")
    frame = complaint_frame(240, seed=11)[["접수일", "민원 내용", "담당부서"]]
    frame["접수일"] = frame["접수일"].astype(str)
    train, new = folder / "지난민원.csv", folder / "새민원.xlsx"
    frame.iloc[:180].to_csv(train, index=False, encoding="cp949")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["접수일", "민원 내용"])
    for day, text in frame.iloc[180:][["접수일", "민원 내용"]].itertuples(index=False):
        sheet.append([day, text])
    book.save(new)
    return folder, train, new, frame


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_rows(path, sheet=None):
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))
    book = openpyxl.load_workbook(path, read_only=True)
    return [list(row) for row in book[sheet or book.sheetnames[0]].iter_rows(values_only=True)]


def test_classify_adds_two_columns_to_every_row_in_order(files, capsys):
    folder, train, new, frame = files
    before = digest(new), digest(train)
    out, model = folder / "분류.xlsx", folder / "모델.json"
    code = main(["complaints", "classify", str(new), "--train", str(train), "--text", "민원 내용",
                 "--label", "담당부서", "--out", str(out), "--save-model", str(model)])  # fmt: skip
    assert code == 0
    rows = read_rows(out)
    assert rows[0] == ["접수일", "민원 내용", "예측분류", "확신도"]
    assert [row[1] for row in rows[1:]] == frame["민원 내용"].iloc[180:].tolist()
    assert [row[2] for row in rows[1:]] == frame["담당부서"].iloc[180:].tolist()
    assert all(0 <= row[3] <= 1 for row in rows[1:])
    assert (digest(new), digest(train)) == before
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("완료: 60건 분류")

    again = folder / "분류2.csv"
    code = main(["complaints", "classify", str(new), "--model", str(model), "--text", "B",
                 "--out", str(again)])  # fmt: skip
    assert code == 0
    assert [row[2] for row in read_rows(again)[1:]] == [row[2] for row in rows[1:]]


def test_classify_refuses_a_file_that_is_not_a_model(files, capsys):
    folder, _, new, _ = files
    fake = folder / "가짜.json"
    fake.write_text('{"format": "pickle"}', encoding="utf-8")
    code = main(["complaints", "classify", str(new), "--model", str(fake), "--text", "B",
                 "--out", str(folder / "x.csv")])  # fmt: skip
    assert code == 1
    assert "모델 파일이 아닙니다" in capsys.readouterr().err
    assert not (folder / "x.csv").exists()


def test_classify_never_overwrites_its_input(files, capsys):
    _, train, new, _ = files
    before = digest(new)
    code = main(["complaints", "classify", str(new), "--train", str(train), "--text", "B",
                 "--label", "C", "--out", str(new)])  # fmt: skip
    assert code == 1 and digest(new) == before
    assert "원본" in capsys.readouterr().err


def test_classify_needs_a_label_column_with_train(files, capsys):
    folder, train, new, _ = files
    code = main(["complaints", "classify", str(new), "--train", str(train), "--text", "B",
                 "--out", str(folder / "y.csv")])  # fmt: skip
    assert code == 2 and "--label" in capsys.readouterr().err


def test_keywords_with_dates_write_latest_trend_and_rising_sheets(files, capsys):
    folder, train, _, _ = files
    out = folder / "키워드.xlsx"
    code = main(["complaints", "keywords", str(train), "--text", "민원 내용", "--date", "접수일",
                 "--out", str(out), "--top", "5"])  # fmt: skip
    assert code == 0
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names[0] == "키워드" and names[-2:] == ["기간별", "급증"]
    assert names[1].startswith("최근 ")
    top = read_rows(out, "키워드")
    assert top[0] == ["키워드", "건수"] and len(top) == 6
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("완료: 상위 키워드")


def test_repeats_write_a_group_per_row_and_masked_examples(files, capsys):
    folder, train, _, frame = files
    out = folder / "반복.csv"
    code = main(["complaints", "repeats", str(train), "--text", "B", "--date", "A",
                 "--out", str(out)])  # fmt: skip
    assert code == 0
    rows = read_rows(out)
    assert rows[0][-2:] == ["반복그룹", "유사도"] and len(rows) == 181
    groups = read_rows(folder / "반복_그룹.csv")
    assert groups[0] == ["반복그룹", "건수", "처음", "마지막", "첫 행", "평균 유사도",
                         "예시 (개인정보 가림)"]  # fmt: skip
    first_row = int(groups[1][4])
    assert rows[first_row - 1][-2] == "1"  # 첫 행 is the file's row (header = row 1)
    # No name or phone number from the 민원 appears in the groups or on the screen.
    shown = (folder / "반복_그룹.csv").read_text(encoding="utf-8-sig") + capsys.readouterr().out
    personal = [v for text in frame["민원 내용"] for v in NAME_AND_PHONE.findall(text)]
    assert personal
    for name, phone in personal:
        assert name not in shown and phone not in shown


def test_classify_reports_progress_on_long_runs(files, capsys, monkeypatch):
    from dadeum.cli import complaints as command

    folder, train, new, _ = files
    monkeypatch.setattr(command, "CHUNK", 20)  # 60 rows are then a "long" run
    code = main(["complaints", "classify", str(new), "--train", str(train), "--text", "B",
                 "--label", "C", "--out", str(folder / "진행.csv")])  # fmt: skip
    assert code == 0
    err = capsys.readouterr().err
    assert "분류: 20/60건" in err and "분류: 60/60건" in err
    code = main(["complaints", "classify", str(new), "--train", str(train), "--text", "B",
                 "--label", "C", "--out", str(folder / "조용.csv"), "--quiet"])  # fmt: skip
    assert code == 0 and "분류:" not in capsys.readouterr().err


def test_on_a_terminal_the_progress_line_is_redrawn_not_escaped(monkeypatch):
    import io
    import sys
    from types import SimpleNamespace

    from dadeum.cli import complaints as command
    from dadeum.cli._terminal import SafeStream

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", SafeStream(screen))  # as inside safe_output
    for done in (1_000, 2_000, 3_000):
        command._progress(SimpleNamespace(quiet=False), done, 3_000, "분류")
    text = screen.getvalue()
    assert "\\u000d" not in text
    assert text == "\r분류: 1,000/3,000건\r분류: 2,000/3,000건\r분류: 3,000/3,000건\n"
