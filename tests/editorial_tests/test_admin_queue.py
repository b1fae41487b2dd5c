import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, CallForPapers, CallGenre, Status
from editorial.admin.bulk_moves import bulk_move_actions
from editorial.roles import Role
from editorial.workflow import AWAITING_EDITORS, MOVES, Move, article_transition
from tests.error_pages import is_not_found_page
from tests.factories import (
    make_article,
    make_correspondent,
    make_editor,
    make_issue,
    make_zone,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def submitted_piece(title="待审稿件", body="字" * 700 + "。", genre="消息"):
    author = make_correspondent()
    call = CallForPapers.objects.first() or CallForPapers.objects.create(date="2023-03-28")
    CallGenre.objects.get_or_create(call=call, genre="消息", defaults={"target_length": 800})
    piece = make_article(
        status=Status.DRAFT,
        authors=[author.contributor],
        title=title,
        body=body,
        genre=genre,
        call=call,
    )
    return article_transition(article=piece, to=Status.SUBMITTED, by=author)


def accepted_piece(editor):
    piece = submitted_piece()
    article_transition(article=piece, to=Status.IN_REVIEW, by=editor)
    return article_transition(article=piece, to=Status.ACCEPTED, by=editor)


def scheduled_piece(editor, issue):
    piece = accepted_piece(editor)
    return article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=issue)


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


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


def test_status_cannot_be_edited_in_the_change_form(client, editor):
    piece = submitted_piece()

    html = client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()

    assert 'name="status"' not in html


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


def test_every_editors_move_on_waiting_pieces_is_a_bulk_action_labelled_as_in_the_table(
    client, editor
):
    submitted_piece()

    html = client.get(reverse(CHANGELIST)).content.decode()

    offered = dict(re.findall(r'<option value="(move_to_\w+)">([^<]+)</option>', html))
    expected = {
        f"move_to_{to.value}": move.label + ("（附意见）" if move.needs_note else "")
        for (source, to), move in MOVES.items()
        if source in AWAITING_EDITORS and Role.EDITOR in move.roles
    }
    assert offered == expected
    assert sorted(offered.values()) == sorted(
        ["开始审阅", "退修（附意见）", "录用", "不予采用（附意见）", "排入一期"]
    )


def test_a_move_added_to_the_table_gets_its_bulk_action():
    added = Move(frozenset({Role.EDITOR}), "代为撤回", needs_note=True)

    actions = bulk_move_actions({**MOVES, (Status.SUBMITTED, Status.WITHDRAWN): added})

    descriptions = {action.__name__: action.short_description for action in actions}
    assert descriptions["move_to_withdrawn"] == "代为撤回（附意见）"


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


def test_a_piece_is_offered_only_the_issues_still_being_assembled(client, editor):
    piece = accepted_piece(editor)
    make_issue(date=datetime.date(2024, 6, 4))
    make_issue(date=datetime.date(2023, 5, 2), published_at=timezone.now())

    html = client.get(reverse("admin:articles_article_change", args=[piece.pk])).content.decode()

    assert "2024年6月4日" in html
    assert "2023年5月2日" not in html


def test_moves_and_publishing_need_staff_rights(client):
    piece = submitted_piece()
    client.force_login(make_correspondent())

    response = client.post(
        reverse("admin:articles_article_move", args=[piece.pk]), {"to": "in_review"}
    )

    assert response.status_code == 302 and reverse("admin:login") in response.url
    assert Article.objects.get(pk=piece.pk).status == Status.SUBMITTED


def test_a_published_issue_no_longer_offers_placement_fields(client, editor):
    issue = make_issue()
    piece = scheduled_piece(editor, issue)
    Article.objects.filter(pk=piece.pk).update(page=1, position=1)
    change = reverse("admin:articles_issue_change", args=[issue.pk])

    before = client.get(change).content.decode()
    client.post(reverse("admin:articles_issue_publish", args=[issue.pk]))
    after = client.get(change).content.decode()

    assert 'name="articles-0-page"' in before
    assert 'name="articles-0-page"' not in after and "发布本期" not in after


# An editor's change pages, the same for a short page and a long one. Django caches content types
# per process, so the first admin page a process opens costs two more queries (the count then
# depended on which test ran first): each test opens its page once before counting.
ISSUE_PAGE_QUERIES = 8
ARTICLE_PAGE_QUERIES = 17


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


def change_form_data(response) -> dict:
    """What the admin form on the page would post back if the editor changed nothing."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or hasattr(value, "url"):
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


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


def test_saving_the_change_form_does_not_undo_a_move_made_meanwhile(client, editor):
    from django.db.models.signals import post_init

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
