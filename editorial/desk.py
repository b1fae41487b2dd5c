"""What waits, at a glance: the admin home's three blocks for editors (templates/admin/index.html).

- how many pieces stand at each stage, the stages waiting for this editor's level first;
- the pieces that have waited for the editors too long (KFQ_WAITING_DAYS: amber, twice: red);
- how full the next issue is against its pages' text budget (KFQ_PAGE_CHARACTERS).

Each block is one query whatever the archive's size (the next issue's fill two: the issue, then
its few scheduled texts), so the admin home stays quick on a large archive.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Issue, Status
from articles.text import count_characters
from editorial import workflow

# How many overdue pieces the home lists; the queue sorted by waiting time shows the rest.
OVERDUE_SHOWN = 10


@dataclass(frozen=True)
class StageCount:
    status: Status
    count: int
    mine: bool  # the stage waits for this editor's review level

    @property
    def label(self) -> str:
        if self.status == Status.ACCEPTED:
            return "已录用，待排期"
        if self.status == Status.REVISION:
            return "退修，等待通讯员修改"
        return self.status.label

    @property
    def url(self) -> str:
        # queue=all: the queue's own default filter would hide the 退修 pieces.
        changelist = reverse("admin:articles_article_changelist")
        return f"{changelist}?queue=all&status__exact={self.status.value}"


def stages_in_use() -> list[Status]:
    """The stages a piece passes before it is printed, in order, for this office's levels."""
    passes = [
        s for s in (Status.FIRST_PASSED, Status.SECOND_PASSED) if workflow.level_waiting_at(s)
    ]
    return [Status.SUBMITTED, Status.IN_REVIEW, *passes, Status.ACCEPTED, Status.REVISION]


def stage_counts(user) -> list[StageCount]:
    stages = stages_in_use()
    rows = (
        Article.objects.filter(status__in=stages)
        .order_by()  # the model's ordering would join the issues for nothing
        .values("status")
        .annotate(n=Count("pk"))
    )
    counts = {row["status"]: row["n"] for row in rows}
    mine = workflow.waiting_for(user)
    every = [StageCount(s, counts.get(s, 0), s in mine) for s in stages]
    # The editor's own stages first, the rest in the order a piece passes them.
    return sorted(every, key=lambda stage: not stage.mine)


@dataclass(frozen=True)
class Overdue:
    article: Article
    days: int

    @property
    def red(self) -> bool:
        return self.days >= 2 * settings.KFQ_WAITING_DAYS


def overdue(today: datetime.date | None = None) -> tuple[list[Overdue], bool]:
    """The pieces waiting for the editors KFQ_WAITING_DAYS days or more, longest first, and
    whether there are more than the home lists."""
    today = today or timezone.localdate()
    # Waiting N days means the state changed on a calendar day N or more days ago.
    last_day = today - datetime.timedelta(days=settings.KFQ_WAITING_DAYS - 1)
    before = timezone.make_aware(datetime.datetime.combine(last_day, datetime.time.min))
    pieces = list(
        Article.objects.filter(status__in=workflow.AWAITING_EDITORS, status_changed_at__lt=before)
        .order_by("status_changed_at", "pk")
        .only("pk", "title", "manuscript_number", "status", "status_changed_at")[
            : OVERDUE_SHOWN + 1
        ]
    )
    shown = [Overdue(p, workflow.days_waiting(p, today)) for p in pieces[:OVERDUE_SHOWN]]
    return shown, len(pieces) > OVERDUE_SHOWN


@dataclass(frozen=True)
class IssueFill:
    issue: Issue
    pieces: int
    characters: int

    @property
    def budget(self) -> int:
        return self.issue.pages * settings.KFQ_PAGE_CHARACTERS

    @property
    def percent(self) -> int:
        return round(100 * self.characters / self.budget)

    @property
    def signed_off_at(self) -> datetime.datetime | None:
        return self.issue.signed_off_at

    @property
    def needs_sign_off(self) -> bool:
        return workflow.needs_sign_off() and self.issue.signed_off_at is None


def next_issue_fill() -> IssueFill | None:
    """The earliest issue still open, with what is scheduled into it so far."""
    issue = Issue.objects.open().order_by("date").first()
    if issue is None:
        return None
    bodies = (
        Article.objects.filter(issue=issue, status=Status.SCHEDULED)
        .order_by()
        .values_list("body", flat=True)
    )
    lengths = [count_characters(body) for body in bodies]
    return IssueFill(issue, len(lengths), sum(lengths))


@dataclass(frozen=True)
class Desk:
    stages: list[StageCount]
    overdue: list[Overdue]
    more_overdue: bool
    next_issue: IssueFill | None
    waiting_days: int


def desk_for(editor) -> Desk:
    """The three blocks, for an editor (the caller checks the role: the admin asks it once per
    request)."""
    late, more = overdue()
    return Desk(
        stages=stage_counts(editor),
        overdue=late,
        more_overdue=more,
        next_issue=next_issue_fill(),
        waiting_days=settings.KFQ_WAITING_DAYS,
    )
