"""``dadeum complaints``: 민원 texts in a file → departments, keywords and trends, repeats.

Three actions: ``classify`` (learn from a labelled file or load a saved model, add 예측분류
and 확신도 to every row), ``keywords`` (top and rising keywords, per period when dated) and
``repeats`` (a 반복그룹 and 유사도 per row, and the groups). The first row of each file is
its header; columns are named by header or by letter. Inputs are never overwritten.
"""

import sys
import time
from pathlib import Path

from dadeum.cli._files import check_targets, sibling, usage
from dadeum.cli._terminal import carriage_return

CHUNK = 1_000  # 민원 per progress step


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "complaints",
        help="민원 내용 분석: 부서 분류, 키워드, 반복 민원 (classify, keywords, repeats)",
        description="민원 내용을 분석합니다. 입력 파일은 바뀌지 않습니다.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    classify = actions.add_parser(
        "classify",
        help="지난 민원으로 배워 새 민원마다 담당부서(분류)를 붙입니다",
        description=(
            "지난 민원(--train)과 그 분류(--label)로 배우거나 저장한 모델(--model)을 읽어, INPUT의 "
            "행마다 예측분류와 확신도(0~1) 두 열을 붙여 --out에 씁니다. 행 순서는 그대로입니다."
        ),
    )
    _common(classify)
    source = classify.add_mutually_exclusive_group(required=True)
    source.add_argument("--train", metavar="TRAIN", help="학습용 지난 민원 파일")
    source.add_argument("--model", metavar="M.json", help="저장해 둔 분류 모델 (JSON)")
    classify.add_argument("--label", metavar="COL", help="TRAIN의 분류(담당부서) 열")
    classify.add_argument(
        "--min-confidence", type=float, default=0.3, metavar="P",
        help='확신도가 이보다 낮으면 "모름"으로 둡니다 (기본 0.3)',
    )  # fmt: skip
    classify.add_argument("--save-model", metavar="M.json", help="배운 모델을 JSON으로 저장")
    classify.set_defaults(handler=run_classify)

    keywords = actions.add_parser(
        "keywords",
        help="많이 나오는 키워드와 늘어난 키워드",
        description=(
            "민원마다 나온 키워드를 세어 많은 순으로 씁니다. --date를 주면 기간별 건수와, 마지막 "
            "기간에 뚜렷하게 늘어난 키워드(이항검정 p<0.05, 3건 이상)도 씁니다. 이름·전화번호 같은 "
            "개인정보는 가린 뒤에 셉니다."
        ),
    )
    _common(keywords)
    keywords.add_argument("--date", metavar="COL", help="접수일 열")
    keywords.add_argument(
        "--period", default="month", choices=("month", "week", "quarter", "year"),
        help="기간 단위 (기본 month)",
    )  # fmt: skip
    keywords.add_argument("--top", type=int, default=30, metavar="N", help="키워드 수 (기본 30)")
    keywords.set_defaults(handler=run_keywords)

    repeats = actions.add_parser(
        "repeats",
        help="같은 사안을 다시 낸 반복 민원 묶기",
        description=(
            "내용이 비슷한(코사인 유사도가 --threshold 이상인) 민원을 묶어, 행마다 반복그룹 번호와 "
            "유사도를 붙여 쓰고, 그룹마다 건수·처음·마지막 날짜와 개인정보를 가린 예시를 씁니다."
        ),
    )
    _common(repeats)
    repeats.add_argument("--date", metavar="COL", help="접수일 열")
    repeats.add_argument(
        "--threshold", type=float, default=0.5, metavar="S",
        help="같은 사안으로 볼 유사도 (0~1, 기본 0.5)",
    )  # fmt: skip
    repeats.set_defaults(handler=run_repeats)


def _common(parser) -> None:
    parser.add_argument("input", metavar="INPUT", help="읽을 파일 (.xlsx, .xls 또는 .csv)")
    parser.add_argument(
        "--text", required=True, metavar="COL", help="민원 내용 열: 머리글 이름 또는 열 문자"
    )
    parser.add_argument(
        "--out", required=True, metavar="OUTPUT", help="결과 파일 (.csv 또는 .xlsx)"
    )
    parser.add_argument("--sheet", metavar="NAME", help="엑셀 파일에서 읽을 시트 (기본: 첫 시트)")
    parser.add_argument("--quiet", action="store_true", help="진행 상황을 표시하지 않습니다")


# -- reading --------------------------------------------------------------------------------
def _read(path: Path, sheet: str | None):
    """(header, rows, table) of a file whose first row is its header."""
    from dadeum.errors import InputFileError
    from dadeum.fileio import read_table

    table = read_table(path, sheet=sheet)
    grid = table.frame.astype(object).where(table.frame.notna(), None).to_numpy().tolist()
    if not grid:
        raise InputFileError(f"{path.name}: 읽을 자료가 없습니다.")
    return [None if c is None else c for c in grid[0]], grid[1:], table


