"""The front of the site: the home page, the call for papers, the browse page, robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from articles.models import Article, CallForPapers, CallTheme, Genre, Issue
from reader.page_cache import cached_for_readers
from reader.views.lists import issue_contents
from zones.models import City

RECENT_ARTICLES = 10

# What crawlers should leave alone: the back office, logins and a correspondent's own pages,
# and search results (endless combinations of the archive that the listings already cover).
PRIVATE_PATHS = ["/admin/", "/accounts/", "/my/", "/submit/", "/search/"]


@cached_for_readers
def home(request):
    """The latest issue's contents, the pieces of the issues before it, the current call.

    Each is looked up when the template first uses it, as request.user is, so a request whose
    content comes from the fragment cache (reader/fragments.py) makes none of these queries.
    """
    issue = SimpleLazyObject(Issue.objects.published().first)
    return render(
        request,
        "reader/home.html",
        {
            "issue": issue,
            "contents": SimpleLazyObject(
                lambda: issue_contents(issue) if issue else Article.objects.none()
            ),
            "recent": SimpleLazyObject(
                lambda: (
                    Article.objects.published()
                    .with_listing_relations()
                    .exclude(issue=issue)
                    .most_recent(RECENT_ARTICLES)
                    if issue
                    else Article.objects.none()
                )
            ),
            "call": SimpleLazyObject(CallForPapers.objects.current),
            "genres": Genre,
        },
    )


@cached_for_readers
def call_for_papers(request):
    """The current call: what the weekly asks the zones to write, and how it rewards them."""
    call = CallForPapers.objects.current()
    if call is None:
        return render(request, "reader/call_for_papers.html", {"call": None}, status=404)
    call = CallForPapers.objects.prefetch_related("themes", "genres", "rewards", "contacts").get(
        pk=call.pk
    )
    return render(request, "reader/call_for_papers.html", {"call": call})


@cached_for_readers
def browse(request):
    """Ways into the listing: by year, genre, theme and city, each a preset filter."""
    return render(
        request,
        "reader/browse.html",
        {
            "years": Issue.objects.published().count_per_year(),
            "genres": Genre,
            "cities": City,
            "themes": CallTheme.objects.select_related("call").order_by("-call__date", "number"),
        },
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        *(f"Disallow: {path}" for path in PRIVATE_PATHS),
        f"Sitemap: {request.build_absolute_uri(reverse('reader:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
