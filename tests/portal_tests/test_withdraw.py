"""Withdrawing asks for confirmation and a reason; a withdrawn piece can be reopened as a draft
with the same manuscript number, and submitted again as a new version."""

import pytest
from django.urls import reverse

from articles.models import Article, Status
from editorial.workflow import article_transition
from tests.error_pages import is_forbidden_page
from tests.factories import make_article, make_correspondent, make_editor
from tests.mail import sent_mail
from tests.portal_tests.helpers import form_data, make_call, rendered_form_data
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db

REASON = "数据需要与管委会再核实，核实后重新投稿。"


def submitted_piece(client, author):
    call = make_call()
    client.post(
        reverse("portal:submit"), {**form_data(call, author.contributor.zone), "submit": "1"}
    )
    return Article.objects.get()


def test_withdrawing_first_asks_and_changes_nothing(client, author):
    piece = submitted_piece(client, author)

    page = client.get(reverse("portal:withdraw", args=[piece.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert f"确定要撤回《{piece.title}》" in html and "确认撤回" in html and "撤回原因" in html
    piece.refresh_from_db()
    assert piece.status == Status.SUBMITTED


def test_a_withdrawal_without_a_reason_is_refused_and_changes_nothing(client, author):
    piece = submitted_piece(client, author)

    page = client.post(reverse("portal:withdraw", args=[piece.pk]), {"reason": "  "})

    assert "请写明撤回原因，让编辑部知道。" in page.content.decode()
    piece.refresh_from_db()
    assert piece.status == Status.SUBMITTED


def test_a_withdrawal_with_a_reason_is_logged_and_the_editors_are_told(client, author):
    editor = make_editor()
    editor.email = "editor@example.com"
    editor.save()
    piece = submitted_piece(client, author)

    page = client.post(reverse("portal:withdraw", args=[piece.pk]), {"reason": REASON}, follow=True)

    piece.refresh_from_db()
    assert piece.status == Status.WITHDRAWN
    assert piece.transitions.last().note == REASON
    assert "稿件已撤回" in page.content.decode() and REASON in page.content.decode()
    to_editor = [m for m in sent_mail() if m.to == [editor.email]]
    assert to_editor[-1].subject == f"[开发区建设] 作者撤回：{piece.title}"
    assert REASON in to_editor[-1].body


def test_an_accepted_piece_cannot_be_withdrawn(client, author):
    piece = submitted_piece(client, author)
    editor = make_editor()
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    article_transition(article=piece, to=Status.ACCEPTED, by=editor)

    asked = client.get(reverse("portal:withdraw", args=[piece.pk]), follow=True)
    posted = client.post(reverse("portal:withdraw", args=[piece.pk]), {"reason": REASON})

    piece.refresh_from_db()
    assert piece.status == Status.ACCEPTED
    assert "稿件当前为“已录用”，不能撤回。" in asked.content.decode()
    assert posted.status_code == 302


def test_a_withdrawn_piece_reopens_as_a_draft_and_goes_in_again_with_the_same_number(
    client, author
):
    piece = submitted_piece(client, author)
    number = piece.manuscript_number
    client.post(reverse("portal:withdraw", args=[piece.pk]), {"reason": REASON})

    reopened = client.post(reverse("portal:reopen", args=[piece.pk]), follow=True)
    url = reverse("portal:revise", args=[piece.pk])
    data = rendered_form_data(reopened.content.decode())
    client.post(url, {**data, "title": "核实后的标题", "submit": "1"})

    piece.refresh_from_db()
    assert "稿件已重新打开为草稿" in reopened.content.decode()
    assert reopened.redirect_chain[-1][0] == url
    assert piece.status == Status.SUBMITTED and piece.manuscript_number == number
    assert list(piece.versions.values_list("number", "title")) == [
        (1, "朔州经开区新能源重卡项目投产"),
        (2, "核实后的标题"),
    ]
    assert [(t.from_status, t.to_status) for t in piece.transitions.order_by("at", "pk")] == [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.WITHDRAWN),
        (Status.WITHDRAWN, Status.DRAFT),
        (Status.DRAFT, Status.SUBMITTED),
    ]


def test_a_piece_that_is_not_withdrawn_cannot_be_reopened(client, author):
    piece = submitted_piece(client, author)

    page = client.post(reverse("portal:reopen", args=[piece.pk]), follow=True)

    piece.refresh_from_db()
    assert piece.status == Status.SUBMITTED
    assert "不能改为" in page.content.decode()


def test_reopening_is_a_post(client, author):
    piece = make_article(status=Status.WITHDRAWN, authors=[author.contributor])

    assert client.get(reverse("portal:reopen", args=[piece.pk])).status_code == 405


# Withdrawing with a reason, per role: only the piece's author.
WITHDRAWS = {
    "anonymous": "login",
    "correspondent": True,
    "staff": False,
    "editor": False,
    "superuser": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_withdraw_a_piece(client, role):
    people = people_by_role()
    piece = make_article(status=Status.SUBMITTED, authors=[people["correspondent"].contributor])
    if people[role]:
        client.force_login(people[role])

    response = client.post(reverse("portal:withdraw", args=[piece.pk]), {"reason": REASON})

    piece.refresh_from_db()
    assert (piece.status == Status.WITHDRAWN) == (WITHDRAWS[role] is True)
    if WITHDRAWS[role] == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif WITHDRAWS[role] is False:
        assert response.status_code == 404


def test_another_correspondent_cannot_withdraw_or_reopen(client, author):
    piece = make_article(status=Status.SUBMITTED, authors=[author.contributor])
    withdrawn = make_article(status=Status.WITHDRAWN, authors=[author.contributor])
    client.force_login(make_correspondent())

    assert (
        client.post(reverse("portal:withdraw", args=[piece.pk]), {"reason": REASON}).status_code
        == 404
    )
    assert client.post(reverse("portal:reopen", args=[withdrawn.pk])).status_code == 404
    assert not is_forbidden_page(client.get(reverse("portal:withdraw", args=[piece.pk])))
