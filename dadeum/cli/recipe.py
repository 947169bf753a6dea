"""``dadeum recipe show|run``: replay recorded cleanup steps on one file or a whole folder.

``dadeum clean|tidy|pseudonymize --save-recipe PATH`` records the steps (``save_step``). A
batch run continues past a failing file and ends with exit code 0 when every file was done,
1 when some failed, 2 for a wrong command line, so a scheduler (Task Scheduler, cron) can
tell the three apart.
"""

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dadeum.cli._files import check_targets, sibling, usage
from dadeum.cli._terminal import carriage_return, for_terminal
from dadeum.errors import InputFileError

INPUT_SUFFIXES = (".xlsx", ".xls", ".csv")
SUMMARY_NAME = "레시피_결과.csv"
SUMMARY_COLUMNS = ["파일", "입력 행", "출력 행", "확인 건수", "상태"]
SOURCE_COLUMN = "원본파일"
SHEET_COLUMN = "원본시트"  # in --combine output, when a recipe yields several tables per file
REVIEW_NAME = "가명처리_적정성검토"
REVIEW_COLUMNS = [
    "파일", "시트·표", "열", "처리 기법", "설명", "가명 키 이름", "가명 키 지문", "k-익명성",
    "k 기준", "판정", "준식별자", "행 수", "일반화 실패 셀", "처리 일자",
]  # fmt: skip


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
    run.add_argument(
        "--jobs", type=int, metavar="N",
        help="동시에 처리할 파일 수 (기본: 파일이 4개 이상이면 CPU 수, 최대 4)",
    )  # fmt: skip
    run.add_argument(
        "--quiet",
        action="store_true",
        help="진행 막대와 요약 표를 보이지 않습니다 (마지막 한 줄만)",
    )
    run.set_defaults(handler=run_replay)


def read_recipe(path: Path) -> dict:
    from dadeum.engine.recipes import check_recipe_size, load_recipe

    try:
        # By size first: a 50 MB "recipe" is refused without being read or parsed.
        check_recipe_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as error:
        message = f"레시피 파일을 읽을 수 없습니다: {path} ({error.strerror})"
        raise InputFileError(message) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        found = " (UTF-16으로 저장된 파일입니다)" if utf16 else ""
        raise InputFileError(
            f"레시피 파일이 UTF-8이 아닙니다{found}: {path.name}. "
            "메모장의 '다른 이름으로 저장'에서 인코딩을 UTF-8로 골라 다시 저장하세요."
        ) from error
    return load_recipe(text)


