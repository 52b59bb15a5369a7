"""The public end of the report: the results page says a result was opened (navigator.sendBeacon).

csrf_exempt because a beacon cannot carry Django's CSRF token; the signed token stands in for
it: a forged or stale one is refused, and the worst a replayed one can do is add to a counter,
which the per-address rate limit bounds.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from foundation.spam_protection import rate_limited

from .recording import MAX_TOKEN_LENGTH, BadToken, read_opened_token, record_opened

DEFAULT_OPENED_RATE = "300/h"
TOO_MANY_REQUESTS = 429


def _token(request):
    # sendBeacon sends a string as text/plain and URLSearchParams or FormData as a form.
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return request.POST.get("token", "")
    body = request.body[: MAX_TOKEN_LENGTH + 1]
    return body.decode("utf-8", errors="replace").strip()


@csrf_exempt
@require_POST
def search_opened(request):
    """Count one opened result for the search the token names: 204, or 400 for a bad token."""
    rate = getattr(settings, "SEARCH_OPENED_RATE", DEFAULT_OPENED_RATE)
    if rate_limited(request, "search-opened", rate):
        return HttpResponse(status=TOO_MANY_REQUESTS)
    try:
        language, query, day = read_opened_token(_token(request))
    except BadToken:
        return HttpResponseBadRequest()
    record_opened(language, query, day)
    return HttpResponse(status=204)
