"""One click on 投稿 makes one piece, however often the browser sends it."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_correspondent
from tests.portal_tests.helpers import form_data, make_call, rendered_form_data

pytestmark = pytest.mark.django_db


def test_the_same_form_posted_twice_makes_one_piece_with_one_number(client):
    author = make_correspondent(name="麻洁琼")
    client.force_login(author)
    call = make_call()
    rendered = rendered_form_data(client.get(reverse("portal:submit")).content.decode())
    data = {
        **form_data(call, author.contributor.zone),
        "submission_token": rendered["submission_token"],
        "submit": "1",
    }

    first = client.post(reverse("portal:submit"), data)
    second = client.post(reverse("portal:submit"), data)

    piece = Article.objects.get()
    assert piece.manuscript_number
    assert first.url == second.url == reverse("portal:my_submission", args=[piece.pk])


def test_another_users_token_does_not_reach_their_piece(client):
    call = make_call()
    first, second = make_correspondent(), make_correspondent()
    client.force_login(first)
    token = rendered_form_data(client.get(reverse("portal:submit")).content.decode())[
        "submission_token"
    ]
    client.post(
        reverse("portal:submit"),
        {**form_data(call, first.contributor.zone), "submission_token": token, "save": "1"},
    )
    client.force_login(second)

    response = client.post(
        reverse("portal:submit"),
        {**form_data(call, second.contributor.zone), "submission_token": token, "save": "1"},
    )

    assert response.status_code == 200
    assert "请刷新" in response.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_form_posted_twice_at_once_makes_one_piece():
    import threading

    from django.db import connection
    from django.test import Client

    author = make_correspondent(name="麻洁琼")
    call = make_call()
    browser = Client()
    browser.force_login(author)
    rendered = rendered_form_data(browser.get(reverse("portal:submit")).content.decode())
    data = {
        **form_data(call, author.contributor.zone),
        "submission_token": rendered["submission_token"],
        "submit": "1",
    }
    start = threading.Barrier(2)
    answers = []

    def post():
        start.wait()
        try:
            answers.append(browser.post(reverse("portal:submit"), data))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    piece = Article.objects.get()
    assert piece.manuscript_number
    assert [a.url for a in answers] == [reverse("portal:my_submission", args=[piece.pk])] * 2
