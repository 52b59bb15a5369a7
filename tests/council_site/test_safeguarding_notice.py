"""The safeguarding notice on every page shows the numbers editors keep in Settings."""

import pytest

from home.models import SafeguardingNotice, SiteSettings

pytestmark = pytest.mark.django_db


def test_changing_the_number_in_settings_changes_it_on_every_page(client, arabic_home_page):
    english_notice = SafeguardingNotice.objects.create(
        locale=arabic_home_page.get_parent().get_children().first().locale,
        heading="If you are worried about a child",
        body="<p>Lines open 9am to 5pm.</p>",
    )
    english_notice.copy_for_translation(arabic_home_page.locale).save()
    settings = SiteSettings.objects.get()
    settings.childrens_services_phone = "020 7946 0999"
    settings.save()

    for url in ("/en/", "/ar/"):
        content = client.get(url).content.decode()
        assert '<a href="tel:02079460999" dir="ltr">020 7946 0999</a>' in content, url
        assert 'href="tel:999"' in content, url
        assert "Lines open 9am to 5pm." in content, url


def test_each_language_shows_its_own_site_text(client, arabic_home_page):
    from home.models import SiteText

    english = SiteText.objects.get(locale__language_code="en")
    arabic = english.copy_for_translation(arabic_home_page.locale)
    arabic.site_name = "خدمات الأسرة"
    arabic.organisation_name = "مجلس نورثبروك"
    arabic.save()

    english_page = client.get("/en/").content.decode()
    arabic_page = client.get("/ar/").content.decode()

    assert "خدمات الأسرة" in arabic_page and "مجلس نورثبروك" in arabic_page
    assert "Northbrook Borough Council" in english_page
    assert "خدمات الأسرة" not in english_page


def test_a_language_with_no_site_text_yet_shows_the_default_languages(client, arabic_home_page):
    assert "Northbrook Borough Council" in client.get("/ar/").content.decode()
