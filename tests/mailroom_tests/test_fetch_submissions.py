"""The 投稿邮箱 end to end: a private Dovecot holds the mails, `fetch_submissions` takes them in.

The mails are those the issue names: a GBK subject, a .docx with a picture, plain text only,
an unknown sender, a duplicate Message-ID, a .wps attachment and an oversized one.
"""

import io
import os
import runpy
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from imapclient import SEEN, IMAPClient

from articles.models import Article, OutgoingMail, Status
from mailroom import fetching, intake
from mailroom.management.commands import fetch_submissions
from mailroom.models import IncomingMail
from tests.factories import make_correspondent
from tests.mailroom_tests.dovecot import PASSWORD, USER, private_dovecot
from tests.mailroom_tests.mails import gbk_mail, mail
from tests.portal_tests.helpers import jpeg_bytes
from tests.word_documents import PICTURE, word_document

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512


@pytest.fixture(scope="module")
def dovecot():
    """One server for the module (starting and stopping one takes a second or so)."""
    with private_dovecot() as box:
        yield box


@pytest.fixture
def mailbox(dovecot, settings):
    """The server's mailbox, emptied, and the settings that point at it."""
    dovecot.empty()
    settings.KFQ_IMAP_HOST = "127.0.0.1"
    settings.KFQ_IMAP_PORT = dovecot.port
    settings.KFQ_IMAP_USER = USER
    settings.KFQ_IMAP_PASSWORD = PASSWORD
    settings.KFQ_IMAP_TLS = False
    settings.KFQ_IMAP_FOLDER = "INBOX"
    return dovecot


def unseen(box) -> list[int]:
    with IMAPClient("127.0.0.1", port=box.port, ssl=False, timeout=10) as client:
        client.login(USER, PASSWORD)
        client.select_folder("INBOX", readonly=True)
        return client.search(["UNSEEN"])


def outbox(prefix: str) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(subject__startswith=f"[开发区建设] {prefix}"))


def test_fetch_submissions_takes_the_mailbox_into_the_queue_once(mailbox, settings):
    settings.KFQ_MAIL_MAX_BYTES = 300_000
    wang = make_correspondent(name="王波", email="wangbo@example.com").contributor
    make_correspondent(name="李娜", email="lina@example.com")
    document = word_document("园区新项目开工", "项目今天开工。" * 30, PICTURE, "开工现场")
    with_docx = mail(subject="投稿：新项目", attachments=[("新项目.docx", DOCX, document)])
    for raw in [
        gbk_mail(subject="【投稿】晋中开发区招商再提速", text="晋中开发区今年签约项目三十个。"),
        with_docx,
        with_docx,  # the same Message-ID again
        mail(subject="稿件：园区开展安全检查", text="园区开展安全检查。\n\n检查覆盖全部企业。"),
        mail(sender="陌生人 <stranger@example.com>", subject="投稿", text="一篇来稿。"),
        mail(subject="投稿", text="见附件", attachments=[("稿件.wps", "application/kswps", OLE2)]),
        mail(subject="大图", attachments=[("大图.jpg", "image/jpeg", jpeg_bytes((1, 1)) * 900)]),
    ]:
        mailbox.deliver(raw)

    call_command("fetch_submissions")

    pieces = Article.objects.order_by("pk")
    assert [(p.title, p.status) for p in pieces] == [
        ("晋中开发区招商再提速", Status.SUBMITTED),
        ("园区新项目开工", Status.SUBMITTED),
        ("园区开展安全检查", Status.SUBMITTED),
    ]
    assert all(p.manuscript_number for p in pieces)
    assert pieces[1].photos.get().caption == "开工现场"
    assert pieces[2].authors.get() == wang
    (stranger,) = IncomingMail.objects.unclaimed()
    assert (stranger.sender, stranger.subject) == ("stranger@example.com", "投稿")
    assert sorted(IncomingMail.objects.values_list("state", flat=True)) == sorted(
        ["imported"] * 3 + ["unclaimed"] + ["refused"] * 2
    )
    acknowledgments = outbox("来稿已收到")
    assert sorted(m.to[0] for m in acknowledgments) == [
        "lina@example.com",
        "wangbo@example.com",
        "wangbo@example.com",
    ]
    bodies = "\n".join(m.body for m in acknowledgments)
    assert all(piece.manuscript_number in bodies for piece in pieces)
    refusals = sorted(m.body for m in outbox("来稿未能收入"))
    assert len(refusals) == 2
    assert any("稿件.wps" in body and ".docx" in body for body in refusals)
    assert any("超过" in body for body in refusals)
    # Past the limit only the header was read: nothing of the mail's body is kept.
    too_large = IncomingMail.objects.get(subject="大图")
    assert (too_large.state, bool(too_large.raw), too_large.attachments.count()) == (
        "refused",
        False,
        0,
    )
    assert unseen(mailbox) == []

    mailbox_rows, outgoing = IncomingMail.objects.count(), OutgoingMail.objects.count()
    call_command("fetch_submissions")

    assert (IncomingMail.objects.count(), Article.objects.count()) == (mailbox_rows, 3)
    assert OutgoingMail.objects.count() == outgoing


