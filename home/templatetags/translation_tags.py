"""Mark content not yet translated as what it is (issue 10): `lang`, `dir` and a notice.

    {% load translation_tags %}
    {% untranslated page "introduction" %}<p>{{ page.introduction }}</p>{% enduntranslated %}
    {% for block in page.body %}
        {% untranslated page "body" block.id %}{% include_block block %}{% enduntranslated %}
    {% endfor %}

The enclosed markup is shown unchanged when that field or block is translated. When it is not,
it is wrapped in an element with the source's `lang` and `dir`, under a notice in the reader's
language. A page with nothing translated yet gets one notice at the top instead (base.html asks
`page_translation_status`), so its parts are marked without a notice each.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html

from home.translation_status import status_for

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_status(context, instance):
    """The TranslationStatus of a page or snippet (home.translation_status)."""
    return status_for(instance, context.get("request"))


@register.tag
def untranslated(parser, token):
    bits = token.split_contents()
    if len(bits) not in (3, 4):
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes an object, a field name and optionally a block id"
        )
    nodelist = parser.parse(("enduntranslated",))
    parser.delete_first_token()
    return UntranslatedNode(nodelist, *(parser.compile_filter(bit) for bit in bits[1:]))


class UntranslatedNode(template.Node):
    def __init__(self, nodelist, instance, field_name, block_id=None):
        self.nodelist = nodelist
        self.instance = instance
        self.field_name = field_name
        self.block_id = block_id

    def render(self, context):
        content = self.nodelist.render(context)
        instance = self.instance.resolve(context, ignore_failures=True)
        status = status_for(instance, context.get("request"))
        if not status.anything or not content.strip():
            return content
        block_id = self.block_id.resolve(context) if self.block_id else None
        if not status.in_source_language(self.field_name.resolve(context), block_id):
            return content
        return render_to_string(
            "includes/in_source_language.html",
            {
                "content": content,
                "status": status,
                # The page marked wholly at the top (base.html) needs no notice per part.
                "notice": not (status.whole and instance is context.get("page")),
            },
        )


@register.filter
def bdi(value):
    """value isolated from the text around it: a postcode, phone number, time or code keeps its
    own order in right-to-left text ("NB1 1AA" never becomes "1AA NB1" on an Arabic page)."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)
