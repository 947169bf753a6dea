"""Start-up hook xlwings Server runs once the app is built (``PROJECT_DIR/lifespan.py``).

Only here is xlwings Server's own security-header middleware registered and every module
imported, so this is where ``dadeum.server.speedups.lighten_requests`` swaps that middleware
for a plain ASGI one and freezes the start-up heap out of the garbage collector. The forecast
models' libraries are imported first, so a worker's first forecast does not pay for them
(about 0.4 s of a three-year daily forecast) and they sit in the frozen heap too. The Korean
analyser for names and 민원 text loads in a background thread (about 2.5 s).
"""

import logging
import threading
from contextlib import asynccontextmanager


@asynccontextmanager
async def lifespan(app):
    from xlwings_server.config import PROJECT_DIR

    from dadeum.engine.privacy import detect_nlp
    from dadeum.server.speedups import lighten_requests
    from dadeum.server.static import secret_problems

    # ``dadeum serve`` refuses to start in this case; gunicorn or uvicorn started directly
    # get this warning in every worker's log.
    for problem in secret_problems(PROJECT_DIR):
        logging.getLogger(__name__).warning("보안 경고: %s", problem)
    _import_forecast_libraries()
    # The Korean analyser loads in the background: the server answers meanwhile, and the
    # first 민원 or personal-data request finds it ready.
    threading.Thread(target=detect_nlp.warm_up, name="dadeum-analyser", daemon=True).start()
    for change in lighten_requests(app):
        logging.getLogger(__name__).info("Dadeum speed-up: %s", change)
    yield


def _import_forecast_libraries() -> None:
    """Import what the forecast models import on first use (statsmodels, scikit-learn)."""
    import sklearn.ensemble  # noqa: F401
    import statsmodels.tsa.holtwinters
    import statsmodels.tsa.seasonal  # noqa: F401
