"""Local development: debug on, emails printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
LOCAL_ADMIN_ALLOWED = True  # `make run` creates a local admin; production never does

# Serve the built assets straight from static_compiled/ without collectstatic.
WHITENOISE_USE_FINDERS = True
# Media stays where base.py put it (local files, or the bucket when AWS_STORAGE_BUCKET_NAME is set).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
