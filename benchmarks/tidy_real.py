"""Real-table mode of ``benchmarks.bench_tidy``: the converter's long output scored against
long outputs written by hand for real published tables.

    .venv/bin/python -m benchmarks.bench_tidy --real [--corpus /work/shared/corpus/tables]

The expected outputs live in ``benchmarks/tidy_expected/`` (one CSV per table: row labels,
header parts, ``value``; drafted from a layout read off each file by eye with
``make_expected.py`` and checked by eye against the source — every row of the small tables,
a sample of rows of the large ones, ``taas_sigungu_by_accident_type_2019`` with 38,571 cells
and the KOSIS census tables above all). The source files are not in the repository; the mode
reads them from the corpus folder and is skipped when it is absent.

Scoring. Each value is one *cell*: (the multiset of its labels, its value). Its labels are
every row label and header part of its record (``dadeum tidy --long`` gives the label
columns, the header-level columns and the unit column; the unit column added by the long form
is left out, since the expected files carry the unit in neither). Which column a label sits in
and what the columns are called does not count: "2019" as a row label or as a header level is
the same label. Labels are normalised before comparing: Unicode NFKC, whitespace removed,
case folded, "2021.0" and "2021년" read as "2021", a date at midnight as the date alone.
Values compare as numbers rounded to six decimals (text cells as text). Then, counting
repeated cells as often as they occur:

- precision = matched cells / cells the converter produced;
- recall = matched cells / expected cells;
- F1 = their harmonic mean (0 when nothing matches).

Total rows and columns (합계, 소계, 계 …), blanks and placeholders (``-``, ``X``) are not
expected cells, so a converter letting a total through loses precision, and one that reads a
period column as values loses both.

``HELD_OUT`` tables were not looked at while changing the converter; their figures are
printed apart.
"""

import csv
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

EXPECTED = Path(__file__).parent / "tidy_expected"
CORPUS = Path("/work/shared/corpus/tables")
ENGLISH = "_non_korean/"
HELD_OUT = (
    "seoul_estimated_pop_by_age",
    "kosis_census_pop_sigungu",
    "taas_accident_type_by_vehicle_2019",
    "kosis_waste_treatment_2010_2018",
    "datagokr_monthly_accidents",
)
_YEAR = re.compile(r"^((?:19|20)\d\d)(?:\.0|년)$")
_MIDNIGHT = re.compile(r"^(\d{4}-\d\d-\d\d)(?:t?00:00:00)$")


def normal_label(value: object) -> str:
    """A label as compared: NFKC, no whitespace, case folded, 2021.0 / 2021년 → 2021."""
    if value is None or value != value:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))).casefold()
    year = _YEAR.match(text) or _MIDNIGHT.match(text)
    return year.group(1) if year else text


def normal_value(value: object) -> object:
    try:
        return round(float(str(value).replace(",", "")), 6)
    except ValueError:
        return normal_label(value)


def cell(labels, value) -> tuple:
    return tuple(sorted(n for n in map(normal_label, labels) if n)), normal_value(value)


