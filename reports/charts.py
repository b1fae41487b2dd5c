"""Horizontal bar charts drawn on the server as SVG: no script to load, nothing for the site's
Content-Security-Policy to refuse, and they print as they look.

This module works out the geometry in whole pixels; templates/admin/reports/includes/
bar_chart.html draws it, with the labels escaped by the template engine like any text. Every
chart stands next to a table with its numbers, so the chart need not show every row.
"""

from dataclasses import dataclass

LABEL_WIDTH = 150  # the labels (zone names run to ten characters) right-aligned left of the bars
PLOT_WIDTH = 380
VALUE_WIDTH = 50  # room for the number printed after the longest bar
BAR_HEIGHT = 14
ROW_GAP = 10
LEGEND_HEIGHT = 24
MOST_ROWS = 20  # a chart of more rows is unreadable; the table next to it has them all

# Colours that stay apart in greyscale print and for the common colour-blindnesses.
COLOURS = ("#1f5f9e", "#e08a1e", "#6a9f3a")


@dataclass(frozen=True)
class Bar:
    series: str
    value: int
    y: int
    width: int
    colour: str

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + self.width + 4

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 3


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Legend:
    series: str
    colour: str
    x: int

    @property
    def text_x(self) -> int:
        return self.x + 16


@dataclass(frozen=True)
class BarChart:
    title: str
    rows: list[ChartRow]
    legend: list[Legend]
    height: int
    left_out: int  # rows not drawn, beyond MOST_ROWS

    label_x = LABEL_WIDTH - 6
    plot_x = LABEL_WIDTH
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    bar_height = BAR_HEIGHT


def bar_chart(title: str, series: list[str], rows: list[tuple[str, list[int]]]) -> BarChart:
    """A chart of `rows` (label, one value per series), scaled so the largest value fills the
    plot; a legend when there is more than one series."""
    drawn = rows[:MOST_ROWS]
    largest = max((value for _, values in drawn for value in values), default=0) or 1
    top = LEGEND_HEIGHT if len(series) > 1 else 4
    band = BAR_HEIGHT * len(series) + ROW_GAP
    chart_rows = []
    for index, (label, values) in enumerate(drawn):
        row_top = top + index * band
        bars = [
            Bar(
                series=name,
                value=value,
                y=row_top + position * BAR_HEIGHT,
                width=round(PLOT_WIDTH * value / largest),
                colour=COLOURS[position],
            )
            for position, (name, value) in enumerate(zip(series, values, strict=True))
        ]
        chart_rows.append(ChartRow(label, row_top + BAR_HEIGHT * len(series) // 2 + 5, bars))
    legend = (
        [Legend(name, COLOURS[i], LABEL_WIDTH + i * 90) for i, name in enumerate(series)]
        if len(series) > 1
        else []
    )
    return BarChart(
        title=title,
        rows=chart_rows,
        legend=legend,
        height=top + len(drawn) * band,
        left_out=len(rows) - len(drawn),
    )
