"""The 민원 분석 sheet: what a selected 민원 list says, in tables a report can quote.

Shared by the ribbon button (``custom_scripts.complaints``) and anyone with a 민원 list in
pandas. Given the texts (and, when the list has them, 접수일 and a 분류/담당부서 column) it
builds: counts per month by category, top keywords and keywords rising this month, repeat
complaint groups with masked examples, and, with labels, how well a model learnt from the
earlier 민원 routes the later ones (a time-ordered backtest, per category).

Nothing here shows a raw 민원: examples are masked (privacy engine, then names the analyser
finds), and keywords come from masked text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dadeum.engine.cells import is_blank
from dadeum.errors import InvalidArgumentError

__all__ = ["ComplaintReport", "complaint_report", "counts_figure", "find_columns"]

BACKTEST_TRAIN_SHARE = 0.7
MIN_BACKTEST_ROWS = 30
_TEXT_WORDS = re.compile(r"내용|본문|제목|민원|요지|text", re.I)
_DATE_WORDS = re.compile(r"일자|날짜|접수일|등록일|일시|date", re.I)
_LABEL_WORDS = re.compile(r"부서|분류|유형|담당|카테고리|category|label", re.I)


@dataclass
class ComplaintReport:
    """The tables of a 민원 분석 sheet; a table is empty when the data cannot give it."""

    lines: list[str]
    monthly: pd.DataFrame  # 월 × 분류 counts (or 월, 건수)
    keywords: pd.DataFrame
    rising: pd.DataFrame
    repeats: pd.DataFrame
    accuracy: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def _dates_share(values: list[Any]) -> float:
    from dadeum.engine.dates import to_date_series

    filled = [v for v in values if not is_blank(v)]
    if not filled:
        return 0.0
    converted = to_date_series(pd.Series(filled[:200], dtype=object))
    return float(np.mean([isinstance(v, pd.Timestamp | np.datetime64) or hasattr(v, "year")
                          for v in converted]))  # fmt: skip


def find_columns(header: list[Any], rows: list[list[Any]]) -> tuple[int, int | None, int | None]:
    """(text, date, label) column positions of a 민원 list whose first row is ``header``.

    The text column is the one with the longest texts (a header such as 내용 or 제목 wins
    ties); a date column is one whose cells read as dates; a label column has short texts
    that repeat (a header such as 담당부서 or 분류 helps).
    """
    width = len(header)
    names = ["" if is_blank(h) else str(h) for h in header]
    columns = [[row[j] if j < len(row) else None for row in rows] for j in range(width)]
    lengths = []
    for j, column in enumerate(columns):
        texts = [str(v) for v in column if isinstance(v, str) and v.strip()]
        mean = np.mean([len(t) for t in texts]) if texts else 0.0
        lengths.append(mean * (1.5 if _TEXT_WORDS.search(names[j]) else 1.0))
    if not any(lengths):
        raise InvalidArgumentError(
            "민원 내용 열을 찾지 못했습니다. 민원 내용(글) 열이 있는 표를 선택해 주세요."
        )
    text_at = int(np.argmax(lengths))
    date_at = None
    for j in sorted(range(width), key=lambda j: not _DATE_WORDS.search(names[j])):
        if j != text_at and _dates_share(columns[j]) >= 0.8:
            date_at = j
            break
    label_at = None
    best = 0.0
    for j, column in enumerate(columns):
        if j in (text_at, date_at):
            continue
        texts = [str(v).strip() for v in column if isinstance(v, str) and v.strip()]
        if len(texts) < max(4, len(rows) // 2):
            continue
        distinct = len(set(texts))
        short = np.mean([len(t) for t in texts]) <= 20
        if short and 2 <= distinct <= max(2, len(texts) // 3):
            score = 2.0 if _LABEL_WORDS.search(names[j]) else 1.0
            if score > best:
                label_at, best = j, score
    return text_at, date_at, label_at


def _monthly(dates: list[Any] | None, labels: list[Any] | None) -> pd.DataFrame:
    if dates is None:
        return pd.DataFrame()
    from dadeum.engine.forecast.series import read_dates

    stamps = read_dates(dates)
    months = [None if v is None else pd.Timestamp(v).strftime("%Y-%m") for v in stamps]
    frame = pd.DataFrame({"월": months, "분류": labels if labels is not None else "건수"})
    frame = frame[frame["월"].notna()]
    if frame.empty:
        return pd.DataFrame()
    frame["분류"] = frame["분류"].map(lambda v: "(없음)" if is_blank(v) else str(v).strip())
    table = frame.pivot_table(index="월", columns="분류", aggfunc="size", fill_value=0)
    span = pd.period_range(min(table.index), max(table.index), freq="M").strftime("%Y-%m")
    table = table.reindex(span, fill_value=0)
    order = table.sum().sort_values(ascending=False).index.tolist()
    table = table[order].astype(int)
    if labels is not None:
        table["합계"] = table.sum(axis=1)
    return table.rename_axis(None, axis=1).reset_index(names="월")


def _backtest(texts: list[Any], labels: list[Any], dates: list[Any] | None) -> pd.DataFrame:
    """Learn from the earliest 70% of labelled 민원, predict the rest: accuracy per category."""
    from dadeum.engine.complaints import ComplaintClassifier

    rows = [i for i in range(len(texts)) if not is_blank(texts[i]) and not is_blank(labels[i])]
    if dates is not None:
        from dadeum.engine.forecast.series import read_dates

        stamps = read_dates(dates).tolist()
        rows.sort(key=lambda i: (stamps[i] is None, stamps[i] or pd.Timestamp.min))
    cut = int(len(rows) * BACKTEST_TRAIN_SHARE)
    train, test = rows[:cut], rows[cut:]
    if len(rows) < MIN_BACKTEST_ROWS or len({str(labels[i]).strip() for i in train}) < 2:
        return pd.DataFrame()
    model = ComplaintClassifier().fit([texts[i] for i in train], [labels[i] for i in train])
    predicted = model.predict([texts[i] for i in test])["예측분류"].tolist()
    truth = [str(labels[i]).strip() for i in test]
    frame = pd.DataFrame(
        {"분류": truth, "맞음": [p == t for p, t in zip(predicted, truth, strict=True)]}
    )
    table = frame.groupby("분류")["맞음"].agg(["size", "sum"]).reset_index()
    table.columns = ["분류", "시험 건수", "맞힌 건수"]
    table["정확도"] = (table["맞힌 건수"] / table["시험 건수"]).round(3)
    table = table.sort_values(["시험 건수", "분류"], ascending=[False, True])
    total = pd.DataFrame([{"분류": "전체", "시험 건수": len(test),
                           "맞힌 건수": int(frame["맞음"].sum()),
                           "정확도": round(float(frame["맞음"].mean()), 3)}])  # fmt: skip
    table = pd.concat([table, total], ignore_index=True)
    table.attrs["train"] = len(train)
    return table


def complaint_report(
    texts: list[Any], dates: list[Any] | None = None, labels: list[Any] | None = None, *,
    top_n: int = 15, names: tuple[str, str | None, str | None] = ("민원 내용", None, None),
) -> ComplaintReport:  # fmt: skip
    """All the tables of the 민원 분석 sheet for one 민원 list."""
    from dadeum.engine.complaints.keywords import rising_keywords, top_keywords
    from dadeum.engine.complaints.repeats import masked_examples, repeat_groups

    counted = sum(not is_blank(t) for t in texts)
    if not counted:
        raise InvalidArgumentError("민원 내용이 하나도 없습니다. 민원 내용 열을 확인해 주세요.")
    text_name, date_name, label_name = names
    lines = [f"민원 {counted:,}건을 분석했습니다 (내용 열: {text_name}"
             + (f", 날짜 열: {date_name}" if date_name else "")
             + (f", 분류 열: {label_name}" if label_name else "") + ")."]  # fmt: skip
    keywords = top_keywords(texts, top_n)
    rising = pd.DataFrame()
    if dates is not None:
        rising = rising_keywords(texts, dates, "month", top_n=top_n)
        latest = top_keywords(texts, 1, dates, "month").attrs.get("period")
        lines.append(
            f"늘어난 키워드는 {latest}을 그 전 달과 견주어, 3건 이상이면서 우연으로 보기 어려운 "
            "(이항검정 p<0.05) 것만 골랐습니다."
        )
    per_row, groups = repeat_groups(texts, dates)
    repeats = groups.head(top_n).copy()
    if len(repeats):
        repeats["예시 (개인정보 가림)"] = masked_examples(texts, [r - 1 for r in repeats["첫 행"]])
        repeats["첫 행"] = repeats["첫 행"] + 1  # the sheet's row, below the header
    in_groups = int(per_row["반복그룹"].notna().sum())
    lines.append(
        f"내용이 비슷한(유사도 0.5 이상) 반복 민원 묶음 {len(groups):,}개에 {in_groups:,}건이 "
        "들어 있습니다. 예시는 이름·전화번호 등을 가렸습니다."
    )
    accuracy = pd.DataFrame()
    if labels is not None:
        accuracy = _backtest(texts, labels, dates)
        if len(accuracy):
            overall = accuracy.iloc[-1]
            lines.append(
                f"앞선 {accuracy.attrs['train']:,}건으로 배운 모델이 나중 "
                f"{overall['시험 건수']:,}건 가운데 {overall['정확도']:.0%}의 분류를 맞혔습니다 "
                "(시간 순 백테스트)."
            )
    return ComplaintReport(
        lines=lines, monthly=_monthly(dates, labels), keywords=keywords, rising=rising,
        repeats=repeats, accuracy=accuracy,
    )  # fmt: skip


def counts_figure(monthly: pd.DataFrame, *, title: str = "월별 민원 건수", max_series: int = 8):
    """A stacked bar chart of ``monthly`` (월 × 분류), the smaller categories as 기타."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from dadeum.reports.plots import _rc, korean_font

    table = monthly.set_index("월").drop(columns=["합계"], errors="ignore")
    if table.shape[1] > max_series:
        kept = table.columns[: max_series - 1]
        table = pd.concat(
            [table[kept], table.drop(columns=kept).sum(axis=1).rename("기타")], axis=1
        )
    with _rc(korean_font()):
        figure = Figure(figsize=(8, 4), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        bottom = np.zeros(len(table))
        for name in table.columns:
            axes.bar(table.index, table[name].to_numpy(), bottom=bottom, label=str(name))
            bottom += table[name].to_numpy()
        axes.set_title(title)
        axes.set_ylabel("건수")
        axes.grid(True, axis="y", alpha=0.3)
        axes.tick_params(axis="x", labelrotation=45)
        if table.shape[1] > 1:
            figure.legend(loc="outside right upper", frameon=False)
    return figure
