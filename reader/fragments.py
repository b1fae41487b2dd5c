"""Parts of reader pages kept in the shared cache under the archive version.

The page cache (reader/page_cache.py) answers anonymous readers whole pages. These parts serve
the requests it cannot: anyone logged in, and any reader of a page whose content another
request has already rendered. A page's content (everything but the header, which names the
user), a listing's count and the archive's years are each computed once, not per request.
Kept at that size on purpose: a part per piece in a list would multiply the entries tenfold,
and the file cache lists its whole folder on every write once that is full.

Each part is stored under the archive version (articles/freshness.py), which every change a
reader could see replaces, so the next request computes it anew; KFQ_FRAGMENT_CACHE_SECONDS only
bounds how long an unchanged part is kept. As with pages, a cache that cannot be reached (Redis
down) only costs the work it would have saved, and the failure is logged.
"""

import hashlib
import logging
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from articles.freshness import archive_version

logger = logging.getLogger(__name__)


def cached(name: str, vary: Hashable, compute: Callable[[], Any]) -> Any:
    """compute()'s value, kept under the archive version, `name` and `vary` (plain values)."""
    seconds = settings.KFQ_FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    try:
        page = f"{archive_version()} {name} {vary!r}"
        key = "reader-fragment:" + hashlib.sha256(page.encode()).hexdigest()
        value = cache.get(key)
    except Exception:
        # Any backend's failure (redis-py's ConnectionError, the file cache's OSError).
        logger.exception("读者页面片段缓存不可用，本次直接生成")
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, seconds)
        except Exception:
            logger.exception("读者页面片段缓存不可用，片段未存入缓存")
    return value
