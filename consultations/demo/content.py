"""Read the demo consultations' files (consultations/demo_content/*.json) and check them.

consultations_page.json holds the consultations page; each other file one consultation, its
boards and their ideas, and the people who left their details ("contributors"). Each file's
"about" says where its words come from; consultations/demo_content/__init__.py describes the
entries. A key the loader does not know, a missing one, a row of the wrong shape or a value the
models do not allow stops the load with the file and the entry: a misspelt key would otherwise
be dropped without a word, and the demo would lack what the data says.
"""

import copy
import datetime
import functools
import json
from pathlib import Path

from consultations.models import (
    ModerationMode,
    ModerationStatus,
    RejectionReason,
    RespondentType,
    ResponseStatus,
)
from foundation.demo_files import DemoContentError, check_keys

CONTENT_DIR = Path(__file__).resolve().parent.parent / "demo_content"
INDEX = "consultations_page"
# Loaded in this order: the closed consultation, then the open one.
CONSULTATIONS = ["best_start_in_life", "partnership_with_parents"]

FILE_KEYS = {"about", "consultation", "contributors"}
INDEX_KEYS = {"title", "slug", "listing_summary", "introduction"}
CONSULTATION_KEYS = {
    "key",
    "slug",
    "title",
    "summary",
    "search_description",
    "why_we_are_asking",
    "who_can_take_part",
    "closing_message",
    "topics",
    "related_slugs",
    "boards",
}
# Without "opens" and "closes" a consultation is open, its dates following the calendar.
OPTIONAL_CONSULTATION_KEYS = {"opens", "closes", "responded", "events", "policy_slug"}
EVENT_KEYS = {"title", "weeks_before_close", "starts", "ends", "place", "description"}
BOARD_KEYS = {"slug", "title", "question", "introduction", "themes", "ideas"}
IDEA_KEYS = {"title", "description", "theme", "by", "area", "day", "supports"}
OPTIONAL_IDEA_KEYS = {"status", "reason", "note", "response", "comments", "contributor"}


@functools.cache
def _read(name):
    path = CONTENT_DIR / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        data = json.load(file)
    if name == INDEX:
        check_keys(data, {"about", "page"}, set(), path.name, "the file")
        check_keys(data["page"], INDEX_KEYS, set(), path.name, "the page")
    else:
        check_consultation_file(data, path.name)
    return data


def read(name):
    """The data of one file (INDEX or one of CONSULTATIONS), checked; a copy to change."""
    return copy.deepcopy(_read(name))


def index_page():
    """The consultations page's fields."""
    return read(INDEX)["page"]


def consultations():
    """[(consultation, contributors)] in the order they are loaded."""
    return [(data["consultation"], data["contributors"]) for data in map(read, CONSULTATIONS)]


def check_row(row, lengths, where):
    """The list-shaped values were tuples in Python, and the loader unpacks them so."""
    if not isinstance(row, list) or len(row) not in lengths:
        raise DemoContentError(f"{where} is {row!r}; see consultations/demo_content/ for its form")


def check_choice(value, choices, where):
    if value not in choices.values:
        raise DemoContentError(f"{where} is {value!r}: use one of {choices.values}")


def check_consultation_file(data, file_name):
    check_keys(data, FILE_KEYS, set(), file_name, "the file")
    consultation = data["consultation"]
    check_keys(
        consultation, CONSULTATION_KEYS, OPTIONAL_CONSULTATION_KEYS, file_name, "the consultation"
    )
    if ("opens" in consultation) != ("closes" in consultation):
        raise DemoContentError(
            f"{file_name}: the consultation needs both opens and closes, or neither"
        )
    for key in ("opens", "closes", "responded"):
        if key in consultation:
            where = f"{file_name}: the consultation's {key}"
            check_row(consultation[key], {2}, where)
            _check_time(consultation[key], where)
    for number, event in enumerate(consultation.get("events", []), start=1):
        check_keys(event, EVENT_KEYS, set(), file_name, f"event {number}")
    for person, row in data["contributors"].items():
        check_row(row, {3}, f"{file_name}: contributor '{person}'")
    for number, board in enumerate(consultation["boards"], start=1):
        where = _entry_name("board", board, "slug", number)
        check_keys(board, BOARD_KEYS, {"moderation"}, file_name, where)
        if "moderation" in board:
            check_choice(board["moderation"], ModerationMode, f"{file_name}: {where}'s moderation")
        for theme in board["themes"]:
            check_row(theme, {3}, f"{file_name}: {where}, a theme")
        themes = {theme[0] for theme in board["themes"]}
        for idea_number, idea in enumerate(board["ideas"], start=1):
            idea_where = f"{where}, {_entry_name('idea', idea, 'title', idea_number)}"
            check_idea(idea, themes, data["contributors"], file_name, idea_where)


def check_idea(idea, themes, contributors, file_name, where):
    check_keys(idea, IDEA_KEYS, OPTIONAL_IDEA_KEYS, file_name, where)
    where = f"{file_name}: {where}"
    if idea["theme"] not in themes:
        raise DemoContentError(f"{where} has theme {idea['theme']!r}: use one of {sorted(themes)}")
    if "contributor" in idea and idea["contributor"] not in contributors:
        raise DemoContentError(
            f"{where} names contributor {idea['contributor']!r}, who is not in contributors"
        )
    check_choice(idea["by"], RespondentType, f"{where}'s by")
    check_choice(
        idea.get("status", ModerationStatus.PUBLISHED), ModerationStatus, f"{where}'s status"
    )
    if "reason" in idea:
        check_choice(idea["reason"], RejectionReason, f"{where}'s reason")
    if "response" in idea:
        check_row(idea["response"], {2}, f"{where}'s response")
        check_choice(idea["response"][0], ResponseStatus, f"{where}'s response")
    for number, comment in enumerate(idea.get("comments", []), start=1):
        # [by, text] for a published comment, [by, text, status, reason] for one that was not.
        comment_where = f"{where}, comment {number}"
        check_row(comment, {2, 4}, comment_where)
        check_choice(comment[0], RespondentType, f"{comment_where}'s by")
        if len(comment) == 4:
            check_choice(comment[2], ModerationStatus, f"{comment_where}'s status")
            check_choice(comment[3], RejectionReason, f"{comment_where}'s reason")


def _entry_name(kind, entry, name_key, number):
    """Names it "idea 3 ('Its title')": the number finds it in the file, the title tells it."""
    name = entry.get(name_key) if isinstance(entry, dict) else None
    return f"{kind} {number} ('{name}')" if name else f"{kind} {number}"


def _check_time(row, where):
    try:
        datetime.date.fromisoformat(row[0])
        datetime.time.fromisoformat(row[1])
    except (TypeError, ValueError) as error:
        raise DemoContentError(f'{where} is {row!r}: use ["YYYY-MM-DD", "HH:MM"]') from error
