"""Only published pieces reach readers: no page, feed or sitemap lists anything else."""

import pytest
from django.urls import reverse

from articles.models import Status
from tests.factories import make_article, make_contributor, make_issue

from .archive import HIDDEN_AUTHOR, HIDDEN_TITLE, PUBLIC_PAGES, public_urls, small_archive

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    PUBLIC_PAGES,
)
def test_no_page_lists_an_unpublished_piece_or_its_only_author(client, name):
    archive = small_archive()

    response = client.get(public_urls(archive)[name])

    assert response.status_code == 200
    html = response.content.decode()
    assert HIDDEN_TITLE not in html
    assert HIDDEN_AUTHOR not in html


def test_filtered_listings_leave_out_unpublished_pieces(client):
    archive = small_archive()
    url = reverse("articles:article_list")

    for params in (
        {"zone": archive.zone.pk},
        {"theme": archive.hidden.theme_id},
        {"year": 2025},
        {"issue": archive.hidden.issue_id},
    ):
        assert HIDDEN_TITLE not in client.get(url, params).content.decode(), params


def test_the_newest_issue_on_the_home_page_is_the_newest_published_one(client):
    archive = small_archive()

    response = client.get(reverse("articles:home"))

    assert response.context["issue"] == archive.issue
    assert archive.hidden.issue.date.strftime("%-m月%-d日") not in response.content.decode()


@pytest.mark.parametrize("status", [s for s in Status if s != Status.PUBLISHED])
def test_an_unpublished_piece_has_no_page(client, status):
    piece = make_article(status=status, issue=make_issue(), page=1, position=1)

    response = client.get(reverse("articles:article_detail", args=[piece.pk]))

    assert response.status_code == 404


def test_an_issue_without_published_pieces_has_no_page_and_no_year(client):
    issue = make_issue()
    make_article(status=Status.SCHEDULED, issue=issue, page=1, position=1)

    detail = client.get(reverse("articles:issue_detail", args=[issue.date]))
    year = client.get(reverse("articles:issue_year", args=[issue.date.year]))
    index = client.get(reverse("articles:issue_list"))

    assert detail.status_code == 404
    assert year.status_code == 404
    assert index.status_code == 200 and list(index.context["years"]) == []


def test_a_contributor_without_published_pieces_has_no_page(client):
    author = make_contributor(name="只有草稿的作者")
    make_article(status=Status.DRAFT, authors=[author])

    response = client.get(reverse("articles:contributor_detail", args=[author.pk]))

    assert response.status_code == 404
