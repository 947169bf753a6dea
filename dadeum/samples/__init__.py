"""Seeded, deterministic generators of messy Korean public-sector data.

Tests, benchmarks and training workbooks all draw from here, so a rebuilt workbook or a rerun
benchmark sees exactly the same data.
"""
