"""The statistics page: the filter form and every figure of the chosen pieces.

Registered on the EditorialStatistics proxy so that the admin index lists it under 统计与通报.
"""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path

from editorial.admin.access import EditorsOnlyAdmin

from ..forms import ReportFilterForm
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
        ]

    def statistics_view(self, request):
        form = ReportFilterForm.from_query(request.GET)
        statistics = statistics_of(form.report_filter()) if form.is_valid() else None
        return TemplateResponse(
            request,
            "admin/reports/statistics.html",
            self.page_context(request, "采编统计", form=form, statistics=statistics),
        )
