"""The archive's pieces: the filtered listing and one article."""

from django.shortcuts import get_object_or_404, render

from articles.models import Article
from reader.filters import ArchiveFilter
from reader.page_cache import cached_for_readers
from reader.views.lists import page_of

RELATED_ARTICLES = 5


@cached_for_readers
def article_list(request):
    """Published pieces by zone, city, theme, genre, year or issue, in any combination.

    A filter value that does not exist is reported and ignored, as on the search page, so a
    stale or mistyped link still gives a page.
    """
    filterset = ArchiveFilter(request.GET)
    page = page_of(
        request,
        filterset.qs.printed().with_listing_relations().in_print_order(),
        # Counted on the filters alone: printed() changes no count (a published piece is
        # always in an issue) but steers SQLite away from counting on an index (genre 消息 at
        # 100,000 pieces: 110 ms instead of 3 ms).
        count=filterset.qs.count(),
    )
    return render(request, "reader/article_list.html", {"filterset": filterset, "page_obj": page})


@cached_for_readers
def article_detail(request, pk):
    article = get_object_or_404(
        Article.objects.published()
        .with_listing_relations()
        .prefetch_related("photos", "corrections"),
        pk=pk,
    )
    photos = article.photos.all()
    related = (
        Article.objects.published()
        .select_related("issue")
        .only("title", "issue__date")
        .related_to(article, RELATED_ARTICLES)
    )
    return render(
        request,
        "reader/article_detail.html",
        {
            "article": article,
            # Pages imported from print keep a photo's caption without the picture.
            "pictures": [photo for photo in photos if photo.image or photo.thumbnail],
            "captions_only": [photo for photo in photos if not (photo.image or photo.thumbnail)],
            "related": related,
        },
    )
