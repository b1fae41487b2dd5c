"""How long pieces waited: days to the first decision and to publication."""

import math
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef

from articles.models import (
    ArticleTransition,
)

from ..days import DayNumber, LocalDayNumber
from .period import DateBasis, ReportFilter
from .stages import DECISIONS, UNSCHEDULED


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
