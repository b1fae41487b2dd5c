"""Editors' admin pages answer an address that names nothing with 404 or a redirect, never a
500: an id that is not a number, a year no date can hold."""

import pytest

from tests.error_pages import is_not_found_page
from tests.factories import make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    client.raise_request_exception = False  # a 500 must show as a status, not an exception
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/abc/move/",
        "/admin/articles/issue/abc/publish/",
    ],
)
def test_a_move_or_publish_address_with_a_word_for_an_id_is_not_a_500(editor_client, url):
    response = editor_client.post(url, {"to": "in_review"}, follow=True)

    # The admin reads the word as a record's id and sends the editor on to say it is missing.
    assert response.redirect_chain and response.status_code == 200
    assert "不存在" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/awards/credit/0/",
        "/admin/awards/credit/0/ranking/",
        "/admin/awards/credit/0/export.xlsx",
        "/admin/awards/credit/0/pieces.csv",
        "/admin/awards/credit/99999/",
        "/admin/awards/credit/99999/pieces.csv",
        "/admin/awards/credit/10000/export.xlsx",
    ],
)
def test_a_year_list_for_a_year_no_date_can_hold_is_not_found(editor_client, url):
    assert is_not_found_page(editor_client.get(url))


def test_a_real_year_without_pieces_is_still_a_plain_404(editor_client):
    assert is_not_found_page(editor_client.get("/admin/awards/credit/1999/"))
