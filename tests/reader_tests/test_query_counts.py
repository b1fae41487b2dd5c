"""Every public page runs a fixed number of queries, however large the archive grows."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_article, make_contributor, make_issue, make_zone

from .archive import SAYS, public_urls, small_archive

pytestmark = pytest.mark.django_db

# Anonymous readers; a logged-in reader adds the session and user lookups.
QUERIES = {
    "home": 6,  # latest issue, its pieces + authors, recent pieces + authors, call
    "issue_list": 2,  # years, the latest year's issues with counts
    "issue_year": 2,
    "issue_detail": 5,  # issue, pieces + authors, the issues before and after
    "article_list": 6,  # count, page + authors, the zone, theme and year choices
    "article_detail": 5,  # article, authors, photos, corrections, related
    "zone_list": 1,  # zones with their counts
    "zone_detail": 6,  # zone, figures, count, page + authors, contributors
    "contributor_detail": 4,  # contributor, count, page + authors
    "browse": 2,  # years, themes
    "feed": 3,  # pieces + authors + corrections
    "zone_feed": 4,  # zone, pieces + authors + corrections
}


def grow(archive):
    """Many more pieces, issues, authors, photos and zones, touching every page's subject."""
    start = datetime.date(2025, 1, 7)
    for week in range(6):
        issue = make_issue(date=start + datetime.timedelta(weeks=week))
        for position in range(1, 6):
            make_article(
                issue=issue,
                page=1,
                position=position,
                zone=archive.zone if position % 2 else make_zone(),
                authors=[archive.author, make_contributor(zone=archive.zone)],
                photos=2,
            )
    for position in range(1, 6):
        make_article(
            issue=archive.issue,
            page=2,
            position=position,
            zone=archive.zone,
            theme=archive.article.theme,
            authors=[make_contributor(), archive.author],
            photos=1,
        )


@pytest.mark.parametrize("name", QUERIES)
def test_page_query_count_is_pinned_and_does_not_grow(client, django_assert_num_queries, name):
    archive = small_archive()
    url = public_urls(archive)[name]
    with django_assert_num_queries(QUERIES[name]):
        small = client.get(url)

    grow(archive)

    with django_assert_num_queries(QUERIES[name]):
        large = client.get(url)
    for response in (small, large):
        assert response.status_code == 200 and SAYS[name] in response.content.decode()


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # + the zone's lookup, and the year choices once more for validation
        ({"zone": "ZONE", "genre": "消息", "year": "2025"}, 8),
        ({"city": "朔州", "theme": "THEME"}, 7),  # + the theme's lookup
        ({"issue": "ISSUE"}, 7),  # + the issue's lookup
    ],
)
def test_filtered_listing_query_count_does_not_grow(
    client, django_assert_num_queries, params, queries
):
    archive = small_archive()
    values = {"ZONE": archive.zone.pk, "THEME": archive.article.theme_id, "ISSUE": archive.issue.pk}
    params = {key: values.get(value, value) for key, value in params.items()}
    url = reverse("reader:article_list")
    with django_assert_num_queries(queries):
        client.get(url, params)

    grow(archive)

    with django_assert_num_queries(queries):
        client.get(url, params)


def test_sitemap_query_counts_do_not_grow(client, django_assert_num_queries):
    archive = small_archive()
    with django_assert_num_queries(5):  # a count per section, the call's existence
        client.get("/sitemap.xml")
    with django_assert_num_queries(2):  # count, page
        client.get("/sitemap-articles.xml")

    grow(archive)

    with django_assert_num_queries(5):
        client.get("/sitemap.xml")
    with django_assert_num_queries(2):
        client.get("/sitemap-articles.xml")
