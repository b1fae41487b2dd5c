"""A proxy of Article gives the statistics pages their place in the admin; Bulletin is the
用稿通报 editors put on the public site."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from articles.models import Article

from .figures import ReportFilter

# The bulletin's printed title; reports/bulletin.py adds the period.
BULLETIN_TITLE = "《开发区建设》周刊用稿通报"


class EditorialStatistics(Article):
    class Meta:
        proxy = True
        verbose_name = "采编统计"
        verbose_name_plural = "采编统计"


class BulletinQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published_at__isnull=False)


class Bulletin(models.Model):
    """A 用稿通报 the editors chose to put on the public site (/bulletins/).

    Only its period is kept: the figures are counted from the archive whenever it is shown, so
    a correction in the archive shows in the bulletin too.
    """

    start = models.DateField("起始日期")
    end = models.DateField("截止日期")
    published_at = models.DateTimeField("公布时间", null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="公布人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = BulletinQuerySet.as_manager()

    class Meta:
        verbose_name = "公开的用稿通报"
        verbose_name_plural = "公开的用稿通报"
        ordering = ["-end", "-start"]
        constraints = [
            models.UniqueConstraint(fields=["start", "end"], name="bulletin_unique_period"),
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("end")), name="bulletin_start_lte_end"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:bulletin_detail", args=[self.pk])

    @property
    def report(self) -> ReportFilter:
        return ReportFilter(self.start, self.end)

    @property
    def title(self) -> str:
        return f"{BULLETIN_TITLE}（{self.report.period_label}）"
