"""Mail about pieces. Called inside a move's transaction; never decides anything itself.

The mail goes to the outbox (editorial/outbox.py) with the move and is sent by the worker.

Correspondents hear of every change to their pieces but the passes of 初审 and 复审 (inside the
newsroom; 终审通过 is the acceptance they hear of); editors hear of each new submission or
resubmission, and the editors of the next review level of each piece passed on to them. Mail
that needs no action can be turned off per user (MailPreference).
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse

from articles.models import Article, MailPreference, Status
from editorial.editors import active_editors, active_reviewers
from editorial.roles import LEVEL_NAMES, Role

# Mail a correspondent always receives: it asks them to act or tells them a decision.
ESSENTIAL_FOR_AUTHORS = frozenset({Status.REVISION, Status.ACCEPTED, Status.REJECTED})
# A pass of 初审 or 复审 hands the piece to the next level; the correspondent hears nothing
# until 终审 decides.
INSIDE_THE_NEWSROOM = frozenset({Status.FIRST_PASSED, Status.SECOND_PASSED})
# An author's withdrawal from these is news to the editors, who had the piece in hand.
WAITING_FOR_EDITORS = frozenset(
    {Status.SUBMITTED, Status.IN_REVIEW, Status.FIRST_PASSED, Status.SECOND_PASSED}
)


def without_optional_mail(users) -> set[int]:
    """Ids of those users who turned optional mail off (one query for all of them)."""
    return set(
        MailPreference.objects.filter(user__in=users, optional_mail=False).values_list(
            "user_id", flat=True
        )
    )


def _site_url(path: str) -> str:
    return settings.KFQ_SITE_URL.rstrip("/") + path


def status_changed(
    *, article_id: int, source: Status, to: Status, note: str, next_level: Role | None = None
) -> int:
    """Mail about one move; next_level is the review level the move handed the piece to."""
    article = Article.objects.get(pk=article_id)
    label = article.manuscript_number or article.title
    messages = _to_authors(article, label, source, to, note)
    if to == Status.SUBMITTED or (to == Status.WITHDRAWN and source in WAITING_FOR_EDITORS):
        messages += _to_editors(article, label, source, to, note)
    if next_level is not None:
        messages += _to_next_level(article, label, to, next_level)
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def _to_authors(article, label, source, to, note) -> list[tuple]:
    if to in INSIDE_THE_NEWSROOM:
        return []
    messages = []
    author_users = [
        a.contributor.user
        for a in article.authorships.select_related("contributor__user")
        if a.contributor.user and a.contributor.user.email
    ]
    essential = to in ESSENTIAL_FOR_AUTHORS
    link = _site_url(reverse("portal:my_submission", args=[article.pk]))
    body = (
        f"您的稿件《{article.title}》（{label}）状态已由“{Status(source).label}”"
        f"变为“{Status(to).label}”。"
    )
    if note:
        # A withdrawal's note is the author's own reason; every other note is the editors'.
        heading = "撤回原因" if to == Status.WITHDRAWN else "编辑部意见"
        body += f"\n\n{heading}：\n{note}"
    body += f"\n\n查看稿件：{link}"
    opted_out = without_optional_mail(author_users)
    for user in author_users:
        if essential or user.pk not in opted_out:
            messages.append(
                (f"[开发区建设] 稿件{Status(to).label}：{article.title}", body, None, [user.email])
            )
    return messages


def _to_editors(article, label, source, to, note) -> list[tuple]:
    admin_link = _site_url(reverse("admin:articles_article_change", args=[article.pk]))
    if to == Status.SUBMITTED:
        verb = "重新投稿" if source == Status.REVISION else "新投稿"
        text = f"{label}《{article.title}》{verb}，请处理：{admin_link}"
    else:
        verb = "作者撤回"
        text = f"{label}《{article.title}》已由作者撤回。\n\n撤回原因：\n{note}\n\n{admin_link}"
    return _mail_each(active_editors(), f"[开发区建设] {verb}：{article.title}", text)


def _to_next_level(article, label, to, level) -> list[tuple]:
    admin_link = _site_url(reverse("admin:articles_article_change", args=[article.pk]))
    waits = f"待{LEVEL_NAMES[level]}"
    text = f"{label}《{article.title}》已{Status(to).label}，{waits}，请处理：{admin_link}"
    return _mail_each(active_reviewers(level), f"[开发区建设] {waits}：{article.title}", text)


def _mail_each(users, subject: str, text: str) -> list[tuple]:
    """One message per user with an address who has not turned optional mail off."""
    users = list(users.exclude(email=""))
    opted_out = without_optional_mail(users)
    return [(subject, text, None, [user.email]) for user in users if user.pk not in opted_out]
