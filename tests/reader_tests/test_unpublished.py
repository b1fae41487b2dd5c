"""Only published pieces reach readers: no page, feed or sitemap lists anything else."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Status
from tests.error_pages import is_not_found_page
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
    url = reverse("reader:article_list")

    for params in (
        {"zone": archive.zone.pk},
        {"theme": archive.hidden.theme_id},
        {"year": 2025},
        {"issue": archive.hidden.issue_id},
    ):
        assert HIDDEN_TITLE not in client.get(url, params).content.decode(), params


def test_the_newest_issue_on_the_home_page_is_the_newest_published_one(client):
    archive = small_archive()

    response = client.get(reverse("reader:home"))

    assert response.context["issue"] == archive.issue
    assert archive.hidden.issue.date.strftime("%-m月%-d日") not in response.content.decode()


@pytest.mark.parametrize("status", [s for s in Status if s != Status.PUBLISHED])
def test_an_unpublished_piece_has_no_page(client, status):
    piece = make_article(status=status, issue=make_issue(), page=1, position=1)

    response = client.get(reverse("reader:article_detail", args=[piece.pk]))

    assert is_not_found_page(response)
    assert piece.title not in response.content.decode()


def test_an_issue_without_published_pieces_has_no_page_and_no_year(client):
    issue = make_issue()
    make_article(status=Status.SCHEDULED, issue=issue, page=1, position=1)

    detail = client.get(reverse("reader:issue_detail", args=[issue.date]))
    year = client.get(reverse("reader:issue_year", args=[issue.date.year]))
    index = client.get(reverse("reader:issue_list"))

    assert is_not_found_page(detail)
    assert is_not_found_page(year)
    assert index.status_code == 200 and list(index.context["years"]) == []
    assert str(issue.date.year) not in index.content.decode()


def test_a_contributor_without_published_pieces_has_no_page(client):
    author = make_contributor(name="只有草稿的作者")
    make_article(status=Status.DRAFT, authors=[author])

    response = client.get(reverse("reader:contributor_detail", args=[author.pk]))

    assert is_not_found_page(response)
    assert "只有草稿的作者" not in response.content.decode()


@pytest.mark.parametrize("url_name", ["reader:article_list", "reader:search"])
def test_an_unpublished_issue_filters_like_one_that_does_not_exist(client, url_name):
    archive = small_archive()
    hidden_issue = archive.hidden.issue
    url = reverse(url_name)
    query = {"q": "稿件"} if url_name == "reader:search" else {}

    unpublished = client.get(url, {**query, "issue": hidden_issue.pk})
    missing = client.get(url, {**query, "issue": 999_999})

    html = unpublished.content.decode()
    assert unpublished.status_code == 200
    assert HIDDEN_TITLE not in html
    # No label or chip names the issue: its date stays unknown until it is published.
    assert "2025年5月6日" not in html
    assert "active-filters" not in html
    assert "已忽略" in html
    assert html.count('class="article-item"') == missing.content.decode().count(
        'class="article-item"'
    )


def test_the_year_menu_offers_only_years_with_a_published_issue(client):
    make_article(issue=make_issue(date=datetime.date(2025, 4, 29)), page=1, position=1)
    make_article(
        status=Status.SCHEDULED,
        issue=make_issue(date=datetime.date(2026, 1, 6)),
        page=1,
        position=1,
    )

    html = client.get(reverse("reader:article_list")).content.decode()

    assert '<option value="2025">2025年</option>' in html
    assert "2026" not in html
