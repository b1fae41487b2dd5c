"""Issue assembly on one screen: the issue's pieces by page, placed and reordered in place,
the accepted pieces waiting beside them, the 总编辑's 签发, and publishing after a
confirmation of exactly what becomes public."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles.models import Article, Issue, Status
from articles.text import count_characters
from editorial import assembly, roles, workflow
from editorial.admin.access import editors_only


class PlacementForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["page", "position"]

    def _get_validation_exclusions(self):
        # One place per piece in an issue (article_unique_place_in_issue) is checked by the
        # formset over the whole issue as typed: checked row by row against the database, a
        # swap of two positions would clash with the row not yet saved.
        return {*super()._get_validation_exclusions(), "issue"}


class PlacementFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        taken = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form in self.deleted_forms:
                continue
            piece = form.instance
            place = (form.cleaned_data.get("page"), form.cleaned_data.get("position"))
            if None in place:
                continue
            if place in taken:
                raise forms.ValidationError(
                    f"第{place[0]}版第{place[1]}条同时排了《{taken[place].title}》和"
                    f"《{piece.title}》，请改其中一篇的版次或顺序。",
                    code="place_taken",
                )
            taken[place] = piece

    def save_existing_objects(self, commit=True):
        # Two passes: first lift the moved pieces off their places, then put each where it
        # was typed, so that pieces may swap places in one save.
        moved = [
            form.instance.pk
            for form in self.initial_forms
            if form.has_changed() and form not in self.deleted_forms
        ]
        if commit and moved:
            Article.objects.filter(pk__in=moved).update(page=None, position=None)
        return super().save_existing_objects(commit)


class PlacementInline(admin.TabularInline):
    """The issue's pieces by page; editors set page and position here. Status stays read-only."""

    model = Article
    fk_name = "issue"
    form = PlacementForm
    formset = PlacementFormSet
    template = "admin/articles/issue/placement_inline.html"
    extra = 0
    can_delete = False
    fields = ["page", "position"]
    ordering = ["page", "position", "pk"]
    verbose_name_plural = "本期稿件（按版排列，可直接改版次和版内顺序）"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("zone")

    def get_readonly_fields(self, request, obj=None):
        # Once an issue is out, its pages are history: placement is no longer edited here.
        if obj is not None and obj.published_at:
            return ["page", "position"]
        return []


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    change_form_template = "admin/articles/issue/change_form.html"

    class Media:
        css = {"all": ["css/editorial-admin.css"]}  # the assembly screen
        js = ["js/issue-assembly.js"]  # 上移/下移

    list_display = ["date", "number", "title", "is_special", "pages", "published_at", "articles"]
    list_filter = ["is_special", "date_inferred"]
    search_fields = ["title", "date_basis"]
    date_hierarchy = "date"
    readonly_fields = ["published_at"]
    inlines = [PlacementInline]

    def get_view_on_site_url(self, obj=None):
        # An issue still being assembled has no public page yet: no link that leads to a 404.
        if obj is not None and obj.published_at is None:
            return None
        return super().get_view_on_site_url(obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("signed_off_by")
            .annotate(article_count=Count("articles"))
        )

    @admin.display(description="稿件数", ordering="article_count")
    def articles(self, issue):
        return issue.article_count

    def get_urls(self):
        views = [
            ("publish/", self.publish_view, "articles_issue_publish"),
            ("schedule/", self.schedule_view, "articles_issue_schedule"),
            ("sign-off/", self.sign_off_view, "articles_issue_sign_off"),
        ]
        return [
            *(
                path(
                    f"<int:object_id>/{route}",
                    self.admin_site.admin_view(editors_only(view)),
                    name=name,
                )
                for route, view, name in views
            ),
            *super().get_urls(),
        ]

    def _back(self, issue):
        return redirect(reverse("admin:articles_issue_change", args=[issue.pk]))

    # --- 发布本期: saved with the placement, then confirmed -------------------------------

    def response_change(self, request, obj):
        # 发布本期 is a submit button of the issue's form: what was typed is saved by now.
        if "_publish" in request.POST:
            return redirect(reverse("admin:articles_issue_publish", args=[obj.pk]))
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        # 新建一期 from a piece's 排入一期 returns to that piece, where the new issue is offered.
        piece = request.GET.get("for_article", "")
        if piece.isdigit() and not {"_continue", "_addanother"} & set(request.POST):
            self.message_user(request, f"已新建“{obj}”，可以排入了。", messages.SUCCESS)
            return redirect(reverse("admin:articles_article_change", args=[int(piece)]))
        return super().response_add(request, obj, post_url_continue)

    def publish_view(self, request, object_id):
        """GET: what will become public; POST (确认发布): publish."""
        issue = get_object_or_404(Issue.objects.select_related("signed_off_by"), pk=object_id)
        if request.method == "POST":
            try:
                count = workflow.publish_issue(issue=issue, by=request.user)
            except workflow.IssueNotPublishable as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
            else:
                self.message_user(
                    request, f"“{issue}”已发布，{count} 篇稿件公开。", messages.SUCCESS
                )
            return self._back(issue)
        pieces = list(
            issue.articles.filter(status=Status.SCHEDULED)
            .select_related("zone")
            .order_by("page", "position", "pk")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": issue,
            "title": f"确认发布“{issue}”",
            "pieces": pieces,
            "unplaced": [p for p in pieces if p.page is None or p.position is None],
            "needs_sign_off": workflow.needs_sign_off() and issue.signed_off_at is None,
        }
        return TemplateResponse(request, "admin/articles/issue/publish_confirm.html", context)

    # --- 排入本期 and 签发 ----------------------------------------------------------------

    def schedule_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        issue = get_object_or_404(Issue, pk=object_id)
        article = get_object_or_404(Article, pk=request.POST.get("article"))
        page = request.POST.get("page", "1")
        try:
            piece = assembly.schedule_into(
                article=article, issue=issue, by=request.user, page=int(page or 1)
            )
        except ValueError:
            self.message_user(request, "版次须是数字。", messages.ERROR)
        except (workflow.TransitionNotAllowed, assembly.PlacementRefused) as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                f"《{piece.title}》已排入第{piece.page}版第{piece.position}条。",
                messages.SUCCESS,
            )
        return self._back(issue)

    def sign_off_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        issue = get_object_or_404(Issue, pk=object_id)
        try:
            workflow.sign_off_issue(issue=issue, by=request.user)
        except workflow.SignOffRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, f"“{issue}”已签发。", messages.SUCCESS)
        return self._back(issue)

    # --- the page -----------------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            placement = next(
                inline
                for inline in context["inline_admin_formsets"]
                if inline.formset.model is Article
            )
            context["assembly_pages"] = assembly.pages_of(
                list(placement), piece_of=lambda row: row.form.instance
            )
            context["scheduled_count"] = sum(
                row.form.instance.status == Status.SCHEDULED for row in placement
            )
            context["placement_editable"] = not obj.published_at
            context["needs_sign_off"] = workflow.needs_sign_off()
            context["may_sign_off"] = context["needs_sign_off"] and roles.is_chief_editor(
                request.user
            )
            if not obj.published_at:
                context["waiting"] = [
                    (piece, count_characters(piece.body))
                    for piece in Article.objects.filter(status=Status.ACCEPTED)
                    .select_related("zone")
                    .order_by("status_changed_at", "pk")
                ]
        return super().render_change_form(request, context, add, change, form_url, obj)
