"""The search index's stored rows: each published article's text, already segmented.

Each row also carries what search facets count (zone, year, genre), so a query over tens of
thousands of matches is counted inside the database without joining the articles table.

Only search writes these rows. The full-text structures over them are per database
and created by migration 0005: an FTS5 table kept in step by triggers on SQLite, a generated
tsvector column with a GIN index on PostgreSQL.
"""

from django.db import models

from articles.models.articles import Article
from zones.models import Zone


class SearchEntry(models.Model):
    article = models.OneToOneField(
        Article,
        verbose_name="稿件",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    # The small columns come first: SQLite then reads them from the first page of a row
    # without walking the overflow pages of the long term lists.
    zone = models.ForeignKey(
        Zone,
        verbose_name="开发区",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField("年份", null=True)
    genre = models.CharField("体裁", max_length=10)
    title_terms = models.TextField("标题分词")
    body_terms = models.TextField("正文分词")

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"
        # Facet counts read only these columns for every match: a covering index keeps them
        # off the wide rows.
        indexes = [
            models.Index(fields=["article", "zone", "year", "genre"], name="searchentry_facets_idx")
        ]

    def __str__(self):
        return f"检索条目 {self.article_id}"
