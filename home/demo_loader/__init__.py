"""Turn home's demo content (home/demo_content/*.json) into published, translated pages.

Idempotent: a page is saved and published only when its content differs from the data, and a
translation is made only once, so running the loader twice changes nothing.

The admin wins: `make run` loads the demo every time, so anything an editor has changed there (a
page, a translation, a snippet, the site settings) is left as it is and the progress output says
so, and a page or translation an editor deleted is not made again (foundation.demo).

The other apps load their own demo (their AppConfig's `load_demo`); `load_demo_content` runs
them all, then `translate_all` copies every page under the home page into the other languages.
"""

from django.apps import apps
from django.db import transaction

from foundation.bulk_tasks import tasks_run_once
from foundation.demo import DemoRecords, kept_for_editor
from home.demo_content.translations import catalogue as demo_catalogue

from . import content
from .content import DemoContentError
from .pages import PageLoading
from .site_settings import SettingsLoading
from .translations import DEMO_TRANSLATION_TOOL, TranslationLoading

__all__ = ["DEMO_TRANSLATION_TOOL", "DemoContentError", "DemoLoader"]


class DemoLoader(PageLoading, SettingsLoading, TranslationLoading):
    """Loads home's demo content; `log` receives one line of progress per step."""

    def __init__(self, log=print, catalogue=demo_catalogue):
        self.log = log
        self.changed = 0
        # language code -> {English text: translation} (home/demo_content/translations/).
        self.catalogue = catalogue
        self.records = DemoRecords()
        # Other apps' demo pages sit under the home page and are translated with home's; their
        # AppConfig says which of their snippets to copy too, and how to mend a fresh copy.
        others = [config for config in apps.get_app_configs() if config.name != "home"]
        self.extra_snippets = [
            config.demo_snippets_to_translate
            for config in others
            if hasattr(config, "demo_snippets_to_translate")
        ]
        self.copy_fixes = [
            config.fix_demo_translation
            for config in others
            if hasattr(config, "fix_demo_translation")
        ]

    def _kept(self, instance, label=None):
        return kept_for_editor(instance, self.log, label)

    @transaction.atomic
    @tasks_run_once()  # each page is indexed once, when the load ends
    def load(self):
        """Home's pages, settings and snippets in the default language; returns (home, pages)."""
        # Read and check every file first: a mistake in one stops the load before any save.
        site_data = content.read(content.SITE)
        content.documents()
        self.records = DemoRecords()
        self.log("Languages")
        locales = self.ensure_locales()
        self.log("Home page")
        home = self.ensure_home(locales["en"])
        pages = self.load_documents(home, site_data)
        self.log("Site settings, safeguarding notice and topics")
        self.load_settings(home, site_data, pages)
        self.load_safeguarding_notice(site_data, locales["en"])
        self.log("Home page content")
        self.load_home(home, pages, site_data)
        return home, pages
