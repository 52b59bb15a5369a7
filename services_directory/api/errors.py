"""JSON responses for the Open Referral UK API, with the CORS header ORUK requires on every one.

ORUK's OpenAPI documents define no error body, so errors follow one shape of our own, documented
in docs/openreferral-api.md: ``{"code": 400, "message": "...", "errors": [{"parameter": "page",
"message": "..."}]}``. Messages name the parameter and what is expected; they never repeat the
value, so markup someone sent is never reflected.
"""

import functools
import json
import logging

from django.http import HttpResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
API_URLCONF = "services_directory.api.root_urls"


class ApiError(Exception):
    """An answer other than 200: a status, a message and, for bad parameters, what was wrong."""

    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []

    def as_dict(self):
        body = {"code": self.status, "message": str(self.message)}
        if self.errors:
            body["errors"] = [
                {"parameter": parameter, "message": str(message)}
                for parameter, message in self.errors
            ]
        return body


def not_found(message):
    return ApiError(404, message)


def json_response(data, status=200):
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        status=status,
        content_type="application/json; charset=utf-8",
    )
    return with_cors(response)


def with_cors(response):
    # ORUK compliance: "all HTTP responses will implement Access-Control-Allow-Origin: *".
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    return response


def error_response(error):
    response = json_response(error.as_dict(), status=error.status)
    if error.status == 405:
        response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def api_view(view):
    """Read-only JSON view: GET and HEAD answer, OPTIONS is a CORS pre-flight, errors are JSON."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.urlconf = API_URLCONF
        if request.method == "OPTIONS":
            response = with_cors(HttpResponse(status=204))
            response["Access-Control-Max-Age"] = "86400"
            return response
        if request.method not in ALLOWED_METHODS:
            return error_response(ApiError(405, _("This API is read-only: use GET.")))
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return error_response(error)
        except Exception:
            # Another system is reading us: a JSON 500 with the CORS header tells it more than an
            # HTML error page its browser may not even let it read.
            logger.exception("Open Referral API error on %s", request.path)
            return error_response(
                ApiError(500, _("Something went wrong on our side. Try again later."))
            )

    wrapper.csrf_exempt = True
    return wrapper
