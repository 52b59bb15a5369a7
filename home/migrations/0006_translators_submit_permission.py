"""Let the Editors and Moderators groups translate: wagtail-localize's "Translate" and "Sync".

wagtail-localize offers its "Translate this page", "Translate" (snippets) and "Sync translated
pages" actions only to people with its `submit_translation` permission, which no group had, so
only superusers could start or update a translation (issue 10).
"""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def _permission(apps):
    Permission = apps.get_model("auth", "Permission")
    # Made by wagtail_localize's own migration 0006, so it exists by now.
    return Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()


def grant(apps, schema_editor):
    permission = _permission(apps)
    if permission is None:
        return
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    permission = _permission(apps)
    if permission is None:
        return
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_search_keywords"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        # The Editors and Moderators groups are made by Wagtail's own migrations.
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
