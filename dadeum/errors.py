"""Errors that Dadeum raises on purpose.

Every message is one line of Korean that fits a cell tooltip and names what was wrong.

    DadeumError                  base class; catch this to catch them all
     ├── InvalidArgumentError    a wrong call: an option out of range, a range of the wrong shape
     └── InputFileError          a file that cannot be read or written (batch commands)

A single bad cell never raises: cell conversions return ``CellError`` values instead
(see ``dadeum.engine.cells``), so one odd value cannot stop a whole column.
"""


class DadeumError(Exception):
    """Base class for every error Dadeum raises on purpose."""


class InvalidArgumentError(DadeumError, ValueError):
    """A function was called with an argument it cannot accept."""


class InputFileError(DadeumError, OSError):
    """An input file is missing, unreadable, or in a format Dadeum does not read."""
