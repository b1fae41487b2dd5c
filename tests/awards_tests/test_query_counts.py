"""The list, the ranking and the downloads run a fixed number of queries, however many
contributors and pieces the year holds."""

import datetime

import pytest
from django.urls import reverse

from awards import services
from awards.models import Award
from awards.report import year_report
from tests.factories import make_article, make_contributor, make_editor, make_issue

from .helpers import YEAR, year_of_contributors

pytestmark = pytest.mark.django_db

# Every editor's request: session, user, the 编辑 group check (once per request). Pages in the
# admin's frame add the user's and the group's permissions for the app list (+2).
PAGES = {
    "admin:awards_credit_year": 9,  # credits, unsigned count, rubric, years; +2
    "admin:awards_credit_ranking": 10,  # credits, unsigned, rubric, awards, years; +2
    "admin:awards_credit_xlsx": 6,  # credits, unsigned, rubric
    "admin:awards_award_letter": 8,  # zone, its awards, credits, unsigned, rubric
    "admin:awards_award_certificate": 4,  # the award
}

# What each page or file shows, so a count is taken of the real page, not of a refusal.
SAYS = {
    "admin:awards_credit_year": "2024年度投稿人稿件清单和篇目",
    "admin:awards_credit_ranking": "2024年度优秀撰稿人评分排名",
    "admin:awards_credit_xlsx": "PK\x03\x04",  # an .xlsx file is a zip archive
    "admin:awards_award_letter": "表 扬 信",
    "admin:awards_award_certificate": "荣誉证书",
}


def grow(times: int):
    """More of everything the pages read: contributors, co-signed pieces, photos, zones."""
    issue = make_issue(date=datetime.date(YEAR, 12, 3))
    for position in range(1, times + 1):
        make_article(
            issue=issue,
            page=2,
            position=position,
            authors=[make_contributor(), make_contributor()],
            photos=2,
        )


@pytest.fixture
def scene(client):
    year_of_contributors(3)
    client.force_login(make_editor())
    services.fix_awards(year=YEAR, by=make_editor(), issued_on=datetime.date(2025, 1, 10))
    award = Award.objects.order_by("rank").first()
    return {
        "admin:awards_credit_year": [YEAR],
        "admin:awards_credit_ranking": [YEAR],
        "admin:awards_credit_xlsx": [YEAR],
        "admin:awards_award_letter": [YEAR, award.zone_id],
        "admin:awards_award_certificate": [award.pk],
    }


def test_the_report_is_three_queries_at_any_size(django_assert_num_queries):
    year_of_contributors(3)
    with django_assert_num_queries(3):
        small = year_report(YEAR)
    grow(15)
    with django_assert_num_queries(3):
        large = year_report(YEAR)
    assert len(large.pieces) == len(small.pieces) + 15


@pytest.mark.parametrize("name", PAGES)
def test_page_query_count_is_pinned_and_does_not_grow(
    client, scene, django_assert_num_queries, name
):
    url = reverse(name, args=scene[name])
    with django_assert_num_queries(PAGES[name]):
        small = client.get(url)
    grow(15)
    with django_assert_num_queries(PAGES[name]):
        large = client.get(url)
    for response in (small, large):
        assert response.status_code == 200 and SAYS[name].encode() in response.content
