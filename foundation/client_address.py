"""The visitor's address, for rate limits (RATELIMIT_IP_META_KEY)."""

from django.conf import settings


def client_ip(request):
    """The visitor's address behind PROXY_COUNT trusted proxies, for django-ratelimit.

    Each proxy appends the address it saw to X-Forwarded-For, so the visitor's is the one
    PROXY_COUNT places from the end; anything before it may be forged by the visitor.
    """
    count = getattr(settings, "PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
