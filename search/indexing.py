"""What goes into the search index, and keeping it current, with the near-copy fingerprints.

Only published articles are indexed, so search can never show an unpublished piece. An article
is (re)indexed when it or one of its photos is saved, when the workflow publishes it
(publish_issue and publish_imported write status with QuerySet.update and call index_articles),
when its zone or issue changes and when its zone is merged into another; `rebuild_search_index`
rebuilds everything.

A zone, alias or contributor that gains, changes or loses a name writes a new names version
(segmentation.names_changed), so every process's segmenter uses the names on its next search,
and the published articles that print the name are reindexed in the same transaction: their
documents were segmented with or without the name as one term.

Every save of an article, and every indexing of a published one, also keeps its near-copy
fingerprint current (near_copies.py): pieces reach the editors by a save and are published by
QuerySet.update, and those are the moments the index hears of.
"""

from collections.abc import Callable, Iterable
from itertools import islice

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from articles.models import Article, Contributor, Issue, Photo, SearchEntry
from articles.models.choices import Status
from search import near_copies, segmentation
from search.backends import current_backend
from search.summary import index_changed
from zones.loading import aliases_derived, loading_registry
from zones.merging import zones_merged
from zones.models import Zone, ZoneAlias

BATCH_SIZE = 1000

# The article's own text fields that document_of() indexes (captions are on its photos).
PRINTED_FIELDS = ("kicker", "title", "subtitle", "zone_label", "body", "byline")
NAMES_PER_SCAN = 50

Progress = Callable[[int, int], None]


def indexed_text(article: Article) -> tuple[str, str]:
    """The article's title text and body text, as the index segments them.

    The body also carries the zone's name, the printed zone label, the byline, the photo
    captions and the issue's special-issue name (两会特刊 finds the pieces of that issue), so
    that they are searchable.
    """
    title = "\n".join(part for part in (article.kicker, article.title, article.subtitle) if part)
    body_parts = [article.zone_label, article.zone.official_name if article.zone else ""]
    body_parts.append(article.issue.title if article.issue else "")
    body_parts += article.paragraphs
    body_parts += [photo.caption for photo in article.photos.all()]
    body_parts.append(article.byline)
    return title, "\n".join(part for part in body_parts if part)


def indexed_articles(article_ids):
    """The published articles among article_ids, with what indexed_text() reads."""
    return (
        Article.objects.filter(pk__in=article_ids, status=Status.PUBLISHED)
        .select_related("zone", "issue")
        .prefetch_related("photos")
    )


