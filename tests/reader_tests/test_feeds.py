"""RSS 2.0: the latest published pieces, and the latest of one zone."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from articles.models import Status
from reader.feeds import FEED_LENGTH
from tests.factories import make_article, make_contributor, make_issue, make_zone

pytestmark = pytest.mark.django_db

DC = "{http://purl.org/dc/elements/1.1/}"


def items_of(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title")
    return channel.findall("item")


def test_feed_items_have_title_link_first_paragraph_date_and_authors(client):
    issue = make_issue(date=datetime.date(2025, 4, 29))
    article = make_article(
        title="朔州经开区实现一季度财政开门红",
        body="一季度财政收入同比增长。\n\n第二段。",
        issue=issue,
        page=1,
        position=1,
        authors=[make_contributor(name="麻洁琼"), make_contributor(name="张帆")],
    )

    (item,) = items_of(client.get(reverse("reader:feed")))

    assert item.findtext("title") == "朔州经开区实现一季度财政开门红"
    assert item.findtext("link") == f"http://testserver/articles/{article.pk}/"
    assert item.findtext("description") == "一季度财政收入同比增长。"
    assert item.findtext("pubDate") == "Tue, 29 Apr 2025 00:00:00 +0800"
    assert item.findtext(f"{DC}creator") == "麻洁琼、张帆"


def test_feed_has_the_latest_thirty_published_pieces_newest_first(client):
    start = datetime.date(2024, 1, 2)
    for week in range(12):
        issue = make_issue(date=start + datetime.timedelta(weeks=week))
        for position in range(1, 4):
            make_article(title=f"第{week}周第{position}篇", issue=issue, page=1, position=position)
    make_article(
        title="未刊稿件",
        status=Status.SCHEDULED,
        issue=make_issue(date=datetime.date(2025, 1, 7)),
        page=1,
        position=1,
    )

    items = items_of(client.get(reverse("reader:feed")))

    titles = [item.findtext("title") for item in items]
    assert len(titles) == FEED_LENGTH == 30
    assert titles[:4] == ["第11周第1篇", "第11周第2篇", "第11周第3篇", "第10周第1篇"]
    assert "未刊稿件" not in titles


def test_zone_feed_has_only_that_zones_pieces(client):
    zone, other = make_zone(official_name="运城经济技术开发区"), make_zone()
    make_article(title="本区稿件", zone=zone, issue=make_issue())
    make_article(title="别区稿件", zone=other, issue=make_issue())
    make_article(title="本区未刊", zone=zone, status=Status.REVISION)

    response = client.get(reverse("reader:zone_feed", args=[zone.pk]))

    assert [item.findtext("title") for item in items_of(response)] == ["本区稿件"]
    channel = ET.fromstring(response.content).find("channel")
    assert "运城经济技术开发区" in channel.findtext("title")
    assert channel.findtext("link").endswith(zone.get_absolute_url())
