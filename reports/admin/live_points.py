"""The editors' switch for showing correspondents their running score (one row)."""

from django.contrib import admin

from editorial.admin.access import EditorsOnlyAdmin, request_is_editor

from ..models import LivePoints


@admin.register(LivePoints)
class LivePointsAdmin(EditorsOnlyAdmin):
    list_display = ["__str__", "shown_to_correspondents"]
    fields = ["shown_to_correspondents"]

    def has_add_permission(self, request):
        return request_is_editor(request) and not LivePoints.objects.exists()

    def has_change_permission(self, request, obj=None):
        return request_is_editor(request)

    def save_model(self, request, obj, form, change):
        obj.pk = 1  # the one row
        super().save_model(request, obj, form, change)
