"""Issues (期) of the weekly."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Issues a reader can open: those with at least one published piece.

        Asked of the pieces rather than of published_at so that an issue is public exactly
        when something in it is; the (status, issue) index answers it per issue.
        """
        # Article is reached through the reverse relation: articles.py imports this module.
        articles = self.model._meta.get_field("articles").related_model.objects
        return self.filter(Exists(articles.published().filter(issue=OuterRef("pk"))))

    def open(self):
        """Issues still being assembled: not yet published, so pieces can be scheduled into them."""
        return self.filter(published_at__isnull=True)

    def in_year(self, year: int):
        return self.filter(date__year=year)

    def count_per_year(self):
        """[{"year": 2025, "issues": 52}, ...], newest year first, in one query."""
        return (
            self.annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(issues=Count("pk"))
            .order_by("-year")
        )


class Issue(models.Model):
    """One issue (期) of the weekly."""

    date = models.DateField("出版日期", unique=True)
    date_inferred = models.BooleanField(
        "日期系推断", default=False, help_text="版面未印日期、由正文推断时勾选。"
    )
    date_basis = models.CharField("推断依据", max_length=300, blank=True)
    number = models.PositiveIntegerField("期号", null=True, blank=True)
    title = models.CharField(
        "特刊名称", max_length=60, blank=True, help_text="如：两会特刊·开发区篇"
    )
    is_special = models.BooleanField("特刊", default=False)
    pages = models.PositiveSmallIntegerField("版数", default=1)
    published_at = models.DateTimeField("发布时间", null=True, blank=True, editable=False)
    # 签发: the 总编辑 passes the issue for print (editorial.workflow.sign_off_issue); changing
    # which pieces it holds clears it.
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    signed_off_at = models.DateTimeField("签发时间", null=True, blank=True, editable=False)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "期"
        ordering = ["-date"]
        constraints = [
            models.CheckConstraint(condition=Q(pages__gte=1), name="issue_pages_gte_1"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1), name="issue_number_gte_1"
            ),
        ]

    def __str__(self):
        label = f"{self.date:%Y年%-m月%-d日}"
        if self.number:
            label += f" 第{self.number}期"
        if self.title:
            label += f" {self.title}"
        return label

    def get_absolute_url(self):
        return reverse("reader:issue_detail", args=[self.date])
