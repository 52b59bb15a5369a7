"""Easy Read and large print versions under the title; <time> values the Nu checker accepts."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.documents import get_document_model
from wagtail.models import Page

from consultations.demo.loader import ConsultationDemoLoader
from home.demo_loader import DemoLoader
from tests.factories.home import ContentPageFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db

# HTML's valid date string or valid global date and time string, as the Nu HTML Checker reads
# <time datetime>: at most three decimals of a second, and an offset on every date-time.
VALID_DATETIME = re.compile(
    r"\A\d{4}-\d{2}-\d{2}"
    r"(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?\Z"
)


@pytest.fixture
def site_loader(db):
    return DemoLoader(log=lambda line: None)


@pytest.fixture
def demo_pages(site_loader):
    """The demo site with its consultations, in English."""
    home, pages = site_loader.load()
    ConsultationDemoLoader(home, log=lambda line: None).load()
    return pages


@pytest.fixture
def media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def document(title, name, size):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.7\n" + b"x" * size, name=name), file_size=size
    )


def other_formats_block(html):
    match = re.search(r'<div class="app-other-formats">(.*?)</div>', html, re.S)
    return match.group(1) if match else ""


def test_page_links_its_easy_read_and_large_print_documents_under_its_title(
    client, home_page, media
):
    page = ContentPageFactory(
        parent=home_page,
        title="Short breaks for disabled children",
        easy_read_document=document("Short breaks: Easy Read", "short-breaks-er.pdf", 250_000),
        large_print_document=document("Short breaks: large print", "short-breaks-lp.pdf", 2048),
    )

    html = client.get(page.url).content.decode()

    block = other_formats_block(html)
    assert html.index("<h1") < html.index('class="app-other-formats"') < html.index("app-stream")
    assert re.search(r'href="[^"]*short-breaks-er[^"]*\.pdf">Easy Read version<', block)
    assert re.search(r'href="[^"]*short-breaks-lp[^"]*\.pdf">Large print version<', block)
    assert "(PDF, 244.1\xa0KB)" in block
    assert "(PDF, 2.0\xa0KB)" in block


def test_an_easy_read_page_is_preferred_to_a_document_and_shown_in_the_readers_language(
    client, home_page, arabic_home_page, locales, media
):
    easy = ContentPageFactory(parent=home_page, title="Short breaks in Easy Read")
    arabic_easy = easy.copy_for_translation(locales["ar"])
    arabic_easy.title = "استراحات قصيرة بلغة سهلة"
    arabic_easy.save_revision().publish()
    page = ContentPageFactory(
        parent=home_page,
        easy_read_page=easy,
        easy_read_document=document("Old Easy Read", "old-er.pdf", 10),
    )
    arabic_page = page.copy_for_translation(locales["ar"])
    arabic_page.save_revision().publish()

    english = other_formats_block(client.get(page.url).content.decode())
    arabic = other_formats_block(client.get(arabic_page.url).content.decode())

    assert f'href="{easy.url}"' in english
    assert "old-er" not in english
    assert f'href="{Page.objects.get(pk=arabic_easy.pk).url}"' in arabic
    assert arabic_easy.url.startswith("/ar/")


def test_a_page_without_other_formats_shows_no_block(client, home_page):
    page = ContentPageFactory(parent=home_page)

    assertNotContains(client.get(page.url), "app-other-formats")


def test_an_easy_read_page_that_is_unpublished_is_not_linked(client, home_page):
    easy = ContentPageFactory(parent=home_page, title="Easy Read draft")
    page = ContentPageFactory(parent=home_page, easy_read_page=easy)
    easy.unpublish()

    assertNotContains(client.get(page.url), "app-other-formats")


def test_editors_find_the_other_formats_in_the_promote_tab(client, superuser, home_page):
    page = ContentPageFactory(parent=home_page)
    client.force_login(superuser)

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assertContains(response, "Other formats")
    assertContains(response, 'name="easy_read_page"')
    assertContains(response, 'name="large_print_document"')


def test_demo_vision_page_links_its_easy_read_version(client, site_loader):
    _home, pages = site_loader.load()
    vision = pages["vision-for-families-and-children"]

    html = client.get(vision.url).content.decode()

    easy = pages["vision-for-families-and-children-easy-read"]
    assert f'href="{easy.url}">Easy Read version<' in other_formats_block(html)
    assert not easy.show_in_menus


def test_policy_version_history_times_carry_no_microseconds(client, home_page):
    policy = PolicyPageFactory(parent=home_page)
    policy.save_revision(log_action=True).publish()

    html = client.get(policy.url).content.decode()

    values = re.findall(r'<time datetime="([^"]*)"', html)
    assert values
    assert all(VALID_DATETIME.match(value) for value in values), values


def test_every_time_element_in_the_demo_pages_has_a_valid_datetime(client, demo_pages):
    checked = 0
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        html = client.get(page.url).content.decode()
        for value in re.findall(r"<time\b[^>]*\bdatetime=\"([^\"]*)\"", html):
            assert VALID_DATETIME.match(value), f"{page.url}: {value}"
            checked += 1
    assert checked > 10
