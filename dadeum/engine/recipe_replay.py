"""Replaying a recipe: its steps on the sheets and tables of next month's file.

``replay_sheets`` runs every step on every recorded sheet and table of one file and returns
one ``RecipePart`` per table, or raises InvalidArgumentError (naming the step, the sheet, the
missing column and the closest header) before anything is returned, so nothing
half-processed reaches a file. The recipe format itself is ``dadeum.engine.recipes``.
"""

import difflib
import re
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.issues import Issue
from dadeum.engine.korean import josa, quoted
from dadeum.engine.recipes import (
    STEP_NAMES,
    STEP_OPTIONS,
    normalize_header,
    resolve_columns,
    validate_recipe,
)
from dadeum.engine.text import clean_text
from dadeum.errors import InvalidArgumentError

__all__ = [
    "RecipePart",
    "apply_recipe",
    "header_names",
    "replay_grid",
    "replay_sheets",
    "select_sheets",
    "table_selector",
]


@dataclass
class RecipePart:
    """One table a replay produced: the records (columns = header names), what each step
    found, and the 적정성 검토 rows of a pseudonymisation step (no raw values, never the key)."""

    frame: pd.DataFrame
    issues: list[Issue]
    title: str | None = None  # the table's title when a tidy step picked it among several
    review: list[dict] = field(default_factory=list)
    sheet: str | None = None  # the sheet it came from


@dataclass
class _Branch:
    grid: pd.DataFrame
    header_rows: int | None  # None: not known yet (the first row is taken as header)
    issues: list[Issue] = field(default_factory=list)
    title: str | None = None
    review: list[dict] = field(default_factory=list)
    sheet: str | None = None
    selectors: list[dict] | None = None  # recorded tables, for the first tidy step
    layout: list[str] | None = None  # the recorded columns, in the recorded order


def header_names(grid: pd.DataFrame, header_rows: int) -> list[str]:
    if not header_rows:
        return [f"열{n}" for n in range(1, grid.shape[1] + 1)]
    if header_rows > 1:  # joined as 기계판독 변환 joins them: 살인_발생, 2014년_합계
        from dadeum.engine.tables.header import flatten_header

        joined = flatten_header(grid.iloc[:header_rows], 0).names
        return [name or f"열{n}" for n, name in enumerate(joined, start=1)]
    names = []
    for position, cell in enumerate(grid.iloc[header_rows - 1].tolist(), start=1):
        blank = cell is None or (not isinstance(cell, str) and pd.isna(cell))
        names.append(f"열{position}" if blank or not str(cell).strip() else str(cell).strip())
    return names


def table_selector(table) -> dict:
    """How a recipe finds a table again next month: its title and column names.

    ``table`` is a ``TidyTable`` (from ``tidy_grid``).
    """
    title = table.region.title if table.region is not None else None
    return {"title": title, "columns": [str(c) for c in table.data.columns]}


def select_sheets(
    recipe: dict, names: list[str | None]
) -> list[tuple[dict | None, str | None, list[Issue]]]:
    """The recorded sheets found among a file's sheet ``names`` (``[None]`` for a CSV file).

    Returns (recorded entry or None, sheet to read, notes) per recorded sheet. A sheet is
    found by name (also with different spacing), else at its recorded position when no other
    recorded sheet has that name, else InvalidArgumentError lists the file's sheets. A recipe
    without sheets applies to the first sheet.
    """
    entries = recipe.get("sheets") or []
    if names == [None] or not names:  # a CSV file holds one table
        return [(entries[0] if entries else None, None, [])]
    if not entries:
        return [(None, names[0], [])]
    by_meaning: dict[str, str] = {}
    for name in names:
        by_meaning.setdefault(normalize_header(name), name)
    claimed = {by_meaning.get(normalize_header(e["name"])) for e in entries} - {None}
    found, problems, used = [], [], set()
    for entry in entries:
        name = by_meaning.get(normalize_header(entry["name"]))
        notes: list[Issue] = []
        position = entry.get("position")
        if name is None and position and position <= len(names):
            candidate = names[position - 1]
            if candidate not in claimed and candidate not in used:
                name = candidate
                notes.append(Issue(
                    "recipe-sheet-position",
                    f"'{entry['name']}' 시트가 없어 같은 자리({position}번째)의 "
                    f"'{candidate}' 시트에 실행했습니다.", sheet=candidate,
                ))  # fmt: skip
        if name is None:
            close = difflib.get_close_matches(entry["name"], [n for n in names if n], n=1)
            hint = f" 가장 비슷한 시트는 '{close[0]}'입니다." if close else ""
            problems.append(f"'{entry['name']}' 시트가 없습니다.{hint}")
            continue
        used.add(name)
        found.append((entry, name, notes))
    if problems:
        listed = ", ".join(f"'{n}'" for n in names)
        raise InvalidArgumentError(" ".join(problems) + f" (이 파일의 시트: {listed})")
    return found


