"""Charts for the forecasts: history, forecast and its interval, with Korean text.

Matplotlib with the Agg canvas only (no window, no pyplot state shared between requests), and
the NanumGothic font that ships inside the koreanize-matplotlib package, registered from its
file: nothing is downloaded and the module is not imported, because importing it changes
matplotlib's global settings (and needs distutils).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "KOREAN_FONT",
    "axis_number",
    "chosen_label",
    "forecast_figure",
    "korean_font",
    "save_figure",
]

KOREAN_FONT = "NanumGothic"
# How much history to draw before the forecast: enough to see the cycles, not three years of
# days squeezed into a few centimetres.
MIN_HISTORY_POINTS = 90
HISTORY_PER_HORIZON = 6

_COLORS = {"history": "#44546a", "forecast": "#c55a11", "interval": "#f4b183"}


@lru_cache(maxsize=1)
def korean_font() -> str:
    """Register NanumGothic with matplotlib and return its family name.

    Raises RuntimeError when koreanize-matplotlib (a dependency) is not installed, rather than
    drawing boxes in place of Korean letters.
    """
    from matplotlib import font_manager

    spec = importlib.util.find_spec("koreanize_matplotlib")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        font = Path(location) / "fonts" / "NanumGothic.ttf"
        if font.is_file():
            font_manager.fontManager.addfont(str(font))
            return font_manager.FontProperties(fname=str(font)).get_name()
    raise RuntimeError(
        "한글 글꼴(NanumGothic)을 찾지 못했습니다: koreanize-matplotlib 패키지를 설치해 주세요."
    )


def _history(result: Any) -> pd.Series:
    history = getattr(result, "history", None)
    history = getattr(history, "series", history)  # a PreparedSeries or the series itself
    if history is None:
        return pd.Series(dtype=float)
    return pd.Series(history, dtype=float)


def chosen_label(result: Any) -> str | None:
    """The chosen model's Korean name from the accuracy table, else ``result.chosen``."""
    accuracy = getattr(result, "accuracy", None)
    if isinstance(accuracy, pd.DataFrame) and {"모델", "선택"} <= set(accuracy.columns):
        picked = accuracy.loc[accuracy["선택"].astype(str).str.strip() != "", "모델"]
        if len(picked):
            return str(picked.iloc[0])
    return getattr(result, "chosen", None)


def _level(result: Any, level: float | None) -> float | None:
    level = level if level is not None else getattr(result, "level", None)
    return float(level) if level is not None else None


def forecast_figure(
    result: Any, *, title: str | None = None, level: float | None = None, unit: str = "값"
):
    """A matplotlib Figure of a forecast: recent history, the forecast and a shaded interval.

    ``result`` is a ``ForecastResult`` (``.history``, ``.table`` with 날짜, 예측, 하한, 상한,
    ``.chosen``). Titles, axis labels and the legend are Korean. The figure is not attached
    to pyplot, so it is safe on a server; save it with ``save_figure`` or hand it to
    ``sheet.pictures.add``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = korean_font()
    table = result.table
    dates = pd.to_datetime(table["날짜"])
    history = _history(result)
    horizon = len(table)
    window = max(MIN_HISTORY_POINTS, HISTORY_PER_HORIZON * horizon)
    shown = history.iloc[-window:] if len(history) > window else history
    level = _level(result, level)

    with _rc(family):
        figure = Figure(figsize=(9, 4.5), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        if len(shown):
            label = "실적" if len(shown) == len(history) else f"실적 (최근 {len(shown):,}개)"
            axes.plot(shown.index, shown.to_numpy(), color=_COLORS["history"], lw=1.2,
                      label=label)  # fmt: skip
        if {"하한", "상한"} <= set(table.columns):
            band = f"{level:.0%} 예측 구간" if level else "예측 구간"
            axes.fill_between(
                dates, table["하한"].astype(float), table["상한"].astype(float),
                color=_COLORS["interval"], alpha=0.45, lw=0, label=band,
            )  # fmt: skip
        forecast = table["예측"].astype(float)
        if len(shown):  # join the forecast line to the last observation
            joined = pd.concat([shown.iloc[-1:], pd.Series(forecast.to_numpy(), index=dates)])
            axes.plot(joined.index, joined.to_numpy(), color=_COLORS["forecast"], lw=1.8,
                      label="예측")  # fmt: skip
        else:
            axes.plot(dates, forecast, color=_COLORS["forecast"], lw=1.8, label="예측")
        if len(dates):
            axes.axvline(dates.iloc[0], color="#a5a5a5", lw=0.8, ls="--")
        chosen = chosen_label(result)
        heading = title or "예측"
        if chosen:
            heading = f"{heading} — 선택한 모형: {chosen}"
        axes.set_title(heading)
        axes.set_xlabel("날짜")
        axes.set_ylabel(unit)
        from matplotlib.ticker import FuncFormatter

        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: axis_number(value)))
        axes.grid(True, alpha=0.3)
        figure.legend(loc="outside lower center", ncols=3, frameon=False)
        figure.autofmt_xdate()
    return figure


def axis_number(value: float) -> str:
    """An axis tick as people read it: 1,200 / 3.5만 / 1.2억, never 1e7."""
    size = abs(value)
    for unit, word in ((1e8, "억"), (1e4, "만")):
        if size >= unit:
            text = f"{value / unit:,.1f}".rstrip("0").rstrip(".")
            return f"{text}{word}"
    if size and size < 10 and not float(value).is_integer():
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def save_figure(figure, path, *, format: str = "png") -> None:
    """Write a figure as PNG (or ``format``), whatever the file is called: atomic writers
    hand over a temporary name ending in .tmp."""
    figure.savefig(path, dpi=120, format=format)


class _rc:
    """matplotlib.rc_context with the Korean font, imported lazily."""

    def __init__(self, family: str):
        import matplotlib

        self._context = matplotlib.rc_context({"font.family": family, "axes.unicode_minus": False})

    def __enter__(self):
        return self._context.__enter__()

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)
