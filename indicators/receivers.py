"""Extraction on publication: the workflow announces what it published (editorial.workflow's
pieces_published, sent after the commit) and the figures are read here.

A signal rather than a call from the workflow: editorial sits below indicators in the apps'
layering and must not import it. The signal is sent after the commit, so a failure here is
logged and leaves the publication as it is; `extract_figures` catches up any piece missed.
"""

from django.dispatch import receiver

from articles.models import Article
from editorial.workflow import pieces_published
from indicators.services import extract_pieces


@receiver(pieces_published)
def extract_published(sender, article_ids, **kwargs):
    extract_pieces(Article.objects.filter(pk__in=article_ids).select_related("issue", "zone"))
