"""Demo content for `load_demo_content`, drawn from the five source documents.

One JSON file per source document, plus site.json for the site's settings, footer and small
pages. Each holds a list of pages in the order they are loaded (a page's links first), each page
its type, slug and field values, StreamFields in Wagtail's own stream format. home.demo_loader
checks every stream with its page type's blocks before loading. The data lives in the repository
so the site never reads the source folder at run time. This is page content, not interface text:
it is translated with wagtail-localize once loaded (translations/), so it is not marked for
gettext.
"""
