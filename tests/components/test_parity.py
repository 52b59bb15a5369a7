"""Our component includes render the same HTML as GOV.UK Frontend's own templates.

govuk-frontend ships fixtures.json for each component: example parameters and the HTML its
Nunjucks macro produces. Each case renders our include with the same parameters and compares the
two after normalising formatting. Rerun on every govuk-frontend upgrade: a failure means GOV.UK
changed the markup and our include (and perhaps the RTL layer) needs the same change.
"""

import json

import pytest

from .support import COMPONENTS_DIR, load_fixture, normalise, render_component

# Our include -> GOV.UK component folder.
COMPONENTS = {
    "accordion": "accordion",
    "back_link": "back-link",
    "breadcrumbs": "breadcrumbs",
    "button": "button",
    "character_count": "character-count",
    "checkboxes": "checkboxes",
    "details": "details",
    "error_message": "error-message",
    "error_summary": "error-summary",
    "fieldset": "fieldset",
    "hint": "hint",
    "input": "input",
    "inset_text": "inset-text",
    "label": "label",
    "notification_banner": "notification-banner",
    "pagination": "pagination",
    "panel": "panel",
    "radios": "radios",
    "select": "select",
    "summary_list": "summary-list",
    "table": "table",
    "tag": "tag",
    "textarea": "textarea",
    "warning_text": "warning-text",
}

# Examples our includes deliberately do not cover, and why. Everything else must match.
NOT_SUPPORTED = {
    ("select", "with falsy values"): "a JavaScript `false` option value; Python has no such value",
    ("character_count", "with custom textarea description"): "counter text comes from base.html",
    ("character_count", "when neither maxlength nor maxwords are set"): "we always set a limit",
    ("character_count", "with translations"): "translations come from base.html, not per call",
}
SUMMARY_CARD_PREFIXES = ("as a summary card", "summary card with")


def _fixture_names(component):
    path = COMPONENTS_DIR / component / "fixtures.json"
    if not path.exists():
        # Without node_modules there is nothing to list; "default" still runs and then skips
        # (or fails under CI) with a message saying to run `npm ci`.
        return ["default"]
    return [fixture["name"] for fixture in json.loads(path.read_text())["fixtures"]]


def _cases():
    for include, component in COMPONENTS.items():
        for name in _fixture_names(component):
            reason = NOT_SUPPORTED.get((include, name))
            if include == "summary_list" and name.startswith(SUMMARY_CARD_PREFIXES):
                reason = "summary cards are not part of our include"
            if reason:
                continue
            yield pytest.param(include, component, name, id=f"{include}: {name}")


@pytest.mark.parametrize(("include", "component", "fixture_name"), list(_cases()))
def test_component_matches_govuk_frontend(include, component, fixture_name):
    fixture = load_fixture(component, fixture_name)

    rendered = render_component(include, fixture["options"])

    assert normalise(rendered) == normalise(fixture["html"])


@pytest.mark.parametrize("include", sorted(COMPONENTS))
def test_each_component_is_compared_with_its_default_example(include):
    # The cases above would silently shrink if GOV.UK renamed its examples or we excluded too much.
    load_fixture(COMPONENTS[include], "default")  # skips or fails without node_modules

    compared = {case.values[2] for case in _cases() if case.values[0] == include}

    assert "default" in compared
