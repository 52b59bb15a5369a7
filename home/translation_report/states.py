"""The states a translation can be in, most urgent first, and how one is decided.

- missing: nothing in that language, or only an untranslated copy of the English (an alias);
- out of date: the English was published after the translation's source was last synced, or
  synced after the translation was last saved (new strings not yet put into the page);
- incomplete: some strings have no translation yet ("x of y translated");
- machine translated, not reviewed: some strings were drafted by machine and no person has saved
  them since;
- translated, not published: every string is translated, but the page or snippet in that
  language is a draft or has changes saved since it was last published, so readers do not see
  them yet;
- up to date: none of these.

Snippets without revisions keep no date of change, so for them "out of date" is known only once
synced.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
INCOMPLETE = "incomplete"
MACHINE = "machine"
UNPUBLISHED = "unpublished"
UP_TO_DATE = "up_to_date"
NEEDS_WORK = "needs_work"

# Most urgent first: the report lists them in this order within each language.
STATES = {
    MISSING: (_("Not translated"), "#d4351c"),
    OUT_OF_DATE: (_("Out of date"), "#f47738"),
    INCOMPLETE: (_("Incomplete"), "#912b88"),
    MACHINE: (_("Machine translated, not reviewed"), "#5694ca"),
    UNPUBLISHED: (_("Translated, not published"), "#505a5f"),
    UP_TO_DATE: (_("Up to date"), "#00703c"),
}
STATE_ORDER = {state: index for index, state in enumerate(STATES)}


@dataclass
class TranslationStatus:
    """One page or snippet in one language, as the report lists it."""

    title: str
    kind: str
    language: str
    language_code: str
    state: str
    total: int | None
    translated: int | None
    machine: int
    english_changed_at: datetime.datetime | None
    translated_at: datetime.datetime | None
    english_url: str
    next_step: str
    next_step_url: str

    @property
    def state_label(self):
        return STATES[self.state][0]

    @property
    def progress(self):
        if self.total is None:
            return ""
        return _("%(translated)s of %(total)s translated") % {
            "translated": self.translated,
            "total": self.total,
        }

    @property
    def needs_work(self):
        return self.state != UP_TO_DATE


def state_of(source, translation, copy, record, progress, last_saved):
    """The state of one source in one language, from what wagtail-localize has recorded.

    `copy` is a row as sources.py gives them: (key, locale, pk, alias_of, changed_at, unpublished).
    """
    if copy is None or (copy[3] is not None and record is None):
        return MISSING
    if record is None:
        # Translated by hand, outside wagtail-localize's editor: only dates can tell.
        copy_changed_at = copy[4]
        if source.changed_at and copy_changed_at and source.changed_at > copy_changed_at:
            return OUT_OF_DATE
        return UNPUBLISHED if copy[5] else UP_TO_DATE
    _source_id, source_synced_at = translation
    if source.changed_at and source.changed_at > source_synced_at:
        return OUT_OF_DATE  # the English changed after the last sync
    if last_saved is None or source_synced_at > last_saved:
        return OUT_OF_DATE  # synced, but the new strings are not in the translation yet
    total, translated, machine = progress
    if translated < total:
        return INCOMPLETE
    if machine:
        return MACHINE
    if copy[5]:
        return UNPUBLISHED
    return UP_TO_DATE


def summary(statuses):
    """Per language, how many items are in each state: [(code, name, {state: count})]."""
    counts = {}
    for row in statuses:
        language = counts.setdefault(row.language_code, (row.language, dict.fromkeys(STATES, 0)))
        language[1][row.state] += 1
    return [(code, name, by_state) for code, (name, by_state) in counts.items()]
