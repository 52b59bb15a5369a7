"""Response headers that Django's SecurityMiddleware does not set."""

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()"
)


class HealthCheckMiddleware:
    """Answers /healthz/ before the HTTPS redirect and the Host check.

    Load balancers probe each server over plain HTTP at its own address; a 301 to HTTPS or a
    400 for an unlisted Host would read as "down" while the site is fine.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz/":
            from council_site.views import healthz

            return healthz(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy; geolocation stays allowed for "services near me"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def client_ip(request):
    """The visitor's address behind PROXY_COUNT trusted proxies, for django-ratelimit.

    Each proxy appends the address it saw to X-Forwarded-For, so the visitor's is the one
    PROXY_COUNT places from the end; anything before it may be forged by the visitor.
    """
    from django.conf import settings

    count = getattr(settings, "PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
