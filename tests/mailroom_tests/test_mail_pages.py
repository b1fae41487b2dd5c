"""The 待认领 list, a mail's page, its files, and who may open them."""

import pytest
from django.urls import reverse

from mailroom.models import IncomingMail
from tests.error_pages import FORBIDDEN_TEXT
from tests.factories import make_correspondent, make_editor, make_zone
from tests.roles import ROLES

from .stored_mails import stored_mail

pytestmark = pytest.mark.django_db

LIST = reverse("admin:mailroom_incomingmail_changelist")


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    return user


def page_of(mail, name="change", *args):
    return reverse(f"admin:mailroom_incomingmail_{name}", args=[mail.pk, *args])


def test_the_list_opens_on_the_mail_nobody_claimed(client, editor):
    waiting = stored_mail(
        subject="介休经开区8个项目集中开工",
        text="  初冬时节，介休经开区\n8个重点项目集中开工。" + "项目总投资42亿元。" * 10,
        attachments=[("介休开工.docx", b"PK", ""), ("现场.wps", b"", "请改存为 .docx 再发。")],
    )
    stored_mail(subject="已经入库的稿件", state=IncomingMail.State.IMPORTED)

    html = client.get(LIST).content.decode()

    assert "待认领邮件" in html and "已经入库的稿件" not in html
    assert "介休经开区8个项目集中开工" in html
    assert "李娜 &lt;lina@example.com&gt;" in html and "2026-03-02 17:30" in html
    assert "介休开工.docx、现场.wps" in html
    assert "初冬时节，介休经开区 8个重点项目集中开工。项目总投资42亿元。" in html and "…" in html
    assert page_of(waiting, "new_correspondent") in html and page_of(waiting, "discard") in html


def test_the_mail_that_waited_longest_comes_first_and_the_newest_in_all_mail(client, editor):
    older = stored_mail(subject="先到的邮件")
    stored_mail(subject="后到的邮件")
    IncomingMail.objects.filter(pk=older.pk).update(received_at="2026-01-01T08:00:00Z")

    waiting = client.get(LIST).content.decode()
    everything = client.get(LIST + "?state=all").content.decode()

    assert waiting.index("先到的邮件") < waiting.index("后到的邮件")
    assert everything.index("后到的邮件") < everything.index("先到的邮件")


def test_every_state_and_all_mail_are_one_filter_away(client, editor):
    stored_mail(subject="待认领的", state=IncomingMail.State.UNCLAIMED)
    stored_mail(subject="婉拒了的", state=IncomingMail.State.REFUSED)

    everything = client.get(LIST + "?state=all").content.decode()
    refused = client.get(LIST + "?state=refused").content.decode()

    assert "来稿邮件" in everything and "待认领的" in everything and "婉拒了的" in everything
    assert "婉拒了的" in refused and "待认领的" not in refused


def test_the_list_costs_the_same_queries_for_many_mails(client, editor, django_assert_num_queries):
    stored_mail(attachments=[("a.docx", b"PK", "")])
    client.get(LIST)
    # session, user, the editor's groups, the count twice (filtered, all), the permissions
    # twice (the menu), the mails, their attachments
    with django_assert_num_queries(9):
        client.get(LIST)
    for n in range(5):
        stored_mail(attachments=[(f"{n}.docx", b"PK", ""), (f"{n}.jpg", b"JPG", "")])
    with django_assert_num_queries(9):
        client.get(LIST)


def test_a_mails_page_shows_the_mail_and_the_three_answers(client, editor):
    mail = stored_mail(attachments=[("稿件.docx", b"PK", "")])

    html = client.get(page_of(mail)).content.decode()

    assert "处理结果：待认领" in html and "朔州经开区新项目集中开工。" in html
    assert page_of(mail, "assign") in html and 'name="correspondent"' in html
    assert page_of(mail, "new_correspondent") in html and page_of(mail, "discard") in html
    attachment = mail.attachments.get()
    assert page_of(mail, "attachment", attachment.pk) in html and page_of(mail, "raw") in html
    assert "{#" not in html and "#}" not in html  # a template comment is never printed


def test_why_the_intake_left_a_mail_unclaimed_is_shown_with_it(client, editor):
    mail = stored_mail(subject="自动回复：休假中", refusal="自动回复或退信，未生成稿件，也不回信。")

    listed = client.get(LIST).content.decode()
    page = client.get(page_of(mail)).content.decode()

    assert "自动回复或退信，未生成稿件，也不回信。" in listed
    assert "说明：自动回复或退信，未生成稿件，也不回信。" in page and "婉拒原因" not in page


