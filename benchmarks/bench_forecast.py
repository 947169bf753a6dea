"""Forecast accuracy beside seasonal naive, statsmodels ETS AAA and LibreOffice's FORECAST.ETS.

    .venv/bin/python -m benchmarks.bench_forecast [--seed 0] [--small] [--no-libreoffice]
    .venv/bin/python -m benchmarks.bench_forecast --real [--split tune] [--only 지하철]
    .venv/bin/python -m benchmarks.bench_forecast --speed   # CPU seconds per call

``--real`` runs the real published series of the shared corpus first (``benchmarks/
real_series.py``; skipped with a note when the corpus folder is not there), each from three
rolling origins, then the generated ones below.

Every series is generated (seeded, below): Korean traffic counts and 민원 counts with the
public holidays of the holidays library's KR calendar, 설날 and 추석 included. No real data is
shipped. For each series the last ``horizon`` periods are held out; each method forecasts them
from the rest, and the table shows MASE (mean absolute error over the in-sample seasonal-naive
error, seasonal period m) for:

- ours: ``dadeum.engine.forecast.forecast`` (model chosen by its own backtest);
- seasonal naive: the last season repeated;
- ETS AAA: statsmodels ``ETSModel`` with additive error, trend and season (period m), the
  model Microsoft names for Excel's FORECAST.ETS;
- LibreOffice: ``_xlfn.FORECAST.ETS(targets, values, timeline, m)`` written by openpyxl into a
  real spreadsheet, recalculated by ``soffice --headless --convert-to xlsx`` with a profile that
  always recalculates, read back with openpyxl (skipped when soffice is not installed).

Coverage columns give the share of held-out values inside each method's 95% interval
(LibreOffice's from FORECAST.ETS.CONFINT). The issue's target: ours at least 15% lower MASE
than FORECAST.ETS on average, and never worse than seasonal naive by more than 5% on a series.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

LEVEL = 0.95
_Z95 = 1.959963984540054


@dataclass
class Case:
    """One benchmark series: history plus held-out tail, and how to forecast it."""

    name: str
    series: pd.Series  # DatetimeIndex, the whole series (history + held-out tail)
    horizon: int
    season: int  # the one seasonal period given to seasonal naive, ETS and LibreOffice
    kind: str  # "traffic" | "complaints"
    description: str
    source: str = "bench"  # "bench": generated here; "samples": dadeum.samples.series

    @property
    def key(self) -> str:
        return f"{self.source}:{self.name}"

    @property
    def train(self) -> pd.Series:
        return self.series.iloc[: -self.horizon]

    @property
    def test(self) -> pd.Series:
        return self.series.iloc[-self.horizon :]


# --- seeded generators --------------------------------------------------------------------


def _holidays(start, end) -> dict[pd.Timestamp, str]:
    import holidays

    years = range(pd.Timestamp(start).year, pd.Timestamp(end).year + 1)
    return {pd.Timestamp(day): name for day, name in holidays.KR(years=years).items()}


def _day_features(days: pd.DatetimeIndex) -> pd.DataFrame:
    """Per day: public holiday, 명절 (설날/추석 three days and their substitutes), working day,
    and the first working day after a break of three or more days off."""
    table = _holidays(days.min() - pd.Timedelta(days=10), days.max() + pd.Timedelta(days=10))
    names = pd.Series([table.get(day, "") for day in days], index=days)
    holiday = names != ""
    myeongjeol = names.str.contains("Korean New Year|Chuseok", regex=True)
    weekend = pd.Series(days.day_of_week >= 5, index=days)
    working = ~(holiday | weekend)
    off_run = (~working).astype(int)
    run = off_run.groupby((off_run != off_run.shift()).cumsum()).cumsum()
    after_break = working & (run.shift(1, fill_value=0) >= 3)
    return pd.DataFrame(
        {"holiday": holiday, "myeongjeol": myeongjeol, "working": working,
         "after_break": after_break, "weekday": days.day_of_week},
        index=days,
    )  # fmt: skip


def daily_traffic(rng, start="2021-10-01", end="2024-09-30") -> pd.Series:
    """Vehicles per day at an urban counter: weekly cycle, summer high, slow growth; 설날 and
    추석 collapse to about half, other holidays about 80%; 4% noise and a few sensor dropouts."""
    days = pd.date_range(start, end, freq="D")
    f = _day_features(days)
    t = np.arange(len(days))
    week = np.array([1.02, 1.0, 1.0, 1.01, 1.06, 0.88, 0.74])[f["weekday"]]
    year = 1 + 0.06 * np.sin(2 * np.pi * (days.day_of_year - 100) / 365.25)
    level = 24000 * (1 + 0.03 * t / 365.25) * week * year
    level = np.where(f["myeongjeol"], level * 0.52, np.where(f["holiday"], level * 0.8, level))
    values = level * np.exp(rng.normal(0, 0.04, len(days)))
    dropouts = rng.random(len(days)) < 0.004
    values[dropouts] *= rng.uniform(0.2, 0.6, dropouts.sum())
    return pd.Series(np.round(values), index=days)


def hourly_traffic(rng, start="2023-09-21", end="2024-09-20 23:00") -> pd.Series:
    """Vehicles per hour: two rush-hour peaks on working days, one midday hump on days off,
    weekly cycle, and 설날/추석 days like a quiet Sunday."""
    hours = pd.date_range(start, end, freq="h")
    days = hours.normalize()
    f = _day_features(pd.date_range(days.min(), days.max(), freq="D")).reindex(days)
    h = hours.hour.to_numpy()
    work = np.exp(-((h - 8) ** 2) / 3) * 1.0 + np.exp(-((h - 18) ** 2) / 4) * 0.9 + 0.25
    work += 0.35 * ((h >= 10) & (h <= 16))
    off = 0.9 * np.exp(-((h - 14) ** 2) / 18) + 0.12
    shape = np.where(f["working"].to_numpy(), work, off)
    scale = np.where(f["myeongjeol"].to_numpy(), 0.7, 1.0)
    scale = scale * np.where(f["weekday"].to_numpy() == 5, 1.05, 1.0)
    night = 0.08 + 0.0 * h
    values = 1500 * np.maximum(shape, night) * scale * np.exp(rng.normal(0, 0.06, len(hours)))
    return pd.Series(np.round(values), index=hours)


def _complaint_rate(days: pd.DatetimeIndex, base: float, weekend: float) -> np.ndarray:
    f = _day_features(days)
    week = np.array([1.3, 1.05, 1.0, 0.95, 0.85, 1.0, 1.0])[f["weekday"]]
    t = np.arange(len(days))
    rate = np.where(f["working"], base * week, weekend) * (1 + 0.05 * t / 365.25)
    rate = np.where(f["after_break"], rate * 1.6, rate)
    rate *= 1 + 0.1 * np.sin(2 * np.pi * (days.day_of_year - 30) / 365.25)
    return rate


def _counts(rng, rate: np.ndarray, dispersion: float = 20.0) -> np.ndarray:
    """Negative binomial counts with mean ``rate`` (gamma-Poisson, shape ``dispersion``)."""
    return rng.poisson(rng.gamma(dispersion, np.asarray(rate) / dispersion)).astype(float)


def daily_complaints(rng, start="2022-10-16", end="2024-10-15") -> pd.Series:
    """민원 per day: working days only (a few online ones at weekends and on holidays), a
    Monday peak, and a surge on the first working day after 설날, 추석 and long weekends."""
    days = pd.date_range(start, end, freq="D")
    return pd.Series(_counts(rng, _complaint_rate(days, 42, 2.5)), index=days)


def weekly_complaints(rng, start="2020-10-05", end="2024-09-29") -> pd.Series:
    """민원 per week (Monday-start weeks, summed days): weeks with 설날 or 추석 are low, the
    week after them high."""
    days = pd.date_range(start, end, freq="D")
    daily = pd.Series(_counts(rng, _complaint_rate(days, 38, 2.0)), index=days)
    return daily.resample("W-SUN").sum()  # whole weeks: the dates run Monday to Sunday


def monthly_complaints(rng, start="2016-10-01", end="2024-09-30") -> pd.Series:
    """민원 per month: about 850 a month, following the number of working days (so January or
    February with 설날 and September or October with 추석 dip), yearly cycle, slow growth."""
    days = pd.date_range(start, end, freq="D")
    daily = pd.Series(_counts(rng, _complaint_rate(days, 40, 2.0), 8.0), index=days)
    return daily.resample("MS").sum()


def intermittent_complaints(rng, start="2022-10-16", end="2024-10-15") -> pd.Series:
    """A rare 민원 type per day: about one every four working days, almost never at weekends."""
    days = pd.date_range(start, end, freq="D")
    return pd.Series(_counts(rng, _complaint_rate(days, 0.25, 0.01), 2.0), index=days)


def bench_cases(seed: int = 0) -> list[Case]:
    """The series generated in this file, independently of the engine's own samples."""
    rng = np.random.default_rng(seed)
    return [
        Case("일별 교통량 (설날·추석)", daily_traffic(rng), 28, 7, "traffic",
             "3년, 보류 구간에 추석"),
        Case("시간별 교통량", hourly_traffic(rng), 168, 24, "traffic",
             "1년, 보류 구간에 추석"),
        Case("일별 민원", daily_complaints(rng), 28, 7, "complaints",
             "2년, 추석 뒤 급증 포함"),
        Case("주별 민원", weekly_complaints(rng), 13, 52, "complaints", "4년"),
        Case("월별 민원", monthly_complaints(rng), 12, 12, "complaints", "8년"),
        Case("간헐적 민원 (일별)", intermittent_complaints(rng), 28, 7, "complaints",
             "2년, 0이 많음"),
    ]  # fmt: skip


