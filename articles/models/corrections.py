"""Corrections (更正): a dated notice on a published piece, shown to its readers.

Written only by editorial/corrections.py, which also keeps the text change as a version.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from articles.models.articles import Article


class Correction(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="corrections"
    )
    notice = models.TextField("更正说明", help_text="读者在稿件页面和订阅中看到的说明。")
    published_on = models.DateField("更正日期", default=timezone.localdate)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("发布时间", auto_now_add=True)

    class Meta:
        verbose_name = "更正"
        verbose_name_plural = "更正"
        ordering = ["published_on", "pk"]
        indexes = [models.Index(fields=["article", "published_on"], name="correction_article_idx")]

    def __str__(self):
        day = self.published_on
        return f"更正（{day.year}年{day.month}月{day.day}日）"
