"""Issue assembly: place scheduled pieces on pages in order, then publish the issue at once."""

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse

from articles.models import Article, Issue, Status
from editorial import workflow


class PlacementInline(admin.TabularInline):
    """The issue's pieces; editors set page and position here. Status stays read-only."""

    model = Article
    fk_name = "issue"
    extra = 0
    can_delete = False
    fields = ["manuscript_number", "title", "zone", "status", "page", "position"]
    readonly_fields = ["manuscript_number", "title", "zone", "status"]
    ordering = ["page", "position", "pk"]
    verbose_name_plural = "本期稿件（填写版次和版内顺序）"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("zone")

    def get_readonly_fields(self, request, obj=None):
        # Once an issue is out, its pages are history: placement is no longer edited here.
        if obj is not None and obj.published_at:
            return [*self.readonly_fields, "page", "position"]
        return self.readonly_fields


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    change_form_template = "admin/articles/issue/change_form.html"

    class Media:
        css = {"all": ["css/editorial-admin.css"]}  # the 发布本期 box

    list_display = ["date", "number", "title", "is_special", "pages", "published_at", "articles"]
    list_filter = ["is_special", "date_inferred"]
    search_fields = ["title", "date_basis"]
    date_hierarchy = "date"
    readonly_fields = ["published_at"]
    inlines = [PlacementInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="稿件数", ordering="article_count")
    def articles(self, issue):
        return issue.article_count

    def get_urls(self):
        return [
            path(
                "<int:object_id>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="articles_issue_publish",
            ),
            *super().get_urls(),
        ]

    def publish_view(self, request, object_id):
        issue = get_object_or_404(Issue, pk=object_id)
        back = redirect(reverse("admin:articles_issue_change", args=[issue.pk]))
        if request.method != "POST" or not self.has_change_permission(request, issue):
            self.message_user(request, "无权操作。", messages.ERROR)
            return back
        try:
            count = workflow.publish_issue(issue=issue, by=request.user)
        except workflow.IssueNotPublishable as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, f"“{issue}”已发布，{count} 篇稿件公开。", messages.SUCCESS)
        return back

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["scheduled_count"] = obj.articles.filter(status=Status.SCHEDULED).count()
        return super().render_change_form(request, context, add, change, form_url, obj)
