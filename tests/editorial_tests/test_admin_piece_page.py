"""A piece's page in the admin: the moves it offers, who may make them, and what its form
may change (never the status, nor an issue the piece does not belong in)."""

import datetime

import pytest
from django.db.models.signals import post_init
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from editorial.workflow import article_transition
from tests.editorial_tests.admin_pieces import (
    accepted_piece,
    change_form_data,
    scheduled_piece,
    submitted_piece,
)
from tests.error_pages import is_not_found_page
from tests.factories import make_article, make_correspondent, make_editor, make_issue, make_zone

pytestmark = pytest.mark.django_db

# An editor's piece page, the same for a new piece and one with a long history. Django caches
# content types per process, so the first admin page a process opens costs two more queries (the
# count then depended on which test ran first): each test opens its page once before counting.
# One of them lists the piece's near copies (疑似重复); one asks for the mail the piece came in
# (mailroom's panel beside the piece, tests/mailroom_tests/test_piece_panel.py).
ARTICLE_PAGE_QUERIES = 19


def test_change_page_offers_the_editors_moves_and_a_move_changes_the_status(client, editor):
    piece = submitted_piece()
    change = reverse("admin:articles_article_change", args=[piece.pk])

    page = client.get(change).content.decode()
    response = client.post(
        reverse("admin:articles_article_move", args=[piece.pk]), {"to": "in_review", "note": ""}
    )

    assert "开始审阅" in page and "退修" in page and "不予采用" in page
    assert response.status_code == 302
    piece.refresh_from_db()
    assert piece.status == Status.IN_REVIEW


def test_a_refused_move_changes_nothing_and_says_why(client, editor):
    piece = submitted_piece()

    response = client.post(
        reverse("admin:articles_article_move", args=[piece.pk]),
        {"to": "revision", "note": ""},
        follow=True,
    )

    piece.refresh_from_db()
    assert piece.status == Status.SUBMITTED
    assert "需要写明意见" in response.content.decode()


def test_moves_and_publishing_need_staff_rights(client):
    piece = submitted_piece()
    client.force_login(make_correspondent())

    response = client.post(
        reverse("admin:articles_article_move", args=[piece.pk]), {"to": "in_review"}
    )

    assert response.status_code == 302 and reverse("admin:login") in response.url
    assert Article.objects.get(pk=piece.pk).status == Status.SUBMITTED


def test_status_cannot_be_edited_in_the_change_form(client, editor):
    piece = submitted_piece()

    html = client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()

    assert 'name="status"' not in html


def test_a_piece_is_offered_only_the_issues_still_being_assembled(client, editor):
    piece = accepted_piece(editor)
    make_issue(date=datetime.date(2024, 6, 4))
    make_issue(date=datetime.date(2023, 5, 2), published_at=timezone.now())

    html = client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()

    assert "2024年6月4日" in html
    assert "2023年5月2日" not in html


def test_the_change_form_cannot_place_a_submitted_piece_in_an_issue(client, editor):
    piece = submitted_piece()
    issue = make_issue()
    change = reverse("admin:articles_article_change", args=[piece.pk])
    data = change_form_data(client.get(change))

    response = client.post(change, {**data, "issue": issue.pk, "page": 1, "position": 1})

    assert response.status_code == 302
    piece.refresh_from_db()
    assert (piece.issue, piece.page, piece.position) == (None, None, None)
    assert piece.status == Status.SUBMITTED


def test_a_published_piece_cannot_be_moved_into_an_unpublished_issue(client, editor):
    printed = make_issue(date=datetime.date(2023, 5, 2), published_at=timezone.now())
    piece = make_article(issue=printed, page=2, position=1)
    upcoming = make_issue(date=datetime.date(2024, 6, 4))
    change = reverse("admin:articles_article_change", args=[piece.pk])
    data = change_form_data(client.get(change))

    client.post(change, {**data, "issue": upcoming.pk, "page": 1, "position": 3})

    piece.refresh_from_db()
    assert (piece.issue, piece.page, piece.position) == (printed, 2, 1)
    client.logout()
    assert is_not_found_page(client.get(reverse("reader:issue_detail", args=["2024-06-04"])))


def test_the_add_form_cannot_create_a_piece_placed_in_an_issue(client, editor):
    issue = make_issue()
    add = reverse("admin:articles_article_add")
    data = change_form_data(client.get(add))
    data.update(title="编辑新建的稿件", body="正文。", genre="消息", zone=make_zone().pk)

    response = client.post(add, {**data, "issue": issue.pk, "page": 1, "position": 1})

    assert response.status_code == 302
    created = Article.objects.get(title="编辑新建的稿件")
    assert (created.issue, created.page, created.position) == (None, None, None)


def test_a_scheduled_piece_is_placed_on_its_page_but_not_moved_to_another_issue(client, editor):
    issue, other = make_issue(), make_issue()
    piece = scheduled_piece(editor, issue)
    change = reverse("admin:articles_article_change", args=[piece.pk])
    data = change_form_data(client.get(change))

    client.post(change, {**data, "issue": other.pk, "page": 3, "position": 2})

    piece.refresh_from_db()
    assert (piece.issue, piece.page, piece.position) == (issue, 3, 2)


def test_saving_the_change_form_does_not_undo_a_move_made_meanwhile(client, editor):
    piece = submitted_piece()
    change = reverse("admin:articles_article_change", args=[piece.pk])
    data = change_form_data(client.get(change))
    moved = []

    def correspondent_withdraws_meanwhile(sender, instance, **kwargs):
        # Right after the admin has read the piece for this request, the author withdraws it.
        if instance.pk == piece.pk and not moved:
            moved.append(True)
            Article.objects.filter(pk=piece.pk).update(status=Status.WITHDRAWN)

    post_init.connect(correspondent_withdraws_meanwhile, sender=Article)
    try:
        client.post(change, {**data, "title": "编辑改过的标题"})
    finally:
        post_init.disconnect(correspondent_withdraws_meanwhile, sender=Article)

    piece.refresh_from_db()
    assert moved and piece.title == "编辑改过的标题"
    assert piece.status == Status.WITHDRAWN


def test_article_page_query_count_is_pinned_and_does_not_grow_with_its_history(
    client, editor, django_assert_num_queries
):
    piece = submitted_piece()
    change = reverse("admin:articles_article_change", args=[piece.pk])
    client.get(change)
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        client.get(change)
    for _ in range(3):
        article_transition(article=piece, to=Status.IN_REVIEW, by=make_editor())
        article_transition(article=piece, to=Status.REVISION, by=make_editor(), note="再改。")
        article_transition(article=piece, to=Status.SUBMITTED, by=piece.authors.get().user)

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(change)

    assert response.status_code == 200 and response.content.decode().count("再改。") == 3
