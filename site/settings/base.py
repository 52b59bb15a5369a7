"""Settings shared by every mode, read from the environment through one django-environ reader."""

from pathlib import Path

import django.conf.locale
import environ
from csp.constants import SELF
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))


def env_list(name, default=""):
    """A comma-separated variable as a list, with the spaces around each item stripped."""
    return [item.strip() for item in env.str(name, default=default).split(",") if item.strip()]


SECRET_KEY = env.str("SECRET_KEY", default="insecure-development-key-never-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "council_site",
    "foundation",
    "home",
    "services_directory",
    "consultations",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_recaptcha",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "council_site.middleware.HealthCheckMiddleware",
    # A lost database connection in a view answers 503 with Retry-After and the typed text kept.
    "foundation.database_outage.DatabaseOutageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and locale: a cookieless repeat view is answered from the cache at once.
    "foundation.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which has checked the Host header against ALLOWED_HOSTS.
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "council_site.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so a locked-out admin sign-in answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "council_site.urls"
WSGI_APPLICATION = "council_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_furniture",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
SQLITE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url("DATABASE_URL", default=SQLITE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the scheduled-publishing loop and the web server write without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            # A write transaction takes the lock when it starts, so two at once queue behind the
            # busy timeout instead of one failing with "database is locked" on its first write.
            "transaction_mode": "IMMEDIATE",
        }
    )
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# A kept connection that died while idle (PostgreSQL restarted) is replaced before it is used.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# The default cache must be shared between processes so that rate limits and the admin sign-in
# throttle hold under several gunicorn workers: the database cache does that with no extra
# service, and Redis replaces it when REDIS_URL is set.
REDIS_URL = env.str("REDIS_URL", default="")
# Pages live in a cache of their own: a flood of distinct URLs fills it and makes it cull, and a
# cull there must never throw away rate-limit counters or the admin sign-in lock-outs.
if REDIS_URL:
    _redis = {
        # A Redis outage degrades to cache misses, logged once per outage (foundation/cache.py).
        "BACKEND": "foundation.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "TIMEOUT": 300,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
    CACHES = {"default": _redis, "pages": {**_redis, "KEY_PREFIX": "pages"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "council_cache",
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "council_page_cache",
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        },
    }
# Anonymous pages are served from the cache this long (0 turns the page cache off).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Search ---------------------------------------------------------------------------------
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")  # empty: database search
ELASTICSEARCH_INDEX = env.str("ELASTICSEARCH_INDEX", default="family_services")
# Wagtail's database backend, with fast ranking on SQLite (docs/decisions/0003-search-backend.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database_backend"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["elasticsearch"] = {
        "BACKEND": "search.elasticsearch",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": ELASTICSEARCH_INDEX,
        "TIMEOUT": 5,
        "OPTIONS": {"max_retries": 0},
        # Polish stemming needs Elasticsearch's stempel plugin (docs/decisions/0006).
        "POLISH_STEMMER": env.bool("ELASTICSEARCH_POLISH_STEMMER", default=False),
    }

# Days the search terms report keeps its daily counts (and Wagtail's daily search hits).
SEARCH_QUERY_RETENTION_DAYS = env.int("SEARCH_QUERY_RETENTION_DAYS", default=365)
# How many "result opened" beacons one address may send (django-ratelimit's rate syntax).
SEARCH_OPENED_RATE = env.str("SEARCH_OPENED_RATE", default="300/h")
# A cache that cannot count is not "over the limit": foundation.spam_protection.rate_limited
# then counts in each process instead (docs/decisions/0009-cache-outages.md).
RATELIMIT_FAIL_OPEN = True

