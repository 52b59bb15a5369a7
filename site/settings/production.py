"""Production: secrets must come from the environment, HTTPS everywhere, no demo accounts."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = env.bool("DEBUG", default=False)
# No default: a missing key stops the process rather than signing sessions with a known one.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY: production refuses to start without it.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names.")
# gunicorn's workers serve one request at a time, so each keeps its connection between requests:
# a new PostgreSQL connection per request costs more than a cached page takes to serve.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# No test keys in production. RECAPTCHA_ENABLED means what it says in every mode and is never
# guessed from the keys; production's default is on, so forgotten keys stop the site at start
# (switched on without keys, every form would be refused) instead of silently leaving the forms
# with the honeypot alone. A council that chooses no reCAPTCHA says RECAPTCHA_ENABLED=false.
RECAPTCHA_PUBLIC_KEY = env.str("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env.str("RECAPTCHA_PRIVATE_KEY", default="")
RECAPTCHA_ENABLED = env.bool("RECAPTCHA_ENABLED", default=True)
if RECAPTCHA_ENABLED and not (RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY):
    raise ImproperlyConfigured(
        "RECAPTCHA_ENABLED is on (production's default): set RECAPTCHA_PUBLIC_KEY and "
        "RECAPTCHA_PRIVATE_KEY, or RECAPTCHA_ENABLED=false to run without reCAPTCHA."
    )
# Checked here so a typo stops the site at start rather than breaking every public form.
# (foundation.spam_protection.RECAPTCHA_VERSIONS; not imported: settings load before apps.)
RECAPTCHA_VERSION = env.str("RECAPTCHA_VERSION", default="v2").strip().lower()
if RECAPTCHA_VERSION not in ("v2", "v3"):
    raise ImproperlyConfigured("Set RECAPTCHA_VERSION to v2 (checkbox) or v3 (score).")
if not 0.0 <= RECAPTCHA_REQUIRED_SCORE <= 1.0:  # noqa: F405
    raise ImproperlyConfigured("Set RECAPTCHA_REQUIRED_SCORE between 0.0 and 1.0.")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
PROXY_COUNT = env.int("PROXY_COUNT", default=1)
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT
RATELIMIT_IP_META_KEY = "foundation.client_address.client_ip"