def test_a_handled_mail_shows_what_became_of_it_and_offers_no_answers(client, editor):
    mail = stored_mail(state=IncomingMail.State.REFUSED, refusal="附件太大，请压缩后重发。")

    html = client.get(page_of(mail)).content.decode()

    assert "处理结果：已婉拒" in html and "婉拒原因：附件太大，请压缩后重发。" in html
    assert page_of(mail, "assign") not in html and page_of(mail, "discard") not in html


def test_the_correspondents_offered_can_be_searched(client, editor):
    mail = stored_mail()
    make_correspondent("wangbo", name="王波", zone=make_zone(official_name="朔州经济开发区"))
    make_correspondent("zhaoli", name="赵丽", zone=make_zone(official_name="介休经济开发区"))

    everyone = client.get(page_of(mail)).content.decode()
    found = client.get(page_of(mail) + "?q=朔州").content.decode()

    assert "王波（朔州经济开发区，wangbo" in everyone and "赵丽（介休经济开发区" in everyone
    assert "王波（朔州经济开发区" in found and "赵丽" not in found


def test_editors_download_an_attachment_under_its_own_name(client, editor):
    mail = stored_mail(attachments=[("介休开工.docx", b"PK-docx", ""), ("大.zip", b"", "太大")])
    kept, refused = mail.attachments.order_by("pk")

    response = client.get(page_of(mail, "attachment", kept.pk))

    assert response.status_code == 200 and b"".join(response.streaming_content) == b"PK-docx"
    assert "attachment;" in response["Content-Disposition"]
    assert "%E4%BB%8B%E4%BC%91%E5%BC%80%E5%B7%A5.docx" in response["Content-Disposition"]
    assert client.get(page_of(mail, "attachment", refused.pk)).status_code == 404
    other = stored_mail()
    assert client.get(page_of(other, "attachment", kept.pk)).status_code == 404
    raw = client.get(page_of(mail, "raw"))
    assert raw.status_code == 200 and b"".join(raw.streaming_content).startswith(b"Subject:")


def test_behind_nginx_an_attachment_is_handed_to_nginx_under_its_own_name(client, editor, settings):
    settings.KFQ_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    mail = stored_mail(attachments=[("介休开工.docx", b"PK-docx", "")])
    attachment = mail.attachments.get()

    response = client.get(page_of(mail, "attachment", attachment.pk))

    assert response["X-Accel-Redirect"] == f"/protected-media/{attachment.file.name}"
    assert "%E4%BB%8B%E4%BC%91%E5%BC%80%E5%B7%A5.docx" in response["Content-Disposition"]


def test_the_mails_files_never_go_out_as_public_media(client):
    mail = stored_mail(attachments=[("稿件.docx", b"PK", "")])

    for name in (mail.raw.name, mail.attachments.get().file.name):
        assert client.get(reverse("editorial:media", args=[name])).status_code == 404


# --- who may open what -----------------------------------------------------------------

PAGES = ["changelist", "change", "assign", "new_correspondent", "discard", "raw", "attachment"]


def url_of(name, mail):
    if name == "changelist":
        return LIST
    if name == "attachment":
        return page_of(mail, name, mail.attachments.get().pk)
    return page_of(mail, name)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", PAGES)
def test_only_editors_open_the_mail_pages(client, people, role, name):
    mail = stored_mail(attachments=[("稿件.docx", b"PK", "")])
    if people[role]:
        client.force_login(people[role])

    # assign takes a POST: without a choice it shows the page again, and assigns nothing.
    url = url_of(name, mail)
    response = client.post(url, {}) if name == "assign" else client.get(url)

    if role in ("anonymous", "correspondent"):
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    elif role == "staff":
        assert response.status_code == 403 and FORBIDDEN_TEXT in response.content.decode()
    else:
        assert response.status_code == 200
    mail.refresh_from_db()
    assert mail.state == IncomingMail.State.UNCLAIMED


def test_assigning_and_discarding_take_a_post(client, editor):
    mail = stored_mail()

    assert client.get(page_of(mail, "assign")).status_code == 405
    confirmation = client.get(page_of(mail, "discard")).content.decode()

    assert "确认舍弃" in confirmation and 'name="confirmed"' in confirmation
    mail.refresh_from_db()
    assert mail.state == IncomingMail.State.UNCLAIMED


def test_what_a_sender_wrote_is_shown_as_text_never_as_markup(client, editor):
    mail = stored_mail(
        sender_name="<b>李娜</b>",
        subject="<script>alert(1)</script>",
        text="<img src=x onerror=alert(2)>",
        attachments=[("<i>稿件</i>.docx", b"PK", "")],
    )

    pages = [client.get(LIST).content.decode(), client.get(page_of(mail)).content.decode()]

    for html in pages:
        assert "<script>alert(1)" not in html and "<b>李娜" not in html
        assert "<i>稿件" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in pages[1] and "&lt;img src=x onerror=alert(2)&gt;" in pages[1]
