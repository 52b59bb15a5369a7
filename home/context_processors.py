"""Site furniture every public page shows: navigation, breadcrumbs, languages, notices."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_bidi, get_language_info

from home.furniture import breadcrumbs_for, furniture_for, language_links_for, mark_active


def current_page(request):
    """The Wagtail page being served, which BasePage.get_context records on the request."""
    return getattr(request, "furniture_page", None)


def site_furniture(request):
    """Lazy values, so views that never render the furniture pay nothing for it."""
    if request.path.startswith(("/admin/", "/api/", "/healthz/")):
        return {}
    furniture = SimpleLazyObject(lambda: furniture_for(request))
    return {
        "site_settings": SimpleLazyObject(lambda: furniture["site_settings"]),
        "navigation": SimpleLazyObject(lambda: mark_active(furniture["navigation"], request.path)),
        "breadcrumbs": SimpleLazyObject(lambda: breadcrumbs_for(request, current_page(request))),
        "language_links": SimpleLazyObject(
            lambda: language_links_for(request, current_page(request))
        ),
        "footer_links": SimpleLazyObject(lambda: furniture["footer_links"]),
        "safeguarding_notice": SimpleLazyObject(lambda: furniture["safeguarding_notice"]),
        "home_url": SimpleLazyObject(lambda: furniture["home_url"]),
        "LANGUAGE_BIDI": get_language_bidi(),
        "html_dir": "rtl" if get_language_bidi() else "ltr",
        "current_language": get_language_info(get_language() or settings.LANGUAGE_CODE),
    }
