"""The editors' admin: the submission queue and moves (queue.py), issue assembly (issues.py),
and the archive's other records (archive.py)."""

from . import archive, issues, queue  # noqa: F401  (registers the ModelAdmins)
