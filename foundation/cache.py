"""Redis as a cache the site can lose: an outage reads as cache misses, logged once.

django-redis's IGNORE_EXCEPTIONS covers most calls but not all (touch() and a few others let
redis' ConnectionError through), and with DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS it logs a full
traceback for every call: about 6,000 tracebacks for 220 requests in one outage. This backend
instead:

- answers every cache call during an outage as a miss: get() gives the default, add() and set()
  False, incr() None (which django-ratelimit reads as "could not count", see spam_protection),
  get_many() nothing;
- logs one warning per process when Redis stops answering and one line (INFO) when it is back;
- after a failure, skips Redis for RETRY_SECONDS, so a Redis that hangs rather than refuses
  costs one socket timeout every few seconds, not one per cache call.

The state is per process and per server (the "default" and "pages" caches share one), which is
what "one warning per outage per process" means with several gunicorn workers.
"""

import functools
import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What an unreachable, stopped, restarting or overloaded Redis raises through django-redis.
FAILURES = (ConnectionInterrupted, RedisError, OSError)
RETRY_SECONDS = 5.0


class _Outage:
    """Whether one Redis server is answering, as this process last saw it."""

    def __init__(self, location):
        self.location = location
        self.down_since = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def should_skip(self):
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + RETRY_SECONDS
            if self.down_since is not None:
                return
            self.down_since = now
        # The error's class and message only: no traceback, and no keys or values.
        logger.warning(
            "Cache unavailable (%s: %s); serving without it and retrying every %d seconds.",
            type(error).__name__,
            error,
            RETRY_SECONDS,
        )

    def answered(self):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is None:
                return
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.info("Cache available again after %.0f seconds.", seconds)


_outages = {}
_outages_lock = threading.Lock()


def outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage(location))


def _degrading(name, fallback, *, proves_up=True):
    """RedisCache.<name>, answering `fallback(args, kwargs)` while Redis is down.

    `proves_up`: a success means Redis answered. Not so for close() (django-redis usually keeps
    the connection) or the *_many calls (given nothing, they return before asking).
    """
    parent = getattr(RedisCache, name)

    @functools.wraps(parent)
    def method(self, *args, **kwargs):
        outage = self.outage
        if outage.should_skip():
            return fallback(args, kwargs)
        try:
            result = parent(self, *args, **kwargs)
        except FAILURES as error:
            outage.failed(error)
            return fallback(args, kwargs)
        if proves_up:
            outage.answered()
        return result

    return method


def _default(args, kwargs):
    # get(key, default=None, ...)
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _none(args, kwargs):
    return None


def _false(args, kwargs):
    return False


def _nothing(args, kwargs):
    return {}


def _no_keys_failed(args, kwargs):
    # set_many returns the keys that failed; all of them did.
    data = kwargs.get("data", args[0] if args else {})
    return list(data)


class ResilientRedisCache(RedisCache):
    """django-redis' cache whose outages are misses, logged once per outage (module docstring)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # Our wrapper, not django-redis, decides what a failure means and what is logged.
        self._ignore_exceptions = False
        self._log_ignored_exceptions = False
        self.outage = outage_for(server)

    get = _degrading("get", _default)
    set = _degrading("set", _false)
    add = _degrading("add", _false)
    touch = _degrading("touch", _false)
    delete = _degrading("delete", _false)
    has_key = _degrading("has_key", _false)
    incr = _degrading("incr", _none)
    decr = _degrading("decr", _none)
    clear = _degrading("clear", _false)
    ttl = _degrading("ttl", _none)
    expire = _degrading("expire", _false)
    get_many = _degrading("get_many", _nothing, proves_up=False)
    set_many = _degrading("set_many", _no_keys_failed, proves_up=False)
    delete_many = _degrading("delete_many", _none, proves_up=False)
    delete_pattern = _degrading("delete_pattern", _none, proves_up=False)
    incr_version = _degrading("incr_version", _none, proves_up=False)
    close = _degrading("close", _none, proves_up=False)
