"""Articles, their authors in byline order, and their photos.

A photo's files live as long as its row: files a save replaced and the files of a deleted photo
are removed from storage once the transaction commits, so a rollback never loses one.
"""

import logging

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse

from articles.models.calls import CallForPapers, CallTheme
from articles.models.choices import Genre, Status
from articles.models.issues import Issue
from articles.models.people import Contributor
from articles.models.validators import no_control_characters
from articles.text import paragraphs_of
from zones.models import Zone

logger = logging.getLogger(__name__)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def with_listing_relations(self):
        """What a list of articles shows: zone, issue and the authors in byline order."""
        return self.select_related("zone", "issue").prefetch_related(_authors_in_byline_order())

    def for_article_page(self):
        """With everything the public article page prints (articles/article_page.py): zone,
        issue, authors, photos and corrections."""
        return self.select_related("zone", "issue").prefetch_related(*article_page_prefetches())

    def printed(self):
        """Pieces placed in an issue.

        Sorted in print order, this lets the issue be an inner join, so the database reads the
        archive issue by issue, newest first, and stops after a page instead of sorting every
        piece (the listing's first page at 100,000 pieces: 3 ms instead of 190 ms on SQLite).
        A count still reads the article table alone.
        """
        return self.filter(issue__isnull=False)

    def in_print_order(self):
        return self.order_by("-issue__date", "page", "position", "pk")

    def most_recent(self, count: int):
        """The last `count` of these pieces in print order, from the last `count` published issues.

        Every published issue holds at least one published piece, so those issues hold enough;
        the sort then covers a few issues instead of the whole archive.
        """
        recent_issues = Issue.objects.published().values("pk")[:count]
        return self.filter(issue__in=recent_issues).in_print_order()[:count]

    def related_to(self, article, count: int = 5):
        """Other pieces from the article's zone (else its issue), newest first.

        The sort covers one zone's pieces, which the (zone, status) index finds.
        """
        if article.zone_id:
            siblings = self.filter(zone_id=article.zone_id)
        elif article.issue_id:
            siblings = self.filter(issue_id=article.issue_id)
        else:
            return self.none()
        return siblings.exclude(pk=article.pk).in_print_order()[:count]

    def count_for_each(self, field: str):
        """An expression counting these pieces per row that `field` points at, for annotate():
        Zone.objects.annotate(n=Article.objects.published().count_for_each("zone")).

        A correlated subquery rather than a join, so the rows keep their own ordering and the
        count stays one index lookup per row.
        """
        counts = (
            self.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(counts), 0)


def _authors_in_byline_order():
    return Prefetch(
        "authorships",
        queryset=Authorship.objects.select_related("contributor").order_by("order"),
    )


def article_page_prefetches() -> list:
    """What the article page prints beyond the zone and issue: authors, photos, corrections."""
    return [_authors_in_byline_order(), "photos", "corrections"]


