"""Issue assembly on one screen: placing and reordering pieces, scheduling the accepted ones,
the page budget, and 发布本期 saving what is typed before a confirmation."""

import pytest
from django.urls import reverse

from articles.models import Article, Status
from tests.editorial_tests.admin_pieces import (
    accepted_piece,
    change_form_data,
    scheduled_piece,
)
from tests.factories import make_editor, make_issue
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db

# The assembly screen's queries, however many pieces it places and lists (see
# test_admin_issue_page.py for why each test opens the page once before counting).
ASSEMBLY_PAGE_QUERIES = 8


def change_url(issue):
    return reverse("admin:articles_issue_change", args=[issue.pk])


def publish_url(issue):
    return reverse("admin:articles_issue_publish", args=[issue.pk])


def placed(editor, issue, page, position, **fields):
    piece = scheduled_piece(editor, issue)
    Article.objects.filter(pk=piece.pk).update(page=page, position=position, **fields)
    return Article.objects.get(pk=piece.pk)


def row_prefix(response, piece):
    """The inline form prefix of this piece's row on the page."""
    formset = response.context["inline_admin_formsets"][0].formset
    return next(form.prefix for form in formset.forms if form.instance.pk == piece.pk)


def test_publish_saves_the_typed_placement_first_then_asks_for_confirmation(client, editor):
    # Regression: 发布本期 was a separate form that threw away page/position typed here.
    issue = make_issue(pages=4)
    piece = scheduled_piece(editor, issue)
    page = client.get(change_url(issue))
    data = change_form_data(page)
    prefix = row_prefix(page, piece)
    data.update({f"{prefix}-page": 3, f"{prefix}-position": 2, "_publish": "发布本期"})

    response = client.post(change_url(issue), data)

    assert response.status_code == 302 and response["Location"] == publish_url(issue)
    piece.refresh_from_db()
    assert (piece.page, piece.position, piece.status) == (3, 2, Status.SCHEDULED)


def test_the_confirmation_lists_what_becomes_public_and_publishes_only_when_confirmed(
    client, editor
):
    issue = make_issue()
    first = placed(editor, issue, 1, 1, title="头版头条")
    second = placed(editor, issue, 2, 1, title="二版稿件")

    confirmation = client.get(publish_url(issue)).content.decode()

    assert "确认发布" in confirmation and "返回修改" in confirmation
    assert confirmation.index("头版头条") < confirmation.index("二版稿件")
    assert first.zone.display_name in confirmation
    assert not Article.objects.filter(status=Status.PUBLISHED).exists()
    issue.refresh_from_db()
    assert issue.published_at is None

    client.post(publish_url(issue), {"confirm": "确认发布"})

    assert set(Article.objects.filter(status=Status.PUBLISHED)) == {first, second}


def test_the_confirmation_offers_no_publishing_while_a_piece_has_no_place(client, editor):
    issue = make_issue()
    scheduled_piece(editor, issue)

    page = client.get(publish_url(issue)).content.decode()

    assert "还没有安排版次和顺序" in page and 'value="确认发布"' not in page


def test_two_pieces_swap_positions_in_one_save(client, editor):
    issue = make_issue()
    first = placed(editor, issue, 1, 1)
    second = placed(editor, issue, 1, 2)
    page = client.get(change_url(issue))
    data = change_form_data(page)
    data[f"{row_prefix(page, first)}-position"] = 2
    data[f"{row_prefix(page, second)}-position"] = 1

    response = client.post(change_url(issue), data)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (2, 1)


