"""Admin pages for editors by role: the awards pages and the failed logins.

The role (editorial.roles.is_editor) decides, not per-model permissions: the 编辑 group's
permissions (granted by the articles migration) cover articles and zones, and the awards
records are written only by awards.services, which checks the same role.
"""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from editorial.roles import is_editor


def request_is_editor(request) -> bool:
    # The admin asks each ModelAdmin several times per page (app list, buttons, links): ask
    # the database once per request.
    if not hasattr(request, "_kfq_is_editor"):
        request._kfq_is_editor = is_editor(request.user)
    return request._kfq_is_editor


def editors_only(view):
    """For views wrapped in admin_site.admin_view: staff who are not editors get a 403."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request_is_editor(request):
            raise PermissionDenied("这一页只对编辑部开放。")
        return view(request, *args, **kwargs)

    return checked


class EditorsOnlyAdmin(admin.ModelAdmin):
    """Visible and readable by editors; subclasses say what editors may write."""

    def has_module_permission(self, request):
        return request_is_editor(request)

    def has_view_permission(self, request, obj=None):
        return request_is_editor(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def editor_view(self, view):
        return self.admin_site.admin_view(editors_only(view))

    def page_context(self, request, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }
