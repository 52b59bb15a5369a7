"""The synonym sets a new site starts with: valid, unambiguous, and loaded once."""

from collections import defaultdict

import pytest

from search.models import SynonymSet
from search.starter_vocabulary import STARTER_SETS, load_starter_sets
from search.understanding.words import words_of

ENGLISH = [entry for entry in STARTER_SETS if entry[0] == "en"]


def _label(entry):
    return f"{entry[0]}:{entry[2][:40]}"


@pytest.mark.parametrize("entry", STARTER_SETS, ids=_label)
def test_every_starter_set_is_one_an_editor_could_save(entry):
    language, kind, terms, note = entry
    # full_clean() raises a ValidationError naming the field and the term it refuses.
    SynonymSet(language=language, kind=kind, terms=terms, note=note).full_clean()


def test_the_site_starts_with_at_least_fifty_english_sets():
    assert len(ENGLISH) >= 50


def test_no_english_term_belongs_to_two_sets():
    # A query word in two sets would silently take the first set's meaning only.
    # Compared as the search reads a query: "down's syndrome" is "down syndrome".
    sets_of = defaultdict(set)
    for _language, _kind, terms, _note in ENGLISH:
        for term in SynonymSet(terms=terms).term_list():
            sets_of[tuple(words_of(term))].add(terms)
    ambiguous = {" ".join(term): sets for term, sets in sets_of.items() if len(sets) > 1}
    assert ambiguous == {}


def test_every_acronym_set_starts_with_the_acronym():
    # The admin's help text asks editors for this order; the starter sets show it.
    for _language, kind, terms, _note in ENGLISH:
        if kind == "acronym":
            first = SynonymSet(terms=terms).term_list()[0]
            assert " " not in first, terms


def test_sets_in_other_languages_ask_for_a_native_speakers_review():
    others = [entry for entry in STARTER_SETS if entry[0] != "en"]
    assert {language for language, *_ in others} >= {"pl", "ar"}
    assert all("native review" in note for *_, note in others)


@pytest.mark.django_db
def test_migration_loaded_every_set_and_loading_again_adds_nothing():
    assert SynonymSet.objects.count() == len(STARTER_SETS)
    assert load_starter_sets(SynonymSet) == 0
    assert SynonymSet.objects.count() == len(STARTER_SETS)


@pytest.mark.django_db
def test_loading_again_restores_only_a_set_that_is_missing():
    removed = SynonymSet.objects.get(terms=ENGLISH[0][2])
    removed.delete()
    assert load_starter_sets(SynonymSet) == 1
    assert SynonymSet.objects.filter(terms=ENGLISH[0][2]).count() == 1
    assert SynonymSet.objects.count() == len(STARTER_SETS)
