"""Every public form stores a submission once, however many times it is sent.

A form is rendered with a random token in a hidden field (`submission_key`). What is stored
carries a key made from that token and what was sent, under a unique constraint in the database,
so a double click, "back" and send again, or twenty identical requests at once store one row;
the repeats find that row and get the same answer as the first. The database decides who was
first (an INSERT inside transaction.atomic and its IntegrityError), never a check-then-insert,
so it holds on SQLite and PostgreSQL alike.

The key includes the words sent, not only the token: someone who goes back, changes what they
wrote and sends it again has their new words stored rather than silently dropped.

A post without a well-formed token (a page from before tokens, or a hand-made request) is
refused with a message and the person's text kept; the form they see again carries a new token.

Pages carrying a token are never stored in the anonymous page cache: they carry a CSRF token
too, whose cookie makes foundation.page_cache skip them, so no two people share a token.
"""

import hashlib
import re
import uuid

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

TOKEN_FIELD = "submission_key"  # noqa: S105 - a field name, not a secret
_TOKEN = re.compile(r"\A[0-9a-f]{32}\Z")
TOKEN_MISSING = _("Your form could not be sent. Check your answers and send it again.")


def new_token():
    """A token for one rendering of a form."""
    return uuid.uuid4().hex


def valid_token(value):
    """`value` when it is a token this site issues, otherwise ""."""
    text = str(value or "")
    return text if _TOKEN.match(text) else ""


def submission_key(token, *content):
    """The key stored with a submission: its form's token and the words sent (64 hex digits)."""
    text = "\x1f".join([token, *(str(part) for part in content)])
    return hashlib.sha256(text.encode()).hexdigest()


def store_once(model, lookup, create):
    """Run `create()` (which saves one row) unless a row matching `lookup` exists.

    Returns (row, created). `lookup` must name the fields of a unique constraint that `create()`
    fills in, so a second request racing the first fails on it and is answered with the first's
    row. Anything `create()` saves besides is rolled back with it.
    """
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model.objects.filter(**lookup).first()
        if existing is None:  # another constraint failed: not a repeat
            raise
        return existing, False


class SubmittedOnceForm(forms.Form):
    """A form whose submission is stored once: render `form.submission_token` in the hidden
    `submission_key` input, and store with `form.submission_key_for(...)`."""

    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_submission_key(self):
        token = valid_token(self.cleaned_data.get("submission_key"))
        if not token:
            self.add_error(None, forms.ValidationError(TOKEN_MISSING, code="submission_key"))
        return token

    @property
    def submission_token(self):
        """The token to render: the one sent (after an error), or a new one."""
        if not hasattr(self, "_submission_token"):
            sent = valid_token(self.data.get(TOKEN_FIELD)) if self.is_bound else ""
            self._submission_token = (
                sent or valid_token(self.initial.get(TOKEN_FIELD)) or (new_token())
            )
        return self._submission_token

    def submission_key_for(self, *content):
        """The key to store with this submission, from its token and `content`."""
        return submission_key(self.cleaned_data[TOKEN_FIELD], *content)
