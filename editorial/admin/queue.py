"""The submission queue: what waits for the editors, each piece's page with its moves, and
the columns and filters editors sort the queue by.

Every move goes through editorial.workflow; this module only offers the buttons, and takes
the bulk actions from editorial.admin.bulk_moves.
"""

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.admin.photos import PhotoInline
from articles.models import (
    Article,
    ArticleTransition,
    ArticleVersion,
    Authorship,
    CallGenre,
    EditorComment,
    Issue,
    Photo,
    Status,
    VersionKind,
)
from articles.text import count_characters
from editorial import roles, versions, workflow
from editorial.admin import corrections as correction_pages
from editorial.admin import near_copies as near_copy_pages
from editorial.admin import piece_panels
from editorial.admin import versions as version_pages
from editorial.admin.access import editors_only
from editorial.admin.bulk_moves import bulk_move_actions
from editorial.admin.filters import OpensOnChoice
from editorial.admin.forms import MoveForm
from editorial.admin.preview import article_preview
from search.models import NearCopy


class QueueFilter(OpensOnChoice):
    """Opens on what waits for the editors; '全部' shows everything."""

    title = "队列"
    parameter_name = "queue"
    default = "waiting"

    def lookups(self, request, model_admin):
        mine = [("mine", "待我审")] if roles.levels_in_use() else []
        return [*mine, ("waiting", "待处理"), ("revision", "等待通讯员修改"), ("all", "全部")]

    def queryset(self, request, queryset):
        value = self.chosen()
        if value == "mine":
            # With review levels, each editor's own stage: 初审 what came in, 复审 what passed 初审.
            return queryset.filter(status__in=workflow.waiting_for(request.user))
        if value == "waiting":
            return queryset.filter(status__in=workflow.AWAITING_EDITORS)
        if value == "revision":
            return queryset.filter(status=Status.REVISION)
        return queryset


class SubmittedYearFilter(admin.SimpleListFilter):
    title = "投稿年份"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Article.objects.dates("submitted_at", "year", order="DESC")
        return [(str(d.year), f"{d.year}年") for d in years]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(submitted_at__year=self.value())
        return queryset


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    autocomplete_fields = ["contributor"]
    ordering = ["order"]


class TransitionInline(admin.TabularInline):
    model = ArticleTransition
    extra = 0
    can_delete = False
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    verbose_name_plural = "处理记录"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class VersionInline(admin.TabularInline):
    """The list of versions; the texts themselves are compared on the versions page."""

    model = ArticleVersion
    extra = 0
    can_delete = False
    fields = ["number", "kind", "by", "created_at", "compare"]
    readonly_fields = fields
    verbose_name_plural = "修改留痕（历次版本）"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    @admin.display(description="对照")
    def compare(self, version):
        if version.number == 1:
            return "—"
        url = reverse("admin:articles_article_versions", args=[version.article_id])
        return format_html(
            '<a href="{}?a={}&amp;b={}">与上一稿逐字对照</a>',
            url,
            version.number - 1,
            version.number,
        )


