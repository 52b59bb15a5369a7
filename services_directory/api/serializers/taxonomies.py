"""Organisations, taxonomies and taxonomy terms as ORUK objects."""

from django.utils.translation import override

from services_directory.models import DELIVERY_MODES, DELIVERY_TAXONOMY_ID

from .common import compact, ident


def organization(org):
    return compact(
        {
            "id": str(org.translation_key),
            "name": org.name,
            "email": org.email,
            "website": org.website,
            "logo": org.logo,
            "uri": org.uri,
            "legal_status": org.legal_status,
        }
    ) | {"description": org.description or ""}


def taxonomy(tax, terms=None):
    data = compact(
        {
            "id": str(tax.translation_key),
            "name": tax.name,
            "uri": tax.uri,
            "version": tax.version,
        }
    ) | {"description": tax.description or ""}
    if terms is not None:
        data["taxonomy_terms"] = [taxonomy_term(term) for term in terms]
    return data


def taxonomy_term(term):
    return compact(
        {
            "id": str(term.translation_key),
            "name": term.name,
            "parent_id": ident(term.parent.translation_key if term.parent_id else None),
            "taxonomy": term.taxonomy.name if term.taxonomy_id else None,
            "taxonomy_id": ident(term.taxonomy.translation_key if term.taxonomy_id else None),
            "term_uri": term.term_uri,
            "code": term.code,
        }
    ) | {"description": term.description or ""}


def delivery_taxonomy():
    """The fixed taxonomy that says how a service is delivered (ORUK v3 has no field for it)."""
    with override("en"):
        return {
            "id": str(DELIVERY_TAXONOMY_ID),
            "name": "Delivery method",
            "description": "How families use the service: in person, online or by phone.",
        }


def delivery_terms():
    with override("en"):
        return [
            {
                "id": str(mode["id"]),
                "name": str(mode["name"]),
                "description": str(mode["name"]),
                "code": code,
                "taxonomy": "Delivery method",
                "taxonomy_id": str(DELIVERY_TAXONOMY_ID),
            }
            for code, mode in DELIVERY_MODES.items()
        ]


def delivery_taxonomy_with_terms():
    return delivery_taxonomy() | {"taxonomy_terms": delivery_terms()}
