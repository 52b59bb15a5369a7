"""Wagtail's database search backend, stemming each language by its own rules.

- PostgreSQL: each page is indexed with the text search configuration of its own language, and a
  search uses the reader's (English, Romanian and Arabic have Snowball configurations built in;
  Polish, Urdu and Bengali have none and use "simple": whole words, lower-cased).
- SQLite: the FTS5 table stems English with Porter (search/migrations/0002); for the other
  languages a query word is reduced to its Snowball stem and matched as a prefix ("dzieci" ->
  "dziec*" finds "dzieckiem"), which is as near as FTS5 comes without a tokenizer per language.
  Ranking is one weighted FTS5 query (search/sqlite_ranking.py).
See docs/search.md for what each database does for each language.
"""

import copy
from collections import defaultdict
from functools import cache

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from modelsearch.backends.database import SearchBackend as _vendor_backend
from modelsearch.query import PlainText
from wagtail.models import Locale

from search.languages import POSTGRES_CONFIGS, postgres_config, reader_language
from search.understanding.stems import SNOWBALL, stem


@cache
def _postgres_backend_class():
    """The backend class, made once: its module imports fail on other databases."""
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            by_config = defaultdict(list)
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                by_config[postgres_config(language)].append(obj)
            backend = self.backend
            try:
                for config, group in by_config.items():
                    # The vendor's indexer reads the configuration from the backend it is given.
                    self.backend = copy.copy(backend)
                    self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend = backend

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return postgres_config(reader_language())

        def build_tsquery_content(self, query, config=None, invert=False):
            # Polish has a Snowball stemmer but no PostgreSQL configuration: its words match
            # by their stem as a prefix, as on SQLite.
            language = reader_language()
            if (
                isinstance(query, PlainText)
                and language in SNOWBALL
                and language not in POSTGRES_CONFIGS
            ):
                lexemes = None
                for word in query.query_string.split():
                    lexeme = Lexeme(stem(language, word.lower()), invert=invert, prefix=True)
                    lexemes = lexeme if lexemes is None else lexemes | lexeme
                if lexemes is not None:
                    return SearchQuery(lexemes, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class LanguageSearchResults(PostgresSearchResults):
        pass

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = LanguageQueryCompiler
        results_class = LanguageSearchResults

    return LanguagePostgresSearchBackend


def SearchBackend(params):  # Wagtail looks a backend module's SearchBackend up by name
    """The vendor's database backend, with language-aware stemming and SQLite ranking."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = _vendor_backend(params)
    # Compared by name: importing the SQLite classes on another database fails.
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from search.sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
