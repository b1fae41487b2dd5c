import re

from django import forms
from django.utils import timezone

# 优秀撰稿人 certificates (awards.models.Award) and 用稿证明 (articles.models.PublicationProof).
NUMBER_PATTERN = re.compile(r"^KFQ-\d{4}-(YXZG-\d{2,}|YG-\d{5,}-\d{4,})$")


class CertificateLookupForm(forms.Form):
    number = forms.CharField(
        label="证书或证明编号",
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "如 KFQ-2023-YXZG-01", "autocomplete": "off"}),
    )

    def clean_number(self):
        number = self.cleaned_data["number"].strip().upper()
        if not NUMBER_PATTERN.match(number):
            raise forms.ValidationError(
                "编号的格式应为 KFQ-年份-YXZG-序号（优秀撰稿人证书，如 KFQ-2023-YXZG-01）"
                "或 KFQ-年份-YG-数字-数字（用稿证明，如 KFQ-2026-YG-00123-0045）。",
                code="format",
            )
        return number


class FixAwardsForm(forms.Form):
    issued_on = forms.DateField(
        label="证书落款日期",
        initial=timezone.localdate,
        # An <input type="date"> takes only ISO dates, whatever the language's date format.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    # Set by the confirmation page's button: the ranking's button only opens that page.
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class RevokeAwardsForm(forms.Form):
    confirm = forms.BooleanField(
        label="我确认撤销本年度评定：已发出的证书作废，其编号不再使用。", required=True
    )
