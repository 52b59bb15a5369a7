"""The site search results page: every type, filtered and counted, safe, and helpful when empty."""

import datetime
import re
import zoneinfo
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from consultations.models import Idea, ModerationStatus
from home.models import SiteSettings
from search.models import SearchQueryDay
from search.vocabulary import rebuild_vocabulary
from tests.factories.consultations import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    ContributorFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)
from tests.factories.home import (
    ContentPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    ReportPageFactory,
)
from tests.factories.services_directory import (
    DirectoryPageFactory,
    LocationFactory,
    ServicePageFactory,
    TaxonomyTermFactory,
)
from tests.hostile import HOSTILE_VALUES

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
SATURDAY_MORNING = datetime.datetime(2026, 6, 6, 10, 45, tzinfo=LONDON)
SEARCH = "/en/search/"


# --- the site -----------------------------------------------------------------------------------


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def board(home_page):
    index = ConsultationIndexPageFactory(parent=home_page)
    consultation = ConsultationPageFactory(parent=index, title="Help for families")
    return IdeasBoardPageFactory(parent=consultation, title="Your ideas for families")


@pytest.fixture
def every_type(home_page, directory, board):
    """One swimming result of each type."""
    policies = PolicyIndexPageFactory(parent=home_page)
    return {
        "page": ContentPageFactory(
            parent=home_page,
            title="Learning to swim",
            listing_summary="Free swimming lessons for children in the school holidays.",
        ),
        "report": ReportPageFactory(parent=home_page, title="Swimming pool usage report"),
        "policy": PolicyPageFactory(parent=policies, title="Swimming safety policy"),
        "service": ServicePageFactory(
            parent=directory,
            title="Toddler swimming club",
            description="Splash sessions for under-fives and their parents.",
        ),
        "idea": IdeaFactory(
            board=board,
            title="Open the swimming pool earlier",
            description="Swimming before work would help parents.",
            contributor=ContributorFactory(name="Jo Bloggs", email="jo.bloggs@example.com"),
        ),
    }


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


def text_of(response):
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(unescape(html).split())


def result_titles(response):
    link = r'<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]*">([^<]+)</a>'
    return [unescape(title) for title in re.findall(link, response.content.decode())]


def type_filter(response):
    """{label: href, or None when it is not a link} of the type filter."""
    html = response.content.decode()
    start = html.index('class="app-search-filter"')
    nav = html[start : html.index("</nav>", start)]
    links = re.findall(r'<a class="[^"]*" href="([^"]*)"[^>]*>([^<]+)</a>', nav)
    found = {unescape(label.strip()): unescape(href) for href, label in links}
    for label in re.findall(r'<span class="app-search-filter__empty">([^<]+)</span>', nav):
        found[unescape(label.strip())] = None
    return found


# --- one page for every type ---------------------------------------------------------------------


def test_one_search_finds_every_type_with_its_label_and_counts(client, every_type):
    response = search(client, q="swimming")

    titles = result_titles(response)
    for item in every_type.values():
        assert item.title in titles
    text = text_of(response)
    for label in ("Page", "Policy", "Service", "Idea from a resident"):
        assert label in text
    assert type_filter(response) == {
        "All results (5)": "?q=swimming",
        "Pages (2)": "?q=swimming&type=pages",
        "Policies (1)": "?q=swimming&type=policies",
        "Services (1)": "?q=swimming&type=services",
        "Ideas from residents (1)": "?q=swimming&type=ideas",
    }
    assert "5 results for “swimming”" in text


def test_the_type_filter_shows_one_type_and_keeps_the_query(client, every_type):
    response = search(client, q="swimming", type="services")

    assert result_titles(response) == ["Toddler swimming club"]
    assertContains(response, 'aria-current="page">Services (1)</a>', html=False)
    # The box keeps the words, and a new search stays in the same type.
    assertContains(response, 'value="swimming"')
    assertContains(response, '<input type="hidden" name="type" value="services">')
    assert "1 result for “swimming”" in text_of(response)


def test_a_type_with_nothing_to_show_is_not_a_link(client, home_page):
    ContentPageFactory(parent=home_page, title="Baby massage")
    filters = type_filter(search(client, q="massage"))
    assert filters["Pages (1)"] == "?q=massage&type=pages"
    assert filters["Policies (0)"] is None
    assert filters["Ideas from residents (0)"] is None


