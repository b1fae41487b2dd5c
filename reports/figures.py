"""Every figure of the statistics pages, each from one aggregate query, with the date it counts by.

A piece is counted by one of three dates, and every figure names its own (DateBasis):
- the submission date: the day the piece was first submitted (Article.submitted_at);
- the decision date: the `at` of the transition that sent it back, accepted, rejected it or
  recorded its withdrawal;
- the issue date: the date of the issue that printed it.
Days are calendar days in the site's time zone. The number of queries is fixed, whatever the
archive's size: one per table of figures.
"""

import calendar
import datetime
import math
from dataclasses import dataclass, field, replace

from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q
from django.utils import timezone

from articles.models import (
    Article,
    ArticleTransition,
    CallTheme,
    Contributor,
    Genre,
    Issue,
    Photo,
    Status,
)
from editorial.workflow import AWAITING_EDITORS
from zones.models import City, Zone

from .days import DayNumber, LocalDayNumber, MonthOf, first_day_of

# The moves that are an editor's decision on a submitted piece; the first of them ends the wait
# that "days to first decision" measures.
DECISIONS = (Status.REVISION, Status.ACCEPTED, Status.REJECTED)
# Taking a piece out of an issue (撤出该期) also moves it to 已录用; that is the desk's move,
# not a decision, and must not count as a second acceptance.
UNSCHEDULED = Q(from_status=Status.SCHEDULED, to_status=Status.ACCEPTED)


class DateBasis(models.TextChoices):
    SUBMITTED = "submitted", "按投稿日期统计"
    DECIDED = "decided", "按决定日期（退修、录用、不予采用、撤回的时间）统计"
    ISSUE = "issue", "按出版日期（刊期日期）统计"