def document_of(article: Article) -> SearchEntry:
    """The article's index row."""
    title, body = indexed_text(article)
    issue_date = article.issue.date if article.issue else None
    return SearchEntry(
        article_id=article.pk,
        title_terms=segmentation.index_terms(title),
        body_terms=segmentation.index_terms(body),
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
    if not ids:
        # Callers with nothing to reindex may still have changed the entries' columns (a
        # deleted zone leaves them without one): counts cached for queries no longer hold.
        index_changed()
    indexed = 0
    for done, batch in _batches(ids):
        with transaction.atomic():
            articles = list(indexed_articles(batch))
            SearchEntry.objects.filter(pk__in=batch).delete()
            SearchEntry.objects.bulk_create(document_of(article) for article in articles)
            index_changed()
            # Pieces published by QuerySet.update (imported pages) were drafts until now.
            near_copies.remember_unfingerprinted(articles)
        indexed += len(articles)
        if progress:
            progress(done, len(ids))
    return indexed


def rebuild_index(*, progress: Progress | None = None) -> int:
    """Empty the index and index every published article again."""
    with transaction.atomic():
        current_backend().clear()
        index_changed()
    # Starting over: names written around the receivers (QuerySet.update, bulk_create, raw
    # SQL) are read again too.
    segmentation.forget_dictionary_version()
    ids = Article.objects.published().order_by("pk").values_list("pk", flat=True)
    return index_articles(ids, progress=progress)


def _batches(ids: list[int]):
    iterator = iter(ids)
    done = 0
    while batch := list(islice(iterator, BATCH_SIZE)):
        done += len(batch)
        yield done, batch


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def _article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Published is the workflow's last state, so an article saved in any other state has never
    # been in the index. raw saves come from loading fixtures or serialized test data, which
    # bring their SearchEntry and fingerprint rows with them.
    if raw:
        return
    near_copies.piece_saved(instance, update_fields=update_fields)
    if instance.status == Status.PUBLISHED:
        index_articles([instance.pk])


@receiver(post_delete, sender=Article, dispatch_uid="search_article_deleted")
def _article_deleted(sender, instance, **kwargs):
    # The deletion took the entry with it (a cascade, not index_articles).
    if instance.status == Status.PUBLISHED:
        index_changed()


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


@receiver(zones_merged, dispatch_uid="search_zones_merged")
def _zones_merged(sender, keep, moved, **kwargs):
    # The merge moved the entries' zone column with everything else; the documents still
    # carry the merged zone's name.
    index_articles(moved.get(Article, []))


@receiver(post_save, sender=Issue, dispatch_uid="search_issue_saved")
def _issue_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    # Entries carry their issue's year and special-issue name; publishing an issue saves only
    # published_at.
    if update_fields is not None and not {"date", "title"} & set(update_fields):
        return
    if not raw and not created:
        index_articles(instance.articles.published().values_list("pk", flat=True))


# The fields that are names in the search dictionary.
NAME_FIELDS = {Zone: ("official_name", "short_name"), ZoneAlias: ("name",), Contributor: ("name",)}


def _touches_names(sender, update_fields) -> bool:
    return update_fields is None or bool(set(NAME_FIELDS[sender]) & set(update_fields))


def _names_of(instance) -> set[str]:
    return {getattr(instance, field).strip() for field in NAME_FIELDS[type(instance)]} - {""}


@receiver(pre_save, sender=Zone, dispatch_uid="search_zone_names_before")
@receiver(pre_save, sender=ZoneAlias, dispatch_uid="search_alias_names_before")
@receiver(pre_save, sender=Contributor, dispatch_uid="search_contributor_names_before")
def _remember_names(sender, instance, raw=False, update_fields=None, **kwargs):
    # What the row was called before this save, to tell a rename from any other edit.
    saved = None
    if instance.pk is not None and not raw and _touches_names(sender, update_fields):
        saved = sender.objects.filter(pk=instance.pk).first()
    instance._names_before_save = _names_of(saved) if saved else set()


@receiver(post_save, sender=Zone, dispatch_uid="search_zone_saved")
@receiver(post_save, sender=ZoneAlias, dispatch_uid="search_alias_saved")
@receiver(post_save, sender=Contributor, dispatch_uid="search_contributor_saved")
def _names_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if not _touches_names(sender, update_fields):
        return
    if created and loading_registry.get():
        # load_registry() sends aliases_derived with every name it added, once at the end.
        return
    before = getattr(instance, "_names_before_save", set())
    changed = before ^ _names_of(instance)
    if not changed:
        return
    segmentation.names_changed()
    if raw:
        return
    ids = _printing(changed)
    if sender is Zone and not created and instance.official_name not in before:
        # The zone's official name is part of its articles' documents.
        ids += instance.articles.published().values_list("pk", flat=True)
    index_articles(ids)


@receiver(post_delete, sender=Zone, dispatch_uid="search_zone_deleted")
@receiver(post_delete, sender=ZoneAlias, dispatch_uid="search_alias_deleted")
@receiver(post_delete, sender=Contributor, dispatch_uid="search_contributor_deleted")
def _names_deleted(sender, instance, **kwargs):
    segmentation.names_changed()
    index_articles(_printing(_names_of(instance)))


@receiver(aliases_derived, dispatch_uid="search_aliases_derived")
def _aliases_derived(sender, names, **kwargs):
    segmentation.names_changed()
    index_articles(_printing(set(names)))


def _printing(names: set[str]) -> list[int]:
    """Published articles whose printed text holds one of the names: their documents were
    segmented with or without that name as one term, and must now be segmented the other way.

    Every article is read (a name can stand anywhere in the text), in one scan per
    NAMES_PER_SCAN names: SQLite refuses a longer chain of ORs.
    """
    ids = []
    names = sorted(names)
    for start in range(0, len(names), NAMES_PER_SCAN):
        chunk = names[start : start + NAMES_PER_SCAN]
        # One subquery for the captions of the whole chunk: one per name made compiling the
        # query cost more than running it.
        captioned = Q.create([("caption__contains", name) for name in chunk], connector=Q.OR)
        printed = Exists(Photo.objects.filter(captioned, article=OuterRef("pk")))
        for name in chunk:
            for field in PRINTED_FIELDS:
                printed |= Q(**{f"{field}__contains": name})
        ids += Article.objects.published().filter(printed).values_list("pk", flat=True)
    return ids
