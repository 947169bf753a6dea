"""Recipes: cleanup steps recorded once as data and replayed on next month's files.

A recipe is plain JSON, never code, so offices can exchange them safely::

    {"dadeum_recipe": 1, "name": "읍면동 민원 현황",
     "steps": [{"step": "tidy", "header_rows": null, "long": false, "totals": false},
               {"step": "clean", "header": true, "types": {"접수일": "date"}},
               {"step": "pseudonymize", "columns": {"담당자": "가명"}, "key_name": null}]}

The format is described by ``recipe.schema.json`` beside this module; ``validate_recipe``
checks the same rules by hand (no extra dependency) and returns every problem at once, in
Korean, naming the step and the field. Steps name columns by their normalised header meaning
(``normalize_header``), so an added, moved or reordered column does not break a replay; a
missing column stops the replay with the closest header in the message.
"""

import difflib
import json
import re
import unicodedata
from typing import Any

import pandas as pd

from dadeum.engine.issues import Issue
from dadeum.engine.korean import josa, quoted
from dadeum.engine.text import clean_text
from dadeum.errors import InvalidArgumentError

__all__ = [
    "RECIPE_VERSION",
    "STEP_NAMES",
    "TABLE_COLUMNS",
    "apply_recipe",
    "load_recipe",
    "new_recipe",
    "normalize_header",
    "recipe_from_table",
    "recipe_table",
    "resolve_columns",
    "validate_recipe",
]

RECIPE_VERSION = 1
STEP_NAMES = {"clean": "정리", "tidy": "기계판독 변환", "pseudonymize": "가명처리"}
COLUMN_TYPES = {"number": "숫자", "date": "날짜", "phone": "전화번호", "text": "텍스트"}
# Options of each step with their defaults; the dict-valued ones map column → value.
STEP_OPTIONS: dict[str, dict[str, Any]] = {
    "clean": {"header": None, "types": {}},
    "tidy": {"header_rows": None, "long": False, "totals": False},
    "pseudonymize": {"columns": {}, "key_name": None},
}
COLUMN_OPTIONS = ("types", "columns")
OPTION_NAMES = {
    "step": "단계",
    "header": "머리글",
    "types": "열 유형",
    "header_rows": "머리글 행 수",
    "long": "긴 형식",
    "totals": "합계 따로",
    "columns": "열 처리",
    "key_name": "가명 키",
}
META_NAMES = {"dadeum_recipe": "레시피 형식", "name": "이름"}
TABLE_COLUMNS = ["단계", "열", "옵션", "값", "설명"]

_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


# --- names ---------------------------------------------------------------------------------


def normalize_header(name: object) -> str:
    """A header's meaning for matching: cleaned, without spaces or punctuation, casefolded.

    >>> normalize_header(" 접수 건수(건) "), normalize_header("E-mail")
    ('접수건수건', 'email')
    """
    text = clean_text("" if name is None else str(name))
    text = unicodedata.normalize("NFKC", text)
    return _PUNCTUATION.sub("", text).casefold()


def resolve_columns(recipe_columns, actual_headers) -> dict[str, str]:
    """Recipe column → the actual header with the same meaning.

    Raises InvalidArgumentError naming every missing column and the closest actual header.
    """
    actual = [str(h) for h in actual_headers]
    by_meaning: dict[str, str] = {}
    for header in actual:
        by_meaning.setdefault(normalize_header(header), header)
    mapping: dict[str, str] = {}
    problems = []
    for column in recipe_columns:
        found = by_meaning.get(normalize_header(column))
        if found is not None:
            mapping[column] = found
            continue
        close = difflib.get_close_matches(
            normalize_header(column), list(by_meaning), n=1, cutoff=0.5
        )
        hint = f" 가장 비슷한 열은 '{by_meaning[close[0]]}'입니다." if close else ""
        problems.append(f"'{column}' 열이 표에 없습니다.{hint}")
    if problems:
        listed = ", ".join(actual)
        raise InvalidArgumentError(" ".join(problems) + f" (표의 열: {listed})")
    return mapping


