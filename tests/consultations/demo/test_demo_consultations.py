"""The demo consultations: a closed one with a full "you said, we did", and an open one that a
policy links to. Loaded again, they change nothing and keep what editors and moderators did."""

import csv
import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from consultations.demo import content
from consultations.demo.dates import open_period
from consultations.models import (
    BoardTheme,
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationStatus,
    Contributor,
    Idea,
    IdeasBoardPage,
    ModerationMode,
    ModerationStatus,
    RespondentType,
    Support,
)
from home.models import HomePage, PolicyPage
from services_directory.geo.geocoder import OUTCODES_CSV

LONDON = ZoneInfo("Europe/London")
CLOSED = content.read("best_start_in_life")["consultation"]
OPEN = content.read("partnership_with_parents")["consultation"]
DEMO_SLUGS = {CLOSED["slug"], OPEN["slug"]}


def closed_consultation():
    return ConsultationPage.objects.get(locale__language_code="en", slug=CLOSED["slug"])


def open_consultation():
    return ConsultationPage.objects.get(locale__language_code="en", slug=OPEN["slug"])


def boards_of(consultation):
    return list(IdeasBoardPage.objects.child_of(consultation).order_by("path"))


def snapshot():
    """Everything the loader writes, as values, so a second run can be compared with the first."""
    return {
        "revisions": Revision.objects.count(),
        "pages": sorted(
            ConsultationPage.objects.values_list("slug", "opens_at", "closes_at", "live")
        ),
        "themes": sorted(BoardTheme.objects.values_list("translation_key", "name")),
        "ideas": sorted(
            Idea.objects.values_list(
                "submission_key",
                "status",
                "support_count",
                "comment_count",
                "response_status",
                "created_at",
                "published_at",
                "theme_id",
            )
        ),
        "comments": sorted(Comment.objects.values_list("submission_key", "status", "created_at")),
        "supports": Support.objects.count(),
        "contributors": sorted(Contributor.objects.values_list("pk", "name", "email")),
    }


# --- What the demo shows -----------------------------------------------------------------------


def test_the_pledge_consultation_is_closed_with_a_board_per_pledge_theme(demo):
    consultation = closed_consultation()
    assert consultation.status == ConsultationStatus.CLOSED
    assert consultation.summary == CLOSED["summary"]
    assert timezone.localtime(consultation.opens_at, LONDON).date() == datetime.date(2023, 2, 1)
    assert timezone.localtime(consultation.closes_at, LONDON).date() == datetime.date(2023, 8, 31)
    assert "Thank you" in consultation.closing_message
    assert [related.page_id for related in consultation.related_pages.all()] == [
        demo.pages["best-start-in-life-pledges"].pk
    ]
    boards = boards_of(consultation)
    assert [board.title for board in boards] == [b["title"] for b in CLOSED["boards"]]
    # The boards are the pledge's themes, in the pledge page's order (the last heading is not one).
    pledge = demo.pages["best-start-in-life-pledges"].specific
    headings = [block.value["text"] for block in pledge.body if block.block_type == "heading"]
    assert [board.title for board in boards] == headings[: len(boards)]
    assert [board.introduction for board in boards] == [b["introduction"] for b in CLOSED["boards"]]
    for board in boards:
        assert 2 <= board.themes.count() <= 4, board.title
    index = consultation.get_parent().specific
    assert isinstance(index, ConsultationIndexPage) and index.title == "Have your say"
    assert HomePage.objects.get(pk=demo.home.pk).consultations_page_id == index.pk


def test_every_closed_board_says_what_was_done_with_its_ideas(demo):
    for board in boards_of(closed_consultation()):
        published = Idea.objects.filter(board=board, status=ModerationStatus.PUBLISHED)
        assert published.count() >= 8, board.title
        answered = published.exclude(response_status="").exclude(public_response="")
        # "You said, we did": every theme with ideas has answers, and most ideas are answered.
        assert answered.count() >= 0.8 * published.count(), board.title
        assert answered.filter(responded_at__gt=board.get_parent().specific.closes_at).exists()
        themes_with_ideas = set(published.values_list("theme", flat=True))
        assert None not in themes_with_ideas
        assert themes_with_ideas == set(answered.values_list("theme", flat=True)), board.title
        # Moderation transparency: something was not published, with a reason.
        rejected = Idea.objects.filter(board=board, status=ModerationStatus.REJECTED)
        assert rejected.exists() and not rejected.filter(rejection_reason="").exists()
    ideas = Idea.objects.filter(board__in=boards_of(closed_consultation()))
    assert ideas.filter(status=ModerationStatus.PENDING).exists()
    assert set(ideas.values_list("respondent_type", flat=True)) == set(RespondentType.values)
    assert len(set(ideas.values_list("response_status", flat=True)) - {""}) == 4


