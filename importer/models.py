"""Pages an editor uploaded in the admin, kept until the import is confirmed and done.

They are kept in the database, not on a server's disk: the upload, the preview, the confirm
and each step of the import may each be answered by a different app server. An upload left
unconfirmed, or an import finished long ago, is deleted by clean_stale() (staging.py).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from articles.models import Article


class StagedImportQuerySet(models.QuerySet):
    def older_than(self, moment):
        return self.filter(created_at__lt=moment)


class StagedImport(models.Model):
    """One upload in 导入版面: its pages, waiting for the editor's confirm, then their results."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    confirmed_at = models.DateTimeField("确认导入时间", null=True, blank=True)

    objects = StagedImportQuerySet.as_manager()

    class Meta:
        verbose_name = "导入版面"
        verbose_name_plural = "导入版面"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} 上传的 {self.pages.count()} 个版面"

    def get_absolute_url(self):
        return reverse("admin:importer_stagedimport_preview", args=[self.pk])


class StagedPage(models.Model):
    """One page file of an upload with its issue details, and, once imported, its result."""

    staged_import = models.ForeignKey(
        StagedImport, verbose_name="上传", on_delete=models.CASCADE, related_name="pages"
    )
    order = models.PositiveIntegerField("顺序")
    file_name = models.CharField(
        "文件名", max_length=Article._meta.get_field("source_file").max_length
    )
    content = models.BinaryField("文件内容")
    # importer.manifest.PageInfo as manifest.page_info_data() writes it
    page_info = models.JSONField("期次与版次")
    imported_at = models.DateTimeField("导入时间", null=True, blank=True)
    # importer.staging.page_result(): what the import wrote, or why it wrote nothing
    result = models.JSONField("导入结果", null=True, blank=True)

    class Meta:
        verbose_name = "待导入版面"
        verbose_name_plural = "待导入版面"
        ordering = ["staged_import", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["staged_import", "order"], name="staged_page_unique_order"
            ),
            models.UniqueConstraint(
                fields=["staged_import", "file_name"], name="staged_page_unique_file"
            ),
        ]

    def __str__(self):
        return self.file_name