# --- validation ----------------------------------------------------------------------------


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "참/거짓"
    if isinstance(value, int | float):
        return "숫자"
    if isinstance(value, str):
        return "글자"
    if isinstance(value, list):
        return "목록"
    if isinstance(value, dict):
        return "사전"
    return type(value).__name__


def _check_technique(spec: Any) -> str | None:
    from dadeum.engine.privacy.plan import parse_column_spec

    if not isinstance(spec, str):
        return f"기법은 글자여야 합니다 ({_kind(spec)}를 받음)"
    try:
        parse_column_spec(f"열={spec}")
    except InvalidArgumentError:
        return f"기법 '{spec}'를 알 수 없습니다 (가명, 삭제, 마스킹, 유지, 일반화:종류[:크기])"
    return None


def validate_recipe(data: Any) -> list[str]:
    """Every problem of a recipe, in Korean; an empty list when it is valid."""
    if not isinstance(data, dict):
        return [f"레시피는 JSON 객체여야 합니다 ({_kind(data)}를 받음)."]
    problems = []
    version = data.get("dadeum_recipe")
    if "dadeum_recipe" not in data:
        problems.append("'dadeum_recipe'(레시피 형식 번호)가 없습니다. 1로 쓰세요.")
    elif version != RECIPE_VERSION or isinstance(version, bool):
        problems.append(
            f"'dadeum_recipe'는 {RECIPE_VERSION}이어야 합니다 ({version!r}를 받음). "
            "이 버전의 다듬이 읽을 수 없는 형식입니다."
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"'name'(레시피 이름)은 비어 있지 않은 글자여야 합니다 ({_kind(name)}).")
    for key in data:
        if key not in ("dadeum_recipe", "name", "steps"):
            problems.append(f"알 수 없는 항목 '{key}'가 있습니다.")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        problems.append("'steps'(단계 목록)는 단계가 하나 이상 있는 목록이어야 합니다.")
        return problems
    for number, step in enumerate(steps, start=1):
        problems += [f"{number}단계: {p}" for p in _step_problems(step)]
    return problems


def _step_problems(step: Any) -> list[str]:
    if not isinstance(step, dict):
        return [f"단계는 JSON 객체여야 합니다 ({_kind(step)}를 받음)."]
    name = step.get("step")
    if name not in STEP_OPTIONS:
        allowed = ", ".join(STEP_NAMES)
        return [f"'step'은 {allowed} 중 하나여야 합니다 ({name!r}를 받음)."]
    problems = []
    options = STEP_OPTIONS[name]
    for key in step:
        if key != "step" and key not in options:
            problems.append(f"{name} 단계에 없는 옵션 '{key}'가 있습니다 ({', '.join(options)}).")
    for key, value in step.items():
        if key not in options:
            continue
        if key in ("header",) and not (value is None or isinstance(value, bool)):
            problems.append(f"'{key}'는 true, false 또는 null이어야 합니다 ({value!r}).")
        elif key in ("long", "totals") and not isinstance(value, bool):
            problems.append(f"'{key}'는 true 또는 false여야 합니다 ({value!r}).")
        elif key == "header_rows" and not (
            value is None
            or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10)
        ):
            problems.append(f"'header_rows'는 1~10의 정수 또는 null이어야 합니다 ({value!r}).")
        elif key == "key_name" and not (value is None or (isinstance(value, str) and value)):
            problems.append(f"'key_name'은 키 이름(글자) 또는 null이어야 합니다 ({value!r}).")
        elif key in COLUMN_OPTIONS:
            if not isinstance(value, dict):
                problems.append(f"'{key}'는 열 이름 → 값의 사전이어야 합니다 ({_kind(value)}).")
                continue
            for column, choice in value.items():
                if not normalize_header(column):
                    problems.append(f"'{key}'의 열 이름 '{column}'이 비어 있습니다.")
                if key == "types" and choice not in COLUMN_TYPES:
                    problems.append(
                        f"'types'의 {quoted(column, '은/는')} number, date, phone, text 중 "
                        f"하나여야 합니다 ({choice!r})."
                    )
                if key == "columns":
                    problem = _check_technique(choice)
                    if problem:
                        problems.append(f"'columns'의 '{column}': {problem}.")
    return problems


