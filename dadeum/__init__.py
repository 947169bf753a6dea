"""Dadeum (다듬): data cleaning, privacy and forecasting for Korean public-sector spreadsheets.

The engine (``dadeum.engine``) works on pandas objects and plain values and never imports an
Excel library; ``udfs`` wraps it as Excel custom functions and ``addin`` serves them.
"""

__version__ = "0.1.0"
