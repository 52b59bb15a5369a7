"""Emails to residents who asked for updates, and to moderators."""


def ask_to_confirm_email(contributor, request):
    """Send the double opt-in link to a contributor who left an email address."""


def tell_author_published(idea):
    """Tell a confirmed author their idea is published (once)."""


def tell_author_answered(idea):
    """Tell a confirmed author the council has answered their idea (once)."""
