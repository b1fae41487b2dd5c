"""No tables of its own: a proxy of Article gives the statistics pages their place in the admin."""

from articles.models import Article


class EditorialStatistics(Article):
    class Meta:
        proxy = True
        verbose_name = "采编统计"
        verbose_name_plural = "采编统计"
