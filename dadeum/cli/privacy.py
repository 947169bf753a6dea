"""``dadeum scan``, ``dadeum pseudonymize`` and ``dadeum key``: personal data, on the office PC.

Nothing here prints or logs a raw value: reports carry masked samples, and the key never
leaves its file (only its fingerprint is shown or recorded).
"""

import json
from pathlib import Path

import pandas as pd

from dadeum.cli._files import check_targets, sibling, usage
from dadeum.errors import InputFileError


def register(subparsers) -> None:
    scan = subparsers.add_parser(
        "scan",
        help="개인정보 점검 (find personal data in a file)",
        description=(
            "파일의 모든 시트에서 주민등록번호, 전화번호, 이메일, 이름, 주소 등 개인정보를 찾아 "
            "위치와 유형, 가린 값을 보여 줍니다. 원래 값은 어디에도 출력하지 않습니다."
        ),
    )
    scan.add_argument(
        "input",
        metavar="INPUT",
        help="점검할 파일 (.xlsx, .xls 또는 .csv) 또는 폴더 (하위 폴더의 .xlsx, .xls, .csv, "
        ".hwpx, .docx 파일을 모두 점검)",
    )
    scan.add_argument("--format", choices=["text", "json"], default="text")
    scan.add_argument(
        "--out",
        metavar="OUTPUT",
        help="파일별 점검 결과(개인정보 유형별 건수와 공유 권고)를 저장할 파일 (.xlsx 또는 .csv)",
    )
    scan.set_defaults(handler=run_scan)

    pseudo = subparsers.add_parser(
        "pseudonymize",
        help="가명처리한 사본 만들기 (write a pseudonymised copy)",
        description=(
            "표의 열마다 가명(기관 키로 만든 HMAC), 일반화, 마스킹, 삭제 중 알맞은 기법을 적용한 "
            "사본과 적정성 검토 기록을 씁니다. 키는 결과 파일에 들어가지 않습니다."
        ),
    )
    pseudo.add_argument("input", metavar="INPUT", help="원본 파일 (.xlsx, .xls 또는 .csv)")
    pseudo.add_argument(
        "--out", required=True, metavar="OUTPUT", help="결과 파일 (.xlsx 또는 .csv)"
    )
    pseudo.add_argument("--sheet", metavar="NAME", help="엑셀 파일에서 읽을 시트 (기본: 첫 시트)")
    pseudo.add_argument("--key-file", metavar="PATH", help="가명 키 파일 (기본: 키 폴더의 default)")
    pseudo.add_argument("--key-name", metavar="NAME", help="키 폴더에서 쓸 키 이름")
    pseudo.add_argument(
        "--columns", nargs="+", metavar="열=기법", default=[],
        help="열마다 기법 지정: 성명=가명, 주소=일반화:주소, 나이=일반화:나이:5, 비고=삭제, "
        "메모=마스킹, 성별=유지 (지정하지 않은 열은 찾은 개인정보에 따라 정합니다)",
    )  # fmt: skip
    pseudo.add_argument(
        "--save-recipe", metavar="PATH", help="실행한 단계를 레시피(.json)에 덧붙여 기록합니다"
    )
    pseudo.set_defaults(handler=run_pseudonymize)

    key = subparsers.add_parser(
        "key",
        help="가명 키 만들기·확인 (create or check a pseudonymisation key)",
        description="가명처리에 쓰는 기관 키를 만들거나 상태를 봅니다. 키 값은 보여 주지 않습니다.",
    )
    actions = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="새 키 만들기")
    create.add_argument(
        "name", nargs="?", default=None, metavar="NAME", help="키 이름 (기본 default)"
    )
    create.set_defaults(handler=run_key_create)
    status = actions.add_parser("status", help="키 상태 보기 (지문만 표시)")
    status.add_argument("name", nargs="?", default=None, metavar="NAME")
    status.set_defaults(handler=run_key_status)


def run_scan(args) -> int:
    from dadeum.engine.privacy.detect_scan import records_frame, scan_frame, summary_counts
    from dadeum.fileio import read_table, sheet_names

    source = Path(args.input)
    if source.is_dir() or args.out:
        return run_inventory(source, args)
    records = []
    for name in sheet_names(source):
        table = read_table(source, sheet=name)
        if not table.frame.empty:
            records += scan_frame(table.frame, sheet=table.source_name)
    if args.format == "json":
        report = records_frame(records)
        document = {
            "file": str(source),
            "findings": [
                {"file": str(source), "sheet": r.sheet, "cell": r.cell, "type": r.type,
                 "sample": r.sample, "confidence": round(r.confidence, 2)}
                for r in records
            ],
            "counts": summary_counts(records),
            "columns": list(report.columns),
        }  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"점검한 파일: {source}")
    if not records:
        print("개인정보를 찾지 못했습니다.")
        return 0
    counts = ", ".join(f"{kind} {count:,}건" for kind, count in summary_counts(records).items())
    print(f"찾은 개인정보: {len(records):,}건 ({counts})")
    for record in records[:200]:
        print(f"  {record.sheet}!{record.cell}  {record.type}  {record.sample}")
    if len(records) > 200:
        print(f"  … 외 {len(records) - 200:,}건 (--format json으로 모두 볼 수 있습니다)")
    return 0


