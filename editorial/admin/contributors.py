"""The contributors' register: who writes from which zone, with 新建通讯员账号 (the same
service as `manage.py add_correspondent`) on its list."""

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse

from articles.models import Contributor
from editorial.admin.accounts import open_account_page
from editorial.admin.forms import CorrespondentForm
from editorial.correspondents import add_correspondent


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    change_list_template = "admin/articles/contributor/change_list.html"
    list_display = ["name", "zone", "user", "phone", "email", "pieces"]
    list_filter = ["zone__city"]
    list_select_related = ["zone", "user"]
    search_fields = ["name", "zone__official_name", "email", "phone"]
    autocomplete_fields = ["zone", "user"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(piece_count=Count("authorships"))

    @admin.display(description="稿件数", ordering="piece_count")
    def pieces(self, contributor):
        return contributor.piece_count

    def get_urls(self):
        return [
            path(
                "add-correspondent/",
                self.admin_site.admin_view(self.add_correspondent_view),
                name="articles_contributor_add_correspondent",
            ),
            *super().get_urls(),
        ]

    def add_correspondent_view(self, request):
        """Onboard a correspondent: the same service as `manage.py add_correspondent`."""
        if not self.has_add_permission(request):
            self.message_user(request, "无权新建通讯员。", messages.ERROR)
            return redirect(reverse("admin:articles_contributor_changelist"))
        return open_account_page(
            self,
            request,
            form_class=CorrespondentForm,
            title="新建通讯员账号",
            create=self._add_correspondent,
            done_url=reverse("admin:articles_contributor_changelist"),
        )

    @staticmethod
    def _add_correspondent(**fields):
        user, contributor, password = add_correspondent(**fields)
        return (
            f"已创建通讯员 {contributor.name}（{contributor.zone}），用户名 {user.username}",
            password,
        )
