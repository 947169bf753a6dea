"""Human-formatted tables to tidy tables, and the Korean machine-readability check.

A sheet arrives as a *grid*: a DataFrame of raw cell values whose index and columns are the
sheet's own 1-based row and column numbers, so every step can report Excel coordinates.
"""
