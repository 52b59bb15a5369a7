"""Page types, snippets and site settings of the publishing side of the site."""

from .base import BasePage
from .pages import ContentPage, HomePage, ReportPage
from .policies import PolicyIndexPage, PolicyPage, PolicyRelation, PolicyStatus, PolicyTopic
from .settings import SiteSettings, SocialLink
from .snippets import SafeguardingNotice

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicyRelation",
    "PolicyStatus",
    "PolicyTopic",
    "ReportPage",
    "SafeguardingNotice",
    "SiteSettings",
    "SocialLink",
]
