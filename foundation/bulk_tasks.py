"""Background work asked for many times during a bulk change runs once each, at the end.

Wagtail and its search package ask the task backend to re-index an object's search entry and its
references on every save. The demo loader and imports save each page several times (created,
revised, published, translated), and with the immediate backend every one of those re-indexes
at once: more than half of a full demo load. Inside `tasks_run_once()` a task asked for again
with the same arguments waits; at the end each runs once, in the order last asked for, against
the rows as they are then (both tasks read the object afresh by its key).
"""

import contextlib
import logging
import threading

from django.apps import apps
from django.db import DatabaseError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResult, TaskResultStatus, task_backends
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.utils import get_random_id

logger = logging.getLogger(__name__)
_state = threading.local()


class _Waiting(BaseTaskBackend):
    """Holds tasks, one per task and arguments, for the backend it stands in for."""

    supports_async_task = True
    supports_priority = True
    supports_defer = True

    def __init__(self, backend):
        super().__init__(backend.alias, {})
        self.backend = backend
        self.waiting = {}

    def enqueue(self, task, args, kwargs):
        key = (task.module_path, repr(args), repr(sorted(kwargs.items())))
        self.waiting.pop(key, None)  # asked for again: it runs where it was last asked for
        self.waiting[key] = (task, args, kwargs)
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

    def run(self):
        waiting, self.waiting = list(self.waiting.values()), {}
        gone = _deleted_since(args for _task, args, _kwargs in waiting)
        for task, args, kwargs in waiting:
            if tuple(args) not in gone:
                self.backend.enqueue(task, args, kwargs)
        return len(waiting)


def _deleted_since(arguments):
    """Of the (app label, model name, key) arguments Wagtail's indexing tasks take, those whose
    row is gone: a related row replaced on a later save (the page's own task indexes what
    replaced it). Checked a model at a time, rather than failing one task each."""
    keys = {}
    for args in arguments:
        if len(args) == 3 and all(isinstance(arg, str) for arg in args):
            keys.setdefault(tuple(args[:2]), set()).add(args[2])
    gone = set()
    for (app_label, model_name), wanted in keys.items():
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        present = set()
        for chunk in _chunks(sorted(wanted), 500):
            present.update(
                str(pk)
                for pk in model._default_manager.filter(pk__in=chunk).values_list("pk", flat=True)
            )
        gone.update((app_label, model_name, key) for key in wanted - present)
    return gone


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextlib.contextmanager
def tasks_run_once(log=None):
    """Tasks asked for inside run once each when the outermost block ends, even on an error
    (what was saved before it still needs its index)."""
    if getattr(_state, "waiting", None) is not None:
        yield
        return
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    waiting = _Waiting(backend)
    _state.waiting = waiting
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = waiting

    def stop_waiting():
        task_backends[DEFAULT_TASK_BACKEND_ALIAS] = backend
        _state.waiting = None
        if log and waiting.waiting:
            log(f"Search and reference indexes ({len(waiting.waiting)} objects)")

    try:
        yield
    except BaseException:
        stop_waiting()
        try:
            waiting.run()
        except DatabaseError as error:  # the transaction failed too: its rows are gone anyway
            logger.warning("Indexes not brought up to date after a failed change: %s", error)
        raise
    stop_waiting()
    waiting.run()
