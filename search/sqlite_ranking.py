"""Ranked search on SQLite: the FTS5 match, bm25() ranking, filter and slice in one query.

Imported only on SQLite: the FTS5 index model exists only there.
"""

from django.db.models import CharField, FloatField, Func
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.languages import reader_language
from search.understanding.stems import SNOWBALL, stem

# bm25() weights for the FTS table's columns, in their order (autocomplete, body, title): a word
# in a service's or page's name counts ten times a word in its description, as a reader expects
# ("baby" should find "Baby clinic" before a page that mentions babies once).
COLUMN_WEIGHTS = (0.5, 1.0, 10.0)


class WeightedBM25(Func):
    """FTS5's bm25() with column weights (lower is better, as bm25 goes)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class RankedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        # The FTS5 table stems English only (Porter); other languages match a word's Snowball
        # stem as a prefix.
        language = reader_language()
        if isinstance(query, PlainText) and language != "en" and language in SNOWBALL:
            lexemes = None
            for word in query.query_string.split():
                lexeme = Lexeme(stem(language, word.lower()), prefix=True)
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator.upper() == "AND":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return SearchQueryExpression(lexemes, config=config) if lexemes is not None else None
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        # The vendor adds the same unweighted bm25() once per vector, which cannot tell a title
        # from a body; one weighted bm25() can.
        return WeightedBM25()

    def ranked_index_query(self, config):
        """Matching index rows of the filtered set, best first; None when not ranking."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        candidates = (
            self.queryset.order_by()
            .annotate(_search_pk=Cast("pk", output_field=CharField()))
            .values("_search_pk")
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=candidates,
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            # bm25() is lower for better matches; pk breaks ties so pages stay stable.
            .order_by("score", "-index_entry__object_id")
        )


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _ranked(self):
        compiler = self.query_compiler
        return compiler.ranked_index_query(compiler.get_config(self.backend))

    def _do_search(self):
        index_query = self._ranked()
        if index_query is None:
            return super()._do_search()
        rows = list(
            index_query.values_list("index_entry__object_id", "score")[self.start : self.stop]
        )
        queryset = self.query_compiler.queryset
        pk_field = queryset.model._meta.pk
        objects = queryset.in_bulk([pk_field.to_python(object_id) for object_id, _ in rows])
        results = []
        for object_id, score in rows:
            obj = objects.get(pk_field.to_python(object_id))
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _do_count(self):
        index_query = self._ranked()
        if index_query is None:
            return super()._do_count()
        return index_query.values("index_entry__object_id").distinct().count()


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteQueryCompiler
    results_class = RankedSQLiteSearchResults
