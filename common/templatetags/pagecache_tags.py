"""``{% cachedfragment "name" part … %}…{% endcachedfragment %}``: a page-cache fragment in a template.

The block's HTML is kept for the current content generation (common.pagecache), so any publish,
move, delete or change to the rows pages show renders it afresh. Parts say what else the output
depends on (a page, a page number); objects count by their primary key.
"""

from django import template

from common import pagecache

register = template.Library()


class CachedFragmentNode(template.Node):
    """Render the enclosed template once per generation, host, language and parts."""

    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = tuple(getattr(value, "pk", value) for value in (part.resolve(context) for part in self.parts))
        return pagecache.fragment_html(name, parts, lambda: self.nodelist.render(context), context.get("request"))


@register.tag
def cachedfragment(parser, token):
    """Parse ``{% cachedfragment name part … %}`` up to ``{% endcachedfragment %}``."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedfragment needs a name: {% cachedfragment 'listings' page %}")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
