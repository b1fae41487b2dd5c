"""The editors' statistics pages in the admin, and the switch for the correspondents' running
score; editors only, by role (editorial.admin.access)."""

from . import live_points, public_bulletins, statistics  # noqa: F401  (registers the ModelAdmins)
