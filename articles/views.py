from django.core.paginator import Paginator
from django.shortcuts import render

from .models import Article, CallForPapers


def home(request):
    """The archive's front page: published pieces, newest issue first."""
    articles = Article.objects.published().with_listing_relations().in_print_order()
    page = Paginator(articles, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "articles/home.html",
        {"page_obj": page, "call": CallForPapers.objects.current()},
    )