def save_step(path: str | Path, step: dict, *, source=None, tables=None) -> None:
    """Append one step to the recipe at ``path`` (created when missing), atomically.

    ``source``: the ``dadeum.fileio.Table`` the step read; an Excel sheet is recorded by name
    and position so that a replay finds it again. ``tables``: the tables a tidy step found
    there (``dadeum.engine.recipe_replay.table_selector`` of each).
    """
    from dadeum.engine.recipes import new_recipe, record_step
    from dadeum.fileio import sheet_names, write_outputs

    path = Path(path)
    recipe = read_recipe(path) if path.exists() else new_recipe(path.stem)
    sheet = position = None
    if source is not None and source.sheet is not None:
        sheet = source.sheet
        names = sheet_names(source.path)
        position = names.index(sheet) + 1 if sheet in names else None
    before = len(recipe["steps"])
    recipe = record_step(recipe, step, sheet=sheet, position=position, tables=tables)
    text = json.dumps(recipe, ensure_ascii=False, indent=2) + "\n"
    write_outputs({path: lambda target: target.write_text(text, encoding="utf-8")})
    if len(recipe["steps"]) == before:
        print(f"레시피에 같은 단계를 실행할 시트 '{sheet}'를 더했습니다: {path}")
    else:
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

    from dadeum.fileio import write_outputs

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
    key_label = (args.key_file and Path(args.key_file).name) or args.key_name

    rows, outputs, reviews = [], [], []
    progress = Progress(len(inputs), quiet=args.quiet)
    jobs = _jobs(args.jobs, len(inputs))
    keep = combine is not None
    for number, (source, done, message) in enumerate(
        _replayed(inputs, recipe, out, key, key_problem, keep, jobs, progress), start=1
    ):
        if done is None:
            progress.finish(source.name, f"실패: {message}", failed=True, number=number)
            rows.append([source.name, None, None, None, f"실패: {message}"])
            continue
        summary_text = f"완료 ({done.rows_in:,}행 → {done.rows_out:,}행)"
        progress.finish(source.name, summary_text, number=number)
        rows.append([source.name, done.rows_in, done.rows_out, done.issues, "완료"])
        several = len(done.parts) > 1
        outputs += [(source.name, label, part.frame, several) for label, part in done.parts]
        for label, part in done.parts:
            for row in part.review:
                if key_label and row["가명 키 지문"]:
                    row = {**row, "가명 키 이름": key_label}
                reviews.append({"파일": source.name, "시트·표": label, **row})
    progress.close()

    order = {source.name: n for n, source in enumerate(inputs)}
    rows.sort(key=lambda row: order[row[0]])  # stable: a file's tables keep their order
    outputs.sort(key=lambda output: order[output[0]])
    reviews.sort(key=lambda row: order[row["파일"]])
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS, dtype=object)
    writers = {out / SUMMARY_NAME: _csv(summary)}
    review_path = None
    if any(step["step"] == "pseudonymize" for step in recipe["steps"]):
        excel = all(path.suffix.lower() != ".csv" for path in inputs)
        review_path = out / f"{REVIEW_NAME}{'.xlsx' if excel else '.csv'}"
        writers[review_path] = _review_writer(reviews, excel)
    if combine is not None and outputs:
        writers[combine] = _csv(_stacked(outputs))
    write_outputs(writers)
    if not args.quiet:
        print(summary.fillna("").to_string(index=False))
    failed = sum(row[4] != "완료" for row in rows)
    print(f"완료 {len(rows) - failed}개, 실패 {failed}개. 요약: {out / SUMMARY_NAME}")
    if review_path is not None:
        print(f"가명처리 적정성 검토: {review_path}")
    if combine is not None and outputs:
        print(f"합친 결과: {combine}")
    return 1 if failed else 0


def _jobs(asked: int | None, files: int) -> int:
    """Worker processes: as asked, else one per core (at most 4) for batches of 4+ files."""
    import os

    if asked is not None:
        return max(1, min(asked, files))
    if files < 4:
        return 1
    return max(1, min(os.cpu_count() or 1, 4, files))


def _replayed(inputs, recipe, out, key, key_problem, keep, jobs, progress):
    """(source, FileResult or None, failure message) per file: in input order with one job,
    in the order they finish with several (the summary is sorted back afterwards)."""
    if jobs == 1:
        for number, source in enumerate(inputs, start=1):
            progress.start(number, source.name)
            yield source, *_replay_one(source, recipe, out, key, key_problem, keep=True)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_replay_one, source, recipe, out, key, key_problem, keep): source
                   for source in inputs}  # fmt: skip
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as error:  # a worker that died (e.g. out of memory) fails its file
                result = (None, f"작업 프로세스가 중단되었습니다 ({type(error).__name__}).")
            yield futures[future], *result


def _replay_one(source, recipe, out, key, key_problem, keep):
    """``replay_file`` for one file; a failure comes back as its message (a batch goes on).
    Tables are dropped from the result unless ``keep`` (--combine), sparing the copy back
    from a worker process."""
    try:
        done = replay_file(source, recipe, out, key=key, key_problem=key_problem)
    except Exception as error:  # one bad file must not stop the batch
        return None, str(error) or type(error).__name__
    if not keep:
        for _, part in done.parts:
            part.frame = part.frame.iloc[:0]
    return done, None


