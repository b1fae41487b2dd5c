"""What every reader page shares: language, landmarks, one h1, the search form, navigation."""

import re

import pytest
from django.urls import reverse

from .archive import HTML_PAGES, public_urls, small_archive

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", HTML_PAGES)
def test_page_has_landmarks_one_h1_search_and_navigation(client, name):
    html = client.get(public_urls(small_archive())[name]).content.decode()

    assert '<html lang="zh-Hans">' in html
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    search = re.search(r'<form class="site-search" method="get" action="([^"]+)"', html)
    assert search and search.group(1) == reverse("reader:search")
    assert '<label for="site-search-q" class="visually-hidden">搜索</label>' in html
    assert '<input id="site-search-q" type="search" name="q"' in html
    nav = html[html.index('aria-label="网站导航"') :]
    nav = nav[: nav.index("</nav>")]
    for label in ("首页", "往期", "开发区", "分类浏览", "征稿启事"):
        assert f">{label}</a>" in nav
    assert 'media="print"' in html


def test_the_current_section_is_marked_in_the_navigation(client):
    html = client.get(reverse("reader:zone_list")).content.decode()

    assert 'aria-current="page">开发区</a>' in html


def test_browse_links_each_genre_theme_and_year_to_the_listing(client):
    archive = small_archive()

    html = client.get(reverse("reader:browse")).content.decode()

    listing = reverse("reader:article_list")
    assert f"{listing}?genre=%E6%B6%88%E6%81%AF" in html
    assert f"{listing}?theme={archive.article.theme_id}" in html
    assert f"{listing}?year=2025" in html and f"{listing}?year=2024" in html
    assert f"{listing}?city=%E6%9C%94%E5%B7%9E" in html


def test_an_unknown_page_is_a_chinese_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
