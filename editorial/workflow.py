"""The only module that writes Article.status.

Every move is one call to article_transition(): it locks the piece, checks MOVES, writes the
new status with its log entry, and queues its mail in the same transaction (the mail worker
sends it later). A refused move raises TransitionNotAllowed and changes nothing.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone

from articles.freshness import bump_archive_version
from articles.models import (
    Article,
    ArticleTransition,
    Issue,
    ManuscriptCounter,
    Status,
)
from editorial import notifications, roles, versions
from editorial.roles import Role, is_editor, roles_of
from search.indexing import index_articles

# Sent once a publication has committed, with article_ids: the pieces now public. Apps above
# editorial act on it (indicators extracts the pieces' figures) without editorial knowing them.
pieces_published = Signal()


def _announce_published(article_ids) -> None:
    ids = list(article_ids)
    transaction.on_commit(
        lambda: pieces_published.send(sender=Article, article_ids=ids), robust=True
    )


@dataclass(frozen=True)
class Move:
    roles: frozenset
    label: str  # what the button says
    needs_note: bool = False


def _move(label, *roles, needs_note=False):
    return Move(frozenset(roles), label, needs_note)


A, E = Role.AUTHOR, Role.EDITOR

# The moves every office has, whatever its number of review levels. Publishing happens only
# through publish_issue().
_COMMON: dict[tuple[Status, Status], Move] = {
    (Status.DRAFT, Status.SUBMITTED): _move("投稿", A),
    (Status.SUBMITTED, Status.IN_REVIEW): _move("开始审阅", E),
    # An author withdraws with a reason the editors read; a withdrawn piece can be reopened.
    (Status.SUBMITTED, Status.WITHDRAWN): _move("撤回", A, needs_note=True),
    (Status.IN_REVIEW, Status.WITHDRAWN): _move("撤回", A, needs_note=True),
    (Status.REVISION, Status.SUBMITTED): _move("修改后重新投稿", A),
    (Status.REVISION, Status.REJECTED): _move("不予采用", E, needs_note=True),
    (Status.REVISION, Status.WITHDRAWN): _move("撤回", A, needs_note=True),
    (Status.WITHDRAWN, Status.DRAFT): _move("重新打开为草稿", A),
    (Status.ACCEPTED, Status.SCHEDULED): _move("排入一期", E),
    (Status.SCHEDULED, Status.ACCEPTED): _move("撤出该期", E),
}

# What passing each review level is called, and the state it leaves the piece in (the last
# level in use accepts the piece instead).
_PASS_LABELS = {
    Role.FIRST_REVIEWER: "初审通过",
    Role.SECOND_REVIEWER: "复审通过",
    Role.CHIEF_EDITOR: "终审通过",
}
_PASSED = {Role.FIRST_REVIEWER: Status.FIRST_PASSED, Role.SECOND_REVIEWER: Status.SECOND_PASSED}


def moves_table(levels: int) -> dict[tuple[Status, Status], Move]:
    """Which moves exist and who may make each, for an office with this many review levels.

    With one level any editor sends back, rejects or accepts (录用). With two or three, each
    level (初审, 复审, 终审) is held by its own role, which alone may pass the piece on, send it
    back (退修) or reject it at that stage; 终审通过 is the acceptance.
    """
    table = dict(_COMMON)
    stages = roles.levels_in_use(levels)
    if not stages:
        table[(Status.SUBMITTED, Status.REVISION)] = _move("退修", E, needs_note=True)
        table[(Status.SUBMITTED, Status.REJECTED)] = _move("不予采用", E, needs_note=True)
        table[(Status.IN_REVIEW, Status.REVISION)] = _move("退修", E, needs_note=True)
        table[(Status.IN_REVIEW, Status.ACCEPTED)] = _move("录用", E)
        table[(Status.IN_REVIEW, Status.REJECTED)] = _move("不予采用", E, needs_note=True)
        return table
    first = stages[0]
    # A piece not yet opened for review can be sent back or rejected by its first reviewer.
    table[(Status.SUBMITTED, Status.REVISION)] = _move("退修", first, needs_note=True)
    table[(Status.SUBMITTED, Status.REJECTED)] = _move("不予采用", first, needs_note=True)
    waiting_at = Status.IN_REVIEW
    for level in stages:
        passed_to = Status.ACCEPTED if level == stages[-1] else _PASSED[level]
        table[(waiting_at, passed_to)] = _move(_PASS_LABELS[level], level)
        table[(waiting_at, Status.REVISION)] = _move("退修", level, needs_note=True)
        table[(waiting_at, Status.REJECTED)] = _move("不予采用", level, needs_note=True)
        if waiting_at != Status.IN_REVIEW:
            table[(waiting_at, Status.WITHDRAWN)] = _move("撤回", A, needs_note=True)
        waiting_at = passed_to
    return table


def moves() -> dict[tuple[Status, Status], Move]:
    """The moves table of this office (KFQ_REVIEW_LEVELS)."""
    return moves_table(roles.review_levels())


def move_label(source: Status, to: Status) -> str | None:
    """What a logged move was called, even one the office's current table no longer has (the
    number of levels may have changed since)."""
    for table in (moves(), *(moves_table(levels) for levels in (1, 2, 3))):
        if (source, to) in table:
            return table[(source, to)].label
    return None


def is_irreversible(to: Status) -> bool:
    """No move leads out of this state (不予采用): the admin asks to confirm such a move."""
    return not any(source == to for source, _ in moves())


def is_editors_move(move: Move) -> bool:
    """A move made from the editors' side (any editor, or a review level), not the author's."""
    return bool(move.roles - {Role.AUTHOR})


# The moves that pass a review level: one person may make only one of them on a piece.
LEVEL_PASSES = frozenset({Status.FIRST_PASSED, Status.SECOND_PASSED, Status.ACCEPTED})

# The states in which a piece waits for a level's pass.
REVIEW_STAGES = frozenset({Status.IN_REVIEW, Status.FIRST_PASSED, Status.SECOND_PASSED})

# What the author may still edit: their draft, and a piece sent back for revision.
AUTHOR_EDITABLE = frozenset({Status.DRAFT, Status.REVISION})
# States that wait for an editor's action, in the queue's default view.
AWAITING_EDITORS = frozenset(
    {
        Status.SUBMITTED,
        Status.IN_REVIEW,
        Status.FIRST_PASSED,
        Status.SECOND_PASSED,
        Status.ACCEPTED,
    }
)


def waiting_for(user) -> frozenset[Status]:
    """The states in which a piece waits for this editor's review: their part of the queue.
    With one level every editor reviews everything; with more, each level sees its stage."""
    if not roles.is_editor(user):
        return frozenset()
    if not roles.levels_in_use():
        return frozenset({Status.SUBMITTED, Status.IN_REVIEW})
    held = roles.review_roles_of(user)
    stages = {
        source for (source, to), move in moves().items() if to in LEVEL_PASSES and move.roles & held
    }
    if Status.IN_REVIEW in stages:
        stages.add(Status.SUBMITTED)  # the first reviewer opens what comes in
    return frozenset(stages)


def level_waiting_at(status: Status) -> Role | None:
    """The review level a piece in this state waits for; None with one level (any editor
    accepts) and outside review."""
    if not roles.levels_in_use():
        return None
    for (source, to), move in moves().items():
        if source == status and to in LEVEL_PASSES:
            (level,) = move.roles
            return level
    return None


@dataclass(frozen=True)
class LevelRecord:
    """One review level of a piece: its pass in the current round, or None while it waits."""

    level: Role
    passed: ArticleTransition | None

    @property
    def name(self) -> str:
        return roles.LEVEL_NAMES[self.level]


def review_record(article: Article) -> list[LevelRecord]:
    """审稿记录: who passed each level in use, and when, since the piece was last submitted
    (a resubmitted piece goes through every level again); empty with one level."""
    stages = roles.levels_in_use()
    if not stages:
        return []
    passed_to = {_PASSED.get(level, Status.ACCEPTED): level for level in stages}
    passes: dict[Role, ArticleTransition] = {}
    for move in ArticleTransition.objects.filter(
        # From a review stage only: 撤出该期 also moves a piece to 已录用.
        Q(to_status=Status.SUBMITTED) | Q(to_status__in=passed_to, from_status__in=REVIEW_STAGES),
        article=article,
    ).select_related("by"):
        if move.to_status == Status.SUBMITTED:
            passes.clear()
        else:
            passes[passed_to[move.to_status]] = move
    return [LevelRecord(level, passes.get(level)) for level in stages]


class TransitionNotAllowed(Exception):
    """A refused move; the message says why, in Chinese."""


def available_moves(user, article: Article) -> list[tuple[Status, Move]]:
    """The moves this user may make on this piece now, for buttons."""
    held = roles_of(user, article)
    return [
        (to, move)
        for (source, to), move in moves().items()
        if source == article.status and move.roles & held
    ]


def next_manuscript_number(year: int) -> str:
    """KFQ-YYYY-NNNN from a per-year counter that only grows; call inside a transaction."""
    ManuscriptCounter.objects.bulk_create([ManuscriptCounter(year=year)], ignore_conflicts=True)
    counter = ManuscriptCounter.objects.select_for_update().get(year=year)
    counter.last = F("last") + 1
    counter.save(update_fields=["last"])
    counter.refresh_from_db()
    return f"KFQ-{year}-{counter.last:04d}"


@transaction.atomic
def article_transition(
    *, article: Article, to: Status, by, note: str = "", issue: Issue | None = None
) -> Article:
    """Move a piece to another state, or raise TransitionNotAllowed and change nothing."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    source = Status(locked.status)
    to = Status(to)
    move = moves().get((source, to))
    if move is None:
        raise TransitionNotAllowed(f"稿件当前为“{source.label}”，不能改为“{to.label}”。")
    if not move.roles & roles_of(by, locked):
        raise TransitionNotAllowed(f"你无权对这篇稿件执行“{move.label}”。")
    if to in LEVEL_PASSES and roles.levels_in_use():
        _check_one_level_per_person(locked, by, to)
    note = note.strip()
    if move.needs_note and not note:
        if Role.AUTHOR in move.roles:
            raise TransitionNotAllowed(f"“{move.label}”需要写明原因，让编辑部知道。")
        raise TransitionNotAllowed(f"“{move.label}”需要写明意见，让通讯员知道原因。")

    now = timezone.now()
    update_fields = ["status", "status_changed_at"]
    if to == Status.SUBMITTED:
        _check_submittable(locked)
        if not locked.manuscript_number:
            locked.manuscript_number = next_manuscript_number(timezone.localdate(now).year)
            locked.submitted_at = now
            update_fields += ["manuscript_number", "submitted_at"]
        _snapshot(locked, by=by)
    if to == Status.SCHEDULED:
        if issue is None:
            raise TransitionNotAllowed("排期需要选择一期。")
        if issue.published_at:
            raise TransitionNotAllowed(f"“{issue}”已经发布，不能再排入稿件。")
        locked.issue = issue
        update_fields.append("issue")
    if source == Status.SCHEDULED and to == Status.ACCEPTED:
        _clear_sign_off(locked.issue_id)
        locked.issue, locked.page, locked.position = None, None, None
        update_fields += ["issue", "page", "position"]
    if to == Status.SCHEDULED:
        _clear_sign_off(issue.pk)

    locked.status = to
    locked.status_changed_at = now
    locked.save(update_fields=update_fields)
    ArticleTransition.objects.create(
        article=locked, from_status=source, to_status=to, by=by, note=note
    )
    _notify(locked, source, to, note)
    return locked


