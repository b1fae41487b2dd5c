"""优秀撰稿人 awards: one row per certificate. Only awards/services.py writes them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from articles.models import Contributor
from zones.models import Zone

AWARD_NAME = "优秀撰稿人"
ISSUER = "《开发区建设》周刊编辑部"


class AwardQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_year(self, year: int):
        return self.filter(year=year)


class Award(models.Model):
    """A certificate as issued. Name and zone are copied at issue time, so the certificate and
    its verification page keep saying what was printed even if the contributor's record changes.

    A certificate number is never reused: revoking marks the row, and a later decision for the
    same year continues the numbering.
    """

    year = models.PositiveSmallIntegerField("年度")
    rank = models.PositiveSmallIntegerField("名次")
    sequence = models.PositiveSmallIntegerField("证书序号", editable=False)
    number = models.CharField("证书编号", max_length=30, unique=True, editable=False)
    contributor = models.ForeignKey(
        Contributor, verbose_name="作者", on_delete=models.PROTECT, related_name="awards"
    )
    name = models.CharField("姓名", max_length=30)
    zone = models.ForeignKey(
        Zone,
        verbose_name="所在开发区",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    zone_name = models.CharField("开发区名称", max_length=60, blank=True)
    score = models.DecimalField("得分", max_digits=8, decimal_places=2)
    pieces = models.PositiveSmallIntegerField("稿件篇数")
    issued_on = models.DateField("落款日期")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评定人",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("评定时间", auto_now_add=True)
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="撤销人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = "优秀撰稿人证书"
        verbose_name_plural = "优秀撰稿人证书"
        ordering = ["-year", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="award_unique_sequence"),
            models.UniqueConstraint(
                fields=["year", "contributor"],
                condition=Q(revoked_at__isnull=True),
                name="award_one_active_per_contributor",
            ),
            models.UniqueConstraint(
                fields=["year", "rank"],
                condition=Q(revoked_at__isnull=True),
                name="award_unique_active_rank",
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="award_rank_gte_1"),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="award_sequence_gte_1"),
        ]

    def __str__(self):
        return f"{self.number} {self.name}"

    def get_absolute_url(self):
        return reverse("awards:certificate", args=[self.number])

    @staticmethod
    def number_for(year: int, sequence: int) -> str:
        return f"KFQ-{year}-YXZG-{sequence:02d}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def title(self) -> str:
        return f"《开发区建设》周刊{self.year}年度{AWARD_NAME}"

    @property
    def issuer(self) -> str:
        return ISSUER
