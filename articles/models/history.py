"""What happened to a piece: status moves, submitted versions, editors' comments."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models.articles import Article
from articles.models.choices import Status


class ArticleTransition(models.Model):
    """One status move, written by editorial/workflow.py in the same transaction as the move."""

    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField("原状态", max_length=20, choices=Status.choices)
    to_status = models.CharField("新状态", max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "状态记录"
        verbose_name_plural = "状态记录"
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["article", "at"], name="transition_article_at_idx"),
            # The editors' statistics count decisions of each kind in a period
            # (reports/figures.py).
            models.Index(fields=["to_status", "at"], name="transition_status_at_idx"),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class VersionKind(models.TextChoices):
    """Who changed the text, and why (留痕). editorial/versions.py records each kind."""

    SUBMITTED = "投稿", "投稿"
    RESUBMITTED = "重新投稿", "重新投稿"
    AUTHOR_EDIT = "通讯员修改", "通讯员修改"
    EDITOR_EDIT = "编辑修改", "编辑修改"
    CORRECTION = "更正", "更正"


class ArticleVersion(models.Model):
    """The text as it stood after each change once submitted, for editors to compare.

    Written only by editorial/versions.py.
    """

    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField("版本")
    kind = models.CharField(
        "类型", max_length=10, choices=VersionKind.choices, default=VersionKind.SUBMITTED
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kicker = models.CharField("引题", max_length=120, blank=True)
    title = models.CharField("标题", max_length=200)
    subtitle = models.CharField("副题", max_length=200, blank=True)
    body = models.TextField("正文")
    # A run of saves kept as one version (editorial/versions.py) moves this to its last save.
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "稿件版本"
        verbose_name_plural = "稿件版本"
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="version_unique_number"),
        ]

    def __str__(self):
        return f"第{self.number}稿"


class EditorComment(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="编辑",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    body = models.TextField("意见")
    internal = models.BooleanField(
        "仅编辑部可见", default=True, help_text="不勾选时，通讯员能在稿件页面看到这条意见。"
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "编辑意见"
        verbose_name_plural = "编辑意见"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:30]


class ManuscriptCounter(models.Model):
    """The last manuscript number issued in a year; it only grows, so numbers are never reused."""

    year = models.PositiveSmallIntegerField("年份", primary_key=True)
    last = models.PositiveIntegerField("已用到", default=0)

    class Meta:
        verbose_name = "稿件编号计数"
        verbose_name_plural = "稿件编号计数"
        constraints = [models.CheckConstraint(condition=Q(last__gte=0), name="counter_last_gte_0")]

    def __str__(self):
        return f"{self.year}: {self.last}"