# --- Auth and the admin sign-in throttle ----------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Wagtail's sign-in form has no throttle of its own (DEVELOPERS.md, known traps).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failures are counted in the database, so the throttle holds (and never errors) when Redis is
# down; the database is the one part the site cannot serve without anyway.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Only failures are kept (and pruned after AXES_COOLOFF_TIME): no log of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
_LANGUAGE_NAMES = {
    "en": _("English"),
    "pl": _("Polish"),
    "ro": _("Romanian"),
    "ar": _("Arabic"),
    "ur": _("Urdu"),
    "bn": _("Bengali"),
    "cy": _("Welsh"),
    "so": _("Somali"),
    "pa": _("Punjabi"),
    "fa": _("Persian"),
    "uk": _("Ukrainian"),
}
_language_codes = env_list("LANGUAGES", "en,pl,ro,ar,ur,bn")
# Languages UK councils publish in that Django has no details for: without these, a page in
# Somali or Pashto failed with "Unknown language code" in the language switcher.
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "gu": {"bidi": False, "code": "gu", "name": "Gujarati", "name_local": "ગુજરાતી"},
}
django.conf.locale.LANG_INFO.update(
    {
        code: info
        for code, info in EXTRA_LANG_INFO.items()
        if code not in django.conf.locale.LANG_INFO
    }
)
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "ps"]
_unknown = [code for code in _language_codes if code not in django.conf.locale.LANG_INFO]
if _unknown:
    raise ImproperlyConfigured(
        f"LANGUAGES names language codes Django does not know: {', '.join(_unknown)}. "
        "Use codes such as en, pl, ro, ar, ur, bn, cy, so, pa, fa, uk (site/settings/base.py)."
    )
_LANGUAGE_NAMES.update(
    {
        "ti": _("Tigrinya"),
        "ps": _("Pashto"),
        "gu": _("Gujarati"),
    }
)
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, _LANGUAGE_NAMES.get(code, django.conf.locale.LANG_INFO[code]["name"]))
    for code in _language_codes
]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English")]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static_compiled"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share media through an S3-compatible bucket (AWS, MinIO, Ceph...):
# set AWS_STORAGE_BUCKET_NAME and images, documents and renditions go there (docs/deployment.md).
# The bucket stays private: documents are streamed by Wagtail's serve view (privacy checked,
# headers as before) and image originals get signed links. Renditions alone are linked without a
# signature, so cached pages keep working links: the bucket policy makes `images/*` readable.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_ORIGIN = ""
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
        "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
        "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        "location": env.str("AWS_LOCATION", default=""),
        "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
        "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=3600),
        "default_acl": None,  # the bucket's own policy decides; never public-read per object
        "file_overwrite": False,
        "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or None,
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3}
    STORAGES["renditions"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "querystring_auth": env.bool("AWS_RENDITIONS_SIGNED", default=False)},
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Where pages load images from, for the Content-Security-Policy's img-src.
    if _s3["custom_domain"]:
        MEDIA_ORIGIN = f"https://{_s3['custom_domain']}"
    elif _s3["endpoint_url"]:
        MEDIA_ORIGIN = "/".join(_s3["endpoint_url"].split("/")[:3])
    else:
        MEDIA_ORIGIN = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    MEDIA_ORIGIN = env.str("MEDIA_ORIGIN", default=MEDIA_ORIGIN)

# Uploads: an allow-list of types and a size limit (issue 3, hardening).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "ods", "csv", "txt", "pptx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.LimitedDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Family services")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Machine translation (optional) ---------------------------------------------------------
# Off unless MACHINE_TRANSLATION names a service: each needs a key or a server of its own.
# Drafts it makes are marked "machine translated" until an editor reviews them (issue 10).
MACHINE_TRANSLATION = env.str("MACHINE_TRANSLATION", default="").strip().lower()
MACHINE_TRANSLATION_TIMEOUT = env.int("MACHINE_TRANSLATION_TIMEOUT", default=10)
if MACHINE_TRANSLATION == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "home.machine_translation.LibreTranslateTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.str("LIBRETRANSLATE_URL"),  # no default: say where
            "API_KEY": env.str("LIBRETRANSLATE_API_KEY", default=""),
            "TIMEOUT": MACHINE_TRANSLATION_TIMEOUT,
        },
    }
elif MACHINE_TRANSLATION == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "home.machine_translation.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env.str("DEEPL_API_KEY"),  # no default: DeepL needs a key
            # Empty: api-free.deepl.com for keys ending ":fx", api.deepl.com for the others.
            "API_URL": env.str("DEEPL_API_URL", default=""),
            "TIMEOUT": MACHINE_TRANSLATION_TIMEOUT,
        },
    }
elif MACHINE_TRANSLATION:
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATION={MACHINE_TRANSLATION!r} is not a service this site knows: "
        "use libretranslate or deepl, or leave it empty for none."
    )

