"""``dadeum forecast``: traffic volumes or 민원 counts in a file → a forecast with an accuracy
report and a Korean explanation (and optionally a chart)."""

import argparse
from pathlib import Path

from dadeum.cli._files import check_targets, sibling, usage

KINDS = ("traffic", "complaints")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "forecast",
        help="교통량·민원 건수 예측 (forecast traffic volumes or 민원 counts)",
        description=(
            "날짜 열과 값 열에서 공휴일·설날·추석을 아는 예측을 만들고, 지난 기록으로 잰 정확도와 "
            "한국어 설명을 함께 씁니다. .xlsx에는 예측·정확도·설명 시트를, .csv에는 예측 표와 "
            "<OUTPUT>_정확도.csv를 씁니다. INPUT은 바뀌지 않습니다."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="읽을 파일 (.xlsx, .xls 또는 .csv)")
    parser.add_argument(
        "--date", required=True, metavar="COL", help="날짜 열: 머리글 이름 또는 열 문자 (예: A)"
    )
    parser.add_argument(
        "--value", metavar="COL",
        help="값 열: 머리글 이름 또는 열 문자. 없으면 한 행을 한 건(민원 기록)으로 셉니다",
    )  # fmt: skip
    parser.add_argument(
        "--horizon", required=True, type=int, metavar="H", help="예측할 기간 수 (일·시간·주·월)"
    )
    parser.add_argument(
        "--kind", choices=KINDS,
        help="traffic(교통량) 또는 complaints(민원 건수). 없으면 자료를 보고 정합니다",
    )  # fmt: skip
    parser.add_argument(
        "--level", type=float, default=0.95, metavar="P", help="예측 구간의 신뢰 수준 (기본 0.95)"
    )
    parser.add_argument(
        "--out", required=True, metavar="OUTPUT", help="결과 파일 (.csv 또는 .xlsx)"
    )
    parser.add_argument(
        "--workdays", action=argparse.BooleanOptionalAction, default=None,
        help="근무일(주말·공휴일 제외)만 예측합니다. --no-workdays는 모든 날을 예측합니다. "
        "없으면 자료를 보고 정합니다 (주말 기록이 없으면 근무일만, 근무시간 기록만 있으면 "
        "다음 근무시간만)",
    )  # fmt: skip
    parser.add_argument("--plot", metavar="PNG", help="그래프를 PNG 파일로도 저장합니다")
    parser.add_argument("--sheet", metavar="NAME", help="엑셀 파일에서 읽을 시트 (기본: 첫 시트)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    from dadeum.engine.forecast import forecast
    from dadeum.fileio import file_kind, read_table, write_outputs
    from dadeum.reports.forecast import guess_kind, report_frames, select_columns

    source, output = Path(args.input), Path(args.out)
    plot = Path(args.plot) if args.plot else None
    if output.suffix.lower() not in (".xlsx", ".csv"):
        return usage(f"--out {output.name}: 결과는 .csv 또는 .xlsx 파일로만 씁니다.")
    if plot is not None and plot.suffix.lower() != ".png":
        return usage(f"--plot {plot.name}: 그래프는 .png 파일로만 씁니다.")
    if args.sheet is not None and file_kind(source) == "csv":
        return usage("--sheet는 엑셀 파일을 읽을 때만 씁니다.")
    if args.horizon < 1:
        return usage("--horizon은 1 이상의 정수로 주세요.")
    if not 0 < args.level < 1:
        return usage("--level은 0과 1 사이로 주세요 (예: 0.95).")
    check_targets(source, [output, *([plot] if plot else [])])

    table = read_table(source, sheet=args.sheet)
    rows = table.frame.astype(object).where(table.frame.notna(), None).to_numpy().tolist()
    selection = select_columns(rows, args.date, args.value)
    if args.kind:
        kind, reason = args.kind, f"--kind {args.kind}로 정했습니다."
    else:
        kind, reason = guess_kind(selection.values, selection.value_name)
    result = forecast(selection.dates, selection.values, args.horizon, kind=kind,
                      level=args.level, workdays=args.workdays)  # fmt: skip
    frames = report_frames(result, reason)

    if output.suffix.lower() == ".csv":
        writers = {
            output: _csv_writer(frames["예측"]),
            sibling(output, "정확도"): _csv_writer(frames["정확도"]),
        }
    else:
        hourly = getattr(result, "freq", "D") in ("h", "BH")
        writers = {output: lambda path: _write_book(path, frames, hourly)}
    if plot is not None:
        writers[plot] = _plot_writer(result, selection.value_name, kind)
    check_targets(source, list(writers))
    write_outputs(writers)
    _print_summary(table, selection, kind, result, frames, list(writers))
    return 0


def _csv_writer(frame):
    from dadeum.fileio import write_csv

    return lambda path: write_csv(path, frame, header=[str(c) for c in frame.columns])


def _write_book(path: Path, frames, hourly: bool) -> None:
    from dadeum.engine.frames import with_header_row
    from dadeum.fileio import write_excel

    date = "yyyy-mm-dd hh:mm" if hourly else "yyyy-mm-dd"
    number = "#,##0.0"
    formats = {"예측": {0: (1, date), 1: (1, number), 2: (1, number), 3: (1, number)}}
    book = {name: (with_header_row(frame), formats.get(name, {})) for name, frame in frames.items()}
    write_excel(path, book)


def _plot_writer(result, value_name: str, kind: str):
    def write(path: Path) -> None:
        from dadeum.reports.forecast import KIND_LABELS
        from dadeum.reports.plots import forecast_figure, save_figure

        label = KIND_LABELS[kind]
        title = f"{value_name} 예측" if label in value_name else f"{value_name} 예측 ({label})"
        save_figure(forecast_figure(result, title=title, unit=value_name), path)

    return write


def _print_summary(table, selection, kind, result, frames, written) -> None:
    from dadeum.reports.forecast import KIND_LABELS
    from dadeum.reports.plots import chosen_label

    where = f"시트 '{table.sheet}'" if table.sheet is not None else f"CSV, {table.encoding}"
    print(f"읽은 파일: {table.path} ({where})")
    values = selection.value_name if selection.values is not None else "(기록 건수)"
    print(f"날짜 열: {selection.date_name}, 값 열: {values}, 종류: {KIND_LABELS[kind]}")
    history = result.history
    history = getattr(history, "series", history)
    stamp = "%Y-%m-%d %H:%M" if getattr(result, "freq", "D") in ("h", "BH") else "%Y-%m-%d"
    if len(history):
        first, last = history.index[0], history.index[-1]
        print(f"기록: {first:{stamp}} ~ {last:{stamp}}, {len(history):,}개")
    forecast = frames["예측"]
    first, last = forecast["날짜"].iloc[0], forecast["날짜"].iloc[-1]
    model = chosen_label(result)
    print(f"예측: {first:{stamp}} ~ {last:{stamp}}, {len(forecast):,}개, 모델: {model}")
    print()
    for line in frames["설명"]["설명"]:
        print(line)
    print()
    for path in written:
        print(f"저장: {path}")
