"""``dadeum check``: does a sheet follow the Korean machine-readability rules? Where not, why."""

import json
from pathlib import Path

from dadeum.cli._files import usage


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="기계판독 가능 여부 점검 (check a sheet against the machine-readability rules)",
        description=(
            "공공데이터 기계판독 기준(머리글 한 줄, 병합 셀 없음, 합계 행 없음, 한 셀에 값 하나, "
            "숫자에 단위·쉼표 없음, 날짜는 YYYY-MM-DD, UTF-8 CSV 등)에 맞지 않는 곳을 위치와 "
            "고치는 방법과 함께 알려 줍니다. 파일은 바뀌지 않습니다."
        ),
    )
    parser.add_argument("input", metavar="INPUT", help="점검할 파일 (.xlsx, .xls 또는 .csv)")
    parser.add_argument("--sheet", metavar="NAME", help="엑셀 파일에서 읽을 시트 (기본: 첫 시트)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=run)


def run(args) -> int:
    from dadeum.engine.tables.check import RULES, check_grid
    from dadeum.fileio import file_kind, read_table

    source = Path(args.input)
    if args.sheet is not None and file_kind(source) == "csv":
        return usage("--sheet는 엑셀 파일을 읽을 때만 씁니다.")
    table = read_table(source, sheet=args.sheet)
    encoding = table.encoding.split(" ")[0] if table.encoding else None
    report = check_grid(table.grid(), merges=table.merges, sheet=table.source_name,
                        csv_encoding=encoding)  # fmt: skip
    if args.format == "json":
        document = {
            "file": str(source),
            "sheet": table.sheet,
            "score": report.score,
            "issues": [
                {"rule": issue.type, "rule_name": RULES[issue.type][1], "sheet": issue.sheet,
                 "cell": issue.cell, "value": _jsonable(issue.value), "message": issue.message,
                 "fix": RULES[issue.type][2]}
                for issue in report.issues
            ],
        }  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"점검한 파일: {source} ({table.source_name})")
    print(f"기계판독 점수: {report.score}점 / 100점")
    if not report.issues:
        print("기계판독 기준에 어긋나는 곳을 찾지 못했습니다.")
        return 0
    for rule in report.broken_rules:
        weight, name, fix = RULES[rule]
        found = [issue for issue in report.issues if issue.type == rule]
        print(f"\n[{name}] {len(found)}건 (-{weight}점)")
        print(f"  고치는 방법: {fix}")
        for issue in found[:20]:
            where = f"{issue.cell}: " if issue.cell else ""
            print(f"  - {where}{issue.message}")
        if len(found) > 20:
            print(f"  … 외 {len(found) - 20}건 (--format json으로 모두 볼 수 있습니다)")
    return 0


def _jsonable(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
