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
