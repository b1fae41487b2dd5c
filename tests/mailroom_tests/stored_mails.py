"""Mail rows as the intake leaves them, for the tests of the editors' pages: the scene is set
with the ORM, as tests/factories.py sets pieces; what the intake decides is tested with
mailroom.intake itself (tests/mailroom_tests/test_answers.py)."""

import datetime

from django.core.files.base import ContentFile

from mailroom.models import IncomingMail, MailAttachment, MailPiece

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def stored_mail(*, attachments=(), **overrides) -> IncomingMail:
    """A 待认领 mail; attachments are (filename, data, note) kept in the storage."""
    fields = {
        "message_id": f"<m{IncomingMail.objects.count() + 1}@example.com>",
        "sender": "lina@example.com",
        "sender_name": "李娜",
        "subject": "朔州经开区新项目开工",
        "sent_at": datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC),
        "text": "朔州经开区新项目集中开工。\n\n第二段。",
        "state": IncomingMail.State.UNCLAIMED,
        **overrides,
    }
    mail = IncomingMail.objects.create(**fields)
    mail.raw.save("mail.eml", ContentFile(b"Subject: test\r\n\r\nbody\r\n"))
    for filename, data, note in attachments:
        attachment = MailAttachment(
            mail=mail,
            filename=filename,
            content_type=DOCX,
            size=len(data),
            kind=MailAttachment.Kind.DOCX,
            note=note,
        )
        if data:
            attachment.file.save(filename, ContentFile(data), save=False)
        attachment.save()
    return mail


def piece_from_mail(mail, article, *, guessed_genre="") -> MailPiece:
    mail.state = IncomingMail.State.IMPORTED
    mail.save(update_fields=["state"])
    return MailPiece.objects.create(mail=mail, article=article, guessed_genre=guessed_genre)
