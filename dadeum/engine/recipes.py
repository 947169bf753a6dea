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
missing column stops the replay with the closest header in the message. The replay itself
lives in ``dadeum.engine.recipe_replay``, which builds on this module.
"""

import difflib
import json
import re
import reprlib
import unicodedata
from typing import Any

import pandas as pd

from dadeum.engine.korean import josa, quoted
from dadeum.engine.text import clean_text
from dadeum.errors import InvalidArgumentError
from dadeum.limits import (
    MAX_PROBLEMS_SHOWN,
    MAX_RECIPE_BYTES,
    MAX_RECIPE_COLUMNS,
    MAX_RECIPE_ROWS,
    MAX_RECIPE_SHEETS,
    MAX_RECIPE_STEPS,
    MAX_RECIPE_TABLES,
    MAX_RECIPE_TEXT,
)

__all__ = [
    "RECIPE_VERSION",
    "STEP_NAMES",
    "TABLE_COLUMNS",
    "load_recipe",
    "new_recipe",
    "normalize_header",
    "recipe_from_table",
    "recipe_table",
    "record_step",
    "resolve_columns",
    "validate_recipe",
]

RECIPE_VERSION = 1
STEP_NAMES = {"clean": "정리", "tidy": "기계판독 변환", "pseudonymize": "가명처리"}
COLUMN_TYPES = {"number": "숫자", "date": "날짜", "phone": "전화번호", "text": "텍스트"}
# Options of each step with their defaults; the dict-valued ones map column → value.
STEP_OPTIONS: dict[str, dict[str, Any]] = {
    "clean": {"header": None, "types": {}, "order": None},
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
    "order": "열 순서",
}
META_NAMES = {"dadeum_recipe": "레시피 형식", "name": "이름", "sheets": "시트"}
SHEET_KEYS = ("name", "position", "tables")
TABLE_KEYS = ("title", "columns")
TABLE_COLUMNS = ["단계", "열", "옵션", "값", "설명"]

_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
# A received recipe's values are quoted in messages shortened: a 1 MB list must not become a
# 1 MB reply, nor a deeply nested one a RecursionError.
_REPR = reprlib.Repr()  # keyword arguments only from Python 3.12
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxtuple = 2, 3, 3, 3
_REPR.maxstring, _REPR.maxother, _REPR.maxlong = 40, 40, 20


def _shown(value: Any) -> str:
    return _REPR.repr(value)


def _too_long(text: str) -> bool:
    return len(text) > MAX_RECIPE_TEXT


def _text_problem(what: str, text: str) -> str:
    return f"{what}이 {len(text):,}자로 너무 깁니다 ({MAX_RECIPE_TEXT:,}자까지)."


def problems_message(what: str, problems: list[str]) -> str:
    """``what``에 문제가 N개 있습니다: the first few problems, the rest counted."""
    shown = " / ".join(problems[:MAX_PROBLEMS_SHOWN])
    rest = len(problems) - MAX_PROBLEMS_SHOWN
    more = f" / 외 {rest:,}개" if rest > 0 else ""
    return f"{what}에 문제가 {len(problems):,}개 있습니다: {shown}{more}"


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
    if _too_long(spec):
        return f"기법이 {len(spec):,}자로 너무 깁니다"
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
    elif _too_long(name):
        problems.append(_text_problem("'name'(레시피 이름)", name))
    for key in data:
        if key not in ("dadeum_recipe", "name", "sheets", "steps"):
            problems.append(f"알 수 없는 항목 {_shown(key)}가 있습니다.")
    if "sheets" in data:
        problems += _sheets_problems(data["sheets"])
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        problems.append("'steps'(단계 목록)는 단계가 하나 이상 있는 목록이어야 합니다.")
        return problems
    if len(steps) > MAX_RECIPE_STEPS:
        problems.append(
            f"단계가 {len(steps):,}개로 너무 많습니다 ({MAX_RECIPE_STEPS:,}개까지). "
            "레시피를 나누어 주세요."
        )
        return problems
    for number, step in enumerate(steps, start=1):
        problems += [f"{number}단계: {p}" for p in _step_problems(step)]
    return problems


def _sheets_problems(sheets: Any) -> list[str]:
    if not isinstance(sheets, list) or not sheets:
        return ["'sheets'(시트 목록)는 시트가 하나 이상 있는 목록이어야 합니다."]
    if len(sheets) > MAX_RECIPE_SHEETS:
        return [f"시트가 {len(sheets):,}개로 너무 많습니다 ({MAX_RECIPE_SHEETS:,}개까지)."]
    problems = []
    for number, sheet in enumerate(sheets, start=1):
        where = f"{number}번째 시트"
        if not isinstance(sheet, dict):
            problems.append(f"{where}: JSON 객체여야 합니다 ({_kind(sheet)}를 받음).")
            continue
        for key in sheet:
            if key not in SHEET_KEYS:
                problems.append(
                    f"{where}: 알 수 없는 항목 {_shown(key)}가 있습니다 (name, position, tables)."
                )
        name = sheet.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: 'name'(시트 이름)은 비어 있지 않은 글자여야 합니다.")
        elif _too_long(name):
            problems.append(f"{where}: " + _text_problem("'name'(시트 이름)", name))
        position = sheet.get("position")
        if "position" in sheet and not (
            isinstance(position, int)
            and not isinstance(position, bool)
            and 1 <= position <= MAX_RECIPE_SHEETS
        ):
            problems.append(
                f"{where}: 'position'은 1~{MAX_RECIPE_SHEETS}의 정수여야 합니다 "
                f"({_shown(position)})."
            )
        tables = sheet.get("tables")
        if "tables" not in sheet:
            continue
        if not isinstance(tables, list) or not tables:
            problems.append(f"{where}: 'tables'는 표가 하나 이상 있는 목록이어야 합니다.")
            continue
        if len(tables) > MAX_RECIPE_TABLES:
            problems.append(
                f"{where}: 표가 {len(tables):,}개로 너무 많습니다 ({MAX_RECIPE_TABLES:,}개까지)."
            )
            continue
        for n, table in enumerate(tables, start=1):
            problems += [f"{where} {n}번째 표: {p}" for p in _table_problems(table)]
    return problems


def _table_problems(table: Any) -> list[str]:
    if not isinstance(table, dict):
        return [f"JSON 객체여야 합니다 ({_kind(table)}를 받음)."]
    problems = [f"알 수 없는 항목 {_shown(key)}가 있습니다 (title, columns)."
                for key in table if key not in TABLE_KEYS]  # fmt: skip
    title = table.get("title")
    if title is not None and not isinstance(title, str):
        problems.append(f"'title'(표 제목)은 글자 또는 null이어야 합니다 ({_kind(title)}).")
    elif title is not None and _too_long(title):
        problems.append(_text_problem("'title'(표 제목)", title))
    columns = table.get("columns")
    if isinstance(columns, list) and len(columns) > MAX_RECIPE_COLUMNS:
        problems.append(
            f"'columns'(표의 열 이름)가 {len(columns):,}개로 너무 많습니다 "
            f"({MAX_RECIPE_COLUMNS:,}개까지)."
        )
    elif not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        problems.append("'columns'(표의 열 이름)는 글자의 목록이어야 합니다.")
    elif any(_too_long(c) for c in columns):
        long = next(c for c in columns if _too_long(c))
        problems.append(_text_problem("'columns'의 열 이름", long))
    elif not columns and not title:
        problems.append("제목이나 열 이름 중 하나는 있어야 표를 찾을 수 있습니다.")
    return problems


def _step_problems(step: Any) -> list[str]:
    if not isinstance(step, dict):
        return [f"단계는 JSON 객체여야 합니다 ({_kind(step)}를 받음)."]
    name = step.get("step")
    if name not in STEP_OPTIONS:
        allowed = ", ".join(STEP_NAMES)
        return [f"'step'은 {allowed} 중 하나여야 합니다 ({_shown(name)}를 받음)."]
    problems = []
    options = STEP_OPTIONS[name]
    for key in step:
        if key != "step" and key not in options:
            problems.append(
                f"{name} 단계에 없는 옵션 {_shown(key)}가 있습니다 ({', '.join(options)})."
            )
    for key, value in step.items():
        if key not in options:
            continue
        rows = isinstance(value, int) and 2 <= value <= 10  # a two-row statistical header
        if key in ("header",) and not (value is None or isinstance(value, bool) or rows):
            problems.append(
                f"'{key}'는 true, false, 2~10의 정수 또는 null이어야 합니다 ({_shown(value)})."
            )
        elif key in ("long", "totals") and not isinstance(value, bool):
            problems.append(f"'{key}'는 true 또는 false여야 합니다 ({_shown(value)}).")
        elif key == "header_rows" and not (
            value is None
            or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10)
        ):
            problems.append(
                f"'header_rows'는 1~10의 정수 또는 null이어야 합니다 ({_shown(value)})."
            )
        elif key == "order" and not (
            value is None or (isinstance(value, list) and all(isinstance(c, str) for c in value))
        ):
            problems.append(f"'order'는 열 이름의 목록 또는 null이어야 합니다 ({_shown(value)}).")
        elif key == "order" and value is not None and len(value) > MAX_RECIPE_COLUMNS:
            problems.append(
                f"'order'의 열이 {len(value):,}개로 너무 많습니다 ({MAX_RECIPE_COLUMNS:,}개까지)."
            )
        elif key == "order" and value is not None and any(_too_long(c) for c in value):
            problems.append(
                _text_problem("'order'의 열 이름", next(c for c in value if _too_long(c)))
            )
        elif key == "key_name" and not (value is None or (isinstance(value, str) and value)):
            problems.append(f"'key_name'은 키 이름(글자) 또는 null이어야 합니다 ({_shown(value)}).")
        elif key == "key_name" and value is not None and _too_long(value):
            problems.append(_text_problem("'key_name'(가명 키 이름)", value))
        elif key in COLUMN_OPTIONS:
            if not isinstance(value, dict):
                problems.append(f"'{key}'는 열 이름 → 값의 사전이어야 합니다 ({_kind(value)}).")
                continue
            if len(value) > MAX_RECIPE_COLUMNS:
                problems.append(
                    f"'{key}'의 열이 {len(value):,}개로 너무 많습니다 "
                    f"({MAX_RECIPE_COLUMNS:,}개까지)."
                )
                continue
            for column, choice in value.items():
                if _too_long(column):
                    problems.append(_text_problem(f"'{key}'의 열 이름", column))
                    continue
                if not normalize_header(column):
                    problems.append(f"'{key}'의 열 이름 '{column}'이 비어 있습니다.")
                if key == "types" and choice not in COLUMN_TYPES:
                    problems.append(
                        f"'types'의 {quoted(column, '은/는')} number, date, phone, text 중 "
                        f"하나여야 합니다 ({_shown(choice)})."
                    )
                if key == "columns":
                    problem = _check_technique(choice)
                    if problem:
                        problems.append(f"'columns'의 '{column}': {problem}.")
    return problems


def check_recipe_size(size: int) -> None:
    """Refuse a recipe of ``size`` bytes (or characters) before it is parsed."""
    if size > MAX_RECIPE_BYTES:
        raise InvalidArgumentError(
            f"레시피가 {size:,}바이트로 너무 큽니다 ({MAX_RECIPE_BYTES:,}바이트까지). "
            "다듬이 기록한 레시피는 보통 몇 kB입니다. 받은 파일이 맞는지 확인하세요."
        )


def _parse_json(text: str) -> Any:
    """``json.loads``; a nesting deep enough to exhaust the recursion becomes a JSONDecodeError
    too (a valid recipe nests 6 deep)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("너무 깊이 중첩된 JSON입니다", "", 0) from None


