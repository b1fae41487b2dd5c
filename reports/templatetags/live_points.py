"""{% own_live_points %}: the correspondent's running score on /my/, when the editors show it.

A template tag rather than a call in portal/views.py, so that the portal keeps importing
nothing above it; the one line in its template is the whole of the portal's part.
"""

from django import template
from django.utils import timezone

from ..live_points import standing_of
from ..models import LivePoints

register = template.Library()


@register.inclusion_tag("reports/own_live_points.html", takes_context=True)
def own_live_points(context):
    contributor = getattr(context["request"].user, "contributor", None)
    if contributor is None or not LivePoints.shown():
        return {"shown": False}
    year = timezone.localdate().year
    return {"shown": True, "year": year, "standing": standing_of(contributor, year)}
