"""The zones, grouped by city, and the people who write from them."""

from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from articles.models import Article, Contributor
from reader.fragments import cached
from reader.page_cache import cached_for_readers
from reader.views.lists import page_of
from zones.models import City, Zone


@cached_for_readers
def zone_list(request):
    """Every zone under its city, in the province's order, with its published pieces counted."""
    zones = Zone.objects.annotate(
        published_count=Article.objects.published().count_for_each("zone")
    ).order_by("official_name")
    by_city = {city: [] for city in [*City.values, ""]}
    for zone in zones:
        by_city[zone.city].append(zone)
    cities = [
        (City(city).label if city else "其他", city, members)
        for city, members in by_city.items()
        if members
    ]
    return render(request, "reader/zone_list.html", {"cities": cities})


@cached_for_readers
def zone_detail(request, pk):
    zone = get_object_or_404(Zone.objects.select_related("parent"), pk=pk)
    articles = (
        Article.objects.published().filter(zone=zone).with_listing_relations().in_print_order()
    )
    return render(
        request,
        "reader/zone_detail.html",
        {
            "zone": zone,
            # Counted once per archive version; the page's pieces and the zone's authors are
            # looked up when the template first uses them, so a cached content needs neither.
            "page_obj": page_of(
                request, articles, count=cached("zone-count", zone.pk, articles.count)
            ),
            "contributors": SimpleLazyObject(zone.contributors.with_published_work),
        },
    )


@cached_for_readers
def contributor_detail(request, pk):
    """A byline's published pieces. Only the name and zone are public, never contact details."""
    contributor = get_object_or_404(
        Contributor.objects.with_published_work().select_related("zone"), pk=pk
    )
    articles = (
        Article.objects.published()
        .filter(authorships__contributor=contributor)
        .with_listing_relations()
        .in_print_order()
    )
    return render(
        request,
        "reader/contributor_detail.html",
        {
            "contributor": contributor,
            "page_obj": page_of(request, articles),
        },
    )
