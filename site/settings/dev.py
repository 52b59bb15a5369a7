"""Local development: debug on, emails printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
LOCAL_ADMIN_ALLOWED = True  # `make run` creates a local admin; production never does
