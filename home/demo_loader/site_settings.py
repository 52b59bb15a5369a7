"""The demo site's languages, home page, settings and snippets (site text, notice, topics)."""

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from home.models import (
    HomePage,
    PolicyTopic,
    SafeguardingNotice,
    SiteSettings,
    SiteText,
    SocialLink,
)

from .pages import normalise


class SettingsLoading:
    """The site-wide part of DemoLoader: needs self.log, self.changed and self._kept."""

    def ensure_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }

    def ensure_home(self, locale):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=locale).first()
        if home is None:
            # Wagtail's first migration makes a "Welcome to Wagtail" page; ours replaces it.
            for page in root.get_children().filter(slug="home"):
                if page.specific_class is not HomePage:
                    page.delete()
            home = HomePage(title="Family services", slug="home", locale=locale)
            root.add_child(instance=home)
            home.save_revision().publish()
            self.changed += 1
            self.log("  created the home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Family services",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        return home

    def policy_topics(self, names, locale):
        topics = []
        for name in names:
            topic, created = PolicyTopic.objects.get_or_create(
                slug=slugify(name)[:100], locale=locale, defaults={"name": name}
            )
            self.changed += created
            topics.append(topic)
        return topics

    def load_settings(self, home, site_data, pages):
        data = dict(site_data["settings"])
        social = data.pop("social_links", [])
        self.load_site_text(home, site_data, pages, data)
        site = Site.objects.get(is_default_site=True)
        settings_obj = SiteSettings.for_site(site)
        if self._kept(settings_obj, "the site settings"):
            return
        wanted = {k: v for k, v in data.items() if hasattr(settings_obj, k)}
        privacy = pages.get("privacy-notice")
        if privacy is not None:
            wanted["privacy_page"] = privacy.page_ptr if hasattr(privacy, "page_ptr") else privacy
        if any(getattr(settings_obj, k) != v for k, v in wanted.items()):
            for name, value in wanted.items():
                setattr(settings_obj, name, value)
            settings_obj.save()
            self.changed += 1
        current_social = [(s.label, s.url) for s in settings_obj.social_links.all()]
        wanted_social = [(s.get("label") or s["name"], s["url"]) for s in social]
        if current_social != wanted_social:
            settings_obj.social_links.all().delete()
            for order, (label, url) in enumerate(wanted_social):
                SocialLink.objects.create(
                    settings=settings_obj, label=label, url=url, sort_order=order
                )
            self.changed += 1

    def load_site_text(self, home, site_data, pages, data):
        """The site's words in the default language; translate_all copies them to the others."""
        footer = []
        for link in site_data["footer_links"]:
            page = pages.get(link.get("slug"))
            if "slug" in link and page is None:
                continue  # its page was deleted in the admin: no link to nowhere
            value = {
                "page": page.pk if page else None,
                "external_url": link.get("url", ""),
                "text": link.get("text", ""),
            }
            footer.append({"type": "link", "value": value})
        wanted = {
            name: data.pop(name)
            for name in ("site_name", "organisation_name", "address")
            if name in data
        }
        text = SiteText.objects.filter(locale=home.locale).first()
        if text is None:
            SiteText.objects.create(locale=home.locale, footer_links=footer, **wanted)
            self.changed += 1
            return
        if self._kept(text, "the site text"):
            return
        current_footer = [
            {"type": item["type"], "value": item["value"]} for item in text.footer_links.raw_data
        ]
        if any(getattr(text, k) != v for k, v in wanted.items()) or (
            normalise(current_footer) != normalise(footer)
        ):
            for name, value in wanted.items():
                setattr(text, name, value)
            text.footer_links = footer
            text.save()
            self.changed += 1

    def load_safeguarding_notice(self, site_data, locale):
        data = site_data["safeguarding_notice"]
        notice = SafeguardingNotice.objects.filter(locale=locale).first()
        if notice is None:
            notice = SafeguardingNotice(locale=locale, **data)
            notice.save()
            notice.save_revision().publish()
            self.changed += 1
        elif self._kept(notice, "the safeguarding notice"):
            pass
        elif any(getattr(notice, k) != v for k, v in data.items()) or not notice.live:
            for name, value in data.items():
                setattr(notice, name, value)
            notice.save_revision().publish()
            self.changed += 1
        return notice
