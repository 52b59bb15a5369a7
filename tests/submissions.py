"""Posting a public form as the browser does: with the submission token its page rendered.

Every public form that stores something carries a random `submission_key` (foundation.
idempotency); a post without one is refused. Tests that post such a form add a fresh token here
rather than the site making it optional.
"""

from foundation.idempotency import TOKEN_FIELD, new_token


def token():
    """A form's one-time submission token, as a rendered form carries it."""
    return new_token()


def with_token(data=None, **fields):
    """`data` and `fields` with a fresh token, unless they carry one (or None to leave it out)."""
    sent = {**(data or {}), **fields}
    if TOKEN_FIELD not in sent:
        sent[TOKEN_FIELD] = new_token()
    elif sent[TOKEN_FIELD] is None:
        del sent[TOKEN_FIELD]
    return sent