def test_ideas_are_from_real_postcode_districts_and_sent_while_the_boards_were_open(demo):
    with OUTCODES_CSV.open(newline="", encoding="utf-8") as file:
        districts = {row["outcode"] for row in csv.DictReader(file)}
    consultation = closed_consultation()
    ideas = Idea.objects.filter(board__in=boards_of(consultation))
    areas = set(ideas.exclude(area="").values_list("area", flat=True))
    assert len(areas) >= 5 and areas <= districts, areas - districts
    for idea in ideas:
        assert consultation.opens_at <= idea.created_at < consultation.closes_at, idea.title
        if idea.published_at:
            assert idea.published_at >= idea.created_at


def test_supports_and_comments_match_their_counts(demo):
    ideas = Idea.objects.all()
    assert Support.objects.count() > 300
    for idea in ideas:
        supporters = list(idea.supports.values_list("supporter", flat=True))
        assert idea.support_count == len(supporters) == len(set(supporters)), idea.title
        published = idea.comments.filter(status=ModerationStatus.PUBLISHED).count()
        assert idea.comment_count == published, idea.title
        if not idea.is_published:
            assert idea.support_count == 0 and idea.comment_count == 0
    assert Comment.objects.filter(status=ModerationStatus.PUBLISHED).count() >= 20
    assert (
        Comment.objects.filter(status=ModerationStatus.REJECTED)
        .exclude(rejection_reason="")
        .exists()
    )


def test_the_open_consultation_is_open_and_the_policy_links_to_it(demo, client):
    consultation = open_consultation()
    assert consultation.status == ConsultationStatus.OPEN
    assert consultation.closes_at - timezone.now() > datetime.timedelta(days=150)
    boards = boards_of(consultation)
    # One board checks ideas first, the other publishes them at once.
    assert sorted(board.moderation for board in boards) == [ModerationMode.POST, ModerationMode.PRE]
    for board in boards:
        assert Idea.objects.filter(board=board, status=ModerationStatus.PUBLISHED).count() >= 3
    assert Support.objects.filter(idea__board__in=boards).exists()
    assert Comment.objects.filter(idea__board__in=boards).exists()
    [event] = list(consultation.resources)
    assert consultation.opens_at < event.value["starts_at"] < consultation.closes_at

    policy = PolicyPage.objects.get(pk=demo.pages["partnership-with-parents-and-carers-policy"].pk)
    assert policy.comment_page_id == consultation.pk
    assert [related.page_id for related in consultation.related_pages.all()] == [policy.pk]
    response = client.get(policy.url)
    assert f'href="{consultation.url}"' in response.content.decode()
    # Linking it is not a new version of the policy.
    assert len(policy.get_version_history()) == 1


@pytest.mark.parametrize(
    ("today", "opens", "closes"),
    [
        (datetime.date(2026, 12, 6), datetime.date(2026, 11, 1), datetime.date(2027, 6, 30)),
        (datetime.date(2027, 1, 31), datetime.date(2026, 12, 1), datetime.date(2027, 7, 31)),
        (datetime.date(2027, 6, 1), datetime.date(2027, 5, 1), datetime.date(2027, 12, 31)),
    ],
)
def test_open_consultation_dates_are_the_same_all_month(today, opens, closes):
    for day in (today.replace(day=1), today):
        now = datetime.datetime.combine(day, datetime.time(12), tzinfo=LONDON)
        opens_at, closes_at = open_period(now)
        assert opens_at.astimezone(LONDON).date() == opens
        assert closes_at.astimezone(LONDON).date() == closes
        assert opens_at < now < closes_at


def test_open_consultation_keeps_its_dates_while_they_still_suit(demo):
    before = open_consultation()
    assert demo.run(now=timezone.now() + datetime.timedelta(days=45)) == 0, demo.lines
    assert open_consultation().opens_at == before.opens_at
    # Months later it would close soon: its dates move on, and so do its ideas.
    later = before.closes_at - datetime.timedelta(days=20)
    assert demo.run(now=later) > 0
    after = open_consultation()
    assert after.opens_at > before.opens_at and after.closes_at > later
    assert after.status_at(later) == ConsultationStatus.OPEN
    first = Idea.objects.filter(board__in=boards_of(after)).order_by("created_at").first()
    assert first.created_at > after.opens_at


# --- Personal data ---------------------------------------------------------------------------


def test_names_and_emails_are_never_on_the_public_pages(demo, client):
    people = Contributor.objects.exclude(email="")
    assert people.exists() and all(p.email.endswith("@example.com") for p in people)
    secrets = [p.email for p in people] + [p.name for p in people if p.name]
    pages = [ConsultationIndexPage.objects.get(), closed_consultation(), open_consultation()]
    pages += boards_of(closed_consultation()) + boards_of(open_consultation())
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert not [secret for secret in secrets if secret in html], page.url
    assert not [line for line in demo.lines if any(secret in line for secret in secrets)]
    # A young person's idea never has a name behind it.
    young = Idea.objects.filter(respondent_type=RespondentType.YOUNG_PERSON)
    assert not young.filter(contributor__name__gt="").exists()


