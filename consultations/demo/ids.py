"""The demo consultations' fixed keys, and values in the form the database gives them back.

Pages and themes have translation keys derived from their data (uuid5) and supporters fixed
hashes, so a second load finds what the first made; values are compared in their stored JSON
form, so a second load saves only what differs.
"""

import hashlib
import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:consultations:demo")


def demo_uuid(kind, key):
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def board_key(consultation_data, board_data):
    """The board's key among all the demo's boards, which its page's and themes' keys build on."""
    return f"{consultation_data['key']}:{board_data['slug']}"


def supporter_hash(submission_key, number):
    """A made-up supporter, the same on every run, shaped like the site's keyed hashes."""
    return hashlib.sha256(f"demo-supporter:{submission_key}:{number}".encode()).hexdigest()


def as_json(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))
