"""Warnings about an unreachable service, at most one a minute per kind and process.

The database cache, the page cache and the site memo each fail on every request while their
database is restarting; one line per request would bury the log (issue 11: "one warning per
outage per process"). The first failure is logged at once, repeats within a minute are not.
"""

import threading
import time

QUIET_SECONDS = 60.0

_last = {}
_lock = threading.Lock()


def warn_once(logger, kind, message, *args):
    """logger.warning(message, *args), unless `kind` was warned about in the last minute."""
    now = time.monotonic()
    with _lock:
        last = _last.get(kind)
        if last is not None and now - last < QUIET_SECONDS:
            return False
        _last[kind] = now
    logger.warning(message, *args)
    return True