def apply_recipe(
    grid_or_frame: pd.DataFrame, recipe: dict, *, key: bytes | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Run a recipe's steps in order on a grid (raw cells, header rows included) or on a
    frame whose columns are the header names.

    Returns the resulting records (columns = header names) and every step's issues: the first
    table's, when the recipe records several (``replay_grid`` returns them all). A missing
    column raises InvalidArgumentError before anything is returned, so nothing half-processed
    reaches a file.
    """
    part = replay_grid(grid_or_frame, recipe, key=key)[0]
    return part.frame, part.issues


def replay_grid(
    grid_or_frame: pd.DataFrame,
    recipe: dict,
    *,
    key: bytes | None = None,
    tables: list[dict] | None = None,
    sheet: str | None = None,
) -> list[RecipePart]:
    """Run a recipe on one sheet's cells; one ``RecipePart`` per table it yields.

    ``tables``: the recorded tables of this sheet (``table_selector``); the first tidy step
    keeps those, found by column names and title, instead of only the first table. ``sheet``
    names the sheet in issues. See ``replay_sheets`` for several sheets of one file.
    """
    return replay_sheets([(grid_or_frame, tables, sheet)], recipe, key=key)


def replay_sheets(
    sheets: list[tuple[pd.DataFrame, list[dict] | None, str | None]],
    recipe: dict,
    *,
    key: bytes | None = None,
) -> list[RecipePart]:
    """Run a recipe on the sheets of one file: (cells, recorded tables or None, sheet name).

    Every step runs on every table. When the file yields several tables, a step whose column
    choices were recorded on one of them applies those choices to the tables having at least
    half of its columns; the others get the step without them (types detected, personal data
    found afresh), noted as an issue. When no table has them, a missing column stops the
    file as usual. Nothing is returned unless every table went through every step.
    """
    problems = validate_recipe(recipe)
    if problems:
        raise InvalidArgumentError(" / ".join(problems))
    branches = []
    for grid, tables, sheet in sheets:
        if not all(isinstance(c, int) for c in grid.columns):  # records: add their header
            header = pd.DataFrame([list(map(str, grid.columns))], dtype=object)
            body = pd.DataFrame(grid.to_numpy(dtype=object), dtype=object)
            grid = pd.concat([header, body], ignore_index=True)
        grid = pd.DataFrame(grid.to_numpy(dtype=object), dtype=object)
        branches.append(_Branch(grid, None, sheet=sheet, selectors=tables))
    several = len(sheets) > 1
    for number, step in enumerate(recipe["steps"], start=1):
        name = step["step"]
        options = {**STEP_OPTIONS[name], **step}
        branch = branches[0]
        try:
            if name == "tidy":
                done = []
                for branch in branches:
                    done += _tidy(branch, options)
                branches = done
                continue
            own = _owners(branches, options)
            for position, branch in enumerate(branches):
                if position in own:
                    chosen = options
                else:
                    chosen = {**options, "types": {}, "columns": {}, "order": None}
                    branch.issues.append(Issue(
                        "recipe-step-other-table",
                        f"{number}단계({STEP_NAMES[name]})의 열 지정은 다른 표에서 기록된 것이라 "
                        f"이 표{_title(branch)}에는 자동 판단으로 실행했습니다.",
                    ))  # fmt: skip
                if name == "clean":
                    _clean(branch, chosen)
                else:
                    _pseudonymize(branch, chosen, key)
        except InvalidArgumentError as error:
            where = f"'{branch.sheet}' 시트, " if several and branch.sheet else ""
            raise InvalidArgumentError(
                f"{where}{number}단계({STEP_NAMES[name]}): {error}"
            ) from error
    parts = []
    for branch in branches:
        rows = 1 if branch.header_rows is None else branch.header_rows
        names = _unique(header_names(branch.grid, rows))
        body = branch.grid.iloc[rows:].to_numpy(dtype=object)
        frame = pd.DataFrame(body, columns=names, dtype=object)
        sources = list(names)
        if branch.layout:
            try:
                frame, sources = _in_recorded_order(frame, branch.layout, branch.issues)
            except InvalidArgumentError as error:
                where = f"'{branch.sheet}' 시트, " if several and branch.sheet else ""
                raise InvalidArgumentError(f"{where}기록된 열 순서: {error}") from error
        if rows > 1:
            # The header rows as the file has them (범죄 over 발생/검거), for a sheet that shows
            # them as the recorded step did; the column names stay joined (살인_발생).
            where = {name: position for position, name in enumerate(names)}
            block = branch.grid.iloc[:rows].to_numpy(dtype=object)
            frame.attrs["header_rows"] = [
                [_header_cell(block[row, where[source]]) for source in sources]
                for row in range(rows)
            ]
        sheet = branch.sheet
        issues = [replace(i, sheet=sheet) if sheet and i.sheet is None else i
                  for i in branch.issues]  # fmt: skip
        parts.append(RecipePart(frame, issues, branch.title, branch.review, sheet))
    return parts


def _in_recorded_order(frame: pd.DataFrame, layout: list[str], issues: list[Issue]):
    """``frame`` with the recorded columns first, in the recorded order and under the
    recorded names, so this month's output stacks under last month's; a recorded column
    that is missing raises InvalidArgumentError (with the closest header); columns the
    recipe does not know come after them, each reported. Also returns, for each output
    column, the name of the column of ``frame`` it came from."""
    mapping = resolve_columns(layout, list(frame.columns))
    found = set(mapping.values())
    extra = [c for c in frame.columns if c not in found]
    for column in extra:
        issues.append(Issue(
            "recipe-extra-column",
            f"레시피에 없는 열 {quoted(column, '이/가')} 있어 기록된 열들 뒤에 붙였습니다.",
            value=column,
        ))  # fmt: skip
    sources = [mapping[c] for c in layout] + extra
    ordered = frame[sources]
    ordered.columns = [*layout, *extra]
    return ordered, sources


def _header_cell(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _title(branch: _Branch) -> str:
    return f"('{branch.title}')" if branch.title else ""


def _owners(branches: list[_Branch], options: dict) -> set[int]:
    """The tables a step's column choices belong to: all of them for one table (a missing
    column is then an error); else those having at least half of the columns, or all when
    none does, so that a renamed column still stops the file."""
    columns = [*options.get("types", {}), *options.get("columns", {})]
    if len(branches) == 1 or not columns:
        return set(range(len(branches)))
    wanted = {normalize_header(c) for c in columns}
    owners = set()
    for position, branch in enumerate(branches):
        rows = 1 if branch.header_rows is None else max(branch.header_rows, 1)
        have = {normalize_header(h) for h in header_names(branch.grid, rows)}
        if len(wanted & have) >= len(wanted) / 2:
            owners.add(position)
    return owners or set(range(len(branches)))


def _unique(names: list[str]) -> list[str]:
    seen: list[str] = []
    for base in names:
        name, n = base, 2
        while name in seen:
            name, n = f"{base}_{n}", n + 1
        seen.append(name)
    return seen


def _clean(branch: _Branch, options: dict) -> None:
    from dadeum.engine.columns import clean_frame

    header = options["header"]
    if header is None and branch.header_rows == 1:
        header = True  # a tidy step left exactly one header row: no need to guess it
    wanted = options["types"]
    if wanted and header is True and len(branch.grid) > 0:
        _clean_by_types(branch, wanted)
        if options.get("order"):
            branch.layout = list(options["order"])
        return
    result = clean_frame(branch.grid, header=header)
    frame = pd.DataFrame(result.frame.to_numpy(dtype=object), dtype=object)
    issues = list(result.issues)
    if wanted:
        if not result.header_rows:
            raise InvalidArgumentError("머리글 행을 찾지 못해 열 이름으로 열을 찾을 수 없습니다.")
        names = header_names(frame, result.header_rows)
        mapping = resolve_columns(wanted, names)
        detected = list(result.types.values())
        for column, kind in wanted.items():
            position = names.index(mapping[column])
            # The recipe's name, so a month that wrote 접수건수 stacks with 접수 건수 (a
            # multi-row header is kept as it is: its rows hold the parts, not the name).
            if result.header_rows == 1:
                frame.iat[0, position] = column
            if detected[position] != kind:
                issues = [i for i in issues if i.column != position + 1 or i.row is None]
                issues += _force_type(
                    frame, branch.grid, position, result.header_rows, kind, mapping[column],
                    detected=detected[position],
                )  # fmt: skip
        issues.sort(key=lambda issue: (issue.row or 0, issue.column or 0))
    branch.grid, branch.header_rows = frame, result.header_rows
    branch.issues += issues
    if options.get("order"):
        branch.layout = list(options["order"])


def _clean_by_types(branch: _Branch, wanted: dict[str, str]) -> None:
    """Clean a table whose header row is known with the recorded types: one converter per
    recorded column instead of trying every type (much faster on long files); columns the
    recipe does not know (added this month) are detected as ``clean_frame`` does."""
    from dadeum.engine.columns import clean_frame

    grid = branch.grid
    names = header_names(grid, 1)
    mapping = resolve_columns(wanted, names)
    kinds = {names.index(actual): (column, wanted[column]) for column, actual in mapping.items()}
    frame = pd.DataFrame(grid.to_numpy(dtype=object, copy=True), dtype=object)
    issues: list[Issue] = []
    for position in range(grid.shape[1]):
        cell = frame.iat[0, position]
        frame.iat[0, position] = clean_text(cell) if isinstance(cell, str) else cell
        if position in kinds:
            column, kind = kinds[position]
            frame.iat[0, position] = column  # the recipe's name: months stack under one header
            issues += _force_type(frame, grid, position, 1, kind, names[position])
        else:
            result = clean_frame(grid.iloc[:, [position]], header=True, left=position + 1)
            frame.iloc[:, position] = result.frame.iloc[:, 0].to_numpy(dtype=object)
            issues += result.issues
    issues.sort(key=lambda issue: (issue.row or 0, issue.column or 0))
    branch.grid, branch.header_rows = frame, 1
    branch.issues += issues


def _force_type(
    frame: pd.DataFrame,
    raw: pd.DataFrame,
    position: int,
    header_rows: int,
    kind: str,
    name: str,
    *,
    detected: str | None = None,
) -> list[Issue]:
    """Convert one column to the recorded type in place (``frame``), from its raw cells.

    A cell that does not convert keeps its original value and is listed; a "no value" symbol
    (-, …) becomes blank and is listed, as in ``clean_frame``. A summary issue says when the
    month's values do not look like the recorded type (``detected``: what detection found)."""
    from dadeum.engine.cells import CellError, Placeholder
    from dadeum.engine.columns import ISSUE_TYPES, MAJORITY, PLACEHOLDER_ISSUE, TYPE_NAMES
    from dadeum.engine.dates import to_date_series
    from dadeum.engine.numbers import to_number_series
    from dadeum.engine.phones import to_phone_series
    from dadeum.engine.text import clean_text_series

    values = pd.Series(raw.iloc[header_rows:, position].to_numpy(dtype=object), dtype=object)
    data = values.to_numpy(dtype=object)
    is_text = np.fromiter((isinstance(v, str) for v in data), dtype=bool, count=len(data))
    texts = clean_text_series(values[is_text]).to_numpy(dtype=object) if is_text.any() else []
    blank = pd.isna(values).to_numpy(dtype=bool) & ~is_text
    blank[is_text] = np.fromiter((t == "" for t in texts), dtype=bool, count=len(texts))
    out = np.empty(len(data), dtype=object)
    failed, placeholder = np.zeros(len(data), dtype=bool), np.zeros(len(data), dtype=bool)
    reasons: np.ndarray = np.empty(0, dtype=object)
    if kind == "text":
        out[is_text] = texts
        others = ~is_text & ~blank
        out[others] = [_as_text(v) for v in data[others]]
        odd = int(others.sum())
        looks_other = odd >= MAJORITY * max(1, int((~blank).sum())) and odd > 0
    else:
        convert = {"number": to_number_series, "date": to_date_series,
                   "phone": to_phone_series}[kind]  # fmt: skip
        reasons = convert(values).to_numpy(dtype=object, copy=True)
        types = np.fromiter(map(type, reasons), dtype=object, count=len(reasons))
        failed = (types == CellError) & ~blank
        placeholder = (types == Placeholder) & ~blank
        if kind == "phone" and failed.any():  # the phone reader has no "no value" symbols
            as_numbers = to_number_series(values[failed]).to_numpy(dtype=object)
            symbol = np.fromiter((isinstance(v, Placeholder) for v in as_numbers), dtype=bool,
                                 count=len(as_numbers))  # fmt: skip
            where = np.flatnonzero(failed)[symbol]
            reasons[where] = as_numbers[symbol]
            failed[where], placeholder[where] = False, True
        out[:] = reasons
        out[failed] = data[failed]
        out[placeholder] = None
        filled = int((~blank & ~placeholder).sum())
        looks_other = filled > 0 and (filled - int(failed.sum())) < MAJORITY * filled
    out[blank] = None
    frame.iloc[header_rows:, position] = out
    issues = []
    for offset in np.flatnonzero(failed | placeholder):
        row, column = header_rows + int(offset) + 1, position + 1
        kind_of_issue = PLACEHOLDER_ISSUE if placeholder[offset] else ISSUE_TYPES[kind]
        issues.append(Issue(kind_of_issue, str(reasons[offset]), row, column, data[offset]))
    done = int((~blank & ~failed & ~placeholder).sum())
    kept = int(failed.sum())
    empty = kind != "text" and done == 0 and kept == 0 and len(data) > 0
    if detected is None and not looks_other and not empty:
        return issues
    if empty:
        summary = Issue(
            "recipe-type-changed",
            f"{quoted(name, '은/는')} 이번 파일에서 값이 모두 비어 있거나 '-' 같은 값 없음 "
            f"표시입니다 (레시피의 유형: {TYPE_NAMES[kind]}).",
            column=position + 1,
        )
        return [summary, *issues]
    if detected is not None:
        why = f"이번 파일 값만 보면 {TYPE_NAMES[detected]} 열이지만"
    elif kind == "text":
        why = "이번 파일에서는 값이 대부분 숫자·날짜로 들어왔지만"
    else:
        why = f"이번 파일 값 중 {josa(TYPE_NAMES[kind], '으로/로')} 읽히는 것이 적지만"
    summary = Issue(
        "recipe-type-changed",
        f"{quoted(name, '은/는')} {why} 레시피대로 {josa(TYPE_NAMES[kind], '으로/로')} "
        f"바꿨습니다 ({done:,}칸 변환, 바꾸지 못해 그대로 둔 {kept:,}칸).",
        column=position + 1,
    )
    return [summary, *issues]


