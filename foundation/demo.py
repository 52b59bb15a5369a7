"""What every app's demo loader shares: who changed an object in the admin, and what was made.

The admin wins over the demo data. `make run` loads the demo every time, so an object an editor
has changed is left as it is, and one an editor deleted is not made again: each loader records
what it made under a stable key (`DemoRecord`), and a key made before whose object is gone was
deleted on purpose.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import registry as log_registry

from foundation.models import DemoRecord


def changed_in_admin_by(instance):
    """The person who last changed instance in the admin, or None if only a loader has.

    Everything the loaders save has no user. A person's work leaves their name on a revision
    (drafts, publishing, a translator's edits) or on a log entry (unpublishing, moving, editing
    a snippet or the site settings).
    """
    revision = getattr(instance, "latest_revision", None)
    if revision is not None and revision.user_id:
        return revision.user
    entry = (
        log_registry.get_logs_for_instance(instance)
        .filter(user__isnull=False)
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return entry.user if entry else None


def kept_for_editor(instance, log, label=None):
    """True (and says so to `log`) when an editor has changed instance: a loader leaves it alone."""
    person = changed_in_admin_by(instance)
    if person is None:
        return False
    label = label or repr(str(instance))
    log(f"  kept {label}: changed in the admin by {person.get_username()}")
    return True


class DemoRecords:
    """The objects the demo loaders made, by key; read once, so a load asks once per object."""

    def __init__(self):
        self._records = {record.key: record for record in DemoRecord.objects.all()}

    def find(self, key):
        """(made, instance): whether a loader made key's object before, and that object now.

        made with no instance means someone deleted it. An object found here is found wherever
        an editor moved it.
        """
        record = self._records.get(key)
        if record is None:
            return False, None
        model = ContentType.objects.get_for_id(record.content_type_id).model_class()
        if model is None:  # its model was removed from the code: nothing to make again
            return True, None
        return True, model._base_manager.filter(pk=record.object_id).first()

    def deleted(self, key, log, label):
        """True (and says so to `log`) when key's object was made before and is gone."""
        made, instance = self.find(key)
        if made and instance is None:
            log(f"  left out {label}: deleted in the admin")
            return True
        return False

    def remember(self, key, instance):
        """Record that key's object is instance; writes only when that is news."""
        content_type = ContentType.objects.get_for_model(instance)
        record = self._records.get(key)
        if (
            record is not None
            and record.content_type_id == content_type.pk
            and record.object_id == str(instance.pk)
        ):
            return
        record, _created = DemoRecord.objects.update_or_create(
            key=key, defaults={"content_type": content_type, "object_id": str(instance.pk)}
        )
        self._records[key] = record