def test_a_clash_is_refused_in_chinese_and_keeps_what_was_typed(client, editor):
    issue = make_issue()
    placed(editor, issue, 1, 1, title="甲稿")
    second = placed(editor, issue, 1, 2, title="乙稿")
    page = client.get(change_url(issue))
    data = change_form_data(page)
    data[f"{row_prefix(page, second)}-position"] = 1

    response = client.post(change_url(issue), {**data, "_publish": "发布本期"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "第1版第1条同时排了《甲稿》和《乙稿》" in html
    second_row = row_prefix(response, second)
    assert f'name="{second_row}-position" value="1"' in html  # what was typed is still there
    second.refresh_from_db()
    assert second.position == 2 and not Article.objects.filter(status=Status.PUBLISHED).exists()


def test_pieces_are_grouped_by_page_with_characters_against_the_budget(client, editor, settings):
    settings.KFQ_PAGE_CHARACTERS = 5000
    issue = make_issue(pages=2)
    placed(editor, issue, 1, 1, body="字" * 3000)
    placed(editor, issue, 1, 2, body="字" * 820)
    placed(editor, issue, 2, 1, body="字" * 5001)

    html = client.get(change_url(issue)).content.decode()

    assert "第1版" in html and "3,820 / 5,000 字" in html
    assert "5,001 / 5,000 字" in html and html.count("超出版面字数") == 1


def test_an_accepted_piece_is_scheduled_onto_the_next_free_place(client, editor):
    issue = make_issue(pages=2)
    placed(editor, issue, 1, 1)
    placed(editor, issue, 1, 3)
    waiting = accepted_piece(editor)
    on_page_two = accepted_piece(editor)
    page = client.get(change_url(issue)).content.decode()
    assert waiting.title in page and 'value="排入本期"' in page

    schedule = reverse("admin:articles_issue_schedule", args=[issue.pk])
    client.post(schedule, {"article": waiting.pk})
    client.post(schedule, {"article": on_page_two.pk, "page": 2})

    waiting.refresh_from_db()
    on_page_two.refresh_from_db()
    assert (waiting.status, waiting.issue, waiting.page, waiting.position) == (
        Status.SCHEDULED,
        issue,
        1,
        4,
    )
    assert (on_page_two.page, on_page_two.position) == (2, 1)


def test_a_piece_is_not_scheduled_onto_a_page_the_issue_does_not_have(client, editor):
    issue = make_issue(pages=2)
    piece = accepted_piece(editor)

    client.post(
        reverse("admin:articles_issue_schedule", args=[issue.pk]), {"article": piece.pk, "page": 3}
    )

    piece.refresh_from_db()
    assert piece.status == Status.ACCEPTED and piece.issue is None


def test_the_assembly_page_query_count_does_not_grow_with_its_pieces(
    client, editor, django_assert_num_queries
):
    issue = make_issue()
    placed(editor, issue, 1, 1)
    accepted_piece(editor)
    client.get(change_url(issue))
    with django_assert_num_queries(ASSEMBLY_PAGE_QUERIES):
        client.get(change_url(issue))
    for position in range(2, 8):
        placed(editor, issue, 1 + position % 2, position)
        accepted_piece(editor)

    with django_assert_num_queries(ASSEMBLY_PAGE_QUERIES):
        response = client.get(change_url(issue))

    assert len(response.context["waiting"]) == 7


# --- who may do what ------------------------------------------------------------------------


def expected_refusal(role, response):
    if role in ("anonymous", "correspondent"):
        return response.status_code == 302 and reverse("admin:login") in response["Location"]
    return response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_every_assembly_door_for_every_role(client, role):
    person = people_by_role()[role]
    desk = make_editor("desk")
    issue = make_issue()
    placed(desk, issue, 1, 1)
    waiting = accepted_piece(desk)
    if person is not None:
        client.force_login(person)
    schedule = reverse("admin:articles_issue_schedule", args=[issue.pk])

    page = client.get(change_url(issue))
    confirmation = client.get(publish_url(issue))
    scheduling = client.post(schedule, {"article": waiting.pk})
    publishing = client.post(publish_url(issue), {"confirm": "确认发布"})

    responses = [page, confirmation, scheduling, publishing]
    if role in ("editor", "superuser"):
        assert [r.status_code for r in responses] == [200, 200, 302, 302]
        assert Article.objects.filter(status=Status.PUBLISHED).count() == 2
    else:
        assert all(expected_refusal(role, r) for r in responses)
        assert not Article.objects.filter(status=Status.PUBLISHED).exists()


# --- 新建一期 from a piece's page -------------------------------------------------------------


def test_a_piece_to_schedule_offers_a_new_issue_that_returns_to_it(client, editor):
    piece = accepted_piece(editor)
    piece_page = reverse("admin:articles_article_change", args=[piece.pk])
    add = reverse("admin:articles_issue_add") + f"?for_article={piece.pk}"

    html = client.get(piece_page).content.decode()
    response = client.post(
        add,
        {"date": "2026-12-03", "pages": 4, "articles-TOTAL_FORMS": 0, "articles-INITIAL_FORMS": 0},
    )

    assert "请先新建一期" not in html and f'href="{add}"' in html
    assert response.status_code == 302 and response["Location"] == piece_page
    assert "2026年12月3日" in client.get(piece_page).content.decode()