@dataclass
class FileResult:
    parts: list  # (label, RecipePart) for every table the recipe produced
    rows_in: int
    rows_out: int
    issues: int


def replay_file(source: Path, recipe: dict, out: Path, *, key=None, key_problem=None):
    """Replay ``recipe`` on every recorded sheet/table of ``source`` and write its output
    (and 확인 list) into ``out`` atomically; nothing is written unless every part succeeded."""
    from dadeum.engine.frames import with_header_row
    from dadeum.engine.issues import issues_frame
    from dadeum.engine.recipe_replay import replay_sheets, select_sheets
    from dadeum.fileio import file_kind, read_table, sheet_names, write_excel, write_outputs

    kind = file_kind(source)
    target = out / f"{source.stem}{'.csv' if kind == 'csv' else '.xlsx'}"
    check_targets(source, [target])
    names = sheet_names(source) if recipe.get("sheets") and kind != "csv" else [None]
    selected = select_sheets(recipe, names)
    first_tidy = recipe["steps"][0]["step"] == "tidy"
    sheets, rows_in, notes = [], 0, []
    for entry, sheet, found in selected:
        table = read_table(source, sheet=sheet)
        if table.frame.empty:
            where = f"'{table.sheet}' 시트에 " if table.sheet else ""
            raise InputFileError(f"{where}데이터가 없습니다 (빈 시트 또는 빈 파일).")
        rows_in += len(table.frame)
        notes += found
        # A tidy step reads merged header cells spread out, as `dadeum tidy` does.
        grid = table.grid() if first_tidy else table.frame
        sheets.append((grid, (entry or {}).get("tables"), table.source_name))
    try:
        made = replay_sheets(sheets, recipe, key=key)
    except Exception as error:
        if key is None and key_problem and "키" in str(error):
            raise InputFileError(f"{error} ({key_problem})") from error
        raise
    per_sheet = Counter(part.sheet for part in made)
    parts, seen = [], Counter()
    for part in made:
        seen[part.sheet] += 1
        number = seen[part.sheet] if per_sheet[part.sheet] > 1 else None
        label = _label(part.sheet if kind != "csv" else None, number)
        parts.append((label, part))
    issues = notes + [issue for _, part in parts for issue in part.issues]
    report = issues_frame(issues)
    if kind == "csv":
        writers = {}
        for n, (label, part) in enumerate(parts):
            path = target if n == 0 else sibling(target, label)
            writers[path] = _csv(part.frame)
        if len(report):
            writers[sibling(target, "확인")] = _csv(report)
    else:
        if len(parts) == 1:
            sheets = {"결과": (with_header_row(parts[0][1].frame), {})}
        else:
            sheets = {_sheet_title(label, n): (with_header_row(part.frame), {})
                      for n, (label, part) in enumerate(parts, start=1)}  # fmt: skip
        if len(report):
            sheets["확인"] = (with_header_row(report), {})
        writers = {target: lambda path: write_excel(path, sheets)}
    check_targets(source, list(writers))
    write_outputs(writers)
    rows_out = sum(len(part.frame) for _, part in parts)
    return FileResult(parts, rows_in, rows_out, len(report))


def _label(sheet: str | None, number: int | None) -> str:
    """What to call one output table: its sheet, and 표N when the sheet gave several."""
    if number is None:
        return sheet or "결과"
    return f"{sheet}_표{number}" if sheet else f"표{number}"


_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def _sheet_title(label: str, number: int) -> str:
    """An Excel sheet name for ``label``: no []:*?/\\, at most 31 characters, never 확인."""
    title = label.translate(_SHEET_FORBIDDEN)[:31].strip("'") or f"결과{number}"
    return f"결과{number}" if title == "확인" else title


