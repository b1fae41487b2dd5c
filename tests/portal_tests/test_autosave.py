"""Autosave (portal.views.autosave): what is being written is saved as a draft, unfinished as it
may be; a session that expired gets 401 (the page keeps the text), never the login page."""

import pytest
from django.urls import reverse

from articles.models import Article, Status
from tests.factories import make_article, make_correspondent
from tests.portal_tests.helpers import form_data, make_call, rendered_form_data
from tests.roles import ROLES, people_by_role

pytestmark = pytest.mark.django_db


def new_form(client) -> dict:
    return rendered_form_data(client.get(reverse("portal:submit")).content.decode())


def test_the_first_autosave_of_a_new_form_makes_a_draft(client, author):
    make_call()
    form = new_form(client)

    answer = client.post(
        reverse("portal:autosave_new"),
        {"title": "", "body": "本刊讯 10月下旬，", "submission_token": form["submission_token"][0]},
    )

    piece = Article.objects.get()
    assert answer.status_code == 200
    assert answer.json()["piece"] == piece.pk
    assert answer.json()["edit_url"] == reverse("portal:revise", args=[piece.pk])
    assert answer.json()["saved_at"].count(":") == 1
    assert piece.status == Status.DRAFT and piece.body == "本刊讯 10月下旬，" and piece.title == ""
    assert piece.zone == author.contributor.zone and piece.call is not None
    assert list(piece.authorships.values_list("contributor", flat=True)) == [author.contributor.pk]


def test_autosave_updates_the_draft_and_leaves_byline_and_photo_alone(client, author):
    piece = make_article(status=Status.REVISION, authors=[author.contributor], photos=1)

    answer = client.post(
        reverse("portal:autosave", args=[piece.pk]), {"title": "新标题", "body": "改了一半的正文"}
    )

    piece.refresh_from_db()
    assert answer.status_code == 200
    assert (piece.title, piece.body, piece.status) == ("新标题", "改了一半的正文", Status.REVISION)
    assert piece.photos.count() == 1 and piece.authorships.count() == 1


def test_the_forms_own_submit_after_an_autosave_submits_the_newest_text(client, author):
    call = make_call()
    form = new_form(client)
    token = form["submission_token"][0]
    client.post(reverse("portal:autosave_new"), {"body": "早先的文字", "submission_token": token})

    client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone), "submission_token": token, "submit": "1"},
    )

    piece = Article.objects.get()
    assert piece.status == Status.SUBMITTED and piece.body == "项" * 1400 + "。"


def test_an_autosave_of_a_form_whose_piece_went_in_is_refused(client, author):
    call = make_call()
    token = new_form(client)["submission_token"][0]
    client.post(
        reverse("portal:submit"),
        {**form_data(call, author.contributor.zone), "submission_token": token, "submit": "1"},
    )

    answer = client.post(reverse("portal:autosave_new"), {"body": "x", "submission_token": token})

    assert answer.status_code == 409
    assert Article.objects.get().body == "项" * 1400 + "。"


def test_a_piece_with_the_editors_is_not_autosaved(client, author):
    piece = make_article(status=Status.SUBMITTED, authors=[author.contributor], body="投出的正文")

    answer = client.post(reverse("portal:autosave", args=[piece.pk]), {"body": "改"})

    piece.refresh_from_db()
    assert answer.status_code == 409 and "状态已变更" in answer.json()["error"]
    assert piece.body == "投出的正文"


def test_an_expired_session_gets_401_and_no_login_page(client):
    piece = make_article(status=Status.DRAFT)

    new = client.post(reverse("portal:autosave_new"), {"body": "x"})
    old = client.post(reverse("portal:autosave", args=[piece.pk]), {"body": "x"})

    assert new.status_code == old.status_code == 401
    assert new.json()["error"] == "登录已过期。"
    assert not Article.objects.exclude(pk=piece.pk).exists()


def test_someone_elses_piece_is_not_found(client, author):
    other = make_correspondent()
    piece = make_article(status=Status.DRAFT, authors=[other.contributor], body="别人的")

    answer = client.post(reverse("portal:autosave", args=[piece.pk]), {"body": "x"})

    piece.refresh_from_db()
    assert answer.status_code == 404 and piece.body == "别人的"


def test_a_choice_that_does_not_exist_is_refused_in_chinese(client, author):
    answer = client.post(reverse("portal:autosave_new"), {"body": "x", "zone": "999999"})

    assert answer.status_code == 400 and "保存草稿" in answer.json()["error"]
    assert not Article.objects.exists()


def test_autosave_answers_only_posts(client, author):
    assert client.get(reverse("portal:autosave_new")).status_code == 405


AUTOSAVES = {"anonymous": 401, "correspondent": 200, "staff": 403, "editor": 403, "superuser": 403}


@pytest.mark.parametrize("role", ROLES)
def test_who_may_autosave_a_new_piece(client, role):
    make_call()
    person = people_by_role()[role]
    if person:
        client.force_login(person)

    answer = client.post(reverse("portal:autosave_new"), {"body": "草稿"})

    assert answer.status_code == AUTOSAVES[role]
    assert Article.objects.exists() == (role == "correspondent")


def test_back_from_logging_in_the_form_is_the_same_form(client, author):
    make_call()
    token = new_form(client)["submission_token"][0]

    again = client.get(reverse("portal:submit") + f"?restore={token}")

    assert rendered_form_data(again.content.decode())["submission_token"] == [token]


def test_back_from_logging_in_after_autosave_made_a_draft_opens_that_draft(client, author):
    make_call()
    token = new_form(client)["submission_token"][0]
    client.post(reverse("portal:autosave_new"), {"body": "半篇", "submission_token": token})

    again = client.get(reverse("portal:submit") + f"?restore={token}")

    piece = Article.objects.get()
    assert again.status_code == 302 and again.url == reverse("portal:revise", args=[piece.pk])


def test_a_restore_token_of_another_users_piece_opens_a_new_form(client, author):
    make_call()
    other = make_correspondent()
    piece = make_article(status=Status.DRAFT, authors=[other.contributor])
    Article.objects.filter(pk=piece.pk).update(
        submission_token="6f1c4b0e-9f55-4a7a-8c1e-4b8b2d3c9a10"
    )

    again = client.get(reverse("portal:submit") + "?restore=6f1c4b0e-9f55-4a7a-8c1e-4b8b2d3c9a10")

    assert again.status_code == 200
    assert "6f1c4b0e-9f55-4a7a-8c1e-4b8b2d3c9a10" not in again.content.decode()
    assert rendered_form_data(again.content.decode())["submission_token"][0]
