"""What every page needs and only editors change, kept in each process between requests.

The site, its home page in each language, the furniture, the category tree and the school
holidays are the same for every reader until an editor saves something, yet reading them cost
a handful of SQL queries on every page. Each process keeps them here, stamped with the page
cache's content generation, which every request reads from the shared cache (one query with the
database cache): any save anywhere moves the generation on, and every process then starts afresh.
With no cache to read the generation from, nothing is kept.
"""

import copy
import threading

from foundation.page_cache import current_generation

_lock = threading.Lock()
_state = {"generation": None, "values": {}}
_MAX_VALUES = 500  # a safety net: keys are few (sites x languages x kinds) in practice


def remember(request, key, compute):
    """`compute()`'s value for `key` in this generation, worked out once per process.

    Model instances are copied on the way out, so one request's changes to an instance (Wagtail
    caches things on pages) never reach another request.
    """
    generation = current_generation(request)
    if generation == "none":
        return compute()
    with _lock:
        if _state["generation"] != generation:
            _state["generation"], _state["values"] = generation, {}
        values = _state["values"]
        if key in values:
            return copy.deepcopy(values[key])
    value = compute()
    with _lock:
        if _state["generation"] == generation and len(_state["values"]) < _MAX_VALUES:
            _state["values"][key] = value
    return copy.deepcopy(value)


def forget():
    """Drop everything (tests that change rows without saving models call this)."""
    with _lock:
        _state["generation"], _state["values"] = None, {}