def _check_one_level_per_person(article: Article, by, to: Status):
    """三审制: nobody passes two levels of review of the same piece, in any round."""
    earlier = (
        ArticleTransition.objects.filter(article=article, by=by, to_status__in=LEVEL_PASSES)
        .exclude(to_status=to)
        .order_by("at")
        .first()
    )
    if earlier is not None:
        raise TransitionNotAllowed(
            f"你已对这篇稿件做过“{earlier.get_to_status_display()}”，"
            "同一篇稿件的各级审稿须由不同的人担任，请交给另一位编辑。"
        )


def _check_submittable(article: Article):
    if not article.title.strip() or not article.body.strip():
        raise TransitionNotAllowed("投稿前请填写标题和正文。")
    if article.photos.filter(caption="").exists():
        raise TransitionNotAllowed("配图需要填写图片说明。")


def _snapshot(article: Article, *, by):
    versions.record_version(article, by=by, kind=versions.submission_kind(article))


def _notify(article, source, to, note):
    """Queue the mail about this move in the move's own transaction (editorial/outbox.py): it
    commits or rolls back with the move, and sending happens later, in the mail worker.
    A passed level hands the piece to the next level's editors, who are told it waits."""
    notifications.status_changed(
        article_id=article.pk,
        source=source,
        to=to,
        note=note,
        next_level=level_waiting_at(to) if to in _PASSED.values() else None,
    )


