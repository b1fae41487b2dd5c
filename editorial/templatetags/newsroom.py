"""The admin home's additions (templates/admin/index.html): the warning about editors without an
e-mail address, and what waits at a glance (editorial/desk.py)."""

from django import template

from editorial import desk
from editorial.admin.access import request_is_editor
from editorial.editors import editors_without_email

register = template.Library()


@register.simple_tag(takes_context=True)
def editors_missing_email(context) -> list:
    """Shown to editors and superusers, who can get the address added; nobody else."""
    if not request_is_editor(context["request"]):
        return []
    return list(editors_without_email())


@register.simple_tag(takes_context=True)
def editorial_desk(context) -> desk.Desk | None:
    """The counts, the overdue pieces and the next issue's fill, for editors only: staff who
    are not editors get Django's plain admin home."""
    request = context["request"]
    return desk.desk_for(request.user) if request_is_editor(request) else None
