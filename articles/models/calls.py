"""The call for papers (征稿启事) and what it asks for."""

from django.db import models
from django.db.models import Q

from articles.models.choices import Genre


class CallForPapersQuerySet(models.QuerySet):
    def current(self):
        """The call editors most recently issued, or None."""
        return self.order_by("-date", "-pk").first()


class CallForPapers(models.Model):
    """A 征稿启事: what the weekly asks the zones to write, and how it rewards them."""

    date = models.DateField("发布日期")
    issuer = models.CharField("发布单位", max_length=60, default="《开发区建设》周刊编辑部")
    addressee = models.CharField("致", max_length=60, blank=True)
    introduction = models.TextField("缘起", blank=True)
    guidance = models.TextField("稿件导向", blank=True)
    themes_intro = models.CharField("主题说明", max_length=200, blank=True)
    requirements = models.TextField("稿件要求", blank=True)
    special_note = models.TextField("特别提示", blank=True)
    max_photos = models.PositiveSmallIntegerField("每篇配图上限", default=1)
    submission_email = models.EmailField("投稿邮箱", blank=True)
    source_text = models.TextField(
        "原文", blank=True, help_text="导入时版面上的征稿启事全文，以便核对。"
    )
    source_file = models.CharField("来源文件", max_length=100, blank=True)

    objects = CallForPapersQuerySet.as_manager()

    class Meta:
        verbose_name = "征稿启事"
        verbose_name_plural = "征稿启事"
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_file"],
                condition=~Q(source_file=""),
                name="call_unique_source_file",
            ),
        ]

    def __str__(self):
        return f"征稿启事（{self.date:%Y年%-m月%-d日}）"


class CallTheme(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="themes"
    )
    number = models.PositiveSmallIntegerField("序号")
    name = models.CharField("主题", max_length=30)
    description = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "征稿主题"
        verbose_name_plural = "征稿主题"
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="theme_unique_number"),
            models.UniqueConstraint(fields=["call", "name"], name="theme_unique_name"),
        ]

    def __str__(self):
        return self.name


class CallGenre(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="genres"
    )
    genre = models.CharField("体裁", max_length=10, choices=Genre.choices)
    target_length = models.PositiveIntegerField("目标字数", help_text="按中文计字规则计算。")
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "征稿体裁"
        verbose_name_plural = "征稿体裁"
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "genre"], name="call_genre_unique"),
            models.CheckConstraint(condition=Q(target_length__gt=0), name="call_genre_length_gt_0"),
        ]

    def __str__(self):
        return f"{self.genre}（{self.target_length}字左右）"


class CallReward(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="rewards"
    )
    number = models.PositiveSmallIntegerField("序号")
    text = models.TextField("鼓励办法")

    class Meta:
        verbose_name = "鼓励办法"
        verbose_name_plural = "鼓励办法"
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="reward_unique_number"),
        ]

    def __str__(self):
        return self.text[:30]


class CallContact(models.Model):
    call = models.ForeignKey(
        CallForPapers, verbose_name="征稿启事", on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField("联系人", max_length=20)
    phone = models.CharField("电话", max_length=30, blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "联系人"
        verbose_name_plural = "联系人"
        ordering = ["call", "position"]

    def __str__(self):
        return f"{self.name} {self.phone}".strip()
