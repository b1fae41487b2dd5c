"""The editors' queue in the admin: the list of what waits, and moving many pieces at once."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from editorial.admin.bulk_moves import bulk_move_actions
from editorial.roles import Role
from editorial.workflow import AWAITING_EDITORS, Move, article_transition, moves_table
from tests.editorial_tests.admin_pieces import (
    accepted_piece,
    submitted_piece,
)
from tests.factories import make_article, make_issue

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def test_queue_opens_on_what_waits_with_number_length_and_days(client, editor):
    waiting = submitted_piece()
    make_article(title="早已刊发的稿件")

    response = client.get(reverse(CHANGELIST))

    html = response.content.decode()
    assert waiting.manuscript_number in html
    assert "700/800" in html
    assert "0天" in html
    assert "早已刊发的稿件" not in html
    everything = client.get(reverse(CHANGELIST), {"queue": "all"}).content.decode()
    assert "早已刊发的稿件" in everything


def test_every_editors_move_on_waiting_pieces_is_a_bulk_action_labelled_as_in_the_table(
    client, editor
):
    submitted_piece()

    html = client.get(reverse(CHANGELIST)).content.decode()

    offered = dict(re.findall(r'<option value="(move_to_\w+)">([^<]+)</option>', html))
    expected = {
        f"move_to_{to.value}": move.label + ("（附意见）" if move.needs_note else "")
        for (source, to), move in moves_table(1).items()
        if source in AWAITING_EDITORS and Role.EDITOR in move.roles
    }
    assert offered == expected
    assert sorted(offered.values()) == sorted(
        ["开始审阅", "退修（附意见）", "录用", "不予采用（附意见）", "排入一期"]
    )


def test_a_move_added_to_the_table_gets_its_bulk_action():
    added = Move(frozenset({Role.EDITOR}), "代为撤回", needs_note=True)

    actions = bulk_move_actions({**moves_table(1), (Status.SUBMITTED, Status.WITHDRAWN): added})

    descriptions = {action.__name__: action.short_description for action in actions}
    assert descriptions["move_to_withdrawn"] == "代为撤回（附意见）"


def test_bulk_send_back_asks_for_a_note_then_moves_every_piece(client, editor):
    pieces = [submitted_piece("甲"), submitted_piece("乙")]
    data = {"action": "move_to_revision", "_selected_action": [p.pk for p in pieces]}

    ask = client.post(reverse(CHANGELIST), data)
    done = client.post(
        reverse(CHANGELIST), {**data, "confirm": "1", "note": "请补充数据。"}, follow=True
    )

    assert "给通讯员的意见" in ask.content.decode()
    assert set(
        Article.objects.filter(pk__in=[p.pk for p in pieces]).values_list("status", flat=True)
    ) == {Status.REVISION}
    assert "退修：2 篇" in done.content.decode()


def test_a_bulk_move_without_the_note_it_needs_asks_again_and_moves_nothing(client, editor):
    piece = submitted_piece()

    response = client.post(
        reverse(CHANGELIST),
        {"action": "move_to_revision", "_selected_action": [piece.pk], "confirm": "1", "note": " "},
    )

    assert "请写明意见，让通讯员知道原因。" in response.content.decode()
    assert Article.objects.get(pk=piece.pk).status == Status.SUBMITTED


def test_bulk_accept_reports_pieces_it_could_not_move(client, editor):
    reviewed = submitted_piece("审阅中")
    article_transition(article=reviewed, to=Status.IN_REVIEW, by=editor)
    fresh = submitted_piece("刚投稿")

    response = client.post(
        reverse(CHANGELIST),
        {"action": "move_to_accepted", "_selected_action": [reviewed.pk, fresh.pk]},
        follow=True,
    )

    assert Article.objects.get(pk=reviewed.pk).status == Status.ACCEPTED
    assert Article.objects.get(pk=fresh.pk).status == Status.SUBMITTED
    assert "《刚投稿》" in response.content.decode()


@pytest.mark.parametrize("chosen", ["missing", "published", "not a number"])
def test_bulk_schedule_into_an_issue_that_cannot_take_pieces_says_so_and_changes_nothing(
    client, editor, chosen
):
    piece = accepted_piece(editor)
    issue = {
        "missing": 999999,
        "published": make_issue(published_at=timezone.now()).pk,
        "not a number": "第一期",
    }[chosen]

    response = client.post(
        reverse(CHANGELIST),
        {
            "action": "move_to_scheduled",
            "_selected_action": [piece.pk],
            "confirm": "1",
            "issue": issue,
        },
    )

    assert response.status_code == 200  # the confirmation page again, with the error on it
    assert "所选的一期不存在或已经发布，不能再排入稿件。" in response.content.decode()
    piece.refresh_from_db()
    assert (piece.status, piece.issue) == (Status.ACCEPTED, None)
    assert piece.transitions.count() == 3  # submitted, in review, accepted: nothing since


def test_schedule_place_and_publish_an_issue_from_the_admin(client, editor):
    piece = accepted_piece(editor)
    issue = make_issue(title="")
    client.post(
        reverse(CHANGELIST),
        {
            "action": "move_to_scheduled",
            "_selected_action": [piece.pk],
            "confirm": "1",
            "issue": issue.pk,
        },
    )
    publish = reverse("admin:articles_issue_publish", args=[issue.pk])

    refused = client.post(publish, follow=True)
    Article.objects.filter(pk=piece.pk).update(page=1, position=1)
    published = client.post(publish, follow=True)

    assert "还没有安排版次" in refused.content.decode()
    assert "已发布，1 篇稿件公开" in published.content.decode()
    piece.refresh_from_db()
    assert piece.status == Status.PUBLISHED and piece.issue == issue
    assert piece.title in client.get(reverse("reader:home")).content.decode()


def test_with_review_levels_each_editor_has_a_queue_of_their_own_stage(client, settings):
    from tests.factories import make_editor

    settings.KFQ_REVIEW_LEVELS = 3
    second = make_editor("fushen", levels=[Role.SECOND_REVIEWER])
    make_article(title="等待初审的稿件", status=Status.IN_REVIEW)
    make_article(title="等待复审的稿件", status=Status.FIRST_PASSED)
    client.force_login(second)

    html = client.get(reverse(CHANGELIST), {"queue": "mine"}).content.decode()

    assert "待我审" in html
    assert "等待复审的稿件" in html
    assert "等待初审的稿件" not in html


def test_with_one_level_there_is_no_queue_of_my_own(client, editor):
    assert "待我审" not in client.get(reverse(CHANGELIST)).content.decode()