def test_a_filtered_search_with_results_elsewhere_points_to_them(client, every_type):
    ContentPageFactory(parent=every_type["page"].get_parent(), title="Baby massage")
    response = search(client, q="massage", type="policies")
    assertContains(response, "Nothing of this type matched your search.")
    assertContains(response, 'href="?q=massage">See 1 result of any type</a>')


def test_results_keep_the_backends_order(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Antenatal classes",
        introduction="<p>Before your baby is born: feeding your baby, and your baby's sleep.</p>",
    )
    ContentPageFactory(parent=home_page, title="Baby clinic", introduction="<p>Weigh-ins.</p>")

    titles = result_titles(search(client, q="baby"))

    assert titles.index("Baby clinic") < titles.index("Antenatal classes")


# --- snippets -------------------------------------------------------------------------------------


def test_matched_words_are_marked_in_a_snippet_that_escapes_the_content(client, home_page, board):
    ContentPageFactory(
        parent=home_page,
        title="Holiday clubs",
        listing_summary="Fish & chips <script>alert(1)</script> then swimming at the pool.",
    )
    IdeaFactory(
        board=board,
        title="Cheaper swimming",
        description='Swimming & "splash" <script>alert(2)</script> <b>sessions</b>',
    )

    response = search(client, q="swimming")

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b>sessions</b>" not in html
    assertContains(response, "<mark>swimming</mark> at the pool")
    assertContains(response, "Fish &amp; chips")
    assertContains(
        response,
        "<mark>Swimming</mark> &amp; &quot;splash&quot; &lt;script&gt;alert(2)&lt;/script&gt;"
        " &lt;b&gt;sessions&lt;/b&gt;",
    )


def test_the_snippet_shows_the_part_of_a_long_text_with_the_words(client, directory):
    ServicePageFactory(
        parent=directory,
        title="Family hub",
        description=("Lots of other things happen here every week. " * 20)
        + "On Fridays there is a breastfeeding café.",
    )
    response = search(client, q="breastfeeding")
    assertContains(response, "On Fridays there is a <mark>breastfeeding</mark> café.")
    assertContains(response, "…")


# --- services: next opening and distance ----------------------------------------------------------


def test_a_service_shows_its_next_opening_and_distance_from_the_postcode_typed(client, directory):
    near = LocationFactory(
        name="Elm Road Children's Centre",
        latitude=51.3720,
        longitude=-0.1000,
        postal_code="CR0 1AB",
    )
    ServicePageFactory(
        parent=directory,
        title="Baby swimming",
        locations=[near],
        schedules=[
            {
                "byday": "TU",
                "opens_at": datetime.time(9, 30),
                "closes_at": datetime.time(11, 0),
            }
        ],
    )
    with time_machine.travel(SATURDAY_MORNING, tick=False):
        response = search(client, q="swimming CR0 1AB")

    text = text_of(response)
    assert "1 result for “swimming” near CR0 1AB" in text
    assert "Next open Opens Tuesday at 9:30" in text
    assert re.search(
        r"Distance (Less than )?[\d.]+ miles? \(Elm Road Children's Centre, CR0 1AB\)", text
    )
    # The postcode was taken out of the words searched, and left in the box.
    assertContains(response, 'value="swimming CR0 1AB"')


def test_a_word_that_only_looks_like_a_postcode_stays_a_word(client, home_page):
    ContentPageFactory(parent=home_page, title="Year 6 transition to secondary school")
    response = search(client, q="year 6 transition")
    assert "near" not in text_of(response).split("results for")[-1][:40]
    assert "Year 6 transition to secondary school" in result_titles(response)


def test_only_a_postcode_leads_to_the_directory_near_it(client, directory):
    response = search(client, q="CR0 1AB")
    assertContains(response, "To find services near CR0 1AB")
    assertContains(response, 'href="/en/services/?postcode=CR0+1AB"')


# --- ideas ---------------------------------------------------------------------------------------


