"""Pieces used (printed in the period's issues) by zone and by author, ranked as a 用稿通报
ranks them."""

from dataclasses import dataclass, field, replace

from django.db.models import Count, Q

from articles.models import (
    Genre,
    Photo,
)
from zones.models import City

from .period import ReportFilter

# A piece that opens its page, as the year-end score counts it (awards.scoring.Piece.is_lead).
LEAD = Q(position=1)


@dataclass(frozen=True)
class Usage:
    """Pieces used (printed in the period's issues, issue date) by a zone or an author."""

    name: str
    detail: str  # the zone's city, or the author's zone
    pieces: int
    leads: int
    photos: int = 0
    by_genre: tuple[int, ...] = ()  # in Genre's order
    rank: int = 0
    key: int | None = field(default=None, compare=False)  # the zone's or the author's pk


def ranked(usages: list[Usage]) -> list[Usage]:
    """Most pieces first, then most lead pieces, then most photos; equal figures share a rank
    (1, 2, 2, 4), as a 用稿通报 prints it."""

    def figures_of(usage):
        return (usage.pieces, usage.leads, usage.photos)

    ordered = sorted(usages, key=lambda usage: (*(-n for n in figures_of(usage)), usage.name))
    result = []
    for index, usage in enumerate(ordered):
        tied = result and figures_of(result[-1]) == figures_of(usage)
        result.append(replace(usage, rank=result[-1].rank if tied else index + 1))
    return result


def zone_usage(report: ReportFilter) -> list[Usage]:
    """Every zone with a piece used in the period, ranked. Two queries: the pieces by zone
    and genre, and the photos by zone (a join of both would count a piece once per photo)."""
    used = report.pieces().filter(report.published_in_period(), zone__isnull=False).order_by()
    rows = used.values("zone", "zone__short_name", "zone__official_name", "zone__city", "genre")
    rows = rows.annotate(pieces=Count("pk"), leads=Count("pk", filter=LEAD))
    photos = dict(
        Photo.objects.filter(article__in=used.values("pk"))
        .order_by()
        .values("article__zone")
        .annotate(photos=Count("pk"))
        .values_list("article__zone", "photos")
    )
    genres, cities = list(Genre.values), dict(City.choices)
    zones = {}
    for row in rows:
        zone = zones.setdefault(
            row["zone"],
            {
                "name": row["zone__short_name"] or row["zone__official_name"],
                "detail": cities.get(row["zone__city"], ""),
                "pieces": 0,
                "leads": 0,
                "by_genre": [0] * len(genres),
            },
        )
        zone["pieces"] += row["pieces"]
        zone["leads"] += row["leads"]
        zone["by_genre"][genres.index(row["genre"])] += row["pieces"]
    return ranked(
        [
            Usage(**{**zone, "by_genre": tuple(zone["by_genre"])}, photos=photos.get(pk, 0), key=pk)
            for pk, zone in zones.items()
        ]
    )


def author_usage(report: ReportFilter, *, most: int | None = None) -> list[Usage]:
    """The authors with pieces used in the period, ranked: all of them, or the `most` first
    with everyone tied with the last of them. A co-written piece counts for each of its
    authors. One query."""
    rows = (
        report.pieces()
        .filter(report.published_in_period(), authorships__isnull=False)
        .order_by()
        .values(
            "authorships__contributor",
            "authorships__contributor__name",
            "authorships__contributor__zone__short_name",
            "authorships__contributor__zone__official_name",
        )
        .annotate(pieces=Count("pk"), leads=Count("pk", filter=LEAD))
    )
    everyone = ranked(
        [
            Usage(
                name=row["authorships__contributor__name"],
                detail=row["authorships__contributor__zone__short_name"]
                or row["authorships__contributor__zone__official_name"]
                or "",
                pieces=row["pieces"],
                leads=row["leads"],
                key=row["authorships__contributor"],
            )
            for row in rows
        ]
    )
    if most is None or len(everyone) <= most:
        return everyone
    return [usage for usage in everyone if usage.rank <= everyone[most - 1].rank]
