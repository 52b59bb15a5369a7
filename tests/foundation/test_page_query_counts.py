"""Every kind of public page makes exactly the number of SQL queries recorded here.

Routing is the same few queries on every page (docs/decisions/0015-routing.md): a change that
costs a query more on any kind of page, or in any language, shows here by name. Counted as
production runs without Redis (cache reads are SQL queries too), once the process has seen the
page before, as on any running server.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from tests.factories.consultations import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    IdeaFactory,
    IdeasBoardPageFactory,
)
from tests.factories.home import (
    ContentPageFactory,
    PolicyIndexPageFactory,
    PolicyPageFactory,
    ReportPageFactory,
)
from tests.factories.services_directory import DirectoryPageFactory, ServicePageFactory

# Cache reads are SQL queries here, as in production without Redis.
# The clock stands still: the directory works out "open now" once a minute, and a minute that
# turned between two views would count as a query of the repeat view.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_cache", "still_clock")]

# (status, queries) for a repeat view of each address, as measured before routing moved onto
# Wagtail's public API (decision 0015) and unchanged by it, except where no page answers: there
# Wagtail's own serve view and redirect middleware look the site up themselves (one query).
EXPECTED = {
    "home": (200, 3),
    "home, Arabic": (200, 3),
    "content page": (200, 7),
    "content page, four deep": (200, 5),
    "content page, Arabic": (200, 5),
    "report": (200, 5),
    "policy index": (200, 9),
    "policy page": (200, 9),
    "directory": (200, 5),
    "directory, searched": (200, 9),
    "service page": (200, 12),
    "consultation index": (200, 8),
    "consultation": (200, 7),
    "ideas board": (200, 10),
    "idea": (200, 6),
    "search": (200, 9),
    "missing page": (404, 7),
    "unpublished page": (404, 5),
    "redirect": (301, 9),
}


@pytest.fixture
def addresses(home_page, arabic_home_page):
    content = ContentPageFactory(parent=home_page, title="Getting help")
    deep = content
    for level in range(3):
        deep = ContentPageFactory(parent=deep, title=f"Level {level}")
    arabic = content.copy_for_translation(arabic_home_page.locale)
    arabic.save_revision().publish()
    policies = PolicyIndexPageFactory(parent=home_page)
    directory = DirectoryPageFactory(parent=home_page)
    consultations = ConsultationIndexPageFactory(parent=home_page)
    consultation = ConsultationPageFactory(parent=consultations)
    board = IdeasBoardPageFactory(parent=consultation)
    hidden = ContentPageFactory(parent=home_page, title="Coming soon")
    hidden.unpublish()
    Redirect.objects.create(old_path="/en/old-page", redirect_page=content)
    return {
        "home": "/en/",
        "home, Arabic": "/ar/",
        "content page": content.url,
        "content page, four deep": deep.url,
        "content page, Arabic": "/ar/getting-help/",
        "report": ReportPageFactory(parent=home_page).url,
        "policy index": policies.url,
        "policy page": PolicyPageFactory(parent=policies).url,
        "directory": directory.url,
        "directory, searched": directory.url + "?q=play",
        "service page": ServicePageFactory(parent=directory).url,
        "consultation index": consultations.url,
        "consultation": consultation.url,
        "ideas board": board.url,
        "idea": reverse("consultations:idea", args=[IdeaFactory(board=board).pk]),
        "search": "/en/search/?q=help",
        "missing page": "/en/no-such-page/",
        "unpublished page": "/en/coming-soon/",
        "redirect": "/en/old-page/",
    }


def measure(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def test_each_kind_of_page_makes_the_recorded_number_of_queries(client, addresses):
    measured = {name: measure(client, url) for name, url in addresses.items()}
    assert measured == EXPECTED
