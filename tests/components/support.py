"""Helpers for the GOV.UK component parity tests: govuk-frontend's fixtures, an HTML normaliser."""

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

COMPONENTS_DIR = (
    Path(__file__).resolve().parents[2]
    / "node_modules"
    / "govuk-frontend"
    / "dist"
    / "govuk"
    / "components"
)

# Elements with no closing tag: the tree builder must not wait for one.
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}

# Space-separated lists: spacing never matters; order does not matter for classes, but it does
# for aria-describedby (it is the order a screen reader reads the descriptions in).
TOKEN_LIST_ATTRIBUTES = {"class", "aria-describedby", "rel"}


def load_fixture(component, name):
    """The named example from govuk-frontend's fixtures.json for a component (kebab-case name)."""
    path = COMPONENTS_DIR / component / "fixtures.json"
    if not path.exists():
        message = f"govuk-frontend is not installed ({path} is missing): run `npm ci`."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    fixtures = {fixture["name"]: fixture for fixture in json.loads(path.read_text())["fixtures"]}
    return fixtures[name]


def mark_html_safe(value, key=""):
    """GOV.UK's *html parameters hold trusted markup; in Django the caller marks them safe."""
    if isinstance(value, dict):
        return {k: mark_html_safe(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [mark_html_safe(v, key) for v in value]
    if isinstance(value, str) and key.lower().endswith("html"):
        return mark_safe(value)  # noqa: S308 - fixture markup from govuk-frontend, as a page would pass rendered rich text
    return value


def render_component(template_name, options):
    """Render one of our component includes with a GOV.UK fixture's parameters."""
    return render_to_string(f"components/{template_name}.html", mark_html_safe(options))


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = ("#root", (), [])
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = (tag, _normalise_attributes(attrs), [])
        self.stack[-1][2].append(node)
        if tag not in VOID_ELEMENTS:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1][2].append((tag, _normalise_attributes(attrs), []))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return
        raise AssertionError(f"Closing </{tag}> without an opening tag")

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", data).strip()
        if text:
            children = self.stack[-1][2]
            # Text split by a comment or entity boundary is still one run of text.
            if children and isinstance(children[-1], str):
                children[-1] = f"{children[-1]} {text}"
            else:
                children.append(text)


def _normalise_attributes(attrs):
    normalised = {}
    for name, value in attrs:
        value = "" if value is None else value
        if name == "class":
            value = " ".join(sorted(value.split()))
        elif name in TOKEN_LIST_ATTRIBUTES:
            value = " ".join(value.split())
        elif value == name:
            value = ""  # disabled="disabled" means the same as disabled
        normalised[name] = value
    return tuple(sorted(normalised.items()))


def _serialise(node, depth=0):
    if isinstance(node, str):
        return "  " * depth + node
    tag, attrs, children = node
    lines = []
    if tag != "#root":
        rendered = "".join(
            f' {name}="{value}"' if value != "" else f" {name}" for name, value in attrs
        )
        lines.append("  " * depth + f"<{tag}{rendered}>")
        depth += 1
    lines.extend(_serialise(child, depth) for child in children)
    return "\n".join(lines)


def normalise(html):
    """Markup as an indented tree, one node a line, for comparisons that ignore formatting.

    Whitespace between and inside text runs collapses, attributes are sorted, entities decoded,
    and token lists (class, aria-describedby) are tidied, so two renderings compare equal when a
    browser and a screen reader would treat them the same.
    """
    builder = _TreeBuilder()
    builder.feed(str(html))
    builder.close()
    unclosed = [node[0] for node in builder.stack[1:]]
    assert not unclosed, f"Unclosed elements: {unclosed}"
    return _serialise(builder.root)
