"""How many pieces reached each stage in a period, each stage by its own date."""

from dataclasses import dataclass

from django.db.models import Count, Q

from articles.models import (
    ArticleTransition,
    Status,
)
from editorial.workflow import AWAITING_EDITORS

from .period import DateBasis, ReportFilter

# The moves that are an editor's decision on a submitted piece; the first of them ends the wait
# that "days to first decision" measures.
DECISIONS = (Status.REVISION, Status.ACCEPTED, Status.REJECTED)
# Taking a piece out of an issue (撤出该期) also moves it to 已录用; that is the desk's move,
# not a decision, and must not count as a second acceptance.
UNSCHEDULED = Q(from_status=Status.SCHEDULED, to_status=Status.ACCEPTED)


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
