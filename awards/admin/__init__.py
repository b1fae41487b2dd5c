"""The editors' year-end pages in the admin: the year's list and ranking (year_list.py), the
rubric (rubric.py), and the awards with their certificates and letters (certificates.py).
Editors only, by role (editorial.admin.access)."""

from . import certificates, rubric, year_list  # noqa: F401  (registers the ModelAdmins)
