"""The filtered listing: zone, city, theme, genre, year and issue, combined, paginated."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Genre
from reader.filters import ListingFilter
from tests.factories import make_article, make_issue, make_theme, make_zone
from zones.models import City

pytestmark = pytest.mark.django_db

URL = reverse("reader:article_list")


def titles(response) -> set[str]:
    return {article.title for article in response.context["page_obj"].object_list}


def test_listing_shows_the_filter_form_with_labels(client):
    make_article(issue=make_issue())

    html = client.get(URL).content.decode()

    for label, field in (
        ("开发区", "zone"),
        ("城市", "city"),
        ("主题", "theme"),
        ("体裁", "genre"),
        ("年份", "year"),
    ):
        assert f'<label for="id_{field}">{label}</label>' in html


def test_zone_genre_and_year_combine(client):
    zone, other_zone = make_zone(), make_zone()
    y2024, y2023 = (
        make_issue(date=datetime.date(2024, 5, 7)),
        make_issue(date=datetime.date(2023, 5, 9)),
    )
    make_article(title="命中", zone=zone, genre=Genre.NEWS, issue=y2024)
    make_article(title="别区", zone=other_zone, genre=Genre.NEWS, issue=y2024)
    make_article(title="别体裁", zone=zone, genre=Genre.FEATURE, issue=y2024)
    make_article(title="别年", zone=zone, genre=Genre.NEWS, issue=y2023)

    response = client.get(URL, {"zone": zone.pk, "genre": "消息", "year": 2024})

    assert response.status_code == 200
    assert titles(response) == {"命中"}


def test_city_and_theme_combine(client):
    theme, other_theme = make_theme(name="营商环境"), make_theme(name="项目建设")
    datong, taiyuan = make_zone(city=City.DATONG), make_zone(city=City.TAIYUAN)
    issue = make_issue()
    make_article(title="命中", zone=datong, theme=theme, issue=issue)
    make_article(title="别市", zone=taiyuan, theme=theme, issue=issue)
    make_article(title="别主题", zone=datong, theme=other_theme, issue=issue)

    response = client.get(URL, {"city": "大同", "theme": theme.pk})

    assert titles(response) == {"命中"}


def test_issue_filter_lists_one_issue_and_names_it(client):
    issue = make_issue(date=datetime.date(2024, 4, 16))
    make_article(title="本期稿件", issue=issue, page=1, position=1)
    make_article(title="他期稿件", issue=make_issue(), page=1, position=1)

    response = client.get(URL, {"issue": issue.pk})

    assert titles(response) == {"本期稿件"}
    html = response.content.decode()
    assert "本期：" in html and reverse("reader:issue_detail", args=[issue.date]) in html


def test_pagination_keeps_the_filters(client):
    zone = make_zone()
    issue = make_issue(date=datetime.date(2024, 5, 7))
    for position in range(1, 26):
        make_article(zone=zone, genre=Genre.NEWS, issue=issue, page=1, position=position)
    make_article(title="别区稿件", genre=Genre.NEWS, issue=issue, page=2, position=1)

    first = client.get(URL, {"zone": zone.pk, "genre": "消息", "year": 2024})

    assert len(first.context["page_obj"].object_list) == 20
    filters = f"?zone={zone.pk}&amp;genre=%E6%B6%88%E6%81%AF&amp;year=2024"
    assert f'href="{filters}&amp;page=2" rel="next"' in first.content.decode()
    second = client.get(URL, {"zone": zone.pk, "genre": "消息", "year": 2024, "page": 2})
    assert len(second.context["page_obj"].object_list) == 5
    assert "别区稿件" not in second.content.decode()
    assert f'href="{filters}&amp;page=1" rel="prev"' in second.content.decode()


def test_listing_is_in_print_order_newest_issue_first(client):
    old, new = (
        make_issue(date=datetime.date(2023, 1, 3)),
        make_issue(date=datetime.date(2024, 1, 2)),
    )
    make_article(title="旧期头条", issue=old, page=1, position=1)
    make_article(title="新期次条", issue=new, page=1, position=2)
    make_article(title="新期头条", issue=new, page=1, position=1)

    response = client.get(URL)

    assert [a.title for a in response.context["page_obj"]] == ["新期头条", "新期次条", "旧期头条"]


@pytest.mark.parametrize(
    "params",
    [
        {"zone": "abc"},
        {"zone": "987654"},
        {"city": "北京"},
        {"theme": "-1"},
        {"genre": "诗歌"},
        {"year": "去年"},
        {"year": "1900"},
        {"issue": "x"},
        {"zone": "abc", "genre": "消息", "page": "不是数字"},
    ],
    ids=lambda params: "-".join(params),
)
def test_invalid_filter_values_give_a_chinese_error_not_a_500(client, params):
    make_article(title="已刊稿件", genre=Genre.NEWS, issue=make_issue())

    response = client.get(URL, params)

    assert response.status_code == 200
    html = response.content.decode()
    assert "筛选条件有误" in html
    assert 'role="alert"' in html


def test_a_page_number_beyond_the_end_gives_the_last_page(client):
    piece = make_article(issue=make_issue())

    response = client.get(URL, {"page": "999"})

    assert response.status_code == 200 and response.context["page_obj"].number == 1
    assert piece.title in response.content.decode()


@pytest.mark.parametrize("few_matches", [0, 1000])
def test_genre_and_theme_list_the_same_pieces_however_many_match(client, monkeypatch, few_matches):
    # Many matches are compared where no index answers (ListingFilter.in_print_order()): the
    # same pieces, in the same order, as when few are.
    monkeypatch.setattr(ListingFilter, "FEW_MATCHES", few_matches)
    theme, other_theme = make_theme(), make_theme()
    old, new = (
        make_issue(date=datetime.date(2023, 1, 3)),
        make_issue(date=datetime.date(2024, 1, 2)),
    )
    make_article(title="旧期命中", issue=old, page=1, position=1, theme=theme, genre=Genre.NEWS)
    make_article(title="新期次条", issue=new, page=1, position=2, theme=theme, genre=Genre.NEWS)
    make_article(title="新期头条", issue=new, page=1, position=1, theme=theme, genre=Genre.NEWS)
    make_article(title="别主题", issue=new, page=2, position=1, theme=other_theme)
    make_article(title="别体裁", issue=new, page=2, position=2, theme=theme, genre=Genre.FEATURE)

    response = client.get(URL, {"theme": theme.pk, "genre": "消息"})

    assert [a.title for a in response.context["page_obj"]] == ["新期头条", "新期次条", "旧期命中"]
    assert "共 3 篇已刊发稿件" in response.content.decode()