def sample_cases(seed: int = 0) -> list[Case]:
    """The engine's seeded generators (``dadeum.samples.series``), which its tests use too.
    The end dates put 추석 2024 (or the days after it) inside the held-out periods."""
    from dadeum.samples import series as samples

    def case(name, data, horizon, season, kind):
        return Case(name, data, horizon, season, kind, "dadeum.samples.series", "samples")

    return [
        case("일별 교통량", samples.daily_traffic("2021-10-01", 1096, seed), 28, 7, "traffic"),
        case("시간별 교통량", samples.hourly_traffic("2023-09-21", 366, seed), 168, 24,
             "traffic"),
        case("일별 민원", samples.daily_complaints("2022-10-16", 731, seed), 28, 7,
             "complaints"),
        case("주별 교통량", samples.weekly_traffic("2021-10-04", 156, seed), 13, 52, "traffic"),
        case("월별 민원", samples.monthly_complaints("2018-10-01", 72, seed), 12, 12,
             "complaints"),
        case("드문 민원 (일별)", samples.sparse_complaints("2022-10-16", 731, seed), 28, 7,
             "complaints"),
    ]  # fmt: skip


SETS = ("bench", "samples", "both")


def cases(seed: int = 0, *, small: bool = False, which: str = "both") -> list[Case]:
    """The benchmark series, seeded. ``small`` trims each to a short history for quick tests."""
    made = bench_cases(seed) if which in ("bench", "both") else []
    if which in ("samples", "both"):
        try:
            made += sample_cases(seed)
        except ImportError:  # the engine's generators are not there: this file's alone
            pass
    if small:  # (points kept, horizon) by season length
        trims = {7: (160, 14), 24: (24 * 28, 48), 52: (120, 13), 12: (40, 6)}
        for case in made:
            keep, case.horizon = trims[case.season]
            case.series = case.series.iloc[-keep:]
    return made


