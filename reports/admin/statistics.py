"""The statistics page (every figure of the chosen pieces) and the coverage grid, each under
the same filter form.

Registered on the EditorialStatistics proxy so that the admin index lists it under 统计与通报.
"""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from editorial.admin.access import EditorsOnlyAdmin

from ..coverage import coverage_of
from ..forms import CoverageFilterForm, ReportFilterForm
from ..models import EditorialStatistics
from ..statistics import statistics_of


@admin.register(EditorialStatistics)
class StatisticsAdmin(EditorsOnlyAdmin):
    def get_urls(self):
        return [
            path(
                "",
                self.editor_view(self.statistics_view),
                name="reports_editorialstatistics_changelist",
            ),
            path(
                "coverage/",
                self.editor_view(self.coverage_view),
                name="reports_editorialstatistics_coverage",
            ),
        ]

    def statistics_view(self, request):
        form = ReportFilterForm.from_query(request.GET)
        statistics = statistics_of(form.report_filter()) if form.is_valid() else None
        return TemplateResponse(
            request,
            "admin/reports/statistics.html",
            self.page_context(
                request, "采编统计", form=form, statistics=statistics, tab="statistics"
            ),
        )

    def coverage_view(self, request):
        form = CoverageFilterForm.from_query(request.GET)
        coverage = None
        if form.is_valid():
            coverage = coverage_of(
                form.report_filter(),
                basis=form.cleaned_data["basis"],
                silent_months=form.cleaned_data["silent_months"],
                today=timezone.localdate(),
            )
        return TemplateResponse(
            request,
            "admin/reports/coverage.html",
            self.page_context(request, "来稿覆盖", form=form, coverage=coverage, tab="coverage"),
        )
