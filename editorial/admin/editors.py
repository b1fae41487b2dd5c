"""The admin's user pages: 新增编辑 (add_editor() behind a button on the user list, for
superusers only), and a password set on a user's page counting as one someone else chose.

Editors may onboard correspondents but not editors: an editor who could make editors could
give anyone the newsroom's powers, so this stays with the system's administrators.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from editorial.admin.accounts import open_account_page
from editorial.admin.forms import EditorForm, PasswordGivenByAdminForm
from editorial.editors import add_editor
from editorial.roles import LEVEL_GROUPS, LEVEL_NAMES

User = get_user_model()


admin.site.unregister(User)


@admin.register(User)
class EditorOnboardingUserAdmin(UserAdmin):
    change_list_template = "admin/auth/user/change_list.html"
    change_password_form = PasswordGivenByAdminForm
    list_display = [*UserAdmin.list_display, "review_levels"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="审稿级别")
    def review_levels(self, user):
        """From the prefetched groups, as editorial.roles.review_roles_of reads them."""
        if user.is_superuser:
            return "、".join(LEVEL_NAMES.values()) + "（系统管理员）"
        held = {group.name for group in user.groups.all()}
        return (
            "、".join(LEVEL_NAMES[r] for r, group in LEVEL_GROUPS.items() if group in held) or "—"
        )

    def get_urls(self):
        return [
            path(
                "add-editor/",
                self.admin_site.admin_view(self.add_editor_view),
                name="auth_user_add_editor",
            ),
            *super().get_urls(),
        ]

    def add_editor_view(self, request):
        """The same service as `manage.py add_editor`."""
        if not request.user.is_superuser:
            raise PermissionDenied("只有系统管理员可以新增编辑。")
        return open_account_page(
            self,
            request,
            form_class=EditorForm,
            title="新增编辑",
            create=self._add_editor,
            done_url=reverse("admin:auth_user_changelist"),
        )

    @staticmethod
    def _add_editor(**fields):
        user, password = add_editor(**fields)
        return f"已创建编辑 {user.get_full_name()}，用户名 {user.username}", password