def _clear_sign_off(issue_id) -> bool:
    """What the 总编辑 signed off is the issue's pieces: a piece in or out needs a new 签发.
    Returns whether there was a sign-off to clear."""
    return bool(
        Issue.objects.filter(pk=issue_id, signed_off_at__isnull=False).update(
            signed_off_by=None, signed_off_at=None
        )
    )


def scheduled_piece_changed(article: Article) -> bool:
    """The 总编辑 signed off the issue's pages as they stood: changing a scheduled piece's text
    or photos needs a new 签发. Returns whether a sign-off was withdrawn, for the editor to be
    told."""
    if article.status != Status.SCHEDULED or article.issue_id is None:
        return False
    return _clear_sign_off(article.issue_id)


class IssueNotPublishable(Exception):
    pass


class SignOffRefused(Exception):
    """A refused 签发; the message says why, in Chinese."""


@transaction.atomic
def sign_off_issue(*, issue: Issue, by) -> Issue:
    """签发: the 总编辑 passes the issue's scheduled pieces for print."""
    if not roles.is_chief_editor(by):
        raise SignOffRefused("只有总编辑可以签发。")
    locked = Issue.objects.select_for_update().get(pk=issue.pk)
    if locked.published_at:
        raise SignOffRefused(f"“{locked}”已经发布。")
    if not locked.articles.filter(status=Status.SCHEDULED).exists():
        raise SignOffRefused(f"“{locked}”中还没有已排期的稿件，无可签发。")
    locked.signed_off_by, locked.signed_off_at = by, timezone.now()
    locked.save(update_fields=["signed_off_by", "signed_off_at"])
    return locked


