"""Small DataFrame helpers shared by batch commands and ribbon scripts."""

import pandas as pd


def with_header_row(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its column names as a first row of cells, ready to write to a sheet."""
    header = pd.DataFrame([[str(c) for c in frame.columns]], columns=frame.columns, dtype=object)
    return pd.concat([header, frame.astype(object)], ignore_index=True)
