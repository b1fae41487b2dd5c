"""The statistics page (every figure of the chosen pieces), the coverage grid and the 用稿通报
with its XLSX, each under the same filter form; and a zone's report card.

Registered on the EditorialStatistics proxy so that the admin index lists it under 统计与通报.
"""

from django.contrib import admin, messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from editorial.admin.access import EditorsOnlyAdmin

from ..bulletin import bulletin_of, public_bulletin, publish_bulletin, withdraw_bulletin
from ..coverage import coverage_of
from ..export import bulletin_xlsx, statistics_xlsx
from ..forms import CoverageFilterForm, ReportFilterForm, ZoneCardForm
from ..models import EditorialStatistics
from ..report_card import report_card_of
from ..statistics import statistics_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
                "statistics.xlsx",
                self.editor_view(self.statistics_xlsx_view),
                name="reports_editorialstatistics_xlsx",
            ),
            path(
                "coverage/",
                self.editor_view(self.coverage_view),
                name="reports_editorialstatistics_coverage",
            ),
            path(
                "bulletin/",
                self.editor_view(self.bulletin_view),
                name="reports_editorialstatistics_bulletin",
            ),
            path(
                "bulletin.xlsx",
                self.editor_view(self.bulletin_xlsx_view),
                name="reports_editorialstatistics_bulletin_xlsx",
            ),
            path(
                "bulletin/publish/",
                self.editor_view(self.bulletin_publish_view),
                name="reports_editorialstatistics_bulletin_publish",
            ),
            path(
                "zone-card/",
                self.editor_view(self.zone_card_view),
                name="reports_editorialstatistics_zone_card",
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

    def statistics_xlsx_view(self, request):
        form = ReportFilterForm.from_query(request.GET)
        if not form.is_valid():
            return self.statistics_view(request)
        statistics = statistics_of(form.report_filter())
        name = f"采编统计（{statistics.report.period_label}）.xlsx"
        response = HttpResponse(statistics_xlsx(statistics), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response

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

    def bulletin_view(self, request):
        form = ReportFilterForm.from_query(request.GET)
        context = {"form": form, "bulletin": None, "tab": "bulletin"}
        if form.is_valid():
            report = form.report_filter()
            context["bulletin"] = bulletin_of(report)
            # The public site shows the whole province's bulletin only.
            context["publishable"] = report.is_whole_province
            context["public"] = public_bulletin(report) if report.is_whole_province else None
        return TemplateResponse(
            request,
            "admin/reports/bulletin.html",
            self.page_context(request, "用稿通报", **context),
        )

    def bulletin_publish_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        form = ReportFilterForm.from_query(request.GET)
        back = redirect(
            reverse("admin:reports_editorialstatistics_bulletin") + "?" + request.GET.urlencode()
        )
        if not form.is_valid():
            messages.error(request, "统计期填写有误，用稿通报未公布。")
            return back
        report = form.report_filter()
        if not report.is_whole_province:
            messages.error(request, "只有全省的用稿通报可以在网站上公布。")
            return back
        if request.POST.get("action") == "withdraw":
            if withdraw_bulletin(report=report):
                messages.success(request, f"已从网站撤下{report.period_label}用稿通报。")
            else:
                messages.info(request, f"{report.period_label}用稿通报不在网站上，无需撤下。")
        else:
            publish_bulletin(report=report, by=request.user)
            messages.success(request, f"{report.period_label}用稿通报已在网站上公布。")
        return back

    def bulletin_xlsx_view(self, request):
        form = ReportFilterForm.from_query(request.GET)
        if not form.is_valid():
            return self.bulletin_view(request)
        bulletin = bulletin_of(form.report_filter())
        response = HttpResponse(bulletin_xlsx(bulletin), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, f"{bulletin.title}.xlsx")
        return response

    def zone_card_view(self, request):
        # Without a zone chosen the page is the picker alone, not an error.
        form = ZoneCardForm.from_query(request.GET) if request.GET.get("zone") else ZoneCardForm()
        card = None
        if form.is_bound and form.is_valid():
            card = report_card_of(form.cleaned_data["zone"], form.cleaned_data["year"])
        return TemplateResponse(
            request,
            "admin/reports/zone_card.html",
            self.page_context(request, "开发区用稿报告", form=form, card=card, tab="zone_card"),
        )
