"""Every size limit Dadeum enforces on what it is given, in one place.

A hostile or damaged input (a date in the year 9999, a recipe step numbered 10,000,000, a
3 MB workbook holding 3 GB of XML) must end in a short Korean message, quickly and in bounded
memory, never in an exhausted server. Each limit is checked *before* the work it bounds is
allocated (a series length is derived from the span and the frequency, not counted after
building the date range). The README's limits table lists these numbers; keep it in step.

The file limits can be lowered (or raised) per installation with the environment variables
named beside them, read at each check, so a test can use a tiny limit on a tiny file.
"""

import os

# --- series and counts (FORECAST_*, COUNT_BY_PERIOD, dadeum forecast) ------------------------
# Periods in one regular series or count table: 100,000 hours is 11 years of hourly counts,
# 100,000 days 273 years; anything longer is a typing error (9999-12-31) or not our job.
MAX_PERIODS = 100_000

# --- recipes (JSON files, /dadeum/recipe bodies, the _다듬_레시피 sheet) -------------------
MAX_RECIPE_BYTES = 1_000_000  # a recipe file or sheet's text; real ones are a few kB
MAX_RECIPE_STEPS = 100
MAX_RECIPE_SHEETS = 100
MAX_RECIPE_TABLES = 100  # tables recorded per sheet
MAX_RECIPE_COLUMNS = 2_000  # columns named by one step or one table
MAX_RECIPE_TEXT = 500  # characters of a name, a column name, a title or a key name
MAX_RECIPE_ROWS = 20_000  # rows of a recipe sheet
MAX_PROBLEMS_SHOWN = 10  # a message lists this many problems and counts the rest

# --- input files (dadeum clean/tidy/check/scan/pseudonymize/forecast, recipe run) --------
MAX_FILE_MB = 256  # DADEUM_MAX_FILE_MB: size on disk of any input file
MAX_UNZIPPED_MB = 1_024  # DADEUM_MAX_UNZIPPED_MB: an .xlsx file's members, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed / compressed; worksheet XML compresses 5-50 times
MAX_ZIP_MEMBERS = 10_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell's text
# Cells of one sheet read as a grid from A1 to its last row and column (blanks included): a
# 5 kB .xlsx with values in A1 and XFD100000 spans 1.6 billion cells. 20 million (a full-height
# sheet of 19 columns) already costs one to two GB as Python objects.
MAX_GRID_CELLS = 20_000_000

# --- output files ---------------------------------------------------------------------------
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384


def megabytes(name: str, default: int) -> int:
    """A limit in bytes from the environment variable ``name`` (in MB), else ``default``."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        value = float(default)
    if not value > 0:
        value = float(default)
    return int(value * 1024 * 1024)


def max_file_bytes() -> int:
    return megabytes("DADEUM_MAX_FILE_MB", MAX_FILE_MB)


def max_unzipped_bytes() -> int:
    return megabytes("DADEUM_MAX_UNZIPPED_MB", MAX_UNZIPPED_MB)
