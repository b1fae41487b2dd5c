"""The mail in the editors' admin: the 待认领 list and each mail's page with what editors do
with it (mail_pages.py), and the original mail shown beside a piece that came by mail
(piece_panel.py). Editors only, by role (editorial.admin.access)."""

from mailroom.admin import mail_pages, piece_panel  # noqa: F401  (registers the pages)
