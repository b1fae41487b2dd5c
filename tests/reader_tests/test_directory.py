"""The zones by city, one zone's page, and a contributor's page."""

import pytest
from django.urls import reverse

from articles.models import Status
from tests.error_pages import is_not_found_page
from tests.factories import make_article, make_contributor, make_issue, make_zone
from zones.models import City, Level

pytestmark = pytest.mark.django_db


def test_zone_list_groups_zones_by_city_in_the_provinces_order_with_counts(client):
    yuncheng = make_zone(official_name="运城经济技术开发区", city=City.YUNCHENG)
    taiyuan = make_zone(official_name="太原武宿综合保税区", city=City.TAIYUAN)
    make_zone(official_name="待定开发区", city="")
    make_article(zone=yuncheng)
    make_article(zone=yuncheng)
    make_article(zone=yuncheng, status=Status.SUBMITTED)

    response = client.get(reverse("reader:zone_list"))

    assert response.status_code == 200
    cities = response.context["cities"]
    labels = [label for label, _, _ in cities]
    assert labels.index("太原市") < labels.index("运城市") < labels.index("其他")
    counts = {zone.pk: zone.published_count for _, _, zones in cities for zone in zones}
    assert counts[yuncheng.pk] == 2 and counts[taiyuan.pk] == 0
    html = response.content.decode()
    assert '运城经济技术开发区</a> <span class="count">2篇</span>' in html
    assert taiyuan.get_absolute_url() in html


def test_zone_page_shows_the_zone_its_pieces_and_its_writers(client):
    parent = make_zone(official_name="山西转型综合改革示范区")
    zone = make_zone(
        official_name="潇河新兴产业园区",
        short_name="潇河园区",
        level=Level.PROVINCIAL,
        city=City.JINZHONG,
        parent=parent,
    )
    writer = make_contributor(name="郑婷", zone=zone, phone="13800000000", email="z@example.cn")
    make_contributor(name="尚未发稿的通讯员", zone=zone)
    make_article(title="代王路施工稳步推进", zone=zone, authors=[writer], issue=make_issue())
    make_article(title="别区稿件", issue=make_issue())

    response = client.get(zone.get_absolute_url())

    html = response.content.decode()
    for text in (
        "潇河新兴产业园区",
        "潇河园区",
        "省级",
        "晋中市",
        "山西转型综合改革示范区",
        "代王路施工稳步推进",
    ):
        assert text in html
    assert "别区稿件" not in html
    assert reverse("reader:contributor_detail", args=[writer.pk]) in html
    assert "尚未发稿的通讯员" not in html
    assert "13800000000" not in html and "z@example.cn" not in html


def test_zone_page_paginates_its_pieces(client):
    zone = make_zone()
    issue = make_issue()
    for position in range(1, 23):
        make_article(zone=zone, issue=issue, page=1, position=position)

    first = client.get(zone.get_absolute_url())
    second = client.get(zone.get_absolute_url(), {"page": 2})

    assert len(first.context["page_obj"].object_list) == 20
    assert len(second.context["page_obj"].object_list) == 2


def test_unknown_zone_is_404(client):
    assert is_not_found_page(client.get(reverse("reader:zone_detail", args=[987654])))
    assert is_not_found_page(client.get(reverse("reader:zone_feed", args=[987654])))


def test_contributor_page_lists_published_pieces_with_name_and_zone_only(client):
    zone = make_zone(official_name="祁县经济开发区")
    author = make_contributor(name="陈强", zone=zone, phone="13700000000", email="c@example.cn")
    co_author = make_contributor(name="李功")
    make_article(title="紧盯“四式”指挥棒", authors=[author], issue=make_issue())
    make_article(title="合写的稿件", authors=[co_author, author], issue=make_issue())
    make_article(title="未刊的稿件", authors=[author], status=Status.IN_REVIEW)
    make_article(title="别人的稿件", authors=[co_author], issue=make_issue())

    response = client.get(reverse("reader:contributor_detail", args=[author.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>陈强</h1>" in html and "祁县经济开发区" in html
    assert "紧盯“四式”指挥棒" in html and "合写的稿件" in html
    assert "未刊的稿件" not in html and "别人的稿件" not in html
    assert "13700000000" not in html and "c@example.cn" not in html


def test_unknown_contributor_is_404(client):
    assert is_not_found_page(client.get(reverse("reader:contributor_detail", args=[987654])))
