"""The public pages of figures: zones compared on one indicator and period, and the downloads.
Only confirmed figures of published pieces (ExtractedFigure.objects.public())."""

from django.http import HttpResponse
from django.shortcuts import render

from indicators import export
from indicators.charts import bars
from indicators.models import ExtractedFigure, Indicator, shown_alike


def _chosen(request):
    """The indicator and period asked for, else the first indicator with figures and its
    latest period; (None, "") while nothing is confirmed."""
    public = ExtractedFigure.objects.public()
    indicators = list(Indicator.objects.filter(extractedfigure__in=public).distinct())
    chosen = next((i for i in indicators if str(i.pk) == request.GET.get("indicator")), None)
    chosen = chosen or (indicators[0] if indicators else None)
    periods = list(
        dict.fromkeys(
            public.filter(indicator=chosen)
            .order_by("-period_end", "period_label")
            .values_list("period_label", flat=True)
        )
    )
    period = request.GET.get("period")
    return (
        indicators,
        chosen,
        periods,
        period if period in periods else (periods[0] if periods else ""),
    )


def comparison(request):
    indicators, indicator, periods, period = _chosen(request)
    figures = list(
        ExtractedFigure.objects.public()
        .filter(indicator=indicator, period_label=period)
        .with_sources()
        .order_by("-value", "zone__official_name")
    )
    # One unit for every zone: the bars' labels and the table are read against each other.
    unit = figures[0].unit if figures else ""
    for figure, shown in zip(figures, shown_alike([f.value for f in figures], unit), strict=True):
        figure.compared_value = shown
    valued = [f for f in figures if f.value is not None]
    chart = bars(
        f"{indicator} {period}",
        [
            (f.zone.official_name if f.zone else "未知开发区", float(f.value), f.compared_value)
            for f in valued
        ],
    )
    return render(
        request,
        "indicators/comparison.html",
        {
            "indicators": indicators,
            "indicator": indicator,
            "periods": periods,
            "period": period,
            "figures": figures,
            "chart": chart,
        },
    )


FORMATS = {
    "csv": ("text/csv; charset=utf-8", export.as_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.as_xlsx),
}


def download(request, file_format: str):
    """Every confirmed figure, or one indicator's (?indicator=) as the comparison page shows."""
    content_type, write = FORMATS[file_format]
    figures = (
        ExtractedFigure.objects.public()
        .with_sources()
        .order_by("zone__official_name", "indicator__position", "period_end", "pk")
    )
    if request.GET.get("indicator", "").isdigit():
        figures = figures.filter(indicator_id=request.GET["indicator"])
    response = HttpResponse(
        write(figures, request.build_absolute_uri("/").rstrip("/")), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="figures.{file_format}"'
    return response