def load_recipe(text: str) -> dict:
    """Parse a recipe's JSON text (data only, nothing is executed) and validate it."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, TypeError) as error:
        raise InvalidArgumentError(f"레시피가 올바른 JSON이 아닙니다 ({error}).") from error
    problems = validate_recipe(data)
    if problems:
        raise InvalidArgumentError(
            f"레시피에 문제가 {len(problems)}개 있습니다: " + " / ".join(problems)
        )
    return data


def new_recipe(name: str) -> dict:
    return {"dadeum_recipe": RECIPE_VERSION, "name": name, "steps": []}


# --- table form ----------------------------------------------------------------------------


def _describe(step: str, option: str, value: Any, column: str = "") -> str:
    if option == "step":
        return {
            "clean": "열마다 숫자·날짜·전화번호·텍스트를 알아내 정리합니다",
            "tidy": "제목·주석·합계 행을 걷어 내고 머리글 한 줄의 표로 바꿉니다",
            "pseudonymize": "열마다 정한 기법으로 개인정보를 가명처리합니다",
        }[value]
    if option == "header":
        return {None: "머리글은 자동 판단", True: "첫 행을 머리글로 봄", False: "머리글 없음"}[
            value
        ]
    if option == "types":
        if not column:
            return "열 유형을 정하지 않음"
        return f"{quoted(column, '을/를')} {josa(COLUMN_TYPES.get(value, value), '으로/로')} 정리"
    if option == "header_rows":
        return "머리글 행 수는 자동 판단" if value is None else f"머리글 {value}행"
    if option == "long":
        return "값 하나에 한 행(긴 형식)" if value else "넓은 형식 그대로"
    if option == "totals":
        return "합계·소계 행을 따로 보관" if value else "합계·소계 행은 결과에서 뺌"
    if option == "columns":
        if not column:
            return "열 처리를 정하지 않음(찾은 개인정보에 따라 정함)"
        return f"{quoted(column, '은/는')} {value}"
    if option == "key_name":
        return "기본 가명 키" if value is None else f"가명 키 '{value}'"
    return ""


def recipe_table(recipe: dict) -> pd.DataFrame:
    """The recipe as a readable table (단계, 열, 옵션, 값, 설명); see ``recipe_from_table``."""
    rows = [
        ["", "", META_NAMES["dadeum_recipe"], json.dumps(recipe["dadeum_recipe"]), "형식 번호"],
        ["", "", META_NAMES["name"], recipe["name"], "레시피 이름"],
    ]
    for number, step in enumerate(recipe["steps"], start=1):
        name = step["step"]
        rows.append([number, "", OPTION_NAMES["step"], name,
                     f"{STEP_NAMES[name]}: {_describe(name, 'step', name)}"])  # fmt: skip
        for option, value in step.items():
            if option == "step":
                continue
            label = OPTION_NAMES.get(option, option)
            if option in COLUMN_OPTIONS and isinstance(value, dict) and value:
                for column, choice in value.items():
                    rows.append([number, column, label, choice,
                                 _describe(name, option, choice, column)])  # fmt: skip
            else:
                text = json.dumps(value, ensure_ascii=False)
                rows.append([number, "", label, text, _describe(name, option, value)])
    return pd.DataFrame(rows, columns=TABLE_COLUMNS, dtype=object)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value == ""


def recipe_from_table(frame: pd.DataFrame) -> dict:
    """The recipe a ``recipe_table`` shows (also after a trip through a worksheet)."""
    options = {label: key for key, label in {**OPTION_NAMES, **META_NAMES}.items()}
    recipe: dict[str, Any] = {}
    steps: list[dict] = []
    for row in frame[TABLE_COLUMNS].itertuples(index=False, name=None):
        number, column, label, value, _ = row
        key = options.get(str(label).strip(), str(label).strip())
        if _blank(number):
            recipe[key] = _scalar(value) if key == "dadeum_recipe" else str(value)
            continue
        index = int(float(number)) - 1
        while len(steps) <= index:
            steps.append({})
        step = steps[index]
        if key == "step":
            step["step"] = str(value)
        elif key in COLUMN_OPTIONS and not _blank(column):
            step.setdefault(key, {})[str(column)] = str(value)
        else:
            step[key] = _scalar(value)
    recipe["steps"] = steps
    problems = validate_recipe(recipe)
    if problems:
        raise InvalidArgumentError(
            f"레시피 표에 문제가 {len(problems)}개 있습니다: " + " / ".join(problems)
        )
    return {"dadeum_recipe": recipe["dadeum_recipe"], "name": recipe["name"], "steps": steps}


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# --- replay --------------------------------------------------------------------------------


def header_names(grid: pd.DataFrame, header_rows: int) -> list[str]:
    if not header_rows:
        return [f"열{n}" for n in range(1, grid.shape[1] + 1)]
    names = []
    for position, cell in enumerate(grid.iloc[header_rows - 1].tolist(), start=1):
        blank = cell is None or (not isinstance(cell, str) and pd.isna(cell))
        names.append(f"열{position}" if blank or not str(cell).strip() else str(cell).strip())
    return names


def apply_recipe(
    grid_or_frame: pd.DataFrame, recipe: dict, *, key: bytes | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Run a recipe's steps in order on a grid (raw cells, header rows included) or on a
    frame whose columns are the header names.

    Returns the resulting records (columns = header names) and every step's issues. A missing
    column raises InvalidArgumentError before anything is returned, so nothing half-processed
    reaches a file.
    """
    problems = validate_recipe(recipe)
    if problems:
        raise InvalidArgumentError(" / ".join(problems))
    grid = grid_or_frame
    if not all(isinstance(c, int) for c in grid.columns):  # a frame of records: add its header
        header = pd.DataFrame([list(map(str, grid.columns))], dtype=object)
        body = pd.DataFrame(grid.to_numpy(dtype=object), dtype=object)
        grid = pd.concat([header, body], ignore_index=True)
    grid = pd.DataFrame(grid.to_numpy(dtype=object), dtype=object)
    header_rows: int | None = None  # None: not known yet (the first row is taken as header)
    issues: list[Issue] = []
    for number, step in enumerate(recipe["steps"], start=1):
        options = {**STEP_OPTIONS[step["step"]], **step}
        try:
            if step["step"] == "clean":
                grid, header_rows, found = _clean(grid, options)
            elif step["step"] == "tidy":
                grid, header_rows, found = _tidy(grid, options)
            else:
                grid, header_rows, found = _pseudonymize(grid, header_rows, options, key)
        except InvalidArgumentError as error:
            raise InvalidArgumentError(
                f"{number}단계({STEP_NAMES[step['step']]}): {error}"
            ) from error
        issues += found
    rows = 1 if header_rows is None else header_rows
    names = _unique(header_names(grid, rows))
    frame = pd.DataFrame(grid.iloc[rows:].to_numpy(dtype=object), columns=names, dtype=object)
    return frame, issues


