"""What the seed importer keeps between runs: what it could not place, and what it last wrote."""

from django.db import models

from articles.models.articles import Article


class ImportLeftover(models.Model):
    """Text on a seed page that is neither an article, a caption nor the call for papers.

    Kept so that nothing on a page is lost: an editor reviews each piece. The importer also
    leaves its doubts about a page here (a page that seems cut off), so they reach the same list.
    """

    source_file = models.CharField("来源文件", max_length=100)
    line_number = models.PositiveIntegerField("行号")
    text = models.TextField("文字")
    reason = models.CharField("归类", max_length=60)
    reviewed = models.BooleanField("已处理", default=False)

    class Meta:
        verbose_name = "待核对文字"
        verbose_name_plural = "待核对文字"
        ordering = ["source_file", "line_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_file", "line_number"], name="leftover_unique_place"
            ),
        ]

    def __str__(self):
        return f"{self.source_file}:{self.line_number} {self.text[:20]}"


class ImportedPage(models.Model):
    """A page file as last imported: re-running the importer skips a page whose file and
    manifest entry have not changed since."""

    source_file = models.CharField("来源文件", max_length=100, unique=True)
    sha256 = models.CharField(
        "指纹", max_length=64, help_text="版面文件内容与其清单条目的 SHA-256。"
    )
    imported_at = models.DateTimeField("导入时间", auto_now=True)

    class Meta:
        verbose_name = "已导入版面"
        verbose_name_plural = "已导入版面"
        ordering = ["source_file"]

    def __str__(self):
        return self.source_file


class ImportedArticle(models.Model):
    """What the importer last wrote into an imported piece, one hash per field.

    A piece whose current values no longer match these hashes was changed by an editor, and
    the importer leaves it alone.
    """

    article = models.OneToOneField(
        Article,
        verbose_name="稿件",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="import_record",
    )
    digests = models.JSONField("各字段指纹")
    imported_at = models.DateTimeField("导入时间", auto_now=True)

    class Meta:
        verbose_name = "导入稿件指纹"
        verbose_name_plural = "导入稿件指纹"

    def __str__(self):
        return str(self.article_id)
