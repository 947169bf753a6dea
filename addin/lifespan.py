"""Start-up hook xlwings Server runs once the app is built (``PROJECT_DIR/lifespan.py``).

Only here is xlwings Server's own security-header middleware registered and every module
imported, so this is where ``dadeum.server.speedups.lighten_requests`` swaps that middleware
for a plain ASGI one and freezes the start-up heap out of the garbage collector.
"""

import logging
from contextlib import asynccontextmanager


@asynccontextmanager
async def lifespan(app):
    from xlwings_server.config import PROJECT_DIR

    from dadeum.server.speedups import lighten_requests
    from dadeum.server.static import secret_problems

    # ``dadeum serve`` refuses to start in this case; gunicorn or uvicorn started directly
    # get this warning in every worker's log.
    for problem in secret_problems(PROJECT_DIR):
        logging.getLogger(__name__).warning("보안 경고: %s", problem)
    for change in lighten_requests(app):
        logging.getLogger(__name__).info("Dadeum speed-up: %s", change)
    yield
