"""What the seed importer could not place, kept for an editor."""

from django.db import models


class ImportLeftover(models.Model):
    """Text on a seed page that is neither an article, a caption nor the call for papers.

    Kept so that nothing on a page is lost: an editor reviews each piece.
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
