import pytest
from django.urls import reverse

from articles.models import MailPreference, Status
from editorial.workflow import article_transition
from tests.factories import make_article, make_correspondent, make_editor
from tests.mail import sent_mail

pytestmark = pytest.mark.django_db


def move(piece, to, by, note="", callbacks=None):
    with callbacks(execute=True):
        article_transition(article=piece, to=to, by=by, note=note)


def test_editors_hear_of_new_submissions_and_authors_get_a_receipt(
    django_capture_on_commit_callbacks,
):
    author = make_correspondent(email="a@example.cn")
    editor = make_editor()
    editor.email = "e@example.cn"
    editor.save()
    piece = make_article(status=Status.DRAFT, authors=[author.contributor])

    move(piece, Status.SUBMITTED, author, callbacks=django_capture_on_commit_callbacks)

    recipients = sorted(address for message in sent_mail() for address in message.to)
    assert recipients == ["a@example.cn", "e@example.cn"]
    assert any("新投稿" in m.subject for m in sent_mail())


def test_turning_off_optional_mail_keeps_essential_mail(client, django_capture_on_commit_callbacks):
    author = make_correspondent(email="a@example.cn")
    client.force_login(author)
    client.post(reverse("portal:mail_settings"), {})  # unchecked box: no optional mail
    editor = make_editor()
    piece = make_article(status=Status.SUBMITTED, authors=[author.contributor])

    move(piece, Status.IN_REVIEW, editor, callbacks=django_capture_on_commit_callbacks)
    assert sent_mail() == []
    move(
        piece,
        Status.REVISION,
        editor,
        note="请修改。",
        callbacks=django_capture_on_commit_callbacks,
    )

    assert MailPreference.objects.get(user=author).optional_mail is False
    assert [m.to for m in sent_mail()] == [["a@example.cn"]]
    assert "退修" in sent_mail()[0].subject


def test_editors_can_turn_off_new_submission_alerts(django_capture_on_commit_callbacks):
    author = make_correspondent(email="a@example.cn")
    editor = make_editor()
    editor.email = "e@example.cn"
    editor.save()
    MailPreference.objects.create(user=editor, optional_mail=False)
    piece = make_article(status=Status.DRAFT, authors=[author.contributor])

    move(piece, Status.SUBMITTED, author, callbacks=django_capture_on_commit_callbacks)

    assert all("e@example.cn" not in m.to for m in sent_mail())
