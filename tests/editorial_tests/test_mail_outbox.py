"""Mail waits in the outbox: a mail server that is down never breaks a request, and the
worker retries with growing pauses until it gives up and shows the failure to editors."""

import datetime
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, OutgoingMail, Status
from editorial import outbox
from editorial.workflow import article_transition, publish_issue
from tests.error_pages import is_forbidden_page
from tests.factories import make_article, make_correspondent, make_editor, make_issue, make_user
from tests.mail import sent_mail
from tests.portal_tests.helpers import form_data, make_call

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    """The production path with its SMTP server down."""
    settings.KFQ_MAIL_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5


def queued_subjects() -> list[str]:
    return list(
        OutgoingMail.objects.filter(status=OutgoingMail.Status.QUEUED)
        .order_by("pk")
        .values_list("subject", flat=True)
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_mail_server_down_every_step_of_a_piece_still_answers(client, smtp_down):
    # transaction=True: the requests really commit, as they do in production.
    author = make_correspondent(email="author@example.cn")
    editor = make_editor()
    editor.email = "editor@example.cn"
    editor.save()
    call = make_call()
    zone = author.contributor.zone

    client.force_login(author)
    submitted = client.post(reverse("portal:submit"), {**form_data(call, zone), "submit": "1"})
    piece = Article.objects.get()
    assert submitted.status_code == 302 and piece.status == Status.SUBMITTED

    client.force_login(editor)
    move_url = reverse("admin:articles_article_move", args=[piece.pk])
    assert client.post(move_url, {"to": Status.IN_REVIEW}).status_code == 302
    assert client.post(move_url, {"to": Status.REVISION, "note": "请补充数据。"}).status_code == 302

    client.force_login(author)
    resubmitted = client.post(
        reverse("portal:revise", args=[piece.pk]),
        {**form_data(call, zone), "submit": "1"},
    )
    assert resubmitted.status_code == 302

    client.force_login(editor)
    issue = make_issue()
    assert client.post(move_url, {"to": Status.IN_REVIEW}).status_code == 302
    assert client.post(move_url, {"to": Status.ACCEPTED}).status_code == 302
    scheduled = client.post(move_url, {"to": Status.SCHEDULED, "issue": issue.pk})
    assert scheduled.status_code == 302
    Article.objects.filter(pk=piece.pk).update(page=1, position=1)
    publish_url = reverse("admin:articles_issue_publish", args=[issue.pk])
    assert client.post(publish_url).status_code == 302

    piece.refresh_from_db()
    assert piece.status == Status.PUBLISHED
    subjects = queued_subjects()
    assert any("新投稿" in s for s in subjects) and any("重新投稿" in s for s in subjects)
    assert any("退修" in s for s in subjects) and any("已刊发" in s for s in subjects)

    counts = outbox.send_due()

    assert counts["sent"] == 0 and counts["retry"] == len(subjects)
    for queued in OutgoingMail.objects.all():
        assert queued.status == OutgoingMail.Status.QUEUED and queued.attempts == 1
        assert "Connection refused" in queued.last_error or "ConnectionRefused" in queued.last_error


def test_a_password_reset_with_the_mail_server_down_is_queued(client, smtp_down):
    make_correspondent(email="reset@example.cn")

    response = client.post(reverse("password_reset"), {"email": "reset@example.cn"})

    assert response.status_code == 302
    assert OutgoingMail.objects.get().to == ["reset@example.cn"]


@pytest.mark.django_db
def test_the_worker_backs_off_then_gives_up_and_an_editor_can_retry(settings, smtp_down):
    mail.send_mail("主题", "正文", None, ["someone@example.cn"])
    queued = OutgoingMail.objects.get()
    now = timezone.now()

    pauses = []
    for _ in range(outbox.MAX_ATTEMPTS - 1):
        outbox.send_due(now=now)
        queued.refresh_from_db()
        assert queued.status == OutgoingMail.Status.QUEUED
        pauses.append(queued.next_attempt_at - now)
        now = queued.next_attempt_at
    outbox.send_due(now=now)
    queued.refresh_from_db()

    # Each pause is longer than the one before (measured from the attempt's own clock).
    assert [round(p / datetime.timedelta(minutes=1)) for p in pauses][:3] == [1, 5, 30]
    assert queued.status == OutgoingMail.Status.FAILED
    assert queued.attempts == outbox.MAX_ATTEMPTS

    settings.KFQ_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.retry_now(OutgoingMail.objects.all()) == 1
    outbox.send_due()
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT and len(mail.outbox) == 1


@pytest.mark.django_db
def test_nothing_is_sent_before_its_next_attempt():
    mail.send_mail("主题", "正文", None, ["someone@example.cn"])
    OutgoingMail.objects.update(next_attempt_at=timezone.now() + datetime.timedelta(minutes=5))

    assert outbox.send_due() == {"sent": 0, "retry": 0, "failed": 0}
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_message_claimed_by_another_worker_is_not_sent_twice():
    mail.send_mail("主题", "正文", None, ["someone@example.cn"])
    queued = OutgoingMail.objects.get()
    assert outbox._claim(queued, timezone.now())

    assert outbox.send_due()["sent"] == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_title_with_a_line_break_still_gets_its_mail_out():
    author = make_correspondent(email="author@example.cn")
    editor = make_editor()
    issue = make_issue()
    piece = make_article(status=Status.SUBMITTED, authors=[author.contributor])
    # Stored before titles were checked for control characters.
    Article.objects.filter(pk=piece.pk).update(title="第一行\n第二行")

    for to in (Status.IN_REVIEW, Status.REVISION, Status.REJECTED):
        note = "意见" if to != Status.IN_REVIEW else ""
        if to == Status.REJECTED:
            piece = make_article(status=Status.ACCEPTED, authors=[author.contributor])
            Article.objects.filter(pk=piece.pk).update(title="标题\r\n换行")
            article_transition(article=piece, to=Status.SCHEDULED, by=editor, issue=issue)
            Article.objects.filter(pk=piece.pk).update(page=1, position=1)
            publish_issue(issue=issue, by=editor)
            break
        article_transition(article=piece, to=to, by=editor, note=note)

    delivered = sent_mail()

    assert {m.subject for m in delivered} >= {
        "[开发区建设] 稿件审阅中：第一行 第二行",
        "[开发区建设] 稿件退修：第一行 第二行",
        "[开发区建设] 稿件已刊发：标题 换行",
    }
    assert OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).count() == 0


