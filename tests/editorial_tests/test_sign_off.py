"""签发: the 总编辑 signs an issue off; with three review levels nothing is published without it."""

import pytest
from django.urls import reverse

from articles.models import Issue, Status
from editorial import workflow
from editorial.roles import Role
from tests.editorial_tests.admin_pieces import accepted_piece, scheduled_piece
from tests.factories import make_editor, make_issue
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief():
    return make_editor("chief", levels=[Role.CHIEF_EDITOR])


@pytest.fixture
def desk():
    """An editor without review levels, who schedules and places pieces."""
    return make_editor("desk")


def placed_issue(desk):
    issue = make_issue()
    piece = scheduled_piece(desk, issue)
    piece.page, piece.position = 1, 1
    piece.save(update_fields=["page", "position"])
    return issue


def test_the_chief_editor_signs_off_an_issue_with_scheduled_pieces(chief, desk):
    issue = placed_issue(desk)

    signed = workflow.sign_off_issue(issue=issue, by=chief)

    assert signed.signed_off_by == chief and signed.signed_off_at is not None
    assert Issue.objects.get(pk=issue.pk).signed_off_by == chief


def test_only_the_chief_editor_signs_off(desk):
    issue = placed_issue(desk)
    first = make_editor(levels=[Role.FIRST_REVIEWER, Role.SECOND_REVIEWER])

    for person in (desk, first):
        with pytest.raises(workflow.SignOffRefused, match="只有总编辑可以签发"):
            workflow.sign_off_issue(issue=issue, by=person)

    assert Issue.objects.get(pk=issue.pk).signed_off_at is None


def test_an_issue_with_nothing_scheduled_is_not_signed_off(chief):
    with pytest.raises(workflow.SignOffRefused, match="还没有已排期的稿件"):
        workflow.sign_off_issue(issue=make_issue(), by=chief)


@pytest.mark.parametrize("change", ["schedule", "unschedule"])
def test_scheduling_into_or_out_of_a_signed_off_issue_clears_the_sign_off(chief, desk, change):
    issue = placed_issue(desk)
    piece = issue.articles.get() if change == "unschedule" else accepted_piece(desk)
    workflow.sign_off_issue(issue=issue, by=chief)

    if change == "schedule":
        workflow.article_transition(article=piece, to=Status.SCHEDULED, by=desk, issue=issue)
    else:
        workflow.article_transition(article=piece, to=Status.ACCEPTED, by=desk)

    issue.refresh_from_db()
    assert issue.signed_off_by is None and issue.signed_off_at is None


def test_with_three_levels_an_issue_is_published_only_after_sign_off(chief, desk, settings):
    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = 3

    with pytest.raises(workflow.IssueNotPublishable, match="本期尚未经总编辑签发"):
        workflow.publish_issue(issue=issue, by=desk)
    workflow.sign_off_issue(issue=issue, by=chief)

    assert workflow.publish_issue(issue=issue, by=desk) == 1


@pytest.mark.parametrize("levels", [1, 2])
def test_with_one_or_two_levels_publishing_needs_no_sign_off(desk, levels, settings):
    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = levels

    assert workflow.publish_issue(issue=issue, by=desk) == 1


# --- the page -------------------------------------------------------------------------------


def sign_off_url(issue):
    return reverse("admin:articles_issue_sign_off", args=[issue.pk])


@pytest.mark.parametrize("role", ROLES)
def test_the_sign_off_door_for_every_role(client, role, desk):
    person = people_by_role()[role]
    issue = placed_issue(desk)
    if person is not None:
        client.force_login(person)

    response = client.post(sign_off_url(issue))

    issue.refresh_from_db()
    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    elif role == "staff":
        assert response.status_code == 403
    else:
        assert response.status_code == 302
    # Only the superuser holds the 总编辑 role among these (editor1 has no review level).
    assert (issue.signed_off_at is not None) == (role == "superuser")


def test_the_issue_page_offers_sign_off_to_the_chief_editor_and_then_shows_who_and_when(
    client, chief, desk, settings
):
    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = 3
    change = reverse("admin:articles_issue_change", args=[issue.pk])
    client.force_login(desk)
    assert 'value="签发"' not in client.get(change).content.decode()
    client.force_login(chief)
    assert 'value="签发"' in client.get(change).content.decode()

    client.post(sign_off_url(issue))
    page = client.get(change).content.decode()

    assert "签发：chief" in page and 'value="签发"' not in page


def test_with_one_level_the_issue_page_shows_no_sign_off(client, desk):
    issue = placed_issue(desk)
    client.force_login(make_editor(levels=[Role.CHIEF_EDITOR]))

    page = client.get(reverse("admin:articles_issue_change", args=[issue.pk])).content.decode()

    assert "签发" not in page


def test_with_three_levels_the_confirmation_offers_no_publishing_before_sign_off(
    client, desk, settings
):
    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = 3
    client.force_login(desk)

    page = client.get(reverse("admin:articles_issue_publish", args=[issue.pk])).content.decode()

    assert "本期尚未经总编辑签发" in page and 'value="确认发布"' not in page


def test_changing_a_scheduled_pieces_text_after_sign_off_needs_a_new_sign_off(
    client, chief, desk, settings
):
    from tests.editorial_tests.admin_pieces import change_form_data

    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = 3
    workflow.sign_off_issue(issue=issue, by=chief)
    piece = issue.articles.get()
    client.force_login(desk)
    change = reverse("admin:articles_article_change", args=[piece.pk])

    response = client.post(
        change, {**change_form_data(client.get(change)), "body": "签发后改过的正文。"}, follow=True
    )

    issue.refresh_from_db()
    assert issue.signed_off_at is None and issue.signed_off_by is None
    assert "签发已撤销" in response.content.decode()
    with pytest.raises(workflow.IssueNotPublishable, match="签发"):
        workflow.publish_issue(issue=issue, by=chief)


def test_saving_a_scheduled_piece_unchanged_keeps_the_sign_off(client, chief, desk, settings):
    from tests.editorial_tests.admin_pieces import change_form_data

    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = 3
    workflow.sign_off_issue(issue=issue, by=chief)
    piece = issue.articles.get()
    client.force_login(desk)
    change = reverse("admin:articles_article_change", args=[piece.pk])

    client.post(change, change_form_data(client.get(change)))

    issue.refresh_from_db()
    assert issue.signed_off_at is not None


def test_changing_a_scheduled_pieces_photo_after_sign_off_needs_a_new_sign_off(
    chief, desk, settings
):
    from articles.models import Photo

    issue = placed_issue(desk)
    settings.KFQ_REVIEW_LEVELS = 3
    piece = issue.articles.get()
    photo = Photo.objects.create(article=piece, caption="园区全景")
    workflow.sign_off_issue(issue=issue, by=chief)

    photo.caption = "园区全景（资料图）"
    photo.save()

    issue.refresh_from_db()
    assert issue.signed_off_at is None
    workflow.sign_off_issue(issue=issue, by=chief)
    photo.delete()
    issue.refresh_from_db()
    assert issue.signed_off_at is None


def test_a_photo_change_on_a_piece_of_another_issue_keeps_the_sign_off(chief, desk):
    from articles.models import Photo

    issue = placed_issue(desk)
    workflow.sign_off_issue(issue=issue, by=chief)
    elsewhere = scheduled_piece(desk, make_issue())

    Photo.objects.create(article=elsewhere, caption="别的稿件的图片")

    issue.refresh_from_db()
    assert issue.signed_off_at is not None
