"""The directory's filters as queryset steps, so counts can apply "every filter but one".

Each active filter is one named step (a function from queryset to queryset). The results apply
them all; the count beside an option applies all but its own group, then the option, which is
exactly "how many services choosing this would leave".
"""

import datetime
import functools
import uuid

from django.db import connection
from django.db.models import (
    Aggregate,
    CharField,
    FloatField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.db.models.query import QuerySet
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
from services_directory.models.schedules import coming_date, current_sessions_q, runs_on_q

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


def compiled(q):
    """`q` with each "IN (a queryset)" turned into the SQL that queryset compiles to, once.

    The facet counts apply every filter a dozen times per page. Given a queryset, Django resolves
    and compiles its whole expression tree again each time (the distance trigonometry, the
    opening-time rules), which took longer than running the queries; compiled SQL is reused as
    it is. The SQL means the same either way; only its table aliases differ.
    """
    result = Q()
    result.connector, result.negated = q.connector, q.negated
    for child in q.children:
        if isinstance(child, Q):
            child = compiled(child)
        elif isinstance(child[1], QuerySet):
            sql, params = child[1].query.sql_with_params()
            child = (child[0], RawSQL(sql, params))  # noqa: S611 - the ORM wrote it; input in params
        result.children.append(child)
    return result


def category_q(term):
    """In the category or any category below it, matched by translation key in any language.

    wagtail-localize copies a service's categories as they are, so a translated service may point
    at the English terms: matching the shared key finds it either way. The keys below come from
    the (memoised) category tree, so an imported taxonomy of any depth filters in one query.
    """
    keys = [option.key for option in term.subtree()]
    links = CategoryLink.objects.filter(taxonomyterm__translation_key__in=keys)
    return Q(pk__in=links.values("servicepage_id"))


def language_q(code):
    return Q(pk__in=ServiceLanguage.objects.filter(code=code).values("service_id"))


def _with_session(q):
    return Q(pk__in=OpeningSession.objects.filter(q).values("service_id"))


def _closed_on(day):
    return Q(
        pk__in=HolidayClosure.objects.filter(start_date__lte=day, end_date__gte=day).values(
            "service_id"
        )
    )


# A temporarily closed service stays in the results, saying so, but is never open.
_ACTIVE = Q(status=ServiceStatus.ACTIVE)


def _today(now=None):
    return timezone.localtime(now).date()


def _school_holiday(holidays, day):
    """Whether `day` is in one of `holidays` (date ranges already read), or None to ask the
    database: the directory passes the holidays it reads anyway for "next opening"."""
    if holidays is None:
        return None
    return any(h.start_date <= day <= h.end_date for h in holidays)


def date_q(day, holidays=None):
    """Open on the date `day`: ServicePage.objects.open_on_date, as IN subqueries."""
    sessions = runs_on_q(day, school_holiday=_school_holiday(holidays, day))
    return _ACTIVE & _with_session(sessions) & ~_closed_on(day)


def day_q(weekday, now=None, holidays=None):
    """Open on the coming `weekday` (Monday 0; today if it is that day), as a parent planning
    "Saturday" means it: that Saturday's closures, school holidays and monthly sessions count."""
    return date_q(coming_date(weekday, _today(now)), holidays)


def day_sessions_q(now=None, holidays=None):
    """The sessions that run on the coming date of their own weekday, in no closed service: what
    the day options count, each weekday against its own date, in one grouped SELECT."""
    today = _today(now)
    q = Q()
    for weekday in range(7):
        day = coming_date(weekday, today)
        closed = HolidayClosure.objects.filter(start_date__lte=day, end_date__gte=day)
        q |= runs_on_q(day, school_holiday=_school_holiday(holidays, day)) & ~Q(
            service_id__in=closed.values("service_id")
        )
    return q


def evenings_q(now=None):
    """A current session ending after 17:30: ServicePage.objects.open_evenings."""
    return _ACTIVE & _with_session(Q(closes_at__gt=EVENING_FROM) & current_sessions_q(_today(now)))


def weekends_q(now=None):
    """A current Saturday or Sunday session: ServicePage.objects.open_weekends."""
    return _ACTIVE & _with_session(Q(weekday__gte=5) & current_sessions_q(_today(now)))


def open_now_q(moment=None, holidays=None):
    """Open at `moment`: the rule of ServicePage.objects.open_at, as IN subqueries, so counting
    "open now" beside other filters never costs an extra query."""
    moment = timezone.localtime(moment)
    sessions = open_sessions_q(moment, school_holiday=_school_holiday(holidays, moment.date()))
    return _ACTIVE & _with_session(sessions) & ~_closed_on(moment.date())


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
    """Within `miles` of `point`: SQL kept per place and distance (see `compiled`).

    A parent who searched from a postcode goes on from there (another page, another filter), and
    the distance options count 1, 3, 5 and 10 miles each time: their SQL, which depends on
    nothing else, is worked out once per process.
    """
    return _near_q(float(point.latitude), float(point.longitude), float(miles), connection.vendor)


@functools.lru_cache(maxsize=1024)
def _near_q(latitude, longitude, miles, vendor):
    return compiled(Q(pk__in=located_near((latitude, longitude), miles)))


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

    def __init__(self, selection, *, keyword_q=None, now=None, holidays=None):
        self.selection = selection
        self.now = now
        # School holidays (DateRange) covering at least the coming week, or None to ask SQL.
        self.holidays = holidays
        self._toggle_qs = {}  # name -> compiled Q, built on first use
        steps = {}
        s = selection

        def add(name, q):
            # Compiled once here: the counts apply each filter a dozen times.
            q = compiled(q)
            steps[name] = lambda qs: qs.filter(q)

        if keyword_q is not None:
            add("q", keyword_q)
        if s.category is not None:
            add("category", category_q(s.category))
        if s.age is not None:
            steps["age"] = lambda qs: qs.for_age(s.age)
        if s.free:
            steps["free"] = lambda qs: qs.filter(is_free=True)
        if s.point is not None:
            add("distance", near_q(s.point, s.miles))
        if s.day is not None:
            add("day", day_q(s.day, now, holidays))
        for toggle in ("open_now", "evenings", "weekends"):
            if getattr(s, toggle):
                steps[toggle] = functools.partial(self.toggle, toggle)
        if s.language:
            add("language", language_q(s.language))
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
        if name not in self._toggle_qs:
            build = {
                "open_now": lambda: open_now_q(self.now, self.holidays),
                "evenings": lambda: evenings_q(self.now),
                "weekends": lambda: weekends_q(self.now),
            }[name]
            self._toggle_qs[name] = compiled(build())
        return queryset.filter(self._toggle_qs[name])


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
