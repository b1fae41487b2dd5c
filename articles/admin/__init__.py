"""The admin of the archive's plain records (archive.py) and of photos, checked like the
portal's (photos.py). The editors' desks (queue, issues, contributors, outbox, editors) are in
editorial/admin/."""

from articles.admin import archive, photos  # noqa: F401  (registers the ModelAdmins)
