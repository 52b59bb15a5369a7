"""base.html, its includes and the error pages, rendered with the context the site provides.

The pages are rendered here without context processors (a plain Context built from the
variables site_furniture documents), so these tests pin down what the templates do with that
context; tests/council_site and the page tests cover the real processors.
"""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory
from django.urls import path
from django.utils import translation

from .support import normalise


def _placeholder_view(request):
    return HttpResponse()


# The templates link to these URL names; the tests use this URLconf so they do not depend on
# the search view or the admin being wired up.
urlpatterns = [
    path("en/search/", _placeholder_view, name="search"),
    path("admin/password_reset/", _placeholder_view, name="wagtailadmin_password_reset"),
]

pytestmark = pytest.mark.urls(__name__)


class RelatedLinks:
    """Stands in for SiteSettings.social_links, a related manager read with .all."""

    def __init__(self, links):
        self._links = links

    def all(self):
        return self._links


def site_settings(**overrides):
    values = {
        "site_name": "Family services",
        "organisation_name": "Northbrook Borough Council",
        "phone": "01632 960000",
        "email": "families@example.gov.uk",
        "address": "Town Hall\nHigh Street\nNorthbrook NB1 1AA",
        "childrens_services_phone": "01632 960100",
        "out_of_hours_phone": "01632 960999",
        "social_links": RelatedLinks(
            [SimpleNamespace(label="Facebook", url="https://facebook.example/nbc")]
        ),
    }
    values.update(overrides)
    return SimpleNamespace(**values)


def furniture(language="en", **overrides):
    """The context site_furniture and Django's i18n processor give every public page."""
    request = RequestFactory().get(f"/{language}/help-for-families/")
    request.user = AnonymousUser()
    context = {
        "request": request,
        "LANGUAGE_CODE": language,
        "LANGUAGE_BIDI": language in {"ar", "ur"},
        "site_settings": site_settings(),
        "home_url": f"/{language}/",
        "navigation": [
            {"text": "Help for families", "url": f"/{language}/help-for-families/", "active": True},
            {"text": "Services directory", "url": f"/{language}/directory/", "active": False},
        ],
        "breadcrumbs": [{"text": "Home", "url": f"/{language}/"}],
        "safeguarding_notice": None,
        "language_links": [
            {
                "code": "en",
                "name": "English",
                "url": "/en/help-for-families/",
                "current": language == "en",
                "dir": "ltr",
            },
            {
                "code": "ar",
                "name": "العربية",
                "url": "/ar/help-for-families/",
                "current": language == "ar",
                "dir": "rtl",
            },
        ],
        "footer_links": [{"text": "Accessibility statement", "url": f"/{language}/accessibility/"}],
    }
    context.update(overrides)
    return context


def render(template_name, context):
    with translation.override(context.get("LANGUAGE_CODE", "en")):
        return get_template(template_name).template.render(Context(context))


def test_page_language_and_direction_follow_the_active_language():
    english = render("base.html", furniture("en"))
    arabic = render("base.html", furniture("ar"))

    assert '<html lang="en" dir="ltr" class="govuk-template">' in english
    assert '<html lang="ar" dir="rtl" class="govuk-template">' in arabic


def test_only_script_in_the_page_is_gov_uk_js_enabled_line():
    html = render("base.html", furniture())

    # Allowed by its hash in the Content-Security-Policy (tests/council_site/test_csp_hash.py).
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert inline_scripts == ["<script>"]
    # It must run before anything is painted, so it follows <body> directly.
    assert re.search(r'<body class="govuk-template__body">\s*<script>', html)
    assert '<script type="module" src="/static/js/main.js"></script>' in html


def test_page_has_no_inline_styles_for_the_content_security_policy():
    html = render("base.html", furniture(safeguarding_notice=None))

    assert "style=" not in html
    assert "<style" not in html


def test_stylesheets_split_screen_and_print():
    html = render("base.html", furniture())

    assert '<link rel="stylesheet" href="/static/css/main.css" media="all">' in html
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html


