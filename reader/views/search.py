"""The search page: /search/?q=… with the archive's listing filters."""

from django.shortcuts import render

from reader.filters import ArchiveFilter
from search.query import MAX_QUERY_CHARS
from search.query import search as search_archive


def search(request):
    filterset = ArchiveFilter(request.GET)
    filterset.form.is_valid()  # invalid values are reported on the page and left out
    active = any(value not in (None, "") for value in filterset.form.cleaned_data.values())
    results = search_archive(
        request.GET.get("q", ""),
        # Without filters, the index itself is the scope (it holds published pieces only).
        articles=filterset.qs if active else None,
        page=request.GET.get("page"),
    )
    return render(
        request,
        "reader/search.html",
        {
            "filterset": filterset,
            "results": results,
            "query": results.query,
            "max_query_chars": MAX_QUERY_CHARS,
        },
    )