@pytest.mark.django_db
def test_a_move_that_rolls_back_queues_no_mail():
    author = make_correspondent(email="author@example.cn")
    piece = make_article(status=Status.SUBMITTED, authors=[author.contributor])

    with pytest.raises(RuntimeError), transaction.atomic():
        article_transition(article=piece, to=Status.IN_REVIEW, by=make_editor())
        raise RuntimeError("something later in the same request failed")

    assert OutgoingMail.objects.count() == 0


@pytest.mark.django_db
def test_the_command_sends_what_is_due_and_says_so():
    from io import StringIO

    mail.send_mail("主题", "正文", None, ["someone@example.cn"])
    out = StringIO()

    call_command("send_mail", stdout=out)

    assert "已发送 1 封" in out.getvalue() and len(mail.outbox) == 1


@pytest.mark.django_db
def test_editors_see_failed_mail_and_retry_it_correspondents_and_plain_staff_do_not(
    client, smtp_down
):
    mail.send_mail("[开发区建设] 稿件退修：某稿", "正文", None, ["someone@example.cn"])
    OutgoingMail.objects.update(
        status=OutgoingMail.Status.FAILED, attempts=7, last_error="ConnectionRefusedError: 拒绝"
    )
    changelist = reverse("admin:articles_outgoingmail_changelist")

    client.force_login(make_correspondent())
    assert client.get(changelist).status_code == 302  # to the admin login
    client.force_login(make_user(staff=True))
    assert is_forbidden_page(client.get(changelist))
    client.force_login(make_editor())
    page = client.get(changelist + "?status=failed")
    assert page.status_code == 200 and "稿件退修：某稿" in page.content.decode()
    assert "ConnectionRefusedError: 拒绝" in page.content.decode()

    client.post(
        changelist,
        {"action": "retry_now", "_selected_action": [OutgoingMail.objects.get().pk]},
    )

    assert OutgoingMail.objects.get().status == OutgoingMail.Status.QUEUED


def test_the_outbox_list_says_when_queued_mail_will_be_tried(client):
    mail.send_mail("主题", "正文", None, ["someone@example.cn"])
    client.force_login(make_editor())

    page = client.get(reverse("admin:articles_outgoingmail_changelist")).content.decode()

    assert "待发送（" in page and "起）" in page
