"""The Django project (settings, URLs, WSGI), imported as ``council_site``.

The folder is called ``site`` but the standard library owns that name; pyproject maps it to
``council_site`` (docs/decisions/0001-council-site-import-name.md).
"""
