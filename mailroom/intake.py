"""Mail into the workflow: the one door through which the 投稿邮箱 makes pieces.

take_in() keeps every mail it is given (once per Message-ID) and decides what becomes of it;
assign() and discard() are the editors' answers to a mail in the 待认领 list. Pieces are made
and submitted as a portal 投稿 is (editorial/workflow.py gives the status and the manuscript
number); the sender's acknowledgment and every refusal go through the outbox, never inline.
"""

from articles.models import Article
from mailroom.models import IncomingMail


class MailRefused(Exception):
    """The editor's action cannot be done and nothing was written; str(exc) says why."""


def take_in(raw: bytes) -> IncomingMail:
    """Keep one fetched mail and act on it; the same Message-ID again returns the first row."""
    raise NotImplementedError


def assign(mail: IncomingMail, *, correspondent, by) -> list[Article]:
    """A 待认领 mail is the correspondent's: make its pieces as for a known sender."""
    raise NotImplementedError


def discard(mail: IncomingMail, *, by) -> IncomingMail:
    """Set a 待认领 mail aside (已舍弃); it stays in the list of all mail."""
    raise NotImplementedError
