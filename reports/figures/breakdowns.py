"""The period's pieces submitted and published, by zone, city, author, genre, theme and month."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from articles.models import (
    Genre,
)
from zones.models import City

from ..days import MonthOf, first_day_of
from .period import DateBasis, ReportFilter, months_between


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: pieces submitted (submission date) and published (issue date)."""

    label: str
    submitted: int
    published: int
    note: str = ""


@dataclass(frozen=True)
class Breakdown:
    title: str
    column: str  # the heading of the table's first column
    rows: list[Row]

    @property
    def bases(self) -> list[DateBasis]:
        return [DateBasis.SUBMITTED, DateBasis.ISSUE]


def _submitted_and_published(report: ReportFilter, *fields: str, only: Q | None = None):
    """One grouped query: per value of `fields`, the pieces submitted and published in the
    period, the most published first. `only` narrows the rows in the same filter() call, so
    that it shares the join `fields` go through rather than adding a second one."""
    submitted, published = report.submitted_in_period(), report.published_in_period()
    return (
        report.pieces()
        .filter(report.counted_in_period(), only or Q())
        .values(*fields)
        .annotate(submitted=Count("pk", filter=submitted), published=Count("pk", filter=published))
        .order_by("-published", "-submitted", *fields)
    )


def by_zone(report: ReportFilter) -> Breakdown:
    rows = _submitted_and_published(report, "zone__short_name", "zone__official_name")
    return Breakdown(
        "按开发区",
        "开发区",
        [
            Row(
                row["zone__short_name"] or row["zone__official_name"] or "未标开发区",
                row["submitted"],
                row["published"],
            )
            for row in rows
        ],
    )


def by_city(report: ReportFilter) -> Breakdown:
    rows = _submitted_and_published(report, "zone__city")
    labels = dict(City.choices)
    return Breakdown(
        "按市",
        "所在市",
        [
            Row(labels.get(row["zone__city"], "未标市"), row["submitted"], row["published"])
            for row in rows
        ],
    )


def by_author(report: ReportFilter) -> Breakdown:
    """Every author named in a byline counts the piece once (co-authors each count it)."""
    rows = _submitted_and_published(
        report,
        "authorships__contributor",
        "authorships__contributor__name",
        "authorships__contributor__zone__short_name",
        only=Q(authorships__isnull=False),
    )
    return Breakdown(
        "按作者（通讯员）",
        "作者",
        [
            Row(
                row["authorships__contributor__name"],
                row["submitted"],
                row["published"],
                note=row["authorships__contributor__zone__short_name"] or "",
            )
            for row in rows
        ],
    )


def by_genre(report: ReportFilter) -> Breakdown:
    rows = _submitted_and_published(report, "genre")
    labels = dict(Genre.choices)
    return Breakdown(
        "按体裁",
        "体裁",
        [
            Row(labels.get(row["genre"], row["genre"]), row["submitted"], row["published"])
            for row in rows
        ],
    )


def by_theme(report: ReportFilter) -> Breakdown:
    rows = _submitted_and_published(report, "theme", "theme__name")
    return Breakdown(
        "按征稿主题",
        "征稿主题",
        [Row(row["theme__name"] or "未选主题", row["submitted"], row["published"]) for row in rows],
    )


# A series longer than this many months is shown year by year: a table of a whole archive's
# months (hundreds) helps nobody.
MOST_MONTHS = 36


@dataclass(frozen=True)
class TimeStep:
    """How a period is cut for a time series: by month, or by year for a long period."""

    by_year: bool

    @classmethod
    def of(cls, report: ReportFilter) -> "TimeStep":
        return cls(by_year=len(months_between(report.start, report.end)) > MOST_MONTHS)

    @property
    def name(self) -> str:
        return "年" if self.by_year else "月"

    def truncate(self, field: str, *, local: bool):
        """The step of a date field, or of a moment (local=True) in the site's time zone, as a
        key that `first_day_of` turns back into the step's first day."""
        return MonthOf(field, local=local, by_year=self.by_year)

    def steps(self, report: ReportFilter, counted: set[datetime.date]) -> list[datetime.date]:
        """Every step of the period; year by year, from the first year with a count, so that a
        period reaching back before the archive starts does not list empty years."""
        months = months_between(report.start, report.end)
        if not self.by_year:
            return months
        first = min(counted, default=months[-1].replace(month=1))
        return sorted({month.replace(month=1) for month in months if month >= first})

    def label(self, step: datetime.date) -> str:
        return f"{step.year}年" if self.by_year else f"{step:%Y年%-m月}"


def by_month(report: ReportFilter) -> Breakdown:
    """The time series, month by month (year by year for a long period): two grouped queries,
    since each count is by its own date."""
    step = TimeStep.of(report)
    pieces = report.pieces().order_by()
    submitted = (
        pieces.filter(report.submitted_in_period())
        .annotate(step=step.truncate("submitted_at", local=True))
        .values("step")
        .annotate(pieces=Count("pk"))
        .values_list("step", "pieces")
    )
    published = (
        pieces.filter(report.published_in_period())
        .annotate(step=step.truncate("issue__date", local=False))
        .values("step")
        .annotate(pieces=Count("pk"))
        .values_list("step", "pieces")
    )
    submitted = {first_day_of(key): count for key, count in submitted}
    published = {first_day_of(key): count for key, count in published}
    return Breakdown(
        f"按{step.name}",
        "年份" if step.by_year else "月份",
        [
            Row(step.label(day), submitted.get(day, 0), published.get(day, 0))
            for day in step.steps(report, {*submitted, *published})
        ],
    )
