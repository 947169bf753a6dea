"""Short inputs run the RE2 patterns through Python ``re``: the results must not change."""

import pandas as pd
import pytest

from dadeum.engine import _regex
from dadeum.engine.dates import to_date_series
from dadeum.engine.numbers import to_number_series
from dadeum.samples.dates import korean_date_samples
from dadeum.samples.numbers import korean_number_samples
from tests import test_real_world_values, test_to_date, test_to_number


def _table_values(*modules) -> list:
    """Every first argument in the parametrised tests and tables of ``modules``."""
    values = []
    for module in modules:
        for name in dir(module):
            thing = getattr(module, name)
            rows = [thing] if isinstance(thing, list) and name.isupper() else []
            rows += [m.args[1] for m in getattr(thing, "pytestmark", []) if m.name == "parametrize"]
            for row in rows:
                values += [_first(case) for case in row]
    return values


def _first(case):
    """The value of one test case: a bare value, a tuple or a ``pytest.param``."""
    if isinstance(case, tuple):
        return case[0]
    return case.values[0] if hasattr(case, "values") and hasattr(case, "marks") else case


def _both_paths(convert, values, singles, monkeypatch) -> list[tuple[list, list]]:
    """(whole column, first ``singles`` values one cell at a time), first with every pattern
    run by pyarrow, then with every pattern run by Python re."""
    series = pd.Series(values, dtype=object)
    results = []
    for few in (0, 10**9):
        monkeypatch.setattr(_regex, "FEW", few)
        column = [repr(v) for v in convert(series)]
        cells = [repr(convert(pd.Series([v], dtype=object)).iloc[0]) for v in values[:singles]]
        results.append((column, cells))
    return results


@pytest.mark.parametrize(
    ("convert", "samples", "modules"),
    [
        (to_number_series, korean_number_samples, (test_real_world_values, test_to_number)),
        (to_date_series, korean_date_samples, (test_real_world_values, test_to_date)),
    ],
    ids=["numbers", "dates"],
)
def test_python_re_path_gives_the_same_results(convert, samples, modules, monkeypatch):
    tables = _table_values(*modules)
    assert len(tables) > 200
    values = tables + samples(3000, seed=7)[0]
    singles = len(tables) + 300
    (rows, cells), (rows_re, cells_re) = _both_paths(convert, values, singles, monkeypatch)
    assert rows_re == rows
    assert cells_re == cells
    assert cells == rows[:singles]
