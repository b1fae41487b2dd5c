"""The search index's stored rows: each published article's text, already segmented.

Only articles.search writes these rows. The full-text structures over them are per database
and created by migration 0005: an FTS5 table kept in step by triggers on SQLite, a generated
tsvector column with a GIN index on PostgreSQL.
"""

from django.db import models

from .articles import Article


class SearchEntry(models.Model):
    article = models.OneToOneField(
        Article,
        verbose_name="稿件",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    title_terms = models.TextField("标题分词")
    body_terms = models.TextField("正文分词")

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"

    def __str__(self):
        return f"检索条目 {self.article_id}"
