"""A stand-in for Wagtail's bakerydemo home page: 43 SQL queries of the same kinds, then a render.

bakerydemo is not on PyPI and this machine reaches nothing but package registries, so it cannot
be installed here. Its home page makes 43 SQL queries, and the project's target is "an uncached
page at least twice the throughput of that page on the same machine". This view repeats what
that page does, step by step, against this site's own data, so both run on the same database,
middleware, Python and machine in the same run:

    4  site, locale, localised root page, specific home page
    8  top menu drawn twice (mobile and desktop): the items, then a "has a drop-down" query
       for each of 3 items, as bakerydemo's top_menu tag does: 2 x (1 + 3)
    3  hero image and its rendition, the hero call-to-action page
    2  promo image and its rendition
    2  page URLs: the site, then Wagtail's site root paths from the cache
   12  featured section 1: the page, .specific, its children (.specific() takes two queries),
       then each of 4 children's image and rendition: 4 + 8
   10  featured section 2: the same with 3 children: 4 + 6
    2  footer: the site settings, the footer text snippet
   --
   43

`bench/worker.py` checks the count on every run and prints it beside the figures.
"""

import json
from functools import cache
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from django.shortcuts import render
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import SafeguardingNotice, SiteSettings

REFERENCE_QUERIES = 43
MENU_ITEMS = 3
SECTION_SIZES = (4, 3)
HERO_SPEC = "fill-1920x600"
PROMO_SPEC = "fill-200x200-c100"
SECTION_SPECS = ("fill-180x140-c100", "fill-430x210-c100")
CONFIG_NAME = "bench-reference.json"


def _config_path():
    return Path(settings.VAR_DIR) / CONFIG_NAME


@cache
def _config():
    return json.loads(_config_path().read_text())


def _image(image_id, spec):
    image_model = get_image_model()
    image = image_model.objects.get(pk=image_id)
    rendition = (
        image_model.get_rendition_model()
        .objects.filter(image_id=image.pk, filter_spec=spec)
        .first()
    )
    return {"image": image, "rendition": rendition}


def _menu(root, current):
    items = list(root.get_children().live().in_menu()[:MENU_ITEMS])
    for item in items:
        # child_of() rather than get_children(): treebeard answers a leaf's get_children()
        # without asking the database, and bakerydemo's menu items all have children.
        item.show_dropdown = Page.objects.child_of(item).live().in_menu().exists()
        item.active = current.url_path.startswith(item.url_path)
    return items


def _section(request, page_id, size, spec, image_ids):
    section = Page.objects.get(pk=page_id).specific
    children = list(Page.objects.child_of(section).live().specific()[:size])
    cards = [
        {
            "page": child,
            # Wagtail's own get_url, as {% pageurl %} on bakerydemo's pages (ours use the memo)
            "url": Page.get_url(child, request),
            **_image(image_ids[index % len(image_ids)], spec),
        }
        for index, child in enumerate(children)
    ]
    return {"page": section, "cards": cards}


def reference_home(request):
    config = _config()
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    locale = Locale.objects.get(language_code=config["language"])
    root = Page.objects.get(translation_key=site.root_page.translation_key, locale=locale)
    page = root.specific
    menus = [_menu(page, page), _menu(page, page)]
    hero = _image(config["images"][0], HERO_SPEC)
    call_to_action = Page.objects.get(pk=config["call_to_action"])
    promo = _image(config["images"][1], PROMO_SPEC)
    # Wagtail's own get_url, as bakerydemo's pages have (ours answer from the memo): the site,
    # then the site root paths from the cache.
    home_url = Page.get_url(page, request)
    sections = [
        _section(request, section_id, size, spec, config["images"][2:])
        for section_id, size, spec in zip(
            config["sections"], SECTION_SIZES, SECTION_SPECS, strict=True
        )
    ]
    site_settings = SiteSettings.for_site(site)
    footer_text = SafeguardingNotice.objects.filter(locale=locale).first()
    return render(
        request,
        "bench/reference_home.html",
        {
            "page": page,
            "home_url": home_url,
            "menus": menus,
            "hero": hero,
            "call_to_action": call_to_action,
            "promo": promo,
            "sections": sections,
            "site_settings": site_settings,
            "footer_text": footer_text,
        },
    )


def _solid_image(colour, index):
    from PIL import Image as PillowImage

    buffer = BytesIO()
    PillowImage.new("RGB", (1200, 800), colour).save(buffer, format="JPEG", quality=80)
    return ImageFile(buffer, name=f"bench-reference-{index}.jpg")


def prepare_reference(language="en"):
    """Make the images and renditions the view looks up, and record which pages it features.

    The featured sections are the two pages with the most live children (the services
    directory once it is loaded), as bakerydemo features its blog and bread indexes.
    """
    image_model = get_image_model()
    colours = ["#1d70b8", "#00703c", "#d4351c", "#f47738", "#4c2c92", "#28a197", "#b58840"]
    images = []
    for index, colour in enumerate(colours):
        title = f"Bench reference image {index}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title, file=_solid_image(colour, index))
            image.save()
        images.append(image)
    for spec in (HERO_SPEC, PROMO_SPEC, *SECTION_SPECS):
        for image in images:
            image.get_rendition(spec)
    locale = Locale.objects.get(language_code=language)
    home = Site.objects.get(is_default_site=True).root_page.get_translation(locale)
    pages = Page.objects.live().filter(locale=locale, depth__gt=home.depth)
    busiest = list(pages.order_by("-numchild", "path").values_list("pk", "numchild")[:2])
    # bakerydemo's sections each list several children; feature the biggest index twice rather
    # than a second one with too few children to draw (which would make fewer queries).
    sections = [
        busiest[0][0],
        busiest[1][0] if busiest[1][1] >= SECTION_SIZES[1] else busiest[0][0],
    ]
    call_to_action = pages.filter(depth=home.depth + 1).order_by("path").first()
    config = {
        "language": language,
        "images": [image.pk for image in images],
        "sections": sections,
        "call_to_action": call_to_action.pk,
    }
    _config_path().write_text(json.dumps(config))
    _config.cache_clear()
    menu_items = home.get_children().live().in_menu().count()
    problems = []
    if menu_items < MENU_ITEMS:
        problems.append(f"only {menu_items} menu items (the reference expects {MENU_ITEMS})")
    return problems
