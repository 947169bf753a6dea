"""Start-up hook xlwings Server runs once the app is built (``PROJECT_DIR/lifespan.py``).

Only here is xlwings Server's own security-header middleware registered and every module
imported, so this is where ``dadeum.server.speedups.lighten_requests`` swaps that middleware
for a plain ASGI one and freezes the start-up heap out of the garbage collector.
"""

import logging
from contextlib import asynccontextmanager


@asynccontextmanager
async def lifespan(app):
    from dadeum.server.speedups import lighten_requests

    for change in lighten_requests(app):
        logging.getLogger(__name__).info("Dadeum speed-up: %s", change)
    yield
