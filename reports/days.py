"""Calendar days as whole numbers, counted in SQL: the difference of two is the days between.

Django's TruncDate and TruncMonth on SQLite call a Python function once per row, which is most
of the cost of a year's figures (20,000 pieces); these expressions stay native on both
databases. Only differences and comparisons between them mean anything: the numbering starts
on a different day on each database.

SQLite knows no time zones, so a moment's local day there is its UTC time shifted by the site's
offset. That is exact for a zone without daylight saving time, such as the site's
Asia/Shanghai (none since 1991); `offset_seconds` refuses a zone with it rather than miscount.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db.models import CharField, Func, IntegerField
from django.utils import timezone


def offset_seconds() -> int:
    """The site's UTC offset, the same all year round, in seconds."""
    zone = timezone.get_current_timezone()
    year = timezone.now().year
    offsets = {
        datetime.datetime(year, month, 1, tzinfo=zone).utcoffset() for month in (1, 4, 7, 10)
    }
    if len(offsets) != 1:
        raise ImproperlyConfigured(
            f"统计按日历日计算，要求网站时区（{zone}）没有夏令时；请改用固定时差的时区。"
        )
    return int(offsets.pop().total_seconds())


class DayNumber(Func):
    """The number of a date (a DateField or an expression giving a date)."""

    output_field = IntegerField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        # julianday() counts from noon; adding half a day makes a date's number whole.
        return self.as_sql(
            compiler, connection, template="CAST(julianday(%(expressions)s) + 0.5 AS INTEGER)"
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="((%(expressions)s)::date - DATE '2000-01-01')"
        )


class LocalDayNumber(Func):
    """The number of the day, in the site's time zone, that a moment (DateTimeField) falls on."""

    output_field = IntegerField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        template = (
            f"CAST(julianday(%(expressions)s, '{offset_seconds():+d} seconds') + 0.5 AS INTEGER)"
        )
        return self.as_sql(compiler, connection, template=template)

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = self.as_sql(
            compiler,
            connection,
            template="(((%(expressions)s) AT TIME ZONE %%s)::date - DATE '2000-01-01')",
        )
        return sql, (*params, timezone.get_current_timezone_name())


class MonthOf(Func):
    """The month ("2025-04") or, with by_year, the year ("2025") of a date, or of a moment in the
    site's time zone (local=True): the key a time series groups by. See `first_day_of`."""

    output_field = CharField()
    arity = 1

    def __init__(self, expression, *, local: bool, by_year: bool = False):
        super().__init__(expression)
        self.local, self.by_year = local, by_year

    def as_sqlite(self, compiler, connection, **extra):
        # The pattern goes as a parameter: a literal % would need escaping twice over.
        shift = f", '{offset_seconds():+d} seconds'" if self.local else ""
        sql, params = self.as_sql(
            compiler, connection, template=f"strftime(%%s, %(expressions)s{shift})"
        )
        return sql, ("%Y" if self.by_year else "%Y-%m", *params)

    def as_postgresql(self, compiler, connection, **extra):
        pattern = "YYYY" if self.by_year else "YYYY-MM"
        zone = " AT TIME ZONE %%s" if self.local else ""
        sql, params = self.as_sql(
            compiler, connection, template=f"to_char((%(expressions)s){zone}, '{pattern}')"
        )
        return sql, (*params, timezone.get_current_timezone_name()) if self.local else params


def first_day_of(key: str) -> datetime.date:
    """The first day of a MonthOf key's month or year."""
    year, _, month = key.partition("-")
    return datetime.date(int(year), int(month or 1), 1)