def _as_text(value: Any) -> str:
    """A non-blank cell that is not text, written as text: 4524.0 → "4524"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(value) if isinstance(value, str) else str(value)


def _tidy(branch: _Branch, options: dict) -> list[_Branch]:
    from dadeum.engine.tables.grid import make_grid
    from dadeum.engine.tables.tidy import tidy_grid

    rows = branch.grid.to_numpy(dtype=object).tolist()
    tables = tidy_grid(make_grid(rows), header_rows=options["header_rows"])
    if not tables:
        raise InvalidArgumentError("표를 찾지 못했습니다 (빈 시트이거나 값이 없습니다).")
    selectors = branch.selectors
    picked = _pick_tables(tables, selectors) if selectors else [(tables[0], None)]
    branches = []
    for tidy, selector in picked:
        frame = tidy.long() if options["long"] else tidy.data.reset_index(drop=True)
        if options["totals"] and len(tidy.totals) and not options["long"]:
            frame = pd.concat([frame, tidy.totals.reset_index(drop=True)], ignore_index=True)
        header = pd.DataFrame([[str(c) for c in frame.columns]], dtype=object)
        body = pd.DataFrame(frame.to_numpy(dtype=object), dtype=object)
        grid = pd.concat([header, body], ignore_index=True)
        # One table: every table's notes, as before; several: each its own.
        issues = tidy.issues if selectors else [i for t in tables for i in t.issues]
        title = (
            ((selector or {}).get("title") or table_selector(tidy)["title"]) if selectors else None
        )
        layout = None if options["long"] or not selector else list(selector["columns"])
        branches.append(_Branch(grid, 1, [*branch.issues, *issues], title, list(branch.review),
                                branch.sheet, layout=layout))  # fmt: skip
    return branches


def _title_key(title: str | None) -> str:
    """A title's meaning without its numbers: "2025년 3월 현황" and "2025년 4월 현황" agree."""
    return re.sub(r"\d+", "", normalize_header(title or ""))


