"""Entry point xlwings Server imports for custom functions: everything in ``udfs``.

If this import fails, xlwings Server silently serves an empty function list instead;
``tests/test_meta.py`` guards against that.
"""

from dadeum.server.log_redaction import install_log_redaction
from udfs import *

# Imported by the server before it serves anything: error messages may quote cells.
install_log_redaction()
