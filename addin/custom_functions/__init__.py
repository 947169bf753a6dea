"""Entry point xlwings Server imports for custom functions: everything in ``udfs``.

If this import fails, xlwings Server silently serves an empty function list instead;
``tests/test_meta.py`` guards against that.
"""

from udfs import *
