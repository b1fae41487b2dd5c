import pytest
from django.urls import reverse

from articles.models import Status
from tests.factories import make_article, make_contributor, make_issue

pytestmark = pytest.mark.django_db


def test_home_lists_published_articles_with_zone_date_and_authors(client):
    issue = make_issue()
    author = make_contributor(name="麻洁琼")
    published = make_article(title="上半年财政总收入同比增长", issue=issue, authors=[author])

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert published.title in html
    assert published.zone.official_name in html
    assert issue.date.strftime("%Y年") in html
    assert "麻洁琼" in html


@pytest.mark.parametrize(
    "status", [s for s in Status if s != Status.PUBLISHED], ids=lambda status: status.value
)
def test_home_hides_pieces_that_are_not_published(client, status):
    hidden = make_article(title="尚未刊发的稿件", status=status)

    response = client.get(reverse("articles:home"))

    assert hidden.title not in response.content.decode()


def test_home_query_count_does_not_grow_with_the_archive(client, django_assert_num_queries):
    issue = make_issue()
    for _ in range(3):
        make_article(issue=issue, authors=[make_contributor(), make_contributor()])
    with django_assert_num_queries(4) as small:
        client.get(reverse("articles:home"))
    for _ in range(30):
        make_article(issue=issue, authors=[make_contributor()], photos=1)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("articles:home"))
    assert response.context["page_obj"].paginator.count == 33


def test_home_paginates_and_survives_a_bad_page_number(client):
    for _ in range(51):
        make_article()

    first = client.get(reverse("articles:home"))
    garbage = client.get(reverse("articles:home"), {"page": "不是数字"})
    beyond = client.get(reverse("articles:home"), {"page": "999"})

    assert len(first.context["page_obj"].object_list) == 50
    assert garbage.status_code == 200 and garbage.context["page_obj"].number == 1
    assert beyond.status_code == 200 and beyond.context["page_obj"].number == 2
