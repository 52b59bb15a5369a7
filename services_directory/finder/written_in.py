"""The language each result's words are in, so a Polish list marks the English it shows (issue 10).

A service copied into another language and not translated yet still holds its source's text
(wagtail-localize), as does an alias made by language synchronisation, and its organisation may
be another language's record. The service page marks such text part by part
(home.translation_status); a list of results marks a result's name and description when the whole
service is untranslated, and its organisation's name when that is in another language. One query
for a page of results (home.translation_status.untranslated_pages), none when every service and
organisation read is in the default language, and none for results kept from earlier requests
(results.py keeps the languages with the rest of each result).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info

from home.translation_status import untranslated_pages


@dataclass(frozen=True)
class _Copy:
    """What untranslated_pages reads of a page or snippet. Its pk says which kind it is, so a
    service and an organisation with the same id are told apart in the one query."""

    pk: tuple
    translation_key: object
    locale_id: int


def written_in(services):
    """{service pk: (the language of its name and description, of its organisation's name)}.

    `services` come from results.with_result_details, which annotates the languages of their
    locale (language_code), of the page an alias copies (alias_language) and of the organisation
    (organisation_language). The organisation's is "" when the service names none.
    """
    default = settings.LANGUAGE_CODE
    languages, copies = {}, {}
    for service in services:
        own = service.language_code
        if service.alias_language and service.alias_language != own:
            own = service.alias_language  # an alias is never translated: its original's words
        elif own != default:
            copies[("page", service.pk)] = _Copy(
                ("page", service.pk), service.translation_key, service.locale_id
            )
        organisation = service.organisation
        organisation_language = service.organisation_language or ""
        if organisation is not None and organisation_language != default:
            key = ("organisation", organisation.pk)
            copies[key] = _Copy(key, organisation.translation_key, organisation.locale_id)
        languages[service.pk] = (own, organisation_language)
    untranslated = untranslated_pages(list(copies.values())) if copies else {}
    for service in services:
        own, organisation_language = languages[service.pk]
        own = untranslated.get(("page", service.pk), own)
        if service.organisation is not None:
            key = ("organisation", service.organisation.pk)
            organisation_language = untranslated.get(key, organisation_language)
        languages[service.pk] = (own, organisation_language)
    return languages


def marked(summary, row, reader_language):
    """The summary of a ResultRow, given the languages of the row's text that are not the
    reader's: the template marks those parts with `lang` and `dir`."""
    summary.language = _other_than(row.content_language, reader_language)
    if row.organisation is not None:
        summary.organisation_language = _other_than(row.organisation.language, reader_language)
    return summary


def _other_than(language, reader_language):
    return "" if not language or language == reader_language else language


def text_direction(language):
    """ "rtl" or "ltr", for the `dir` beside a `lang` (an unknown code reads left to right)."""
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
