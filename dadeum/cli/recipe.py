"""``dadeum recipe show|run``: replay recorded cleanup steps on one file or a whole folder.

``dadeum clean|tidy|pseudonymize --save-recipe PATH`` records the steps (``save_step``). A
batch run continues past a failing file and ends with exit code 0 when every file was done,
1 when some failed, 2 for a wrong command line, so a scheduler (Task Scheduler, cron) can
tell the three apart.
"""

import json
import sys
from pathlib import Path

from dadeum.cli._files import check_targets, sibling, usage
from dadeum.errors import InputFileError

INPUT_SUFFIXES = (".xlsx", ".xls", ".csv")
SUMMARY_NAME = "레시피_결과.csv"
SUMMARY_COLUMNS = ["파일", "입력 행", "출력 행", "확인 건수", "상태"]
SOURCE_COLUMN = "원본파일"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "recipe",
        help="레시피 보기·다시 실행 (show or replay recorded steps)",
        description=(
            "--save-recipe로 기록한 정리 단계(레시피)를 보여 주거나 다른 파일에 다시 실행합니다. "
            "레시피는 데이터일 뿐 코드를 실행하지 않습니다."
        ),
    )
    actions = parser.add_subparsers(dest="recipe_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="레시피를 표로 보기")
    show.add_argument("recipe", metavar="RECIPE", help="레시피 파일 (.json)")
    show.set_defaults(handler=run_show)

    run = actions.add_parser("run", help="레시피를 파일·폴더에 다시 실행")
    run.add_argument("recipe", metavar="RECIPE", help="레시피 파일 (.json)")
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="파일 또는 폴더 (.xlsx·.xls·.csv)")
    run.add_argument("--out", required=True, metavar="DIR", help="결과를 쓸 폴더")
    run.add_argument("--combine", metavar="OUTPUT.csv", help="모든 결과를 한 CSV로 합쳐 씁니다")
    run.add_argument("--key-file", metavar="PATH", help="가명 키 파일")
    run.add_argument("--key-name", metavar="NAME", help="키 폴더에서 쓸 키 이름")
    run.set_defaults(handler=run_replay)


def read_recipe(path: Path) -> dict:
    from dadeum.engine.recipes import load_recipe

    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        message = f"레시피 파일을 읽을 수 없습니다: {path} ({error.strerror})"
        raise InputFileError(message) from error
    return load_recipe(text)


def save_step(path: str | Path, step: dict) -> None:
    """Append one step to the recipe at ``path`` (created when missing), atomically."""
    from dadeum.engine.recipes import new_recipe
    from dadeum.fileio import write_outputs

    path = Path(path)
    recipe = read_recipe(path) if path.exists() else new_recipe(path.stem)
    recipe["steps"].append(step)
    text = json.dumps(recipe, ensure_ascii=False, indent=2) + "\n"
    write_outputs({path: lambda target: target.write_text(text, encoding="utf-8")})
    print(f"레시피에 {len(recipe['steps'])}단계를 기록했습니다: {path}")


def run_show(args) -> int:
    from dadeum.engine.recipes import recipe_table

    recipe = read_recipe(Path(args.recipe))
    table = recipe_table(recipe)
    print(f"레시피: {recipe['name']} (단계 {len(recipe['steps'])}개)")
    print(table.to_string(index=False))
    return 0


def _inputs(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                and not p.name.startswith((".", "~$"))
            )  # fmt: skip
        else:
            found.append(path)
    return found


def _load_key(recipe: dict, args):
    """The key when a step may pseudonymise; (None, reason) when it cannot be loaded."""
    from dadeum.engine.privacy.keys import load_key
    from dadeum.errors import DadeumError

    steps = [step for step in recipe["steps"] if step["step"] == "pseudonymize"]
    if not steps:
        return None, None
    name = args.key_name or next((s.get("key_name") for s in steps if s.get("key_name")), None)
    try:
        return load_key(name, path=args.key_file), None
    except DadeumError as error:
        return None, str(error)


def run_replay(args) -> int:
    import pandas as pd

    from dadeum.engine.frames import with_header_row
    from dadeum.engine.issues import issues_frame
    from dadeum.engine.recipes import apply_recipe
    from dadeum.fileio import file_kind, read_table, write_excel, write_outputs

    if args.key_file and args.key_name:
        return usage("--key-file과 --key-name은 하나만 주세요.")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return usage(f"--out {out}: 폴더를 주세요.")
    combine = Path(args.combine) if args.combine else None
    if combine is not None and combine.suffix.lower() != ".csv":
        return usage("--combine은 .csv 파일로만 씁니다.")
    recipe = read_recipe(Path(args.recipe))
    inputs = _inputs(args.inputs)
    if not inputs:
        return usage("처리할 파일(.xlsx, .xls, .csv)이 없습니다.")
    out.mkdir(parents=True, exist_ok=True)
    key, key_problem = _load_key(recipe, args)

    rows, outputs = [], []
    for number, source in enumerate(inputs, start=1):
        print(f"[{number}/{len(inputs)}] {source.name} …", end=" ", file=sys.stderr, flush=True)
        try:
            kind = file_kind(source)
            target = out / f"{source.stem}{'.csv' if kind == 'csv' else '.xlsx'}"
            check_targets(source, [target])
            table = read_table(source)
            if table.frame.empty:
                raise InputFileError("데이터가 없습니다 (빈 시트 또는 빈 파일).")
            try:
                frame, issues = apply_recipe(table.frame, recipe, key=key)
            except Exception as error:
                if key is None and key_problem and "키" in str(error):
                    raise InputFileError(f"{error} ({key_problem})") from error
                raise
            report = issues_frame(issues, sheet=table.source_name)
            if kind == "csv":
                writers = {target: _csv(frame)}
                if len(report):
                    writers[sibling(target, "확인")] = _csv(report)
            else:
                sheets = {"결과": (with_header_row(frame), {})}
                if len(report):
                    sheets["확인"] = (with_header_row(report), {})
                writers = {target: lambda path, sheets=sheets: write_excel(path, sheets)}
            write_outputs(writers)
        except Exception as error:  # one bad file must not stop the batch
            message = str(error) or type(error).__name__
            print(f"실패: {message}", file=sys.stderr)
            rows.append([source.name, None, None, None, f"실패: {message}"])
            continue
        print(f"완료 ({len(table.frame):,}행 → {len(frame):,}행)", file=sys.stderr)
        rows.append([source.name, len(table.frame), len(frame), len(report), "완료"])
        outputs.append((source.name, frame))

    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS, dtype=object)
    writers = {out / SUMMARY_NAME: _csv(summary)}
    if combine is not None and outputs:
        stacked = pd.concat(
            [frame.assign(**{SOURCE_COLUMN: name}) for name, frame in outputs], ignore_index=True
        )
        stacked = stacked[[SOURCE_COLUMN, *(c for c in stacked.columns if c != SOURCE_COLUMN)]]
        writers[combine] = _csv(stacked.astype(object).where(stacked.notna(), None))
    write_outputs(writers)
    print(summary.fillna("").to_string(index=False))
    failed = sum(row[4] != "완료" for row in rows)
    print(f"완료 {len(rows) - failed}개, 실패 {failed}개. 요약: {out / SUMMARY_NAME}")
    if combine is not None and outputs:
        print(f"합친 결과: {combine}")
    return 1 if failed else 0


def _csv(frame):
    from dadeum.fileio import write_csv

    return lambda path: write_csv(path, frame, header=[str(c) for c in frame.columns])
