"""A result's counts: how many pieces match, how many of them in the title, and the facets;
and the best title matches, the top of the first page.

Counting is one part of a search whose cost grows with the number of matches (a broad query
matches most of the archive); scoring the title matches to find the best is the other (a word
like 项目建设 is in the titles of a tenth of the archive). So the counts and the best title
matches of a query without listing filters are cached under the index's version
(models.IndexVersion): a repeated broad query costs one cache read, and any change to the index
gives every query new counts and a new order. The counts are always exact.
Filtered searches are counted afresh: their filters read columns outside the index (a zone's
city, a piece's theme) whose changes the index version does not follow.
"""

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache

from articles.models import Genre
from search.models import IndexVersion
from zones.models import Zone

CACHE_SECONDS = 24 * 60 * 60
# The title matches kept in rank order: a first page of results as the reader's search shows it.
BEST_TITLES = 20
ZONE_FACET_SIZE = 12


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Summary:
    total: int
    title_total: int
    # Labelled and ordered as the page shows them: a renamed zone reindexes its pieces, so
    # its new name comes with the index's new version.
    facets: dict[str, list[FacetValue]]
    # The first BEST_TITLES title matches, best first (all of them when there are fewer).
    best_titles: tuple[int, ...] = ()


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


def count_afresh(backend, rendered: str) -> Summary:
    """The counts of a query without filters, never from the cache (search/checks.py)."""
    return _count(backend, rendered, None)


def index_changed() -> None:
    """Give the index a new version: one write, in the caller's transaction."""
    IndexVersion.objects.bulk_create(
        [IndexVersion(pk=IndexVersion.ROW, stamp=uuid.uuid4())],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["stamp"],
    )


def _count(backend, rendered, within) -> Summary:
    rows = backend.facet_counts(rendered, within)
    total = sum(row[3] for row in rows)
    title_total = backend.title_count(rendered, within) if total else 0
    best = backend.title_ids(rendered, within, BEST_TITLES, 0) if title_total else []
    return Summary(total, title_total, _facets(rows), tuple(best))


def _facets(counts) -> dict[str, list[FacetValue]]:
    zone_counts, year_counts, genre_counts = Counter(), Counter(), Counter()
    for zone_id, year, genre, hits in counts:
        if zone_id is not None:
            zone_counts[zone_id] += hits
        if year is not None:
            year_counts[year] += hits
        genre_counts[genre] += hits
    top_zones = sorted(zone_counts.items(), key=lambda item: (-item[1], item[0]))
    top_zones = top_zones[:ZONE_FACET_SIZE]
    names = dict(
        Zone.objects.filter(pk__in=[pk for pk, _ in top_zones]).values_list("pk", "official_name")
    )
    genre_labels = dict(Genre.choices)
    return {
        "zone": [FacetValue(str(pk), names.get(pk, ""), count) for pk, count in top_zones],
        "year": [
            FacetValue(str(year), f"{year}年", count)
            for year, count in sorted(year_counts.items(), reverse=True)
        ],
        "genre": [
            FacetValue(genre, genre_labels.get(genre, genre), count)
            for genre, count in sorted(genre_counts.items(), key=lambda item: (-item[1], item[0]))
        ],
    }
