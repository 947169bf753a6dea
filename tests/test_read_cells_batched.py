"""``read_cells`` reads a table's small columns in one ``to_number_series`` call (a speed-up
for the add-in server's TIDY); the result must be what reading each column alone gives."""

import numpy as np
import pandas as pd
import pytest

from dadeum.engine.numbers import to_number_series
from dadeum.engine.tables.grid import make_grid
from dadeum.engine.tables.header import SAMPLE, read_cells
from dadeum.samples.tables import all_cases, big_messy_table


def _one_column_at_a_time(block: pd.DataFrame) -> list[list]:
    """Each column through to_number_series alone, as read_cells did before."""
    out = np.full(block.shape, None, dtype=object)
    for position, column in enumerate(block.columns):
        values = block[column]
        present = values.notna().to_numpy()
        if present.any():
            out[present, position] = to_number_series(values[present]).to_numpy(dtype=object)
    return out.tolist()


def _plain(cells: list[list]) -> list[list]:
    return [[repr(cell) for cell in row] for row in cells]


GRIDS = [pytest.param(case.rows, id=case.name) for case in all_cases()] + [
    pytest.param([["a", 1.5, None], [True, "1,234원", "-"], [None, "…", "x"]], id="mixed"),
    pytest.param([["[x]", ":", "n.a."], ["—", "12", "3천"]], id="symbols"),
]


@pytest.mark.parametrize("rows", GRIDS)
def test_batched_reading_matches_column_by_column(rows):
    block = make_grid(rows)
    converted, kinds, codes = read_cells(block)
    expected = _one_column_at_a_time(block)
    got = converted.to_numpy(dtype=object).tolist()
    # table symbols ("[x]", ":") become placeholders after reading; compare the rest exactly
    for i, row in enumerate(got):
        for j, cell in enumerate(row):
            if kinds.iat[i, j] == "number" and type(cell).__name__ == "Placeholder":
                expected[i][j] = cell
    assert _plain(got) == _plain(expected)
    assert codes.shape == block.shape


def test_long_columns_still_take_the_text_shortcut():
    rows = [[f"이름{i}", f"{i:,}"] for i in range(4 * SAMPLE + 10)]
    converted, kinds, _ = read_cells(make_grid(rows))
    assert set(kinds.iloc[:, 0]) == {"text"} and set(kinds.iloc[:, 1]) == {"number"}
    assert converted.iat[5, 1] == 5.0


def test_the_big_messy_table_reads_the_same():
    block = make_grid(big_messy_table(rows=300, columns=8).rows)
    converted, _, _ = read_cells(block)
    expected = _one_column_at_a_time(block)
    got = converted.to_numpy(dtype=object).tolist()
    same = [
        repr(g) == repr(e) or type(g).__name__ == "Placeholder"
        for grow, erow in zip(got, expected, strict=True)
        for g, e in zip(grow, erow, strict=True)
    ]
    assert all(same)
