"""Periodic jobs that run once across servers (docs/decisions/0010-jobs-run-once.md).

Every server may start the same cron line at the same minute; the first to take the job's lock
does the work and the others skip it::

    with job_lock("publish_scheduled") as acquired:
        if acquired:
            call_command("publish_scheduled")

On PostgreSQL the lock is a session-level advisory lock (pg_try_advisory_lock) on a 64-bit hash
of the name: released when the block ends, and by PostgreSQL itself when the process holding it
dies, so a killed job never leaves a lock behind. Elsewhere (SQLite, one machine) it is a row in
council_site_joblock with an expiry: released when the block ends, also when the job raises, and
taken over once `expires_after` has passed if the process died without releasing it.
"""

import hashlib
import logging
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    IntegrityError,
    OperationalError,
    connections,
    transaction,
)
from django.utils import timezone

from foundation.models import JobLock

logger = logging.getLogger(__name__)

DEFAULT_EXPIRY = timedelta(hours=1)
LOCKED_RETRIES = 40


def advisory_key(name):
    """The signed 64-bit number PostgreSQL's advisory locks take, from the job's name."""
    digest = hashlib.blake2b(f"council_site.job:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def job_lock(name, *, expires_after=DEFAULT_EXPIRY, using=DEFAULT_DB_ALIAS):
    """Yield True if this process now holds the job `name`, False if another one does."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with _advisory_lock(connection, name) as acquired:
            yield acquired
    else:
        with _row_lock(name, expires_after, using) as acquired:
            yield acquired


@contextmanager
def _advisory_lock(connection, name):
    key = advisory_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = bool(cursor.fetchone()[0])
    try:
        yield acquired
    finally:
        if acquired:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
            except DatabaseError:
                # The connection is gone, and PostgreSQL released the lock with its session.
                logger.warning("Job lock %s: connection lost; PostgreSQL released it", name)


def _take_row(rows, name, holder, expires_after, using):
    now = timezone.now()
    fields = {"holder": holder, "taken_at": now, "expires_at": now + expires_after}
    try:
        with transaction.atomic(using=using):
            rows.create(name=name, **fields)
        return True
    except IntegrityError:
        # Held, unless its holder died: one UPDATE, so of two servers only one takes it over.
        if rows.filter(name=name, expires_at__lte=now).update(**fields):
            logger.warning("Job lock %s had expired: taken over", name)
            return True
        return False


@contextmanager
def _row_lock(name, expires_after, using):
    holder = uuid.uuid4().hex
    for attempt in range(LOCKED_RETRIES):
        try:
            acquired = _take_row(JobLock.objects.using(using), name, holder, expires_after, using)
            break
        except OperationalError as error:
            # SQLite answers "locked" at once where its busy timeout does not apply (shared
            # cache): another process was writing that instant, so try again shortly.
            if "locked" not in str(error) or attempt == LOCKED_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    try:
        yield acquired
    finally:
        if acquired:
            JobLock.objects.using(using).filter(name=name, holder=holder).delete()
