"""What the one-summary tests (decision 0011) read: the edit form's labels, the text a list or
the search results show under a title, the migrations and a translated listing summary."""

import html
import re

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail_localize.models import String, StringTranslation, TranslationContext, TranslationSource


def edit_form(client, page):
    """The page's edit form as an editor gets it."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def labels(page_html):
    """Each field label of the edit form as an editor reads it, without the required mark."""
    found = re.findall(r'<label [^>]*id="id_[^"]*-label"[^>]*>(.*?)</label>', page_html, re.S)
    return [" ".join(re.sub(r"<[^>]+>|\*", " ", label).split()) for label in found]


def summary_labels(page_html):
    return [label for label in labels(page_html) if "ummary" in label]


def text_under(page_html, title):
    """The paragraph under the link titled `title` in a list item ("" if none), as read."""
    link_end = f">{html.escape(title)}</a>"
    assert link_end in page_html, f"{title!r} is not listed"
    item = page_html.split(link_end, 1)[1].split("</li>", 1)[0]
    paragraph = re.search(r'<p class="govuk-body[^"]*">(.*?)</p>', item, re.S)
    text = re.sub(r"<[^>]+>", "", paragraph.group(1)) if paragraph else ""
    return " ".join(html.unescape(text).split())


def listed(client, url, titles):
    """{title: the text under it} for these titles, in the page at `url`."""
    page_html = client.get(url).content.decode()
    return {title: text_under(page_html, title) for title in titles}


def search_snippet(client, query, title):
    """The snippet under `title` in the site search results for `query` ("" if none)."""
    return text_under(client.get("/en/search/", {"q": query}).content.decode(), title)


def migrate_to(targets):
    MigrationExecutor(connection).migrate(targets)


def migrate_to_latest():
    """Every app back to its latest migration, so the next test finds the schema it expects."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def translate_listing_summary(page, locale, text):
    """The page copied into `locale` by wagtail-localize, its listing summary translated.

    The page's parent must already be in `locale`. Returns the translation source.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    StringTranslation.objects.create(
        translation_of=String.objects.get(data=page.listing_summary),
        locale=locale,
        context=TranslationContext.objects.get(
            object_id=page.translation_key, path="listing_summary"
        ),
        data=text,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    source.create_or_update_translation(locale, fallback=True)
    return source
