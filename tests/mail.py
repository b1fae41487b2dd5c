"""Mail in tests goes the production way: into the outbox, then out through the worker."""

from django.core import mail

from editorial.outbox import send_due


def sent_mail() -> list:
    """Run the mail worker once; what it has delivered so far (django.core.mail.outbox)."""
    send_due()
    return mail.outbox
