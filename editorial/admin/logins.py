"""Editors unlock an account: they see the failed logins and delete them.

axes registers its own admin (English, superusers only); it is replaced here by a Chinese one
on the FailedLogin proxy that editors, as editorial.roles.is_editor defines them, may read
and delete from, so the newsroom can let a locked-out correspondent back in without an
administrator. The logs of successful and failed logins stay with superusers. The role is
asked once per request (editorial.admin.access), so the admin's menu costs no extra query.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.utils import timezone

from editorial.admin.access import EditorsOnlyAdmin, request_is_editor
from logins.models import FailedLogin

admin.site.unregister(AccessAttempt)


@admin.register(FailedLogin)
class FailedLoginAdmin(EditorsOnlyAdmin):
    list_display = ["username_shown", "address", "failures", "last_attempt", "door", "locked"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    fields = ["username_shown", "address", "failures", "last_attempt", "door", "locked", "agent"]
    readonly_fields = fields
    actions = ["delete_selected"]

    def has_delete_permission(self, request, obj=None):
        # Deleting an account's failed logins is how an editor unlocks it.
        return request_is_editor(request)

    @admin.display(description="用户名", ordering="username")
    def username_shown(self, attempt):
        return attempt.username

    @admin.display(description="IP 地址", ordering="ip_address")
    def address(self, attempt):
        return attempt.ip_address

    @admin.display(description="失败次数", ordering="failures_since_start")
    def failures(self, attempt):
        return attempt.failures_since_start

    @admin.display(description="最近一次", ordering="attempt_time")
    def last_attempt(self, attempt):
        return attempt.attempt_time

    @admin.display(description="登录入口")
    def door(self, attempt):
        return "编辑部后台" if attempt.path_info.startswith("/admin/") else "网站登录页"

    @admin.display(description="已锁定", boolean=True)
    def locked(self, attempt):
        return (
            attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
            and attempt.attempt_time + settings.AXES_COOLOFF_TIME > timezone.now()
        )

    @admin.display(description="浏览器")
    def agent(self, attempt):
        return attempt.user_agent
