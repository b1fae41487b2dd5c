"""Editors unlock an account: they see the failed logins and delete them.

axes registers its own admin for superusers only (model permissions nobody is given); editors,
as articles.workflow.is_editor defines them, get read and delete here, so the newsroom can
let a locked-out correspondent back in without an administrator. The logs of successful and
failed logins stay with superusers. The role is asked through the awards admin's per-request
answer, so the admin's menu costs no extra query.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin

from awards.admin.access import request_is_editor

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class FailedLoginAdmin(AccessAttemptAdmin):
    def has_module_permission(self, request):
        return request_is_editor(request)

    def has_view_permission(self, request, obj=None):
        return request_is_editor(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request_is_editor(request)