def run_inventory(source: Path, args) -> int:
    """The folder inventory (or one file's row): one row per file with a recommendation."""
    import time

    from dadeum.cli.inventory import COLUMNS, inventory, office_files, progress_bar
    from dadeum.fileio import write_csv, write_excel, write_outputs

    if not source.exists():
        return usage(f"점검할 폴더나 파일이 없습니다: {source}")
    files = office_files(source) if source.is_dir() else [source]
    root = source if source.is_dir() else source.parent
    output = Path(args.out) if args.out else None
    if output is not None:
        if output.suffix.lower() not in (".xlsx", ".csv"):
            return usage("--out은 .xlsx 또는 .csv 파일이어야 합니다.")
        check_targets(source, [output])
        files = [path for path in files if path.resolve() != output.resolve()]
    started = time.perf_counter()
    frame = inventory(files, root, progress=progress_bar() if files else None)
    seconds = time.perf_counter() - started
    verdicts = frame["판정"].value_counts().to_dict() if len(frame) else {}
    summary = ", ".join(f"{verdict} {count:,}개" for verdict, count in verdicts.items())
    print(f"점검한 파일: {len(frame):,}개 ({summary or '없음'}), {seconds:,.1f}초")
    failed = frame[frame["읽기 오류"] != ""] if len(frame) else frame
    for row in failed.itertuples(index=False):
        print(f"  읽지 못한 파일: {row[0]} — {row[COLUMNS.index('읽기 오류')]}")
    if output is None:
        for row in frame.itertuples(index=False):
            print(f"  {row[0]}  {row[4]}  {row[3] or '-'}")
        return 0
    header = list(frame.columns)
    if output.suffix.lower() == ".csv":
        write_outputs({output: lambda path: write_csv(path, frame, header=header)})
    else:
        grid = pd.concat([pd.DataFrame([header], columns=header), frame], ignore_index=True)
        write_outputs({output: lambda path: write_excel(path, {"점검결과": (grid, {})})})
    print(f"결과 파일: {output}")
    return 0


def run_pseudonymize(args) -> int:
    from dadeum.engine.frames import with_header_row
    from dadeum.engine.privacy.keys import key_fingerprint, load_key
    from dadeum.engine.privacy.plan import (
        TECHNIQUE_NAMES,
        apply_plan,
        default_plan,
        measure,
        merge_plans,
        needs_key,
        parse_column_spec,
        records_from_grid,
        review_frame,
    )
    from dadeum.fileio import read_table, write_csv, write_excel, write_outputs

    source, output = Path(args.input), Path(args.out)
    if output.suffix.lower() not in (".xlsx", ".csv"):
        return usage(f"--out {output.name}: 결과는 .xlsx 또는 .csv 파일로만 씁니다.")
    if args.key_file and args.key_name:
        return usage("--key-file과 --key-name은 하나만 주세요.")
    review_path = sibling(output, "적정성검토") if output.suffix.lower() == ".csv" else None
    check_targets(source, [p for p in (output, review_path) if p is not None])

    table = read_table(source, sheet=args.sheet)
    if table.frame.empty:
        raise InputFileError(f"{source.name}: 가명처리할 데이터가 없습니다 (빈 시트 또는 빈 파일).")
    frame = records_from_grid(table.frame)
    plans = merge_plans(default_plan(frame), [parse_column_spec(s) for s in args.columns])
    key = name = fingerprint = None
    if needs_key(plans):
        key = load_key(args.key_name, path=args.key_file)
        name = (args.key_file and Path(args.key_file).name) or args.key_name or "default"
        fingerprint = key_fingerprint(key)
    result, failed = apply_plan(frame, plans, key)
    review = review_frame(
        plans, source=source.name, key_name=name, key_fingerprint=fingerprint,
        anonymity=measure(result, plans), records=len(result), failed=failed,
    )  # fmt: skip
    if review_path is None:
        sheets = {"가명처리": (with_header_row(result), {}),
                  "적정성 검토": (with_header_row(review), {})}  # fmt: skip
        write_outputs({output: lambda path: write_excel(path, sheets)})
        written = [output]
    else:
        write_outputs({
            output: lambda path: write_csv(path, result, header=list(map(str, result.columns))),
            review_path: lambda path: write_csv(path, review, header=list(review.columns)),
        })  # fmt: skip
        written = [output, review_path]
    print(f"읽은 파일: {source} ({table.source_name}), {len(result):,}행")
    for plan in plans:
        print(f"  {plan.column}: {TECHNIQUE_NAMES[plan.technique]} ({plan.reason})")
    if fingerprint:
        print(f"가명 키: {name} (지문 {fingerprint})")
    for path in written:
        print(f"저장: {path}")
    if args.save_recipe:
        from dadeum.cli.recipe import save_step
        from dadeum.engine.recipes import technique_spec

        columns = {plan.column: technique_spec(plan) for plan in plans}
        step = {"step": "pseudonymize", "columns": columns, "key_name": args.key_name}
        save_step(args.save_recipe, step, source=table)
    return 0


def run_key_create(args) -> int:
    from dadeum.engine.privacy.keys import create_key, key_fingerprint, load_key

    path = create_key(args.name or "default")
    print(f"새 가명 키를 만들었습니다: {path}")
    print(f"지문: {key_fingerprint(load_key(path=path))} (키 자체는 보여 주지 않습니다)")
    print("이 파일을 잃어버리면 같은 가명을 다시 만들 수 없습니다. 안전한 곳에 백업하세요.")
    return 0


def run_key_status(args) -> int:
    from dadeum.engine.privacy.keys import key_status

    status = key_status(args.name)
    if status.exists and status.fingerprint:
        print(f"키 '{status.name}': 있음, 지문 {status.fingerprint}, 위치 {status.path}")
        if status.private is False:
            print("주의: 다른 사용자도 이 키 파일을 읽을 수 있습니다. 권한을 좁히세요.")
        return 0
    print(f"키 '{status.name}': {status.problem or '없음'} ({status.path})")
    return 1
