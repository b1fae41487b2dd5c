"""{% own_live_points %}: the correspondent's running score on /my/, when the editors show it.

A template tag rather than a call in portal/views.py, so that the portal's part is one line
in its template and the rule stays in awards. The {% load %} is still a dependency of the
portal on awards, and tests/test_architecture.py counts it as one.
"""

from django import template
from django.utils import timezone

from ..live_points import standing_of
from ..models import LivePoints

register = template.Library()


@register.inclusion_tag("awards/own_live_points.html", takes_context=True)
def own_live_points(context):
    contributor = getattr(context["request"].user, "contributor", None)
    if contributor is None or not LivePoints.shown():
        return {"shown": False}
    year = timezone.localdate().year
    return {"shown": True, "year": year, "standing": standing_of(contributor, year)}
