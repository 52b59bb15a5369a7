from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from foundation import page_cache

        # Ideas, comments and support come from readers: posting, moderation and reports move
        # the generation themselves where a page must change at once (a support count may lag
        # by PAGE_CACHE_SECONDS).
        page_cache.reader_content(self.label, except_models=["Idea", "Comment", "Support"])

    def load_demo(self, home, log):
        """Load the demo consultations, their boards and ideas under `home`, after home's pages.

        Returns how many objects changed.
        """
        from consultations.demo.loader import load_demo

        return load_demo(home, log)
