"""A demo page, listing or consultation an editor deleted stays deleted on the next load."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from consultations.models import ConsultationPage, Idea
from foundation.models import DemoRecord
from home.models import ContentPage
from services_directory.models import ServicePage


def load():
    output = StringIO()
    call_command("load_demo_content", "--skip-translations", stdout=output)
    return output.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "records": DemoRecord.objects.count(),
    }


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_makes_no_duplicate():
    load()
    first = counts()
    output = load()
    assert counts() == first
    assert "Demo content ready: 0 change(s)" in output
    assert first["records"] > 50  # every page the loaders made is on the record


@pytest.mark.django_db
def test_a_deleted_page_listing_and_consultation_stay_deleted():
    load()
    ContentPage.objects.get(slug="cookies").delete()
    ServicePage.objects.get(slug="toy-library").delete()
    consultation = ConsultationPage.objects.get(
        slug="working-in-partnership-with-parents-and-carers"
    )
    # Ideas keep their board from deletion: a moderator takes them down first.
    Idea.objects.filter(board__in=consultation.get_children()).delete()
    consultation.delete()
    after_deleting = counts()

    output = load()

    assert not ContentPage.objects.filter(slug="cookies").exists()
    assert not ServicePage.objects.filter(slug="toy-library").exists()
    assert not ConsultationPage.objects.filter(
        slug="working-in-partnership-with-parents-and-carers"
    ).exists()
    assert "left out content page 'Cookies': deleted in the admin" in output
    # The footer's link to the deleted page goes; nothing else is made again.
    assert Page.objects.count() == after_deleting["pages"]
    load()
    assert Page.objects.count() == after_deleting["pages"]


@pytest.mark.django_db
def test_a_page_deleted_with_its_section_stays_deleted_too():
    load()
    policies = Page.objects.get(slug="policies")
    policy_count = policies.get_descendants().count()
    assert policy_count > 10
    policies.delete()
    before = Page.objects.count()

    load()

    assert Page.objects.count() == before
    assert not Page.objects.filter(slug="partnership-with-parents-and-carers-policy").exists()
