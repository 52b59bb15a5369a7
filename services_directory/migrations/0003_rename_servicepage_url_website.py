"""ServicePage.url hid Wagtail's Page.url (the page's own address): the service's website is `website`.

The data stays where it is (a column rename), and reversing renames it back.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0002_editor_permissions")]

    operations = [migrations.RenameField(model_name="servicepage", old_name="url", new_name="website")]
