"""Recognise a returning visitor without an account: a signed, random cookie, never a name.

Supports and reports are counted once per visitor. The cookie holds a random id signed with the
site's key (so it cannot be forged to look like someone else); what is stored against an idea is
a keyed hash of it, so the database never holds the cookie itself.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing

COOKIE_NAME = "consultation_visitor"
COOKIE_SALT = "consultations.visitor"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def visitor_id(request):
    """The visitor's id from their signed cookie, or "" when they have none (or a forged one)."""
    try:
        value = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT)
    except (signing.BadSignature, ValueError):
        return ""
    return value if len(value) == 32 and value.isalnum() else ""


def ensure_visitor_id(request, seed=""):
    """The visitor's id, making a new one (kept on the request) for a first visit.

    With a `seed` (the random token of the form they sent), a first visit's id is derived from
    it, so the same form sent twice before the cookie arrives is still one visitor.
    """
    existing = visitor_id(request) or getattr(request, "_new_visitor_id", "")
    if existing:
        return existing
    if seed:
        key = settings.SECRET_KEY.encode()
        derived = hmac.new(key, f"visitor-seed:{seed}".encode(), hashlib.sha256).hexdigest()
        request._new_visitor_id = derived[:32]
    else:
        request._new_visitor_id = secrets.token_hex(16)
    return request._new_visitor_id


def remember_visitor(request, response):
    """Set the cookie on `response` when this request made a new visitor id."""
    new_id = getattr(request, "_new_visitor_id", "")
    if new_id:
        response.set_signed_cookie(
            COOKIE_NAME,
            new_id,
            salt=COOKIE_SALT,
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def visitor_key(identifier):
    """What is stored: a keyed hash, so the cookie cannot be read back from the database."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"visitor:{identifier}".encode(), hashlib.sha256).hexdigest()
