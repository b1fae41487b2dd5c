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


# The columns a piece is tallied by: zone (with the names and city shown for it), genre, theme.
TALLY_FIELDS = (
    "zone",
    "zone__short_name",
    "zone__official_name",
    "zone__city",
    "genre",
    "theme",
    "theme__name",
)


@dataclass(frozen=True)
class Tally:
    """The period's pieces submitted and published, counted once per zone, genre and theme.

    The zone, city, genre and theme tables all add up these rows: one grouped query for the
    four, rather than four reading the same period's pieces. There are at most as many rows as
    zones × genres × themes with pieces, whatever the archive's size.
    """

    rows: list[dict]

    @classmethod
    def of(cls, report: ReportFilter) -> "Tally":
        return cls(list(_submitted_and_published(report, *TALLY_FIELDS).order_by()))

    def by(self, label_of, key_of=None) -> list[Row]:
        """The rows summed by key_of(row) (by default their label), the most published first."""
        key_of = key_of or label_of
        sums, labels = {}, {}
        for row in self.rows:
            key = key_of(row)
            labels[key] = label_of(row)
            submitted, published = sums.get(key, (0, 0))
            sums[key] = (submitted + row["submitted"], published + row["published"])
        rows = [
            Row(labels[key], submitted, published) for key, (submitted, published) in sums.items()
        ]
        return sorted(rows, key=lambda row: (-row.published, -row.submitted, row.label))


def by_zone(tally: Tally) -> Breakdown:
    def zone_of(row):
        return row["zone__short_name"] or row["zone__official_name"] or "未标开发区"

    # Two zones may share a short name: they are told apart by their key.
    return Breakdown("按开发区", "开发区", tally.by(zone_of, key_of=lambda row: row["zone"]))


def by_city(tally: Tally) -> Breakdown:
    labels = dict(City.choices)
    return Breakdown(
        "按市", "所在市", tally.by(lambda row: labels.get(row["zone__city"], "未标市"))
    )


def by_genre(tally: Tally) -> Breakdown:
    labels = dict(Genre.choices)
    return Breakdown("按体裁", "体裁", tally.by(lambda row: labels.get(row["genre"], row["genre"])))


def by_theme(tally: Tally) -> Breakdown:
    return Breakdown(
        "按征稿主题", "征稿主题", tally.by(lambda row: row["theme__name"] or "未选主题")
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

    def of_piece(self, basis: DateBasis):
        """The step a piece counts in by `basis`: its submission's (a moment) or its issue's."""
        if basis == DateBasis.SUBMITTED:
            return self.truncate("submitted_at", local=True)
        return self.truncate("issue__date", local=False)

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

    def per_step(basis):
        rows = (
            report.pieces()
            .order_by()
            .filter(report.in_period(basis))
            .annotate(step=step.of_piece(basis))
            .values("step")
            .annotate(pieces=Count("pk"))
            .values_list("step", "pieces")
        )
        return {first_day_of(key): count for key, count in rows}

    submitted, published = per_step(DateBasis.SUBMITTED), per_step(DateBasis.ISSUE)
    return Breakdown(
        f"按{step.name}",
        "年份" if step.by_year else "月份",
        [
            Row(step.label(day), submitted.get(day, 0), published.get(day, 0))
            for day in step.steps(report, {*submitted, *published})
        ],
    )
