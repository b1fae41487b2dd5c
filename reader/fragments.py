"""Parts of reader pages kept in the shared cache under the archive version.

The page cache (reader/page_cache.py) answers one URL for anonymous readers. These parts serve
the requests it cannot: the first reader after a change, other pages and filters that show the
same pieces, and everyone logged in. A piece's entry in a list is rendered once and reused by
the home page, its issue, its zone and every listing and filter it appears on; a listing's
count and the archive's years are computed once, not per request.

Each part is stored under the archive version (articles/freshness.py), which every change a
reader could see replaces, so the next request computes it anew; KFQ_FRAGMENT_CACHE_SECONDS only
bounds how long an unchanged part is kept. As with pages, a cache that cannot be reached (Redis
down) only costs the work it would have saved, and the failure is logged.
"""

import hashlib
import logging
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from articles.freshness import archive_version

logger = logging.getLogger(__name__)


def _key(version: str, name: str, vary: Hashable) -> str:
    return "reader-fragment:" + hashlib.sha256(f"{version} {name} {vary!r}".encode()).hexdigest()


def cached(name: str, vary: Hashable, compute: Callable[[], Any]) -> Any:
    """compute()'s value, kept under the archive version, `name` and `vary` (a repr-able key)."""
    return cached_each(name, [vary], lambda _vary: compute())[0]


def cached_each(name: str, items: Iterable, render: Callable, vary: Callable | None = None) -> list:
    """[render(item) for item in items], each kept under the archive version, `name` and
    vary(item) (the item itself by default), all read from the cache at once."""
    items = list(items)
    seconds = settings.KFQ_FRAGMENT_CACHE_SECONDS
    if seconds <= 0 or not items:
        return [render(item) for item in items]
    vary = vary or (lambda item: item)
    try:
        version = archive_version()
        keys = [_key(version, name, vary(item)) for item in items]
        found = cache.get_many(keys)
    except Exception:
        # Any backend's failure (redis-py's ConnectionError, the file cache's OSError).
        logger.exception("读者页面片段缓存不可用，本次直接生成")
        return [render(item) for item in items]
    rendered = {
        key: render(item) for key, item in zip(keys, items, strict=True) if key not in found
    }
    if rendered:
        try:
            cache.set_many(rendered, seconds)
        except Exception:
            logger.exception("读者页面片段缓存不可用，片段未存入缓存")
    return [found[key] if key in found else rendered[key] for key in keys]
