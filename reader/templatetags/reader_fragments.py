"""{% fragment "name" value ... %}…{% endfragment %}: a part of a reader page kept under the
archive version (reader/fragments.py), per name and values.

Give pks and plain values, not objects, whose text need not tell them apart. What the part
encloses is not evaluated when it is read back, so the view leaves its querysets lazy.
"""

from django import template

from reader.fragments import cached

register = template.Library()


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
