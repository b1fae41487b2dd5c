"""The editors' switch for showing correspondents their running score (one row)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from editorial.admin.access import EditorsOnlyAdmin, request_is_editor

from ..models import LivePoints


@admin.register(LivePoints)
class LivePointsAdmin(EditorsOnlyAdmin):
    fields = ["shown_to_correspondents"]

    # Editors change the one row, nobody adds another or deletes it.
    def has_change_permission(self, request, obj=None):
        return request_is_editor(request)

    # There is nothing to list: the changelist opens the row's form. The migration creates the
    # row, but a flushed database (a TransactionTestCase, a restore gone wrong) has none, so
    # both pages put it back rather than show an empty list or a 404.
    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect("admin:awards_livepoints_change", LivePoints.the_row().pk)

    def get_object(self, request, object_id, from_field=None):
        if not self.has_view_or_change_permission(request):
            return super().get_object(request, object_id, from_field)
        row = LivePoints.the_row()
        return row if str(row.pk) == object_id else None
