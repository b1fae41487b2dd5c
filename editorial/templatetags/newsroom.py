"""The admin home's warning about editors without an e-mail address (templates/admin/index.html)."""

from django import template

from editorial.editors import editors_without_email
from editorial.roles import is_editor

register = template.Library()


@register.simple_tag(takes_context=True)
def editors_missing_email(context) -> list:
    """Shown to editors and superusers, who can get the address added; nobody else."""
    if not is_editor(context["request"].user):
        return []
    return list(editors_without_email())
