"""How a search becomes an Elasticsearch query: any word may match, in the reader's language.

Wagtail's compiler sends the words to the standard-analysed fields and, for a tree of queries,
one query per field. Here every word query reads the active language's sub-fields (`.en`, `.ar`,
…) together, so that language's stemming, stop words and the editors' synonyms apply, and asks
twice: once as typed, and once allowing for misspelling at half the weight, so that exact words
outrank near misses. Pages matching more of the words score higher (the words are alternatives,
summed); titles count double (Wagtail's `boost=2` on `title`), and a match in both the title and
the text adds a share of the weaker one (`tie_breaker`).
"""

from django.db import connections
from django.db.models.expressions import RawSQL
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchQueryCompiler
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from .analysis import search_language
from .mapping import FamilyMapping

TIE_BREAKER = 0.3
FUZZY_WEIGHT = 0.5
# Misspellings: edits allowed by word length (0 up to 2 letters, 1 up to 5, then 2); the first
# letter must be right, which keeps "bay" from finding "day" and the query fast.
FUZZINESS = {"fuzziness": "AUTO", "prefix_length": 1}


def _boosted(clause, boost):
    if boost != 1.0:
        clause["boost"] = boost
    return clause


class FamilyQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = FamilyMapping

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Resolved now: results are lazy, and may be read after the language has changed.
        self.language = search_language(language)

    def language_fields(self):
        """The fields searched, as `name.<language>^boost` for multi_match."""
        names = []
        for field in sorted(self.remapped_fields, key=lambda field: field.field_name):
            name = f"{field.field_name}.{self.language}"
            names.append(name if field.boost == 1 else f"{name}^{field.boost}")
        return names

    def _match(self, text, boost=1.0, **options):
        clause = {"query": text, "fields": self.language_fields(), **options}
        return {"multi_match": _boosted(clause, boost)}

    def _words(self, text, operator, boost, fuzzy_only=False):
        words = {"type": "best_fields", "tie_breaker": TIE_BREAKER}
        if operator == "and":
            words["operator"] = "and"
        if fuzzy_only:
            return self._match(text, boost, **words, **FUZZINESS)
        exact = self._match(text, **words)
        fuzzy = self._match(text, FUZZY_WEIGHT, **words, **FUZZINESS)
        return {"bool": _boosted({"should": [exact, fuzzy], "minimum_should_match": 1}, boost)}

    def _compile(self, query, boost=1.0):
        if isinstance(query, MatchAll):
            return {"match_all": _boosted({}, boost)}
        if isinstance(query, PlainText):
            return self._words(query.query_string, query.operator, boost * query.boost)
        if isinstance(query, Fuzzy):
            return self._words(query.query_string, query.operator, boost, fuzzy_only=True)
        if isinstance(query, Phrase):
            return self._match(query.query_string, boost, type="phrase")
        if isinstance(query, Boost):
            return self._compile(query.subquery, boost * query.boost)
        if isinstance(query, Or):
            should = [self._compile(subquery, boost) for subquery in query.subqueries]
            return {"bool": {"should": should, "minimum_should_match": 1}}
        if isinstance(query, And):
            return {"bool": {"must": [self._compile(sub, boost) for sub in query.subqueries]}}
        if isinstance(query, Not):
            return {"bool": {"must_not": [self._compile(query.subquery)]}}
        raise NotImplementedError(f"{type(query).__name__} is not supported by this backend.")

    def _process_lookup(self, field_path, lookup, value, *args, **kwargs):
        # Wagtail reads a subquery's ids itself but not raw SQL's, which the site's public-pages
        # filter is (home.queries.restricted_page_ids): read those ids here.
        if lookup == "in" and isinstance(value, RawSQL):
            connection = connections[self.queryset.db]
            with connection.cursor() as cursor:
                cursor.execute(value.sql, value.params)
                value = [row[0] for row in cursor.fetchall()]
        return super()._process_lookup(field_path, lookup, value, *args, **kwargs)

    def get_inner_query(self):
        if not self.remapped_fields:  # none of the fields asked for is searchable
            return self._process_match_none()
        return self._compile(self.query)
