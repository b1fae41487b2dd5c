"""Editors unlock an account: they see the failed logins and delete them.

axes registers its own admin for superusers only (model permissions nobody is given); editors,
as articles.workflow.is_editor defines them, get read and delete here, so the newsroom can
let a locked-out correspondent back in without an administrator. The logs of successful and
failed logins stay with superusers.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin

from articles.workflow import is_editor

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class FailedLoginAdmin(AccessAttemptAdmin):
    def has_module_permission(self, request):
        return is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return is_editor(request.user)
