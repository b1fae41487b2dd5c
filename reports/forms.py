"""The statistics pages' filter: a period (month, quarter, year or two dates) and optionally a
city, a zone, a genre and a theme, read from the query string into a figures.ReportFilter."""

import calendar
import datetime

from django import forms
from django.db import models
from django.utils import timezone

from articles.models import CallTheme, Genre
from zones.models import City, Zone

from .figures import DateBasis, ReportFilter

ALL = [("", "全部")]

# The years a filter may name. A custom period keeps within them too: a date near the ends of
# the calendar (year 1, year 9999) has no moment after it to count up to.
FIRST_YEAR, LAST_YEAR = 1990, 2100
FIRST_DAY, LAST_DAY = datetime.date(FIRST_YEAR, 1, 1), datetime.date(LAST_YEAR, 12, 31)


class Period(models.TextChoices):
    MONTH = "month", "月"
    QUARTER = "quarter", "季度"
    YEAR = "year", "年"
    CUSTOM = "custom", "自定义"


class ReportFilterForm(forms.Form):
    period = forms.ChoiceField(label="统计期", choices=Period.choices)
    year = forms.IntegerField(
        label="年份", min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    month = forms.TypedChoiceField(
        label="月份",
        choices=[("", "—"), *((m, f"{m}月") for m in range(1, 13))],
        coerce=int,
        required=False,
    )
    quarter = forms.TypedChoiceField(
        label="季度",
        choices=[("", "—"), *((q, f"第{q}季度") for q in range(1, 5))],
        coerce=int,
        required=False,
    )
    start = forms.DateField(
        label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    city = forms.ChoiceField(label="所在市", choices=ALL + City.choices, required=False)
    zone = forms.ModelChoiceField(
        label="开发区",
        queryset=Zone.objects.order_by("official_name"),
        required=False,
        empty_label="全部",
    )
    genre = forms.ChoiceField(label="体裁", choices=ALL + Genre.choices, required=False)
    theme = forms.ModelChoiceField(
        label="征稿主题",
        queryset=CallTheme.objects.order_by("-call__date", "number"),
        required=False,
        empty_label="全部",
    )

    defaults = {"period": Period.YEAR}

    @classmethod
    def from_query(cls, query) -> "ReportFilterForm":
        """The form bound to the query string; what it leaves out, from the defaults (the
        current year)."""
        data = {**cls.defaults, "year": timezone.localdate().year, **query.dict()}
        return cls(data)

    def clean(self):
        cleaned = super().clean()
        period = cleaned.get("period")
        if period == Period.CUSTOM:
            start, end = cleaned.get("start"), cleaned.get("end")
            if not (start and end):
                raise forms.ValidationError("自定义统计期须填写起始日期和截止日期。", code="dates")
            if start > end:
                raise forms.ValidationError("起始日期不能晚于截止日期。", code="order")
            if start < FIRST_DAY or end > LAST_DAY:
                raise forms.ValidationError(
                    f"统计期须在{FIRST_DAY:%Y年%-m月%-d日}至{LAST_DAY:%Y年%-m月%-d日}之间。",
                    code="range",
                )
        elif period:
            year = cleaned.get("year")
            if not year:
                raise forms.ValidationError("请填写年份。", code="year")
            number = cleaned.get(period) if period != Period.YEAR else None
            if period != Period.YEAR and not number:
                raise forms.ValidationError(f"请选择{Period(period).label}。", code="number")
            cleaned["start"], cleaned["end"] = period_dates(period, year, number)
        return cleaned

    def report_filter(self) -> ReportFilter:
        cleaned = self.cleaned_data
        return ReportFilter(
            start=cleaned["start"],
            end=cleaned["end"],
            city=cleaned["city"],
            zone_id=cleaned["zone"].pk if cleaned["zone"] else None,
            genre=cleaned["genre"],
            theme_id=cleaned["theme"].pk if cleaned["theme"] else None,
        )


class CoverageFilterForm(ReportFilterForm):
    basis = forms.ChoiceField(
        label="计入日期",
        choices=[
            (DateBasis.ISSUE, "刊发稿件（按出版日期）"),
            (DateBasis.SUBMITTED, "来稿（按投稿日期）"),
        ],
    )
    silent_months = forms.IntegerField(
        label="未来稿月数", min_value=1, max_value=36, help_text="列出这么多个月没有来稿的开发区。"
    )

    defaults = {**ReportFilterForm.defaults, "basis": DateBasis.ISSUE, "silent_months": 3}

    def clean_basis(self) -> DateBasis:
        return DateBasis(self.cleaned_data["basis"])


def period_dates(period: str, year: int, number: int | None) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a month, a quarter (number 1–4) or a year."""
    if period == Period.MONTH:
        first_month = last_month = number
    elif period == Period.QUARTER:
        first_month, last_month = 3 * number - 2, 3 * number
    else:
        first_month, last_month = 1, 12
    last_day = calendar.monthrange(year, last_month)[1]
    return datetime.date(year, first_month, 1), datetime.date(year, last_month, last_day)


class ZoneCardForm(forms.Form):
    """Which zone's report card, for which year (the current year unless chosen)."""

    zone = forms.ModelChoiceField(label="开发区", queryset=Zone.objects.order_by("official_name"))
    year = forms.IntegerField(label="年份", min_value=FIRST_YEAR, max_value=LAST_YEAR)

    @classmethod
    def from_query(cls, query) -> "ZoneCardForm":
        return cls({"year": timezone.localdate().year, **query.dict()})
