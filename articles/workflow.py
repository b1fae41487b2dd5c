"""The only module that writes Article.status.

Pieces imported from the printed archive are published as they stand on the page.
"""

from .models import Article, Status


def publish_imported(article_ids) -> int:
    """Mark imported pieces as published; returns how many changed."""
    return (
        Article.objects.filter(pk__in=article_ids)
        .exclude(status=Status.PUBLISHED)
        .update(status=Status.PUBLISHED)
    )
