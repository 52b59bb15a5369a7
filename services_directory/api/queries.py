"""What the API publishes: live services in the default language, and the rows they need.

Each list fetches a page of rows and then every nested list in one query per relation, so a page
costs the same number of queries whatever the size of the directory.
"""

from collections import defaultdict

from django.db.models import Exists, OuterRef, Prefetch, Q
from wagtail.models import Locale

from home.queries import public_q
from services_directory.models import (
    DELIVERY_MODES,
    DELIVERY_TAXONOMY_ID,
    CostOption,
    HolidayClosure,
    Location,
    Organisation,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    ServiceContact,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    Taxonomy,
    TaxonomyTerm,
)


def default_locale():
    return Locale.get_default()


def published_services():
    """Services anyone can see, in the site's default language (ORUK has one record per service).

    Every endpoint starts from here, so a draft, or a service behind a page view restriction
    (its own or the directory's), is left out of every list and its ids answer 404.
    """
    return ServicePage.objects.live().filter(public_q(), locale=default_locale())


# Rows in the editors' order, ties in the order they were added. An import numbers the rows in
# the order given, so an export imported elsewhere lists them the same way.
IN_ORDER = ("sort_order", "pk")
SERVICE_PREFETCH = (
    Prefetch("schedules", queryset=Schedule.objects.order_by(*IN_ORDER)),
    Prefetch("holiday_closures", queryset=HolidayClosure.objects.order_by(*IN_ORDER)),
    Prefetch(
        "service_at_locations",
        queryset=ServiceAtLocation.objects.select_related("location").order_by(*IN_ORDER),
    ),
    Prefetch("cost_options", queryset=CostOption.objects.order_by(*IN_ORDER)),
    Prefetch("languages", queryset=ServiceLanguage.objects.order_by(*IN_ORDER)),
    Prefetch("phones", queryset=ServicePhone.objects.order_by(*IN_ORDER)),
    Prefetch("contacts", queryset=ServiceContact.objects.order_by(*IN_ORDER)),
    Prefetch("service_areas", queryset=ServiceArea.objects.order_by(*IN_ORDER)),
    # By name, not the editors' order of categories, which ORUK cannot carry to another system.
    Prefetch(
        "categories",
        queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by(
            "name", "translation_key"
        ),
    ),
)


def with_service_rows(queryset, full=True):
    queryset = queryset.select_related("organisation")
    return queryset.prefetch_related(*SERVICE_PREFETCH) if full else queryset


def services_in_order(ids, full=True):
    """The services with these primary keys, in the order given."""
    found = with_service_rows(ServicePage.objects.filter(pk__in=ids), full).in_bulk()
    return [found[pk] for pk in ids if pk in found]


def service_by_oruk_id(oruk_id):
    return with_service_rows(published_services()).filter(translation_key=oruk_id).first()


def published_service_at_locations(services=None):
    """The places of `services` (a queryset narrowing published_services()), or of them all.

    Never of other services: a restricted service's places are not published either.
    """
    services = published_services() if services is None else services
    return ServiceAtLocation.objects.filter(
        service__in=services.order_by().values("pk")
    ).select_related("location", "service", "service__organisation")


def organisations():
    return Organisation.objects.filter(locale=default_locale())


def taxonomies():
    return Taxonomy.objects.filter(locale=default_locale())


def taxonomy_terms():
    return TaxonomyTerm.objects.filter(locale=default_locale()).select_related("taxonomy", "parent")


def locations():
    return Location.objects.filter(locale=default_locale())


def delivery_q(term_id):
    """Services reached by the delivery mode whose fixed term id is `term_id` (None if not one)."""
    fields = {
        "in_person": "delivered_in_person",
        "online": "delivered_online",
        "telephone": "delivered_by_phone",
    }
    for code, mode in DELIVERY_MODES.items():
        if str(mode["id"]) == term_id:
            return Q(**{fields[code]: True})
    return None


def in_taxonomy_q(taxonomy_id):
    if taxonomy_id == str(DELIVERY_TAXONOMY_ID):
        return Q(delivered_in_person=True) | Q(delivered_online=True) | Q(delivered_by_phone=True)
    return Q(
        Exists(
            TaxonomyTerm.objects.filter(
                services=OuterRef("pk"), taxonomy__translation_key=taxonomy_id
            )
        )
    )


def term_and_descendant_keys(term_id):
    """The term's id and the ids of every term under it, at any depth.

    The directory files services under sub-categories and lists them under the parent too, so
    asking for a top-level category must find them here as well. One query reads the tree (a
    council's taxonomy is hundreds of terms at most); a loop in the data cannot recur for ever.
    """
    children = defaultdict(list)
    rows = taxonomy_terms().filter(parent__isnull=False).order_by()
    for key, parent_key in rows.values_list("translation_key", "parent__translation_key"):
        children[str(parent_key)].append(str(key))
    found, waiting = {term_id}, [term_id]
    while waiting:
        for child in children[waiting.pop()]:
            if child not in found:
                found.add(child)
                waiting.append(child)
    return found


def with_term_q(term_id):
    """Services filed under the term or under any term below it."""
    delivery = delivery_q(term_id)
    if delivery is not None:
        return delivery
    keys = term_and_descendant_keys(term_id)
    return Q(Exists(TaxonomyTerm.objects.filter(services=OuterRef("pk"), translation_key__in=keys)))
