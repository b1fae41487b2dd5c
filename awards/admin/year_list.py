"""The year's 《投稿人稿件清单和篇目》 and its ranking, with the XLSX and CSV downloads.

Registered on the Credit proxy so that the admin index lists it under 年度评选; its only
pages are the ones below, each a thin view over awards.report.
"""

from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, register_converter, reverse
from django.utils.http import content_disposition_header

from editorial.admin.access import EditorsOnlyAdmin

from .. import export, scoring
from ..converters import YearConverter
from ..forms import FixAwardsForm
from ..models import Award, Credit
from ..report import AWARD_LIMIT, ZONE_RULE, year_report, zone_of

register_converter(YearConverter, "year")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@admin.register(Credit)
class YearListAdmin(EditorsOnlyAdmin):
    def get_urls(self):
        return [
            path("", self.editor_view(self.latest_view), name="awards_credit_changelist"),
            path("<year:year>/", self.editor_view(self.year_view), name="awards_credit_year"),
            path(
                "<year:year>/ranking/",
                self.editor_view(self.ranking_view),
                name="awards_credit_ranking",
            ),
            path(
                "<year:year>/export.xlsx",
                self.editor_view(self.xlsx_view),
                name="awards_credit_xlsx",
            ),
            path(
                "<year:year>/<slug:sheet>.csv",
                self.editor_view(self.csv_view),
                name="awards_credit_csv",
            ),
        ]

    def latest_view(self, request):
        """The year picker's target: the chosen year, else the latest year with pieces."""
        years = Credit.objects.years()
        chosen = request.GET.get("year", "")
        if chosen.isdigit() and int(chosen) in years:
            return redirect("admin:awards_credit_year", int(chosen))
        if years:
            return redirect("admin:awards_credit_year", years[0])
        return TemplateResponse(
            request,
            "admin/awards/credit/year_list.html",
            self.page_context(request, "投稿人稿件清单和篇目", report=None, years=[]),
        )

    def _report(self, year: int):
        report = year_report(year)
        if not report.pieces:
            raise Http404(f"{year}年没有已刊发的署名稿件。")
        return report

    def year_view(self, request, year: int):
        report = self._report(year)
        return TemplateResponse(
            request,
            "admin/awards/credit/year_list.html",
            self.page_context(
                request,
                f"{year}年度投稿人稿件清单和篇目",
                tab="list",
                report=report,
                years=Credit.objects.years(),
                zone_rule=ZONE_RULE,
                sheets=export.SHEETS,
            ),
        )

    def ranking_view(self, request, year: int):
        report = self._report(year)
        awards = list(Award.objects.active().for_year(year).select_related("zone"))
        awarded = {award.contributor_id: award for award in awards}
        candidates = {entry.contributor.pk for entry in report.awardees()}
        rows = [
            (
                entry,
                zone_of(entry),
                awarded.get(entry.contributor.pk),
                entry.contributor.pk in candidates,
            )
            for entry in report.ranking
        ]
        return TemplateResponse(
            request,
            "admin/awards/credit/ranking.html",
            self.page_context(
                request,
                f"{year}年度优秀撰稿人评分排名",
                tab="ranking",
                report=report,
                years=Credit.objects.years(),
                rows=rows,
                awards=awards,
                letter_zones=_letter_zones(awards),
                unplaced=[award for award in awards if award.zone_id is None],
                fix_form=FixAwardsForm(),
                tie_rule=scoring.TIE_RULE,
                award_limit=AWARD_LIMIT,
                rubric_url=_rubric_url(report.rubric),
            ),
        )

    def xlsx_view(self, request, year: int):
        report = self._report(year)
        return _download(export.workbook_bytes(report), XLSX, export.filename(report, "xlsx"))

    def csv_view(self, request, year: int, sheet: str):
        if sheet not in export.SHEETS_BY_KEY:
            raise Http404("没有这张表。")
        report = self._report(year)
        return _download(
            export.csv_bytes(report, sheet),
            "text/csv; charset=utf-8",
            export.filename(report, "csv", sheet),
        )


def _letter_zones(awards) -> list:
    """The zones that receive a letter of praise, in the order of their best-ranked awardee."""
    zones = {}
    for award in sorted(awards, key=lambda a: a.rank):
        if award.zone_id is not None:
            zones.setdefault(award.zone_id, award.zone)
    return list(zones.values())


def _rubric_url(rubric) -> str:
    if rubric.is_default:
        return reverse("admin:awards_rubric_add") + f"?year={rubric.year}"
    return reverse("admin:awards_rubric_change", args=[rubric.pk])
