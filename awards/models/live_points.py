"""The editors' switch for showing each correspondent their running score and rank on /my/."""

from django.db import models

ONE_ROW = 1


class LivePoints(models.Model):
    """One row: whether each correspondent sees their own running score and rank on /my/.

    A missing row (a flushed database) reads as off; the_row() puts it back.
    """

    shown_to_correspondents = models.BooleanField(
        "通讯员可见",
        default=False,
        help_text="勾选后，通讯员在“我的稿件”页看到自己本年度按评分办法计算的实时积分和名次。",
    )

    class Meta:
        verbose_name = "实时积分公开设置"
        verbose_name_plural = "实时积分公开设置"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=ONE_ROW), name="live_points_one_row")
        ]

    def __str__(self):
        return "通讯员可见实时积分" if self.shown_to_correspondents else "实时积分仅编辑部可见"

    @classmethod
    def the_row(cls) -> "LivePoints":
        return cls.objects.get_or_create(pk=ONE_ROW)[0]

    @classmethod
    def shown(cls) -> bool:
        return cls.objects.filter(pk=ONE_ROW, shown_to_correspondents=True).exists()