def test_skip_link_leads_to_the_main_content():
    html = render("base.html", furniture())

    assert 'href="#main-content" class="govuk-skip-link"' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html


def test_header_names_the_site_links_home_and_searches_with_a_labelled_box():
    html = render("base.html", furniture())

    assert re.search(
        r'<a href="/en/" class="app-header__home-link">.*Family services</span>', html, re.S
    )
    assert (
        '<form class="app-header__search" action="/en/search/" method="get" role="search">' in html
    )
    assert (
        '<label class="govuk-label govuk-visually-hidden" for="app-site-search">'
        "Search this site</label>" in html
    )
    assert 'id="app-site-search" name="q" type="search"' in html
    assert "crown" not in html.lower()


def test_main_navigation_marks_the_section_the_reader_is_in():
    html = render("base.html", furniture())

    active = re.search(
        r'<a class="govuk-service-navigation__link" href="/en/help-for-families/" '
        r'aria-current="true">',
        html,
    )
    assert active
    assert 'href="/en/directory/" aria-current' not in html


def test_language_switcher_names_each_language_in_itself_with_lang_and_hreflang():
    html = render("base.html", furniture("ar"))

    assert (
        '<a class="app-language-switcher__link" href="/ar/help-for-families/" lang="ar" '
        'hreflang="ar" dir="rtl" aria-current="page">العربية</a>'
    ) in html
    assert 'href="/en/help-for-families/" lang="en" hreflang="en" dir="ltr">English</a>' in html
    assert '<link rel="alternate" hreflang="ar" href="/ar/help-for-families/">' in html


def test_language_switcher_is_left_out_when_only_one_language_is_offered():
    html = render("base.html", furniture(language_links=[furniture()["language_links"][0]]))

    assert "app-language-switcher" not in html


def test_breadcrumbs_show_ancestors_and_disappear_on_the_home_page():
    inner = render("base.html", furniture())
    home = render("base.html", furniture(breadcrumbs=[]))

    assert '<a class="govuk-breadcrumbs__link" href="/en/">Home</a>' in inner
    assert "govuk-breadcrumbs" not in home


def test_safeguarding_default_gives_999_and_the_childrens_services_number():
    html = render("base.html", furniture())

    assert 'If a child is in immediate danger, call <a href="tel:999">999</a>.' in html
    assert (
        "Worried about a child's safety or wellbeing? Call children's services on "
        '<a href="tel:01632960100" dir="ltr">01632 960100</a>.'
    ) in html


def test_the_editors_notice_adds_its_words_and_keeps_the_numbers_from_settings():
    notice = SimpleNamespace(
        heading="Keeping children safe", body="<p>Lines open <b>9am to 5pm</b>.</p>"
    )

    html = render("base.html", furniture(safeguarding_notice=notice))

    assert (
        '<h2 class="app-safeguarding__heading" id="app-safeguarding-heading">'
        "Keeping children safe</h2>" in html
    )
    assert "<p>Lines open <b>9am to 5pm</b>.</p>" in html
    # The numbers an editor changes in Settings are the ones every page shows.
    assert 'href="tel:999"' in html
    assert '<a href="tel:01632960100" dir="ltr">01632 960100</a>' in html


def test_footer_gives_contact_details_links_social_media_and_copyright():
    html = render("base.html", furniture())

    assert (
        '<a class="app-footer__link" href="/en/accessibility/">Accessibility statement</a>' in html
    )
    assert 'href="tel:01632960000" dir="ltr">01632 960000</a>' in html
    assert 'href="mailto:families@example.gov.uk" dir="ltr">families@example.gov.uk</a>' in html
    assert "Town Hall<br>High Street<br>Northbrook NB1 1AA" in html
    assert 'href="https://facebook.example/nbc" rel="me noopener">Facebook</a>' in html
    assert "© Northbrook Borough Council" in html