def test_only_published_ideas_are_found_and_never_who_sent_them(client, every_type, board):
    for status in (ModerationStatus.PENDING, ModerationStatus.REJECTED, ModerationStatus.HIDDEN):
        IdeaFactory(board=board, title=f"Swimming idea that is {status}", status=status)

    response = search(client, q="swimming", type="ideas")

    assert result_titles(response) == ["Open the swimming pool earlier"]
    assertNotContains(response, "Jo Bloggs")
    assertNotContains(response, "jo.bloggs@example.com")
    assertContains(response, f'href="/en/consultations/ideas/{every_type["idea"].pk}/"')


def test_an_idea_leaves_the_index_when_it_is_hidden(client, every_type):
    from wagtail.search.backends import get_search_backend

    idea = every_type["idea"]
    idea.status = ModerationStatus.HIDDEN
    idea.save()

    # Not only filtered out of the page: the index itself no longer holds its words.
    found = get_search_backend("default").search("swimming", Idea.objects.all())
    assert idea not in list(found)
    assert result_titles(search(client, q="earlier")) == []


def test_waiting_ideas_never_enter_the_index(board):
    from wagtail.search.backends import get_search_backend

    waiting = IdeaFactory(
        board=board,
        title="Call me on 07700 900123 about swimming",
        status=ModerationStatus.PENDING,
    )
    assert waiting not in Idea.get_indexed_objects()
    assert list(get_search_backend("default").search("07700", Idea.objects.all())) == []


def test_ideas_on_an_unpublished_board_are_not_shown(client, every_type, board):
    board.unpublish()
    response = search(client, q="swimming")
    assert "Open the swimming pool earlier" not in result_titles(response)


# --- pagination ------------------------------------------------------------------------------


def test_pagination_keeps_the_query_and_the_type(client, home_page):
    policies = PolicyIndexPageFactory(parent=home_page)
    for number in range(12):
        PolicyPageFactory(parent=policies, title=f"Toddler policy {number}")

    first = search(client, q="toddler", type="policies")
    assert len(result_titles(first)) == 10
    assertContains(first, 'href="?q=toddler&amp;type=policies&amp;page=2" rel="next"')

    second = search(client, q="toddler", type="policies", page="2")
    assert len(result_titles(second)) == 2
    assertContains(second, 'href="?q=toddler&amp;type=policies" rel="prev"')
    assert not set(result_titles(first)) & set(result_titles(second))


def test_all_types_list_the_councils_pages_before_residents_ideas(client, home_page, board):
    for number in range(8):
        ContentPageFactory(
            parent=home_page,
            title=f"Group {number}",
            introduction="Lots happens here every week, including a toddler session.",
        )
    for number in range(5):
        IdeaFactory(board=board, title=f"Toddler idea {number}", description="More toddler fun.")

    first = result_titles(search(client, q="toddler"))
    second = result_titles(search(client, q="toddler", page="2"))

    # The ideas match better (short, named for the word) but are suggestions, not answers.
    assert first[:8] == [title for title in first if title.startswith("Group")]
    assert len(first) == 10
    assert len(second) == 3
    assert all(title.startswith("Toddler idea") for title in first[8:] + second)
    assert len(set(first + second)) == 13


def test_a_page_number_past_the_end_shows_the_last_page(client, home_page):
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Toddler group {number}")
    response = search(client, q="toddler", page="99")
    assert len(result_titles(response)) == 2


# --- spelling ----------------------------------------------------------------------------------


@pytest.fixture
def swimming_page(home_page):
    page = ContentPageFactory(parent=home_page, title="Swimming lessons for toddlers")
    rebuild_vocabulary()
    return page


def test_a_misspelling_is_corrected_with_a_link_to_search_as_typed(client, swimming_page):
    response = search(client, q="swiming lessons")

    assertContains(
        response,
        "Showing results for <strong>swimming lessons</strong>. Search instead for "
        '<a class="govuk-link" href="?q=swiming+lessons&amp;spelling=exact">swiming lessons</a>',
    )
    assert "Swimming lessons for toddlers" in result_titles(response)


def test_searching_as_typed_does_not_correct_and_offers_the_spelling(client, swimming_page):
    response = search(client, q="swiming", spelling="exact")

    assertNotContains(response, "Showing results for")
    assertContains(response, 'Did you mean <a class="govuk-link" href="?q=swimming">swimming</a>?')