def expected_cells(name: str) -> Counter:
    with open(EXPECTED / f"{name}.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return Counter(cell(row[:-1], row[-1]) for row in rows[1:])


def produced_cells(tables) -> Counter:
    """The cells of ``tidy_grid``'s tables in their long form."""
    from dadeum.engine.tables.long import VALUE_COLUMN
    from dadeum.engine.tables.names import name_for

    cells: Counter = Counter()
    for table in tables:
        frame = table.long()
        unit = name_for("unit", table.language)
        added_unit = unit if table.units and unit not in table.label_columns else None
        labels = [c for c in frame.columns if c not in (VALUE_COLUMN, added_unit)]
        for row in frame[[*labels, VALUE_COLUMN]].itertuples(index=False):
            cells[cell(row[:-1], row[-1])] += 1
    return cells


def score(expected: Counter, produced: Counter) -> tuple[float, float, float]:
    matched = sum((expected & produced).values())
    precision = matched / sum(produced.values()) if produced else 0.0
    recall = matched / sum(expected.values()) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if matched else 0.0
    return precision, recall, f1


def tables_by_file() -> dict[tuple[str, str | None], list[str]]:
    """(source file, sheet) → the expected tables on it (stacked tables share a sheet)."""
    from benchmarks.tidy_expected.make_expected import LAYOUTS

    files: dict[tuple[str, str | None], list[str]] = {}
    for name, layout in LAYOUTS.items():
        files.setdefault((layout[0], layout[5].get("sheet")), []).append(name)
    return files


def run_real(corpus: Path = CORPUS) -> list[dict]:
    """One row per source file: name, held out, precision, recall, F1, rows out, seconds."""
    from dadeum.engine.tables.tidy import tidy_grid
    from dadeum.fileio import read_table

    results = []
    for (file, sheet), names in tables_by_file().items():
        start = time.perf_counter()
        try:
            source = read_table(corpus / file, sheet=sheet)
            tables = tidy_grid(source.grid(), sheet=source.source_name)
        except Exception as error:  # a file the converter cannot read scores 0
            print(f"{names[0]}: {type(error).__name__}: {error}")
            source, tables = None, []
        seconds = time.perf_counter() - start
        raw_score, raw_rules, out_score = check_scores(source, tables) if source else (0, "-", 0)
        expected = sum((expected_cells(n) for n in names), Counter())
        produced = produced_cells(tables)
        precision, recall, f1 = score(expected, produced)
        name = names[0].removesuffix("_1")
        results.append({
            "table": name, "held_out": name in HELD_OUT, "english": file.startswith(ENGLISH),
            "precision": precision, "recall": recall, "f1": f1, "rows": sum(produced.values()),
            "expected": sum(expected.values()), "seconds": seconds,
            "check_raw": raw_score, "located": raw_rules, "check_out": out_score,
        })  # fmt: skip
    return results


def check_scores(source, tables) -> tuple[int, str, int]:
    """``dadeum check``'s score of the raw sheet, how many of its findings it locates (at a
    cell, row or column) of all of them, and the lowest score of the converted long tables
    (written as UTF-8 CSV would be)."""
    from dadeum.engine.tables.check import check_grid
    from dadeum.engine.tables.grid import make_grid

    encoding = source.encoding.split(" ")[0] if source.encoding else None
    raw = check_grid(source.grid(), merges=source.merges, sheet=source.source_name,
                     csv_encoding=encoding)  # fmt: skip
    located = sum(1 for i in raw.issues if i.row is not None or i.column is not None)
    scores = []
    for table in tables:
        frame = table.long()
        rows = [list(map(str, frame.columns)), *frame.to_numpy(dtype=object).tolist()]
        scores.append(check_grid(make_grid(rows), csv_encoding="utf-8").score)
    return raw.score, f"{located}/{len(raw.issues)}", min(scores, default=0)


def print_real(results: list[dict]) -> None:
    header = ("table", "precision", "recall", "F1", "rows out", "expected", "seconds",
              "check raw", "located", "check out")  # fmt: skip
    groups = [
        ("tuned-on Korean tables", lambda r: not r["english"] and not r["held_out"]),
        ("held-out Korean tables", lambda r: not r["english"] and r["held_out"]),
        ("English tables", lambda r: r["english"]),
    ]
    for title, member in groups:
        group = [r for r in results if member(r)]
        if not group:
            continue
        print(title)
        lines = [
            (r["table"], f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
             f"{r['rows']:,}", f"{r['expected']:,}", f"{r['seconds']:.2f}",
             str(r["check_raw"]), r["located"], str(r["check_out"]))
            for r in group
        ]  # fmt: skip
        mean = [sum(r[k] for r in group) / len(group) for k in ("precision", "recall", "f1")]
        lines.append(("mean", *(f"{m:.3f}" for m in mean), "", "", "", "", "", ""))
        widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
        for line in [header, *lines]:
            print("  ".join(f"{c:<{widths[i]}}" for i, c in enumerate(line)).rstrip())
    for title, english in (("Korean", False), ("English", True)):
        group = [r for r in results if r["english"] == english]
        if group:
            mean = sum(r["f1"] for r in group) / len(group)
            worst = min(group, key=lambda r: r["f1"])
            print(f"{title}, {len(group)} tables: mean F1 {mean:.3f}, lowest {worst['f1']:.3f} "
                  f"({worst['table']})")  # fmt: skip
