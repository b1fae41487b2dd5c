"""The search package's own rows: versions shared by every process on every node (of the
search dictionary's names, and of the index), and the fingerprints and pairs of near_copies.py
(the same story sent twice).

segmentation.py keeps each process's copy of the dictionary; NamesVersion says whether that
copy is still current, IndexVersion whether counts cached for a query still hold. They live in
the database because the database is the one thing every process and every node share by
definition (a cache is shared only when configured so; the tests' is per process), and reading
one row by its primary key costs one indexed query per search.
"""

import uuid

from django.db import models


class NamesVersion(models.Model):
    """One row, written whenever a zone, an alias or a contributor gains, changes or loses a
    name. The stamp is random rather than a counter, so a process can never mistake a new
    version for the one it read before (a counter would repeat after a rollback or a flush)."""

    ROW = 1

    stamp = models.UUIDField("版本", default=uuid.uuid4)

    class Meta:
        verbose_name = "检索词典版本"
        verbose_name_plural = "检索词典版本"

    def __str__(self):
        return str(self.stamp)


class IndexVersion(models.Model):
    """One row, given a new stamp in the same transaction as every change to the index.

    A result's counts (total, title matches, facets) are cached under it (summary.py): a
    repeated broad query then costs one cache read instead of a count over every match, and a
    change to the index, committed or rolled back, can never serve counts of another state.
    Random for the reason NamesVersion is.
    """

    ROW = 1

    stamp = models.UUIDField("版本", default=uuid.uuid4)

    class Meta:
        verbose_name = "检索索引版本"
        verbose_name_plural = "检索索引版本"

    def __str__(self):
        return str(self.stamp)


class Fingerprint(models.Model):
    """A piece's MinHash signature, for finding the same story told twice (near_copies.py).

    Kept for every piece that reached the editors (any status but 草稿), published or not:
    the rows never leave the server, and what a correspondent is told is decided elsewhere.
    """

    article = models.OneToOneField(
        "articles.Article",
        verbose_name="稿件",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="fingerprint",
    )
    signature = models.BinaryField("MinHash 签名")

    class Meta:
        verbose_name = "稿件指纹"
        verbose_name_plural = "稿件指纹"

    def __str__(self):
        return f"稿件指纹 {self.article_id}"


class FingerprintBucket(models.Model):
    """One band of a piece's signature, hashed: two pieces in one bucket are candidates."""

    article = models.ForeignKey(
        "articles.Article", verbose_name="稿件", on_delete=models.CASCADE, related_name="+"
    )
    bucket = models.BigIntegerField("桶")

    class Meta:
        verbose_name = "指纹分桶"
        verbose_name_plural = "指纹分桶"
        # The candidates of a piece: each of its buckets, newest pieces first, from the index.
        indexes = [models.Index(fields=["bucket", "article"], name="fingerprint_bucket_idx")]

    def __str__(self):
        return f"{self.article_id}@{self.bucket}"


class NearCopyQuerySet(models.QuerySet):
    def of(self, article):
        """The pieces found nearly the same as `article`, the most similar first."""
        return (
            self.filter(article=article)
            .select_related("other", "other__zone", "other__issue")
            .order_by("-similarity", "other_id")
        )


class NearCopy(models.Model):
    """Two pieces found nearly the same, written once in each direction (A→B and B→A), so a
    piece's flags are one indexed lookup. Only near_copies.py writes these rows."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name="稿件",
        on_delete=models.CASCADE,
        related_name="near_copies",
    )
    other = models.ForeignKey(
        "articles.Article", verbose_name="相似稿件", on_delete=models.CASCADE, related_name="+"
    )
    similarity = models.FloatField(
        "相似度", help_text="两篇稿件五字片段集合的 Jaccard 相似度（MinHash 估计），0～1。"
    )
    found_at = models.DateTimeField("发现时间", auto_now_add=True)

    objects = NearCopyQuerySet.as_manager()

    class Meta:
        verbose_name = "相似稿件"
        verbose_name_plural = "相似稿件"
        ordering = ["article", "-similarity"]
        constraints = [
            models.UniqueConstraint(fields=["article", "other"], name="nearcopy_unique_pair"),
            models.CheckConstraint(
                condition=~models.Q(article=models.F("other")), name="nearcopy_not_itself"
            ),
            models.CheckConstraint(
                condition=models.Q(similarity__gte=0, similarity__lte=1),
                name="nearcopy_similarity_range",
            ),
        ]

    def __str__(self):
        return f"{self.article_id} ≈ {self.other_id}（{self.similarity:.0%}）"

    @property
    def percent(self) -> int:
        return round(self.similarity * 100)
