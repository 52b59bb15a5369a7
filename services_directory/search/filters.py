"""The directory's filters as queryset steps, so counts can apply "every filter but one".

Each active filter is one named step (a function from queryset to queryset). The results apply
them all; the count beside an option applies all but its own group, then the option, which is
exactly "how many services choosing this would leave".
"""

import datetime
import uuid

from django.db.models import (
    Aggregate,
    CharField,
    Exists,
    FloatField,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone

from home.queries import public_q
from services_directory.geo import distance_miles_expression, within_box_q
from services_directory.models import (
    EVENING_FROM,
    HolidayClosure,
    Location,
    OpeningSession,
    SchoolHoliday,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
    ServiceStatus,
    open_sessions_q,
)

# Inactive and closed-for-good listings stay in the admin and the API, not in a parent's results.
VISIBLE_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)
DELIVERY_FIELDS = {
    "in_person": "delivered_in_person",
    "online": "delivered_online",
    "telephone": "delivered_by_phone",
}
CategoryLink = ServicePage.categories.through


def key_text(value):
    """A translation_key as 32 hex digits, however the database returned it."""
    return uuid.UUID(str(value)).hex


class KeyList(Aggregate):
    """Comma-separated values of a column (Django 5.2 has StringAgg for PostgreSQL only)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s::text, ',')",
        )


def visible_services(directory_page):
    """Live, public, current services under `directory_page` (so in its language)."""
    return (
        ServicePage.objects.child_of(directory_page)
        .live()
        .filter(status__in=VISIBLE_STATUSES)
        .filter(public_q())
        .order_by()
    )


# Every filter below is "pk IN (an uncorrelated subquery)" rather than a correlated EXISTS. Both
# mean the same, but with EXISTS SQLite walks the (weekday, times) index of every session once per
# service, which took seconds at 2,000 services; the IN list is built once and probed by key.


def category_q(term_key):
    """In the category or one of its subcategories, matched by translation key in any language.

    wagtail-localize copies a service's categories as they are, so a translated service may point
    at the English terms: matching the shared key finds it either way.
    """
    links = CategoryLink.objects.filter(
        Q(taxonomyterm__translation_key=term_key)
        | Q(taxonomyterm__parent__translation_key=term_key)
    )
    return Q(pk__in=links.values("servicepage_id"))


def language_q(code):
    return Q(pk__in=ServiceLanguage.objects.filter(code=code).values("service_id"))


def _with_session(**lookups):
    return Q(pk__in=OpeningSession.objects.filter(**lookups).values("service_id"))


def day_q(weekday):
    """Has a session on `weekday` (Monday 0): ServicePage.objects.open_on, as an IN subquery."""
    return _with_session(weekday=weekday)


def evenings_q():
    """A session ending after 17:30: ServicePage.objects.open_evenings, as an IN subquery."""
    return _with_session(closes_at__gt=EVENING_FROM)


def weekends_q():
    return _with_session(weekday__gte=5)


def open_now_q(moment=None):
    """Open at `moment`: the rule of ServicePage.objects.open_at, with the school-holiday test
    done in SQL, so counting "open now" beside other filters never costs an extra query."""
    moment = timezone.localtime(moment)
    today = moment.date()
    in_holiday = Exists(SchoolHoliday.objects.filter(start_date__lte=today, end_date__gte=today))
    sessions = OpeningSession.objects.filter(open_sessions_q(moment)).filter(
        Q(term_time_only=False) | ~Q(in_holiday)
    )
    closed = HolidayClosure.objects.filter(start_date__lte=today, end_date__gte=today)
    return Q(pk__in=sessions.values("service_id")) & ~Q(pk__in=closed.values("service_id"))


def located_near(point, miles):
    """Service ids with a location within `miles`: an indexed box first, then the exact distance.

    The distance is worked out per place, not per service-at-place: on SQLite the trigonometry
    runs as Python functions, and a children's centre hosts dozens of services.
    """
    places = (
        Location.objects.filter(within_box_q(point, miles))
        .annotate(miles=distance_miles_expression(point))
        .filter(miles__lte=miles)
        .values("pk")
    )
    return ServiceAtLocation.objects.filter(location_id__in=places).values("service_id")


def near_q(point, miles):
    return Q(pk__in=located_near(point, miles))


def nearest_location(point=None):
    """ServiceAtLocation rows of the outer service with a position, nearest (or first) first."""
    rows = ServiceAtLocation.objects.filter(
        service=OuterRef("pk"), location__latitude__isnull=False, location__longitude__isnull=False
    )
    if point is None:
        return rows.order_by("sort_order", "pk")
    return rows.annotate(
        miles=distance_miles_expression(point, "location__latitude", "location__longitude")
    ).order_by("miles", "sort_order")


def distance_annotation(point):
    return Subquery(nearest_location(point).values("miles")[:1], output_field=FloatField())


class FilterSteps:
    """The active filters of a Selection, as named queryset steps."""

    def __init__(self, selection, *, keyword_q=None, now=None):
        self.selection = selection
        self.now = now
        steps = {}
        s = selection
        if keyword_q is not None:
            steps["q"] = lambda qs: qs.filter(keyword_q)
        if s.category is not None:
            steps["category"] = lambda qs: qs.filter(category_q(s.category.key))
        if s.age is not None:
            steps["age"] = lambda qs: qs.for_age(s.age)
        if s.free:
            steps["free"] = lambda qs: qs.filter(is_free=True)
        if s.point is not None:
            steps["distance"] = lambda qs: qs.filter(near_q(s.point, s.miles))
        if s.day is not None:
            steps["day"] = lambda qs: qs.filter(day_q(s.day))
        if s.open_now:
            steps["open_now"] = lambda qs: qs.filter(open_now_q(now))
        if s.evenings:
            steps["evenings"] = lambda qs: qs.filter(evenings_q())
        if s.weekends:
            steps["weekends"] = lambda qs: qs.filter(weekends_q())
        if s.language:
            steps["language"] = lambda qs: qs.filter(language_q(s.language))
        if s.delivery:
            steps["delivery"] = lambda qs: qs.filter(**{DELIVERY_FIELDS[s.delivery]: True})
        self.steps = steps

    def __contains__(self, name):
        return name in self.steps

    def apply(self, queryset, *, without=()):
        for name, step in self.steps.items():
            if name not in without:
                queryset = step(queryset)
        return queryset

    def toggle(self, name, queryset):
        """`queryset` narrowed by the toggle `name` (free, open now, evenings, weekends)."""
        if name == "free":
            return queryset.filter(is_free=True)
        if name == "open_now":
            return queryset.filter(open_now_q(self.now))
        if name == "evenings":
            return queryset.filter(evenings_q())
        return queryset.filter(weekends_q())


def school_holidays_between(start, end, request=None):
    """School holidays overlapping the dates; kept in the process's memo when given a request."""

    def read():
        return list(
            SchoolHoliday.objects.filter(start_date__lte=end, end_date__gte=start).order_by(
                "start_date"
            )
        )

    if request is None:
        return read()
    from council_site.memo import remember

    return remember(request, ("school_holidays", start, end), read)


def horizon(now, days):
    today = timezone.localtime(now).date()
    return today, today + datetime.timedelta(days=days)
