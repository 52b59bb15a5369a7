"""The directory's one GET search form: reads the URL, says plainly what it could not use.

Every field is a plain CharField that we parse ourselves, so any value at all (markup, NUL
bytes, 5,000 characters, "1e309") reaches `clean_<field>` and comes back as a message beside
that field. A field with an error is left out of the search; the others still apply, so a parent
with one typo still sees results.
"""

import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext, ngettext

from search.backends import MAX_QUERY_LENGTH, clean_query
from services_directory.geo import MILES_CHOICES, InvalidPostcode, get_geocoder, parse_postcode
from services_directory.models import DELIVERY_MODES, LANGUAGE_NAMES

MAX_AGE = 25
DEFAULT_MILES = 3
# Long enough for anything a person types; a pasted essay is cut before it is echoed back.
MAX_ECHO_LENGTH = 500
DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TOGGLES = ("free", "open_now", "evenings", "weekends")
_TRUE_VALUES = {"1", "on", "yes", "true"}
SORT_RELEVANCE, SORT_DISTANCE, SORT_NAME = "relevance", "distance", "name"
SORTS = (SORT_RELEVANCE, SORT_DISTANCE, SORT_NAME)


def age_text(age):
    """How the age select names an age: "Under 1 year", "3 years"."""
    if age == 0:
        return gettext("Under 1 year")
    return ngettext("%(count)s year", "%(count)s years", age) % {"count": age}


