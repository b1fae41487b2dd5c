"""The editors' statistics pages and public bulletins in the admin; editors only, by role
(editorial.admin.access)."""

from . import public_bulletins, statistics  # noqa: F401  (registers the ModelAdmins)
