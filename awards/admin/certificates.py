"""Awards in the admin: fixing and revoking a year's 优秀撰稿人 (through awards.services), the
printable certificates and the letters of praise to the zone committees."""

from django.conf import settings
from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from editorial.admin.access import EditorsOnlyAdmin
from zones.models import Zone

from .. import services
from ..forms import FixAwardsForm, RevokeAwardsForm
from ..models import ISSUER, Award
from ..report import year_report


class StateFilter(admin.SimpleListFilter):
    title = "状态"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("active", "有效"), ("revoked", "已撤销")]

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.active()
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(Award)
class AwardAdmin(EditorsOnlyAdmin):
    change_list_template = "admin/awards/award/change_list.html"
    list_display = [
        "number",
        "year",
        "rank",
        "name",
        "zone_name",
        "score",
        "pieces",
        "issued_on",
        "state",
        "certificate_link",
    ]
    list_filter = ["year", StateFilter]
    search_fields = ["number", "name", "zone_name"]
    readonly_fields = [field.name for field in Award._meta.fields]

    def get_urls(self):
        return [
            path("fix/<int:year>/", self.editor_view(self.fix_view), name="awards_award_fix"),
            path(
                "revoke/<int:year>/",
                self.editor_view(self.revoke_view),
                name="awards_award_revoke",
            ),
            path(
                "<int:pk>/certificate/",
                self.editor_view(self.certificate_view),
                name="awards_award_certificate",
            ),
            path(
                "letter/<int:year>/<int:zone_id>/",
                self.editor_view(self.letter_view),
                name="awards_award_letter",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="状态")
    def state(self, award):
        return "有效" if award.is_active else "已撤销"

    @admin.display(description="证书")
    def certificate_link(self, award):
        url = reverse("admin:awards_award_certificate", args=[award.pk])
        return format_html('<a href="{}">打印证书</a>', url)

    def fix_view(self, request, year: int):
        """Fixing cannot be undone (only revoked, its numbers spent): the ranking's button and
        a GET show what it will make; only the confirmation page's POST fixes."""
        back = redirect("admin:awards_credit_ranking", year)
        form = FixAwardsForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and not form.is_valid():
            self.message_user(request, "请填写证书落款日期。", messages.ERROR)
            return back
        if form.is_bound and form.cleaned_data["confirm"]:
            try:
                awards = services.fix_awards(
                    year=year, by=request.user, issued_on=form.cleaned_data["issued_on"]
                )
            except services.AwardsRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"已确定{year}年度优秀撰稿人 {len(awards)} 位，证书编号 "
                    f"{awards[0].number} 至 {awards[-1].number}。",
                    messages.SUCCESS,
                )
            return back
        issued_on = form.cleaned_data["issued_on"] if form.is_bound else timezone.localdate()
        try:
            awards = services.awards_to_fix(year=year, by=request.user, issued_on=issued_on)
        except services.AwardsRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return back
        confirmation = FixAwardsForm(initial={"issued_on": issued_on, "confirm": True})
        return TemplateResponse(
            request,
            "admin/awards/award/fix_confirmation.html",
            self.page_context(
                request,
                f"确定{year}年度优秀撰稿人",
                year=year,
                awards=awards,
                issued_on=issued_on,
                form=confirmation,
            ),
        )

    def revoke_view(self, request, year: int):
        awards = Award.objects.active().for_year(year)
        form = RevokeAwardsForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                count = services.revoke_awards(year=year, by=request.user)
            except services.AwardsRefused as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"已撤销{year}年度评定，{count} 张证书作废，其编号不再使用。",
                    messages.WARNING,
                )
            return redirect("admin:awards_credit_ranking", year)
        return TemplateResponse(
            request,
            "admin/awards/award/revoke_confirmation.html",
            self.page_context(
                request, f"撤销{year}年度优秀撰稿人评定", year=year, awards=awards, form=form
            ),
        )

    def certificate_view(self, request, pk: int):
        award = get_object_or_404(Award, pk=pk)
        return TemplateResponse(
            request,
            "admin/awards/award/certificate.html",
            {
                "award": award,
                "verify_url": settings.KFQ_SITE_URL.rstrip("/") + award.get_absolute_url(),
            },
        )

    def letter_view(self, request, year: int, zone_id: int):
        zone = get_object_or_404(Zone, pk=zone_id)
        awards = list(Award.objects.active().for_year(year).filter(zone=zone).order_by("rank"))
        if not awards:
            raise Http404(f"{zone}没有{year}年度的优秀撰稿人。")
        scores = {entry.contributor.pk: entry for entry in year_report(year).ranking}
        awardees = [(award, scores.get(award.contributor_id)) for award in awards]
        pieces = {line.piece.article_id for _, score in awardees if score for line in score.lines}
        return TemplateResponse(
            request,
            "admin/awards/award/letter.html",
            {
                "zone": zone,
                "year": year,
                "awardees": awardees,
                "names": "、".join(award.name for award in awards),
                "piece_count": len(pieces),
                "issued_on": max(award.issued_on for award in awards),
                "issuer": ISSUER,
            },
        )