def _unique(names: list[str]) -> list[str]:
    seen: list[str] = []
    for base in names:
        name, n = base, 2
        while name in seen:
            name, n = f"{base}_{n}", n + 1
        seen.append(name)
    return seen


def _clean(grid: pd.DataFrame, options: dict):
    from dadeum.engine.columns import TYPE_NAMES, clean_frame

    result = clean_frame(grid, header=options["header"])
    frame = pd.DataFrame(result.frame.to_numpy(dtype=object), dtype=object)
    issues = list(result.issues)
    wanted = options["types"]
    if wanted:
        if not result.header_rows:
            raise InvalidArgumentError("머리글 행을 찾지 못해 열 이름으로 열을 찾을 수 없습니다.")
        names = header_names(frame, result.header_rows)
        mapping = resolve_columns(wanted, names)
        detected = list(result.types.values())
        for column, kind in wanted.items():
            position = names.index(mapping[column])
            # The recipe's name, so a month that wrote 접수건수 stacks with 접수 건수.
            frame.iat[result.header_rows - 1, position] = column
            if detected[position] != kind:
                issues.append(
                    Issue(
                        "recipe-type-changed",
                        f"'{mapping[column]}' 열이 레시피의 {TYPE_NAMES[kind]} 대신 "
                        f"{TYPE_NAMES[detected[position]]}(으)로 정리되었습니다.",
                        column=position + 1,
                    )
                )
    return frame, result.header_rows, issues