def _stacked(outputs):
    import pandas as pd

    several = any(many for *_, many in outputs)
    frames = []
    for name, label, frame, _ in outputs:
        extra = {SOURCE_COLUMN: name, **({SHEET_COLUMN: label} if several else {})}
        frames.append(frame.assign(**extra))
    stacked = pd.concat(frames, ignore_index=True)
    first = [SOURCE_COLUMN, *([SHEET_COLUMN] if several else [])]
    stacked = stacked[[*first, *(c for c in stacked.columns if c not in first)]]
    return stacked.astype(object).where(stacked.notna(), None)


def _review_writer(reviews: list[dict], excel: bool):
    """The batch's 적정성 검토: per file and column, the technique, the key's fingerprint (never
    the key), k-anonymity and rows. Only names and counts: no value from the data."""
    import datetime as dt

    import pandas as pd

    from dadeum.engine.frames import with_header_row
    from dadeum.fileio import write_excel

    frame = pd.DataFrame(reviews, columns=REVIEW_COLUMNS, dtype=object)
    frame["처리 일자"] = dt.date.today().isoformat()
    if excel:
        sheets = {"적정성 검토": (with_header_row(frame), {})}
        return lambda path: write_excel(path, sheets)
    return _csv(frame)


def _csv(frame):
    from dadeum.fileio import write_csv

    return lambda path: write_csv(path, frame, header=[str(c) for c in frame.columns])


class Progress:
    """Where a batch is, on stderr: a one-line bar redrawn in place on a terminal, or one line
    per file when stderr is a file or a pipe (Task Scheduler, cron), where \\r would pile up.
    ``quiet`` prints nothing."""

    WIDTH = 20

    def __init__(self, total: int, stream=None, *, quiet: bool = False) -> None:
        self.total = total
        self.stream = sys.stderr if stream is None else stream
        self.quiet = quiet
        isatty = getattr(self.stream, "isatty", None)
        self.live = bool(isatty and isatty())
        self.done = 0
        self._started = 0
        self._drawn = 0  # characters of the bar now on screen

    def start(self, number: int, name: str) -> None:
        self._started = number
        if self.quiet:
            return
        if self.live:
            self._draw(f"{self._bar(number - 1)} {number}/{self.total} 파일 ({name})")
        else:
            self._write(f"[{number}/{self.total}] {name} … ")

    def finish(
        self, name: str, message: str, *, failed: bool = False, number: int | None = None
    ) -> None:
        """A file is done. ``number``: its place when files finish out of order (several
        workers) and ``start`` was not called for it."""
        self.done += 1
        if self.quiet:
            return
        if not self.live:
            started = number is None or self._started == number
            prefix = "" if started else f"[{number}/{self.total}] {name} … "
            self._write(f"{prefix}{message}\n")
        elif failed:  # a failure stays on screen above the bar
            self._draw("")
            self._write(f"{name}: {message}\n")
        if self.live:
            # With several workers files finish out of order: name the one just done.
            last = f" ({name})" if number is not None and self._started != number else ""
            self._draw(f"{self._bar(self.done)} {self.done}/{self.total} 파일{last}")

    def close(self) -> None:
        if self.live and not self.quiet and self._drawn:
            self._write("\n")
            self._drawn = 0

    def _bar(self, done: int) -> str:
        filled = round(self.WIDTH * done / self.total) if self.total else self.WIDTH
        return f"[{'#' * filled}{'-' * (self.WIDTH - filled)}]"

    def _draw(self, text: str) -> None:
        # Pad over what was there: a shorter line would leave the end of the old one.
        text = for_terminal(text)  # file names are the sender's text
        width = _display_width(text)
        carriage_return(self.stream)
        self._write(text + " " * max(0, self._drawn - width))
        self._drawn = width

    def _write(self, text: str) -> None:
        self.stream.write(for_terminal(text))
        self.stream.flush()


def _display_width(text: str) -> int:
    """Columns a terminal uses for ``text``: Hangul and other wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
