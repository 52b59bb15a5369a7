"""Page types, snippets and site settings of the publishing side of the site."""

from .base import BasePage
from .pages import ContentPage, HomePage, ReportPage
from .policies import PolicyPage, PolicyRelation, PolicyStatus
from .policy_library import PolicyIndexPage
from .policy_topics import PolicyTopic
from .settings import SiteSettings, SocialLink
from .snippets import FooterLinkBlock, SafeguardingNotice, SiteText

__all__ = [
    "BasePage",
    "ContentPage",
    "FooterLinkBlock",
    "HomePage",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicyRelation",
    "PolicyStatus",
    "PolicyTopic",
    "ReportPage",
    "SafeguardingNotice",
    "SiteSettings",
    "SiteText",
    "SocialLink",
]
