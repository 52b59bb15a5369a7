"""Let the Editors and Moderators groups manage directory snippets and work the problem-report queue."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
# Families file problem reports through the public form, so editors never add them by hand.
PERMISSIONS = {
    "organisation": ["add", "change", "delete", "view"],
    "location": ["add", "change", "delete", "view"],
    "taxonomy": ["add", "change", "delete", "view"],
    "taxonomyterm": ["add", "change", "delete", "view"],
    "schoolholiday": ["add", "change", "delete", "view"],
    "problemreport": ["change", "delete", "view"],
}


def _permissions(apps):
    # Permissions are normally made after all migrations; make them now so they can be granted.
    app_config = apps.get_app_config("services_directory")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    return Permission.objects.filter(content_type__app_label="services_directory", codename__in=codenames)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = list(_permissions(apps))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # The Editors and Moderators groups are made by Wagtail's own migrations.
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
