"""Template tags that keep parts of reader pages under the archive version (reader/fragments.py).

{% fragment "name" value ... %}…{% endfragment %} keeps what it encloses per name and values
(give pks and plain values, not objects, whose text need not tell them apart); querysets it
encloses are not evaluated when it is read back, so the view should leave them lazy.

{% article_items articles heading="h3" undated=True %} renders the entries of a list of pieces:
a piece's entry (includes/article_item.html) is the same on every page that lists it, so it is
rendered once and read back for the whole list in one round trip, where an {% include %} per
piece rendered it anew on every request.
"""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from reader.fragments import cached, cached_each

register = template.Library()

ITEM_TEMPLATE = "includes/article_item.html"


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context):
        vary = tuple(str(value.resolve(context)) for value in self.values)
        return cached(self.name.resolve(context), vary, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('fragment 需要一个名称：{% fragment "名称" 值… %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, *values = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, values)


@register.simple_tag
def article_items(articles, heading="h2", undated=False):
    """articles from with_listing_relations(); heading and undated as in the item template."""
    item = get_template(ITEM_TEMPLATE)
    entries = cached_each(
        "article-item",
        articles,
        lambda article: item.render({"article": article, "heading": heading, "undated": undated}),
        vary=lambda article: (article.pk, heading, undated),
    )
    return mark_safe("".join(entries))
