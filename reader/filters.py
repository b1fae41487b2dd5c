"""The archive's listing filters: one FilterSet shared by the listings and the search page.

Every filter is a plain GET parameter, so a filtered listing is a URL a reader can bookmark
and share. The issue filter takes the issue's id rather than offering a select: the archive
has thousands of issues, and a reader arrives at an issue filter from an issue's page.
"""

import django_filters
from django import forms
from django.db import models
from django.db.models import ExpressionWrapper, F, Value
from django.db.models.functions import Concat

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


class ListingFilter(ArchiveFilter):
    """The archive's filters for the listing, which shows a page of their pieces in print order."""

    # Compared through an expression that no index answers when they match many pieces.
    UNINDEXED = ("genre", "theme")
    # Up to this many matches, sorting them all is as cheap as any page of them can be.
    FEW_MATCHES = 1000

    def in_print_order(self, *, matches: int):
        """The filtered pieces in print order, for a page of them; `matches` is self.qs's count.

        The listing reads the archive issue by issue, newest first, and stops after a page
        (ArticleQuerySet.printed()). Offered an index on the genre or the theme, SQLite takes it
        instead, reads every match and sorts them all: at 100,000 pieces, theme (8,000 pieces)
        155 ms instead of 16 ms and genre 消息 (70,000) 1.1 s instead of 26 ms, on a busy
        machine. So when they match many pieces they are compared where no index answers, and
        a page fills within a few issues; a rare theme keeps its index, and a short sort.
        """
        self.is_valid()  # as self.qs does: a value that names nothing is left out
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name in self.UNINDEXED and value not in (None, "") and matches > self.FEW_MATCHES:
                queryset = _filter_without_index(queryset, name, value)
            else:
                queryset = self.filters[name].filter(queryset, value)
        return queryset.printed().in_print_order()


def _filter_without_index(queryset, name, value):
    if isinstance(value, models.Model):
        compared = ExpressionWrapper(F(f"{name}_id") + 0, output_field=models.IntegerField())
        value = value.pk
    else:
        compared = Concat(F(name), Value(""), output_field=models.CharField())
    return queryset.alias(**{f"{name}_compared": compared}).filter(**{f"{name}_compared": value})
