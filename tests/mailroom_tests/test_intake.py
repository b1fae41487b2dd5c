"""Mail into the workflow (mailroom/intake.py): pieces, 待认领, refusals, replies."""

import datetime
import email
from email import policy

import pytest
from django.db.models import QuerySet
from django.urls import reverse

from articles.models import Article, CallForPapers, Contributor, Genre, OutgoingMail, Status
from mailroom import intake
from mailroom.models import IncomingMail, MailAttachment
from tests.factories import make_contributor, make_correspondent, make_editor
from tests.mail import sent_mail
from tests.mailroom_tests.mails import gbk_mail, mail
from tests.portal_tests.helpers import jpeg_bytes
from tests.word_documents import PICTURE, word_document

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LONG_BODY = "开发区建设稳步推进，项目落地见效。" * 70  # about 1100 characters: 通讯


def correspondent(email="wangbo@example.com"):
    return make_correspondent(name="王波", email=email).contributor


def acknowledgments():
    return [
        m for m in OutgoingMail.objects.all() if m.subject.startswith("[开发区建设] 来稿已收到")
    ]


def test_a_correspondents_docx_becomes_a_submitted_piece_with_its_photo():
    author = correspondent()
    document = word_document(
        "园区新项目开工", LONG_BODY, PICTURE, "项目工地（王波 摄）", title_style="园区新项目开工"
    )

    received = intake.take_in(
        mail(subject="投稿：暂定标题", attachments=[("新项目.docx", DOCX, document)])
    )

    assert received.state == IncomingMail.State.IMPORTED
    (piece,) = received.pieces.all()
    assert piece.status == Status.SUBMITTED
    assert piece.manuscript_number.startswith("KFQ-")
    assert (piece.title, piece.zone, piece.genre) == ("园区新项目开工", author.zone, Genre.FEATURE)
    assert [c.pk for c in piece.authors.all()] == [author.pk]
    assert piece.created_by == author.user
    photo = piece.photos.get()
    assert photo.caption == "项目工地（王波 摄）"
    assert received.mailpiece_set.get().genre_is_guess
    assert received.attachments.get().article == piece
    assert IncomingMail.objects.for_article(piece).get() == received
    (ack,) = acknowledgments()
    assert ack.to == ["wangbo@example.com"]
    assert piece.manuscript_number in ack.body
    assert reverse("portal:my_submission", args=[piece.pk]) in ack.body
    assert ack.headers["In-Reply-To"] == received.message_id


def test_plain_text_mail_is_the_piece_with_the_subject_as_title_and_the_picture_as_photo():
    correspondent()

    received = intake.take_in(
        mail(
            subject="Re: 【投稿】晋城开发区召开推进会",
            text="晋城开发区召开推进会。\n\n会议部署下一阶段工作。",
            attachments=[("现场.jpg", "image/jpeg", jpeg_bytes((320, 240)))],
        )
    )

    (piece,) = received.pieces.all()
    assert (piece.title, piece.genre) == ("晋城开发区召开推进会", Genre.NEWS)
    assert piece.paragraphs == ["晋城开发区召开推进会。", "会议部署下一阶段工作。"]
    assert piece.photos.get().caption == piece.title
    assert "请编辑核对" in received.attachments.get().note


def test_a_piece_past_its_genres_ceiling_stays_a_draft_as_in_the_portal():
    author = correspondent()
    call = CallForPapers.objects.create(date=datetime.date(2026, 1, 5))
    call.genres.create(genre=Genre.NEWS, target_length=100)

    received = intake.take_in(mail(subject="投稿：长消息", text="开发区项目建设。" * 40))

    (piece,) = received.pieces.all()
    assert (piece.status, piece.manuscript_number, piece.call) == (Status.DRAFT, None, call)
    assert piece.authors.get() == author
    (ack,) = acknowledgments()
    assert "已存为您的草稿，尚未投出：消息要求100字左右，本稿280字，超过上限200字" in ack.body
    assert ack.subject == "[开发区建设] 来稿已收到：投稿：长消息"


def test_an_attached_picture_is_the_photo_before_a_logo_in_the_signature():
    correspondent()
    message = email.message_from_bytes(
        mail(text=None, html='<p>正文。</p><img src="cid:logo">'), policy=policy.default
    )
    logo = jpeg_bytes((40, 20))
    message.get_body().add_related(
        logo, "image", "jpeg", cid="<logo>", filename="logo.jpg", disposition="inline"
    )
    message.add_attachment(jpeg_bytes((320, 240)), "image", "jpeg", filename="现场.jpg")

    received = intake.take_in(bytes(message))

    photo = received.pieces.get().photos.get()
    assert photo.image.width == 320
    assert received.attachments.get(filename="logo.jpg").inline
    assert received.attachments.get(filename="现场.jpg").article == received.pieces.get()


def test_several_documents_make_one_piece_each():
    correspondent()
    first = word_document("第一篇", "第一篇正文。")
    second = word_document("第二篇", "第二篇正文。")

    received = intake.take_in(
        mail(attachments=[("一.docx", DOCX, first), ("二.docx", DOCX, second)])
    )

    assert sorted(received.pieces.values_list("title", flat=True)) == ["第一篇", "第二篇"]
    (ack,) = acknowledgments()
    assert all(piece.manuscript_number in ack.body for piece in received.pieces.all())


def test_a_gbk_mail_of_a_known_sender_is_read():
    correspondent(email="lina@example.com")

    received = intake.take_in(gbk_mail(subject="稿件：太原经开区招商", text="太原经开区招商。"))

    assert received.pieces.get().title == "太原经开区招商"
    assert received.pieces.get().body == "太原经开区招商。"


