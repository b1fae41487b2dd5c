from django.urls import path, register_converter

from . import portal
from .converters import IsoDateConverter
from .feeds import LatestArticlesFeed, ZoneArticlesFeed
from .page_cache import cached_for_readers
from .search import views as search_views
from .views import archive, directory, front, issues

app_name = "articles"

register_converter(IsoDateConverter, "isodate")

urlpatterns = [
    path("", front.home, name="home"),
    path("search/", search_views.search, name="search"),
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
    path("my/", portal.my_submissions, name="my_submissions"),
    path("my/<int:pk>/", portal.my_submission, name="my_submission"),
    path("my/<int:pk>/edit/", portal.revise, name="revise"),
    path("my/<int:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("submit/", portal.submit, name="submit"),
    path("my/mail/", portal.mail_settings, name="mail_settings"),
]
