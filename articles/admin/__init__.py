"""The editors' admin: the submission queue and moves (queue.py), issue assembly (issues.py),
photos checked like the portal's (photos.py), the mail outbox (outbox.py) and the archive's
other records (archive.py), and the superusers' 新增编辑 page (editors.py)."""

from . import (  # noqa: F401  (registers the ModelAdmins)
    archive,
    editors,
    issues,
    outbox,
    photos,
    queue,
)
