"""A lost database connection answers "try again in a moment" (503), never a server error.

When PostgreSQL restarts, fails over or is out of connections (or SQLite's file cannot be
opened), the requests caught in that moment get a styled 503 with Retry-After. A form that was
being sent shows back the visible text the person typed, so nothing they wrote is lost. The page
is rendered with no context processors and nothing read from the database, since the database is
what failed. One warning is logged when an outage starts (per process), not a traceback per
request; Django opens a new connection on the next request, so the site recovers by itself.

`DatabaseOutageMiddleware.process_exception` catches what a view raises; `outage_response()` is
also called by the 500 handler (council_site.views.server_error) for what other middleware
raises, such as saving the session.
"""

import logging
import sqlite3
import threading

from django import db
from django.http import Http404, HttpResponse
from django.template import loader
from django.urls import resolve
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
TEMPLATE = "503.html"
# What a person typed is shown back up to this much per field, and this many fields.
SHOWN_MAX_LENGTH = 5000
SHOWN_MAX_FIELDS = 12
# Never shown back, whatever the view: tokens, secrets, the honeypot, reCAPTCHA's answer and
# the controls of a form (steps, targets, formset counts).
HIDDEN_FIELD_PARTS = (
    "csrf",
    "token",
    "submission_key",
    "password",
    "passwd",
    "secret",
    "captcha",
    "website",
    "_forms",
)
HIDDEN_FIELDS = {"step", "next", "from_board", "action"}
# SQLite raises OperationalError for mistakes too ("no such table"): only these mean the file
# could not be used just now.
SQLITE_OUTAGE_MESSAGES = (
    "unable to open database",
    "database is locked",
    "disk i/o error",
    "readonly database",
)
_DRIVER_ERRORS = []
try:  # PostgreSQL's driver, when installed; its errors can escape Django's wrapper on connect
    import psycopg

    _DRIVER_ERRORS += [psycopg.OperationalError, psycopg.InterfaceError]
except ImportError:  # pragma: no cover - SQLite-only installs
    pass
OUTAGE_ERRORS = (db.OperationalError, db.InterfaceError, sqlite3.OperationalError, *_DRIVER_ERRORS)

_outage = {"since": None}
_outage_lock = threading.Lock()


def _is_outage_error(error):
    if not isinstance(error, OUTAGE_ERRORS):
        return False
    driver_error = error.__cause__ if isinstance(error.__cause__, Exception) else error
    if isinstance(driver_error, sqlite3.OperationalError) or isinstance(
        error, sqlite3.OperationalError
    ):
        message = str(driver_error).lower()
        return any(part in message for part in SQLITE_OUTAGE_MESSAGES)
    return True


def is_database_outage(error):
    """True when `error`, or what it was raised from, means the database cannot be reached."""
    seen = 0
    while error is not None and seen < 5:
        if _is_outage_error(error):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _note_outage(request, error):
    """Warn once when an outage starts in this process; later requests add nothing to the log."""
    with _outage_lock:
        first = _outage["since"] is None
        if first:
            _outage["since"] = request.path
    if first:
        logger.warning(
            "Database unavailable; answering 503 until it is back (%s: %s)",
            type(error).__name__,
            str(error).strip().splitlines()[0][:200] if str(error).strip() else "",
        )


def _database_answers():
    """Whether this request's connection reached the database and still does.

    A page from the page cache or a static file is answered without it: taken as a recovery,
    it would end the outage in the log while the database is still restarting, and the next
    failed request would warn again. Checked only during an outage (one `SELECT 1`).
    """
    connection = db.connections[db.DEFAULT_DB_ALIAS]
    if connection.connection is None:
        return False
    return connection.is_usable()  # False, not an error, when it cannot reach the database


def _note_recovery():
    if _outage["since"] is None:
        return
    with _outage_lock:
        was_down = _outage["since"] is not None
        _outage["since"] = None
    if was_down:
        logger.warning("Database available again")


def _shown_name(name, typed_fields):
    if typed_fields is not None:
        return name in typed_fields
    lowered = name.lower()
    return lowered not in HIDDEN_FIELDS and not any(part in lowered for part in HIDDEN_FIELD_PARTS)


def typed_text(request):
    """[(label, text)] for the visible text fields of a POST, to show back (the template escapes).

    A view names its text fields with `@keeps_typed_text(FormClass)`; for any other POST every
    field except tokens, secrets, the honeypot and form controls is shown. The admin's forms
    (hidden JSON, passwords) are never shown back here.
    """
    if request.method != "POST" or request.path.startswith(("/admin/", "/django-admin/")):
        return []
    try:
        data = request.POST
    except Exception:  # an unreadable body: nothing to show back
        return []
    match = getattr(request, "resolver_match", None)
    if match is None:  # raised in a middleware, before the view was resolved
        try:
            match = resolve(request.path_info)
        except Http404:
            match = None
    view = getattr(match, "func", None)
    typed_fields = getattr(view, "typed_fields", None)
    labels = getattr(view, "typed_labels", {})
    shown = []
    for name in typed_fields if typed_fields is not None else data.keys():
        if not _shown_name(name, typed_fields):
            continue
        text = str(data.get(name, "")).replace("\x00", "")[:SHOWN_MAX_LENGTH]
        if not text.strip() or text == "on":
            continue
        shown.append({"name": name, "label": labels.get(name, ""), "text": text})
        if len(shown) >= SHOWN_MAX_FIELDS:
            break
    return shown


def keeps_typed_text(form_class):
    """Names which of a view's fields the 503 page shows back: the form's `typed_fields`."""

    def decorate(view):
        fields = tuple(form_class.typed_fields)
        view.typed_fields = fields
        view.typed_labels = {
            name: form_class.base_fields[name].label
            for name in fields
            if name in form_class.base_fields
        }
        return view

    return decorate


def outage_response(request, error):
    """The 503 page for `request`, rendered with nothing from the database."""
    _note_outage(request, error)
    context = {"typed": typed_text(request), "retry_after": RETRY_AFTER_SECONDS}
    try:
        content = loader.get_template(TEMPLATE).render(context)
    except Exception:  # the page itself failed: plain words still beat a 500
        content = str(_("Sorry, the service is unavailable. Try again in a minute."))
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged once per outage above: Django would otherwise log every 503 as an error.
    response._has_been_logged = True
    return response


class DatabaseOutageMiddleware:
    """Turns a lost database connection in a view into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 500 and _outage["since"] is not None and _database_answers():
            _note_recovery()
        return response

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return outage_response(request, exception)
        return None
