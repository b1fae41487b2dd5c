"""An editor's correction of a figure: what it is, its value, its change and its period."""

from django import forms

from indicators.models import ExtractedFigure
from indicators.periods import Period


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = ExtractedFigure
        fields = ["indicator", "value", "change", "period_start", "period_end"]

    def clean(self):
        data = super().clean()
        if data.get("value") is None and data.get("change") is None:
            raise forms.ValidationError("请至少填写数值或同比增减中的一项。", code="empty")
        start, end = data.get("period_start"), data.get("period_end")
        if start and not end:
            self.add_error(
                "period_end", forms.ValidationError("有起始日期时请填写截止日期。", code="no_end")
            )
        if start and end and start > end:
            self.add_error(
                "period_end", forms.ValidationError("截止日期不能早于起始日期。", code="reversed")
            )
        if data.get("indicator") and self._taken(data["indicator"]):
            raise forms.ValidationError(
                "这篇稿件已有同一指标、同一时期的另一条数据，请改那一条或将本条标为不采用。",
                code="duplicate",
            )
        return data

    def _taken(self, indicator) -> bool:
        return (
            ExtractedFigure.objects.filter(
                article_id=self.instance.article_id,
                indicator=indicator,
                period_label=self.period_label(),
            )
            .exclude(pk=self.instance.pk)
            .exists()
        )

    def period_label(self) -> str:
        end = self.cleaned_data.get("period_end")
        return Period(self.cleaned_data.get("period_start"), end).label if end else ""
