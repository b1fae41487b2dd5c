"""用稿证明: the proof, for one author of a published piece, that the weekly used it.

Correspondents are judged by their own units on the pieces the weekly uses; the proof they
print carries a number that anyone can check on the public verification page, which shows the
piece as the archive holds it now (so a forged or outdated proof is told apart).
"""

from django.db import IntegrityError, models, transaction

from articles.models.articles import Article
from articles.models.choices import Status
from articles.models.people import Contributor


class PublicationProofQuerySet(models.QuerySet):
    def for_author(self, *, article: Article, contributor: Contributor) -> "PublicationProof":
        """The proof of this author for this piece, made the first time it is asked for."""
        proof = self.filter(article=article, contributor=contributor).first()
        if proof is not None:
            return proof
        year = article.issue.date.year if article.issue else article.created_at.year
        try:
            with transaction.atomic():
                return self.create(
                    article=article,
                    contributor=contributor,
                    year=year,
                    number=PublicationProof.number_for(year, article.pk, contributor.pk),
                )
        except IntegrityError:
            # Asked twice at once: the other request made it.
            return self.get(article=article, contributor=contributor)


class PublicationProof(models.Model):
    number = models.CharField("证明编号", max_length=30, unique=True, editable=False)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="proofs", verbose_name="稿件"
    )
    contributor = models.ForeignKey(
        Contributor, on_delete=models.CASCADE, related_name="proofs", verbose_name="作者"
    )
    year = models.PositiveIntegerField("年份")
    issued_at = models.DateTimeField("开具时间", auto_now_add=True)

    objects = PublicationProofQuerySet.as_manager()

    class Meta:
        verbose_name = "用稿证明"
        verbose_name_plural = "用稿证明"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "contributor"], name="one_proof_per_author_and_piece"
            )
        ]

    def __str__(self):
        return f"{self.number} {self.contributor}《{self.article.title}》"

    @staticmethod
    def number_for(year: int, article_key: int, contributor_key: int) -> str:
        # Unique as the (piece, author) pair is, with no counter to lock.
        return f"KFQ-{year}-YG-{article_key:05d}-{contributor_key:04d}"

    @property
    def is_valid(self) -> bool:
        """Still true: the piece is published and this contributor is still among its authors."""
        return (
            self.article.status == Status.PUBLISHED
            and self.article.authorships.filter(contributor=self.contributor_id).exists()
        )
