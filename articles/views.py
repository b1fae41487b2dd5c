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


def call_for_papers(request):
    """The current call: what the weekly asks the zones to write, and how it rewards them."""
    call = CallForPapers.objects.current()
    if call is None:
        return render(request, "articles/call_for_papers.html", {"call": None}, status=404)
    call = CallForPapers.objects.prefetch_related("themes", "genres", "rewards", "contacts").get(
        pk=call.pk
    )
    return render(request, "articles/call_for_papers.html", {"call": call})
