from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesDirectoryConfig(AppConfig):
    name = "services_directory"
    verbose_name = _("Services directory")

    def ready(self):
        from services_directory.openreferral import last_modified

        last_modified.connect_signals()