# --- methods ------------------------------------------------------------------------------


@dataclass
class Outcome:
    mean: np.ndarray | None = None
    lower: np.ndarray | None = None
    upper: np.ndarray | None = None
    seconds: float = math.nan
    note: str = ""
    extra: dict = field(default_factory=dict)


def seasonal_naive(case: Case) -> Outcome:
    y = case.train.to_numpy(float)
    m, h = case.season, case.horizon
    start = time.perf_counter()
    last = y[-m:]
    mean = np.array([last[k % m] for k in range(h)])
    residuals = y[m:] - y[:-m]
    sigma = float(np.std(residuals, ddof=1))
    steps = np.arange(h) // m + 1
    spread = _Z95 * sigma * np.sqrt(steps)
    return Outcome(mean, mean - spread, mean + spread, time.perf_counter() - start)


def statsmodels_ets(case: Case) -> Outcome:
    """ETS(A,A,A), the additive model Excel's FORECAST.ETS uses, by maximum likelihood."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    y = pd.Series(case.train.to_numpy(float))  # a plain index: predictions by position
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ETSModel(y, error="add", trend="add", seasonal="add",
                         seasonal_periods=case.season)  # fmt: skip
        fitted = model.fit(disp=False)
        frame = fitted.get_prediction(len(y), len(y) + case.horizon - 1).summary_frame(
            alpha=1 - LEVEL
        )
    return Outcome(
        frame["mean"].to_numpy(), frame["pi_lower"].to_numpy(), frame["pi_upper"].to_numpy(),
        time.perf_counter() - start,
    )  # fmt: skip


def ours(case: Case) -> Outcome:
    from dadeum.engine.forecast import forecast

    start = time.perf_counter()
    result = forecast(case.train.index, case.train.to_numpy(), case.horizon, kind=case.kind,
                      level=LEVEL)  # fmt: skip
    seconds = time.perf_counter() - start
    table = result.table
    return Outcome(
        table["예측"].to_numpy(float), table["하한"].to_numpy(float),
        table["상한"].to_numpy(float), seconds,
        extra={"chosen": result.chosen, "dates": pd.DatetimeIndex(table["날짜"])},
    )  # fmt: skip


# --- LibreOffice ---------------------------------------------------------------------------

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_ets_workbook(path: Path, items: list[Case]) -> None:
    """One sheet per series: A timeline 1..n, B values, D targets n+1..n+h, E the forecasts
    and F the 95% half-widths, as array formulas over the targets (one fit per series)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.formula import ArrayFormula

    book = Workbook()
    book.remove(book.active)
    for number, case in enumerate(items, start=1):
        sheet = book.create_sheet(f"s{number}")
        y = case.train.to_numpy(float)
        n, h, m = len(y), case.horizon, case.season
        sheet.append(["t", "value", None, "target", "FORECAST.ETS", "CONFINT"])
        for i, value in enumerate(y, start=1):
            sheet.cell(i + 1, 1, i)
            sheet.cell(i + 1, 2, float(value))
        for k in range(h):
            sheet.cell(k + 2, 4, n + k + 1)
        values, timeline, targets = f"$B$2:$B${n + 1}", f"$A$2:$A${n + 1}", f"D2:D{h + 1}"
        sheet["E2"] = ArrayFormula(
            f"E2:E{h + 1}", f"=_xlfn.FORECAST.ETS({targets},{values},{timeline},{m})"
        )
        sheet["F2"] = ArrayFormula(
            f"F2:F{h + 1}",
            f"=_xlfn.FORECAST.ETS.CONFINT({targets},{values},{timeline},{LEVEL},{m})",
        )
    book.save(path)


