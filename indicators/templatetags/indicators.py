"""The zone page's section of confirmed figures: {% zone_figures zone %} (reader's zone page
loads it, so that the reader need not know how figures are kept)."""

from itertools import groupby

from django import template

from indicators.charts import time_series
from indicators.models import ExtractedFigure

register = template.Library()


@register.inclusion_tag("indicators/includes/zone_figures.html")
def zone_figures(zone):
    """Each indicator's confirmed figures for the zone, as a small time series and a table."""
    figures = ExtractedFigure.objects.public().filter(zone=zone).with_sources().in_time_order()
    indicators = [
        (indicator, time_series(indicator.name, group), group)
        for indicator, group in (
            (indicator, list(group))
            for indicator, group in groupby(figures, key=lambda f: f.indicator)
        )
    ]
    return {"zone": zone, "indicators": indicators}
