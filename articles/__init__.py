"""The archive's data: issues, pieces, contributors and their bylines, photos, calls for papers,
the history of each piece and the record of each imported page.

models/ holds the models and their QuerySets (the query API every other app uses); text.py
counts characters as Chinese editors do; bylines.py is the one module that decides which
Contributor a byline name means and rewrites a piece's authorships; photos.py checks and
re-encodes every uploaded photo, whichever door it comes through (portal or admin); admin/
covers the plain records. It imports only zones: the workflow, search, importer and pages
that work on this data live in their own apps.
"""
