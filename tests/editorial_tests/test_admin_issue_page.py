"""An issue's page in the admin: placing its pieces, and what is left to change once published."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.editorial_tests.admin_pieces import (
    change_form_data,
    scheduled_piece,
)
from tests.factories import make_article, make_issue

pytestmark = pytest.mark.django_db

# An editor's issue page, the same for a short page and a long one. Django caches content types
# per process, so the first admin page a process opens costs two more queries (the count then
# depended on which test ran first): each test opens its page once before counting.
ISSUE_PAGE_QUERIES = 8


def test_a_published_issue_no_longer_offers_placement_fields(client, editor):
    issue = make_issue()
    piece = scheduled_piece(editor, issue)
    Article.objects.filter(pk=piece.pk).update(page=1, position=1)
    change = reverse("admin:articles_issue_change", args=[issue.pk])

    before = client.get(change).content.decode()
    client.post(reverse("admin:articles_issue_publish", args=[issue.pk]), {"confirm": "确认发布"})
    after = client.get(change).content.decode()

    assert 'name="articles-0-page"' in before
    assert 'name="articles-0-page"' not in after and "发布本期" not in after
    # 在站点上查看 only once there is a public page to see.
    assert "在站点上查看" not in before and "在站点上查看" in after


def test_the_issue_placement_cannot_take_a_piece_from_another_issue(client, editor):
    issue, other = make_issue(), make_issue()
    mine = scheduled_piece(editor, issue)
    theirs = scheduled_piece(editor, other)
    change = reverse("admin:articles_issue_change", args=[issue.pk])
    data = change_form_data(client.get(change))
    data.update(
        {"articles-TOTAL_FORMS": 2, "articles-1-id": theirs.pk, "articles-1-issue": issue.pk}
    )
    data.update({"articles-1-page": 1, "articles-1-position": 2})

    client.post(change, data)

    theirs.refresh_from_db()
    assert theirs.issue == other and theirs.page is None
    assert Article.objects.get(pk=mine.pk).issue == issue


def test_issue_page_query_count_is_pinned_and_does_not_grow_with_its_pieces(
    client, editor, django_assert_num_queries
):
    issue = make_issue()
    make_article(issue=issue, page=1, position=1)
    change = reverse("admin:articles_issue_change", args=[issue.pk])
    client.get(change)
    with django_assert_num_queries(ISSUE_PAGE_QUERIES):
        client.get(change)
    for position in range(2, 12):
        make_article(issue=issue, page=1, position=position, title=f"第{position}条")

    with django_assert_num_queries(ISSUE_PAGE_QUERIES):
        response = client.get(change)

    assert response.status_code == 200 and "第11条" in response.content.decode()
