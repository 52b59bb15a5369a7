"""The fixed lists residents and moderators choose from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RespondentType(models.TextChoices):
    PARENT_CARER = "parent_carer", _("A parent or carer")
    YOUNG_PERSON = "young_person", _("A young person")
    PROFESSIONAL = "professional", _("A professional working with families")
    OTHER = "other", _("Someone else")


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")
    HIDDEN = "hidden", _("Hidden")


class RejectionReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("Not about this consultation")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    PERSONAL_DETAILS = "personal_details", _("Contains personal details")
    SAFEGUARDING = "safeguarding", _("Passed to the safeguarding team")
    SPAM = "spam", _("Spam or advertising")
    DUPLICATE = "duplicate", _("Repeats another idea")
    OTHER = "other", _("Another reason")


class ResponseStatus(models.TextChoices):
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    TAKEN_FORWARD = "taken_forward", _("Taken forward")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")
    ALREADY_HAPPENING = "already_happening", _("Already happening")


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Check each idea before it is published (pre-moderation)")
    POST = "post", _("Publish ideas at once and check them afterwards (post-moderation)")


class ReportReason(models.TextChoices):
    OFFENSIVE = "offensive", _("It is offensive or abusive")
    PERSONAL_DETAILS = "personal_details", _("It shares someone's personal details")
    SAFEGUARDING = "safeguarding", _("I am worried about someone's safety")
    SPAM = "spam", _("It is spam or advertising")
    OTHER = "other", _("Something else")


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
