"""Best bets: the pages editors promote for a query (Wagtail's search_promotions), in the
reader's language where the page has a translation, shown above the results."""

from django.db.models import Q
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.queries import public_q

from .normalising import normalise_query


def promotions_for(query_text, language):
    """The promoted pages for a query, in the editors' order: live, public, each at most once.

    A page with a live translation in ``language`` is given in that language; one without is
    given as promoted (usually English), since a best bet in English beats none. External links
    are not pages and are left out. Two SQL queries, however many promotions.
    """
    if not isinstance(query_text, str):
        return []
    # As Wagtail stores the promoted query, and as search cleans it (a quoted "adhd" finds
    # adhd). PostgreSQL refuses NUL in any string, so it never reaches the database.
    typed = query_text.replace("\x00", "")
    query_strings = {normalise_query_string(typed), normalise_query(typed)} - {""}
    if not query_strings:
        return []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=query_strings, page__isnull=False)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    if not promotions:
        return []
    promoted_ids = [promotion.page_id for promotion in promotions]
    keys = {promotion.page.translation_key for promotion in promotions}
    shown = (
        Page.objects.live()
        .filter(
            public_q(),
            Q(pk__in=promoted_ids) | Q(translation_key__in=keys, locale__language_code=language),
        )
        .select_related("locale")
    )
    by_id, in_language = {}, {}
    for page in shown:
        by_id[page.pk] = page
        if page.locale.language_code == language:
            in_language[page.translation_key] = page
    pages = []
    for promotion in promotions:
        page = in_language.get(promotion.page.translation_key) or by_id.get(promotion.page_id)
        if page is not None and page not in pages:
            page.promotion_description = promotion.description
            pages.append(page)
    return pages
