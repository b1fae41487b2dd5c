"""The /search/ page: what readers see, for every role, at a constant number of queries."""

import pytest
from django.urls import reverse

from articles.models import Genre, Status
from tests.factories import make_article, make_issue, make_zone
from tests.roles import ROLES

pytestmark = pytest.mark.django_db

SEARCH = reverse("reader:search")


def test_results_page_shows_marked_titles_snippets_and_facets(client):
    zone = make_zone(official_name="阳泉经济技术开发区", short_name="阳泉经开区")
    article = make_article(title="光伏电站并网", body="园区光伏电站并网发电。", zone=zone)
    response = client.get(SEARCH, {"q": "光伏"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“光伏”共找到 1 篇稿件" in html
    assert "<mark>光伏</mark>电站并网" in html
    assert reverse("reader:article_detail", args=[article.pk]) in html
    assert 'aria-label="按类别缩小范围"' in html
    assert f"?q=%E5%85%89%E4%BC%8F&amp;zone={zone.pk}" in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("", "请输入要检索的词语"),
        ("   ", "请输入要检索的词语"),
        ("，。！？", "里没有可检索的字词"),
        ('"', "里没有可检索的字词"),
        ("NEAR(", "共找到 0 篇稿件"),
        ("光" * 5000, "检索词过长"),
    ],
    ids=["empty", "spaces", "punctuation", "quote", "operator", "too-long"],
)
def test_odd_queries_get_a_page_not_an_error(client, query, says):
    make_article(title="光伏电站")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert says in response.content.decode()


def test_empty_query_asks_for_words(client):
    response = client.get(SEARCH)
    assert "请输入要检索的词语" in response.content.decode()


def test_punctuation_only_query_says_nothing_searchable(client):
    response = client.get(SEARCH, {"q": "！？"})
    assert "里没有可检索的字词" in response.content.decode()


def test_long_query_says_it_was_cut(client):
    response = client.get(SEARCH, {"q": "光伏" * 100})
    assert "检索词过长" in response.content.decode()


def test_no_results_says_so(client):
    response = client.get(SEARCH, {"q": "不存在的词语组合"})
    assert "没有找到包含这些词语的已刊发稿件" in response.content.decode()


def test_filters_narrow_the_results_and_show_how_to_remove_them(client):
    zone = make_zone()
    kept = make_article(title="新能源汽车", zone=zone, genre=Genre.NEWS)
    make_article(title="新能源汽车", genre=Genre.NEWS)
    response = client.get(SEARCH, {"q": "新能源", "zone": zone.pk, "genre": Genre.NEWS})
    html = response.content.decode()
    assert "共找到 1 篇稿件" in html
    assert reverse("reader:article_detail", args=[kept.pk]) in html
    assert f"{zone.official_name} ×" in html
    # The search box keeps the filters when the reader types a new query.
    assert f'<input type="hidden" name="zone" value="{zone.pk}">' in html


def test_invalid_filter_is_reported_and_ignored(client):
    make_article(title="新能源汽车")
    response = client.get(SEARCH, {"q": "新能源", "zone": "999999", "year": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "筛选条件有误" in html
    assert "共找到 1 篇稿件" in html


def test_invalid_filter_reads_as_on_the_listing(client):
    make_article(title="新能源汽车")
    params = {"q": "新能源", "year": "abc"}
    searched = client.get(SEARCH, params).content.decode()
    listed = client.get(reverse("reader:article_list"), params).content.decode()
    for html in (searched, listed):
        assert "年份：没有这一项（“abc”）。" in html


def test_a_hit_reads_like_a_listed_article_with_its_passage_marked(client):
    zone = make_zone(official_name="朔州经济开发区", short_name="朔州经开区")
    article = make_article(
        kicker="引题文字",
        title="光伏电站并网",
        subtitle="副题文字",
        body="园区光伏电站并网发电。",
        zone=zone,
        issue=make_issue(),  # the listing shows pieces placed in an issue
    )
    searched = client.get(SEARCH, {"q": "光伏"}).content.decode()
    listed = client.get(reverse("reader:article_list")).content.decode()
    zone_link = (
        f'<a class="zone" href="{reverse("reader:zone_detail", args=[zone.pk])}">朔州经开区</a>'
    )
    for html in (searched, listed):
        assert '<p class="kicker">引题文字</p>' in html
        assert '<p class="subtitle">副题文字</p>' in html
        assert zone_link in html
        assert f'<a href="{article.get_absolute_url()}">' in html
    assert '<p class="snippet">园区<mark>光伏</mark>电站并网发电。</p>' in searched


def test_pagination_keeps_query_and_filters(client):
    zone = make_zone()
    for _ in range(25):
        make_article(title="数字经济", zone=zone)
    query = f"?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E&amp;zone={zone.pk}"
    response = client.get(SEARCH, {"q": "数字经济", "zone": zone.pk})
    html = response.content.decode()
    assert "第 1 / 2 页" in html
    assert f'<a href="{query}&amp;page=2" rel="next">下一页</a>' in html
    second = client.get(SEARCH, {"q": "数字经济", "zone": zone.pk, "page": 2})
    html = second.content.decode()
    assert html.count('class="article-item"') == 5
    assert f'<a href="{query}&amp;page=1" rel="prev">上一页</a>' in html
    assert '<ol class="article-list" start="21">' in html


def test_unpublished_pieces_are_never_shown(client):
    make_article(title="氢能重卡", status=Status.ACCEPTED)
    response = client.get(SEARCH, {"q": "氢能"})
    assert "共找到 0 篇稿件" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_search_is_open_to_every_role(client, people, role):
    make_article(title="光伏电站")
    if people[role]:
        client.force_login(people[role])
    response = client.get(SEARCH, {"q": "光伏"})
    assert response.status_code == 200
    assert "共找到 1 篇稿件" in response.content.decode()


def _archive(articles: int):
    zones = [make_zone() for _ in range(3)]
    issues = [make_issue() for _ in range(3)]
    for n in range(articles):
        make_article(
            title=f"招商引资第{n}场",
            zone=zones[n % 3],
            issue=issues[n % 3],
            photos=1,
            authors=[],
        )


# names version, index version (the counts, the facets and the best title matches come from
# the cache), the page's articles, their authorships. No zone is looked up: no term is a
# zone's name. Every piece's title matches, so the page needs no body-only ids.
QUERIES_PER_SEARCH = 4


@pytest.mark.parametrize("articles", [3, 30])
def test_query_count_does_not_grow_with_the_archive(client, django_assert_num_queries, articles):
    _archive(articles)
    client.get(SEARCH, {"q": "招商引资"})  # the dictionary is loaded once per process
    with django_assert_num_queries(QUERIES_PER_SEARCH):
        response = client.get(SEARCH, {"q": "招商引资"})
    assert f"共找到 {articles} 篇稿件" in response.content.decode()
