"""What the reader's lists of pieces share: one page of a listing, and an issue's contents."""

from django.core.paginator import Page, Paginator

from articles.models import Article, Issue

PER_PAGE = 20


def page_of(request, articles, *, count: int | None = None) -> Page:
    """The page of `articles` that ?page= asks for.

    get_page() turns a missing, mistyped or too large number into the nearest page, so a stale
    link still shows pieces. `count`, when the caller knows a cheaper way to count, replaces
    the paginator's own count of `articles`.
    """
    paginator = Paginator(articles, PER_PAGE)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


def issue_contents(issue: Issue):
    """The issue's published pieces, page by page, in their order on the page."""
    return (
        Article.objects.published()
        .filter(issue=issue)
        .with_listing_relations()
        .order_by("page", "position", "pk")
    )