class Article(models.Model):
    kicker = models.CharField(
        "引题", max_length=120, blank=True, validators=[no_control_characters]
    )
    title = models.CharField("标题", max_length=200, validators=[no_control_characters])
    subtitle = models.CharField(
        "副题", max_length=200, blank=True, validators=[no_control_characters]
    )
    zone_label = models.CharField(
        "开发区栏头", max_length=60, blank=True, help_text="版面上标题前单列的开发区名称，照录。"
    )
    dateline = models.CharField(
        "电头", max_length=20, blank=True, help_text="如：科学导报讯、本刊讯"
    )
    body = models.TextField("正文", help_text="段落之间空一行。")
    byline = models.CharField(
        "署名", max_length=100, blank=True, help_text="版面上的署名原样，如“(常珍珍 张帆)”。"
    )
    zone = models.ForeignKey(
        Zone,
        verbose_name="开发区",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    issue = models.ForeignKey(
        Issue,
        verbose_name="期",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    page = models.PositiveSmallIntegerField("版次", null=True, blank=True)
    position = models.PositiveSmallIntegerField("版内顺序", null=True, blank=True)
    genre = models.CharField("体裁", max_length=10, choices=Genre.choices, default=Genre.NEWS)
    call = models.ForeignKey(
        CallForPapers,
        verbose_name="征稿启事",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    theme = models.ForeignKey(
        CallTheme,
        verbose_name="主题",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    authors = models.ManyToManyField(
        Contributor, verbose_name="作者", through="Authorship", related_name="articles"
    )
    manuscript_number = models.CharField(
        "稿件编号", max_length=20, unique=True, null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="投稿人账号",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_articles",
    )
    submitted_at = models.DateTimeField("首次投稿时间", null=True, blank=True, editable=False)
    status_changed_at = models.DateTimeField("状态变更时间", null=True, blank=True, editable=False)
    source_file = models.CharField(
        "来源文件", max_length=100, blank=True, help_text="导入的版面文件名；在线投稿为空。"
    )
    source_position = models.PositiveSmallIntegerField("版面中的位置", null=True, blank=True)
    submission_token = models.UUIDField(
        "投稿表单标识",
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="投稿表单里的一次性标识：同一表单提交两次只生成一篇稿件。",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        ordering = ["-issue__date", "page", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="article_status_valid"
            ),
            models.CheckConstraint(condition=Q(genre__in=Genre.values), name="article_genre_valid"),
            models.CheckConstraint(
                condition=Q(page__isnull=True) | Q(page__gte=1), name="article_page_gte_1"
            ),
            models.CheckConstraint(
                condition=Q(position__isnull=True) | Q(position__gte=1),
                name="article_position_gte_1",
            ),
            models.CheckConstraint(
                condition=Q(source_file="") | Q(source_position__isnull=False),
                name="article_source_has_position",
            ),
            models.UniqueConstraint(
                fields=["issue", "page", "position"],
                condition=Q(issue__isnull=False, page__isnull=False, position__isnull=False),
                name="article_unique_place_in_issue",
            ),
            models.UniqueConstraint(
                fields=["source_file", "source_position"],
                condition=~Q(source_file=""),
                name="article_unique_source_place",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "issue"], name="article_status_issue_idx"),
            models.Index(fields=["zone", "status"], name="article_zone_status_idx"),
            # The listing's genre filter, and its count, without reading every piece.
            models.Index(fields=["status", "genre"], name="article_status_genre_idx"),
            # The editors' statistics count pieces submitted in a period (reports/figures.py).
            models.Index(fields=["submitted_at"], name="article_submitted_at_idx"),
            # ... and look up, zone by zone, whether it has sent anything lately.
            models.Index(fields=["zone", "submitted_at"], name="article_zone_submitted_idx"),
            models.Index(fields=["zone", "issue"], name="article_zone_issue_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reader:article_detail", args=[self.pk])

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.body)

    def author_names(self) -> list[str]:
        """Names in byline order; uses the prefetch of with_listing_relations() when present."""
        return [authorship.contributor.name for authorship in self.authorships.all()]


class Authorship(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="authorships"
    )
    contributor = models.ForeignKey(
        Contributor, verbose_name="作者", on_delete=models.PROTECT, related_name="authorships"
    )
    order = models.PositiveSmallIntegerField("署名顺序", default=1)

    class Meta:
        verbose_name = "署名"
        verbose_name_plural = "署名"
        ordering = ["article", "order"]
        constraints = [
            models.UniqueConstraint(fields=["article", "order"], name="authorship_unique_order"),
            models.UniqueConstraint(
                fields=["article", "contributor"], name="authorship_unique_contributor"
            ),
            models.CheckConstraint(condition=Q(order__gte=1), name="authorship_order_gte_1"),
        ]

    def __str__(self):
        return f"{self.contributor}（第{self.order}作者）"


class Photo(models.Model):
    article = models.ForeignKey(
        Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="photos"
    )
    caption = models.CharField("图片说明", max_length=200)
    credit = models.CharField(
        "图片来源", max_length=60, blank=True, help_text="如：山西转型综改区供图"
    )
    image = models.ImageField("图片", upload_to="photos/%Y/%m/", blank=True)
    thumbnail = models.ImageField("缩略图", upload_to="photos/thumbs/%Y/%m/", blank=True)
    position = models.PositiveSmallIntegerField("顺序", default=1)

    class Meta:
        verbose_name = "图片"
        verbose_name_plural = "图片"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="photo_unique_position"),
        ]
        indexes = [
            # editorial/media.py finds the photo a requested file belongs to by the file's name.
            models.Index(fields=["image"], name="photo_image_idx"),
            models.Index(fields=["thumbnail"], name="photo_thumbnail_idx"),
        ]

    def __str__(self):
        return self.caption

    def stored_files(self) -> set[str]:
        """The names of the files this photo keeps in storage."""
        return {name for name in (self.image.name, self.thumbnail.name) if name}


@receiver(pre_save, sender=Photo, dispatch_uid="photo_files_before_save")
def _remember_stored_files(sender, instance, raw=False, **kwargs):
    # The names on record before this save: the ones it replaces are deleted after the commit.
    instance._files_before_save = set()
    if not raw and not instance._state.adding:
        row = Photo.objects.filter(pk=instance.pk).values_list("image", "thumbnail").first()
        instance._files_before_save = {name for name in row or () if name}


@receiver(post_save, sender=Photo, dispatch_uid="photo_replaced_files")
def _delete_replaced_files(sender, instance, **kwargs):
    _delete_after_commit(getattr(instance, "_files_before_save", set()) - instance.stored_files())


@receiver(post_delete, sender=Photo, dispatch_uid="photo_deleted_files")
def _delete_files_of_deleted_photo(sender, instance, **kwargs):
    _delete_after_commit(instance.stored_files())


def _delete_after_commit(names: set[str]) -> None:
    if names:
        transaction.on_commit(lambda: _delete_unused_files(names))


def _delete_unused_files(names: set[str]) -> None:
    # A file another photo still names (an imported duplicate, say) stays.
    used = Photo.objects.filter(Q(image__in=names) | Q(thumbnail__in=names))
    names -= {name for row in used.values_list("image", "thumbnail") for name in row}
    storage = Photo._meta.get_field("image").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            # The change is committed; a file left behind costs disk space, not data.
            logger.warning("photo file %s could not be deleted", name, exc_info=True)