# --- nothing found -------------------------------------------------------------------------------


def test_no_results_offers_categories_the_directory_and_the_phone_number(client, directory):
    SiteSettings.objects.update(phone="020 7946 0999")
    TaxonomyTermFactory(name="Trampoline parks", slug="trampolines")
    TaxonomyTermFactory(name="Speech and language", slug="speech")

    response = search(client, q="trampoline")

    assertContains(response, "There are no matching results")
    assertContains(response, '<a class="govuk-link" href="/en/services/?category=trampolines">')
    assertNotContains(response, "?category=speech")
    assertContains(response, 'href="/en/services/?q=trampoline">Search the services directory')
    # From the site settings (tests/conftest.py), not written into the template.
    assertContains(response, "Call the Family Information Service on 020 7946 0999")


def test_only_common_words_get_a_message_not_an_empty_search(client, home_page):
    response = search(client, q="where is my")
    assertContains(response, "Your search only had common words")
    assertNotContains(response, "results for")


def test_only_punctuation_asks_for_words(client, home_page):
    response = search(client, q='"()"')
    assertContains(response, "Enter words to search for.")
    assertContains(response, "govuk-form-group--error")


# --- best bets, counting and the opened-result token ------------------------------------------


def test_a_promoted_page_is_shown_first_in_its_own_labelled_block(client, every_type):
    promoted = every_type["report"]
    SearchPromotion.objects.create(
        query=Query.get("swimming"), page=promoted, description="Where and when to swim."
    )

    html = search(client, q="swimming").content.decode()

    block = html[html.index('aria-labelledby="best-bets-heading"') :]
    assert block.index("Recommended") < block.index(promoted.title) < block.index("<ol")
    assert "Where and when to swim." in block


def test_the_first_page_of_a_search_is_counted_once_and_later_pages_are_not(
    client, every_type, home_page
):
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Swimming extra {number}")
    search(client, q="Swimming")
    search(client, q="swimming", page="2")
    search(client, q="swimming", type="pages")

    row = SearchQueryDay.objects.get(query="swimming")
    assert (row.searches, row.zero_result_searches) == (1, 0)


def test_the_results_carry_the_token_the_opened_beacon_sends(client, every_type):
    response = search(client, q="swimming")
    token = re.search(r'data-opened-token="([^"]+)"', response.content.decode()).group(1)
    from search.insight.recording import read_opened_token

    assert read_opened_token(token)[:2] == ("en", "swimming")
    assertContains(response, "js/search-opened.js")


# --- hostile input and query budget ----------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("name", ["q", "type", "page", "spelling"])
def test_hostile_values_give_a_normal_page(client, every_type, name, value):
    params = {"q": "swimming", name: value}
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html


def _queries_for(client, **params):
    client.get(SEARCH, params)  # as a running server would be: the site's memo already filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["", "services", "ideas"])
def test_the_results_page_costs_the_same_queries_for_5_or_50_matches(
    client, home_page, directory, board, kind
):
    policies = PolicyIndexPageFactory(parent=home_page)
    monday = [{"byday": "MO", "opens_at": datetime.time(9), "closes_at": datetime.time(10)}]
    # One of each type named for the words, so every type is on the first page at both sizes.
    ContentPageFactory(parent=home_page, title="Swimming swimming")
    PolicyPageFactory(parent=policies, title="Swimming swimming policy")
    ServicePageFactory(parent=directory, title="Swimming swimming club", schedules=monday)
    IdeaFactory(board=board, title="Swimming swimming idea")

    def add(start, stop):
        for number in range(start, stop):
            mention = f"Mentions swimming once, number {number}."
            ContentPageFactory(parent=home_page, title=f"Page {number}", introduction=mention)
            PolicyPageFactory(parent=policies, title=f"Policy {number}", summary=mention)
            ServicePageFactory(
                parent=directory, title=f"Club {number}", description=mention, schedules=monday
            )
            IdeaFactory(board=board, title=f"Idea {number}", description=mention)

    add(0, 4)
    few = _queries_for(client, q="swimming", type=kind)
    add(4, 49)
    many = _queries_for(client, q="swimming", type=kind)

    assert few == many
    assert many <= 15, many
