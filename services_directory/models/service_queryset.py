"""The service pages' manager, with the review report's filters."""

from django.db import models
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from .review import review_cutoffs


class ServicePageQuerySet(PageQuerySet):
    def due_for_review(self, today=None):
        """Listings never checked, or checked so long ago that review is due within 30 days."""
        _overdue, due_soon = review_cutoffs(today)
        return self.filter(
            models.Q(last_checked__isnull=True) | models.Q(last_checked__lte=due_soon)
        )

    def overdue_for_review(self, today=None):
        overdue, _due_soon = review_cutoffs(today)
        return self.filter(
            models.Q(last_checked__isnull=True) | models.Q(last_checked__lte=overdue)
        )


class ServicePageManager(PageManager.from_queryset(ServicePageQuerySet)):
    pass