def test_the_closed_consultations_details_are_already_past_their_retention(demo):
    closed_people = Contributor.objects.filter(
        pk__in=Idea.objects.filter(board__in=boards_of(closed_consultation())).values("contributor")
    )
    assert closed_people.exists()
    assert not closed_people.filter(anonymised_at__isnull=True).exists()
    assert not closed_people.exclude(email="").exists()


def test_erased_details_are_not_put_back(demo):
    people = Contributor.objects.exclude(email="")
    assert people.exists()
    people.update(name="", email="", email_confirmed_at=None, anonymised_at=timezone.now())
    assert demo.run() == 0
    assert not Contributor.objects.exclude(email="").exists()


# --- Loading again ---------------------------------------------------------------------------


def test_loading_again_changes_nothing(demo):
    before = snapshot()
    assert demo.run() == 0, demo.lines
    assert snapshot() == before
    assert not [line for line in demo.lines if line.startswith(("  created", "  updated"))]
    assert all(line.endswith("0 created, 0 updated") for line in demo.lines if "ideas on" in line)


def test_loading_again_repairs_what_differs_from_the_data(demo):
    idea = Idea.objects.filter(support_count__gt=5).first()
    Support.objects.filter(idea=idea)[:1].get().delete()
    Idea.objects.filter(pk=idea.pk).update(title="Changed by accident", support_count=99)
    assert demo.run() > 0
    idea.refresh_from_db()
    assert idea.title != "Changed by accident"
    assert idea.support_count == idea.supports.count()


def test_an_editors_change_to_a_consultation_is_kept_with_its_boards(demo, moderator):
    consultation = closed_consultation()
    consultation.title = "Best start in life: what you told us"
    consultation.save_revision(user=moderator).publish(user=moderator)
    board = boards_of(consultation)[0]
    Idea.objects.filter(board=board).delete()  # the editor's own call: not put back
    board_title = board.title

    assert demo.run() == 0
    consultation.refresh_from_db()
    assert consultation.title == "Best start in life: what you told us"
    assert not Idea.objects.filter(board=board).exists()
    assert IdeasBoardPage.objects.get(pk=board.pk).title == board_title
    assert any(
        line.startswith("  kept") and "what you told us" in line and "moderator" in line
        for line in demo.lines
    ), demo.lines


def test_a_moderators_decision_on_an_idea_is_kept(demo, moderator):
    idea = Idea.objects.filter(status=ModerationStatus.PUBLISHED).first()
    idea.status = ModerationStatus.HIDDEN
    idea.moderated_by = moderator
    idea.public_response = "We have answered this in person."
    idea.save()
    assert demo.run() == 0
    idea.refresh_from_db()
    assert idea.status == ModerationStatus.HIDDEN
    assert idea.public_response == "We have answered this in person."
    assert any("kept idea" in line and "moderator" in line for line in demo.lines)


def test_an_editors_change_to_the_policy_link_is_kept(demo, moderator):
    policy = PolicyPage.objects.get(pk=demo.pages["partnership-with-parents-and-carers-policy"].pk)
    policy.comment_page = None
    policy.save_revision(user=moderator).publish(user=moderator)
    demo.run()
    policy.refresh_from_db()
    assert policy.comment_page is None


# --- Translations and the command --------------------------------------------------------------


def test_consultations_are_copied_to_other_languages_once(demo, site_loader, locales, client):
    languages = {"en": locales["en"], "ar": locales["ar"]}
    site_loader.translate_all(demo.home, languages)
    arabic = ConsultationPage.objects.filter(locale=locales["ar"], live=True)
    assert set(arabic.values_list("slug", flat=True)) == DEMO_SLUGS
    arabic_home = HomePage.objects.get(locale=locales["ar"])
    assert arabic_home.consultations_page.locale == locales["ar"]
    for page in [arabic_home.consultations_page, *arabic]:
        assert page.url.startswith("/ar/")
        assert client.get(page.url).status_code == 200, page.url
    arabic_boards = IdeasBoardPage.objects.filter(locale=locales["ar"])
    assert arabic_boards.count() == len(CLOSED["boards"]) + len(OPEN["boards"])
    for board in arabic_boards:
        assert board.live
        assert board.themes.exists()
        assert not board.themes.exclude(locale=locales["ar"]).exists()
    site_loader.changed = 0
    assert demo.run() == 0
    site_loader.translate_all(demo.home, languages)
    assert site_loader.changed == 0


def test_load_demo_content_loads_the_consultations_and_reloads_unchanged(db):
    first, second = StringIO(), StringIO()
    call_command("load_demo_content", "--skip-translations", stdout=first)
    assert "Consultations" in first.getvalue()
    assert set(ConsultationPage.objects.values_list("slug", flat=True)) == DEMO_SLUGS
    call_command("load_demo_content", "--skip-translations", stdout=second)
    assert "0 change(s) in" in second.getvalue(), second.getvalue()[-2000:]
