"""The editors' answers to a mail in the 待认领 list, made on its page through mailroom.intake:
认领, 新建通讯员并认领, 舍弃; and what a refused answer leaves (nothing changed)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles.models import Article, Contributor, OutgoingMail, Status
from mailroom import intake
from mailroom.models import IncomingMail
from tests.factories import make_correspondent, make_editor, make_zone
from tests.mailroom_tests.mails import mail

pytestmark = pytest.mark.django_db

STRANGER = "李娜 <lina@example.com>"
TEXT = "朔州经开区新项目集中开工。" * 30


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def unclaimed(**overrides) -> IncomingMail:
    fields = {"sender": STRANGER, "subject": "投稿：新项目开工", "text": TEXT, **overrides}
    received = intake.take_in(mail(**fields))
    assert received.state == IncomingMail.State.UNCLAIMED
    return received


def page_of(received, name="change"):
    return reverse(f"admin:mailroom_incomingmail_{name}", args=[received.pk])


def messages_after(client, response) -> list[str]:
    return [str(m) for m in client.get(response.url).context["messages"]]


def test_an_editor_assigns_a_mail_to_a_correspondent(client, editor):
    received = unclaimed()
    wangbo = make_correspondent("wangbo", name="王波").contributor

    response = client.post(page_of(received, "assign"), {"correspondent": wangbo.pk})

    received.refresh_from_db()
    (piece,) = received.pieces.all()
    assert received.state == IncomingMail.State.IMPORTED and received.handled_by == editor
    assert piece.status == Status.SUBMITTED and list(piece.authors.all()) == [wangbo]
    assert response.url == page_of(received)
    assert messages_after(client, response) == [
        f"邮件已认领给王波：生成稿件 {piece.manuscript_number}。"
    ]
    page = client.get(page_of(received)).content.decode()
    assert reverse("admin:articles_article_change", args=[piece.pk]) in page
    assert "处理结果：已入库" in page and 'name="correspondent"' not in page
    assert OutgoingMail.objects.filter(subject__startswith="[开发区建设] 来稿已收到").exists()


def test_a_claimed_mail_with_nothing_readable_is_answered_politely_and_the_editor_told(
    client, editor
):
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
    wps = ("稿件.wps", "application/octet-stream", ole2)
    received = unclaimed(text="见附件", attachments=[wps])
    wangbo = make_correspondent("wangbo", name="王波").contributor

    response = client.post(page_of(received, "assign"), {"correspondent": wangbo.pk})

    received.refresh_from_db()
    assert received.state == IncomingMail.State.REFUSED and not Article.objects.exists()
    (message,) = messages_after(client, response)
    assert message.startswith("邮件已认领给王波，但读不出稿件，已回信说明原因：")
    assert "稿件.wps" in message


def test_a_mail_assigned_twice_is_refused_the_second_time_and_changes_nothing(client, editor):
    received = unclaimed()
    wangbo = make_correspondent("wangbo", name="王波").contributor
    zhaoli = make_correspondent("zhaoli", name="赵丽").contributor
    client.post(page_of(received, "assign"), {"correspondent": wangbo.pk}, follow=True)

    response = client.post(page_of(received, "assign"), {"correspondent": zhaoli.pk})

    assert messages_after(client, response) == ["这封邮件已经处理过（已入库），请刷新页面。"]
    assert Article.objects.count() == 1 and Article.objects.get().authors.get() == wangbo


def test_a_byline_without_a_login_cannot_be_chosen(client, editor):
    received = unclaimed()
    byline = Contributor.objects.create(name="无账号作者", zone=make_zone())

    response = client.post(page_of(received, "assign"), {"correspondent": byline.pk})

    assert response.status_code == 200
    assert "所选的通讯员不存在或已停用，请重新选择。" in response.content.decode()
    received.refresh_from_db()
    assert received.state == IncomingMail.State.UNCLAIMED and not Article.objects.exists()


def test_discarding_asks_first_then_sets_the_mail_aside(client, editor):
    received = unclaimed()

    asked = client.post(page_of(received, "discard"), {})
    received.refresh_from_db()
    assert "确认舍弃" in asked.content.decode() and received.state == IncomingMail.State.UNCLAIMED

    response = client.post(page_of(received, "discard"), {"confirmed": "1"})

    received.refresh_from_db()
    assert received.state == IncomingMail.State.DISCARDED and received.handled_by == editor
    assert messages_after(client, response) == ["邮件“投稿：新项目开工”已舍弃。"]
    listed = client.get(reverse("admin:mailroom_incomingmail_changelist")).content.decode()
    assert page_of(received) not in listed
    assert not Article.objects.exists() and not OutgoingMail.objects.exists()


def test_a_discarded_mail_can_be_neither_assigned_nor_discarded_again(client, editor):
    received = unclaimed()
    wangbo = make_correspondent("wangbo", name="王波").contributor
    intake.discard(received, by=make_editor("other"))

    refusal = "这封邮件已经处理过（已舍弃），请刷新页面。"
    assigned = client.post(page_of(received, "assign"), {"correspondent": wangbo.pk})
    assert messages_after(client, assigned) == [refusal]
    discarded = client.post(page_of(received, "discard"), {"confirmed": "1"})
    assert messages_after(client, discarded) == [refusal]
    received.refresh_from_db()
    assert (
        received.state == IncomingMail.State.DISCARDED and received.handled_by.username == "other"
    )
    assert not Article.objects.exists()


def new_correspondent(client, received, **fields):
    zone = make_zone(official_name="朔州经济开发区")
    data = {"username": "lina", "name": "李娜", "zone": zone.pk, "email": "lina@example.com"}
    return client.post(page_of(received, "new_correspondent"), {**data, **fields})


def test_the_new_correspondent_form_is_filled_in_from_the_sender(client, editor):
    received = unclaimed()

    form = client.get(page_of(received, "new_correspondent")).context["form"]

    assert form.initial == {"username": "lina", "name": "李娜", "email": "lina@example.com"}


def test_an_editor_opens_an_account_for_the_sender_and_assigns_the_mail(client, editor):
    received = unclaimed()

    response = new_correspondent(client, received)

    assert response.status_code == 302 and response.url == page_of(received)
    received.refresh_from_db()
    lina = get_user_model().objects.get(username="lina")
    assert lina.email == "lina@example.com" and lina.groups.filter(name="通讯员").exists()
    (piece,) = received.pieces.all()
    assert list(piece.authors.all()) == [lina.contributor]
    (message,) = messages_after(client, response)
    assert message.startswith("已创建通讯员 李娜（朔州经济开发区），用户名 lina，")
    assert f"邮件已认领：生成稿件 {piece.manuscript_number}，初始密码：" in message
    # Her next mail is hers without an editor.
    again = intake.take_in(mail(sender=STRANGER, subject="第二篇", text=TEXT))
    assert again.state == IncomingMail.State.IMPORTED


def test_a_refused_assignment_takes_the_new_account_back(client, editor):
    received = unclaimed()
    intake.discard(received, by=editor)

    response = new_correspondent(client, received)

    assert response.status_code == 200
    assert "这封邮件已经处理过（已舍弃），请刷新页面。" in response.content.decode()
    assert not get_user_model().objects.filter(username="lina").exists()
    assert not Contributor.objects.filter(name="李娜").exists()


def test_a_refused_account_leaves_the_mail_unclaimed(client, editor):
    received = unclaimed()
    make_correspondent("lina")

    response = new_correspondent(client, received)

    assert response.status_code == 200 and "已被使用" in response.content.decode()
    received.refresh_from_db()
    assert received.state == IncomingMail.State.UNCLAIMED and not Article.objects.exists()


@pytest.mark.parametrize("answer", ["assign", "discard", "new_correspondent"])
def test_an_answer_without_the_csrf_token_is_refused(answer):
    received = unclaimed()
    wangbo = make_correspondent("wangbo", name="王波").contributor
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())

    response = client.post(
        page_of(received, answer), {"correspondent": wangbo.pk, "confirmed": "1"}
    )

    assert response.status_code == 403
    received.refresh_from_db()
    assert received.state == IncomingMail.State.UNCLAIMED
