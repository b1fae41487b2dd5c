import re

from django import forms
from django.utils import timezone

NUMBER_PATTERN = re.compile(r"^KFQ-\d{4}-YXZG-\d{2,}$")


class CertificateLookupForm(forms.Form):
    number = forms.CharField(
        label="证书编号",
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "如 KFQ-2023-YXZG-01", "autocomplete": "off"}),
    )

    def clean_number(self):
        number = self.cleaned_data["number"].strip().upper()
        if not NUMBER_PATTERN.match(number):
            raise forms.ValidationError(
                "证书编号的格式应为 KFQ-年份-YXZG-序号，如 KFQ-2023-YXZG-01。", code="format"
            )
        return number


class FixAwardsForm(forms.Form):
    issued_on = forms.DateField(
        label="证书落款日期",
        initial=timezone.localdate,
        # An <input type="date"> takes only ISO dates, whatever the language's date format.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class RevokeAwardsForm(forms.Form):
    confirm = forms.BooleanField(
        label="我确认撤销本年度评定：已发出的证书作废，其编号不再使用。", required=True
    )
