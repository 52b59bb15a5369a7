"""Response headers that Django's SecurityMiddleware does not set."""

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy; geolocation stays allowed for "services near me"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
