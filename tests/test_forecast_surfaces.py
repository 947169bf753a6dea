"""The forecast surfaces: ``dadeum forecast``, the 예측 시트 ribbon script, the chart and the
benchmark, on generated series (the benchmark's own seeded generators)."""

import asyncio
import csv
import hashlib
import io
from pathlib import Path

import custom_scripts
import openpyxl
import pandas as pd
import pytest
import xlwings as xw
import xlwings.server

from benchmarks import bench_forecast
from dadeum.reports.forecast import guess_kind, select_columns
from tests.conftest import book_json
from tests.conftest import run_dadeum as dadeum


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def complaints():
    """About five months of daily 민원 counts, from the benchmark's generator."""
    case = next(c for c in bench_forecast.cases(0, small=True) if c.name == "일별 민원")
    return case.series


@pytest.fixture(scope="module")
def traffic():
    case = bench_forecast.cases(0, small=True)[0]
    return case.series


@pytest.fixture
def complaints_csv(tmp_path, complaints) -> Path:
    path = tmp_path / "민원.csv"
    frame = pd.DataFrame({"접수일": complaints.index.strftime("%Y-%m-%d"),
                          "건": complaints.to_numpy().astype(int)})  # fmt: skip
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


@pytest.fixture
def traffic_xlsx(tmp_path, traffic) -> Path:
    path = tmp_path / "교통.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "표지"
    sheet = book.create_sheet("자료")
    sheet.append(["일자", "지점", "통행량"])
    for stamp, value in traffic.items():
        sheet.append([stamp.to_pydatetime(), "A지점", f"{int(value):,}"])  # text with commas
    book.save(path)
    return path


# --- CLI ---------------------------------------------------------------------------------


def test_forecast_csv_writes_the_table_and_the_accuracy_beside_it(tmp_path, complaints_csv):
    before = digest(complaints_csv)
    out = tmp_path / "결과.csv"
    result = dadeum("forecast", complaints_csv, "--date", "접수일", "--value", "B",
                    "--horizon", 14, "--out", out)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert digest(complaints_csv) == before
    rows = read_csv(out)
    assert rows[0] == ["날짜", "예측", "하한", "상한"]
    assert len(rows) == 1 + 14
    assert rows[1][0] == "2024-10-16"
    assert all(float(row[2]) >= 0 for row in rows[1:])  # counts never negative
    accuracy = read_csv(tmp_path / "결과_정확도.csv")
    assert accuracy[0] == ["모델", "MASE", "sMAPE", "구간 적중률", "선택"]
    assert sum(row[4] == "선택" for row in accuracy[1:]) == 1
    assert "민원 건수" in result.stdout  # the kind it decided, in Korean
    assert "예측했습니다" in result.stdout  # the explanation
    assert not list(tmp_path.glob(".*.tmp"))


def test_forecast_xlsx_with_sheet_and_plot(tmp_path, traffic_xlsx):
    out, png = tmp_path / "예측.xlsx", tmp_path / "예측.png"
    result = dadeum("forecast", traffic_xlsx, "--sheet", "자료", "--date", "일자",
                    "--value", "C", "--horizon", 7, "--level", 0.8, "--out", out,
                    "--plot", png)  # fmt: skip
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["예측", "정확도", "설명"]
    rows = list(book["예측"].iter_rows(values_only=True))
    assert rows[0] == ("날짜", "예측", "하한", "상한")
    assert len(rows) == 8
    assert all(r[2] <= r[1] <= r[3] for r in rows[1:])
    assert "교통량" in book["설명"]["A3"].value
    assert png.read_bytes().startswith(b"\x89PNG")