def recalculate(path: Path, folder: Path, soffice: str, timeout: int = 900) -> Path:
    """Recalculate an .xlsx headlessly; returns the converted file. The private profile makes
    LibreOffice always recalculate on load (OOXMLRecalcMode=0) and keeps the user's alone."""
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
    out = folder / "out"
    out.mkdir(exist_ok=True)
    command = [
        soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--calc",
        "--convert-to", "xlsx", "--outdir", str(out), str(path),
    ]  # fmt: skip
    env = {**os.environ, "HOME": str(folder)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    converted = out / path.name
    if done.returncode != 0 or not converted.is_file():
        raise RuntimeError(f"soffice failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return converted


def libreoffice_ets(items: list[Case], soffice: str) -> tuple[dict[str, Outcome], float]:
    """FORECAST.ETS and FORECAST.ETS.CONFINT for every case from one recalculated workbook."""
    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory(prefix="dadeum-lo-") as temporary:
        folder = Path(temporary)
        source = folder / "forecast_ets.xlsx"
        write_ets_workbook(source, items)
        start = time.perf_counter()
        converted = recalculate(source, folder, soffice)
        seconds = time.perf_counter() - start
        book = load_workbook(converted, data_only=True, read_only=True)
        outcomes = {}
        for number, case in enumerate(items, start=1):
            rows = list(
                book[f"s{number}"].iter_rows(
                    min_row=2, max_row=case.horizon + 1, min_col=5, max_col=6, values_only=True
                )
            )
            mean = np.array([_number(a) for a, _ in rows])
            half = np.array([_number(b) for _, b in rows])
            errors = sorted({str(v) for row in rows for v in row if not _is_number(v)})
            note = f"the spreadsheet returned {', '.join(errors)}" if errors else ""
            outcomes[case.key] = Outcome(mean, mean - half, mean + half, note=note)
        book.close()
    return outcomes, seconds


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value) -> float:
    return float(value) if _is_number(value) else math.nan


# --- scoring --------------------------------------------------------------------------------


def mase(case: Case, mean: np.ndarray | None) -> float:
    if mean is None or not np.isfinite(mean).all():
        return math.nan
    y, m = case.train.to_numpy(float), case.season
    scale = np.mean(np.abs(y[m:] - y[:-m]))
    return float(np.mean(np.abs(case.test.to_numpy(float) - mean)) / scale)


def coverage(case: Case, outcome: Outcome) -> float:
    if outcome.lower is None or not np.isfinite(outcome.lower).all():
        return math.nan
    actual = case.test.to_numpy(float)
    return float(np.mean((actual >= outcome.lower) & (actual <= outcome.upper)))


def run(
    seed: int = 0,
    *,
    small: bool = False,
    libreoffice: bool = True,
    which: str = "both",
    out=sys.stdout,
):
    """Run every method on every case and print the tables; returns the rows as a DataFrame."""
    items = cases(seed, small=small, which=which)
    methods = {"ours": ours, "snaive": seasonal_naive, "ets": statsmodels_ets}
    results: dict[str, dict[str, Outcome]] = {name: {} for name in methods}
    for case in items:
        for name, method in methods.items():
            try:
                results[name][case.key] = method(case)
            except Exception as error:  # a failed method is a finding, not a crash
                results[name][case.key] = Outcome(note=f"{type(error).__name__}: {error}")
    soffice = soffice_path() if libreoffice else None
    lo_note, lo_seconds = "", math.nan
    if soffice:
        try:
            results["lo"], lo_seconds = libreoffice_ets(items, soffice)
        except Exception as error:
            lo_note = f"LibreOffice failed: {error}"
    elif libreoffice:
        lo_note = "LibreOffice column skipped: soffice not found (libreoffice-calc-nogui)"
    else:
        lo_note = "LibreOffice column skipped (--no-libreoffice)"

    rows = []
    for case in items:
        row = {
            "set": case.source,
            "series": case.name,
            "n": len(case.train),
            "h": case.horizon,
            "m": case.season,
        }
        for name in ("ours", "snaive", "ets", "lo"):
            outcome = results.get(name, {}).get(case.key)
            row[f"mase_{name}"] = mase(case, outcome.mean) if outcome else math.nan
            row[f"cov_{name}"] = coverage(case, outcome) if outcome else math.nan
            if outcome and outcome.note:
                row.setdefault("notes", []).append(f"{name}: {outcome.note}")
        ours_outcome = results["ours"][case.key]
        row["chosen"] = ours_outcome.extra.get("chosen", "")
        row["sec_ours"] = ours_outcome.seconds
        rows.append(row)
    frame = pd.DataFrame(rows)
    _print(frame, lo_note, lo_seconds, seed, small, out)
    return frame


COLUMNS = (  # (title, width, field, pattern)
    ("n", 6, "n", "{:,}"),
    ("h", 5, "h", "{}"),
    ("m", 4, "m", "{}"),
    ("ours", 8, "mase_ours", "{:.3f}"),
    ("snaive", 8, "mase_snaive", "{:.3f}"),
    ("ETS AAA", 9, "mase_ets", "{:.3f}"),
    ("LO ETS", 8, "mase_lo", "{:.3f}"),
    ("cov ours", 10, "cov_ours", "{:.0%}"),
    ("snaive", 7, "cov_snaive", "{:.0%}"),
    ("ETS", 6, "cov_ets", "{:.0%}"),
    ("LO", 6, "cov_lo", "{:.0%}"),
    ("sec", 7, "sec_ours", "{:.2f}"),
)
NAME_WIDTH = 24


def _print(frame: pd.DataFrame, lo_note: str, lo_seconds: float, seed, small, out) -> None:
    def p(text=""):
        print(text, file=out)

    sizes = ", small sizes" if small else ""
    p(f"Forecast benchmark: {len(frame)} generated series, seed {seed}{sizes}")
    p("MASE (lower is better) and 95% interval coverage on the held-out last h periods")
    p(
        f"{'set':<8}"
        + _pad("series", NAME_WIDTH)
        + "".join(f"{t:>{w}}" for t, w, _, _ in COLUMNS)
        + "  chosen"
    )
    for row in frame.to_dict("records"):
        cells = "".join(f"{_fmt(row[f], pattern):>{w}}" for _, w, f, pattern in COLUMNS)
        p(f"{row['set']:<8}" + _pad(row["series"], NAME_WIDTH) + cells + f"  {row['chosen']}")
    p()
    for reference, label in (("ets", "statsmodels ETS AAA"), ("lo", "LibreOffice FORECAST.ETS")):
        ratio = frame["mase_ours"] / frame[f"mase_{reference}"]
        if ratio.notna().any():
            both = ratio.notna()
            pooled = frame["mase_ours"][both].mean() / frame[f"mase_{reference}"][both].mean()
            p(
                f"mean MASE ratio ours/{label}: {ratio.mean():.3f} over {int(both.sum())} "
                f"series (ratio of mean MASE {pooled:.3f}; target <= 0.85)"
            )
    vs_naive = frame["mase_ours"] / frame["mase_snaive"]
    if vs_naive.notna().any():
        worst = vs_naive.idxmax()
        p(
            f"worst ours/seasonal naive: {vs_naive[worst]:.3f} on {frame.series[worst]} "
            f"({frame.set[worst]}; target <= 1.05 on every series)"
        )
    if np.isfinite(lo_seconds):
        p(f"LibreOffice recalculation: {lo_seconds:.1f} s for all series (one soffice call)")
    if lo_note:
        p(lo_note)
    for row in frame.to_dict("records"):
        if isinstance(row.get("notes"), list):
            p(f"note, {row['set']} {row['series']}: " + "; ".join(row["notes"]))


def _fmt(value, pattern: str) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "n/a"
    return pattern.format(value)


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - _width(text))


