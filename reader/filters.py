"""The archive's listing filters: one FilterSet shared by the listings and the search page.

Every filter is a plain GET parameter, so a filtered listing is a URL a reader can bookmark
and share. The issue filter takes the issue's id rather than offering a select: the archive
has thousands of issues, and a reader arrives at an issue filter from an issue's page.
"""

import django_filters
from django import forms

from articles.models import Article, CallTheme, Genre, Issue
from reader.fragments import cached
from zones.models import City, Zone


def _archive_years():
    # Every form asks, and the answer (a scan of the issues) changes only with the archive.
    return cached("archive-years", None, _years_with_published_issues)


def _years_with_published_issues():
    return [
        (str(day.year), f"{day.year}年")
        for day in Issue.objects.published().dates("date", "year", "DESC")
    ]


class ArchiveFilter(django_filters.FilterSet):
    zone = django_filters.ModelChoiceFilter(
        label="开发区",
        queryset=Zone.objects.order_by("city", "official_name"),
        empty_label="全部开发区",
    )
    city = django_filters.ChoiceFilter(
        label="城市", field_name="zone__city", choices=City.choices, empty_label="全部城市"
    )
    theme = django_filters.ModelChoiceFilter(
        label="主题",
        queryset=CallTheme.objects.select_related("call").order_by("call", "number"),
        empty_label="全部主题",
    )
    genre = django_filters.ChoiceFilter(label="体裁", choices=Genre.choices, empty_label="全部体裁")
    year = django_filters.ChoiceFilter(
        label="年份", field_name="issue__date__year", choices=_archive_years, empty_label="全部年份"
    )
    # An unpublished issue is treated as one that does not exist: its date and title are not
    # shown, and its year is not offered.
    issue = django_filters.ModelChoiceFilter(
        label="期",
        queryset=Issue.objects.published(),
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Article
        fields = ["zone", "city", "theme", "genre", "year", "issue"]

    def __init__(self, data=None, queryset=None, **kwargs):
        # Readers filter the published archive; nothing else is theirs to narrow.
        if queryset is None:
            queryset = Article.objects.published()
        super().__init__(data, queryset, **kwargs)
