"""The 用稿通报: for a period, the zones ranked by the pieces the weekly used (printed in the
period's issues), by genre, lead pieces and photos, and the authors with the most pieces used.
The printable page and the XLSX (reports/export.py) show this one object."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles.models import Genre

from . import figures
from .figures import ReportFilter, Usage
from .models import BULLETIN_TITLE
from .models import Bulletin as PublicBulletin

MOST_AUTHORS = 10


@dataclass(frozen=True)
class Bulletin:
    report: ReportFilter
    zones: list[Usage]
    authors: list[Usage]

    genres = tuple(Genre.labels)

    @property
    def title(self) -> str:
        return f"{BULLETIN_TITLE}（{self.report.period_label}）"

    @property
    def total(self) -> Usage:
        return Usage(
            name="合计",
            detail="",
            pieces=sum(zone.pieces for zone in self.zones),
            leads=sum(zone.leads for zone in self.zones),
            photos=sum(zone.photos for zone in self.zones),
            by_genre=tuple(
                sum(zone.by_genre[column] for zone in self.zones)
                for column in range(len(self.genres))
            ),
        )


def bulletin_of(report: ReportFilter) -> Bulletin:
    return Bulletin(
        report=report,
        zones=figures.zone_usage(report),
        authors=figures.author_usage(report, most=MOST_AUTHORS),
    )


def public_bulletin(report: ReportFilter) -> PublicBulletin | None:
    """The public-site row of this period's bulletin, if editors ever put it there."""
    return PublicBulletin.objects.filter(start=report.start, end=report.end).first()


@transaction.atomic
def publish_bulletin(*, report: ReportFilter, by) -> PublicBulletin:
    """Put the whole province's bulletin for the report's period on the public site."""
    bulletin, _ = PublicBulletin.objects.select_for_update().get_or_create(
        start=report.start, end=report.end
    )
    bulletin.published_at, bulletin.published_by = timezone.now(), by
    bulletin.save(update_fields=["published_at", "published_by"])
    return bulletin


def withdraw_bulletin(*, report: ReportFilter) -> bool:
    """Take the period's bulletin off the public site (the row stays, unpublished); False when
    it was not there."""
    taken_down = (
        PublicBulletin.objects.public()
        .filter(start=report.start, end=report.end)
        .update(published_at=None, published_by=None)
    )
    return bool(taken_down)
