"""Template helpers shared by every app's templates."""

from django import template

register = template.Library()


@register.simple_tag
def query_with(request, **changes):
    """The current query string with some parameters replaced, for pagination and sort links."""
    params = request.GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.filter
def elided_pages(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)