# --- Email ----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="family-services@example.gov.uk")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- reCAPTCHA ------------------------------------------------------------------------------
# Google's published test keys always pass; production must set real ones (production.py).
RECAPTCHA_PUBLIC_KEY = env.str(
    "RECAPTCHA_PUBLIC_KEY", default="6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI"
)
RECAPTCHA_PRIVATE_KEY = env.str(
    "RECAPTCHA_PRIVATE_KEY", default="6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe"
)
RECAPTCHA_ENABLED = env.bool("RECAPTCHA_ENABLED", default=False)
# "v2": the "I'm not a robot" checkbox; "v3": an invisible score, refused below the threshold.
RECAPTCHA_VERSION = env.str("RECAPTCHA_VERSION", default="v2")
RECAPTCHA_REQUIRED_SCORE = env.float("RECAPTCHA_REQUIRED_SCORE", default=0.5)
# Where django-recaptcha checks answers; tests point it at a local stand-in server.
RECAPTCHA_DOMAIN = env.str("RECAPTCHA_DOMAIN", default="www.google.com")
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

# --- Security headers and Content-Security-Policy -------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
MAP_ATTRIBUTION = env.str("MAP_ATTRIBUTION", default="")
_map_origin = "/".join(MAP_TILE_URL.split("/")[:3]).replace("{s}.", "*.") if MAP_TILE_URL else ""
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin uses inline scripts and styles of its own; the public site uses none
    # except GOV.UK Frontend's one-line js-enabled script, allowed by its hash (below).
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": [
            SELF,
            # The sha256 of the js-enabled script in templates/base.html, as GOV.UK Frontend
            # publishes it. A hash, not a nonce, so a page is the same bytes for every reader
            # and a cached copy needs no rewriting (tests/council_site/test_csp_hash.py).
            "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='",
            "https://www.google.com/recaptcha/",
            "https://www.gstatic.com/recaptcha/",
        ],
        "style-src": ["'self'"],
        "img-src": [
            "'self'",
            "data:",
            *([_map_origin] if _map_origin else []),
            *([MEDIA_ORIGIN] if MEDIA_ORIGIN else []),
        ],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.google.com/recaptcha/",
            "https://recaptcha.google.com/recaptcha/",
        ],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Site-specific ---------------------------------------------------------------------------
# Days after a listing was last checked before it is due for review.
DIRECTORY_REVIEW_INTERVAL_DAYS = env.int("DIRECTORY_REVIEW_INTERVAL_DAYS", default=365)
# How many problem reports one address may send (django-ratelimit's rate syntax).
DIRECTORY_PROBLEM_REPORT_RATE = env.str("DIRECTORY_PROBLEM_REPORT_RATE", default="10/h")
DIRECTORY_GEOCODER = env.str(
    "DIRECTORY_GEOCODER", default="services_directory.geo.geocoder.CentroidGeocoder"
)
# Parts /healthz/ needs for a 200; the others (cache, search, email) are reported but optional,
# because the site serves without them (README, "When a part is down").
HEALTHCHECK_REQUIRED = env_list("HEALTHCHECK_REQUIRED", "database")

# Consultations (issue 8): how often one address may post, support, comment and report
# (django-ratelimit's rate syntax), and how many residents' reports hide an item until a
# moderator has looked at it.
CONSULTATIONS_IDEA_RATE = env.str("CONSULTATIONS_IDEA_RATE", default="10/h")
CONSULTATIONS_SUPPORT_RATE = env.str("CONSULTATIONS_SUPPORT_RATE", default="100/h")
CONSULTATIONS_COMMENT_RATE = env.str("CONSULTATIONS_COMMENT_RATE", default="20/h")
CONSULTATIONS_REPORT_RATE = env.str("CONSULTATIONS_REPORT_RATE", default="20/h")
CONSULTATIONS_HIDE_AFTER_REPORTS = env.int("CONSULTATIONS_HIDE_AFTER_REPORTS", default=3)
# Working days within which moderators promise to check a new idea (shown to residents).
CONSULTATIONS_MODERATION_DAYS = env.int("CONSULTATIONS_MODERATION_DAYS", default=2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django.security.csrf": {"level": "WARNING"},
        "elastic_transport": {"level": "ERROR"},
        # A Redis outage's start is a warning; its end, an INFO line worth keeping.
        "foundation.cache": {"level": "INFO"},
    },
}
