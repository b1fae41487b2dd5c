"""Reading new mail from the 投稿邮箱 over IMAP, one message at a time (IMAPClient).

A message is marked \\Seen only after take_in() has committed it: a crash or a database error
in between leaves it unseen, and the next round takes it again (take_in is idempotent on the
Message-ID, so a message taken twice is still imported once). Editors may still open the
mailbox in a mail client, which marks new mail seen: so the last week's mail is also checked
by its Message-ID, and a message read there before this reader saw it is taken in all the
same (one with no Message-ID at all cannot be told apart and is left to the person who read
it; clients and servers practically always write one). A mailbox that is down, slow or
refuses the login raises MailboxUnavailable, and the caller tries again next round; a message
the intake cannot handle is logged and left unseen, and the others go on.
"""

import datetime
import imaplib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from imapclient import SEEN, IMAPClient

from mailroom.intake import take_in
from mailroom.models import IncomingMail
from mailroom.parsing import header_message_id

logger = logging.getLogger(__name__)

# A server that accepts the connection and then hangs must not stall the round for ever.
TIMEOUT = 60
# How far back mail already marked seen is checked against what was taken in.
LOOK_BACK = datetime.timedelta(days=7)
MESSAGE_ID_PART = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"


class MailboxUnavailable(Exception):
    """The mailbox could not be read this round; str(exc) says why, in Chinese."""


@dataclass
class Round:
    taken: list[IncomingMail] = field(default_factory=list)
    failed: int = 0  # messages left unseen because the intake failed on them


def fetch_new() -> Round:
    if not settings.KFQ_IMAP_HOST:
        raise MailboxUnavailable("没有设置投稿邮箱（KFQ_IMAP_HOST）。")
    try:
        client = IMAPClient(
            settings.KFQ_IMAP_HOST,
            port=settings.KFQ_IMAP_PORT,
            ssl=settings.KFQ_IMAP_TLS,
            timeout=TIMEOUT,
        )
        try:
            client.login(settings.KFQ_IMAP_USER, settings.KFQ_IMAP_PASSWORD)
            client.select_folder(settings.KFQ_IMAP_FOLDER)
            return _take_new(client)
        finally:
            _log_out(client)
    except (OSError, imaplib.IMAP4.error) as error:
        # OSError: refused, unreachable, timed out, TLS failed; IMAP4.error: login refused,
        # no such folder, the connection dropped (IMAPClient's errors derive from it).
        raise MailboxUnavailable(
            f"投稿邮箱 {settings.KFQ_IMAP_HOST}:{settings.KFQ_IMAP_PORT} 暂时无法读取"
            f"（{type(error).__name__}: {error}）。"
        ) from error


def _take_new(client: IMAPClient) -> Round:
    result = Round()
    unseen = set(client.search(["UNSEEN"]))
    recent = set(client.search(["SINCE", timezone.localdate() - LOOK_BACK]))
    candidates = sorted(unseen | recent)
    message_ids = _message_ids(client, candidates)
    known = set(
        IncomingMail.objects.filter(message_id__in=set(message_ids.values()) - {""}).values_list(
            "message_id", flat=True
        )
    )
    for uid in candidates:
        message_id = message_ids.get(uid, "")
        if message_id in known:
            if uid in unseen:
                client.add_flags([uid], [SEEN])  # taken in a round that could not mark it
            continue
        if uid not in unseen and not message_id:
            continue
        raw, size = _read(client, uid)
        if raw is None:
            continue  # expunged meanwhile
        try:
            mail = take_in(raw, size=size)
        except Exception:
            # A message this code cannot handle must not stop the others: it stays unseen for
            # the next round and the log tells the administrator.
            logger.exception("投稿邮箱中的邮件 (UID %s) 未能收取，下一轮再试", uid)
            result.failed += 1
            continue
        client.add_flags([uid], [SEEN])
        result.taken.append(mail)
    return result


def _message_ids(client: IMAPClient, uids: list[int]) -> dict[int, str]:
    """Each message's Message-ID, read from its header alone, in one command."""
    if not uids:
        return {}
    fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    return {uid: header_message_id(data.get(MESSAGE_ID_PART, b"")) for uid, data in fetched.items()}


def _read(client: IMAPClient, uid: int) -> tuple[bytes | None, int | None]:
    """The message, or only its header when it is too large to be taken in anyway (so a
    200 MB mail is never downloaded), with its size. PEEK: reading a message does not mark it
    seen; only a committed intake does."""
    sizes = client.fetch([uid], ["RFC822.SIZE"]).get(uid) or {}
    size = sizes.get(b"RFC822.SIZE")
    if size is not None and size > settings.KFQ_MAIL_MAX_BYTES:
        part = b"BODY[HEADER]"
        fetched = client.fetch([uid], ["BODY.PEEK[HEADER]"]).get(uid) or {}
    else:
        part, size = b"BODY[]", None
        fetched = client.fetch([uid], ["BODY.PEEK[]"]).get(uid) or {}
    return fetched.get(part), size


def _log_out(client: IMAPClient) -> None:
    try:
        client.logout()
    except (OSError, imaplib.IMAP4.error):
        # The connection is gone already; what the round did stands.
        logger.info("logging out of the mailbox failed", exc_info=True)
