"""The editors' admin: the submission queue and moves (queue.py), issue assembly (issues.py),
photos checked like the portal's (photos.py), the mail outbox (outbox.py) and the archive's
other records (archive.py)."""

from . import archive, issues, outbox, photos, queue  # noqa: F401  (registers the ModelAdmins)
