"""Reader pages kept whole in the cache for anonymous readers.

The archive changes when an issue is published and, now and then, when an editor corrects a
piece; readers ask for the same pages all day. A request that carries no session and no
pending message (nobody logged in, nothing personal on the page) is answered from the cache
that every process and server shares (kfq_site/settings.py). The key carries the archive
version (articles/freshness.py), which every change a reader could see replaces: the next
request on any server renders the page anew, and KFQ_PAGE_CACHE_SECONDS (a day by default)
only bounds how long an unchanged page is kept. Anyone logged in, such as an editor checking
an issue they have just published, always gets the page freshly rendered.

The cache only saves work: when its server cannot be reached (Redis down), pages are rendered
for every request, as if nothing were cached, and the failure is logged.
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from articles.freshness import archive_version

# django.contrib.messages keeps pending messages in this cookie (or in the session).
MESSAGES_COOKIE = "messages"

logger = logging.getLogger(__name__)


def _is_anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
    )


def _key(request) -> str:
    # The host is part of the page (feeds and sitemaps print absolute URLs), and so is the
    # language Django renders in.
    page = f"{archive_version()} {translation.get_language()} {request.build_absolute_uri()}"
    return "reader-page:" + hashlib.sha256(page.encode()).hexdigest()


def cached_for_readers(view):
    """Serve `view`'s successful responses to anonymous readers from the cache."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        seconds = settings.KFQ_PAGE_CACHE_SECONDS
        if seconds <= 0 or not _is_anonymous_read(request):
            return view(request, *args, **kwargs)
        try:
            key = _key(request)
            response = cache.get(key)
        except Exception:
            # Any backend's failure (redis-py's ConnectionError, the file cache's OSError):
            # the page is rendered as if nothing were cached.
            logger.exception("读者页面缓存不可用，本次直接生成页面")
            return view(request, *args, **kwargs)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            if getattr(response, "is_rendered", True):
                _store(key, response, seconds)
            else:  # a TemplateResponse (the sitemaps) is stored once rendered
                response.add_post_render_callback(lambda rendered: _store(key, rendered, seconds))
        return response

    return cached_view


def _store(key: str, response, seconds: int) -> None:
    try:
        cache.set(key, response, seconds)
    except Exception:
        logger.exception("读者页面缓存不可用，页面未存入缓存")
