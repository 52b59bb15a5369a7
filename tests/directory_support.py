"""Helpers for tests that read the services directory as a parent would: services made to
measure, places at known distances, and the words, results and filters of a directory page.

The `directory` fixture (a directory page under the home page) is in tests/conftest.py.
"""

import datetime
import html
import re
import zoneinfo
from decimal import Decimal
from html.parser import HTMLParser

from tests.factories.services_directory import LocationFactory, ServicePageFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Saturday 6 June 2026, 10:45 in London (09:45 UTC: British Summer Time).
SATURDAY_MORNING = datetime.datetime(2026, 6, 6, 10, 45, tzinfo=LONDON)

# Places at known distances from CR0 1AA (the centre of sector CR0 1, 51.37117, -0.09969).
NEAR = (51.37327, -0.07873)  # CR0 district centre: 0.9 miles
MIDDLE = (51.39815, -0.07751)  # SE25: 2.1 miles
FAR = (51.5026, -0.13906)  # SW1A 1AA: 9.2 miles


def session(day_codes, opens, closes, **extra):
    return {
        "byday": day_codes,
        "opens_at": datetime.time(*opens),
        "closes_at": datetime.time(*closes),
        **extra,
    }


def place(position, name="Elm Road Children's Centre", postcode="CR0 1AA"):
    return LocationFactory(
        name=name, latitude=position[0], longitude=position[1], postal_code=postcode
    )


def service(directory, title, **kwargs):
    kwargs.setdefault("minimum_age", None)
    kwargs.setdefault("maximum_age", None)
    return ServicePageFactory(parent=directory, title=title, **kwargs)


def charged(amount, option="Per session"):
    return [{"amount": Decimal(amount), "option": option}]


def search(client, directory, **params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    return response


def page_text(response):
    """The words on the page, without tags, as a reader would see them."""
    without_tags = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(without_tags)).strip()


def result_names(response):
    """The service names a parent sees in the results list, in order."""
    body = response.content.decode()
    return [
        html.unescape(name.strip())
        for name in re.findall(
            r'<li class="app-service-result"[^>]*>\s*<h\d[^>]*>\s*'
            r'<a class="govuk-link" href="[^"]*">([^<]*)</a>',
            body,
        )
    ]


def option_text(response, select_id, value):
    """The visible text of one option of a filter select, or None when it is not offered."""
    body = response.content.decode()
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', body, re.S)
    assert select, f"no select {select_id}"
    match = re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', select.group(1))
    return html.unescape(match.group(1)).strip() if match else None


class _FilterForm(HTMLParser):
    """Reads the directory's search form as a browser without JavaScript would submit it."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.values = {}
        self.select = None
        self.first_option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("role") == "search":
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values[attrs["name"]] = attrs.get("value", "")
        elif tag == "select":
            self.select, self.first_option = attrs["name"], None
        elif tag == "option" and self.select:
            if self.first_option is None:
                self.first_option = attrs.get("value", "")
                self.values.setdefault(self.select, self.first_option)
            if "selected" in attrs:
                self.values[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_values(response):
    """The parameters the filter form sends as it stands, blank ones left out (as in links)."""
    reader = _FilterForm()
    reader.feed(response.content.decode())
    return {name: value for name, value in reader.values.items() if value}


def checkbox(response, name):
    """(label text, disabled) of a yes/no filter."""
    body = response.content.decode()
    tag = re.search(rf'<input[^>]*id="filter-{name}"[^>]*>', body).group(0)
    label = re.search(rf'<label[^>]*for="filter-{name}"[^>]*>([^<]*)</label>', body).group(1)
    return html.unescape(label).strip(), " disabled" in tag
