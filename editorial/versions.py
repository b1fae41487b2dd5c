"""Tracked changes (留痕): the one rule for keeping a version of a piece's text.

Once a piece is submitted, every save that changes its text (kicker, title, subtitle, body)
keeps a version with who and why: the author's (re)submission (editorial/workflow.py), the
author's saves while it is sent back (portal/submissions.py), an editor's saves in the admin
(editorial/admin/queue.py) and corrections (editorial/corrections.py). Callers hold the
piece's row lock, so version numbers are taken one at a time.
"""

from django.utils import timezone

from articles.models import Article, ArticleTransition, ArticleVersion, VersionKind

TEXT_FIELDS = ("kicker", "title", "subtitle", "body")

# The portal autosaves every few seconds and editors save a form several times while they
# work: a run of such saves by one person, with no status move in between, is one change,
# kept as one version updated in place. The author's run while the piece is sent back ends
# with their resubmission, and the version becomes 重新投稿. Corrections are each their own.
_RUN_KINDS = frozenset({VersionKind.AUTHOR_EDIT, VersionKind.EDITOR_EDIT})


def record_version(article: Article, *, by, kind: VersionKind) -> ArticleVersion | None:
    """Keep the piece's text as it stands now, unless the latest version already has it."""
    latest = article.versions.order_by("-number").first()
    text = {name: getattr(article, name) for name in TEXT_FIELDS}
    unchanged = latest is not None and all(
        same_text(getattr(latest, name), value) for name, value in text.items()
    )
    by_id = by.pk if by is not None else None
    if latest is not None and _continues_run(article, latest, by_id=by_id, kind=kind):
        if unchanged and latest.kind == kind:
            return None
        for name, value in text.items():
            setattr(latest, name, value)
        latest.kind = kind
        latest.created_at = timezone.now()
        latest.save(update_fields=[*TEXT_FIELDS, "kind", "created_at"])
        return latest
    if unchanged:
        return None
    return ArticleVersion.objects.create(
        article=article,
        number=latest.number + 1 if latest else 1,
        kind=kind,
        by_id=by_id,
        **text,
    )


def same_text(old: str, new: str) -> bool:
    """Equal but for line breaks: browsers send a textarea's as CRLF, so a form saved without
    a change may still differ from text that came in another way (an import, a script)."""
    return old.replace("\r\n", "\n") == new.replace("\r\n", "\n")


def submission_kind(article: Article) -> VersionKind:
    """投稿 the first time a piece is submitted, 重新投稿 afterwards."""
    if article.versions.exists():
        return VersionKind.RESUBMITTED
    return VersionKind.SUBMITTED


def _continues_run(article, latest: ArticleVersion, *, by_id, kind) -> bool:
    same_run = (kind in _RUN_KINDS and latest.kind == kind) or (
        kind == VersionKind.RESUBMITTED and latest.kind == VersionKind.AUTHOR_EDIT
    )
    return (
        same_run
        and by_id is not None
        and latest.by_id == by_id
        and not ArticleTransition.objects.filter(
            article=article, at__gte=latest.created_at
        ).exists()
    )