def load_recipe(text: str) -> dict:
    """Parse a recipe's JSON text (data only, nothing is executed) and validate it."""
    if isinstance(text, str):
        check_recipe_size(len(text.encode("utf-8", "surrogatepass")))
    try:
        data = _parse_json(text)
    except (json.JSONDecodeError, TypeError) as error:
        raise InvalidArgumentError(f"레시피가 올바른 JSON이 아닙니다 ({error}).") from error
    problems = validate_recipe(data)
    if problems:
        raise InvalidArgumentError(problems_message("레시피", problems))
    return data


def new_recipe(name: str) -> dict:
    return {"dadeum_recipe": RECIPE_VERSION, "name": name, "steps": []}


def record_step(
    recipe: dict,
    step: dict,
    *,
    sheet: str | None = None,
    position: int | None = None,
    tables: list[dict] | None = None,
) -> dict:
    """A new recipe: ``recipe`` with ``step`` appended and the sheet it read recorded.

    ``sheet``/``position`` (1-based): the worksheet the step read; None for a CSV file or an
    intermediate result, which records no sheet. ``tables``: what a tidy step found there
    (``table_selector`` of each). The same step run again on another sheet adds that sheet
    rather than a second copy of the step, so one recipe covers several sheets of one shape.
    The input recipe is not modified.
    """
    sheets = [dict(entry) for entry in recipe.get("sheets", [])]
    steps = [*recipe["steps"]]
    repeated = bool(steps) and steps[-1] == step
    known = next((entry for entry in sheets if entry["name"] == sheet), None)
    if sheet is None:
        steps.append(step)
    elif known is not None:
        if tables:
            known["tables"] = tables
        steps.append(step)
    else:
        entry: dict[str, Any] = {"name": sheet}
        if position is not None:
            entry["position"] = position
        if tables:
            entry["tables"] = tables
        sheets.append(entry)
        if not (repeated and len(sheets) > 1):
            steps.append(step)
    result: dict[str, Any] = {"dadeum_recipe": recipe["dadeum_recipe"], "name": recipe["name"]}
    if sheets:
        result["sheets"] = sheets
    result["steps"] = steps
    return result