def echo(value):
    """What the person typed, safe to put back in the form: no control characters, not endless."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in str(value or ""))
    return text[:MAX_ECHO_LENGTH]


@dataclass(frozen=True)
class TermOption:
    """A category as the form offers it: shared by every translation through `key`."""

    key: str  # translation_key, as 32 hex digits
    slug: str
    name: str
    parent_key: str | None = None
    sort_order: int = 0
    children: list = field(default_factory=list, compare=False, hash=False)

    def subtree(self):
        """This category and every one below it, however deep the taxonomy goes."""
        yield self
        for child in self.children:
            yield from child.subtree()


@dataclass
class Selection:
    """The filters that passed validation: what the search actually applies."""

    query: str = ""
    raw_query: str = ""
    category: TermOption | None = None
    age: int | None = None
    free: bool = False
    open_now: bool = False
    evenings: bool = False
    weekends: bool = False
    postcode: str = ""
    point: object = None  # GeoPoint
    miles: int | None = None
    day: int | None = None
    language: str | None = None
    delivery: str | None = None
    sort: str = SORT_NAME

    def params(self, **changes):
        """The URL parameters for this selection, with `changes` (None removes a parameter)."""
        params = {
            "q": self.raw_query,
            "category": self.category.slug if self.category else "",
            "age": "" if self.age is None else str(self.age),
            "postcode": self.postcode,
            "distance": str(self.miles) if self.point is not None and self.miles else "",
            "day": "" if self.day is None else DAY_CODES[self.day],
            "language": self.language or "",
            "delivery": self.delivery or "",
            **{name: "1" if getattr(self, name) else "" for name in TOGGLES},
        }
        params.update(
            {key: ("" if value is None else str(value)) for key, value in changes.items()}
        )
        return {key: value for key, value in params.items() if value}

    @property
    def active_filters(self):
        """Names of the filters in use, in the order the no-results page suggests widening them."""
        names = []
        if self.point is not None:
            names.append("distance")
        for name in (
            "day",
            "open_now",
            "evenings",
            "weekends",
            "age",
            "free",
            "category",
            "language",
            "delivery",
        ):
            value = getattr(self, name)
            if value is not None and value is not False:
                names.append(name)
        if self.query:
            names.append("q")
        return names


class DirectoryFilterForm(forms.Form):
    """Bound to request.GET, with the category options (`terms_by_slug`: slug -> TermOption)."""

    # In the order the page shows them, which is the order of the error summary.
    q = forms.CharField(required=False, strip=True)
    postcode = forms.CharField(required=False)
    distance = forms.CharField(required=False)
    age = forms.CharField(required=False)
    category = forms.CharField(required=False)
    day = forms.CharField(required=False)
    open_now = forms.CharField(required=False)
    evenings = forms.CharField(required=False)
    weekends = forms.CharField(required=False)
    free = forms.CharField(required=False)
    language = forms.CharField(required=False)
    delivery = forms.CharField(required=False)
    sort = forms.CharField(required=False)

    def __init__(self, data=None, *, terms_by_slug=None, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(data, **kwargs)
        self.terms_by_slug = terms_by_slug or {}
        for form_field in self.fields.values():
            # Django's own "Null characters are not allowed" would stop us reading the value at all.
            form_field.validators = []

    # --- one method per parameter: return the parsed value or raise ValidationError ----------

    def clean_q(self):
        raw = self.cleaned_data.get("q") or ""
        if len(raw) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                gettext("Keywords must be %(max)s characters or fewer") % {"max": MAX_QUERY_LENGTH}
            )
        if raw.strip() and not clean_query(raw):
            raise forms.ValidationError(gettext("Enter words to search for, such as 'baby group'"))
        return raw

    def clean_category(self):
        slug = (self.cleaned_data.get("category") or "").strip().lower()
        if not slug:
            return None
        term = self.terms_by_slug.get(slug)
        if term is None:
            raise forms.ValidationError(gettext("Select a category from the list"))
        return term

    def clean_age(self):
        raw = " ".join((self.cleaned_data.get("age") or "").split()).lower()
        if not raw:
            return None
        if raw in {"under 1", "under-1", "under1"}:
            return 0
        try:
            # int() reads digits from any script ("١٢" is 12), which people do type.
            age = int(raw)
        except ValueError:
            age = None
        if age is None or not 0 <= age <= MAX_AGE:
            raise forms.ValidationError(
                gettext("Select an age from the list: under 1, or 1 to %(max)s years")
                % {"max": MAX_AGE}
            )
        return age

    def clean_postcode(self):
        raw = self.cleaned_data.get("postcode") or ""
        if not raw.strip():
            return None
        try:
            postcode = parse_postcode(raw)
            return get_geocoder().locate(postcode)
        except InvalidPostcode as error:
            raise forms.ValidationError(str(error.message), code=error.code) from error

    def clean_distance(self):
        raw = (self.cleaned_data.get("distance") or "").strip()
        if not raw:
            return None
        if raw.isascii() and raw.isdigit() and int(raw) in MILES_CHOICES:
            return int(raw)
        raise forms.ValidationError(gettext("Select a distance from the list: 1, 3, 5 or 10 miles"))

    def clean_day(self):
        raw = (self.cleaned_data.get("day") or "").strip().lower()
        if not raw:
            return None
        if raw in DAY_CODES:
            return DAY_CODES.index(raw)
        raise forms.ValidationError(gettext("Select a day from the list"))

    def clean_language(self):
        raw = (self.cleaned_data.get("language") or "").strip().lower()
        if not raw:
            return None
        if raw in LANGUAGE_NAMES:
            return raw
        raise forms.ValidationError(gettext("Select a language from the list"))

    def clean_delivery(self):
        raw = (self.cleaned_data.get("delivery") or "").strip().lower()
        if not raw:
            return None
        if raw in DELIVERY_MODES:
            return raw
        raise forms.ValidationError(gettext("Select in person, online or by phone"))

    def clean_sort(self):
        raw = (self.cleaned_data.get("sort") or "").strip().lower()
        if not raw:
            return None
        if raw in SORTS:
            return raw
        raise forms.ValidationError(gettext("Sort by relevance, distance or name"))

    def _clean_toggle(self, name):
        raw = (self.cleaned_data.get(name) or "").strip().lower()
        if not raw:
            return False
        if raw in _TRUE_VALUES:
            return True
        raise forms.ValidationError(gettext("Tick the box or leave it clear"))

    def clean_free(self):
        return self._clean_toggle("free")

    def clean_open_now(self):
        return self._clean_toggle("open_now")

    def clean_evenings(self):
        return self._clean_toggle("evenings")

    def clean_weekends(self):
        return self._clean_toggle("weekends")

    # --- results --------------------------------------------------------------------------

    def selection(self):
        """The valid part of what was asked for (call after is_valid())."""
        data = self.cleaned_data
        raw_query = data.get("q") or ""
        point = data.get("postcode")
        selection = Selection(
            query=clean_query(raw_query),
            raw_query=raw_query if "q" not in self.errors else "",
            category=data.get("category"),
            age=data.get("age"),
            postcode=point.label if point else "",
            point=point,
            miles=(data.get("distance") or DEFAULT_MILES) if point else None,
            day=data.get("day"),
            language=data.get("language"),
            delivery=data.get("delivery"),
            **{name: bool(data.get(name)) for name in TOGGLES},
        )
        available = [SORT_RELEVANCE] if selection.query else []
        if point:
            available.append(SORT_DISTANCE)
        available.append(SORT_NAME)
        asked = data.get("sort")
        # A sort that no longer applies (distance after the postcode was cleared) quietly falls
        # back to the default rather than showing an error for a link the site itself made.
        selection.sort = asked if asked in available else available[0]
        return selection

    def echoed(self, name):
        """The typed value of `name` for redisplay."""
        return echo(self.data.get(name, "")) if self.is_bound else ""

    def error_list(self):
        """For the GOV.UK error summary: each message linked to its field."""
        return [
            {"text": error, "href": f"#{self[name].id_for_label}"}
            for name in self.fields
            for error in self.errors.get(name, [])
        ]
