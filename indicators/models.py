"""The indicators (经济指标) and the figures stories state for them.

An ExtractedFigure is what the extractor read in one sentence of one piece; editors review it
(confirm, correct, reject) and only confirmed or corrected figures are public.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from articles.models import Article, Status
from indicators.extractor import AMOUNT, COUNT, IndicatorSpec
from zones.models import Zone


class Unit(models.TextChoices):
    YUAN = AMOUNT, "元"
    COUNT = COUNT, "个"


class IndicatorQuerySet(models.QuerySet):
    def catalogue(self) -> list[IndicatorSpec]:
        """The extractor's catalogue: every indicator with its variants."""
        return [indicator.spec for indicator in self.select_related("amount_indicator")]


class Indicator(models.Model):
    name = models.CharField("指标名称", max_length=40, unique=True)
    unit = models.CharField("计量单位", max_length=2, choices=Unit.choices, default=Unit.YUAN)
    variants = models.TextField(
        "别称",
        blank=True,
        help_text="稿件里对这个指标的其他叫法，每行一个，如“规模以上工业增加值”。"
        "只要稿件写出别称并紧跟数值或增速，就会识别为这个指标。",
    )
    amount_indicator = models.ForeignKey(
        "self",
        verbose_name="随后金额计入",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="计数指标用：如“签约项目6个，总投资124.5亿元”中的金额计入哪个指标。",
    )
    position = models.PositiveSmallIntegerField("排序", default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "经济指标"
        verbose_name_plural = "经济指标"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicators:comparison") + f"?indicator={self.pk}"

    def variant_list(self) -> list[str]:
        return [line.strip() for line in self.variants.splitlines() if line.strip()]

    @property
    def spec(self) -> IndicatorSpec:
        return IndicatorSpec(
            self.name,
            self.unit,
            tuple(self.variant_list()),
            self.amount_indicator.name if self.amount_indicator else "",
        )

    def clean(self):
        """A name in stories means one indicator: no variant may be another one's name or
        variant."""
        mine = {self.name, *self.variant_list()}
        for other in Indicator.objects.exclude(pk=self.pk):
            shared = mine & {other.name, *other.variant_list()}
            if shared:
                names = "、".join(sorted(shared))
                message = f"“{names}”已是指标“{other.name}”的名称或别称。"
                raise ValidationError({"variants": ValidationError(message, code="shared_variant")})


class Review(models.TextChoices):
    PENDING = "待核", "待核"
    CONFIRMED = "已确认", "已确认"
    CORRECTED = "已更正", "已更正"
    REJECTED = "不采用", "不采用"

    @classmethod
    def public(cls):
        return [cls.CONFIRMED, cls.CORRECTED]


class FigureQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: figures an editor confirmed or corrected, of published pieces."""
        return self.filter(review__in=Review.public(), article__status=Status.PUBLISHED)

    def pending(self):
        return self.filter(review=Review.PENDING)

    def with_sources(self):
        return self.select_related("indicator", "zone", "article", "article__issue")

    def in_time_order(self):
        return self.order_by("indicator__position", "indicator__name", "period_end", "pk")


class ExtractedFigure(models.Model):
    indicator = models.ForeignKey(Indicator, verbose_name="指标", on_delete=models.PROTECT)
    value = models.DecimalField(
        "数值",
        max_digits=20,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="金额一律折算为元（万元×10000，亿元×100000000）；计数为个数。只报增速时留空。",
    )
    unit = models.CharField("单位", max_length=2, choices=Unit.choices)
    change = models.DecimalField(
        "同比增减（%）",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="同比增长为正，下降为负。",
    )
    period_start = models.DateField(
        "起始日期", null=True, blank=True, help_text="累计数（如“截至目前”）留空。"
    )
    period_end = models.DateField("截止日期", null=True, blank=True)
    period_label = models.CharField("时期", max_length=40, blank=True)
    zone = models.ForeignKey(
        Zone,
        verbose_name="开发区",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="figures",
    )
    article = models.ForeignKey(
        Article, verbose_name="来源稿件", on_delete=models.CASCADE, related_name="figures"
    )
    sentence = models.TextField("原句")
    # What the extractor read ("指标|时期"), kept when an editor corrects the figure: reading
    # the piece again must not bring back as 待核 what the editor already put right.
    read_as = models.CharField("识别为", max_length=80, blank=True, editable=False)
    review = models.CharField(
        "核对状态", max_length=4, choices=Review.choices, default=Review.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="核对人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("核对时间", null=True, blank=True, editable=False)
    extracted_at = models.DateTimeField("识别时间", auto_now_add=True)

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "indicator__position", "period_end", "pk"]
        verbose_name = "稿件数据"
        verbose_name_plural = "稿件数据"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "indicator", "period_label"],
                name="one_figure_per_piece_indicator_period",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | models.Q(change__isnull=False),
                name="figure_states_value_or_change",
            ),
        ]
        indexes = [
            models.Index(fields=["zone", "review"], name="figure_zone_review"),
            models.Index(fields=["indicator", "period_label"], name="figure_indicator_period"),
        ]

    def __str__(self):
        return f"{self.zone or '未知开发区'} {self.indicator} {self.period_label}"

    @property
    def shown_value(self) -> str:
        return shown_amount(self.value, self.unit)

    @property
    def shown_change(self) -> str:
        return shown_change(self.change)

    def source_url(self) -> str:
        """The piece, scrolled to the sentence (a text fragment, which browsers highlight).

        A long sentence is found by its first and last clauses: a text fragment matches only
        at word boundaries, and in Chinese the punctuation between clauses is a sure one.
        """
        words = self.sentence.strip("。；; ")
        clauses = re.split(r"[，,；;：:]", words)
        if len(clauses) > 2:
            fragment = f"{_fragment_text(clauses[0])},{_fragment_text(clauses[-1])}"
        else:
            fragment = _fragment_text(words)
        return f"{self.article.get_absolute_url()}#:~:text={fragment}"


def _fragment_text(words: str) -> str:
    # In a text fragment "-" and "," are syntax: they must be escaped in the words themselves.
    return quote(words, safe="").replace("-", "%2D")


def shown_amount(value, unit: str) -> str:
    """A value as stories write it: in 亿元 when two decimals say it exactly, else in 万元 (so
    52667万元 stays 52,667万元, not 5.2667亿元); a count as it is."""
    if value is None:
        return ""
    if unit == Unit.COUNT:
        return _trimmed(f"{value:f}") + "个"
    for factor, name in ((100_000_000, "亿元"), (10_000, "万元")):
        scaled = value / factor
        if abs(scaled) >= 1 and scaled * 100 == int(scaled * 100):
            return _trimmed(f"{scaled:,.2f}") + name
    return _trimmed(f"{value:,.2f}") + "元"


def shown_alike(values, unit: str) -> list[str]:
    """Values set side by side, all in the unit of the largest (亿元, 万元 or 元), so that
    8.15亿元 is never read beside 46,431万元 as the smaller; a count as it is."""
    if unit == Unit.COUNT:
        return [shown_amount(value, unit) for value in values]
    largest = max((abs(value) for value in values if value is not None), default=0)
    factor, name = next(
        (
            (factor, name)
            for factor, name in ((100_000_000, "亿元"), (10_000, "万元"))
            if largest >= factor
        ),
        (1, "元"),
    )
    return ["" if value is None else _trimmed(f"{value / factor:,.2f}") + name for value in values]


def _trimmed(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def shown_change(change) -> str:
    if change is None:
        return ""
    return _trimmed(f"{change:+.2f}") + "%"
