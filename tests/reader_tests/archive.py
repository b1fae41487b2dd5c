"""A small published archive for the reader-page tests, and the URL of every public page."""

import datetime
from dataclasses import dataclass

from django.urls import reverse

from articles.models import Article, CallForPapers, Contributor, Issue, Status
from tests.factories import (
    make_article,
    make_contributor,
    make_issue,
    make_theme,
    make_zone,
)
from zones.models import City, Zone

PUBLISHED_TITLE = "朔州经开区实现一季度财政开门红"
HIDDEN_TITLE = "尚未刊发的稿件标题"
HIDDEN_AUTHOR = "未刊作者"


@dataclass
class Archive:
    zone: Zone
    issue: Issue
    older_issue: Issue
    article: Article
    author: Contributor
    hidden: Article
    hidden_author: Contributor


def small_archive() -> Archive:
    """Two published issues in one zone, plus a piece scheduled for a third, unpublished issue.

    The unpublished piece shares the zone, an author and the newest issue date's neighbourhood
    with the published ones, so every page that lists pieces has a chance to leak it.
    """
    zone = make_zone(official_name="朔州经济开发区", short_name="朔州经开区", city=City.SHUOZHOU)
    author = make_contributor(name="麻洁琼", zone=zone, phone="13900000000", email="ma@example.cn")
    theme = make_theme(name="营商环境")
    older_issue = make_issue(
        date=datetime.date(2024, 3, 5), title="两会特刊·开发区篇", is_special=True
    )
    issue = make_issue(date=datetime.date(2025, 4, 29), number=12)
    make_article(
        title="上半年财政总收入同比增长",
        issue=older_issue,
        page=1,
        position=1,
        zone=zone,
        genre="通讯",
        authors=[author],
    )
    article = make_article(
        kicker="抓招商 推项目 强企业",
        title=PUBLISHED_TITLE,
        subtitle="——一季度经济运行综述",
        dateline="科学导报讯",
        body="一季度财政收入同比增长。\n\n第二段写招商。",
        issue=issue,
        page=1,
        position=1,
        zone=zone,
        theme=theme,
        authors=[author],
        photos=1,
    )
    hidden_author = make_contributor(name=HIDDEN_AUTHOR, zone=zone)
    hidden = make_article(
        title=HIDDEN_TITLE,
        status=Status.SCHEDULED,
        issue=make_issue(date=datetime.date(2025, 5, 6)),
        page=1,
        position=1,
        zone=zone,
        theme=theme,
        authors=[hidden_author, author],
    )
    CallForPapers.objects.get_or_create(date=datetime.date(2023, 3, 28))
    return Archive(zone, issue, older_issue, article, author, hidden, hidden_author)


def public_urls(archive: Archive) -> dict[str, str]:
    """Every public page of the archive, by URL name (the article page is the published one)."""
    return {
        "home": reverse("reader:home"),
        "issue_list": reverse("reader:issue_list"),
        "issue_year": reverse("reader:issue_year", args=[2025]),
        "issue_detail": reverse("reader:issue_detail", args=[archive.issue.date]),
        "article_list": reverse("reader:article_list"),
        "article_detail": reverse("reader:article_detail", args=[archive.article.pk]),
        "zone_list": reverse("reader:zone_list"),
        "zone_detail": reverse("reader:zone_detail", args=[archive.zone.pk]),
        "contributor_detail": reverse("reader:contributor_detail", args=[archive.author.pk]),
        "browse": reverse("reader:browse"),
        "call_for_papers": reverse("reader:call_for_papers"),
        "feed": reverse("reader:feed"),
        "zone_feed": reverse("reader:zone_feed", args=[archive.zone.pk]),
    }


HTML_PAGES = [
    "home",
    "issue_list",
    "issue_year",
    "issue_detail",
    "article_list",
    "article_detail",
    "zone_list",
    "zone_detail",
    "contributor_detail",
    "browse",
]

# Every public page and feed of the archive.
PUBLIC_PAGES = [*HTML_PAGES, "feed", "zone_feed"]

# What each public page shows of small_archive(): the published piece where it lists pieces.
SAYS = {
    "home": PUBLISHED_TITLE,
    "issue_list": "2025年4月29日",
    "issue_year": "<h1>2025年各期</h1>",
    "issue_detail": PUBLISHED_TITLE,
    "article_list": PUBLISHED_TITLE,
    "article_detail": PUBLISHED_TITLE,
    "zone_list": "朔州经济开发区",
    "zone_detail": PUBLISHED_TITLE,
    "contributor_detail": PUBLISHED_TITLE,
    "browse": "<h1>分类浏览</h1>",
    "feed": PUBLISHED_TITLE,
    "zone_feed": PUBLISHED_TITLE,
}


def html_of(client, url) -> str:
    """A public page's HTML, which must have been served."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
