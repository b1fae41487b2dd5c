"""Parts of reader pages come from the cache under the archive version (reader/fragments.py):
read back without their queries, and rendered anew after every change a reader could see.

The page cache is off here, as for anyone logged in, so every request goes through the view."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles.models import Photo, Status
from editorial.corrections import add_correction
from editorial.workflow import publish_issue
from reader import fragments
from tests.factories import make_article, make_editor, make_issue, make_theme

from .archive import PUBLISHED_TITLE, html_of, public_urls, small_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragment_cache(settings):
    settings.KFQ_FRAGMENT_CACHE_SECONDS = 86400
    cache.clear()
    yield
    cache.clear()


# Read back: only what the page needs outside its content (its subject, for the title and a
# 404) is queried; lists, choices and counts come from the cache.
WARM_QUERIES = {
    "home": 0,
    "issue_detail": 1,  # the issue
    "article_detail": 1,  # the piece
    "zone_detail": 1,  # the zone
    "article_list": 0,
}


@pytest.mark.parametrize("name", WARM_QUERIES)
def test_a_second_read_takes_its_parts_from_the_cache(
    client, django_assert_num_queries, fragment_cache, name
):
    url = public_urls(small_archive())[name]
    first = html_of(client, url)

    with django_assert_num_queries(WARM_QUERIES[name]):
        second = html_of(client, url)

    assert second == first


@pytest.mark.parametrize(
    "name", ["home", "issue_detail", "article_detail", "zone_detail", "article_list"]
)
def test_a_corrected_title_shows_on_every_page_of_the_piece(
    client, fragment_cache, committed, name
):
    archive = small_archive()
    url = public_urls(archive)[name]
    assert PUBLISHED_TITLE in html_of(client, url)

    committed(
        lambda: add_correction(
            article=archive.article, by=make_editor(), notice="标题有误。", title="更正后的标题"
        )
    )

    html = html_of(client, url)
    assert "更正后的标题" in html and PUBLISHED_TITLE not in html


def test_a_published_issue_shows_on_the_home_page_and_in_the_listing_count(
    client, fragment_cache, committed
):
    small_archive()
    count_before = html_of(client, reverse("reader:article_list"))
    issue = make_issue(date=datetime.date(2025, 5, 13))
    make_article(title="新一期头条", issue=issue, page=1, position=1, status=Status.SCHEDULED)
    assert "新一期头条" not in html_of(client, reverse("reader:home"))

    committed(lambda: publish_issue(issue=issue, by=make_editor()))

    assert "新一期头条" in html_of(client, reverse("reader:home"))
    assert html_of(client, reverse("reader:article_list")) != count_before
    assert "新一期头条" in html_of(client, reverse("reader:article_list"))


def test_a_withdrawn_piece_leaves_the_listing_and_its_count(client, fragment_cache, committed):
    archive = small_archive()
    url = reverse("reader:article_list")
    assert "共 2 篇已刊发稿件" in html_of(client, url)

    def withdraw():
        archive.article.status = Status.WITHDRAWN
        archive.article.save(update_fields=["status"])

    committed(withdraw)

    html = html_of(client, url)
    assert "共 1 篇已刊发稿件" in html and PUBLISHED_TITLE not in html


def test_renamed_zones_authors_and_themes_show_in_the_entries_and_choices(
    client, fragment_cache, committed
):
    archive = small_archive()
    theme = make_theme(name="旧主题")
    url = reverse("reader:article_list")
    assert ">朔州经开区</a>" in html_of(client, url) and "旧主题" in html_of(client, url)

    def rename():
        archive.zone.short_name = "朔州开发区"
        archive.zone.save()
        archive.author.name = "麻洁"
        archive.author.save()
        theme.name = "新主题"
        theme.save()

    committed(rename)

    html = html_of(client, url)
    assert ">朔州开发区</a>" in html and ">朔州经开区</a>" not in html
    assert '<span class="authors">麻洁</span>' in html
    assert "新主题" in html and "旧主题" not in html


def test_a_photo_added_to_a_published_piece_shows_on_its_page(client, fragment_cache, committed):
    archive = small_archive()
    url = archive.article.get_absolute_url()
    assert "新配的图片说明" not in html_of(client, url)

    committed(
        lambda: Photo.objects.create(article=archive.article, caption="新配的图片说明", position=9)
    )

    assert "新配的图片说明" in html_of(client, url)


def test_the_preview_of_a_draft_shows_its_latest_text(client, fragment_cache):
    # A draft's save gives no new version: its preview must not come from the page's part.
    client.force_login(make_editor())
    draft = make_article(title="草稿的标题", status=Status.DRAFT)
    url = reverse("admin:articles_article_preview", args=[draft.pk])
    assert "草稿的标题" in html_of(client, url)

    draft.title = "改过的草稿标题"
    draft.save()

    assert "改过的草稿标题" in html_of(client, url)


def test_pages_are_rendered_when_the_cache_cannot_be_reached(client, fragment_cache, monkeypatch):
    archive = small_archive()

    class Unreachable:
        def __getattr__(self, name):
            raise ConnectionError("缓存服务器不可达")

    monkeypatch.setattr(fragments, "cache", Unreachable())

    for url in public_urls(archive).values():
        assert client.get(url).status_code == 200
    assert PUBLISHED_TITLE in html_of(client, reverse("reader:article_list"))


def test_the_zone_page_links_its_pages_with_the_query_it_was_asked(client, fragment_cache):
    # Its pagination repeats the query string: a part kept per page number alone would repeat
    # the first visitor's.
    archive = small_archive()
    for position in range(2, 23):
        make_article(zone=archive.zone, issue=archive.issue, page=3, position=position)
    url = archive.zone.get_absolute_url()
    assert "utm_source=x" in html_of(client, url + "?page=1&utm_source=x")

    assert "utm_source=x" not in html_of(client, url + "?page=1")
