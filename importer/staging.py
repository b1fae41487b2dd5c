"""The admin's 导入版面 between the upload and the result: an upload staged in the database,
its preview, its import page by page, and the clean-up of stale uploads.

The preview is the real import run in a transaction that is then rolled back, page after page
as the confirm will run them. So it shows exactly what the confirm does against the database as
it is (how each page is read, the zones it creates, the pieces an editor changed), with no
second copy of store.py's rules to drift from it. What the import touches outside its rows
does not outlive the rollback: the archive's new version is written on commit only
(articles/freshness.py), and the search dictionary follows a version row that is rolled back
with the rest (search/segmentation.py).

Everything lives in the database (importer.models), so any app server may answer any step.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from importer.manifest import PageInfo
from importer.models import StagedImport, StagedPage
from importer.pages import PageResult, import_page
from importer.uploads import IssueDetails, read_upload

# An upload nobody confirmed, or an import finished, is deleted after this long.
STALE_AFTER = datetime.timedelta(days=2)


def clean_stale(*, now: datetime.datetime | None = None) -> int:
    moment = (now or timezone.now()) - STALE_AFTER
    deleted, _ = StagedImport.objects.older_than(moment).delete()
    return deleted


@transaction.atomic
def stage_upload(*, user, files, details: IssueDetails) -> tuple[StagedImport, list[str]]:
    """Keep an upload's pages for the preview; returns it and the zip members left out.
    Raises uploads.UploadRejected, having kept nothing."""
    pages, ignored = read_upload(files, details)
    clean_stale()
    staged = StagedImport.objects.create(created_by=user)
    StagedPage.objects.bulk_create(
        StagedPage(
            staged_import=staged,
            order=order,
            file_name=page.name,
            content=page.data,
            page_info=page.info.as_data(),
        )
        for order, page in enumerate(pages, start=1)
    )
    return staged, ignored


def _import(page: StagedPage) -> PageResult:
    # The editor asked for these pages: import them even when unchanged since the last import,
    # so that the preview and the result say what the page and the database hold now.
    return import_page(
        name=page.file_name,
        data=bytes(page.content),
        info=PageInfo.from_data(page.page_info),
        force=True,
    )


def preview(*, staged: StagedImport) -> list[tuple[StagedPage, PageResult]]:
    """What confirming would do, page by page; writes nothing."""
    with transaction.atomic():
        results = [(page, _import(page)) for page in staged.pages.all()]
        transaction.set_rollback(True)
    return results


def confirm(*, staged: StagedImport) -> None:
    StagedImport.objects.filter(pk=staged.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )


def import_next_page(*, staged: StagedImport) -> StagedPage | None:
    """Import the upload's next page, in one transaction with its result; None when none is
    left. Two requests at once (two tabs, two servers) never import the same page twice."""
    with transaction.atomic():
        page = (
            staged.pages.select_for_update(skip_locked=True)
            .filter(imported_at__isnull=True)
            .order_by("order")
            .first()
        )
        if page is None:
            return None
        page.result = page_summary(_import(page))
        page.imported_at = timezone.now()
        page.save(update_fields=["result", "imported_at"])
    return page


def import_remaining(*, staged: StagedImport) -> int:
    imported = 0
    while import_next_page(staged=staged):
        imported += 1
    return imported


def progress(staged: StagedImport) -> tuple[int, int]:
    """(pages imported, pages in the upload)."""
    pages = list(staged.pages.values_list("imported_at", flat=True))
    return sum(moment is not None for moment in pages), len(pages)


def cancel(*, staged: StagedImport) -> None:
    staged.delete()


def page_summary(result: PageResult) -> dict:
    """One page's result as the preview and the result page show it (JSON, to be kept)."""
    if result.failure:
        return {"file": result.file, "failure": result.failure}
    report, page = result.report, result.page
    return {
        "file": result.file,
        "failure": "",
        "created": report.articles_created,
        "updated": report.articles_updated,
        "unchanged": report.articles_unchanged,
        "removed": report.articles_removed,
        "created_ids": report.created_ids,
        "call": report.call,
        "quality": result.quality.rows(),
        "needs_attention": result.quality.needs_attention,
        "new_zones": list(report.new_zones),
        "articles": [
            {
                "zone": article.zone_name or "",
                "zone_is_new": article.zone_name in report.new_zones,
                "kicker": article.kicker,
                "title": article.title,
                "subtitle": article.subtitle,
                "authors": "、".join(article.authors),
                "paragraphs": len(article.paragraphs),
                "captions": [caption.caption + caption.credit for caption in article.captions],
            }
            for article in page.articles
        ],
        "leftovers": [
            {"line": leftover.line, "reason": leftover.reason, "text": leftover.text}
            for leftover in [*page.leftovers, *page.notes]
        ],
        "conflicts": [
            {
                "position": conflict.position,
                "title": conflict.title,
                "removed": conflict.removed_from_page,
                "changes": [
                    {"label": c.label, "page": c.page_text, "editor": c.editor_text}
                    for c in conflict.changes
                ],
            }
            for conflict in report.conflicts
        ],
    }
