"""Real published count series for the forecast benchmark (``--real``), read from the shared
development corpus when it is there (``DADEUM_CORPUS`` or ``/work/shared/corpus``).

Nothing here is shipped or copied into tests: the corpus is read in place. Each series is
a ``RealSeries`` (values on their real dates, the horizon and season the reference methods
get, the kind Dadeum is called with, and the split it belongs to):

- ``tune``: the series the engine's changes were measured on while they were made;
- ``held-out``: series looked at only to check that a change holds.

Working-day series are made from real daily ones by keeping only the working days (weekdays
that are not Korean public holidays, 대체공휴일 and 임시공휴일 included): the values stay real,
only the closed days are gone, as in a 민원 office's or a call centre's register. The
office-hours series keeps the hourly bike rentals of weekdays 09–18 only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["RealSeries", "corpus_folder", "real_series", "working_days_only"]


@dataclass
class RealSeries:
    name: str
    series: pd.Series  # real dates (gaps allowed for working-day series), float values
    horizon: int
    season: int  # for seasonal naive, ETS and LibreOffice (by position)
    kind: str  # "traffic" | "complaints"
    split: str  # "tune" | "held-out"
    description: str


def corpus_folder() -> Path | None:
    folder = Path(os.environ.get("DADEUM_CORPUS", "/work/shared/corpus")) / "series"
    return folder if folder.is_dir() else None


def working_days_only(series: pd.Series) -> pd.Series:
    """The days of ``series`` that are weekdays and not Korean public holidays."""
    from dadeum.engine.forecast.calendar import korean_calendar

    cal = korean_calendar(series.index, "D")
    return series[cal["working_day"].to_numpy(dtype=bool)]


def _subway(folder: Path) -> pd.DataFrame:
    files = sorted((folder / "seoul_subway_daily_2019").glob("CARD_SUBWAY_MONTH_2019*.csv"))
    frame = pd.concat([pd.read_csv(f, dtype=str) for f in files], ignore_index=True)
    frame["날짜"] = pd.to_datetime(frame["사용일자"], format="%Y%m%d")
    frame["인원"] = frame["승차총승객수"].astype(float) + frame["하차총승객수"].astype(float)
    frame["역"] = frame["노선명"] + " " + frame["역명"]
    return frame


def _station(frame: pd.DataFrame, station: str) -> pd.Series:
    picked = frame[frame["역"] == station]
    return picked.groupby("날짜")["인원"].sum().astype(float)


# (line and station, split, what kind of place)
STATIONS = (
    ("2호선 역삼", "tune", "업무지구"),
    ("4호선 회현(남대문시장)", "tune", "시장"),
    ("2호선 신도림", "tune", "환승·주거"),
    ("2호선 을지로입구", "held-out", "업무지구"),
    ("3호선 가락시장", "held-out", "시장"),
    ("2호선 잠실(송파구청)", "held-out", "환승·주거"),
    ("5호선 여의도", "held-out", "업무지구"),
)
WORKING_DAY_STATIONS = (("2호선 역삼", "tune"), ("2호선 을지로입구", "held-out"),
                        ("3호선 가락시장", "held-out"))  # fmt: skip


def real_series(folder: Path | None = None) -> list[RealSeries]:
    """Every real series of the corpus (an empty list without the corpus)."""
    folder = folder or corpus_folder()
    if folder is None:
        return []
    out: list[RealSeries] = []
    subway = _subway(folder)
    for station, split, place in STATIONS:
        out.append(RealSeries(f"지하철 {station}", _station(subway, station), 28, 7, "traffic",
                              split, f"일별 승하차 2019, {place}"))  # fmt: skip
    total = subway.groupby("날짜")["인원"].sum().astype(float)
    out.append(RealSeries("지하철 전체", total, 28, 7, "traffic", "tune", "일별 승하차 2019"))
    for station, split in WORKING_DAY_STATIONS:
        days = working_days_only(_station(subway, station))
        out.append(RealSeries(f"근무일만 {station}", days, 20, 5, "traffic", split,
                              "위 역의 평일(공휴일 제외)만"))  # fmt: skip
    bikes = folder / "_non_korean" / "uci_bike_sharing_washington"
    day = pd.read_csv(bikes / "day.csv", parse_dates=["dteday"]).set_index("dteday")["cnt"]
    day = day.astype(float)
    out.append(RealSeries("자전거 대여 일별 (워싱턴)", day, 28, 7, "traffic", "tune",
                          "2011-2012, 미국 공휴일"))  # fmt: skip
    out.append(RealSeries("근무일만 자전거 대여", working_days_only(day), 20, 5, "traffic",
                          "held-out", "위 자료의 한국 근무일만"))  # fmt: skip
    hour = pd.read_csv(bikes / "hour.csv", parse_dates=["dteday"])
    stamps = hour["dteday"] + pd.to_timedelta(hour["hr"], unit="h")
    hourly = pd.Series(hour["cnt"].to_numpy(float), index=pd.DatetimeIndex(stamps))
    hourly = hourly[hourly.index >= hourly.index[-1] - pd.Timedelta(days=400)]
    # The published file leaves out hours without a record (system down or no rentals):
    # counted as 0, so that the held-out hours are the series' next hours.
    hourly = hourly.reindex(
        pd.date_range(hourly.index[0], hourly.index[-1], freq="h"), fill_value=0.0
    )
    out.append(RealSeries("자전거 대여 시간별 (워싱턴)", hourly, 168, 24, "traffic", "held-out",
                          "최근 400일, 기록 없는 시간은 0"))  # fmt: skip
    # Office hours only: the same real hours cut to 09–18 on weekdays (US holidays stay in,
    # so only weekends are closed), as a counter open in office hours records them.
    office = hourly[(hourly.index.hour >= 9) & (hourly.index.hour < 18)]
    office = office[office.index.day_of_week < 5]
    out.append(RealSeries("근무시간만 자전거 대여", office, 45, 9, "traffic", "held-out",
                          "위 자료의 평일 09~18시만"))  # fmt: skip
    visitors = pd.read_excel(folder / "korea_foreign_visitors_monthly" / "2000_01_2021_10.xlsx",
                             engine="openpyxl")  # fmt: skip
    visitors = visitors.set_index(pd.to_datetime(visitors["Date"]))
    out.append(RealSeries("방한 외래관광객 월별", visitors["Foreign tourists visiting Korea"]
                          .astype(float), 12, 12, "traffic", "held-out",
                          "2000-2021, 2020-03 코로나 급감"))  # fmt: skip
    out.append(RealSeries("방한 관광객 (관광 목적)", visitors["Tour"].astype(float), 12, 12,
                          "traffic", "tune", "2000-2021, 코로나 급감"))  # fmt: skip
    taas = folder.parent / "tables" / "taas_monthly_by_vehicle" / "월별.xls"
    if taas.is_file():
        for vehicle, split in (("합계", "held-out"), ("이륜차", "tune"), ("자전거", "held-out")):
            out.append(RealSeries(f"교통사고 건수 월별 ({vehicle})", _taas(taas, vehicle), 12, 12,
                                  "complaints", split, "TAAS 2017-2021"))  # fmt: skip
    return out


def _taas(path: Path, vehicle: str) -> pd.Series:
    raw = pd.read_excel(path, header=None)
    years = raw.iloc[0].ffill()
    months = raw.iloc[1]
    labels = raw.iloc[:, 0].ffill().astype(str).str.strip()
    row = raw[(labels == vehicle) & (raw.iloc[:, 1] == "사고건수")].iloc[0]
    stamps, values = [], []
    for col in range(2, raw.shape[1]):
        month = str(months[col])
        if month.endswith("월"):
            stamps.append(pd.Timestamp(int(years[col]), int(month[:-1]), 1))
            text = str(row[col]).replace(",", "").strip()
            values.append(float(text) if text not in ("-", "", "nan") else 0.0)
    return pd.Series(values, index=pd.DatetimeIndex(stamps)).sort_index()


def origins(n: int, h: int, count: int = 3, least: int | None = None) -> list[int]:
    """Cut points of the rolling origins: the last ``h`` periods, then ``count - 1`` more
    cuts about 1.7 horizons apart (so daily windows reach back past 추석), never leaving
    less than ``least`` periods to fit on."""
    least = least or 2 * h
    spacing = max(h, int(np.ceil(1.7 * h)))
    room = n - h - least
    if count > 1 and room < spacing * (count - 1):
        spacing = max(1, room // (count - 1))
    return sorted(n - h - k * spacing for k in range(count) if n - h - k * spacing >= least)