def needs_sign_off() -> bool:
    """With three review levels an issue is published only after the 总编辑's 签发."""
    return roles.review_levels() == 3


@transaction.atomic
def publish_issue(*, issue: Issue, by) -> int:
    """Publish every scheduled piece of an issue at once; returns how many were published."""
    if not is_editor(by):
        raise IssueNotPublishable("只有编辑部可以发布一期。")
    locked_issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if locked_issue.published_at:
        raise IssueNotPublishable(f"“{locked_issue}”已经发布。")
    if needs_sign_off() and locked_issue.signed_off_at is None:
        raise IssueNotPublishable("本期尚未经总编辑签发。")
    pieces = list(
        Article.objects.select_for_update()
        .filter(issue=locked_issue, status=Status.SCHEDULED)
        .order_by("page", "position")
    )
    if not pieces:
        raise IssueNotPublishable(f"“{locked_issue}”中还没有已排期的稿件。")
    unplaced = [piece.title for piece in pieces if piece.page is None or piece.position is None]
    if unplaced:
        raise IssueNotPublishable("以下稿件还没有安排版次和顺序：" + "、".join(unplaced))
    now = timezone.now()
    Article.objects.filter(pk__in=[p.pk for p in pieces]).update(
        status=Status.PUBLISHED, status_changed_at=now
    )
    ArticleTransition.objects.bulk_create(
        ArticleTransition(
            article=piece, from_status=Status.SCHEDULED, to_status=Status.PUBLISHED, by=by
        )
        for piece in pieces
    )
    locked_issue.published_at = now
    locked_issue.save(update_fields=["published_at"])
    index_articles(piece.pk for piece in pieces)
    bump_archive_version()  # update() above sends no signal
    _announce_published(piece.pk for piece in pieces)
    for piece in pieces:
        _notify(piece, Status.SCHEDULED, Status.PUBLISHED, "")
    return len(pieces)


def publish_imported(article_ids) -> int:
    """Pieces imported from the printed archive are published as they stand on the page."""
    changed = (
        Article.objects.filter(pk__in=article_ids)
        .exclude(status=Status.PUBLISHED)
        .update(status=Status.PUBLISHED, status_changed_at=timezone.now())
    )
    Issue.objects.open().filter(articles__pk__in=article_ids).update(published_at=timezone.now())
    index_articles(article_ids)
    bump_archive_version()  # update() above sends no signal
    _announce_published(article_ids)
    return changed


def days_waiting(article: Article, today: datetime.date | None = None) -> int | None:
    if article.status_changed_at is None:
        return None
    today = today or timezone.localdate()
    return (today - timezone.localdate(article.status_changed_at)).days