# --- table form ----------------------------------------------------------------------------


def _describe(step: str, option: str, value: Any, column: str = "") -> str:
    if option == "step":
        return {
            "clean": "열마다 숫자·날짜·전화번호·텍스트를 알아내 정리합니다",
            "tidy": "제목·주석·합계 행을 걷어 내고 머리글 한 줄의 표로 바꿉니다",
            "pseudonymize": "열마다 정한 기법으로 개인정보를 가명처리합니다",
        }[value]
    if option == "header":
        if isinstance(value, int) and not isinstance(value, bool):
            return f"위 {value}행을 머리글로 봄"
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
    if option == "order":
        if not value:
            return "열 순서는 파일 그대로"
        return f"기록된 열 {len(value)}개를 기록된 순서와 이름으로 씀"
    if option == "key_name":
        return "기본 가명 키" if value is None else f"가명 키 '{value}'"
    return ""


def _describe_sheet(entry: dict) -> str:
    where = f"'{entry.get('name')}' 시트"
    if entry.get("position"):
        where += f" (없으면 {entry['position']}번째 시트)"
    tables = entry.get("tables") or []
    if tables:
        titles = ", ".join(f"'{t['title']}'" if t.get("title") else f"열 {len(t['columns'])}개"
                           for t in tables)  # fmt: skip
        where += f"의 표 {len(tables)}개: {titles}"
    return where + "에 적용"


