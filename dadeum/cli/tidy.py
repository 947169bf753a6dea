"""``dadeum tidy``: a human-formatted table in a file → a tidy, machine-readable table."""

import json
from pathlib import Path

from dadeum.cli._files import check_targets, sibling, usage
from dadeum.errors import InputFileError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "tidy",
        help="기계판독 가능한 표로 변환 (convert a formatted table into a tidy table)",
        description=(
            "제목·단위·주석 행, 여러 줄 머리글, 병합 셀, 합계·소계를 정리해 머리글 한 줄의 표로 "
            "바꿉니다. CSV는 UTF-8(BOM)로 쓰고 Table Schema 설명(<OUTPUT>.schema.json)을 함께 "
            "씁니다. INPUT은 바뀌지 않습니다."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="변환할 파일 (.xlsx, .xls 또는 .csv)")
    parser.add_argument(
        "--out", required=True, metavar="OUTPUT", help="결과 파일 (.csv 또는 .xlsx)"
    )
    parser.add_argument("--sheet", metavar="NAME", help="엑셀 파일에서 읽을 시트 (기본: 첫 시트)")
    parser.add_argument(
        "--long", action="store_true",
        help="값 하나에 한 행: 구분 열들, 머리글 단계마다 한 열, value",
    )  # fmt: skip
    parser.add_argument(
        "--header-rows", type=int, metavar="N", help="머리글 행 수 (기본: 자동 판단)"
    )
    parser.add_argument(
        "--totals", action="store_true", help="따로 뺀 합계·소계 행도 파일로 씁니다 (_합계)"
    )
    parser.add_argument(
        "--save-recipe", metavar="PATH", help="실행한 단계를 레시피(.json)에 덧붙여 기록합니다"
    )
    parser.set_defaults(handler=run)


def run(args) -> int:
    from dadeum.engine.frames import with_header_row
    from dadeum.engine.issues import issues_frame
    from dadeum.engine.tables.schema import table_schema
    from dadeum.engine.tables.tidy import tidy_grid
    from dadeum.fileio import file_kind, read_table, write_excel, write_outputs

    source, output = Path(args.input), Path(args.out)
    if output.suffix.lower() not in (".xlsx", ".csv"):
        return usage(f"--out {output.name}: 결과는 .csv 또는 .xlsx 파일로만 씁니다.")
    if args.sheet is not None and file_kind(source) == "csv":
        return usage("--sheet는 엑셀 파일을 읽을 때만 씁니다.")
    if args.header_rows is not None and not 1 <= args.header_rows <= 10:
        return usage("--header-rows는 1부터 10 사이로 주세요.")
    check_targets(source, [output])

    table = read_table(source, sheet=args.sheet)
    tables = tidy_grid(table.grid(), header_rows=args.header_rows, sheet=table.source_name)
    if not tables:
        raise InputFileError(f"{source.name}: 표를 찾지 못했습니다 (빈 시트이거나 값이 없습니다).")
    results = [tidy.long() if args.long else tidy.data.reset_index(drop=True) for tidy in tables]
    issues = issues_frame([issue for tidy in tables for issue in tidy.issues])
    totals = {
        "합계" if n == 1 else f"표{n}_합계": tidy.totals
        for n, tidy in enumerate(tables, start=1)
        if args.totals and len(tidy.totals)
    }

    if output.suffix.lower() == ".csv":
        writers = {}
        for n, (tidy, frame) in enumerate(zip(tables, results, strict=True), start=1):
            path = output if n == 1 else sibling(output, f"표{n}")
            writers[path] = _csv_writer(frame)
            units = {} if args.long else tidy.units
            writers[_schema_path(path)] = _json_writer(table_schema(frame, units=units))
        if len(issues):
            writers[sibling(output, "확인")] = _csv_writer(issues)
        for label, frame in totals.items():
            writers[sibling(output, label)] = _csv_writer(frame)
    else:
        sheets = {"표" if len(results) == 1 else f"표{n}": frame
                  for n, frame in enumerate(results, start=1)}  # fmt: skip
        if len(issues):
            sheets["확인"] = issues
        sheets.update(totals)
        book = {name: (with_header_row(frame), {}) for name, frame in sheets.items()}
        writers = {output: lambda path: write_excel(path, book)}
    check_targets(source, list(writers))
    write_outputs(writers)
    _print_summary(table, tables, results, issues, list(writers))
    if args.save_recipe:
        from dadeum.cli.recipe import save_step

        step = {"step": "tidy", "header_rows": args.header_rows, "long": args.long,
                "totals": args.totals}  # fmt: skip
        from dadeum.engine.recipe_replay import table_selector

        selectors = [table_selector(tidy) for tidy in tables]
        save_step(args.save_recipe, step, source=table, tables=selectors)
    return 0


def _schema_path(csv_path: Path) -> Path:
    return csv_path.with_name(f"{csv_path.stem}.schema.json")


def _csv_writer(frame):
    from dadeum.fileio import write_csv

    return lambda path: write_csv(path, frame, header=[str(c) for c in frame.columns])


def _json_writer(document):
    def write(path: Path) -> None:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    return write


def _print_summary(table, tables, results, issues, written) -> None:
    where = f"시트 '{table.sheet}'" if table.sheet is not None else f"CSV, {table.encoding}"
    print(f"읽은 파일: {table.path} ({where})")
    print(f"찾은 표: {len(tables)}개")
    for n, (tidy, frame) in enumerate(zip(tables, results, strict=True), start=1):
        region = tidy.region
        print(
            f"  표 {n}: {region.top}~{region.bottom}행 → {len(frame):,}행 × {frame.shape[1]}열"
            f" (합계·소계 {len(tidy.totals)}행 제외)"
        )
    print(f"변환 기록: {len(issues):,}건")
    for path in written:
        print(f"저장: {path}")
