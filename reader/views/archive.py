"""The archive's pieces: the filtered listing and one article."""

from django.shortcuts import get_object_or_404, render

from articles.article_page import article_page_context
from articles.models import Article
from reader.filters import ListingFilter
from reader.fragments import cached
from reader.page_cache import cached_for_readers
from reader.views.lists import page_of


@cached_for_readers
def article_list(request):
    """Published pieces by zone, city, theme, genre, year or issue, in any combination.

    A filter value that does not exist is reported and ignored, as on the search page, so a
    stale or mistyped link still gives a page.
    """
    filterset = ListingFilter(request.GET)
    # Counted on the filters alone: printed() changes no count (a published piece is always in
    # an issue) but steers SQLite away from counting on an index (genre 消息 at 100,000 pieces:
    # 110 ms instead of 3 ms). Even so a count reads every match, so it is kept per combination
    # of filters until the archive changes. filterset.qs is built only to count: a cached count
    # needs no filtered queryset.
    count = cached(
        "listing-count",
        tuple(request.GET.getlist(name) for name in ListingFilter.Meta.fields),
        lambda: filterset.qs.count(),
    )
    page = page_of(
        request,
        filterset.in_print_order(matches=count).with_listing_relations(),
        count=count,
    )
    return render(request, "reader/article_list.html", {"filterset": filterset, "page_obj": page})


@cached_for_readers
def article_detail(request, pk):
    # The rest of what the page prints is fetched if its content is not in the fragment cache.
    article = get_object_or_404(Article.objects.published().select_related("zone", "issue"), pk=pk)
    return render(request, "reader/article_detail.html", article_page_context(article))
