"""The admin of the archive's plain records: calls for papers, their themes, and the lines the
importer could not place. The records the newsroom works on (pieces, issues, contributors,
the outbox) have their admin in editorial/admin/."""

from django.contrib import admin

from articles.models import (
    CallContact,
    CallForPapers,
    CallGenre,
    CallReward,
    CallTheme,
    ImportLeftover,
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
