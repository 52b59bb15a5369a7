"""Make the "Consultation moderators" group: it works the moderation queue, and nothing else.

Kept apart from Editors (who publish pages) so a council can let community staff or youth
workers moderate without page rights, and editors get no moderation rights by default.
Names and email addresses (consultations.view_personal_data) are not granted: a council gives
that permission to the few people who need it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Consultation moderators"
PERMISSIONS = {
    "idea": ["change", "view"],
    "comment": ["change", "view"],
    "abusereport": ["change", "view"],
}


def _permissions(apps):
    # Permissions are normally made after all migrations; make them now so they can be granted.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    moderation = Permission.objects.filter(
        content_type__app_label="consultations", codename__in=codenames
    )
    admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return [*moderation, *admin]


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*_permissions(apps))


def remove_group(apps, schema_editor):
    # Members lose the group with it; their accounts stay.
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # The Editors and Moderators groups this one stands beside are made here.
        ("wagtailcore", "0002_initial_data"),
        # After Wagtail's one-off grant of image and document choosing to every admin group,
        # so this group holds exactly the permissions listed above whatever order runs them.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
