"""``dadeum clean``: the ribbon's 정리 for a file; cleans a table and lists what needs a look."""

from pathlib import Path

from dadeum.cli._files import check_targets, sibling, usage
from dadeum.errors import InputFileError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "clean",
        help="파일의 표 정리 (clean a table in an .xlsx or .csv file)",
        description=(
            "열마다 숫자·날짜·전화번호·텍스트를 알아내 정리한 표를 OUTPUT에 씁니다. 바꾸지 못한 "
            "셀은 원래 값 그대로 두고 확인 목록(.xlsx는 '확인' 시트, .csv는 '<OUTPUT>_확인.csv')"
            "에 모읍니다. INPUT은 바뀌지 않습니다."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="정리할 파일 (.xlsx 또는 .csv)")
    parser.add_argument(
        "--out", required=True, metavar="OUTPUT", help="결과 파일 (.xlsx 또는 .csv)"
    )
    parser.add_argument("--sheet", metavar="NAME", help="엑셀 파일에서 읽을 시트 (기본: 첫 시트)")
    header = parser.add_mutually_exclusive_group()
    header.add_argument(
        "--header", dest="header", action="store_true", default=None,
        help="첫 행을 머리글로 봅니다 (기본: 자동 판단)",
    )  # fmt: skip
    header.add_argument(
        "--no-header", dest="header", action="store_false", help="첫 행부터 자료로 봅니다"
    )
    parser.add_argument(
        "--save-recipe", metavar="PATH", help="실행한 단계를 레시피(.json)에 덧붙여 기록합니다"
    )
    parser.set_defaults(handler=run)


def review_path(output: Path) -> Path:
    """Where a CSV output's review list goes: ``결과.csv`` → ``결과_확인.csv``."""
    return sibling(output, "확인")


def run(args) -> int:
    from dadeum.engine.columns import (
        GENERAL_FORMAT,
        TEXT_FORMAT,
        TYPE_NAMES,
        clean_frame,
        number_format,
    )
    from dadeum.engine.frames import with_header_row
    from dadeum.engine.issues import REPORT_COLUMNS, column_letter, issues_frame
    from dadeum.fileio import file_kind, read_table, write_csv, write_excel, write_outputs

    source, output = Path(args.input), Path(args.out)
    if output.suffix.lower() not in (".xlsx", ".csv"):
        return usage(f"--out {output.name}: 결과는 .xlsx 또는 .csv 파일로만 씁니다.")
    output_kind = file_kind(output)
    input_kind = file_kind(source)
    if args.sheet is not None and input_kind not in ("excel", "xls"):
        return usage("--sheet는 엑셀(.xlsx) 파일을 읽을 때만 씁니다.")
    review = review_path(output) if output_kind == "csv" else None
    check_targets(source, [path for path in (output, review) if path is not None])

    table = read_table(source, sheet=args.sheet)
    if table.frame.empty:
        raise InputFileError(f"{source.name}: 정리할 데이터가 없습니다 (빈 시트 또는 빈 파일).")
    result = clean_frame(table.frame, header=args.header, sheet=table.source_name)
    issues = issues_frame(result.issues)
    formats = {}
    for position, (label, kind) in enumerate(result.types.items()):
        header = result.frame[label].iloc[: result.header_rows].tolist()
        name = " ".join(str(cell) for cell in header if isinstance(cell, str))
        code = number_format(result.frame[label].iloc[result.header_rows :], kind, name=name)
        # Text needs no format in a file: openpyxl and CSV never reinterpret it.
        if code not in (GENERAL_FORMAT, TEXT_FORMAT):
            formats[position] = (result.header_rows, code)

    if output_kind == "excel":
        sheets = {"정리": (result.frame, formats)}
        if len(issues):
            sheets["확인"] = (with_header_row(issues), {})
        write_outputs({output: lambda path: write_excel(path, sheets)})
        written = [f"{output} (시트 {', '.join(repr(name) for name in sheets)})"]
    else:
        writers = {output: lambda path: write_csv(path, result.frame)}
        if len(issues):
            writers[review] = lambda path: write_csv(path, issues, header=REPORT_COLUMNS)
        write_outputs(writers)
        written = [str(path) for path in writers]

    _print_summary(table, result, issues, written, TYPE_NAMES, column_letter)
    if not len(issues) and review is not None and review.exists():
        print(f"참고: 이전에 만든 {review.name}은 이번 결과와 관계없습니다 (확인할 셀 없음).")
    if args.save_recipe:
        from dadeum.cli.recipe import save_step
        from dadeum.engine.recipe_replay import header_names

        names = header_names(result.frame, result.header_rows) if result.header_rows else []
        types = dict(zip(names, result.types.values(), strict=True))
        step = {"step": "clean", "header": args.header, "types": types, "order": names}
        save_step(args.save_recipe, step, source=table)
    return 0


def _print_summary(table, result, issues, written, type_names, column_letter) -> None:
    rows, columns = result.frame.shape
    where = f"시트 '{table.sheet}'" if table.sheet is not None else f"CSV, {table.encoding}"
    print(f"읽은 파일: {table.path} ({where})")
    header = f", 머리글 {result.header_rows}행" if result.header_rows else ", 머리글 없음"
    print(f"표 크기: {rows:,}행 × {columns:,}열{header}")
    print("열별 유형:")
    for position, (label, kind) in enumerate(result.types.items()):
        name = ""
        if result.header_rows:
            title = result.frame[label].iloc[result.header_rows - 1]
            name = f" {title}" if isinstance(title, str) and title else ""
        count = result.converted_by_column.get(label, 0)
        detail = f" (변환 {count:,}칸)" if kind != "text" else ""
        print(f"  {column_letter(position + 1)}열{name}: {type_names[kind]}{detail}")
    print(f"변환한 셀: {result.converted:,}칸")
    print(f"확인이 필요한 셀: {len(issues):,}칸")
    for path in written:
        print(f"저장: {path}")
