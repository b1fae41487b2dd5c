"""The editors' pages for indicators: the catalogue, and the review of extracted figures
(confirm or reject in bulk, correct one on its page). Editors only, by role
(editorial.admin.access); figures are written only through indicators.services."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html

from editorial.admin.access import EditorsOnlyAdmin, request_is_editor
from indicators import services
from indicators.forms import CorrectionForm
from indicators.models import ExtractedFigure, Indicator


@admin.register(Indicator)
class IndicatorAdmin(EditorsOnlyAdmin):
    list_display = ["name", "unit", "variants_shown", "figure_count", "position"]
    list_editable = ["position"]
    fields = ["name", "unit", "variants", "amount_indicator", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(figure_count=Count("extractedfigure"))

    def has_add_permission(self, request):
        return request_is_editor(request)

    def has_change_permission(self, request, obj=None):
        return request_is_editor(request)

    @admin.display(description="别称")
    def variants_shown(self, indicator):
        return "、".join(indicator.variant_list())

    @admin.display(description="数据条数", ordering="figure_count")
    def figure_count(self, indicator):
        return indicator.figure_count


@admin.register(ExtractedFigure)
class ExtractedFigureAdmin(EditorsOnlyAdmin):
    form = CorrectionForm
    list_display = [
        "zone",
        "indicator",
        "period_label",
        "shown_value",
        "shown_change",
        "review",
        "source",
    ]
    list_filter = ["review", "indicator", "period_label"]
    list_select_related = ["zone", "indicator", "article", "article__issue"]
    search_fields = ["sentence", "article__title", "zone__official_name", "zone__short_name"]
    actions = ["confirm_selected", "reject_selected"]
    fieldsets = [
        (
            "原文",
            {
                "fields": [
                    "zone",
                    "source",
                    "sentence_shown",
                    "review",
                    "reviewed_by",
                    "reviewed_at",
                ]
            },
        ),
        (
            "更正（保存即记为“已更正”并公开）",
            {"fields": ["indicator", "value", "change", ("period_start", "period_end")]},
        ),
    ]
    readonly_fields = ["zone", "source", "sentence_shown", "review", "reviewed_by", "reviewed_at"]

    def has_change_permission(self, request, obj=None):
        return request_is_editor(request)

    @admin.display(description="数值")
    def shown_value(self, figure):
        return figure.shown_value

    @admin.display(description="同比")
    def shown_change(self, figure):
        return figure.shown_change

    @admin.display(description="来源稿件")
    def source(self, figure):
        article = figure.article
        return format_html('<a href="{}">{}</a>', figure.source_url(), article.title)

    @admin.display(description="原句")
    def sentence_shown(self, figure):
        return figure.sentence

    def save_model(self, request, obj, form, change):
        services.correct(figure=obj, by=request.user, period_label=form.period_label())

    @admin.action(description="确认所选数据（公开）", permissions=["change"])
    def confirm_selected(self, request, queryset):
        done = services.confirm(figures=queryset, by=request.user)
        self.message_user(request, f"已确认 {done} 条数据。", messages.SUCCESS)

    @admin.action(description="所选数据不采用", permissions=["change"])
    def reject_selected(self, request, queryset):
        done = services.reject(figures=queryset, by=request.user)
        self.message_user(request, f"{done} 条数据已标为不采用。", messages.SUCCESS)