def test_footer_accepts_social_links_as_a_plain_list_and_leaves_out_empty_sections():
    settings_with_list = site_settings(
        social_links=[SimpleNamespace(label="Instagram", url="https://instagram.example/nbc")],
        phone="",
        email="",
        address="",
        out_of_hours_phone="",
    )

    html = render("base.html", furniture(site_settings=settings_with_list))

    assert ">Instagram</a>" in html
    assert "Contact us" not in html


def test_meta_description_comes_from_the_page_search_description():
    page = SimpleNamespace(
        title="Short breaks", seo_title="", search_description="Breaks for disabled children."
    )

    html = render("base.html", furniture(page=page))

    assert '<meta name="description" content="Breaks for disabled children.">' in html
    assert "<title>Short breaks \N{EN DASH} Family services</title>" in html


def test_home_page_title_does_not_repeat_the_site_name():
    page = SimpleNamespace(title="Family services", seo_title="", search_description="")

    html = render("base.html", furniture(page=page, breadcrumbs=[]))

    assert "<title>Family services</title>" in html


def test_values_editors_type_are_escaped_everywhere():
    hostile = '<script>alert("x")</script>'
    context = furniture(
        site_settings=site_settings(site_name=hostile, address=hostile, organisation_name=hostile),
        navigation=[{"text": hostile, "url": "/en/x/", "active": False}],
        breadcrumbs=[{"text": hostile, "url": "/en/"}],
        footer_links=[{"text": hostile, "url": '/en/"onmouseover="x'}],
    )

    html = render("base.html", context)

    assert "<script>alert" not in html
    assert '"onmouseover="' not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 5


def test_javascript_interface_text_is_translated_for_gov_uk_components():
    html = render("base.html", furniture())

    assert 'data-accordion.show-all-sections="Show all sections"' in html
    assert (
        'data-character-count.characters-under-limit.other="You have %{count} characters remaining"'
        in html
    )


def test_not_found_page_explains_and_offers_a_way_home_and_a_phone_number():
    html = render("404.html", furniture(breadcrumbs=[]))

    assert '<h1 class="govuk-heading-l">Page not found</h1>' in html
    assert '<a class="govuk-link" href="/en/">go to the home page</a>' in html
    assert 'href="tel:01632960000" dir="ltr">01632 960000</a>' in html
    assert "<title>Page not found \N{EN DASH} Family services</title>" in html


def test_server_error_page_needs_no_context_at_all():
    html = render_to_string("500.html")

    assert "Sorry, there is a problem with the service" in html
    assert 'href="/static/css/main.css"' in html
    assert '<a class="govuk-link" href="/">Go to the home page</a>' in html
    assert "call us" not in html


def test_server_error_page_follows_the_language_and_shows_a_phone_number_when_given():
    with translation.override("ar"):
        html = render_to_string("500.html", {"phone": "01632 960000"})

    assert '<html lang="ar" dir="rtl"' in html
    assert 'href="tel:01632960000" dir="ltr">01632 960000</a>' in html


def test_locked_sign_in_says_to_try_again_in_15_minutes():
    html = render(
        "account_locked.html", furniture(cooloff_timedelta=timedelta(minutes=15), failure_limit=5)
    )

    assert "Too many sign-in attempts" in html
    assert "You can try again in 15 minutes." in html
    assert 'href="/admin/password_reset/"' in html


def test_locked_sign_in_uses_the_configured_wait_and_defaults_to_15_minutes():
    longer = render("account_locked.html", furniture(cooloff_timedelta=timedelta(hours=1)))
    unknown = render("account_locked.html", furniture())

    assert "You can try again in 60 minutes." in longer
    assert "You can try again in 15 minutes." in unknown


@pytest.mark.parametrize("template_name", ["base.html", "404.html", "account_locked.html"])
def test_page_markup_is_well_formed(template_name):
    # normalise() fails on unclosed or stray tags, which would break the page's structure.
    normalise(render(template_name, furniture()))
