"""A byline credit: one contributor named on one piece, as the year-end list counts it."""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from articles.models import Authorship, Photo, Status


class CreditQuerySet(models.QuerySet):
    def published(self):
        return self.filter(article__status=Status.PUBLISHED, article__issue__isnull=False)

    def published_in(self, year: int):
        """Credits on pieces published in an issue dated in `year` (the issue date decides)."""
        return self.published().filter(article__issue__date__year=year)

    def with_scoring_facts(self):
        """Everything the list and the score read, in one query and in print order.

        Every co-author of a piece is itself a credit in the same year, so the byline (who, in
        which order) is rebuilt from these rows; only the photo count needs a subquery.
        """
        photos = (
            Photo.objects.filter(article=OuterRef("article"))
            .order_by()
            .values("article")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            self.select_related("contributor__zone", "article__issue", "article__zone")
            .annotate(photo_count=Coalesce(Subquery(photos), 0))
            .order_by(
                "article__issue__date", "article__page", "article__position", "article", "order"
            )
        )

    def years(self) -> list[int]:
        """Years with at least one credited published piece, newest first."""
        dates = self.published().dates("article__issue__date", "year", order="DESC")
        return [day.year for day in dates]


class Credit(Authorship):
    objects = CreditQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "投稿人稿件清单"
        verbose_name_plural = "投稿人稿件清单"
