"""The engine: pure functions on pandas objects and plain values.

Nothing here imports xlwings or openpyxl, so every function runs the same in Excel (through
``udfs``), in the batch command line, in a notebook and in tests.
"""
