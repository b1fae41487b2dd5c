"""The editorial app: what the newsroom does with the pieces the correspondents send.

It owns the roles (roles.py: the group names and who is an editor), the workflow (workflow.py:
the moves table and the only writer of Article.status, issue publishing), the genre a piece is
given when the page does not say (genres.py), the mail about each move and the outbox that
sends it (notifications.py, outbox.py, `manage.py send_mail`), the onboarding of correspondents
and editors (correspondents.py, editors.py and their commands), who may see an uploaded photo
(media.py), and the editors' admin (admin/). The archive's data stays in articles; editorial
imports articles, search, zones and logins, and is imported by the importer, the portal and
awards.
"""
