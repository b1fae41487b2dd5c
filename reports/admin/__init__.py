"""The editors' statistics pages in the admin; editors only, by role (editorial.admin.access)."""

from . import statistics  # noqa: F401  (registers the ModelAdmin)
