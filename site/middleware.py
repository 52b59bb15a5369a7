"""Response headers that Django's SecurityMiddleware does not set."""

from council_site.views import healthz

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
