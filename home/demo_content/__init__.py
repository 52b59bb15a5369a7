"""Demo content for `load_demo_content`, drawn from the five source documents.

The data lives in the repository so the site never reads the source folder at run time. Each
document module exposes a `PAGE` dict (JSON-serialisable, dates as ISO strings) whose `body` is
a raw StreamField list for `home.blocks.BodyBlock`. This is page content, not interface text: it
is translated with wagtail-localize once loaded, so it is not marked for gettext.
"""

from . import (
    best_start_in_life_pledges,
    childrens_centres_core_purpose,
    partnership_with_parents_and_carers_policy,
    scrutiny_presentation_children_young_people,
    vision_for_families_and_children,
)
from .best_start_in_life_pledges import CONSULTATION
from .childrens_centres_core_purpose import SERVICE_CATEGORIES
from .site import (
    EXTRA_PAGES,
    FOOTER_LINKS,
    POLICY_TOPICS,
    SAFEGUARDING_NOTICE,
    SITE_SETTINGS,
)
from .vision_for_families_and_children import AMBITIONS, HOME_INTRODUCTION

# The pages made from the source documents, in the order a reader meets them.
DOCUMENT_PAGES = [
    vision_for_families_and_children.PAGE,
    best_start_in_life_pledges.PAGE,
    childrens_centres_core_purpose.PAGE,
    scrutiny_presentation_children_young_people.PAGE,
    partnership_with_parents_and_carers_policy.PAGE,
]

# The policies the partnership policy names, as title-only demo pages (see that module).
RELATED_POLICY_PAGES = partnership_with_parents_and_carers_policy.RELATED_POLICY_PAGES

ALL_PAGES = [*DOCUMENT_PAGES, *RELATED_POLICY_PAGES, *EXTRA_PAGES]

__all__ = [
    "ALL_PAGES",
    "AMBITIONS",
    "CONSULTATION",
    "DOCUMENT_PAGES",
    "EXTRA_PAGES",
    "FOOTER_LINKS",
    "HOME_INTRODUCTION",
    "POLICY_TOPICS",
    "RELATED_POLICY_PAGES",
    "SAFEGUARDING_NOTICE",
    "SERVICE_CATEGORIES",
    "SITE_SETTINGS",
]
