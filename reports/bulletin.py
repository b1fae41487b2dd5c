"""The 用稿通报: for a period, the zones ranked by the pieces the weekly used (printed in the
period's issues), by genre, lead pieces and photos, and the authors with the most pieces used.
The printable page and the XLSX (reports/export.py) show this one object."""

from dataclasses import dataclass

from articles.models import Genre

from . import figures
from .figures import ReportFilter, Usage

TITLE = "《开发区建设》周刊用稿通报"
MOST_AUTHORS = 10


@dataclass(frozen=True)
class Bulletin:
    report: ReportFilter
    zones: list[Usage]
    authors: list[Usage]

    genres = tuple(Genre.labels)

    @property
    def title(self) -> str:
        return f"{TITLE}（{self.report.period_label}）"

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
