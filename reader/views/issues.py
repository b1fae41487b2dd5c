"""The issues: every year of the archive, one year's issues, and one issue's contents."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from articles.models import Article, Issue
from reader.page_cache import cached_for_readers
from reader.views.lists import issue_contents


@cached_for_readers
def issue_list(request):
    """The years of the archive, newest first, with the latest year's issues."""
    years = list(Issue.objects.published().count_per_year())
    return _year_page(request, years, years[0]["year"] if years else None, index=True)


@cached_for_readers
def issue_year(request, year):
    years = list(Issue.objects.published().count_per_year())
    if not any(row["year"] == year for row in years):
        raise Http404("这一年没有已刊发的期。")
    return _year_page(request, years, year, index=False)


def _year_page(request, years, year, *, index):
    # A year at a time: the archive has thousands of issues, a year about fifty.
    issues = Issue.objects.none()
    if year is not None:
        issues = (
            Issue.objects.published()
            .in_year(year)
            .annotate(article_count=Article.objects.published().count_for_each("issue"))
            .order_by("-date")
        )
    return render(
        request,
        "reader/issue_list.html",
        {"years": years, "year": year, "issues": issues, "index": index},
    )


@cached_for_readers
def issue_detail(request, date):
    """An issue's table of contents: its pieces page by page, in their order on the page."""
    published_issues = Issue.objects.published()
    issue = get_object_or_404(published_issues, date=date)
    return render(
        request,
        "reader/issue_detail.html",
        {
            "issue": issue,
            # Looked up when the template first uses them, which it does not when the content
            # comes from the fragment cache.
            "contents": SimpleLazyObject(lambda: issue_contents(issue)),
            "newer": SimpleLazyObject(
                lambda: published_issues.filter(date__gt=issue.date).order_by("date").first()
            ),
            "older": SimpleLazyObject(
                lambda: published_issues.filter(date__lt=issue.date).order_by("-date").first()
            ),
        },
    )
