"""预览: an editor opens a piece at any stage in the public article layout, before readers can.

The page is the reader's own (template and context from articles.article_page) under an admin
URL, so it is behind the editors' login, and never on a public URL nor in the reader page
cache (reader/page_cache.py caches only views wrapped for anonymous readers).
"""

from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from articles.article_page import article_page_context
from articles.models import Article, Status
from editorial.admin.access import editors_only


@editors_only
def article_preview(request, object_id):
    article = get_object_or_404(Article.objects.for_article_page(), pk=object_id)
    context = {**article_page_context(article), "unpublished": article.status != Status.PUBLISHED}
    response = render(request, "admin/articles/article/preview.html", context)
    # Not for shared caches nor the browser's disk, and not for search engines.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
