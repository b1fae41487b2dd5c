"""The coverage grid's counts, and the zones that have sent nothing lately."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q

from articles.models import (
    Article,
    CallTheme,
    Contributor,
    Issue,
)
from zones.models import Zone

from ..days import first_day_of
from .breakdowns import TimeStep
from .period import DateBasis, ReportFilter, local_day, months_before


def coverage_counts(report: ReportFilter, column: str, basis: DateBasis) -> dict:
    """{(zone id, column value): pieces} for the period, counted by `basis`; `column` is
    "theme" or "step" (the month, or the year for a long period: TimeStep). One grouped query."""
    pieces = report.pieces().filter(report.in_period(basis)).order_by()
    if column == "step":
        by_submission = basis == DateBasis.SUBMITTED
        day = "submitted_at" if by_submission else "issue__date"
        pieces = pieces.annotate(step=TimeStep.of(report).truncate(day, local=by_submission))
    rows = pieces.values("zone", column).annotate(pieces=Count("pk"))
    return {
        (row["zone"], first_day_of(row[column]) if column == "step" else row[column]): row["pieces"]
        for row in rows
    }


def themes_up_to(day: datetime.date):
    """The themes of every call issued by `day`, newest call first: the grid's columns, so a
    theme nobody has written on shows as an empty column."""
    return CallTheme.objects.filter(call__date__lte=day).order_by("-call__date", "number")


@dataclass(frozen=True)
class SilentZone:
    zone: Zone
    last_sent: datetime.date | None  # None: the zone never sent a piece
    correspondents: list[Contributor]


def silent_zones(report: ReportFilter, *, months: int, today: datetime.date) -> list[SilentZone]:
    """Zones that sent nothing in the `months` months up to the period's end (today, if the
    period runs on), with the contributors of each who have a login (the correspondents) to ask
    for pieces (约稿).

    A piece is sent on its submission date; a piece of the printed archive, never submitted
    online, on its issue's date. Two queries: the silent zones, found zone by zone through the
    (zone, submitted_at) and (zone, issue) indexes, with their last piece; and their
    correspondents.
    """
    as_of = silent_as_of(report, today)
    since = ReportFilter(months_before(as_of, months), as_of)
    first_moment, after = since.moments()
    sent = Article.objects.filter(zone=OuterRef("pk"))
    recent_issues = Issue.objects.filter(date__range=(since.start, since.end)).values("pk")
    zones = (
        report.zones()
        .filter(
            ~Exists(sent.filter(submitted_at__gte=first_moment, submitted_at__lt=after)),
            ~Exists(sent.filter(issue__in=recent_issues)),
        )
        .annotate(
            last_submitted=Max(
                "articles__submitted_at", filter=Q(articles__submitted_at__lt=after)
            ),
            last_printed=Max("articles__issue__date", filter=Q(articles__issue__date__lte=as_of)),
        )
        .prefetch_related(
            Prefetch(
                "contributors",
                queryset=Contributor.objects.filter(user__isnull=False).select_related("user"),
                to_attr="correspondents",
            )
        )
    )
    silent = []
    for zone in zones:
        days = [
            local_day(zone.last_submitted) if zone.last_submitted else None,
            zone.last_printed,
        ]
        last_sent = max((day for day in days if day), default=None)
        silent.append(SilentZone(zone, last_sent, zone.correspondents))
    return sorted(silent, key=lambda s: (s.last_sent or datetime.date.min, s.zone.official_name))


def silent_as_of(report: ReportFilter, today: datetime.date) -> datetime.date:
    """The day silence is counted back from: the period's end, or today if it is not over."""
    return min(report.end, today)
