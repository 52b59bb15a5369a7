"""Writing generated services in bulk: page rows with their tree paths set, then child rows.

Wagtail's own page saving costs dozens of queries per page (tree bookkeeping, revisions, search
index); the generator works out the paths itself and writes each table in batches.
"""

from django.db import connection
from wagtail.models import Page

from services_directory.models import OpeningSession, ServicePage

BATCH = 1000
# The child rows of a service, in the order their tables are written.
CHILD_RELATIONS = ("service_at_locations", "schedules", "cost_options", "languages", "phones")


def insert_service_pages(pages):
    """Write the wagtailcore_page rows, then the ServicePage rows that extend them."""
    page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
    service_fields = ServicePage._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(page_fields, pages))
    for start in range(0, len(pages), batch):
        chunk = pages[start : start + batch]
        returned = Page.objects._insert(
            chunk, fields=page_fields, returning_fields=[Page._meta.pk], using=connection.alias
        )
        for page, (pk,) in zip(chunk, returned, strict=True):
            page.pk = page.page_ptr_id = page.id = pk
    batch = max(1, connection.ops.bulk_batch_size(service_fields, pages))
    for start in range(0, len(pages), batch):
        ServicePage.objects._insert(
            pages[start : start + batch], fields=service_fields, using=connection.alias
        )
    for page in pages:
        page._state.adding = False


def insert_child_rows(made):
    """The child rows, category links and weekday sessions of services just inserted."""
    rows = {relation: [] for relation in CHILD_RELATIONS}
    through = ServicePage.categories.through
    links = []
    for page, page_children, terms in made:
        for relation, objs in page_children.items():
            for obj in objs:
                obj.service_id = page.pk
                rows[relation].append(obj)
        links.extend(through(servicepage_id=page.pk, taxonomyterm_id=term.pk) for term in terms)
        # Held in memory too (modelcluster), so indexing reads them without a query per page.
        page.categories.set(terms)
    for relation, objs in rows.items():
        getattr(ServicePage, relation).rel.related_model.objects.bulk_create(objs, batch_size=BATCH)
    through.objects.bulk_create(links, batch_size=BATCH)
    schedules_by_service = {}
    for schedule in rows["schedules"]:
        schedules_by_service.setdefault(schedule.service_id, []).append(schedule)
    sessions = [
        session
        for page, _children, _terms in made
        for session in OpeningSession.rows_for(page, schedules_by_service.get(page.pk, []))
    ]
    OpeningSession.objects.bulk_create(sessions, batch_size=BATCH)