def _pick_tables(tables: list, selectors: list[dict]) -> list[tuple[Any, dict]]:
    """Each recorded table among this sheet's tables, by column names and title."""
    if len(tables) < len(selectors):
        raise InvalidArgumentError(
            f"레시피에는 표가 {len(selectors)}개 기록되어 있는데 이 시트에서는 {len(tables)}개만 "
            f"찾았습니다: {_list_tables(tables)}"
        )
    picked, taken = [], set()
    for selector in selectors:
        wanted = {normalize_header(c) for c in selector["columns"]}
        best, best_score = None, -1.0
        for position, tidy in enumerate(tables):
            if position in taken:
                continue
            found = table_selector(tidy)
            have = {normalize_header(c) for c in found["columns"]}
            share = len(wanted & have) / len(wanted) if wanted else 0.0
            similar = difflib.SequenceMatcher(
                None, _title_key(selector.get("title")), _title_key(found["title"])
            ).ratio() if selector.get("title") and found["title"] else 0.0  # fmt: skip
            score = share + 0.5 * similar
            if score > best_score:
                best, best_score = position, score
        if best_score <= 0 and len(tables) > 1:
            label = f"'{selector['title']}'" if selector.get("title") else "레시피의 표"
            raise InvalidArgumentError(
                f"{label}(열: {', '.join(selector['columns'][:6])})를 이 시트에서 찾지 "
                f"못했습니다. 이 시트의 표: {_list_tables(tables)}"
            )
        taken.add(best)
        picked.append((tables[best], selector))
    return picked


