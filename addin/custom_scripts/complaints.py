"""Ribbon script of the 예측 group: 민원 분석 (the source never changes).

From a selected 민원 list (a header row, a text column, and optionally 접수일 and a 분류 or
담당부서 column, found by their contents) it writes a new sheet "<source>_민원분석": a
summary, counts per month by category with a chart, top and rising keywords, repeat
complaint groups with masked examples, and, with categories, a time-ordered backtest of
how well a model learnt from them routes later 민원.
"""

import pandas as pd
import xlwings as xw

from custom_scripts._book import add_result_sheet, source_range
from dadeum.errors import DadeumError

__all__ = ["complaint_analysis"]

GAP = 2  # empty rows between sections


def _values(frame: pd.DataFrame) -> list[list]:
    values = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
    rows = [
        [v.to_pydatetime() if isinstance(v, pd.Timestamp) else v for v in row] for row in values
    ]
    return [[str(c) for c in frame.columns], *rows]


@xw.script
def complaint_analysis(book: xw.Book):
    """선택한 민원 목록(머리글 한 줄, 민원 내용 열과 있으면 접수일·분류 열)을 분석해, 월별
    분류별 건수와 그래프, 많이 나온 키워드와 늘어난 키워드, 반복 민원 묶음, 분류 예측 정확도를
    새 시트에 씁니다."""
    from dadeum.reports.complaints import complaint_report, counts_figure, find_columns

    try:
        source = source_range(book)
        rows = [list(row) for row in source.options(ndim=2).value]
        header, body = rows[0], [r for r in rows[1:] if any(v not in (None, "") for v in r)]
        text_at, date_at, label_at = find_columns(header, body)

        def column(at):
            return None if at is None else [row[at] for row in body]

        def name(at):
            return None if at is None else str(header[at] or f"{at + 1}번째 열")

        report = complaint_report(
            column(text_at), column(date_at), column(label_at),
            names=(name(text_at), name(date_at), name(label_at)),
        )  # fmt: skip
    except DadeumError as error:
        raise xw.XlwingsError(str(error)) from error

    sheet = add_result_sheet(book, f"{source.sheet.name}_민원분석")
    sheet["A1"].value = [["민원 분석"], *[[line] for line in report.lines]]
    row = len(report.lines) + 1 + GAP
    sections = [
        ("월별 분류별 건수", report.monthly),
        ("많이 나온 키워드 (민원 건수)", report.keywords),
        ("늘어난 키워드 (이번 달, 그 전 달과 견줌)", report.rising),
        ("반복 민원 묶음", report.repeats),
        ("분류 예측 정확도 (앞선 민원으로 배워 나중 민원을 맞혀 봄)", report.accuracy),
    ]
    for title, frame in sections:
        if frame is None or frame.empty:
            continue
        sheet.range((row, 1)).value = title
        sheet.range((row + 1, 1)).value = _values(frame)
        if frame is report.monthly:
            figure = counts_figure(frame)
            anchor = sheet.range((row + 1, frame.shape[1] + 2))
            sheet.pictures.add(figure, name="월별 민원 그래프", anchor=anchor,
                               export_options={"dpi": 110})  # fmt: skip
            row += max(len(frame) + 1, 22)
        else:
            row += len(frame) + 1
        row += GAP
    sheet.activate()
