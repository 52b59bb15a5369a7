"""Finding services: the directory's search form, filters, counts, results and service pages."""

from .directory import directory_context
from .service import service_context

__all__ = ["directory_context", "service_context"]
