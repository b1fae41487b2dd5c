"""The original mail beside a piece that came by mail, on the piece's editors' page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Status
from editorial.admin import piece_panels
from mailroom.admin.piece_panel import original_mail
from tests.factories import make_article, make_editor, make_user

from .stored_mails import piece_from_mail, stored_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def piece_page(client, article) -> str:
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_mail_a_piece_came_in_stands_beside_it(client, editor):
    mail = stored_mail(
        subject="投稿：介休经开区项目开工",
        text="编辑老师好，附件是我区的稿件。",
        attachments=[("介休开工.docx", b"PK", ""), ("现场.wps", b"", "请改存为 .docx 再发。")],
    )
    piece = make_article(status=Status.SUBMITTED, title="介休经开区项目开工", genre="消息")
    piece_from_mail(mail, piece, guessed_genre="消息")

    html = piece_page(client, piece)

    assert 'class="piece-panels"' in html and "原始邮件" in html
    assert "李娜 &lt;lina@example.com&gt;" in html and "2026-03-02 17:30" in html
    assert "投稿：介休经开区项目开工" in html and "编辑老师好，附件是我区的稿件。" in html
    docx = mail.attachments.get(filename="介休开工.docx")
    download = reverse("admin:mailroom_incomingmail_attachment", args=[mail.pk, docx.pk])
    assert f'href="{download}" download' in html
    assert "现场.wps" in html and "请改存为 .docx 再发。" in html
    assert "体裁“消息”是按篇幅推测的，请核定。" in html
    assert reverse("admin:mailroom_incomingmail_change", args=[mail.pk]) in html


def test_a_genre_the_editor_changed_is_no_longer_marked_a_guess(client, editor):
    piece = make_article(status=Status.SUBMITTED, genre="通讯")
    piece_from_mail(stored_mail(), piece, guessed_genre="消息")

    html = piece_page(client, piece)

    assert "原始邮件" in html and "按篇幅推测" not in html


def test_a_piece_from_the_portal_has_no_mail_panel(client, editor):
    piece = make_article(status=Status.SUBMITTED)

    assert 'class="piece-panels"' not in piece_page(client, piece)


def test_the_panel_shows_nothing_to_a_login_who_is_no_editor(rf):
    piece = make_article(status=Status.SUBMITTED)
    piece_from_mail(stored_mail(), piece)
    request = rf.get("/")
    request.user = make_user("staff", staff=True)

    assert original_mail(request, piece) == ""


def test_the_panel_is_registered_once_with_the_piece_page():
    # The admin loads mailroom's admin at start-up; registering again must not show it twice.
    piece_panels.register(original_mail)

    assert piece_panels._panels.count(original_mail) == 1


def queries_of(client, article) -> int:
    with CaptureQueriesContext(connection) as queries:
        piece_page(client, article)
    return len(queries)


def test_the_panel_costs_the_same_however_many_mails_and_attachments(client, editor):
    piece = make_article(status=Status.SUBMITTED)
    piece_page(client, piece)
    without_mail = queries_of(client, piece)
    piece_from_mail(stored_mail(attachments=[("a.docx", b"PK", "")]), piece)
    with_mail = queries_of(client, piece)
    for n in range(3):
        piece_from_mail(stored_mail(attachments=[(f"{n}.docx", b"PK", "")] * 2), piece)

    # Every piece's page asks whether it came by mail; one that did also reads the attachments.
    assert with_mail == without_mail + 1 == queries_of(client, piece)
