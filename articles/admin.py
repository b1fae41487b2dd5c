from django.contrib import admin
from django.db.models import Count

from .models import (
    Article,
    Authorship,
    CallContact,
    CallForPapers,
    CallGenre,
    CallReward,
    CallTheme,
    Contributor,
    ImportLeftover,
    Issue,
    Photo,
)
from .text import count_characters


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    autocomplete_fields = ["contributor"]
    ordering = ["order"]


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 0
    fields = ["position", "caption", "credit", "image"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "zone", "issue", "place", "genre", "status", "length"]
    list_filter = ["status", "genre", "issue", "zone__city", "zone"]
    list_select_related = ["zone", "issue"]
    search_fields = ["title", "kicker", "subtitle", "authors__name", "zone__official_name"]
    autocomplete_fields = ["zone", "issue", "theme", "call"]
    readonly_fields = ["status", "source_file", "source_position", "created_at", "updated_at"]
    inlines = [AuthorshipInline, PhotoInline]
    fieldsets = [
        (None, {"fields": ["kicker", "title", "subtitle", "zone", "genre", "theme", "call"]}),
        ("正文", {"fields": ["zone_label", "dateline", "body", "byline"]}),
        ("刊发位置", {"fields": ["issue", "page", "position", "status"]}),
        ("来源", {"fields": ["source_file", "source_position", "created_at", "updated_at"]}),
    ]

    @admin.display(description="版次·顺序", ordering="page")
    def place(self, article):
        if article.page is None:
            return "—"
        return f"第{article.page}版·{article.position or '—'}"

    @admin.display(description="字数")
    def length(self, article):
        return count_characters(article.body)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["date", "number", "title", "is_special", "pages", "date_inferred", "articles"]
    list_filter = ["is_special", "date_inferred"]
    search_fields = ["title", "date_basis"]
    date_hierarchy = "date"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="稿件数", ordering="article_count")
    def articles(self, issue):
        return issue.article_count


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