@dataclass(frozen=True)
class ReportFilter:
    """Which pieces a page counts: a period (both ends included) and optionally a city, a zone,
    a genre and a theme."""

    start: datetime.date
    end: datetime.date
    city: str = ""
    zone_id: int | None = None
    genre: str = ""
    theme_id: int | None = None

    def matches(self, prefix: str = "") -> Q:
        """Pieces of the chosen city, zone, genre and theme, whatever their dates; `prefix`
        reaches the piece from another model ("article__")."""
        chosen = {
            "zone__city": self.city,
            "zone_id": self.zone_id,
            "genre": self.genre,
            "theme_id": self.theme_id,
        }
        return Q(**{prefix + field: value for field, value in chosen.items() if value})

    def submitted_in_period(self) -> Q:
        # A range of moments, not __date: the index on the column serves it, and SQLite need
        # not convert every row's time zone in Python.
        first, after = self.moments()
        return Q(submitted_at__gte=first, submitted_at__lt=after)

    def published_in_period(self) -> Q:
        # The period's issues as a subquery, not a join: the (status, issue) index then finds
        # the pieces, and an OR with submitted_in_period() can use both indexes.
        issues = Issue.objects.filter(date__range=(self.start, self.end)).values("pk")
        return Q(status=Status.PUBLISHED, issue__in=issues)

    def counted_in_period(self) -> Q:
        """Pieces submitted or published in the period: the rows any figure may count."""
        return self.submitted_in_period() | self.published_in_period()

    @property
    def is_whole_province(self) -> bool:
        """No city, zone, genre or theme chosen: only the period narrows the pieces."""
        return not (self.city or self.zone_id or self.genre or self.theme_id)

    @property
    def period_label(self) -> str:
        """ "2025年4月", "2025年第二季度", "2025年", or the two dates."""
        start, end = self.start, self.end
        whole_months = start.day == 1 and end == _last_day_of(end)
        if whole_months and start.year == end.year:
            if start.month == end.month:
                return f"{start.year}年{start.month}月"
            if (start.month, end.month) == (1, 12):
                return f"{start.year}年"
            if start.month % 3 == 1 and end.month == start.month + 2:
                return f"{start.year}年第{'一二三四'[start.month // 3]}季度"
        return f"{start:%Y年%-m月%-d日}至{end:%Y年%-m月%-d日}"

    def in_period(self, basis: DateBasis) -> Q:
        """Pieces counted in the period by the submission date or by the issue date."""
        if basis == DateBasis.SUBMITTED:
            return self.submitted_in_period()
        return self.published_in_period()

    def pieces(self):
        return Article.objects.filter(self.matches())

    def zones(self):
        """The zones the filter's city or zone chooses (without either, every zone of the
        registry, and any zone not yet confirmed that has a piece in the period)."""
        with_pieces = self.pieces().filter(self.counted_in_period()).values("zone")
        chosen = Zone.objects.filter(Q(confirmed=True) | Q(pk__in=with_pieces))
        if self.city:
            chosen = chosen.filter(city=self.city)
        if self.zone_id:
            chosen = chosen.filter(pk=self.zone_id)
        return chosen.in_city_order()

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The period as [first moment, first moment after it) in the site's time zone, for
        comparing aggregated times, which take no __date lookup."""
        after = self.end + datetime.timedelta(days=1)
        return tuple(
            timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
            for day in (self.start, after)
        )


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    basis: DateBasis


@dataclass(frozen=True)
class StageCounts:
    """How many pieces reached each stage in the period, each by its own date."""

    submitted: int
    in_review: int
    sent_back: int
    accepted: int
    rejected: int
    withdrawn: int
    published: int

    @property
    def acceptance_rate(self) -> float | None:
        """Accepted among the period's accepted and rejected pieces (decision date); None when
        nothing was decided."""
        decided = self.accepted + self.rejected
        return self.accepted / decided if decided else None

    @property
    def acceptance_percent(self) -> float | None:
        rate = self.acceptance_rate
        return None if rate is None else 100 * rate

    def figures(self) -> list[Figure]:
        return [
            Figure("投稿", self.submitted, DateBasis.SUBMITTED),
            Figure("待审", self.in_review, DateBasis.SUBMITTED),
            Figure("退修", self.sent_back, DateBasis.DECIDED),
            Figure("录用", self.accepted, DateBasis.DECIDED),
            Figure("不予采用", self.rejected, DateBasis.DECIDED),
            Figure("撤回", self.withdrawn, DateBasis.DECIDED),
            Figure("刊发", self.published, DateBasis.ISSUE),
        ]


def stage_counts(report: ReportFilter) -> StageCounts:
    """Two queries: the pieces by submission and issue date, the decisions by their date.

    "待审" is a piece submitted in the period that still waits for an editor today, opened or
    not (AWAITING_EDITORS). A piece sent back twice in the period counts once.
    """
    submitted = report.submitted_in_period()
    pieces = (
        report.pieces()
        .filter(report.counted_in_period())
        .aggregate(
            submitted=Count("pk", filter=submitted),
            in_review=Count("pk", filter=submitted & Q(status__in=AWAITING_EDITORS)),
            published=Count("pk", filter=report.published_in_period()),
        )
    )
    decided = dict(
        ArticleTransition.objects.filter(
            report.matches("article__"),
            at__gte=report.moments()[0],
            at__lt=report.moments()[1],
            to_status__in=[*DECISIONS, Status.WITHDRAWN],
        )
        .exclude(UNSCHEDULED)
        .values("to_status")
        .annotate(pieces=Count("article", distinct=True))
        .values_list("to_status", "pieces")
    )
    return StageCounts(
        **pieces,
        sent_back=decided.get(Status.REVISION, 0),
        accepted=decided.get(Status.ACCEPTED, 0),
        rejected=decided.get(Status.REJECTED, 0),
        withdrawn=decided.get(Status.WITHDRAWN, 0),
    )


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


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every month the period touches, in order."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


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


@dataclass(frozen=True)
class Turnaround:
    """Days waited by the pieces of a period: how many pieces, the median and the 90th
    percentile (nearest rank: the smallest wait that at least 90% of pieces did not exceed)."""

    label: str
    basis: DateBasis
    pieces: int
    median: float | None
    percentile_90: int | None

    @classmethod
    def of(cls, label: str, basis: DateBasis, waits: dict[int, int]) -> "Turnaround":
        """`waits` counts the pieces by the days they waited: {days: pieces}."""
        total = sum(waits.values())
        if not total:
            return cls(label, basis, 0, None, None)
        ordered = sorted(waits.items())

        def nth(rank: int) -> int:
            # The rank-th smallest wait (1-based), walking the counts rather than a list of
            # every piece's days.
            seen = 0
            for days, pieces in ordered:
                seen += pieces
                if seen >= rank:
                    return days
            raise ValueError(rank)

        middle = (total + 1) // 2
        median = nth(middle) if total % 2 else (nth(middle) + nth(middle + 1)) / 2
        return cls(label, basis, total, median, nth(math.ceil(0.9 * total)))


def turnaround(report: ReportFilter) -> list[Turnaround]:
    """Days from submission to the first decision (pieces first decided in the period) and to
    publication (pieces printed in the period's issues).

    Percentiles are not an aggregate every supported database has (SQLite lacks one), so the
    database counts the pieces by days waited (a few dozen rows, however many pieces) and
    Python takes the median and the percentile from those counts.
    """
    first_moment, after = report.moments()
    # A first decision is a decision in the period with none before it: the (to_status, at)
    # index finds the period's decisions, the (article, at) index any earlier one.
    earlier_decision = ArticleTransition.objects.filter(
        article=OuterRef("article"), to_status__in=DECISIONS, at__lt=OuterRef("at")
    ).exclude(UNSCHEDULED)
    first_decisions = ArticleTransition.objects.exclude(UNSCHEDULED).filter(
        report.matches("article__"),
        ~Exists(earlier_decision),
        to_status__in=DECISIONS,
        at__gte=first_moment,
        at__lt=after,
        article__submitted_at__isnull=False,
    )
    to_decision = _count_by_days(
        first_decisions, LocalDayNumber("at") - LocalDayNumber("article__submitted_at"), "article"
    )
    to_print = _count_by_days(
        report.pieces().filter(report.published_in_period(), submitted_at__isnull=False),
        DayNumber("issue__date") - LocalDayNumber("submitted_at"),
    )
    return [
        Turnaround.of("投稿至首次决定", DateBasis.DECIDED, to_decision),
        Turnaround.of("投稿至刊发", DateBasis.ISSUE, to_print),
    ]


def _count_by_days(rows, wait, piece="pk") -> dict[int, int]:
    """{days waited: pieces}; `wait` is a difference of two day numbers (reports.days), `piece`
    the piece each row is of."""
    rows = (
        rows.order_by()  # Meta.ordering would join the issue and group by its date
        .annotate(wait=wait)
        .values("wait")
        .annotate(pieces=Count(piece, distinct=piece != "pk"))
        .values_list("wait", "pieces")
    )
    return dict(rows)


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


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
    since = ReportFilter(_months_before(as_of, months), as_of)
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
            _local_day(zone.last_submitted) if zone.last_submitted else None,
            zone.last_printed,
        ]
        last_sent = max((day for day in days if day), default=None)
        silent.append(SilentZone(zone, last_sent, zone.correspondents))
    return sorted(silent, key=lambda s: (s.last_sent or datetime.date.min, s.zone.official_name))


def silent_as_of(report: ReportFilter, today: datetime.date) -> datetime.date:
    """The day silence is counted back from: the period's end, or today if it is not over."""
    return min(report.end, today)


def _last_day_of(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


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
