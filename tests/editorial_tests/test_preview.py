"""预览: editors see any piece in the public layout; nobody else, and never through a cache."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from articles.models import Status
from tests.factories import make_article
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db


def preview_url(piece):
    return reverse("admin:articles_article_preview", args=[piece.pk])


# What each role gets: the admin sends anyone not staff to its login; staff who are not
# editors are refused.
EXPECTED = {"anonymous": 302, "correspondent": 302, "staff": 403, "editor": 200, "superuser": 200}


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_open_the_preview(client, role):
    person = people_by_role()[role]
    piece = make_article(status=Status.IN_REVIEW, title="审阅中的稿件")
    if person is not None:
        client.force_login(person)

    response = client.get(preview_url(piece))

    assert response.status_code == EXPECTED[role]
    if EXPECTED[role] == 302:
        assert response["Location"].startswith(reverse("admin:login"))
    if EXPECTED[role] == 200:
        assert "审阅中的稿件" in response.content.decode()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ACCEPTED, Status.SCHEDULED])
def test_an_unpublished_piece_is_shown_in_the_article_layout_with_the_banner(
    client, editor, status
):
    piece = make_article(status=status, title="尚未发布的稿件", body="正文第一段。\n\n正文第二段。")

    page = client.get(preview_url(piece)).content.decode()

    assert "预览，未发布" in page
    assert 'class="story"' in page and "正文第二段。" in page  # the reader's article template
    # A printed preview names the address readers will use, not the admin's.
    assert f"本文网址：http://testserver/articles/{piece.pk}/" in page


def test_a_published_piece_has_no_unpublished_banner(client, editor):
    piece = make_article(status=Status.PUBLISHED)

    page = client.get(preview_url(piece)).content.decode()

    assert "预览，未发布" not in page and piece.title in page


def test_the_preview_is_private_and_not_for_search_engines(client, editor):
    response = client.get(preview_url(make_article(status=Status.ACCEPTED)))

    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex"


@override_settings(KFQ_PAGE_CACHE_SECONDS=3600)
def test_the_preview_never_enters_the_reader_page_cache_nor_a_public_url(client, editor):
    piece = make_article(status=Status.ACCEPTED, title="预览稿件")
    cache.clear()

    client.get(preview_url(piece))
    client.logout()
    public = client.get(piece.get_absolute_url())

    assert not [key for key in cache._cache if "reader-page" in key]
    assert public.status_code == 404


def test_view_on_site_opens_the_preview_for_an_unpublished_piece_only(client, editor):
    draft = make_article(status=Status.ACCEPTED)
    published = make_article(status=Status.PUBLISHED)

    draft_page = client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    published_page = client.get(reverse("admin:articles_article_change", args=[published.pk]))

    assert draft_page.context["absolute_url"] == preview_url(draft)
    assert published_page.context["absolute_url"] != preview_url(published)
    assert f'href="{preview_url(draft)}"' in draft_page.content.decode()  # the 预览 link
