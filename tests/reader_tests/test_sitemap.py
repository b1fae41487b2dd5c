"""/sitemap.xml (an index of paged sections) and /robots.txt."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from articles.models import Status
from reader.sitemaps import ArticleSitemap
from tests.factories import make_article, make_contributor, make_issue, make_zone

from .archive import small_archive

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client, url: str, tag: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{NS}{tag}"
    return [loc.text for loc in root.iter(f"{NS}loc")]


def every_listed_url(client) -> list[str]:
    """Follow the index to every section page and gather the URLs they list."""
    urls = []
    for section in locations(client, "/sitemap.xml", "sitemapindex"):
        parts = urlsplit(section)
        urls += locations(client, f"{parts.path}?{parts.query}", "urlset")
    return urls


def test_sitemap_lists_every_published_article_and_no_other(client, monkeypatch):
    # Two per page, so the index has to page through the articles section.
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    published = [make_article(issue=make_issue()) for _ in range(5)]
    hidden = [make_article(status=status) for status in (Status.DRAFT, Status.SCHEDULED)]

    sections = locations(client, "/sitemap.xml", "sitemapindex")
    urls = every_listed_url(client)

    assert sum("sitemap-articles.xml" in url for url in sections) == 3
    article_urls = {url for url in urls if "/articles/" in url and url.rstrip("/")[-1].isdigit()}
    assert article_urls == {f"http://testserver{a.get_absolute_url()}" for a in published}
    assert not {f"http://testserver{a.get_absolute_url()}" for a in hidden} & set(urls)


def test_sitemap_sections_cover_issues_zones_contributors_and_pages(client):
    archive = small_archive()
    lonely_zone = make_zone()

    urls = {urlsplit(url).path for url in every_listed_url(client)}

    assert archive.issue.get_absolute_url() in urls
    assert archive.older_issue.get_absolute_url() in urls
    assert archive.hidden.issue.get_absolute_url() not in urls
    assert lonely_zone.get_absolute_url() in urls
    assert archive.author.get_absolute_url() in urls
    assert archive.hidden_author.get_absolute_url() not in urls
    for name in ("home", "issue_list", "article_list", "zone_list", "browse", "call_for_papers"):
        assert reverse(f"reader:{name}") in urls


def test_every_url_in_the_sitemap_is_a_page(client):
    small_archive()
    make_contributor()

    for url in every_listed_url(client):
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        assert "<h1" in response.content.decode(), url  # a page with its heading


def test_robots_txt_allows_reading_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    for path in ("/admin/", "/accounts/", "/my/", "/submit/", "/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
