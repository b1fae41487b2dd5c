"""The sitemap sections; /sitemap.xml is their index, each section paged by `limit`."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, CallForPapers, Contributor, Issue
from zones.models import Zone


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        # Ordered by key so the pages are stable; only what location and lastmod read.
        return Article.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # The default reads every article to find the newest; the index does without it.
        return None


class IssueSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Issue.objects.published().only("pk", "date").order_by("-date")


class ZoneSitemap(Sitemap):
    def items(self):
        return Zone.objects.only("pk").order_by("pk")


class ContributorSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Contributor.objects.with_published_work().only("pk").order_by("pk")


class StaticPageSitemap(Sitemap):
    def items(self):
        names = [
            "reader:home",
            "reader:issue_list",
            "reader:article_list",
            "reader:zone_list",
            "reader:browse",
        ]
        if CallForPapers.objects.exists():
            names.append("reader:call_for_papers")
        return names

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "articles": ArticleSitemap,
    "issues": IssueSitemap,
    "zones": ZoneSitemap,
    "contributors": ContributorSitemap,
    "pages": StaticPageSitemap,
}
