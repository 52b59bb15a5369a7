"""Per-language analyzers for the Elasticsearch index, with the editors' synonyms at search time.

Every language has two analyzers built from one filter chain: `family_<code>` indexes text and
`family_<code>_search` reads queries, with a `synonym_graph` filter where the chain marks SYNONYMS.
The synonyms sit before stop words and stemming, so a rule's words are stemmed exactly as the
pages' words are, and only at search time: editing a set needs no reindexing (decision 0006).

English, Romanian, Arabic and Bengali are Elasticsearch's built-in analyzers, rebuilt filter by
filter as its documentation shows (a built-in analyzer cannot take a synonym filter). Polish (its
stemmer needs the analysis-stempel plugin) and Urdu (Elasticsearch has none) are the standard
tokenizer, lowercasing and the stop words of the database search; Polish also folds diacritics,
since many people type "zlobek" for "żłobek".
"""

from copy import deepcopy

from django.conf import settings
from django.utils.translation import get_language

from search.understanding.stopwords import stop_words
from search.understanding.synonyms import synonym_rules as rules_of

SYNONYMS = "<synonyms>"  # where a search analyzer's synonym filter goes in a chain

# Filters our chains name, beyond Elasticsearch's own (lowercase, decimal_digit, …).
_FILTERS = {
    "family_en_possessive": {"type": "stemmer", "language": "possessive_english"},
    "family_en_stop": {"type": "stop", "stopwords": "_english_"},
    "family_en_stemmer": {"type": "stemmer", "language": "english"},
    "family_ro_stop": {"type": "stop", "stopwords": "_romanian_"},
    "family_ro_stemmer": {"type": "stemmer", "language": "romanian"},
    "family_ar_stop": {"type": "stop", "stopwords": "_arabic_"},
    "family_ar_stemmer": {"type": "stemmer", "language": "arabic"},
    "family_bn_stop": {"type": "stop", "stopwords": "_bengali_"},
    "family_bn_stemmer": {"type": "stemmer", "language": "bengali"},
}

CHAINS = {
    "en": [
        "family_en_possessive",
        "lowercase",
        SYNONYMS,
        "family_en_stop",
        "family_en_stemmer",
    ],
    "ro": ["lowercase", SYNONYMS, "family_ro_stop", "family_ro_stemmer"],
    "ar": [
        "lowercase",
        "decimal_digit",
        SYNONYMS,
        "family_ar_stop",
        "arabic_normalization",
        "family_ar_stemmer",
    ],
    "bn": [
        "lowercase",
        "decimal_digit",
        "indic_normalization",
        "bengali_normalization",
        SYNONYMS,
        "family_bn_stop",
        "family_bn_stemmer",
    ],
    "pl": ["lowercase", SYNONYMS, "family_pl_stop", "asciifolding"],
    "ur": ["lowercase", "decimal_digit", SYNONYMS, "family_ur_stop"],
}
# Stop word lists Elasticsearch does not ship: the database search's (search/understanding).
_OWN_STOP_WORDS = ("pl", "ur")
# A content language added later, before anyone writes its chain: words as typed, lower case.
_GENERIC_CHAIN = ["lowercase", SYNONYMS]


def content_languages():
    """The site's content language codes ('en', 'pl', …), default first."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def search_language(code=None):
    """The content language a query in `code` (default: the active one) is analysed as."""
    code = (code or get_language() or settings.LANGUAGE_CODE).lower()
    languages = content_languages()
    for candidate in (code, code.split("-")[0], settings.LANGUAGE_CODE.split("-")[0]):
        if candidate in languages:
            return candidate
    return languages[0]


def analyzer_names(language):
    """(index analyzer, search analyzer) of a language's sub-fields."""
    return f"family_{language}", f"family_{language}_search"


def synonym_rules(language):
    """The editors' synonym sets of `language` as Solr lines ("adhd, attention deficit …")."""
    return rules_of(language)


def _stop_words(language):
    return sorted(stop_words(language))


def analysis(polish_stemmer=False):
    """The `analysis` index settings for every content language, synonyms read now."""
    filters = deepcopy(_FILTERS)
    analyzers = {}
    for language in content_languages():
        chain = list(CHAINS.get(language, _GENERIC_CHAIN))
        if language in _OWN_STOP_WORDS:
            filters[f"family_{language}_stop"] = {
                "type": "stop",
                "stopwords": _stop_words(language),
            }
        if language == "pl" and polish_stemmer:
            chain.insert(chain.index("asciifolding"), "polish_stem")  # from analysis-stempel
        index_analyzer, search_analyzer = analyzer_names(language)
        analyzers[index_analyzer] = _custom([name for name in chain if name != SYNONYMS])
        rules = synonym_rules(language)
        synonym_filter = f"family_{language}_synonyms"
        if rules:
            # lenient: a rule Elasticsearch cannot read is skipped, not a failed index.
            filters[synonym_filter] = {
                "type": "synonym_graph",
                "synonyms": rules,
                "expand": True,
                "lenient": True,
            }
            search_chain = [synonym_filter if name == SYNONYMS else name for name in chain]
        else:  # no sets in this language: nothing for a synonym filter to do
            search_chain = [name for name in chain if name != SYNONYMS]
        analyzers[search_analyzer] = _custom(search_chain)
    return {"analyzer": analyzers, "filter": filters}


def _custom(chain):
    return {"type": "custom", "tokenizer": "standard", "filter": chain}


def with_language_analysis(index_settings, polish_stemmer=False):
    """Wagtail's index settings (its n-gram analyzers) plus ours."""
    merged = deepcopy(index_settings)
    wagtail_analysis = merged.setdefault("settings", {}).setdefault("analysis", {})
    for kind, definitions in analysis(polish_stemmer=polish_stemmer).items():
        wagtail_analysis.setdefault(kind, {}).update(definitions)
    return merged
