"""``dadeum functions``: every custom function by its Excel name, with its description."""

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "functions",
        help="셀 함수 목록 (list the custom functions)",
        description="다듬의 모든 셀 함수를 엑셀 이름과 한 줄 설명으로 보여 줍니다.",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(handler=run)


def run(args) -> int:
    from udfs._catalogue import catalogue

    entries = catalogue()
    if args.format == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    width = max(len(entry["excel_name"]) for entry in entries)
    for entry in entries:
        print(f"{entry['excel_name']:<{width}}  {entry['summary']}")
    return 0
