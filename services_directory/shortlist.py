"""A family's shortlist of services, kept in their session: no account, nothing to sign up for.

Services are remembered by their Open Referral UK id (the translation key shared by every
language), so a shortlist made in English shows the Arabic pages when read in Arabic, and a
shared link (?ids=…) means the same services to anyone who opens it.
"""

import uuid

from django.conf import settings
from django.db.models import F
from django.utils.translation import get_language

from home.queries import public_q
from services_directory.models import VISIBLE_STATUSES, ServicePage

SESSION_KEY = "directory_shortlist"
MAX_SERVICES = 50
# Longest ?ids= worth reading: 50 ids of 36 characters and their commas, with room for spaces.
MAX_IDS_LENGTH = MAX_SERVICES * 40


def parse_id(value):
    """A service id as 32 hex digits, or None for anything that is not a UUID."""
    text = str(value or "").strip()
    if not text or len(text) > 40:
        return None
    try:
        return uuid.UUID(text).hex
    except ValueError:
        return None


def parse_ids(raw):
    """Ids from a shared link: malformed ones dropped, duplicates once, at most 50."""
    ids = []
    for part in str(raw or "")[:MAX_IDS_LENGTH].split(","):
        service_id = parse_id(part)
        if service_id and service_id not in ids:
            ids.append(service_id)
        if len(ids) == MAX_SERVICES:
            break
    return ids


def shortlist_ids(request):
    """The ids in this visitor's shortlist, oldest first; no session query for a first visit."""
    session = getattr(request, "session", None)
    if session is None or (
        not session.session_key and settings.SESSION_COOKIE_NAME not in request.COOKIES
    ):
        return []
    stored = session.get(SESSION_KEY, [])
    if not isinstance(stored, list):
        return []
    return [service_id for service_id in (parse_id(v) for v in stored) if service_id][:MAX_SERVICES]


def add(request, service_ids):
    """Add ids to the shortlist; returns False when it is already full."""
    current = shortlist_ids(request)
    full = False
    for service_id in service_ids:
        if service_id in current:
            continue
        if len(current) >= MAX_SERVICES:
            full = True
            break
        current.append(service_id)
    request.session[SESSION_KEY] = current
    return not full


def remove(request, service_ids):
    current = [service_id for service_id in shortlist_ids(request) if service_id not in service_ids]
    request.session[SESSION_KEY] = current


def share_query(service_ids):
    """The ?ids= value of a shareable link, ids in the standard hyphenated form."""
    return ",".join(str(uuid.UUID(service_id)) for service_id in service_ids)


def services_for(service_ids, language_code=None):
    """The live services with these ids, in the reader's language where translated."""
    if not service_ids:
        return []
    language_code = language_code or get_language() or settings.LANGUAGE_CODE
    return (
        ServicePage.objects.live()
        .filter(
            public_q(),
            translation_key__in=[uuid.UUID(service_id) for service_id in service_ids],
            status__in=VISIBLE_STATUSES,
            locale__language_code__in={language_code, settings.LANGUAGE_CODE},
        )
        .annotate(locale_id_language=F("locale__language_code"))
        .order_by()
    )


def pick_translations(services, service_ids, language_code=None):
    """One service per id, preferring the reader's language, in the order of `service_ids`."""
    language_code = language_code or get_language() or settings.LANGUAGE_CODE
    chosen = {}
    for service in services:
        key = service.translation_key.hex
        current = chosen.get(key)
        if current is None or service.locale_id_language == language_code:
            chosen[key] = service
    return [chosen[service_id] for service_id in service_ids if service_id in chosen]
