"""Load the demo consultations: the pledge's closed consultation and an open one on a policy.

What they say is data (consultations/demo_content/, read by content.py); this module puts it in
the page tree in order: the consultations page, then each consultation with its boards
(pages.py) and what residents posted on them (contributions.py).

Idempotent, as the other demo loaders are. Pages have fixed translation keys derived from their
data (uuid5), ideas and comments fixed submission keys ("demo-<consultation>-<board>-<n>"), and
supporters fixed hashes, so a second run finds what the first made and saves only what differs.

The admin wins. A consultation or board an editor has changed is left as it is, with everything
on it; an idea or comment a moderator has dealt with is left as the moderator left it; and names
and email addresses are only ever written when an idea is first made, so personal details that
were erased stay erased. A consultation, board or the consultations page an editor deleted is not
made again (foundation.demo), with nothing under it.

The pages it links to (the policy, the pledge) are home's, found in the page tree by slug: home's
loader makes them first, and a link to one that is not there is left out.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from consultations.models import ConsultationPage
from foundation.bulk_tasks import tasks_run_once
from foundation.demo import DemoRecords

from . import content
from .contributions import ContributionLoading
from .dates import open_period, uk_time
from .ids import demo_uuid
from .pages import PageLoading

# An open demo consultation keeps its dates while it stays open at least this much longer;
# otherwise its dates move on to the current months.
STILL_OPEN_FOR = datetime.timedelta(days=90)


class ConsultationDemoLoader(PageLoading, ContributionLoading):
    """Upserts the demo consultations under the home page; `log` gets a line per step."""

    def __init__(self, home, log=None, now=None):
        self.home = home
        self.locale = home.locale
        self.log = log or (lambda line: None)
        self.now = now or timezone.now()
        self.changed = 0
        self.records = DemoRecords()

    @transaction.atomic
    @tasks_run_once()  # each page is indexed once, when the load ends
    def load(self):
        """Returns the consultation pages, in the order of content.CONSULTATIONS."""
        consultations = content.consultations()  # a mistake in the files stops it here
        index = self.load_index()
        if index is None:
            return tuple(None for _data in consultations)
        self.link_home(index)
        pages = []
        for data, contributors in consultations:
            if "opens" in data:
                opens_at, closes_at = uk_time(*data["opens"]), uk_time(*data["closes"])
            else:
                opens_at, closes_at = self.open_dates(data)
            consultation = self.load_consultation(index, data, contributors, opens_at, closes_at)
            if "policy_slug" in data:
                self.link_policy(consultation, data["policy_slug"])
            pages.append(consultation)
        return tuple(pages)

    def open_dates(self, data):
        """Keep an open demo consultation's dates while they still suit; else this month's."""
        page = ConsultationPage.objects.filter(
            translation_key=demo_uuid("page", data["key"]), locale=self.locale
        ).first()
        if (
            page is not None
            and page.opens_at <= self.now
            and page.closes_at >= self.now + STILL_OPEN_FOR
        ):
            return page.opens_at, page.closes_at
        return open_period(self.now)

    def load_consultation(self, index, data, contributors, opens_at, closes_at):
        self.log(f"Consultation: {data['title']}")
        consultation, kept = self.upsert_consultation(index, data, opens_at, closes_at)
        if kept:
            return consultation
        # When the council answered: for a closed consultation, after it closed.
        responded = uk_time(*data["responded"]) if "responded" in data else None
        # Names and emails of a consultation past its retention period are made already erased.
        retention_ends = closes_at + datetime.timedelta(days=consultation.retention_days)
        erased_at = retention_ends if retention_ends <= self.now else None
        for board_data in data["boards"]:
            board, board_kept = self.load_board(consultation, data, board_data)
            if not board_kept:
                dates = (opens_at, responded, erased_at)
                self.load_ideas(board, data, board_data, contributors, dates)
        return consultation


def load_demo(home, log=None):
    """Create or update the demo consultations under `home`; return how many objects changed.

    Called by `load_demo_content` through this app's AppConfig.
    """
    loader = ConsultationDemoLoader(home, log=log)
    loader.load()
    (log or (lambda line: None))(f"  consultations: {loader.changed} change(s)")
    return loader.changed
