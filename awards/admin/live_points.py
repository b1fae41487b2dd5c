"""The editors' switch for showing correspondents their running score (one row)."""

from django.contrib import admin

from editorial.admin.access import EditorsOnlyAdmin, request_is_editor

from ..models import LivePoints


@admin.register(LivePoints)
class LivePointsAdmin(EditorsOnlyAdmin):
    list_display = ["__str__", "shown_to_correspondents"]
    fields = ["shown_to_correspondents"]

    # The one row comes with the migration; editors change it, nobody adds another.
    def has_change_permission(self, request, obj=None):
        return request_is_editor(request)
