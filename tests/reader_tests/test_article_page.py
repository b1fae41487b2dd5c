"""One article as a reader sees it."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Photo, Status
from tests.error_pages import is_not_found_page
from tests.factories import make_article, make_contributor, make_issue, make_zone

pytestmark = pytest.mark.django_db


def test_article_page_shows_the_piece_as_printed(client):
    zone = make_zone(official_name="潇河新兴产业园区")
    first, second = make_contributor(name="常珍珍"), make_contributor(name="张帆")
    issue = make_issue(date=datetime.date(2025, 4, 29), number=12)
    article = make_article(
        kicker="潇河新兴产业园区代王路项目",
        title="施工稳步推进 确保按时建成投运",
        subtitle="——代王路建设纪实",
        dateline="科学导报讯",
        body="4月14日，项目建设现场一片繁忙。\n\n代王路项目全长约1千米。",
        genre="消息",
        zone=zone,
        issue=issue,
        page=3,
        position=2,
        authors=[first, second],
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("潇河新兴产业园区代王路项目", "施工稳步推进 确保按时建成投运", "——代王路建设纪实"):
        assert text in html
    assert '<span class="dateline">科学导报讯</span>　4月14日，项目建设现场一片繁忙。' in html
    assert "<p>代王路项目全长约1千米。</p>" in html
    assert "2025年4月29日" in html and "第12期" in html and "第3版" in html
    assert zone.get_absolute_url() in html
    assert reverse("reader:issue_detail", args=[issue.date]) in html
    assert html.index("常珍珍") < html.index("张帆")
    assert reverse("reader:contributor_detail", args=[first.pk]) in html
    assert reverse("reader:contributor_detail", args=[second.pk]) in html


def test_photos_use_their_caption_as_alt_text_and_show_the_credit(client):
    article = make_article(issue=make_issue(), page=1, position=1)
    Photo.objects.create(
        article=article,
        caption="代王路项目建设现场。",
        credit="山西转型综改区供图",
        image="photos/2025/04/daiwang.jpg",
        position=1,
    )
    Photo.objects.create(article=article, caption="位于临港物流园的朔州机场", position=2)

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'alt="代王路项目建设现场。"' in html
    assert "/media/photos/2025/04/daiwang.jpg" in html
    assert "（山西转型综改区供图）" in html
    assert "版面配图说明" in html and "位于临港物流园的朔州机场" in html
    assert html.count("<img") == 1


def test_related_pieces_are_the_zones_newest_others(client):
    zone = make_zone()
    article = make_article(zone=zone, issue=make_issue(date=datetime.date(2024, 1, 2)))
    others = [
        make_article(
            title=f"同区稿件{n}", zone=zone, issue=make_issue(date=datetime.date(2024, 2, n))
        )
        for n in range(1, 8)
    ]
    make_article(title="同区未刊稿件", zone=zone, status=Status.ACCEPTED)
    make_article(title="别区稿件", issue=article.issue)

    response = client.get(article.get_absolute_url())

    related = list(response.context["related"])
    assert related == others[::-1][:5]
    html = response.content.decode()
    assert "同区未刊稿件" not in html and "别区稿件" not in html


def test_an_unknown_article_is_404(client):
    assert is_not_found_page(client.get(reverse("reader:article_detail", args=[987654])))