class CommentInline(admin.StackedInline):
    model = EditorComment
    extra = 1
    fields = ["body", "internal"]
    verbose_name_plural = "编辑意见（不勾选“仅编辑部可见”时通讯员可见）"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    change_form_template = "admin/articles/article/change_form.html"

    class Media:
        css = {"all": ["css/editorial-admin.css"]}  # the 稿件处理 module

    list_display = [
        "manuscript",
        "title",
        near_copy_pages.near_copy_flag,
        "zone",
        "genre",
        "length_against_target",
        "photo_mark",
        "status",
        "submitted_at",
        "waiting",
    ]
    list_display_links = ["manuscript", "title"]
    list_filter = [
        QueueFilter,
        "status",
        "genre",
        "theme",
        "zone__city",
        "zone",
        "call",
        SubmittedYearFilter,
        "issue",
    ]
    list_select_related = ["zone", "issue"]
    search_fields = ["manuscript_number", "title", "kicker", "subtitle", "authors__name"]
    autocomplete_fields = ["zone", "theme", "call"]
    # Status and issue change only through the workflow's moves (排入一期, 撤出该期, publishing
    # an issue), which check the piece's state and keep the log; a form edit would bypass both.
    readonly_fields = [
        "manuscript_number",
        "status",
        "issue",
        "submitted_at",
        "source_file",
        "source_position",
        "created_at",
        "updated_at",
    ]
    inlines = [AuthorshipInline, PhotoInline, CommentInline, TransitionInline, VersionInline]
    fieldsets = [
        (None, {"fields": ["manuscript_number", "status", "submitted_at"]}),
        ("稿件", {"fields": ["kicker", "title", "subtitle", "zone", "genre", "theme", "call"]}),
        ("正文", {"fields": ["zone_label", "dateline", "body", "byline"]}),
        ("刊发位置", {"fields": ["issue", "page", "position"]}),
        ("来源", {"fields": ["source_file", "source_position", "created_at", "updated_at"]}),
    ]

    @property
    def actions(self):
        # The moves table depends on the office's number of review levels: read it each time.
        return bulk_move_actions(workflow.moves())

    def get_readonly_fields(self, request, obj=None):
        # Page and position are arranged while a piece is scheduled; once published they are
        # where it was printed, and before it is scheduled there is no issue to place it in.
        if obj is not None and obj.status == Status.SCHEDULED:
            return self.readonly_fields
        if obj is not None and obj.status == Status.PUBLISHED and not obj.source_file:
            # Readers have seen the text: it changes only through a correction (发布更正),
            # which keeps the trace and tells them. A piece imported from a printed page stays
            # editable: mending how the page was read into the archive corrects our copy, not
            # what was printed, and the importer keeps such mends on a re-import.
            return [*self.readonly_fields, "page", "position", *versions.TEXT_FIELDS]
        return [*self.readonly_fields, "page", "position"]

    def get_queryset(self, request):
        target = CallGenre.objects.filter(call=OuterRef("call"), genre=OuterRef("genre"))
        return (
            super()
            .get_queryset(request)
            .annotate(
                target_length=Subquery(target.values("target_length")[:1]),
                has_photo=Exists(Photo.objects.filter(article=OuterRef("pk"))),
                **near_copy_pages.flag_annotations(),
            )
        )

    def save_model(self, request, obj, form, change):
        if change:
            # The form owns only the fields it shows. The others (status, placement, number)
            # are the workflow's and may have moved since this request read the piece, so they
            # are taken from the row as it is now, locked until this save commits.
            current = Article.objects.select_for_update().get(pk=obj.pk)
            for field in Article._meta.concrete_fields:
                if field.name not in form.fields and not field.primary_key:
                    setattr(obj, field.attname, getattr(current, field.attname))
        super().save_model(request, obj, form, change)
        if not obj.manuscript_number:
            return
        changed = versions.record_version(obj, by=request.user, kind=VersionKind.EDITOR_EDIT)
        if changed is not None and workflow.scheduled_piece_changed(obj):
            self.message_user(
                request,
                f"“{obj.issue}”的签发已撤销：签发后改了稿件文字，需总编辑重新签发。",
                messages.WARNING,
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is EditorComment:
            for comment in formset.save(commit=False):
                comment.author = comment.author or request.user
                comment.save()
            for comment in formset.deleted_objects:
                comment.delete()
            return
        super().save_formset(request, form, formset, change)

    def get_view_on_site_url(self, obj=None):
        # Readers see only published pieces; for any other the editor gets the preview.
        if obj is not None and obj.status != Status.PUBLISHED:
            return reverse("admin:articles_article_preview", args=[obj.pk])
        return super().get_view_on_site_url(obj)

    # --- columns -----------------------------------------------------------------------

    @admin.display(description="稿件编号", ordering="manuscript_number")
    def manuscript(self, article):
        return article.manuscript_number or "—"

    @admin.display(description="字数/要求")
    def length_against_target(self, article):
        count = count_characters(article.body)
        if not article.target_length:
            return str(count)
        return f"{count}/{article.target_length}"

    @admin.display(description="配图", boolean=True, ordering="has_photo")
    def photo_mark(self, article):
        return article.has_photo

    @admin.display(description="等待天数", ordering="status_changed_at")
    def waiting(self, article):
        if article.status not in workflow.AWAITING_EDITORS:
            return "—"
        days = workflow.days_waiting(article)
        return "—" if days is None else f"{days}天"

    # --- moves on one piece ------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<int:object_id>/preview/",
                self.admin_site.admin_view(article_preview),
                name="articles_article_preview",
            ),
            path(
                "<int:object_id>/move/",
                self.admin_site.admin_view(self.move_view),
                name="articles_article_move",
            ),
            path(
                "<int:object_id>/versions/",
                self.admin_site.admin_view(editors_only(version_pages.article_versions)),
                name="articles_article_versions",
            ),
            path(
                "<int:object_id>/near-copy/<int:other_id>/",
                self.admin_site.admin_view(editors_only(near_copy_pages.side_by_side)),
                name="articles_article_near_copy",
            ),
            path(
                "<int:object_id>/correction/",
                self.admin_site.admin_view(editors_only(correction_pages.add_correction)),
                name="articles_article_correction",
            ),
            *super().get_urls(),
        ]

    def move_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        back = redirect(reverse("admin:articles_article_change", args=[article.pk]))
        if request.method != "POST" or not self.has_change_permission(request, article):
            self.message_user(request, "无权操作。", messages.ERROR)
            return back
        form = MoveForm(request.POST)
        if not form.is_valid():
            self.message_user(request, "操作无效：" + form.errors.as_text(), messages.ERROR)
            return back
        if confirmation := self._confirmation(request, article, form):
            return confirmation
        try:
            workflow.article_transition(
                article=article,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
                issue=form.cleaned_data["issue"],
            )
        except workflow.TransitionNotAllowed as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            label = Status(form.cleaned_data["to"]).label
            self.message_user(request, f"《{article.title}》已改为“{label}”。", messages.SUCCESS)
        return back

    def _confirmation(self, request, article, form) -> TemplateResponse | None:
        """A move that cannot be undone (不予采用) first shows the piece and the note, and is
        made only by the confirming POST. None when there is nothing to confirm, and when the
        workflow will refuse the move anyway (not this user's, or without its note): the
        refusal comes at once."""
        to, note = Status(form.cleaned_data["to"]), form.cleaned_data["note"]
        move = dict(workflow.available_moves(request.user, article)).get(to)
        if form.cleaned_data["confirmed"] or move is None or not workflow.is_irreversible(to):
            return None
        if move.needs_note and not note.strip():
            return None
        return TemplateResponse(
            request,
            "admin/articles/article/move_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": f"确认{move.label}",
                "original": article,
                "authors": "、".join(article.author_names()),
                "move": move,
                "to": to,
                "note": note,
            },
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["moves"] = [
                (to, move)
                for to, move in workflow.available_moves(request.user, obj)
                if workflow.is_editors_move(move)
            ]
            context["open_issues"] = Issue.objects.open()
            context["review_record"] = workflow.review_record(obj)
            context["near_copies"] = list(NearCopy.objects.of(obj))
            context["panels_beside"] = piece_panels.panels_beside(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)
