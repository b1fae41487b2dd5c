"""Anonymous readers get reader pages from the cache; logged-in users always get them fresh."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles.models import Status
from editorial.workflow import publish_issue
from tests.error_pages import is_not_found_page
from tests.factories import make_article, make_editor, make_issue

from .archive import public_urls, small_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.KFQ_PAGE_CACHE_SECONDS = 86400
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    "name", ["home", "issue_detail", "article_detail", "zone_detail", "feed", "article_list"]
)
def test_a_second_anonymous_read_costs_no_query(
    client, django_assert_num_queries, page_cache, name
):
    url = public_urls(small_archive())[name]
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert second.content == first.content


def test_sitemaps_are_cached_once_rendered(client, django_assert_num_queries, page_cache):
    small_archive()
    first = client.get("/sitemap-articles.xml")

    with django_assert_num_queries(0):
        second = client.get("/sitemap-articles.xml")

    assert second.content == first.content


def test_anonymous_readers_see_a_published_issue_on_their_next_request(
    client, django_capture_on_commit_callbacks, page_cache
):
    # Regression: the home page stayed cached, without the issue an editor had just published.
    make_article(title="上一期的稿件", issue=make_issue(date="2025-04-22"), page=1, position=1)
    issue = make_issue(date="2025-04-29")
    make_article(title="本期头条", issue=issue, page=1, position=1, status=Status.SCHEDULED)
    assert "本期头条" not in client.get(reverse("reader:home")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        publish_issue(issue=issue, by=make_editor())

    assert "本期头条" in client.get(reverse("reader:home")).content.decode()


def test_a_draft_saved_meanwhile_leaves_the_cached_page_alone(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, page_cache
):
    url = public_urls(small_archive())["home"]
    first = client.get(url)
    draft = make_article(status=Status.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        draft.title = "改过的草稿"
        draft.save()
    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.content == first.content


def test_logged_in_users_always_get_a_fresh_page(client, page_cache):
    issue = make_issue()
    make_article(title="先刊发的稿件", issue=issue, page=1, position=1)
    client.get(reverse("reader:home"))
    make_article(title="后刊发的稿件", issue=issue, page=1, position=2)
    editor = make_editor()
    client.force_login(editor)

    html = client.get(reverse("reader:home")).content.decode()

    assert "后刊发的稿件" in html
    assert editor.username in html


def test_a_logged_in_page_is_never_served_to_anonymous_readers(client, page_cache):
    small_archive()
    editor = make_editor()
    client.force_login(editor)
    client.get(reverse("reader:home"))
    client.logout()

    html = client.get(reverse("reader:home")).content.decode()

    assert editor.username not in html
    assert "通讯员登录" in html


def test_pages_that_are_not_found_are_not_cached(client, page_cache):
    url = reverse("reader:issue_detail", args=["2031-01-07"])
    assert is_not_found_page(client.get(url))

    piece = make_article(issue=make_issue(date="2031-01-07"), page=1, position=1)

    response = client.get(url)
    assert response.status_code == 200 and piece.title in response.content.decode()


@pytest.fixture
def cache_server_down(settings):
    """The shared cache is a Redis server nobody listens for (port 1 on loopback refuses)."""
    settings.KFQ_PAGE_CACHE_SECONDS = 86400
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }


def test_readers_get_pages_while_the_cache_server_is_down(
    client, cache_server_down, django_capture_on_commit_callbacks
):
    issue = make_issue(date="2025-04-29")
    make_article(title="本期头条", issue=issue, page=1, position=1, status=Status.SCHEDULED)

    with django_capture_on_commit_callbacks(execute=True):
        publish_issue(issue=issue, by=make_editor())  # its bump cannot reach the cache
    response = client.get(reverse("reader:home"))

    assert response.status_code == 200
    assert "本期头条" in response.content.decode()
