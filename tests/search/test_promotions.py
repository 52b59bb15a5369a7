"""Best bets: the pages editors promote for a query, in the reader's language where they can be."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.insight import promotions_for
from tests.factories.home import ContentPageFactory
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def _promote(query_string, *pages, description=""):
    query = Query.get(query_string)
    for order, page in enumerate(pages):
        SearchPromotion.objects.create(
            query=query, page=page, sort_order=order, description=description
        )
    return query


def _translate(page, locale):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.title = f"{page.title} (PL)"
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def funding(home_page):
    return ContentPageFactory(parent=home_page, title="Free childcare for 2-year-olds")


@pytest.fixture
def hours(home_page):
    return ContentPageFactory(parent=home_page, title="30 hours free childcare")


def test_promoted_pages_come_in_the_editors_order(funding, hours):
    _promote("nursery funding", hours, funding)
    assert [page.title for page in promotions_for("Nursery  FUNDING", "en")] == [
        "30 hours free childcare",
        "Free childcare for 2-year-olds",
    ]


def test_a_query_nobody_promoted_anything_for_has_none(funding):
    _promote("nursery funding", funding)
    assert promotions_for("swimming lessons", "en") == []
    assert promotions_for("", "en") == []


def test_the_editors_description_comes_with_the_page(funding):
    _promote("nursery funding", funding, description="Check if you can get 15 hours free.")
    [page] = promotions_for("nursery funding", "en")
    assert page.promotion_description == "Check if you can get 15 hours free."


def test_a_reader_in_polish_gets_the_polish_page_where_there_is_one(funding, hours, locales):
    polish = _translate(funding, locales["pl"])
    _promote("nursery funding", funding, hours)
    pages = promotions_for("nursery funding", "pl")
    assert [page.pk for page in pages] == [polish.pk, hours.pk]  # no Polish "30 hours" yet
    assert [page.pk for page in promotions_for("nursery funding", "en")] == [funding.pk, hours.pk]


def test_a_draft_polish_copy_is_not_shown_in_place_of_the_live_english_page(funding, locales):
    polish = _translate(funding, locales["pl"])
    polish.unpublish()
    _promote("nursery funding", funding)
    assert [page.pk for page in promotions_for("nursery funding", "pl")] == [funding.pk]


def test_unpublished_and_private_pages_are_never_promoted(funding, hours):
    hours.unpublish()
    PageViewRestriction.objects.create(
        page=funding, restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
    )
    _promote("nursery funding", funding, hours)
    assert promotions_for("nursery funding", "en") == []


def test_a_page_promoted_twice_is_shown_once(funding):
    _promote("nursery funding", funding, funding)
    assert [page.pk for page in promotions_for("nursery funding", "en")] == [funding.pk]


def test_external_link_promotions_are_not_pages_and_are_left_out(funding):
    query = _promote("nursery funding", funding)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.gov.uk/help-with-childcare-costs",
        external_link_text="Help with childcare costs",
        sort_order=5,
    )
    assert [page.pk for page in promotions_for("nursery funding", "en")] == [funding.pk]


def test_reading_promotions_does_not_log_the_query(funding):
    promotions_for("something nobody promoted", "en")
    assert not Query.objects.filter(query_string="something nobody promoted").exists()


@pytest.mark.parametrize("count", [1, 6])
def test_promotions_take_two_queries_however_many(
    home_page, locales, count, django_assert_max_num_queries
):
    pages = [ContentPageFactory(parent=home_page, title=f"Page {n}") for n in range(count)]
    for page in pages[:2]:
        _translate(page, locales["pl"])
    _promote("help", *pages)
    with django_assert_max_num_queries(2):
        found = promotions_for("help", "pl")
        titles = [page.title for page in found]
    assert len(titles) == count


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_queries_find_no_promotions_and_raise_nothing(funding, value):
    _promote("nursery funding", funding)
    assert promotions_for(value, "en") == []
