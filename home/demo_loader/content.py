"""Read the demo content files (home/demo_content/*.json) and check them against the models.

Each source document is one file: its pages in the order they are loaded (pages it links to
first), their StreamFields in Wagtail's own stream format. Every stream is checked with the
page type's own blocks before anything is saved, so a mistake in a file stops the load with the
file, the page and the block that is wrong, instead of a page that fails for readers.
"""

import copy
import functools
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from wagtail.fields import StreamField

from foundation.demo_files import DemoContentError
from home.models import ContentPage, PolicyIndexPage, PolicyPage, ReportPage

CONTENT_DIR = Path(__file__).resolve().parent.parent / "demo_content"
# The source documents, in the order a reader meets them (the home page lists them so).
DOCUMENTS = [
    "vision_for_families_and_children",
    "best_start_in_life_pledges",
    "childrens_centres_core_purpose",
    "scrutiny_presentation_children_young_people",
    "partnership_with_parents_and_carers_policy",
]
SITE = "site"
PAGE_MODELS = {
    "content": ContentPage,
    "report": ReportPage,
    "policy": PolicyPage,
    "policy_index": PolicyIndexPage,
}
# Keys of the page data the loader turns into relations or tree places, not field values.
RELATION_KEYS = {"topics", "related_policies", "easy_read_page"}
LOADER_KEYS = {"type", "slug", "show_in_menus"}


@functools.cache
def _read(name):
    path = CONTENT_DIR / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        data = json.load(file)
    for page in data.get("pages", []) + data.get("sections", []):
        check_page(page, path.name)
    return data


def read(name):
    """The data of one content file, checked; a copy the caller may change."""
    return copy.deepcopy(_read(name))


def documents():
    """[(file name, data)] for every source document, in reading order."""
    return [(name, read(name)) for name in DOCUMENTS]


def check_page(page, file_name):
    """Refuse a page whose keys the model lacks or whose streams its blocks reject."""
    where = f"{file_name}: page '{page.get('slug')}'"
    model = PAGE_MODELS.get(page.get("type"))
    if model is None:
        raise DemoContentError(
            f"{where} has type {page.get('type')!r}: use one of {list(PAGE_MODELS)}"
        )
    names = {field.name for field in model._meta.get_fields()}
    unknown = sorted(set(page) - names - LOADER_KEYS - RELATION_KEYS)
    if unknown:
        raise DemoContentError(
            f"{where} has {', '.join(map(repr, unknown))}, which {model.__name__} has no field "
            "for: add the field or change the data."
        )
    for name, value in page.items():
        if name in LOADER_KEYS or name in RELATION_KEYS:
            continue
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            check_stream(field.stream_block, value, f"{where}, field '{name}'")


def check_stream(stream_block, value, where):
    try:
        stream_block.clean(stream_block.to_python(copy.deepcopy(value)))
    except ValidationError as error:
        data = (
            error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages}
        )
        problems = [
            f"{where}, block {path or '(the whole stream)'}: {message}"
            for path, message in _error_paths(data, value)
        ]
        raise DemoContentError("\n".join(problems) or f"{where}: {error}") from error


def _error_paths(data, value, path=""):
    """(block path, message) for each error in a block error's JSON form, e.g. "3 (table).data"."""
    for message in data.get("messages", []):
        yield path, message
    for key, child in data.get("blockErrors", {}).items():
        step = str(key)
        if not path and isinstance(value, list) and str(key).isdigit() and int(key) < len(value):
            step = f"{key} ({value[int(key)].get('type')})"
        yield from _error_paths(child, value, f"{path}.{step}" if path else step)
