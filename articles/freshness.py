"""The archive version: one value in the shared cache that changes whenever a reader could see
the archive change, so that every server's cached reader pages (reader/page_cache.py keys them
by it) are replaced on their next request.

Changes that reach readers: publishing an issue or imported pieces (editorial/workflow.py calls
bump_archive_version, as QuerySet.update sends no signal), saving or deleting a piece that is
published before or after the save (a change, a withdrawal), a photo of a published piece, an
issue, a contributor's name, a zone or its aliases, a merge of zones, and the call for papers
with its themes, genres, rewards and contacts. A draft's save does not bump: nothing a reader
sees changed.

The bump waits for the commit: a reader who took the new version before the commit could
otherwise render the old content and keep it under the new version for as long as pages live.
The version is a fresh random token rather than a counter: with the file cache Django's incr()
is a read then a write, so two bumps at once could both write n + 1 and the second change would
never reach the pages cached meanwhile; and a version lost from the cache (culled, evicted)
starts again at a value no old page was stored under.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from articles.models import (
    Article,
    CallContact,
    CallForPapers,
    CallGenre,
    CallReward,
    CallTheme,
    Contributor,
    Issue,
    Photo,
    Status,
)
from zones.merging import zones_merged
from zones.models import Zone, ZoneAlias

VERSION_KEY = "archive-version"

logger = logging.getLogger(__name__)


def _new_version() -> str:
    return secrets.token_hex(8)


def archive_version() -> str:
    """The current version; the first reader after a loss of the cache starts a new one."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_archive_version() -> None:
    """Give the archive a new version once the current transaction commits."""
    transaction.on_commit(_store_new_version)


def _store_new_version() -> None:
    try:
        cache.set(VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        # The change itself is committed; a cache server that is down must not turn the
        # editor's request into an error. Pages are rendered uncached meanwhile
        # (reader/page_cache.py); a Redis that lost its data starts a new version anyway.
        logger.exception("缓存不可用，存档版本未能更新")


@receiver(pre_save, sender=Article, dispatch_uid="freshness_article_saved")
def _article_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    was_published = (
        not instance._state.adding
        and instance.status != Status.PUBLISHED
        and Article._base_manager.filter(pk=instance.pk, status=Status.PUBLISHED).exists()
    )
    if instance.status == Status.PUBLISHED or was_published:
        bump_archive_version()


@receiver(post_delete, sender=Article, dispatch_uid="freshness_article_deleted")
def _article_deleted(sender, instance, **kwargs):
    if instance.status == Status.PUBLISHED:
        bump_archive_version()


@receiver(post_save, sender=Photo, dispatch_uid="freshness_photo_saved")
@receiver(post_delete, sender=Photo, dispatch_uid="freshness_photo_deleted")
def _photo_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if Article._base_manager.filter(pk=instance.article_id, status=Status.PUBLISHED).exists():
        bump_archive_version()


@receiver(post_save, sender=Issue, dispatch_uid="freshness_issue_saved")
@receiver(post_save, sender=Contributor, dispatch_uid="freshness_contributor_saved")
def _named_record_changed(sender, instance, created, raw=False, **kwargs):
    # A new issue or contributor shows nowhere until a piece is published with it.
    if not raw and not created:
        bump_archive_version()


@receiver(post_save, sender=Zone, dispatch_uid="freshness_zone_saved")
@receiver(post_delete, sender=Zone, dispatch_uid="freshness_zone_deleted")
@receiver(post_save, sender=ZoneAlias, dispatch_uid="freshness_alias_saved")
@receiver(post_delete, sender=ZoneAlias, dispatch_uid="freshness_alias_deleted")
@receiver(zones_merged, dispatch_uid="freshness_zones_merged")
def _zones_changed(sender, raw=False, **kwargs):
    # The zone pages list every zone, with or without published pieces.
    if not raw:
        bump_archive_version()


@receiver(post_save, sender=CallForPapers, dispatch_uid="freshness_call_saved")
@receiver(post_delete, sender=CallForPapers, dispatch_uid="freshness_call_deleted")
@receiver(post_save, sender=CallTheme, dispatch_uid="freshness_theme_saved")
@receiver(post_delete, sender=CallTheme, dispatch_uid="freshness_theme_deleted")
@receiver(post_save, sender=CallGenre, dispatch_uid="freshness_call_genre_saved")
@receiver(post_delete, sender=CallGenre, dispatch_uid="freshness_call_genre_deleted")
@receiver(post_save, sender=CallReward, dispatch_uid="freshness_reward_saved")
@receiver(post_delete, sender=CallReward, dispatch_uid="freshness_reward_deleted")
@receiver(post_save, sender=CallContact, dispatch_uid="freshness_contact_saved")
@receiver(post_delete, sender=CallContact, dispatch_uid="freshness_contact_deleted")
def _call_changed(sender, raw=False, **kwargs):
    # The call shows on the home page and its own page, its themes in every listing's filters.
    if not raw:
        bump_archive_version()
