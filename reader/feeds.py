"""RSS 2.0 feeds of the published archive: the latest pieces, and the latest of one zone."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from zones.models import Zone

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    title = "《开发区建设》周刊"
    description = "《开发区建设》周刊最新刊发的稿件：山西各开发区的建设与发展。"

    def link(self):
        return reverse("reader:home")

    def items(self):
        return (
            Article.objects.published()
            .with_listing_relations()
            .prefetch_related("corrections")
            .most_recent(FEED_LENGTH)
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        paragraphs = article.paragraphs
        opening = paragraphs[0] if paragraphs else article.subtitle
        # A correction reaches the feed's readers too, before the text it corrects.
        notices = [f"{correction}：{correction.notice}" for correction in article.corrections.all()]
        return "\n".join([*notices, opening])

    def item_updateddate(self, article):
        # RSS 2.0 has no per-item update date; Django reports the latest in lastBuildDate.
        return max(
            (correction.created_at for correction in article.corrections.all()), default=None
        )

    def item_pubdate(self, article):
        # A piece is published with its issue; the issue carries a date, not a time.
        if article.issue is None:
            return None
        midnight = datetime.datetime.combine(article.issue.date, datetime.time.min)
        return timezone.make_aware(midnight)

    def item_author_name(self, article):
        return "、".join(article.author_names()) or None


class ZoneArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Zone, pk=pk)

    def title(self, zone):
        return f"{zone.official_name} · 《开发区建设》周刊"

    def description(self, zone):
        return f"《开发区建设》周刊刊发的{zone.official_name}稿件。"

    def link(self, zone):
        return zone.get_absolute_url()

    def items(self, zone):
        # One zone's pieces: the (zone, status) index bounds the sort.
        return (
            Article.objects.published()
            .filter(zone=zone)
            .with_listing_relations()
            .prefetch_related("corrections")
            .in_print_order()[:FEED_LENGTH]
        )
