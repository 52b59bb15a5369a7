"""The admin's preview of a translated page is laid out in the page's language and direction."""

import re

import pytest

from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("ur", "rtl"), ("pl", "ltr")])
def test_previewing_a_translated_draft_shows_it_in_its_language_and_direction(
    client, superuser, home_page, locales, code, direction
):
    page = ContentPageFactory(parent=home_page, title="Short breaks")
    translation = page.copy_for_translation(locales[code], copy_parents=True)
    translation.title = f"Short breaks ({code})"
    translation.save_revision()  # a draft: only editors can see it
    client.force_login(superuser)

    response = client.get(f"/admin/pages/{translation.pk}/view_draft/")

    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf'<html lang="{code}" dir="{direction}"', html)
    assert f"Short breaks ({code})" in html
