"""The outbox: every mail the site sends is written to a table, and a worker sends it.

EMAIL_BACKEND is OutboxBackend, so every door that sends mail (status notices, new-submission
alerts, Django's password reset) only inserts rows, inside the request's transaction: a move
that commits always has its mail queued, a rolled-back one has none, and a mail server that is
down never turns a committed change into an error page. `python manage.py send_mail` delivers
what is due through KFQ_MAIL_DELIVERY_BACKEND (SMTP in production) and retries a failure after
growing pauses (RETRY_AFTER); after the last one the message is marked failed, and editors see
it, with its error, in the admin.

Several workers may run at once: a worker claims a message with one conditional UPDATE before
sending it, so no message goes out twice while its claim holds.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from articles.models import OutgoingMail

logger = logging.getLogger(__name__)

# Pauses after the 1st, 2nd, ... failed attempt; a message fails for good after the last one
# (about 21 hours after its first try: long enough to outlast a mail server's bad night).
RETRY_AFTER = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=6),
    datetime.timedelta(hours=12),
]
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
# How long a claimed message is kept from other workers; a worker that died mid-send
# releases it when this runs out (the message may then go out twice, never zero times).
CLAIM_FOR = datetime.timedelta(minutes=10)


def one_line(text: str) -> str:
    """A subject on one line: a title stored with a line break must not break every mail
    about its piece (Django refuses header values with newlines)."""
    return " ".join(str(text).split())


class OutboxBackend(BaseEmailBackend):
    """Queues messages instead of sending them; the worker sends them."""

    def send_messages(self, email_messages):
        rows = [_row(message) for message in email_messages if message.recipients()]
        OutgoingMail.objects.bulk_create(rows)
        return len(rows)


def _row(message) -> OutgoingMail:
    if message.attachments:
        # Nothing in the site attaches files; storing them is left until something does.
        raise ValueError("the outbox does not store attachments")
    return OutgoingMail(
        subject=one_line(message.subject)[:300],
        body=message.body,
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        headers=dict(message.extra_headers),
        alternatives=[[content, mimetype] for content, mimetype in _alternatives(message)],
        next_attempt_at=timezone.now(),
    )


def _alternatives(message):
    return getattr(message, "alternatives", None) or []


def _message(mail: OutgoingMail, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email,
        to=mail.to,
        cc=mail.cc,
        bcc=mail.bcc,
        reply_to=mail.reply_to,
        headers=mail.headers,
        connection=connection,
    )
    for content, mimetype in mail.alternatives:
        message.attach_alternative(content, mimetype)
    return message


def _claim(mail: OutgoingMail, now) -> bool:
    claimed = (
        OutgoingMail.objects.due(now).filter(pk=mail.pk).update(next_attempt_at=now + CLAIM_FOR)
    )
    return claimed == 1


def send_due(*, now=None, limit: int = 100) -> dict[str, int]:
    """Send up to `limit` due messages once; returns how many were sent, retried and failed."""
    now = now or timezone.now()
    counts = {"sent": 0, "retry": 0, "failed": 0}
    due = list(OutgoingMail.objects.due(now).order_by("next_attempt_at", "pk")[:limit])
    if not due:
        return counts
    connection = get_connection(settings.KFQ_MAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        for mail in due:
            if not _claim(mail, now):
                continue  # another worker has it
            counts[_attempt(mail, connection, now)] += 1
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide what was sent
            logger.warning("closing the mail connection failed", exc_info=True)
    return counts


def _attempt(mail: OutgoingMail, connection, now) -> str:
    mail.attempts += 1
    try:
        _message(mail, connection).send()
    except Exception as error:
        # Any failure (refused connection, timeout, a rejected address) is the same to the
        # outbox: note it and try again later.
        return _failed(mail, f"{type(error).__name__}: {error}", now)
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["status", "sent_at", "attempts", "last_error"])
    return "sent"


def _failed(mail: OutgoingMail, error: str, now) -> str:
    mail.last_error = error[:2000]
    if mail.attempts >= MAX_ATTEMPTS:
        mail.status = OutgoingMail.Status.FAILED
        outcome = "failed"
        logger.error("mail %s failed for good after %s attempts: %s", mail.pk, mail.attempts, error)
    else:
        mail.next_attempt_at = now + RETRY_AFTER[mail.attempts - 1]
        outcome = "retry"
        logger.warning("mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, error)
    mail.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
    return outcome


def retry_now(mails) -> int:
    """An editor's 立即重试: queue these again at once, with a fresh round of attempts."""
    return mails.exclude(status=OutgoingMail.Status.SENT).update(
        status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