def _column(header: list, rows: list, spec: str, what: str) -> tuple[int, list]:
    from dadeum.reports.forecast import column_position

    position, _ = column_position(spec, header, len(header), what)
    return position, [row[position] if position < len(row) else None for row in rows]


def _check_output(output: Path, source: Path, extra: list[Path] | None = None) -> int | None:
    if output.suffix.lower() not in (".xlsx", ".csv"):
        return usage(f"--out {output.name}: 결과는 .csv 또는 .xlsx 파일로만 씁니다.")
    check_targets(source, [output, *(extra or [])])
    return None


def _progress(args, done: int, total: int, what: str) -> None:
    if args.quiet or total < 2 * CHUNK:
        return
    live = sys.stderr.isatty()
    if live:
        carriage_return(sys.stderr)
    end = "\n" if done >= total or not live else ""
    print(f"{what}: {done:,}/{total:,}건", end=end, file=sys.stderr, flush=True)


def _write(output: Path, sheets: dict, args_source: Path) -> list[Path]:
    """Write ``{sheet name: frame}``: every sheet to one .xlsx, or one CSV per sheet."""
    from dadeum.engine.frames import with_header_row
    from dadeum.fileio import write_csv, write_excel, write_outputs

    names = list(sheets)
    if output.suffix.lower() == ".xlsx":
        book = {name: (with_header_row(frame), {}) for name, frame in sheets.items()}
        writers = {output: lambda path: write_excel(path, book)}
    else:
        paths = [output] + [sibling(output, name) for name in names[1:]]
        writers = {
            path: (lambda frame: lambda p: write_csv(p, frame, header=[str(c) for c in frame]))(
                sheets[name]
            )
            for path, name in zip(paths, names, strict=True)
        }
    check_targets(args_source, list(writers))
    write_outputs(writers)
    return list(writers)


def _with_columns(header: list, rows: list, added: dict):
    import pandas as pd

    width = max([len(header), *(len(row) for row in rows)])
    names = [f"열{i + 1}" if c is None else str(c) for i, c in enumerate(header)]
    names += [f"열{i + 1}" for i in range(len(names), width)]
    frame = pd.DataFrame([list(row) + [None] * (width - len(row)) for row in rows],
                         columns=_unique(names), dtype=object)  # fmt: skip
    for name, values in added.items():
        frame[name] = list(values)
    return frame


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


# -- classify -------------------------------------------------------------------------------
def run_classify(args) -> int:
    from dadeum.engine.complaints import ComplaintClassifier

    source, output = Path(args.input), Path(args.out)
    save = Path(args.save_model) if args.save_model else None
    if args.train and not args.label:
        return usage("--train을 주면 분류 열 --label도 주세요.")
    if args.model and (args.label or save):
        return usage("--model로 읽은 모델에는 --label과 --save-model을 쓰지 않습니다.")
    if not 0 <= args.min_confidence < 1:
        return usage("--min-confidence는 0 이상 1 미만으로 주세요 (예: 0.3).")
    if save is not None and save.suffix.lower() != ".json":
        return usage(f"--save-model {save.name}: 모델은 .json 파일로 저장합니다.")
    for given in (args.train, args.model):
        if given:
            check_targets(Path(given), [output, *([save] if save else [])])
    if (code := _check_output(output, source, [save] if save else [])) is not None:
        return code
    started = time.perf_counter()
    header, rows, table = _read(source, args.sheet)
    _, texts = _column(header, rows, args.text, "민원 내용")
    if args.model:
        model = _load_model(Path(args.model))
        learnt = f"모델 {Path(args.model).name} (학습 {model.n_trained_:,}건)"
    else:
        train_header, train_rows, _ = _read(Path(args.train), None)
        _, train_texts = _column(train_header, train_rows, args.text, "학습용 민원 내용")
        _, labels = _column(train_header, train_rows, args.label, "분류")
        if not args.quiet:
            print(f"학습: {Path(args.train).name}의 {len(train_texts):,}건", file=sys.stderr)
        model = ComplaintClassifier().fit(train_texts, labels)
        learnt = f"{Path(args.train).name}에서 {model.n_trained_:,}건을 배움"
    model = model.with_min_confidence(args.min_confidence)
    labels_out, confidence = [], []
    for start in range(0, len(texts), CHUNK):
        predicted = model.predict(texts[start : start + CHUNK])
        labels_out += predicted["예측분류"].tolist()
        confidence += predicted["확신도"].tolist()
        _progress(args, min(start + CHUNK, len(texts)), len(texts), "분류")
    frame = _with_columns(header, rows, {"예측분류": labels_out, "확신도": confidence})
    written = _write(output, {"분류": frame}, source)
    if save is not None:
        from dadeum.fileio import write_outputs

        write_outputs({save: lambda path: path.write_text(model.to_json(), encoding="utf-8")})
        written.append(save)
    unknown = sum(label == "모름" for label in labels_out)
    counted = sum(label is not None for label in labels_out)
    print(f"읽은 파일: {table.path}, 민원 {counted:,}건, {learnt}, 분류 {len(model.classes_)}가지")
    for path in written:
        print(f"저장: {path}")
    seconds = time.perf_counter() - started
    print(f"완료: {counted:,}건 분류, 모름 {unknown:,}건 "
          f"(확신도 {args.min_confidence:g} 미만), {seconds:.1f}초")  # fmt: skip
    return 0


