"""Dadeum's Excel custom functions.

Each public function here is one Excel function: ``clean_text`` is ``=DADEUM.CLEAN_TEXT(A2)``
through the add-in and ``=CLEAN_TEXT(A2)`` as a classic Windows UDF. Every module is
star-imported below, so function names must be unique across the package.
"""

from udfs import complaints as _complaints
from udfs import contacts as _contacts
from udfs import dates as _dates
from udfs import forecasting as _forecasting
from udfs import numbers as _numbers
from udfs import privacy as _privacy
from udfs import pseudonym as _pseudonym
from udfs import tables as _tables
from udfs import text as _text
from udfs.complaints import *
from udfs.contacts import *
from udfs.dates import *
from udfs.forecasting import *
from udfs.numbers import *
from udfs.privacy import *
from udfs.pseudonym import *
from udfs.tables import *
from udfs.text import *

__all__ = [
    *_text.__all__,
    *_numbers.__all__,
    *_dates.__all__,
    *_contacts.__all__,
    *_tables.__all__,
    *_forecasting.__all__,
    *_complaints.__all__,
    *_privacy.__all__,
    *_pseudonym.__all__,
]
