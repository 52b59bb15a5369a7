"""Let the Editors and Moderators groups keep the search vocabulary, promote results and read
the search terms report (issue 9, part 2 and 4).

Consultation moderators get nothing here: they work the ideas queue, not the site's pages.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
PERMISSIONS = {
    ("search", "synonymset"): ["add", "change", "delete", "view"],
    # The report's permission; the counts are written by searching, never by hand.
    ("search", "searchqueryday"): ["view"],
    # The three Wagtail offers in the group editor for promoted search results.
    ("wagtailsearchpromotions", "searchpromotion"): ["add", "change", "delete"],
}


def _permissions(apps):
    # Permissions are normally made after all migrations; make them now so they can be granted.
    for label in {app_label for app_label, _model in PERMISSIONS}:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    found = []
    for (app_label, model), actions in PERMISSIONS.items():
        found.extend(
            Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = _permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = _permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_search_query_day"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The Editors and Moderators groups are made by Wagtail's own migrations.
        ("wagtailcore", "0002_initial_data"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