def recipe_table(recipe: dict) -> pd.DataFrame:
    """The recipe as a readable table (단계, 열, 옵션, 값, 설명); see ``recipe_from_table``."""
    rows = [
        ["", "", META_NAMES["dadeum_recipe"], json.dumps(recipe["dadeum_recipe"]), "형식 번호"],
        ["", "", META_NAMES["name"], recipe["name"], "레시피 이름"],
    ]
    for entry in recipe.get("sheets", []):
        text = json.dumps(entry, ensure_ascii=False)
        rows.append(["", "", META_NAMES["sheets"], text, _describe_sheet(entry)])
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
    if len(frame) > MAX_RECIPE_ROWS:
        raise InvalidArgumentError(
            f"레시피 표가 {len(frame):,}행으로 너무 깁니다 ({MAX_RECIPE_ROWS:,}행까지)."
        )
    for row in frame[TABLE_COLUMNS].itertuples(index=False, name=None):
        number, column, label, value, _ = row
        key = options.get(str(label).strip(), str(label).strip())
        if _blank(number):
            if key == "sheets":
                recipe.setdefault("sheets", []).append(_scalar(value))
            else:
                recipe[key] = _scalar(value) if key == "dadeum_recipe" else str(value)
            continue
        index = _step_index(number)
        while len(steps) <= index:
            steps.append({})
        step = steps[index]
        # The 레시피 보기 sheet shows values in Korean (정리, 숫자, 자동); they read back too.
        if key == "step":
            step["step"] = _STEP_CODES.get(str(value).strip(), str(value))
        elif key in COLUMN_OPTIONS and not _blank(column):
            text = str(value)
            step.setdefault(key, {})[str(column)] = (
                _TYPE_CODES.get(text.strip(), text) if key == "types" else text
            )
        else:
            step[key] = _scalar(_WORD_CODES.get(value, value) if isinstance(value, str) else value)
    recipe["steps"] = steps
    problems = validate_recipe(recipe)
    if problems:
        raise InvalidArgumentError(problems_message("레시피 표", problems))
    result = {"dadeum_recipe": recipe["dadeum_recipe"], "name": recipe["name"]}
    if "sheets" in recipe:
        result["sheets"] = recipe["sheets"]
    result["steps"] = steps
    return result


def _step_index(number: Any) -> int:
    """The 0-based step of a recipe-table row; the number is bounded before it sizes a list."""
    try:
        value = float(number)
    except (TypeError, ValueError, OverflowError):
        value = float("nan")
    if not (1 <= value <= MAX_RECIPE_STEPS and value.is_integer()):
        raise InvalidArgumentError(
            f"레시피 표의 단계 번호는 1~{MAX_RECIPE_STEPS}의 정수여야 합니다 "
            f"({_shown(number)}를 받음)."
        )
    return int(value) - 1


_STEP_CODES = {name: code for code, name in STEP_NAMES.items()}
_TYPE_CODES = {name: code for code, name in COLUMN_TYPES.items()}
_WORD_CODES = {"자동": "null", "예": "true", "아니요": "false"}


def _scalar(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return _parse_json(value)
        except json.JSONDecodeError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def technique_spec(plan) -> str:
    """A ColumnPlan as the spec a recipe stores: 가명, 일반화:나이:5, …"""
    from dadeum.engine.privacy.plan import TECHNIQUE_NAMES

    if plan.technique == "pseudonym":
        return "가명"
    if plan.technique == "generalize":
        size = f":{plan.size}" if plan.size is not None else ""
        return f"일반화:{plan.kind}{size}"
    return TECHNIQUE_NAMES[plan.technique]
