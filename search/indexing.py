"""What goes into the search index, and keeping it current.

Only published articles are indexed, so search can never show an unpublished piece. An article
is (re)indexed when it or one of its photos is saved, when the workflow publishes it
(publish_issue and publish_imported write status with QuerySet.update and call index_articles),
when its zone or issue changes and when its zone is merged into another; `rebuild_search_index`
rebuilds everything.
"""

from collections.abc import Callable, Iterable
from itertools import islice

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Contributor, Issue, Photo, SearchEntry
from articles.models.choices import Status
from search import segmentation
from zones.merging import zones_merged
from zones.models import Zone, ZoneAlias

BATCH_SIZE = 1000

Progress = Callable[[int, int], None]


def document_of(article: Article) -> SearchEntry:
    """The article's index row.

    The body terms also carry the zone's name, the printed zone label, the byline and the photo
    captions, so that they are searchable.
    """
    title = "\n".join(part for part in (article.kicker, article.title, article.subtitle) if part)
    body_parts = [article.zone_label, article.zone.official_name if article.zone else ""]
    body_parts += article.paragraphs
    body_parts += [photo.caption for photo in article.photos.all()]
    body_parts.append(article.byline)
    issue_date = article.issue.date if article.issue else None
    return SearchEntry(
        article_id=article.pk,
        title_terms=segmentation.index_terms(title),
        body_terms=segmentation.index_terms("\n".join(part for part in body_parts if part)),
        zone_id=article.zone_id,
        year=issue_date.year if issue_date else None,
        genre=article.genre,
    )


def index_articles(article_ids: Iterable[int], *, progress: Progress | None = None) -> int:
    """Index the published articles among article_ids and drop the others from the index.

    Returns how many were indexed. progress(done, total) is called after each batch.
    """
    ids = list(dict.fromkeys(article_ids))
    segmentation.ensure_dictionary()
    indexed = 0
    for done, batch in _batches(ids):
        with transaction.atomic():
            articles = list(
                Article.objects.filter(pk__in=batch, status=Status.PUBLISHED)
                .select_related("zone", "issue")
                .prefetch_related("photos")
            )
            SearchEntry.objects.filter(pk__in=batch).delete()
            SearchEntry.objects.bulk_create(document_of(article) for article in articles)
        indexed += len(articles)
        if progress:
            progress(done, len(ids))
    return indexed


def rebuild_index(*, progress: Progress | None = None) -> int:
    """Empty the index and index every published article again."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
    segmentation.forget_dictionary_signature()
    ids = Article.objects.published().order_by("pk").values_list("pk", flat=True)
    return index_articles(ids, progress=progress)


def _batches(ids: list[int]):
    iterator = iter(ids)
    done = 0
    while batch := list(islice(iterator, BATCH_SIZE)):
        done += len(batch)
        yield done, batch


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def _article_saved(sender, instance, raw=False, **kwargs):
    # Published is the workflow's last state, so an article saved in any other state has never
    # been in the index. raw saves come from loading fixtures or serialized test data, which
    # bring their SearchEntry rows with them.
    if not raw and instance.status == Status.PUBLISHED:
        index_articles([instance.pk])


@receiver(post_save, sender=Photo, dispatch_uid="search_photo_saved")
@receiver(post_delete, sender=Photo, dispatch_uid="search_photo_deleted")
def _photo_changed(sender, instance, raw=False, origin=None, **kwargs):
    # Captions are part of the article's document. The admin saves the article before its photo
    # inline, so the article's own save does not see a changed caption.
    if raw or _deleted_with_its_article(origin):
        return
    if Article.objects.filter(pk=instance.article_id, status=Status.PUBLISHED).exists():
        index_articles([instance.article_id])


def _deleted_with_its_article(origin) -> bool:
    # Deleting an article deletes its photos first; indexing it then would recreate the entry
    # that the same deletion is removing.
    return origin is not None and not (
        isinstance(origin, Photo) or getattr(origin, "model", None) is Photo
    )


@receiver(post_save, sender=Zone, dispatch_uid="search_zone_saved")
def _zone_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    segmentation.add_names([instance.official_name, instance.short_name])
    if update_fields is not None and "official_name" not in update_fields:
        return
    if not raw and not created:
        # The zone's name is part of its articles' documents.
        index_articles(instance.articles.published().values_list("pk", flat=True))


@receiver(zones_merged, dispatch_uid="search_zones_merged")
def _zones_merged(sender, keep, moved, **kwargs):
    # The merge moved the entries' zone column with everything else; the documents still
    # carry the merged zone's name.
    index_articles(moved.get(Article, []))


@receiver(post_save, sender=Issue, dispatch_uid="search_issue_saved")
def _issue_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # Entries carry their issue's year; publishing an issue saves only published_at.
    if update_fields is not None and "date" not in update_fields:
        return
    if not raw and not created:
        index_articles(instance.articles.published().values_list("pk", flat=True))


@receiver(post_save, sender=ZoneAlias, dispatch_uid="search_alias_saved")
def _alias_saved(sender, instance, **kwargs):
    segmentation.add_names([instance.name])


@receiver(post_save, sender=Contributor, dispatch_uid="search_contributor_saved")
def _contributor_saved(sender, instance, **kwargs):
    segmentation.add_names([instance.name])
