import datetime

import pytest
from django.urls import reverse

from articles.models import Status
from reader.views.front import RECENT_ARTICLES
from tests.factories import make_article, make_contributor, make_issue

pytestmark = pytest.mark.django_db


def test_home_lists_published_articles_with_zone_date_and_authors(client):
    issue = make_issue()
    author = make_contributor(name="麻洁琼")
    published = make_article(title="上半年财政总收入同比增长", issue=issue, authors=[author])

    response = client.get(reverse("reader:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert published.title in html
    assert published.zone.display_name in html
    assert issue.date.strftime("%Y年") in html
    assert "麻洁琼" in html


@pytest.mark.parametrize(
    "status", [s for s in Status if s != Status.PUBLISHED], ids=lambda status: status.value
)
def test_home_hides_pieces_that_are_not_published(client, status):
    hidden = make_article(title="尚未刊发的稿件", status=status, issue=make_issue())

    response = client.get(reverse("reader:home"))

    assert hidden.title not in response.content.decode()


def test_home_query_count_does_not_grow_with_the_archive(client, django_assert_num_queries):
    issue = make_issue()
    for _ in range(3):
        make_article(issue=issue, authors=[make_contributor(), make_contributor()])
    make_article(issue=make_issue(date=issue.date - datetime.timedelta(weeks=1)))
    with django_assert_num_queries(6):
        client.get(reverse("reader:home"))
    for _ in range(30):
        make_article(issue=issue, authors=[make_contributor()], photos=1)
    for weeks in range(2, 12):
        make_article(issue=make_issue(date=issue.date - datetime.timedelta(weeks=weeks)))
    with django_assert_num_queries(6):
        response = client.get(reverse("reader:home"))
    assert len(response.context["contents"]) == 33


def test_home_shows_the_latest_issue_and_a_few_recent_pieces_not_the_whole_archive(client):
    start = datetime.date(2024, 1, 2)
    for week in range(15):
        issue = make_issue(date=start + datetime.timedelta(weeks=week))
        for position in (1, 2):
            make_article(title=f"第{week}期第{position}篇", issue=issue, page=1, position=position)

    response = client.get(reverse("reader:home"))

    assert [a.title for a in response.context["contents"]] == ["第14期第1篇", "第14期第2篇"]
    recent = [a.title for a in response.context["recent"]]
    assert len(recent) == RECENT_ARTICLES
    assert recent[:3] == ["第13期第1篇", "第13期第2篇", "第12期第1篇"]
    assert "第0期第1篇" not in response.content.decode()