def test_an_unknown_sender_waits_unclaimed_with_no_reply():
    received = intake.take_in(mail(sender="陌生人 <stranger@example.com>"))

    assert received.state == IncomingMail.State.UNCLAIMED
    assert list(IncomingMail.objects.unclaimed()) == [received]
    assert not Article.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert received.raw.read().startswith(b"From: ")


def test_an_auto_reply_is_kept_for_an_editor_and_never_answered():
    correspondent()
    auto_reply = mail(subject="自动回复：来稿已收到", text="我正在休假。").replace(
        b"Subject:", b"Auto-Submitted: auto-replied\nSubject:", 1
    )

    received = intake.take_in(auto_reply)

    assert received.state == IncomingMail.State.UNCLAIMED
    assert "自动回复" in received.refusal
    assert not Article.objects.exists()
    assert not OutgoingMail.objects.exists()

    intake.assign(received, correspondent=Contributor.objects.get(), by=make_editor())

    received.refresh_from_db()
    assert (received.state, received.refusal) == (IncomingMail.State.IMPORTED, "")


def test_an_address_two_correspondents_share_is_nobodys():
    correspondent(email="office@example.com")
    make_correspondent(email="office@example.com")

    received = intake.take_in(mail(sender="office@example.com"))

    assert received.state == IncomingMail.State.UNCLAIMED


def test_old_word_and_wps_only_are_refused_politely_asking_for_docx():
    correspondent()
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100

    received = intake.take_in(
        mail(text="见附件", attachments=[("稿件.wps", "application/octet-stream", ole2)])
    )

    assert received.state == IncomingMail.State.REFUSED
    assert "稿件.wps" in received.refusal
    assert not Article.objects.exists()
    (reply,) = OutgoingMail.objects.all()
    assert reply.to == ["wangbo@example.com"]
    assert ".docx" in reply.body and "稿件.wps" in reply.body


def test_a_zip_is_kept_unopened_and_noted():
    correspondent()

    received = intake.take_in(
        mail(text="", attachments=[("稿件.zip", "application/zip", b"PK\x03\x04zip")])
    )

    assert received.state == IncomingMail.State.REFUSED
    attachment = received.attachments.get()
    assert attachment.kind == MailAttachment.Kind.ZIP
    assert "不会被解开" in attachment.note
    assert attachment.file.read() == b"PK\x03\x04zip"


def test_a_mail_over_the_limit_is_refused_and_nothing_of_it_kept(settings):
    settings.KFQ_MAIL_MAX_BYTES = 104_858  # 0.1 MB
    correspondent()

    received = intake.take_in(
        mail(attachments=[("大图.jpg", "image/jpeg", b"\xff\xd8" + b"x" * 110_000)])
    )

    assert received.state == IncomingMail.State.REFUSED
    assert "邮件超过 0.1 MB" in received.refusal
    assert not received.raw
    assert not received.attachments.get().file
    assert not Article.objects.exists()
    assert "超过" in OutgoingMail.objects.get().body


def test_the_same_message_id_twice_makes_nothing_new():
    correspondent()
    raw = mail(message_id="<same@example.com>")

    first = intake.take_in(raw)
    second = intake.take_in(raw)

    assert first == second
    assert Article.objects.count() == 1
    assert len(acknowledgments()) == 1


def test_assign_makes_the_pieces_as_for_a_known_sender_and_acknowledges():
    editor = make_editor()
    author = correspondent(email="wangbo@zone.example")
    received = intake.take_in(mail(sender="家里的邮箱 <wangbo@home.example>"))

    pieces = intake.assign(received, correspondent=author, by=editor)

    received.refresh_from_db()
    assert received.state == IncomingMail.State.IMPORTED
    assert (received.handled_by, list(received.pieces.all())) == (editor, pieces)
    assert pieces[0].status == Status.SUBMITTED
    assert [c.pk for c in pieces[0].authors.all()] == [author.pk]
    assert acknowledgments()[0].to == ["wangbo@home.example"]


def test_assign_to_a_byline_without_login_and_assign_twice_are_refused():
    editor = make_editor()
    received = intake.take_in(mail(sender="x@example.com"))

    with pytest.raises(intake.MailRefused, match="还没有登录账号"):
        intake.assign(received, correspondent=make_contributor(name="无账号"), by=editor)
    intake.discard(received, by=editor)
    with pytest.raises(intake.MailRefused, match="已经处理过（已舍弃）"):
        intake.assign(received, correspondent=correspondent(), by=editor)

    received.refresh_from_db()
    assert (received.state, received.handled_by) == (IncomingMail.State.DISCARDED, editor)
    assert not Article.objects.exists()


def test_acknowledgments_reach_the_sender_through_the_mail_worker():
    correspondent()
    intake.take_in(mail())

    assert [m.to for m in sent_mail() if "来稿已收到" in m.subject] == [["wangbo@example.com"]]


def test_a_mail_another_fetcher_took_meanwhile_is_not_taken_twice(monkeypatch):
    """Two fetchers at once: both miss the first look-up, the unique Message-ID stops the
    second, which returns the first one's row and writes nothing."""
    correspondent()
    raw = mail(message_id="<race@example.com>")
    first = intake.take_in(raw)
    lookups = []
    real_first = QuerySet.first

    def missing_once(queryset):
        if queryset.model is IncomingMail and not lookups:
            lookups.append(queryset)
            return None
        return real_first(queryset)

    monkeypatch.setattr(QuerySet, "first", missing_once)

    assert intake.take_in(raw) == first
    assert lookups
    assert (IncomingMail.objects.count(), Article.objects.count()) == (1, 1)
    assert len(acknowledgments()) == 1
