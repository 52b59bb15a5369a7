"""What a result (or a shortlist entry) shows about one service."""

from dataclasses import dataclass

from services_directory.models import ServiceStatus

from ..opening import DateRange, next_opening, sessions_from_opening_rows
from ..text import age_range_text, cost_text, distance_text


@dataclass
class ServiceSummary:
    """What a result (or a shortlist entry) shows about one service."""

    page: object
    url: str
    name: str
    organisation: str
    summary: str
    ages: str
    cost: str
    distance: str
    place: str
    opening: object
    categories: list
    temporarily_closed: bool
    oruk_id: str
    in_shortlist: bool = False
    latitude: float | None = None
    longitude: float | None = None
    # Set when the name and description, or the organisation's name, are in another language
    # than the reader's (written_in.marked): the template marks them with `lang` and `dir`.
    language: str = ""
    organisation_language: str = ""

    def map_point(self):
        if self.latitude is None or self.longitude is None:
            return None
        return {
            "name": self.name,
            "url": self.url,
            "lat": round(self.latitude, 5),
            "lng": round(self.longitude, 5),
            "detail": self.distance or self.place,
        }


def summarise(service, *, terms, now, holidays, shortlist, request):
    """A ServiceSummary from a service fetched by `with_result_details`."""
    closures = [
        DateRange(start, end)
        for start, end in (
            (service.closure1_start, service.closure1_end),
            (service.closure2_start, service.closure2_end),
            (service.closure3_start, service.closure3_end),
        )
        if start and end
    ]
    temporarily_closed = service.status == ServiceStatus.TEMPORARILY_CLOSED
    opening = None
    if not temporarily_closed:
        opening = next_opening(
            sessions_from_opening_rows(service.opening_sessions.all()),
            closures=closures,
            school_holidays=holidays,
            now=now,
        )
    place = ", ".join(part for part in (service.place_name, service.place_postcode) if part)
    oruk_id = service.translation_key.hex
    return ServiceSummary(
        page=service,
        url=service.get_url(request),
        name=service.title,
        organisation=service.organisation.name if service.organisation else "",
        summary=service.get_summary(),
        ages=age_range_text(service.minimum_age, service.maximum_age),
        cost=cost_text(
            service.is_free, service.price, service.price_option, service.price_count or 0
        ),
        distance=distance_text(getattr(service, "distance", None)),
        place=place,
        opening=opening,
        categories=terms.names((service.category_keys or "").split(",")),
        temporarily_closed=temporarily_closed,
        oruk_id=oruk_id,
        in_shortlist=oruk_id in shortlist,
        latitude=service.place_latitude,
        longitude=service.place_longitude,
    )
