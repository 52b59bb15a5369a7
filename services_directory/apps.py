from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesDirectoryConfig(AppConfig):
    name = "services_directory"
    verbose_name = _("Services directory")

    def ready(self):
        from foundation import page_cache
        from services_directory.openreferral import last_modified

        last_modified.connect_signals()
        # A reader's report of a wrong phone number is for the directory team, not the page.
        page_cache.reader_content(self.label, except_models=["ProblemReport"])

    def load_demo(self, home, log):
        """Load the demo directory (categories, places, services) under `home`, after home's pages.

        Returns how many objects changed.
        """
        from services_directory.demo.loader import load_demo

        return load_demo(home, log)

    def demo_snippets_to_translate(self, locale):
        """The directory's demo snippets for home's translation step, in the order to copy them."""
        from services_directory.demo.translations import snippets_to_translate

        return snippets_to_translate(locale)

    def fix_demo_translation(self, copy):
        """Mend a fresh copy of a directory page; returns whether it changed."""
        from services_directory.demo.translations import categories_in_language

        return categories_in_language(copy)