def _width(text: str) -> int:
    """Display width: Hangul and other wide characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# --- real series ----------------------------------------------------------------------------


def real_cases(split: str = "all", only: str = "") -> list[Case]:
    """One case per real series and rolling origin (see ``benchmarks/real_series.py``)."""
    from benchmarks.real_series import origins, real_series

    made = []
    for item in real_series():
        if split != "all" and item.split != split:
            continue
        if only and only not in item.name:
            continue
        n = len(item.series)
        least = max(2 * item.season, 3 * item.horizon if item.season == 12 else 2 * item.horizon)
        for end in origins(n, item.horizon, 3, least=least):
            case = Case(item.name, item.series.iloc[: end + item.horizon], item.horizon,
                        item.season, item.kind, item.description, "real")  # fmt: skip
            case.split = item.split  # type: ignore[attr-defined]
            case.name = f"{item.name} @{item.series.index[end - 1]:%Y-%m-%d}"
            case.series_name = item.name  # type: ignore[attr-defined]
            made.append(case)
    return made


def _lo_cached(items: list[Case], soffice: str, cache: Path) -> tuple[dict[str, Outcome], float]:
    """LibreOffice's FORECAST.ETS is deterministic in its mean: keep the means (and the
    half-widths of one run) per case, so iterating on the engine does not re-run soffice."""
    import json

    stored = json.loads(cache.read_text()) if cache.is_file() else {}

    def key(case):
        return f"{case.key}|{len(case.train)}|{case.horizon}|{float(case.train.sum()):.6g}"

    missing = [case for case in items if key(case) not in stored]
    seconds = math.nan
    if missing:
        fresh, seconds = libreoffice_ets(missing, soffice)
        for case in missing:
            outcome = fresh[case.key]
            stored[key(case)] = {
                "mean": [None if not np.isfinite(v) else float(v) for v in outcome.mean],
                "half": [None if not np.isfinite(v) else float(v)
                         for v in (outcome.upper - outcome.mean)],
                "note": outcome.note,
            }  # fmt: skip
        cache.write_text(json.dumps(stored))
    outcomes = {}
    for case in items:
        entry = stored[key(case)]
        mean = np.array([math.nan if v is None else v for v in entry["mean"]])
        half = np.array([math.nan if v is None else v for v in entry["half"]])
        outcomes[case.key] = Outcome(mean, mean - half, mean + half, note=entry["note"])
    return outcomes, seconds


def run_real(*, libreoffice: bool = True, split: str = "all", only: str = "",
             lo_cache: Path | None = None, out=sys.stdout) -> pd.DataFrame | None:  # fmt: skip
    """The real series: per case MASE of every method, then per series (mean over its
    origins), the geometric-mean ratio to FORECAST.ETS, and the date check."""
    items = real_cases(split, only)

    def p(text=""):
        print(text, file=out, flush=True)

    if not items:
        p("Real series skipped: the corpus folder is not there (DADEUM_CORPUS).")
        return None
    methods = {"ours": ours, "snaive": seasonal_naive, "ets": statsmodels_ets}
    results: dict[str, dict[str, Outcome]] = {name: {} for name in methods}
    dates_ok: dict[str, bool] = {}
    for case in items:
        for name, method in methods.items():
            try:
                results[name][case.key] = method(case)
            except Exception as error:
                results[name][case.key] = Outcome(note=f"{type(error).__name__}: {error}")
        got = results["ours"][case.key].extra.get("dates")
        dates_ok[case.key] = got is not None and list(got) == list(case.test.index)
    soffice = soffice_path() if libreoffice else None
    lo_note = ""
    if soffice:
        try:
            cache = lo_cache or Path(tempfile.gettempdir()) / "dadeum-bench-lo-cache.json"
            results["lo"], _ = _lo_cached(items, soffice, cache)
        except Exception as error:
            lo_note = f"LibreOffice failed: {error}"
    else:
        lo_note = "LibreOffice column skipped"
    rows = []
    for case in items:
        row = {"split": case.split, "series": case.series_name, "case": case.name,
               "n": len(case.train), "h": case.horizon, "m": case.season}  # fmt: skip
        for name in ("ours", "snaive", "ets", "lo"):
            outcome = results.get(name, {}).get(case.key)
            row[f"mase_{name}"] = mase(case, outcome.mean) if outcome else math.nan
            row[f"hits_{name}"] = coverage(case, outcome) * case.horizon if outcome else math.nan
            if outcome and outcome.note:
                row.setdefault("notes", []).append(f"{name}: {outcome.note}")
        row["chosen"] = results["ours"][case.key].extra.get("chosen", "")
        row["sec_ours"] = results["ours"][case.key].seconds
        row["dates_ok"] = dates_ok[case.key]
        rows.append(row)
    frame = pd.DataFrame(rows)
    by_series = frame.groupby(["split", "series"], sort=False).agg(
        n=("n", "max"), h=("h", "first"), m=("m", "first"), ours=("mase_ours", "mean"),
        snaive=("mase_snaive", "mean"), ets=("mase_ets", "mean"), lo=("mase_lo", "mean"),
        hits=("hits_ours", "sum"), hits_lo=("hits_lo", "sum"), total=("h", "sum"),
        sec=("sec_ours", "mean"), dates=("dates_ok", "all"),
        chosen=("chosen", lambda c: ",".join(sorted(set(c)))),
    ).reset_index()  # fmt: skip
    p(f"Real series: {len(by_series)} series × up to 3 rolling origins ({len(frame)} cases)")
    p("MASE (mean over origins), 95% coverage, seconds per call, next dates right")
    head = (f"{'split':<9}" + _pad("series", 34) + f"{'n':>6}{'h':>5}{'m':>4}{'ours':>8}"
            f"{'snaive':>8}{'ETS AAA':>9}{'LO ETS':>8}{'/LO':>7}{'/snaive':>8}{'cov':>6}"
            f"{'cov LO':>7}{'sec':>7}{'dates':>6}  chosen")  # fmt: skip
    p(head)
    for row in by_series.to_dict("records"):
        p(f"{row['split']:<9}" + _pad(row["series"], 34) + f"{row['n']:>6,}{row['h']:>5}"
          f"{row['m']:>4}{_fmt(row['ours'], '{:.3f}'):>8}{_fmt(row['snaive'], '{:.3f}'):>8}"
          f"{_fmt(row['ets'], '{:.3f}'):>9}{_fmt(row['lo'], '{:.3f}'):>8}"
          f"{_fmt(row['ours'] / row['lo'], '{:.2f}'):>7}"
          f"{_fmt(row['ours'] / row['snaive'], '{:.2f}'):>8}"
          f"{_fmt(row['hits'] / row['total'], '{:.0%}'):>6}"
          f"{_fmt(row['hits_lo'] / row['total'], '{:.0%}'):>7}"
          f"{row['sec']:>7.2f}{'yes' if row['dates'] else 'NO':>6}  {row['chosen']}")  # fmt: skip
    p()
    for name, part in (("all", by_series), *by_series.groupby("split", sort=False)):
        ratio = part["ours"] / part["lo"]
        ratio = ratio[np.isfinite(ratio) & (ratio > 0)]
        naive = part["ours"] / part["snaive"]
        cover = part["hits"].sum() / part["total"].sum()
        p(f"[{name}] geometric-mean MASE ratio ours/LibreOffice FORECAST.ETS: "
          f"{float(np.exp(np.log(ratio).mean())):.3f} over {len(ratio)} series (target <= 0.85); "
          f"worst ours/seasonal naive {naive.max():.2f} on {part.series[naive.idxmax()]} "
          f"(target <= 1.05); 95% coverage {cover:.1%} (target 90-98%); "
          f"next dates right on {int(part.dates.sum())}/{len(part)} series")  # fmt: skip
    p(f"seconds per call: median {frame.sec_ours.median():.2f}, max {frame.sec_ours.max():.2f}")
    if lo_note:
        p(lo_note)
    for row in frame.to_dict("records"):
        if isinstance(row.get("notes"), list):
            p(f"note, {row['case']}: " + "; ".join(row["notes"]))
    return frame


# --- speed ---------------------------------------------------------------------------------

SPEED_TARGETS = {"3년 일별": 2.0, "1년 시간별": 10.0, "1년 근무시간": 10.0}


def speed_cases(seed: int = 0) -> list[tuple[str, pd.Series, int]]:
    """Three years of daily traffic, one year of hourly traffic and one year of office hours
    (the hourly series cut to 09–18 on Korean working days), with their default horizons."""
    rng = np.random.default_rng(seed)
    daily = daily_traffic(rng)
    hourly = hourly_traffic(rng)
    days = pd.DatetimeIndex(hourly.index.normalize())
    open_day = ~days.isin(list(_holidays(days.min(), days.max()))) & (days.day_of_week < 5)
    office = hourly[open_day & (hourly.index.hour >= 9) & (hourly.index.hour < 18)]
    return [("3년 일별", daily, 28), ("1년 시간별", hourly, 168), ("1년 근무시간", office, 45)]


def run_speed(*, repeat: int = 2, out=sys.stdout) -> list[dict]:
    """CPU and wall seconds per ``forecast`` call, as a cell function makes it; the first call
    of the process also pays for the imports."""
    from dadeum.engine.forecast import forecast

    rows = []
    for name, series, horizon in speed_cases():
        for attempt in range(1, repeat + 1):
            cpu, wall = time.process_time(), time.perf_counter()
            result = forecast(list(series.index), series.tolist(), horizon)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            rows.append({"series": name, "n": len(series), "call": attempt, "cpu": cpu,
                         "wall": wall, "freq": result.freq})  # fmt: skip
            target = SPEED_TARGETS[name]
            print(f"{name:<10} n={len(series):>6,} h={horizon:>4} freq={result.freq:<3} "
                  f"call {attempt}: CPU {cpu:6.2f} s, wall {wall:6.2f} s "
                  f"(target CPU < {target:g} s: {'yes' if cpu < target else 'NO'})",
                  file=out, flush=True)  # fmt: skip
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--small", action="store_true", help="short series, for a quick check")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice column")
    parser.add_argument(
        "--set", choices=SETS, default="both",
        help="bench: the series generated in this file; samples: dadeum.samples.series",
    )  # fmt: skip
    parser.add_argument(
        "--real",
        action="store_true",
        help="the real series of the corpus first (skipped when not there)",
    )
    parser.add_argument("--real-only", action="store_true", help="only the real series")
    parser.add_argument(
        "--speed",
        action="store_true",
        help="CPU seconds per call: 3 years daily, 1 year hourly and office hours",
    )
    parser.add_argument("--split", choices=("all", "tune", "held-out"), default="all")
    parser.add_argument("--only", default="", help="real series whose name contains this")
    args = parser.parse_args(argv)
    if args.speed:
        run_speed()
        return 0
    if args.real or args.real_only:
        run_real(libreoffice=not args.no_libreoffice, split=args.split, only=args.only)
        if args.real_only:
            return 0
        print()
    run(args.seed, small=args.small, libreoffice=not args.no_libreoffice, which=args.set)
    return 0


if __name__ == "__main__":
    sys.exit(main())
