"""The score editors set for a year: points per genre, bonuses, and how co-authors share."""

from fractions import Fraction

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from articles.models import Genre

from .award import Award


class Sharing(models.TextChoices):
    """How a co-authored piece's points are divided among its authors."""

    EQUAL = "equal", "合作者平分"
    FULL = "full", "每位作者各得全额"
    FIRST_AUTHOR = "first", "第一作者按比例，其余作者平分余下部分"

    def share(self, *, order: int, authors: int, first_author_percent: int) -> Fraction:
        """The fraction of a piece's points that the author at byline position `order` gets."""
        if authors <= 1 or self == Sharing.FULL:
            return Fraction(1)
        if self == Sharing.EQUAL:
            return Fraction(1, authors)
        first = Fraction(first_author_percent, 100)
        return first if order == 1 else (1 - first) / (authors - 1)


# Which field holds each genre's points. A genre added to Genre later counts as 其他 until a
# field is added here.
GENRE_FIELDS = {
    Genre.NEWS: "news_points",
    Genre.FEATURE: "feature_points",
    Genre.COMMENTARY: "commentary_points",
    Genre.SURVEY: "survey_points",
    Genre.PHOTO_NEWS: "photo_news_points",
    Genre.OTHER: "other_points",
}


def _points(genre_label: str, default: int):
    return models.PositiveSmallIntegerField(
        f"{genre_label}（每篇）", default=default, help_text=f"每篇{genre_label}的基本分。"
    )


class RubricQuerySet(models.QuerySet):
    def for_year(self, year: int) -> "Rubric":
        """The year's saved rubric, or an unsaved one holding the defaults."""
        return self.filter(year=year).first() or self.model(year=year)

    def with_lock_state(self):
        """is_locked: the year's awards are fixed, so its rules must stay as they were."""
        return self.annotate(is_locked=Exists(Award.objects.active().filter(year=OuterRef("year"))))


class Rubric(models.Model):
    """The year's scoring rules. Locked (read-only) once that year's awards are fixed."""

    year = models.PositiveSmallIntegerField(
        "年度",
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="按出版日期计的年份。",
    )
    news_points = _points("消息", 3)
    feature_points = _points("通讯", 5)
    commentary_points = _points("评论", 4)
    survey_points = _points("综述", 5)
    photo_news_points = _points("图片新闻", 2)
    other_points = _points("其他", 2)
    lead_bonus = models.PositiveSmallIntegerField(
        "头条加分", default=2, help_text="版内顺序为 1 的稿件（本版头条）另加的分数。"
    )
    photo_points = models.PositiveSmallIntegerField(
        "配图加分（每张）", default=1, help_text="稿件刊用配图，每张另加的分数。"
    )
    photo_limit = models.PositiveSmallIntegerField(
        "每篇计分配图上限",
        default=1,
        help_text="每篇稿件最多按几张配图加分；征稿启事要求每篇配图一张。",
    )
    sharing = models.CharField(
        "合作稿件计分",
        max_length=10,
        choices=Sharing.choices,
        default=Sharing.EQUAL,
        help_text="多人署名的稿件，其得分如何在作者之间分配。",
    )
    first_author_percent = models.PositiveSmallIntegerField(
        "第一作者所占比例（%）",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="仅在“第一作者按比例”时使用；其余作者平分余下部分。",
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = RubricQuerySet.as_manager()

    class Meta:
        verbose_name = "评分办法"
        verbose_name_plural = "评分办法"
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="rubric_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(first_author_percent__gte=1, first_author_percent__lte=100),
                name="rubric_first_author_percent_1_100",
            ),
            models.CheckConstraint(
                condition=Q(sharing__in=Sharing.values), name="rubric_sharing_valid"
            ),
        ]

    def __str__(self):
        return f"{self.year}年度评分办法"

    @property
    def is_default(self) -> bool:
        return self.pk is None

    def points_for(self, genre: str) -> int:
        return getattr(self, GENRE_FIELDS.get(genre, "other_points"))

    def genre_points(self) -> list[tuple[str, int]]:
        """[("消息", 3), ...] in the order of Genre, for the page that states the rules."""
        return [(genre.label, self.points_for(genre)) for genre in Genre]

    def share(self, *, order: int, authors: int) -> Fraction:
        return Sharing(self.sharing).share(
            order=order, authors=authors, first_author_percent=self.first_author_percent
        )

    def sharing_description(self) -> str:
        if self.sharing == Sharing.FIRST_AUTHOR:
            return f"第一作者得 {self.first_author_percent}%，其余作者平分余下部分"
        return Sharing(self.sharing).label