def _tidy(grid: pd.DataFrame, options: dict):
    from dadeum.engine.tables.grid import make_grid
    from dadeum.engine.tables.tidy import tidy_grid

    tables = tidy_grid(make_grid(grid.to_numpy(dtype=object).tolist()),
                       header_rows=options["header_rows"])  # fmt: skip
    if not tables:
        raise InvalidArgumentError("표를 찾지 못했습니다 (빈 시트이거나 값이 없습니다).")
    tidy = tables[0]
    frame = tidy.long() if options["long"] else tidy.data.reset_index(drop=True)
    if options["totals"] and len(tidy.totals) and not options["long"]:
        frame = pd.concat([frame, tidy.totals.reset_index(drop=True)], ignore_index=True)
    header = pd.DataFrame([[str(c) for c in frame.columns]], dtype=object)
    body = pd.DataFrame(frame.to_numpy(dtype=object), dtype=object)
    out = pd.concat([header, body], ignore_index=True)
    issues = [issue for table in tables for issue in table.issues]
    return out, 1, issues


def _pseudonymize(grid: pd.DataFrame, header_rows: int | None, options: dict, key):
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

    rows = 1 if header_rows is None else header_rows
    if rows == 0:
        raise InvalidArgumentError("머리글이 없는 표는 열 이름으로 가명처리할 수 없습니다.")
    frame = records_from_grid(grid.iloc[rows - 1 :].reset_index(drop=True))
    mapping = resolve_columns(options["columns"], frame.columns)
    chosen = [parse_column_spec(f"{mapping[column]}={spec}")
              for column, spec in options["columns"].items()]  # fmt: skip
    plans = merge_plans(default_plan(frame), chosen)
    if needs_key(plans) and key is None:
        raise InvalidArgumentError("가명처리에 쓸 키가 없습니다 (--key-name 또는 --key-file).")
    result, failed = apply_plan(frame, plans, key)
    # The 적정성 검토 record travels with every file's issues: technique per column, key
    # fingerprint (never the key), k-anonymity.
    issues = [
        Issue("pseudonymization-technique",
              f"{plan.column}: {TECHNIQUE_NAMES[plan.technique]} — {plan.description}",
              column=position)
        for position, plan in enumerate(plans, start=1)
    ]  # fmt: skip
    if key is not None and needs_key(plans):
        issues.append(Issue("pseudonymization-key", f"가명 키 지문 {key_fingerprint(key)}"))
    anonymity = measure(result, plans)
    if anonymity is not None and anonymity.records:
        verdict = "충족" if anonymity.satisfied else "미충족"
        issues.append(Issue(
            "k-anonymity",
            f"k = {anonymity.k} (기준 {anonymity.threshold} {verdict}), 준식별자: "
            f"{', '.join(anonymity.quasi_identifiers)}",
        ))  # fmt: skip
    result = result.rename(columns={actual: column for column, actual in mapping.items()})
    if failed:
        issues.append(Issue("generalize-failed", f"일반화하지 못한 셀 {failed:,}칸을 비웠습니다."))
    header = pd.DataFrame([list(map(str, result.columns))], dtype=object)
    body = pd.DataFrame(result.to_numpy(dtype=object), dtype=object)
    return pd.concat([header, body], ignore_index=True), 1, issues


def technique_spec(plan) -> str:
    """A ColumnPlan as the spec a recipe stores: 가명, 일반화:나이:5, …"""
    from dadeum.engine.privacy.plan import TECHNIQUE_NAMES

    if plan.technique == "pseudonym":
        return "가명"
    if plan.technique == "generalize":
        size = f":{plan.size}" if plan.size is not None else ""
        return f"일반화:{plan.kind}{size}"
    return TECHNIQUE_NAMES[plan.technique]
