from django.contrib import admin
from django.db.models import Count

from ..models import (
    CallContact,
    CallForPapers,
    CallGenre,
    CallReward,
    CallTheme,
    Contributor,
    ImportLeftover,
    Photo,
)


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
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


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "credit", "article", "position"]
    list_select_related = ["article"]
    search_fields = ["caption", "credit", "article__title"]
    autocomplete_fields = ["article"]


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