def test_forecast_records_without_a_value_column_are_counted(tmp_path, complaints):
    days = [d.strftime("%Y-%m-%d") for d, n in complaints.items() for _ in range(int(n))]
    path = tmp_path / "기록.csv"
    pd.DataFrame({"접수일자": days, "민원 내용": "도로 파손"}).to_csv(path, index=False)
    out = tmp_path / "건수.csv"
    result = dadeum("forecast", path, "--date", "A", "--horizon", 7, "--out", out)
    assert result.returncode == 0, result.stderr
    assert len(read_csv(out)) == 8
    assert "한 행이 한 건" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--horizon", "7", "--out", "x.txt"], "결과는 .csv 또는 .xlsx"),
        (["--horizon", "0", "--out", "x.csv"], "--horizon"),
        (["--horizon", "7", "--level", "95", "--out", "x.csv"], "--level"),
        (["--horizon", "7", "--out", "x.csv", "--sheet", "자료"], "--sheet"),
        (["--horizon", "7", "--out", "x.csv", "--plot", "x.jpg"], "png"),
        (["--horizon", "7", "--out", "x.csv", "--kind", "weather"], "invalid choice"),
        (["--out", "x.csv"], "--horizon"),
    ],
)
def test_usage_errors_exit_2(tmp_path, complaints_csv, args, message):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = dadeum("forecast", complaints_csv, "--date", "A", "--value", "B", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == [complaints_csv]


def test_never_writes_over_the_input(tmp_path, complaints_csv):
    before = digest(complaints_csv)
    result = dadeum("forecast", complaints_csv, "--date", "A", "--value", "B",
                    "--horizon", 7, "--out", complaints_csv)  # fmt: skip
    assert result.returncode == 1
    assert "원본" in result.stderr
    assert digest(complaints_csv) == before


def test_unknown_column_and_short_history_are_korean_errors(tmp_path, complaints_csv):
    result = dadeum("forecast", complaints_csv, "--date", "날짜", "--value", "B",
                    "--horizon", 7, "--out", tmp_path / "o.csv")  # fmt: skip
    assert result.returncode == 1
    assert "'날짜'를 찾지 못했습니다" in result.stderr and "접수일" in result.stderr
    short = tmp_path / "짧음.csv"
    short.write_text("날짜,값\n2024-01-01,3\n2024-01-02,4\n2024-01-03,5\n", encoding="utf-8")
    result = dadeum("forecast", short, "--date", "날짜", "--value", "값", "--horizon", 7,
                    "--out", tmp_path / "o.csv")  # fmt: skip
    assert result.returncode == 1
    assert "필요합니다" in result.stderr
    assert not (tmp_path / "o.csv").exists()


def test_a_failing_writer_leaves_nothing_behind(tmp_path, complaints_csv, monkeypatch):
    from dadeum.cli import main

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("dadeum.reports.plots.save_figure", broken)
    out = tmp_path / "o.csv"
    plot = str(tmp_path / "g.png")
    code = main(["forecast", str(complaints_csv), "--date", "A", "--value", "B",
                 "--horizon", "7", "--out", str(out), "--plot", plot])  # fmt: skip
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [complaints_csv.name]


# --- shared helpers ----------------------------------------------------------------------


def test_kind_is_decided_from_the_data():
    assert guess_kind([0, 3, 0, 5, 1, 0, 2] * 10)[0] == "complaints"
    assert guess_kind([21034, 19876.0, 23011] * 10)[0] == "traffic"
    assert guess_kind([12.5, 13.1, 9.8] * 10)[0] == "traffic"
    assert guess_kind(None)[0] == "complaints"
    kind, reason = guess_kind([21034, 19876], "민원 접수 건수")
    assert kind == "complaints" and "민원" in reason


def test_columns_by_header_letter_or_position():
    rows = [["날짜", "값"], ["2024-01-01", 3], ["2024-01-02", 4]]
    by_name = select_columns(rows, "날짜", "값")
    assert by_name.header and by_name.values == [3, 4] and by_name.value_name == "값"
    by_letter = select_columns(rows, "a", "B")
    assert by_letter.dates == ["2024-01-01", "2024-01-02"]
    no_header = select_columns(rows[1:], 0, 1)
    assert not no_header.header and no_header.value_name == "B열"


# --- ribbon ------------------------------------------------------------------------------


def run_script(name, payload):
    book = xw.Book(json=payload)
    response = asyncio.run(
        xlwings.server.custom_scripts_call(custom_scripts, name, typehint_to_value={xw.Book: book})
    )
    return response.json()["actions"]


def test_ribbon_forecast_sheet(complaints):
    values = [["접수일", "건수"]] + [
        [stamp.strftime("%Y-%m-%d"), int(n)] for stamp, n in complaints.items()
    ]
    payload = book_json({"민원": values}, selection=f"A1:B{len(values)}")
    actions = run_script("forecast_sheet", payload)
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["민원_예측"]
    position = 1  # after the active sheet (0), which is the source
    touched = {a["sheet_position"] for a in actions if a["sheet_position"] is not None}
    assert touched == {position}  # nothing is written to the source sheet
    writes = [a for a in actions if a["func"] == "setValues"]
    text = str([a["values"] for a in writes])
    assert "실적" in text and "구간 적중률" in text and "예측했습니다" in text
    assert "민원 건수" in text  # the kind, decided from the data, is said on the sheet
    pictures = [a for a in actions if a["func"] == "addPicture"]
    assert len(pictures) == 1 and pictures[0]["sheet_position"] == position
    assert len(pictures[0]["args"][0]) > 1000  # the base64 PNG


def test_ribbon_forecast_sheet_with_too_little_data_says_so():
    payload = book_json({"표": [["날짜", "값"], ["2024-01-01", 1], ["2024-01-02", 2]]},
                        selection="A1:B3")  # fmt: skip
    with pytest.raises(xw.XlwingsError, match="필요합니다"):
        run_script("forecast_sheet", payload)


# --- chart and benchmark -------------------------------------------------------------------


def test_plot_saves_a_png_with_the_korean_font(tmp_path, complaints):
    from dadeum.engine.forecast import forecast
    from dadeum.reports.plots import KOREAN_FONT, forecast_figure, korean_font, save_figure

    assert korean_font() == KOREAN_FONT
    result = forecast(complaints.index, complaints.to_numpy(), 14, kind="complaints")
    figure = forecast_figure(result, title="민원 건수 예측")
    texts = [figure.axes[0].get_title(), *(t.get_text() for t in figure.legends[0].texts)]
    assert any("예측 구간" in text for text in texts)
    fonts = {t.get_fontname() for t in figure.legends[0].texts}
    assert fonts == {KOREAN_FONT}
    path = tmp_path / "그래프.png"
    save_figure(figure, path)
    assert path.read_bytes().startswith(b"\x89PNG")


def test_benchmark_runs_on_small_series_without_libreoffice():
    out = io.StringIO()
    frame = bench_forecast.run(0, small=True, libreoffice=False, out=out)
    assert len(frame) >= 6
    assert frame["mase_ours"].notna().all()
    assert frame["mase_snaive"].notna().all() and frame["mase_ets"].notna().all()
    assert frame["mase_lo"].isna().all()
    text = out.getvalue()
    assert "LibreOffice column skipped" in text and "mean MASE ratio" in text
