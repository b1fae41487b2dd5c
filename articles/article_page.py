"""What the public article page shows of one piece: shared by the reader's page and the
editors' preview (editorial/admin/preview.py), so a preview is the page readers will see."""

from articles.models import Article

RELATED_ARTICLES = 5


def article_page_context(article: Article) -> dict:
    photos = article.photos.all()
    related = (
        Article.objects.published()
        .select_related("issue")
        .only("title", "issue__date")
        .related_to(article, RELATED_ARTICLES)
    )
    return {
        "article": article,
        # Pages imported from print keep a photo's caption without the picture.
        "pictures": [photo for photo in photos if photo.image or photo.thumbnail],
        "captions_only": [photo for photo in photos if not (photo.image or photo.thumbnail)],
        "related": related,
    }
