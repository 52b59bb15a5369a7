"""Names and emails go when a consultation's retention period ends; what people said stays."""

import datetime
import io
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from consultations.models import Contributor
from consultations.services.personal_data import ANONYMISE_ACTION, anonymise_expired
from tests.factories.consultations import (
    ConsultationPageFactory,
    ContributorFactory,
    IdeasBoardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_with_people(closed_board, make_idea, make_comment):
    """An idea and a comment by two people who left details, on a consultation closed yesterday."""
    author = ContributorFactory(name="Jo Bloggs", email="jo@example.com")
    commenter = ContributorFactory(name="Sam Lee", email="sam@example.com")
    idea = make_idea(closed_board, author, title="Saturday mornings for dads")
    make_comment(idea, commenter, body="Yes, and for grandads too.")
    return {"author": author, "commenter": commenter, "idea": idea}


@pytest.fixture
def open_with_person(board, make_idea):
    person = ContributorFactory(name="Still Open", email="open@example.com")
    make_idea(board, person)
    return person


def test_details_are_kept_until_the_retention_period_ends(closed_with_people, open_with_person):
    counts = anonymise_expired(now=timezone.now() + datetime.timedelta(days=28))

    assert counts == {"consultations": 0, "contributors": 0}
    author = Contributor.objects.get(pk=closed_with_people["author"].pk)
    assert (author.name, author.email) == ("Jo Bloggs", "jo@example.com")


def test_details_are_removed_after_the_retention_period(closed_with_people, open_with_person):
    counts = anonymise_expired(now=timezone.now() + datetime.timedelta(days=30))

    assert counts == {"consultations": 1, "contributors": 2}
    for person in (closed_with_people["author"], closed_with_people["commenter"]):
        person.refresh_from_db()
        assert person.name == ""
        assert person.email == ""
        assert person.anonymised_at is not None
        assert not person.can_be_emailed
    idea = closed_with_people["idea"]
    idea.refresh_from_db()
    assert idea.title == "Saturday mornings for dads"
    assert idea.comments.get().body == "Yes, and for grandads too."
    open_with_person.refresh_from_db()
    assert open_with_person.email == "open@example.com"


def test_default_retention_is_two_years_after_closing(consultation_index, make_idea):
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index,
        opens_at=now - datetime.timedelta(days=400),
        closes_at=now - datetime.timedelta(days=365),
    )
    person = ContributorFactory(email="year.ago@example.com")
    make_idea(IdeasBoardPageFactory(parent=consultation), person)

    assert anonymise_expired()["contributors"] == 0
    with time_machine.travel(now + datetime.timedelta(days=366)):
        assert anonymise_expired()["contributors"] == 1

    person.refresh_from_db()
    assert person.email == ""


def test_running_again_changes_and_logs_nothing_more(closed_with_people):
    later = timezone.now() + datetime.timedelta(days=31)
    anonymise_expired(now=later)

    counts = anonymise_expired(now=later + datetime.timedelta(days=1))

    assert counts == {"consultations": 1, "contributors": 0}
    [entry] = PageLogEntry.objects.filter(action=ANONYMISE_ACTION)
    assert entry.data == {"contributors": 2}
    assert entry.message == (
        "Removed the names and email addresses of 2 people after the retention period"
    )


def test_command_shows_progress_per_consultation_and_totals(closed_with_people, caplog):
    out = io.StringIO()
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=31)),
        caplog.at_level(logging.DEBUG),
    ):
        call_command("anonymise_personal_data", stdout=out)
        call_command("anonymise_personal_data", stdout=(again := io.StringIO()))

    output = out.getvalue()
    assert "Children's centre opening hours [en]" in output
    assert "2 people anonymised" in output
    assert "1 consultation(s) past their retention period; 2 people anonymised." in output
    assert "0 people anonymised" in again.getvalue()
    for secret in ("jo@example.com", "sam@example.com", "Jo Bloggs"):
        assert secret not in output
        assert secret not in caplog.text


def test_dry_run_says_what_would_go_and_changes_nothing(closed_with_people):
    out = io.StringIO()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        call_command("anonymise_personal_data", "--dry-run", stdout=out)

    assert "2 people would be anonymised" in out.getvalue()
    assert "Dry run: nothing was changed." in out.getvalue()
    closed_with_people["author"].refresh_from_db()
    assert closed_with_people["author"].email == "jo@example.com"
    assert not PageLogEntry.objects.filter(action=ANONYMISE_ACTION).exists()


def test_a_person_who_also_commented_on_an_open_consultation_keeps_that_record(
    closed_with_people, board, make_idea
):
    """Each post has its own contributor record, so one consultation's expiry ends only its own."""
    elsewhere = ContributorFactory(name="Jo Bloggs", email="jo@example.com")
    make_idea(board, elsewhere)

    anonymise_expired(now=timezone.now() + datetime.timedelta(days=31))

    elsewhere.refresh_from_db()
    assert elsewhere.email == "jo@example.com"
