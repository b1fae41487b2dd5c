from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse

from zones.models import Zone

from ..correspondents import add_correspondent
from ..models import (
    CallContact,
    CallForPapers,
    CallGenre,
    CallReward,
    CallTheme,
    Contributor,
    ImportLeftover,
)
from .accounts import open_account_page


class CorrespondentForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    name = forms.CharField(label="姓名（署名）", max_length=30)
    zone = forms.ModelChoiceField(label="所属开发区", queryset=Zone.objects.all())
    email = forms.EmailField(label="电子邮箱", required=False)
    password = forms.CharField(
        label="初始密码",
        required=False,
        widget=forms.PasswordInput,
        help_text="留空则自动生成，保存后显示一次。",
    )


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


class CallThemeInline(admin.TabularInline):
    model = CallTheme
    extra = 0


class CallGenreInline(admin.TabularInline):
    model = CallGenre
    extra = 0


class CallRewardInline(admin.TabularInline):
    model = CallReward
    extra = 0


class CallContactInline(admin.TabularInline):
    model = CallContact
    extra = 0


@admin.register(CallForPapers)
class CallForPapersAdmin(admin.ModelAdmin):
    list_display = ["date", "issuer", "max_photos", "submission_email"]
    search_fields = ["issuer", "guidance", "introduction"]
    date_hierarchy = "date"
    inlines = [CallThemeInline, CallGenreInline, CallRewardInline, CallContactInline]
    readonly_fields = ["source_file"]


@admin.register(CallTheme)
class CallThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "call"]
    list_select_related = ["call"]
    search_fields = ["name", "description"]


@admin.register(ImportLeftover)
class ImportLeftoverAdmin(admin.ModelAdmin):
    list_display = ["source_file", "line_number", "reason", "text", "reviewed"]
    list_filter = ["reviewed", "reason", "source_file"]
    list_editable = ["reviewed"]
    search_fields = ["text"]
    readonly_fields = ["source_file", "line_number", "text", "reason"]

    def has_add_permission(self, request):
        return False