def test_mail_an_editor_read_in_a_mail_client_first_is_taken_in_all_the_same(mailbox):
    make_correspondent(email="wangbo@example.com")
    mailbox.deliver(mail(subject="投稿：已在客户端读过"))
    with IMAPClient("127.0.0.1", port=mailbox.port, ssl=False, timeout=10) as client:
        client.login(USER, PASSWORD)
        client.select_folder("INBOX")
        client.add_flags(client.search(["ALL"]), [SEEN])

    call_command("fetch_submissions")
    call_command("fetch_submissions")

    assert list(Article.objects.values_list("title", flat=True)) == ["已在客户端读过"]
    assert len(outbox("来稿已收到")) == 1


def test_a_mail_taken_in_by_a_round_that_could_not_mark_it_is_only_marked_now(mailbox):
    make_correspondent(email="wangbo@example.com")
    raw = mail(subject="投稿：上一轮已入库")
    intake.take_in(raw)  # committed; then the connection dropped before the \\Seen flag
    mailbox.deliver(raw)

    call_command("fetch_submissions")

    assert Article.objects.count() == 1
    assert unseen(mailbox) == []


def test_a_mail_the_intake_fails_on_stays_unseen_and_the_others_go_on(mailbox, monkeypatch):
    make_correspondent(email="wangbo@example.com")
    mailbox.deliver(mail(subject="坏邮件", message_id="<bad@example.com>"))
    mailbox.deliver(mail(subject="好邮件"))
    take_in = fetching.take_in

    def failing_on_the_bad_one(raw, **options):
        if b"<bad@example.com>" in raw:
            raise RuntimeError("a bug")
        return take_in(raw, **options)

    monkeypatch.setattr(fetching, "take_in", failing_on_the_bad_one)

    with pytest.raises(CommandError, match="1 封邮件未能收取"):
        call_command("fetch_submissions")

    assert list(Article.objects.values_list("title", flat=True)) == ["好邮件"]
    assert len(unseen(mailbox)) == 1


def test_a_mailbox_that_is_down_is_a_clear_error_not_a_traceback(settings):
    settings.KFQ_IMAP_HOST = "127.0.0.1"
    settings.KFQ_IMAP_PORT = 1  # nothing listens there

    with pytest.raises(CommandError, match="投稿邮箱 127.0.0.1:1 暂时无法读取"):
        call_command("fetch_submissions")

    assert not IncomingMail.objects.exists()


def test_tls_against_a_server_without_it_is_refused_not_sent_in_clear(mailbox, settings):
    settings.KFQ_IMAP_TLS = True

    with pytest.raises(fetching.MailboxUnavailable, match="暂时无法读取"):
        fetching.fetch_new()


def test_the_fetch_command_exits_non_zero_when_the_mailbox_is_down():
    result = subprocess.run(
        [sys.executable, "manage.py", "fetch_submissions"],
        cwd=PROJECT,
        env={**os.environ, "KFQ_IMAP_HOST": "127.0.0.1", "KFQ_IMAP_PORT": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "暂时无法读取" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("raw", "expected"), [(None, True), ("false", False), ("on", True)])
def test_imap_tls_is_on_unless_turned_off(monkeypatch, raw, expected):
    monkeypatch.delenv("KFQ_IMAP_TLS", raising=False)
    if raw is not None:
        monkeypatch.setenv("KFQ_IMAP_TLS", raw)

    assert runpy.run_path(str(PROJECT / "kfq_site" / "settings.py"))["KFQ_IMAP_TLS"] is expected


def test_a_typo_in_imap_tls_stops_the_site_rather_than_read_mail_in_clear(monkeypatch):
    monkeypatch.setenv("KFQ_IMAP_TLS", "flase")

    with pytest.raises(ImproperlyConfigured, match="KFQ_IMAP_TLS"):
        runpy.run_path(str(PROJECT / "kfq_site" / "settings.py"))


def test_the_loop_logs_a_mailbox_that_is_down_and_tries_again(monkeypatch, caplog):
    answers = iter(
        [
            fetching.MailboxUnavailable("投稿邮箱暂时无法读取。"),
            fetching.Round(),
            KeyboardInterrupt(),
        ]
    )

    def next_round():
        answer = next(answers)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    monkeypatch.setattr(fetch_submissions, "fetch_new", next_round)
    # The command's SIGTERM handler must not outlive the test in pytest's own process.
    monkeypatch.setattr(signal, "signal", lambda *args: None)
    output = io.StringIO()

    call_command("fetch_submissions", every=0.01, stdout=output)

    assert "收稿进程已启动" in output.getvalue() and "收稿进程已停止" in output.getvalue()
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        "投稿邮箱暂时无法读取。 0.01 秒后再试。"
    ]


def test_a_loop_without_a_pause_is_refused():
    with pytest.raises(CommandError, match="--every 须为正数"):
        call_command("fetch_submissions", every=0)
