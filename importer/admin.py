"""导入版面: editors upload page files, read the preview, confirm or cancel, and see the result.

Registered on StagedImport so that the admin index lists it under 版面导入; its pages are the
views below, each a thin step over importer.staging. Editors only, by role
(editorial.admin.access). Each editor sees only the uploads they made.

The confirm imports one page per request when the page's script drives it (static/js/
import-progress.js shows the count); without the script the confirm's own request imports every
page. Either way each page is its own transaction and the state is in the database, so any app
server may answer any request, and an interrupted import goes on from the result page.
"""

from django.contrib import admin, messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.models import Article, Status
from editorial.admin.access import EditorsOnlyAdmin
from importer import staging
from importer.forms import UploadForm
from importer.manifest import PageInfo
from importer.models import StagedImport
from importer.uploads import UploadRejected


@admin.register(StagedImport)
class PageImportAdmin(EditorsOnlyAdmin):
    def get_urls(self):
        def route(suffix, view, name):
            return path(suffix, self.editor_view(view), name=f"importer_stagedimport_{name}")

        return [
            route("", self.upload_view, "changelist"),
            route("<int:pk>/", self.preview_view, "preview"),
            route("<int:pk>/confirm/", require_POST(self.confirm_view), "confirm"),
            route("<int:pk>/step/", require_POST(self.step_view), "step"),
            route("<int:pk>/cancel/", require_POST(self.cancel_view), "cancel"),
            route("<int:pk>/result/", self.result_view, "result"),
        ]

    def _staged(self, request, pk: int) -> StagedImport:
        return get_object_or_404(StagedImport, pk=pk, created_by=request.user)

    def _render(self, request, template: str, title: str, **context):
        return TemplateResponse(
            request, f"admin/importer/{template}", self.page_context(request, title, **context)
        )

    def upload_view(self, request):
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                staged, ignored = staging.stage_upload(
                    user=request.user,
                    files=form.uploaded_files(),
                    details=form.issue_details(),
                )
            except UploadRejected as rejection:
                for problem in rejection.problems:
                    form.add_error(None, problem)
            else:
                if ignored:
                    self.message_user(
                        request,
                        f"以下文件不是版面文件，未导入：{'、'.join(ignored)}。",
                        messages.WARNING,
                    )
                return redirect(staged)
        return self._render(request, "upload.html", "导入版面", form=form)

    def preview_view(self, request, pk: int):
        staged = self._staged(request, pk)
        if staged.confirmed_at:
            return redirect("admin:importer_stagedimport_result", pk)
        pages = [
            _shown_page(page, staging.page_summary(result))
            for page, result in staging.preview(staged=staged)
        ]
        return self._render(request, "preview.html", "导入版面：预览", staged=staged, pages=pages)

    def confirm_view(self, request, pk: int):
        staged = self._staged(request, pk)
        staging.confirm(staged=staged)
        if request.POST.get("by_step"):
            return self._progress(staged)
        staging.import_remaining(staged=staged)
        return redirect("admin:importer_stagedimport_result", pk)

    def step_view(self, request, pk: int):
        staged = self._staged(request, pk)
        if staged.confirmed_at:
            staging.import_next_page(staged=staged)
        return self._progress(staged)

    @staticmethod
    def _progress(staged: StagedImport) -> JsonResponse:
        done, total = staging.progress(staged)
        return JsonResponse(
            {
                "done": done,
                "total": total,
                "finished": done == total,
                "result_url": reverse("admin:importer_stagedimport_result", args=[staged.pk]),
            }
        )

    def cancel_view(self, request, pk: int):
        staged = self._staged(request, pk)
        if staged.confirmed_at:
            self.message_user(request, "这批版面已确认导入，不能取消。", messages.ERROR)
            return redirect("admin:importer_stagedimport_result", pk)
        staging.cancel(staged=staged)
        self.message_user(request, "已取消导入，未写入任何内容。", messages.SUCCESS)
        return redirect("admin:importer_stagedimport_changelist")

    def result_view(self, request, pk: int):
        staged = self._staged(request, pk)
        if not staged.confirmed_at:
            return redirect(staged)
        pages = list(staged.pages.all())
        created = [pk for page in pages if page.result for pk in page.result.get("created_ids", [])]
        articles = Article.objects.in_bulk(created)
        done, total = staging.progress(staged)
        return self._render(
            request,
            "result.html",
            "导入版面：结果",
            staged=staged,
            done=done,
            total=total,
            remaining=total - done,
            pages=[_shown_page(page, page.result, articles) for page in pages],
        )


def _shown_page(page, summary: dict | None, articles: dict | None = None) -> dict:
    """A staged page as the templates show it: its issue details, its summary, and the pieces
    it created with their links."""
    created = []
    for article_id in (summary or {}).get("created_ids", []):
        article = (articles or {}).get(article_id)
        if article is not None:
            created.append(
                {
                    "title": article.title,
                    "change_url": reverse("admin:articles_article_change", args=[article.pk]),
                    "public_url": (
                        article.get_absolute_url() if article.status == Status.PUBLISHED else ""
                    ),
                }
            )
    return {
        "name": page.file_name,
        "info": PageInfo.from_data(page.page_info),
        "summary": summary,
        "created": created,
    }