def _list_tables(tables: list) -> str:
    described = []
    for tidy in tables:
        found = table_selector(tidy)
        columns = ", ".join(found["columns"][:4])
        described.append(f"'{found['title']}'({columns})" if found["title"] else f"({columns})")
    return " / ".join(described)


def _pseudonymize(branch: _Branch, options: dict, key) -> None:
    from dadeum.engine.privacy.keys import key_fingerprint
    from dadeum.engine.privacy.plan import (
        TECHNIQUE_NAMES,
        apply_plan,
        default_plan,
        measure,
        merge_plans,
        needs_key,
        parse_column_spec,
        records_from_grid,
    )

    rows = 1 if branch.header_rows is None else branch.header_rows
    if rows == 0:
        raise InvalidArgumentError("머리글이 없는 표는 열 이름으로 가명처리할 수 없습니다.")
    named = branch.grid.iloc[rows - 1 :].reset_index(drop=True)
    if rows > 1:  # the names the 가명처리 button recorded: header rows joined
        named.iloc[0] = header_names(branch.grid, rows)
    frame = records_from_grid(named)
    mapping = resolve_columns(options["columns"], frame.columns)
    chosen = [parse_column_spec(f"{mapping[column]}={spec}")
              for column, spec in options["columns"].items()]  # fmt: skip
    # Detection only for the columns the recipe leaves open (a column added this month): the
    # recorded choices replace whatever detection would find, and detection is the slow part.
    given = {plan.column for plan in chosen}
    open_columns = [column for column in frame.columns if column not in given]
    found = (
        {plan.column: plan for plan in default_plan(frame[open_columns])} if open_columns else {}
    )
    by_column = {**found, **{plan.column: plan for plan in chosen}}
    plans = merge_plans([by_column[column] for column in frame.columns], [])
    if needs_key(plans) and key is None:
        raise InvalidArgumentError("가명처리에 쓸 키가 없습니다 (--key-name 또는 --key-file).")
    result, failed = apply_plan(frame, plans, key)
    names = {actual: column for column, actual in mapping.items()}
    fingerprint = key_fingerprint(key) if key is not None and needs_key(plans) else None
    anonymity = measure(result, plans)
    # The 적정성 검토 record travels with every file's issues and, as rows, to the batch's
    # review file: technique per column, key fingerprint (never the key), k-anonymity.
    issues = [
        Issue("pseudonymization-technique",
              f"{plan.column}: {TECHNIQUE_NAMES[plan.technique]} — {plan.description}",
              column=position)
        for position, plan in enumerate(plans, start=1)
    ]  # fmt: skip
    if fingerprint:
        issues.append(Issue("pseudonymization-key", f"가명 키 지문 {fingerprint}"))
    measured = anonymity is not None and anonymity.records
    if measured:
        verdict = "충족" if anonymity.satisfied else "미충족"
        issues.append(Issue(
            "k-anonymity",
            f"k = {anonymity.k} (기준 {anonymity.threshold} {verdict}), 준식별자: "
            f"{', '.join(anonymity.quasi_identifiers)}",
        ))  # fmt: skip
    if failed:
        issues.append(Issue("generalize-failed", f"일반화하지 못한 셀 {failed:,}칸을 비웠습니다."))
    for plan in plans:
        branch.review.append({
            "열": names.get(plan.column, plan.column),
            "처리 기법": TECHNIQUE_NAMES[plan.technique],
            "설명": f"{plan.description} ({plan.reason})" if plan.reason else plan.description,
            "가명 키 이름": options["key_name"] or "",
            "가명 키 지문": fingerprint or "",
            "k-익명성": anonymity.k if measured else "",
            "k 기준": anonymity.threshold if measured else "",
            "판정": ("충족" if anonymity.satisfied else "미충족") if measured else "계산하지 않음",
            "준식별자": ", ".join(anonymity.quasi_identifiers) if measured else "",
            "행 수": len(result),
            "일반화 실패 셀": failed,
        })  # fmt: skip
    result = result.rename(columns=names)
    header = pd.DataFrame([list(map(str, result.columns))], dtype=object)
    body = pd.DataFrame(result.to_numpy(dtype=object), dtype=object)
    branch.grid = pd.concat([header, body], ignore_index=True)
    branch.header_rows = 1
    branch.issues += issues
