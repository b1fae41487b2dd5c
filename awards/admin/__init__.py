"""The editors' year-end pages in the admin: the year's list and ranking (year_list.py), the
rubric (rubric.py), the awards with their certificates and letters (certificates.py), and
the switch for showing correspondents their running score (live_points.py). Editors only, by
role (editorial.admin.access)."""

from . import (  # noqa: F401  (registers the ModelAdmins)
    certificates,
    live_points,
    rubric,
    year_list,
)
