"""The demo directory's fixed ids: each derived from a slug, so a second load finds the first's."""

import uuid

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:services-directory:demo")


def demo_uuid(kind, slug):
    return uuid.uuid5(NAMESPACE, f"{kind}:{slug}")
