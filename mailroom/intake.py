"""Mail into the workflow: the one door through which the 投稿邮箱 makes pieces.

take_in() keeps every mail it is given, once per Message-ID, with its attachments, and decides
what becomes of it: a correspondent's mail becomes submitted pieces (mailroom/pieces.py) and
an acknowledgment; a stranger's waits in the 待认领 list; a mail too large or with nothing
readable is refused with a polite reply. assign() and discard() are the editors' answers to a
mail in the 待认领 list. Every reply goes through the outbox (mailroom/replies.py).
"""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Contributor
from mailroom import attachments, replies
from mailroom.models import IncomingMail, MailAttachment
from mailroom.parsing import ParsedMail, parse_mail
from mailroom.pieces import NothingToSubmit, make_pieces
from mailroom.senders import correspondent_for

State = IncomingMail.State

AUTOMATIC = "自动回复或退信，未生成稿件，也不回信。"
NOT_UNCLAIMED = "这封邮件已经处理过（{state}），请刷新页面。"
NO_LOGIN = "{name}还没有登录账号，不能以其名义投稿。请先为其开通通讯员账号。"


class MailRefused(Exception):
    """The editor's action cannot be done and nothing was written; str(exc) says why."""


def take_in(raw: bytes, *, size: int | None = None) -> IncomingMail:
    """Keep one fetched mail and act on it; the same Message-ID again returns the first row.

    `size` is the whole message's size when `raw` holds only its header: a mailbox reader need
    not download a mail it already knows is too large to be taken in.
    """
    parsed = parse_mail(raw)
    earlier = IncomingMail.objects.filter(message_id=parsed.message_id).first()
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            return _take_in(parsed, raw, size=len(raw) if size is None else size)
    except IntegrityError:
        # Two fetchers took the same mail at once: the other one's row stands.
        earlier = IncomingMail.objects.filter(message_id=parsed.message_id).first()
        if earlier is None:
            raise
        return earlier


def _take_in(parsed: ParsedMail, raw: bytes, *, size: int) -> IncomingMail:
    too_large = size > attachments.mail_limit()
    mail = IncomingMail(
        message_id=parsed.message_id,
        sender=parsed.sender[: IncomingMail._meta.get_field("sender").max_length],
        sender_name=parsed.sender_name[:200],
        subject=parsed.subject[:500],
        sent_at=parsed.sent_at,
        text=parsed.text,
        state=State.REFUSED if too_large else State.UNCLAIMED,
        refusal=attachments.too_large_mail() if too_large else "",
    )
    if not too_large:
        mail.raw.save("mail.eml", ContentFile(raw), save=False)
    mail.save()
    for found in parsed.attachments:
        _keep_attachment(mail, found, whole_mail_refused=too_large)
    if too_large:
        replies.refuse(mail)
        return mail
    if parsed.automatic:
        # Answering an auto-reply could start a loop of replies; an editor sees it instead.
        mail.refusal = AUTOMATIC
        mail.save(update_fields=["refusal"])
        return mail
    correspondent = correspondent_for(mail.sender)
    if correspondent is not None:
        _submit(mail, correspondent)
    return mail


def _keep_attachment(mail: IncomingMail, found, *, whole_mail_refused: bool) -> None:
    kind = attachments.kind_of(found.filename, found.content_type, found.data)
    refusal = (
        "邮件过大，未保存。"
        if whole_mail_refused
        else attachments.refusal_of(kind, len(found.data))
    )
    attachment = MailAttachment(
        mail=mail,
        filename=found.filename[:255],
        content_type=found.content_type[:100],
        size=len(found.data),
        kind=kind,
        note=refusal or attachments.note_of(kind),
        inline=found.inline,
    )
    if not refusal:
        attachment.file.save(found.filename, ContentFile(found.data), save=False)
    attachment.save()


def _submit(mail: IncomingMail, correspondent: Contributor) -> list[Article]:
    """Make the mail's pieces and acknowledge them, or refuse it politely; one savepoint, so a
    refused mail keeps no half-made piece."""
    try:
        with transaction.atomic():
            pieces = make_pieces(mail, correspondent)
    except NothingToSubmit as refusal:
        mail.state, mail.refusal = State.REFUSED, str(refusal)
        mail.save(update_fields=["state", "refusal"])
        replies.refuse(mail)
        return []
    # An editor's assignment answers whatever note the intake left (an auto-reply, say).
    mail.state, mail.refusal = State.IMPORTED, ""
    mail.save(update_fields=["state", "refusal"])
    replies.acknowledge(mail, pieces)
    return pieces


@transaction.atomic
def assign(mail: IncomingMail, *, correspondent: Contributor, by) -> list[Article]:
    """A 待认领 mail is the correspondent's: its pieces are made and acknowledged exactly as
    for a known sender. A mail with nothing readable is refused with a reply instead (state
    已婉拒) and no piece is returned."""
    locked = _locked_unclaimed(mail)
    if correspondent.user_id is None or not correspondent.user.is_active:
        raise MailRefused(NO_LOGIN.format(name=correspondent.name))
    locked.handled_by, locked.handled_at = by, timezone.now()
    locked.save(update_fields=["handled_by", "handled_at"])
    return _submit(locked, correspondent)


@transaction.atomic
def discard(mail: IncomingMail, *, by) -> IncomingMail:
    """Set a 待认领 mail aside (已舍弃); it stays in the list of all mail."""
    locked = _locked_unclaimed(mail)
    locked.state, locked.handled_by, locked.handled_at = State.DISCARDED, by, timezone.now()
    locked.save(update_fields=["state", "handled_by", "handled_at"])
    return locked


def _locked_unclaimed(mail: IncomingMail) -> IncomingMail:
    locked = IncomingMail.objects.select_for_update().get(pk=mail.pk)
    if locked.state != State.UNCLAIMED:
        raise MailRefused(NOT_UNCLAIMED.format(state=locked.get_state_display()))
    return locked
