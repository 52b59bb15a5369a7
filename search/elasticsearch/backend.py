"""Wagtail's Elasticsearch 8 backend with per-language analysis, synonyms and misspellings."""

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
)

from .analysis import with_language_analysis
from .compiler import FamilyQueryCompiler
from .mapping import FamilyMapping


class FamilyIndex(Elasticsearch8Index):
    def put(self):
        # The settings are built now, not when the backend was made: they carry the synonym
        # sets as editors left them.
        self.es.indices.create(index=self.name, **self.backend.index_settings())


class FamilySearchBackend(Elasticsearch8SearchBackend):
    """Settings as Wagtail's, plus:

    - INDEX: a prefix for the index names ("family_services" gives
      "family_services_wagtailcore_page"), so two sites can share a cluster; INDEX_PREFIX,
      Wagtail's own name for it, wins if set (Wagtail itself ignores INDEX);
    - POLISH_STEMMER: True when the cluster has the analysis-stempel plugin.
    """

    mapping_class = FamilyMapping
    index_class = FamilyIndex
    query_compiler_class = FamilyQueryCompiler
    accepts_language = True  # search(…, language="ar"): see search.fallback

    def __init__(self, params):
        # Wagtail's __init__ writes into OPTIONS: a copy keeps the settings as they were.
        params = deepcopy(params)
        index = params.pop("INDEX", "")
        if index and "INDEX_PREFIX" not in params:
            params["INDEX_PREFIX"] = f"{index}_"
        self.polish_stemmer = params.pop("POLISH_STEMMER", False)
        super().__init__(params)

    def index_settings(self):
        """What creating an index sends: Wagtail's settings with our analyzers and synonyms."""
        return with_language_analysis(self.settings, polish_stemmer=self.polish_stemmer)

    def search(
        self,
        query,
        model_or_queryset,
        fields=None,
        operator=None,
        order_by_relevance=True,
        language=None,
    ):
        """Wagtail's search; `language` (default: the active language) picks the analyzers."""
        return self._search(
            self.query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            language=language,
        )
