"""Start the findings of a consultation: a draft report page built from its figures.

Editors press "Create findings report" on the consultation's feedback dashboard; this makes a
draft ``home.ReportPage`` beside the consultation (under its index page) with the headline figures,
a section per theme and the "you said, we did" responses, for them to finish and publish.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext, ngettext, override
from wagtail.coreutils import find_available_slug

from consultations.figures import consultation_figures, you_said_we_did
from consultations.models import ConsultationPage
from home.models import ReportPage

# The report page's own limits (home/models/pages.py and home/blocks/content.py).
TITLE_LENGTH = 255
HEADING_LENGTH = 120
LIST_ITEM_LENGTH = 500


def findings_title(consultation):
    return gettext("What you told us: %(title)s") % {"title": consultation.title}


def _short(text, length):
    return Truncator(text).chars(length)


def _paragraph(text):
    # Rich text: the sentence is escaped, since theme names and titles come from other people.
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": _short(text, HEADING_LENGTH), "level": level}}


def _list(items):
    items = [_short(item, LIST_ITEM_LENGTH) for item in items]
    return {"type": "list", "value": {"style": "bullet", "items": items}}


def _headline_figures(figures):
    def figure(value, label):
        return {"type": "headline_figure", "value": {"value": str(value), "label": label}}

    themes = len(figures.themes_with_ideas)
    return [
        figure(figures.ideas.received, gettext("ideas received")),
        figure(figures.ideas.published, gettext("ideas published")),
        figure(figures.supports, gettext("supports for published ideas")),
        figure(themes, ngettext("theme", "themes", themes)),
    ]


def _summary(consultation, figures):
    return ngettext(
        "We asked for your ideas on %(consultation)s. We received %(received)s idea and "
        "published %(published)s; published ideas were supported %(supports)s times. This "
        "report sets out what you told us, theme by theme, and what we are doing about it.",
        "We asked for your ideas on %(consultation)s. We received %(received)s ideas and "
        "published %(published)s; published ideas were supported %(supports)s times. This "
        "report sets out what you told us, theme by theme, and what we are doing about it.",
        figures.ideas.received,
    ) % {
        "consultation": consultation.title,
        "received": figures.ideas.received,
        "published": figures.ideas.published,
        "supports": figures.supports,
    }


def _body(figures, responses):
    by_theme = {}
    for board in responses:
        for theme in board.themes:
            by_theme.setdefault(theme.key, []).extend(theme.ideas)
    types = figures.theme_by_respondent_type
    body = []
    for index, theme in enumerate(figures.by_theme):
        if not theme.received:
            continue
        body.append(_heading(theme.label))
        body.append(
            _paragraph(
                ngettext(
                    "We received %(received)s idea on this theme and published %(published)s.",
                    "We received %(received)s ideas on this theme and published %(published)s.",
                    theme.received,
                )
                % {"received": theme.received, "published": theme.published}
            )
        )
        who = [
            gettext("%(type)s: %(count)s") % {"type": label, "count": count}
            for (_value, label), count in zip(types.columns, types.received[index], strict=True)
            if count
        ]
        if who:
            body.append(_paragraph(gettext("Who sent them: %(list)s.") % {"list": "; ".join(who)}))
        answered = by_theme.get(theme.key, [])
        if answered:
            body.append(_heading(gettext("You said, we did"), level="h3"))
            body.append(
                _list(
                    gettext("%(idea)s (%(status)s): %(response)s")
                    % {
                        "idea": idea.title,
                        "status": idea.get_response_status_display(),
                        "response": idea.public_response,
                    }
                    for idea in answered
                )
            )
    if figures.ideas.by_reason:
        body.append(_heading(gettext("Ideas we did not publish")))
        body.append(
            _list(
                gettext("%(reason)s: %(count)s") % {"reason": reason.label, "count": reason.count}
                for reason in figures.ideas.by_reason
            )
        )
    return body


@transaction.atomic
def create_findings_report(consultation: ConsultationPage, user) -> ReportPage:
    """A draft report of the consultation's findings, under its index page, logged as created.

    Written in the consultation's language. The page is never published here: editors finish it.
    """
    index = consultation.get_parent().specific
    figures = consultation_figures(consultation)
    responses = you_said_we_did(consultation)
    with override(consultation.locale.language_code):
        title = _short(findings_title(consultation), TITLE_LENGTH)
        page = ReportPage(
            title=title,
            slug=find_available_slug(index, slugify(title) or "findings"),
            date=timezone.localdate(),
            summary=_short(_summary(consultation, figures), 1200),
            headline_figures=_headline_figures(figures),
            body=_body(figures, responses),
            locale_id=index.locale_id,
            owner=user,
            live=False,
        )
    # ReportPage.parent_page_types does not list the consultation index yet, though the index
    # allows report pages as children; add_child does not check, as the admin's create view does.
    # Saving a new page logs "wagtail.create" for its owner; the revision is logged as Wagtail's
    # own create view logs it, so the page's history says who made the draft and when.
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
