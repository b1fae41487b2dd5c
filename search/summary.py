"""A result's counts: how many pieces match, how many of them in the title, and the facets.

Counting is the one part of a search whose cost grows with the number of matches (a broad
query matches most of the archive), so the counts of a query without listing filters are
cached under the index's version (models.IndexVersion): a repeated broad query costs one cache
read, and any change to the index gives every query new counts. The counts are always exact.
Filtered searches are counted afresh: their filters read columns outside the index (a zone's
city, a piece's theme) whose changes the index version does not follow.
"""

import hashlib
import uuid
from dataclasses import dataclass

from django.core.cache import cache

from search.models import IndexVersion

CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Summary:
    total: int
    title_total: int
    facet_rows: tuple[tuple, ...]


def summary_of(backend, rendered: str, within) -> Summary:
    if within:
        return _count(backend, rendered, within)
    version = (
        IndexVersion.objects.filter(pk=IndexVersion.ROW).values_list("stamp", flat=True).first()
    )
    if version is None:
        # An index that was never written through index_articles (a flushed database) has no
        # version that would tell its counts from another's.
        return _count(backend, rendered, None)
    key = f"search-summary:{version}:{hashlib.sha256(rendered.encode()).hexdigest()}"
    summary = cache.get(key)
    if summary is None:
        summary = _count(backend, rendered, None)
        cache.set(key, summary, CACHE_SECONDS)
    return summary


def index_changed() -> None:
    """Give the index a new version: one write, in the caller's transaction."""
    IndexVersion.objects.bulk_create(
        [IndexVersion(pk=IndexVersion.ROW, stamp=uuid.uuid4())],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["stamp"],
    )


def _count(backend, rendered, within) -> Summary:
    rows = tuple(backend.facet_counts(rendered, within))
    total = sum(row[3] for row in rows)
    return Summary(total, backend.title_count(rendered, within) if total else 0, rows)
