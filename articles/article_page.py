"""What the public article page shows of one piece: shared by the reader's page and the
editors' preview (editorial/admin/preview.py), so a preview is the page readers will see.

The page's content (templates/includes/article_story.html) is given as `story`, the piece with
its authors, photos and corrections, fetched when the template first asks: the reader's page
keeps that content in the fragment cache (reader/fragments.py) and, when it is there, needs the
piece's own row only, for the page's title.
"""

from django.db.models import prefetch_related_objects
from django.utils.functional import SimpleLazyObject

from articles.models import Article
from articles.models.articles import article_page_prefetches

RELATED_ARTICLES = 5


def article_page_context(article: Article) -> dict:
    """The context for `article`, with its zone and issue; what else the page prints is fetched
    unless it already was (ArticleQuerySet.for_article_page())."""

    def with_relations() -> Article:
        prefetch_related_objects([article], *article_page_prefetches())
        return article

    # Looked up when the template first uses them, as request.user is.
    story = SimpleLazyObject(with_relations)
    photos = SimpleLazyObject(lambda: list(story.photos.all()))
    return {
        "article": article,
        "story": story,
        # Pages imported from print keep a photo's caption without the picture.
        "pictures": SimpleLazyObject(
            lambda: [photo for photo in photos if photo.image or photo.thumbnail]
        ),
        "captions_only": SimpleLazyObject(
            lambda: [photo for photo in photos if not (photo.image or photo.thumbnail)]
        ),
        "related": SimpleLazyObject(
            lambda: Article.objects.published()
            .select_related("issue")
            .only("title", "issue__date")
            .related_to(article, RELATED_ARTICLES)
        ),
    }
