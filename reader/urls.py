from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from reader.converters import IsoDateConverter
from reader.feeds import LatestArticlesFeed, ZoneArticlesFeed
from reader.page_cache import cached_for_readers
from reader.sitemaps import SITEMAPS
from reader.views import archive, directory, front, issues, search

app_name = "reader"

register_converter(IsoDateConverter, "isodate")

urlpatterns = [
    path("", front.home, name="home"),
    path("search/", search.search, name="search"),
    path("browse/", front.browse, name="browse"),
    path("issues/", issues.issue_list, name="issue_list"),
    path("issues/<int:year>/", issues.issue_year, name="issue_year"),
    path("issues/<isodate:date>/", issues.issue_detail, name="issue_detail"),
    path("articles/", archive.article_list, name="article_list"),
    path("articles/<int:pk>/", archive.article_detail, name="article_detail"),
    path("zones/", directory.zone_list, name="zone_list"),
    path("zones/<int:pk>/", directory.zone_detail, name="zone_detail"),
    path("zones/<int:pk>/feed/", cached_for_readers(ZoneArticlesFeed()), name="zone_feed"),
    path("contributors/<int:pk>/", directory.contributor_detail, name="contributor_detail"),
    path("feed/", cached_for_readers(LatestArticlesFeed()), name="feed"),
    path("call-for-papers/", front.call_for_papers, name="call_for_papers"),
    path("robots.txt", front.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        cached_for_readers(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "reader:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_for_readers(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]
