"""The filter every figure takes: a period and optionally a city, a zone, a genre and a
theme; and the three dates a piece is counted by (DateBasis)."""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models import (
    Article,
    Issue,
    Status,
)
from zones.models import Zone


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
        whole_months = start.day == 1 and end == last_day_of(end)
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


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every month the period touches, in order."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def last_day_of(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def local_day(moment: datetime.datetime) -> datetime.date:
    """The calendar day of a moment in the site's time zone."""
    return timezone.localtime(moment).date()
