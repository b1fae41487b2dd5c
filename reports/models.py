"""A proxy of Article gives the statistics pages their place in the admin; LivePoints is the
editors' switch for showing correspondents their running score; Bulletin, the 用稿通报 editors
put on the public site."""

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


class LivePoints(models.Model):
    """One row: whether each correspondent sees their own running score and rank on /my/."""

    shown_to_correspondents = models.BooleanField(
        "通讯员可见",
        default=False,
        help_text="勾选后，通讯员在“我的稿件”页看到自己本年度按评分办法计算的实时积分和名次。",
    )

    class Meta:
        verbose_name = "实时积分公开设置"
        verbose_name_plural = "实时积分公开设置"
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="live_points_one_row")]

    def __str__(self):
        return "通讯员可见实时积分" if self.shown_to_correspondents else "实时积分仅编辑部可见"

    @classmethod
    def shown(cls) -> bool:
        return cls.objects.filter(pk=1, shown_to_correspondents=True).exists()


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
