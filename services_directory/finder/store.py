"""What the directory keeps in each process between requests, stamped with the content generation.

The sets of services behind every filter option, the matches of a keyword, the services near a
postcode, a ranked page and what each result shows change only when an editor saves something,
or (for the opening times) when the date or the minute changes, which is part of their key. Any
save moves the page cache's content generation on (foundation.page_cache), and this store then
starts afresh, so nothing kept here is ever stale. With no cache to read the generation from,
nothing is kept.
"""

import threading
from collections import OrderedDict

from foundation.page_cache import current_generation

# Bounded, least recently used first out: a few entries per directory and language (the option
# sets, the category tree), then one per keyword, postcode, ranked page and result shown in this
# generation. Most are a few hundred bytes; the largest (the services near a postcode, at 10,000
# services) some tens of kilobytes: a few megabytes in all.
MAX_ENTRIES = 4000

_lock = threading.Lock()
_state = {"generation": None, "entries": OrderedDict()}


def generation_of(request):
    """The content generation this request sees, or None when nothing may be kept."""
    generation = current_generation(request)
    return None if generation == "none" else generation


def recall(generation, key):
    """The value kept under `key` in `generation`, or None."""
    if generation is None:
        return None
    with _lock:
        if _state["generation"] != generation:
            return None
        entries = _state["entries"]
        value = entries.get(key)
        if value is not None:
            entries.move_to_end(key)
        return value


def keep(generation, key, value):
    """Keep `value` (never changed afterwards by anyone) under `key` in `generation`."""
    if generation is None or value is None:
        return value
    with _lock:
        if _state["generation"] != generation:
            _state["generation"], _state["entries"] = generation, OrderedDict()
        entries = _state["entries"]
        entries[key] = value
        entries.move_to_end(key)
        while len(entries) > MAX_ENTRIES:
            entries.popitem(last=False)
    return value


def forget():
    """Drop everything (tests that change rows without saving models call this)."""
    with _lock:
        _state["generation"], _state["entries"] = None, OrderedDict()
