"""The machine-readability check: what in a sheet breaks the Korean rules, where, how to fix.

Rules (공공데이터 관리지침's "기계 판독이 가능한 형태" as practised): one header row and no
title rows above it, no merged cells, no total rows, no blank rows or columns inside the
table, one table per sheet, no notes in the data area, one value per cell, numbers without
units or thousands separators, dates as YYYY-MM-DD, proper column names, UTF-8 CSV.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dadeum.engine.issues import Issue
from dadeum.engine.korean import josa, quoted
from dadeum.engine.tables.grid import Merge, trim
from dadeum.engine.tables.tidy import tidy_grid
from dadeum.engine.tables.units import parse_unit

# Rule → (weight in the score, Korean name, how to fix). Weights add up to 100.
RULES: dict[str, tuple[int, str, str]] = {
    "header": (15, "머리글이 한 행이 아님",
               "제목·단위 행을 지우고 머리글을 첫 행 한 줄로 합치세요(예: 2023_남)."),
    "merged-cell": (15, "병합된 셀", "병합을 풀고 병합됐던 모든 셀에 값을 채우세요."),
    "total-row": (10, "합계·소계 행·열", "합계·소계는 지우세요. 필요하면 데이터에서 계산합니다."),
    "empty-line": (10, "표 안의 빈 행·열",
                   "표 안의 빈 행과 빈 열을 지우세요. 구분만 있고 값이 없는 행은 그 구분을 "
                   "새 열로 옮기세요."),
    "multiple-tables": (10, "한 시트에 여러 표", "표마다 시트(또는 파일)를 따로 만드세요."),
    "note-row": (5, "표 안팎의 주석·출처", "주석과 출처는 다른 시트나 설명 자료로 옮기세요."),
    "multiple-values": (10, "한 셀에 여러 값",
                        "한 셀에는 값 하나만 넣고, 나머지는 새 열로 나누세요."),
    "number-format": (10, "숫자에 단위·쉼표·기호",
                      "숫자 셀에는 숫자만 넣으세요. 단위는 열 이름으로, '-' 같은 기호는 빈칸으로."),
    "date-format": (5, "날짜 형식", "날짜는 YYYY-MM-DD 형식 하나로 통일하세요."),
    "column-name": (5, "열 이름",
                    "열마다 겹치지 않는 이름을 글자로 붙이세요(빈칸·숫자만 있는 이름 금지)."),
    "encoding": (5, "CSV 인코딩", "CSV는 UTF-8로 저장하세요."),
}  # fmt: skip

REPORT_COLUMNS = ["규칙", "시트", "셀", "값", "문제", "고치는 방법", "유형"]
# Per-cell findings of one rule in one table beyond this are summed up in one row.
MAX_CELLS_PER_RULE = 50

# What tidy conversion had to do → the rule the sheet breaks, and the problem in words.
_FROM_TIDY = {
    "title-row": ("header", lambda i: "표 위에 제목 행이 있습니다."),
    "unit-row": ("header", lambda i: f"표 위에 단위 행({i.value})이 있습니다."),
    "multi-row-header": ("header", lambda i: f"머리글이 {i.value}개 행입니다."),
    "merged-header-filled": ("merged-cell", lambda i: "병합된 머리글 셀입니다."),
    "row-label-filled": ("merged-cell", lambda i: "병합된 행 구분 셀입니다."),
    "total-row": ("total-row", lambda i: "합계·소계 행입니다."),
    "total-column": ("total-row", lambda i: "합계 열입니다."),
    "summary-row": ("total-row", lambda i: "요약 행(누계·증감률 등)입니다."),
    "empty-row": ("empty-line", lambda i: "표 안에 빈 행이 있습니다."),
    "empty-column": ("empty-line", lambda i: "표 안에 빈 열이 있습니다."),
    "note-row": ("note-row", lambda i: "표 아래에 주석·출처 행이 있습니다."),
    "note-above": ("note-row", lambda i: "표 위에 메모 행이 있습니다."),
    "placeholder": ("number-format", lambda i: f"숫자 자리에 기호 '{i.value}'가 있습니다."),
    "blank-column-name": ("column-name", lambda i: "열 이름이 비어 있습니다."),
    "footnote-mark": ("note-row", lambda i: f"'{i.value}'에 주석 표시가 붙어 있습니다."),
    "provisional-mark": ("number-format", lambda i: f"'{i.value}'에 잠정치 표시가 붙어 있습니다."),
    "section-row": ("empty-line", lambda i: f"값이 없는 구분 행({i.value})이 표 안에 있습니다."),
    "duplicate-column-name": ("column-name", lambda i: f"열 이름 {quoted(i.value, '이/가')} "
                              "겹칩니다."),
}  # fmt: skip

_DATE_LIKE = re.compile(
    r"^('?\d{2}|\d{4})\s*([./-]|년)\s*\d{1,2}\s*([./-]|월)\s*\d{1,2}\s*[.일]?\s*(\(.\))?$"
)
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# "홍길동/김철수", "서울, 부산, 대구", "12(3)", "홍길동(010-1234-5678)", text with line breaks.
_LIST_OF_WORDS = re.compile(r"^[^\d\s,/;]{1,10}(\s*[,/;·]\s*[^\d\s,/;]{1,10})+$")
_VALUE_WITH_ASIDE = re.compile(r"^[^()]+\(\s*[\d,.\-]+\s*\)$")


def has_several_values(text: str) -> bool:
    """True when a cell seems to hold more than one value."""
    text = text.strip()
    if "/" in text and parse_unit(text):
        return False  # a rate unit such as 명/㎢ or 톤/일 is one value
    return "\n" in text or bool(_LIST_OF_WORDS.match(text) or _VALUE_WITH_ASIDE.match(text))


@dataclass
class CheckReport:
    issues: list[Issue]
    score: int  # 0–100; 100 = no rule broken

    def frame(self) -> pd.DataFrame:
        rows = [
            {"규칙": RULES[i.type][1], "시트": i.sheet, "셀": i.cell, "값": i.value,
             "문제": i.message, "고치는 방법": RULES[i.type][2], "유형": i.type}
            for i in self.issues
        ]  # fmt: skip
        return pd.DataFrame(
            rows, columns=["규칙", "시트", "셀", "값", "문제", "고치는 방법", "유형"]
        )

    @property
    def broken_rules(self) -> list[str]:
        return list(dict.fromkeys(issue.type for issue in self.issues))


def check_grid(
    grid: pd.DataFrame,
    *,
    merges: Iterable[Merge] = (),
    sheet: str | None = None,
    csv_encoding: str | None = None,
) -> CheckReport:
    """Check one sheet (a grid) against the machine-readability rules."""
    issues: list[Issue] = []

    def add(rule: str, message: str, row=None, column=None, value=None) -> None:
        issues.append(Issue(rule, message, row, column, value, sheet))

    if csv_encoding and csv_encoding.lower().replace("-", "") not in ("utf8", "utf8sig"):
        add("encoding", f"CSV가 {josa(csv_encoding, '으로/로')} 저장되어 있습니다.")
    for merge in sorted(merges, key=lambda m: (m.top, m.left)):
        add("merged-cell", "병합된 셀입니다.", merge.top, merge.left)
    tables = tidy_grid(trim(grid), sheet=sheet)
    if len(tables) > 1:
        add(
            "multiple-tables",
            f"한 시트에 표가 {len(tables)}개 있습니다.",
            tables[1].region.top,
            tables[1].region.left,
        )
    for table in tables:
        for issue in table.issues:
            if issue.type not in _FROM_TIDY:
                continue
            rule, problem = _FROM_TIDY[issue.type]
            if rule == "merged-cell" and merges:
                continue  # already listed from the file's own merge information
            add(rule, problem(issue), issue.row, issue.column, issue.value)
        # In a CSV every cell is text, so a plain "1234" there is simply a number.
        _check_values(table, grid, add, plain_numbers_are_fine=csv_encoding is not None)
    return CheckReport(issues=issues, score=score(issues))


def _check_values(table, grid: pd.DataFrame, add, *, plain_numbers_are_fine: bool) -> None:
    from dadeum.engine.numbers import to_number_series

    for name in table.data.columns:
        if re.fullmatch(r"[\d.,\s]+", str(name)):
            add(
                "column-name",
                f"열 이름 {quoted(name, '이/가')} 숫자뿐입니다.",
                table.region.top,
                table.source_columns.get(name),
            )
    found: dict[str, list] = {}
    for name in table.data.columns:
        column = table.source_columns.get(name)
        if column is None or column not in grid.columns:
            continue
        original = grid.loc[table.data.index, column]
        text = original[original.map(lambda v: isinstance(v, str))]
        if text.empty:
            continue
        dates = text[text.str.match(_DATE_LIKE)]
        for row, value in dates[~dates.str.match(_ISO_DATE)].items():
            found.setdefault("date-format", []).append(
                (f"날짜가 YYYY-MM-DD가 아닌 형식({value})으로 적혀 있습니다.", row, column, value)
            )
        for row, value in text[text.map(has_several_values).astype(bool)].items():
            found.setdefault("multiple-values", []).append(
                ("한 셀에 값이 여러 개 들어 있습니다.", row, column, value)
            )
        if name in table.levels:
            converted = to_number_series(text)
            numeric_text = converted.map(lambda v: isinstance(v, (int, float))).astype(bool)
            if plain_numbers_are_fine:
                numeric_text &= ~text.str.fullmatch(_PLAIN_NUMBER).astype(bool)
            for row, value in text[numeric_text].items():
                found.setdefault("number-format", []).append(
                    ("숫자가 글자로 저장되어 있거나 단위·쉼표가 붙어 있습니다.", row, column, value)
                )
    for rule, items in found.items():
        for message, row, column, value in items[:MAX_CELLS_PER_RULE]:
            add(rule, message, int(row), column, value)
        if len(items) > MAX_CELLS_PER_RULE:
            add(rule, f"같은 문제가 있는 셀이 {len(items) - MAX_CELLS_PER_RULE:,}개 더 있습니다.")


def score(issues: Iterable[Issue]) -> int:
    """100 minus the weight of every rule broken at least once."""
    broken = {issue.type for issue in issues}
    return max(0, 100 - sum(RULES[rule][0] for rule in broken))
