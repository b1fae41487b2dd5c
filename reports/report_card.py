"""A zone's report card for its management committee: its pieces used this year and last, by
genre, lead pieces and photos, the month-by-month trend, and its correspondents with their
pieces used this year."""

import datetime
from dataclasses import dataclass

from articles.models import Contributor, Genre
from zones.models import Zone

from . import figures
from .figures import ReportFilter, Usage
from .statistics import Section, section_of


@dataclass(frozen=True)
class ReportCard:
    zone: Zone
    year: int
    this_year: Usage | None  # None: nothing used that year; the rank is the province's
    last_year: Usage | None
    trend: Section
    authors: list[Usage]
    correspondents: list[Contributor]

    genres = tuple(Genre.labels)

    @property
    def years(self) -> list[tuple[str, Usage | None]]:
        return [(f"{self.year}年", self.this_year), (f"{self.year - 1}年", self.last_year)]


def _year(year: int, **only) -> ReportFilter:
    return ReportFilter(datetime.date(year, 1, 1), datetime.date(year, 12, 31), **only)


def _usage_in_province(zone: Zone, year: int) -> Usage | None:
    """The zone's line of the year's ranking of every zone, so its rank is the province's."""
    return next((usage for usage in figures.zone_usage(_year(year)) if usage.key == zone.pk), None)


def report_card_of(zone: Zone, year: int) -> ReportCard:
    zones_year = _year(year, zone_id=zone.pk)
    return ReportCard(
        zone=zone,
        year=year,
        this_year=_usage_in_province(zone, year),
        last_year=_usage_in_province(zone, year - 1),
        trend=section_of(figures.by_month(zones_year)),
        authors=figures.author_usage(zones_year),
        correspondents=list(
            zone.contributors.filter(user__isnull=False).select_related("user").order_by("name")
        ),
    )