def _load_model(path: Path):
    from dadeum.engine.complaints import ComplaintClassifier
    from dadeum.errors import InputFileError

    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputFileError(f"모델 파일을 읽을 수 없습니다: {path}") from error
    return ComplaintClassifier.from_json(data)


# -- keywords -------------------------------------------------------------------------------
def run_keywords(args) -> int:
    from dadeum.engine.complaints.keywords import keyword_trends, rising_keywords, top_keywords

    source, output = Path(args.input), Path(args.out)
    if args.top < 1:
        return usage("--top은 1 이상의 정수로 주세요.")
    if (code := _check_output(output, source)) is not None:
        return code
    started = time.perf_counter()
    header, rows, table = _read(source, args.sheet)
    _, texts = _column(header, rows, args.text, "민원 내용")
    sheets = {"키워드": top_keywords(texts, args.top)}
    if args.date:
        _, dates = _column(header, rows, args.date, "접수일")
        latest = top_keywords(texts, args.top, dates, args.period)
        sheets[f"최근 {latest.attrs['period']}"] = latest
        sheets["기간별"] = keyword_trends(texts, dates, args.period, min(args.top, 20))
        sheets["급증"] = rising_keywords(texts, dates, args.period, top_n=args.top)
    written = _write(output, _sheet_names(sheets), source)
    counted = sum(1 for text in texts if text is not None and str(text).strip())
    print(f"읽은 파일: {table.path}, 민원 {counted:,}건")
    for path in written:
        print(f"저장: {path}")
    top = ", ".join(sheets["키워드"]["키워드"].head(5))
    rising = f", 급증 키워드 {len(sheets['급증']):,}개" if "급증" in sheets else ""
    seconds = time.perf_counter() - started
    print(f"완료: 상위 키워드 {top}{rising}, {seconds:.1f}초")
    return 0


def _sheet_names(sheets: dict) -> dict:
    """Sheet names Excel and file names accept (no / : etc.)."""
    return {name.replace("/", "-").replace(":", "-")[:31]: frame for name, frame in sheets.items()}


# -- repeats --------------------------------------------------------------------------------
def run_repeats(args) -> int:
    from dadeum.engine.complaints.repeats import masked_examples, repeat_groups

    source, output = Path(args.input), Path(args.out)
    if not 0 < args.threshold <= 1:
        return usage("--threshold는 0보다 크고 1 이하로 주세요 (예: 0.5).")
    if (code := _check_output(output, source)) is not None:
        return code
    started = time.perf_counter()
    header, rows, table = _read(source, args.sheet)
    _, texts = _column(header, rows, args.text, "민원 내용")
    dates = _column(header, rows, args.date, "접수일")[1] if args.date else None
    if not args.quiet and len(texts) >= 2 * CHUNK:
        print(f"반복 민원 찾는 중: {len(texts):,}건", file=sys.stderr, flush=True)
    per_row, groups = repeat_groups(texts, dates, args.threshold)
    groups = groups.copy()
    groups["예시 (개인정보 가림)"] = masked_examples(texts, [r - 1 for r in groups["첫 행"]])
    groups["첫 행"] = groups["첫 행"] + 1  # the file's row: its header is row 1
    frame = _with_columns(
        header, rows, {"반복그룹": per_row["반복그룹"], "유사도": per_row["유사도"]}
    )
    written = _write(output, {"반복민원": frame, "그룹": groups}, source)
    in_groups = int(per_row["반복그룹"].notna().sum())
    print(f"읽은 파일: {table.path}, 민원 {len(texts):,}건")
    for path in written:
        print(f"저장: {path}")
    seconds = time.perf_counter() - started
    print(f"완료: 반복 그룹 {len(groups):,}개에 민원 {in_groups:,}건 "
          f"(유사도 {args.threshold:g} 이상), {seconds:.1f}초")  # fmt: skip
    return 0
