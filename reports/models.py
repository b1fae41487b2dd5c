"""A proxy of Article gives the statistics pages their place in the admin; LivePoints is the
editors' switch for showing correspondents their running score."""

from django.db import models

from articles.models import Article


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
