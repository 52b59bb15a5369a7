"""Our OpenAPI document: the UK profile's ``openapi.json`` adapted to this server.

Adapted, not rewritten: the paths and the ``Page`` schema come from the profile's file, then we add
the endpoints and filters we serve (from params.py, so the two cannot disagree), our error body,
and point the response schemas at the copies we serve, so the document resolves without GitHub.
A few slips in the profile's file are put right on the way (noted below).
"""

import copy
from functools import cache

from services_directory.api.schemas import PROFILE_DIR, V3_DIR, load_json

from .params import ENDPOINT_PARAMETERS, PARAMETERS

# Schemas served under schemas/<name>.json: item schemas of lists, and objects by id.
SERVED_SCHEMAS = {
    "api_details": V3_DIR / "api_details.json",
    "service": V3_DIR / "service.json",
    "service_list": PROFILE_DIR / "schema" / "compiled" / "service_list.json",
    "service_at_location": V3_DIR / "service_at_location.json",
    "service_at_location_list": PROFILE_DIR
    / "schema"
    / "compiled"
    / "service_at_location_list.json",
    "organization": V3_DIR / "organization.json",
    "organization_list": V3_DIR / "organization_list.json",
    "taxonomy": V3_DIR / "taxonomy.json",
    "taxonomy_term": V3_DIR / "taxonomy_term.json",
}

ERROR_SCHEMA = {
    "type": "object",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "integer", "description": "The HTTP status code."},
        "message": {"type": "string", "description": "What went wrong."},
        "errors": {
            "type": "array",
            "description": "For a 400: each parameter that was wrong, and what it needs.",
            "items": {
                "type": "object",
                "required": ["parameter", "message"],
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}

_LISTS = {
    "/services": (
        "services",
        "service_list",
        "getPaginatedListOfServices",
        "Services, one-to-one fields and organisation (all nested lists with full=true).",
    ),
    "/service_at_locations": (
        "service_at_locations",
        "service_at_location_list",
        "getPaginatedListOfServiceAtLocation",
        "Services at their locations.",
    ),
    "/organizations": (
        "organizations",
        "organization_list",
        "getPaginatedListOfOrganizations",
        "Organisations that run services.",
    ),
    "/taxonomies": (
        "taxonomies",
        "taxonomy",
        "getPaginatedListOfTaxonomies",
        "Taxonomies, including the fixed delivery-method one.",
    ),
    "/taxonomy_terms": (
        "taxonomy_terms",
        "taxonomy_term",
        "getPaginatedListOfTaxonomyTerms",
        "Taxonomy terms (categories and delivery methods).",
    ),
}
_DETAILS = {
    "/services/{id}": ("service", "getFullyNestedServiceById", "A fully nested service."),
    "/service_at_locations/{id}": (
        "service_at_location",
        "getServiceAtLocationWithNestedDataById",
        "A service at a location, fully nested.",
    ),
    "/organizations/{id}": (
        "organization",
        "getOrganizationById",
        "An organisation with its fully nested services.",
    ),
    "/taxonomies/{id}": ("taxonomy", "getTaxonomyById", "A taxonomy with its terms."),
    "/taxonomy_terms/{id}": ("taxonomy_term", "getTaxonomyTermById", "A taxonomy term."),
}


def schema_url(base, name):
    return f"{base}/schemas/{name}.json"


def _parameter(name):
    param = PARAMETERS[name]
    data = {
        "name": name,
        "in": "query",
        "required": False,
        "description": str(param.description),
        "schema": dict(param.schema),
    }
    if param.example:
        data["example"] = param.example
    return data


def _responses(base, ok):
    return {
        "200": ok,
        "400": {"$ref": "#/components/responses/BadRequest"},
        "404": {"$ref": "#/components/responses/NotFound"},
    }


@cache
def _profile():
    return load_json(PROFILE_DIR / "schema" / "openapi.json")


def openapi_document(base):
    """The document for the API whose root is `base` (an absolute URL without a trailing slash)."""
    profile = _profile()
    document = {
        "openapi": "3.0.3",
        "info": {
            "title": "Family services directory: Open Referral UK API",
            "version": "3.0",
            "description": (
                "Read-only Open Referral UK v3 (the UK profile of HSDS 3.0). No key is needed; "
                "every response has Access-Control-Allow-Origin: *. Adapted from the UK profile's "
                "OpenAPI file "
                "(Human Services Data Specification: an Open Referral resource; UK profile by Open "
                "Referral UK; CC BY-SA 4.0)."
            ),
            "license": {
                "name": "CC BY-SA 4.0",
                "url": "https://creativecommons.org/licenses/by-sa/4.0/",
            },
        },
        "servers": [{"url": base}],
        "paths": {},
        "components": {
            "schemas": {
                "Page": copy.deepcopy(profile["components"]["schemas"]["Page"]),
                "Error": ERROR_SCHEMA,
            },
            "parameters": {name: _parameter(name) for name in PARAMETERS},
            "responses": {
                "BadRequest": {
                    "description": "A parameter has a value we cannot use.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
                "NotFound": {
                    "description": "No such item (or the id is not an ORUK id).",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                },
            },
        },
    }
    root = copy.deepcopy(profile["paths"]["/"])
    root["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": schema_url(base, "api_details")
    }
    document["paths"]["/"] = root
    for path, (endpoint, item_schema, operation_id, summary) in _LISTS.items():
        ok = {
            "description": summary,
            "content": {
                "application/json": {
                    "schema": {
                        "allOf": [{"$ref": "#/components/schemas/Page"}],
                        "properties": {
                            "contents": {
                                "type": "array",
                                "items": {"$ref": schema_url(base, item_schema)},
                            }
                        },
                    }
                }
            },
        }
        document["paths"][path] = {
            "get": {
                "summary": summary,
                # The profile's file swaps the term operation ids; these are the right way round.
                "operationId": operation_id,
                "parameters": [
                    {"$ref": f"#/components/parameters/{name}"}
                    for name in ENDPOINT_PARAMETERS[endpoint]
                ],
                "responses": _responses(base, ok),
            }
        }
    for path, (schema, operation_id, summary) in _DETAILS.items():
        ok = {
            "description": summary,
            # The profile gives /service_at_locations/{id} the service schema: fixed here.
            "content": {"application/json": {"schema": {"$ref": schema_url(base, schema)}}},
        }
        document["paths"][path] = {
            "parameters": [
                {
                    "in": "path",
                    "name": "id",
                    "required": True,
                    "description": "The ORUK id.",
                    "schema": {"type": "string", "format": "uuid"},
                }
            ],
            "get": {
                "summary": summary,
                "operationId": operation_id,
                "responses": _responses(base, ok),
            },
        }
    return document
