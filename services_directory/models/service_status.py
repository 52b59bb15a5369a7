"""Whether a service is running: the statuses editors choose and those parents are shown."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Closed for good")


# Inactive and closed-for-good listings stay in the admin and the API, not in a parent's results.
VISIBLE_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
