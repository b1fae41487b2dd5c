"""Corrections (更正): the only way a published piece's text changes.

A correction is a dated notice that readers see on the piece's page and in its feed entry,
with the change to the text (if any) kept as a version like every other (editorial/versions.py).
"""

from django.db import transaction

from articles.freshness import bump_archive_version
from articles.models import Article, Correction, Status, VersionKind
from editorial import versions
from editorial.roles import is_editor
from search.indexing import index_articles


class CorrectionRefused(Exception):
    """The correction cannot be published and nothing was written; the message says why."""


@transaction.atomic
def add_correction(
    *,
    article: Article,
    by,
    notice: str,
    kicker: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    body: str | None = None,
) -> Correction:
    """Publish a correction of a published piece; text fields left as None stay as they are."""
    if not is_editor(by):
        raise CorrectionRefused("只有编辑部可以发布更正。")
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != Status.PUBLISHED:
        raise CorrectionRefused(
            f"稿件当前为“{locked.get_status_display()}”，只有已刊发的稿件可以发布更正。"
        )
    notice = notice.strip()
    if not notice:
        raise CorrectionRefused("请写明更正说明，让读者知道改了什么。")
    if title is not None and not title.strip():
        raise CorrectionRefused("标题不能为空。")
    if body is not None and not body.strip():
        raise CorrectionRefused("正文不能为空。")
    changes = {
        name: value
        for name, value in zip(versions.TEXT_FIELDS, (kicker, title, subtitle, body), strict=True)
        if value is not None and value != getattr(locked, name)
    }
    if changes:
        # Pieces edited before versions were kept may have no version of their printed text:
        # keep it first, so that the correction's change is the one its version shows.
        versions.record_version(locked, by=None, kind=VersionKind.EDITOR_EDIT)
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.save(update_fields=[*changes, "updated_at"])
        versions.record_version(locked, by=by, kind=VersionKind.CORRECTION)
    correction = Correction.objects.create(article=locked, notice=notice, by=by)
    index_articles([locked.pk])
    # The notice alone changes the reader's page and feed, and a save may have sent no signal.
    bump_archive_version()
    return correction
