"""Wagtail's Elasticsearch mapping, with each text field analysed once per content language.

`title` stays as Wagtail maps it and gains `title.en`, `title.ar`, … (multi-fields), each with
that language's analyzers; so do the catch-all `_all_text` fields the queries read. A search in
Arabic reads the `.ar` sub-fields, whatever language a page's neighbours are in.
"""

from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping

from .analysis import analyzer_names, content_languages


def language_fields():
    """The `fields` (sub-fields) of a text field: one per content language."""
    fields = {}
    for language in content_languages():
        index_analyzer, search_analyzer = analyzer_names(language)
        fields[language] = {
            "type": "text",
            "analyzer": index_analyzer,
            "search_analyzer": search_analyzer,
        }
    return fields


def _add_language_fields(properties):
    for field in properties.values():
        if field.get("type") == "nested":
            _add_language_fields(field["properties"])
        # A field with its own analyzer is Wagtail's autocomplete n-grams: left as they are.
        elif field.get("type") == "text" and "analyzer" not in field:
            field["fields"] = language_fields()


class FamilyMapping(Elasticsearch8Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        _add_language_fields(mapping["properties"])
        return mapping
