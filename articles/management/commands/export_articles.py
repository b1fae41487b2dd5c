"""Write the archive as JSON Lines: one article a line, with stable keys."""

import json

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from articles.models import Article, Photo


def article_record(article: Article) -> dict:
    """The export's shape; keep these keys stable, other tools read them."""
    return {
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "zone": article.zone.official_name if article.zone else None,
        "authors": article.author_names(),
        "issue_date": article.issue.date.isoformat() if article.issue else None,
        "issue_title": article.issue.title if article.issue else None,
        "page": article.page,
        "genre": article.genre,
        "theme": article.theme.name if article.theme else None,
        "status": article.status,
        "source": article.source_file or None,
        "body": article.body,
        "captions": [
            {"caption": photo.caption, "credit": photo.credit} for photo in article.photos.all()
        ],
    }


class Command(BaseCommand):
    help = "把稿件导出为 JSON Lines（每行一篇），写到标准输出。"

    def add_arguments(self, parser):
        parser.add_argument("--published-only", action="store_true", help="只导出已刊发的稿件。")

    def handle(self, *args, published_only, **options):
        articles = Article.objects.all()
        if published_only:
            articles = articles.published()
        articles = (
            articles.with_listing_relations()
            .select_related("theme")
            .prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("position")))
            .order_by("issue__date", "page", "position", "pk")
        )
        for article in articles.iterator(chunk_size=500):
            self.stdout.write(json.dumps(article_record(article), ensure_ascii=False))
