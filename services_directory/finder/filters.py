"""The directory's filters, each a Q over ServicePage that tests one service on its own.

Because every filter tests a service on its own, what a search keeps is the intersection of
each active filter's set of services: index.py reads those sets with these Qs (or, for the
language, category and distance options, grouped reads that mean the same, which the tests
compare), and facets.py counts with them.
"""

import datetime
import uuid

from django.db.models import (
    FloatField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.db.models.query import QuerySet
from django.utils import timezone

from foundation.memo import remember
from home.queries import public_q
from services_directory.geo import distance_miles_expression, within_box_q
from services_directory.models import (
    EVENING_FROM,
    VISIBLE_STATUSES,
    HolidayClosure,
    Location,
    OpeningSession,
    SchoolHoliday,
    ServiceAtLocation,
    ServiceLanguage,
    ServicePage,
    ServiceStatus,
    coming_date,
    current_sessions_q,
    open_sessions_q,
    runs_on_q,
)

from .opening import covered

DELIVERY_FIELDS = {
    "in_person": "delivered_in_person",
    "online": "delivered_online",
    "telephone": "delivered_by_phone",
}
CategoryLink = ServicePage.categories.through


def key_text(value):
    """A translation_key as 32 hex digits, however the database returned it."""
    return uuid.UUID(str(value)).hex


def visible_services(directory_page):
    """Live, public, current services under `directory_page` (so in its language).

    Wagtail's child_of, from the page's path and depth only, so a service page can name its
    directory without reading it.
    """
    return (
        ServicePage.objects.filter(
            path__startswith=directory_page.path, depth=directory_page.depth + 1
        )
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

    For a filter applied many times: given a queryset, Django resolves and compiles its whole
    expression tree again each time (the distance trigonometry, the opening-time rules), where
    compiled SQL is reused as it is. The SQL means the same either way; only its aliases differ.
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


def _open_on(day, sessions):
    """Active, with a session matching `sessions`, and no closure covering the date `day`."""
    return _ACTIVE & _with_session(sessions) & ~_closed_on(day)


def _today(now=None):
    return timezone.localtime(now).date()


def _school_holiday(holidays, day):
    """Whether `day` is in one of `holidays` (date ranges already read), or None to ask the
    database: the directory passes the holidays it reads anyway for "next opening"."""
    if holidays is None:
        return None
    return covered(holidays, day)


def date_q(day, holidays=None):
    """Open on the date `day`: a session runs that day (runs_on_q) and no closure covers it."""
    return _open_on(day, runs_on_q(day, school_holiday=_school_holiday(holidays, day)))


def day_q(weekday, now=None, holidays=None):
    """Open on the coming `weekday` (Monday 0; today if it is that day), as a parent planning
    "Saturday" means it: that Saturday's closures, school holidays and monthly sessions count."""
    return date_q(coming_date(weekday, _today(now)), holidays)


def evenings_q(now=None):
    """A current session ending after 17:30 (a pattern, not one date)."""
    return _ACTIVE & _with_session(Q(closes_at__gt=EVENING_FROM) & current_sessions_q(_today(now)))


def weekends_q(now=None):
    """A current Saturday or Sunday session (a pattern, not one date)."""
    return _ACTIVE & _with_session(Q(weekday__gte=5) & current_sessions_q(_today(now)))


def open_now_q(moment=None, holidays=None):
    """Open at `moment`: date_q's rule for its date, with a session running at its time of day."""
    moment = timezone.localtime(moment)
    day = moment.date()
    return _open_on(day, open_sessions_q(moment, school_holiday=_school_holiday(holidays, day)))


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
    """Within `miles` of `point`: what index.py reads for every distance at once, per service."""
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
    return remember(request, ("school_holidays", start, end), read)


def horizon(now, days):
    today = timezone.localtime(now).date()
    return today, today + datetime.timedelta(days=days)
