"""Small charts of figures drawn on the server as SVG, like reports/charts.py: no script, nothing
for the Content-Security-Policy to refuse, and they print as they look.

This module works out the geometry in whole pixels; templates/indicators/includes/ draw it,
with every label escaped by the template engine. A table with every number stands under each
chart, so a figure that states only its change (no value) is in the table and not drawn.
A line joins only like periods (each year's 一季度, each whole year): a line from a year to a
quarter would draw a fall that never happened.
"""

from dataclasses import dataclass

WIDTH, HEIGHT = 420, 150
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 22, 30  # room for the values above, the periods below
COLOUR = "#1f5f9e"


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    kind: tuple  # the period's months and length: like periods share it
    label: str  # the value as written
    period: str
    link: str  # the piece, at the sentence
    sentence: str


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class TimeSeries:
    title: str
    points: list[Point]
    ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    colour: str = COLOUR
    baseline: int = HEIGHT - BOTTOM

    @property
    def lines(self) -> list[str]:
        """One polyline per kind of period that has two points or more."""
        kinds: dict[tuple, list[Point]] = {}
        for point in self.points:
            kinds.setdefault(point.kind, []).append(point)
        return [
            " ".join(f"{p.x},{p.y}" for p in points) for points in kinds.values() if len(points) > 1
        ]


def _kind(figure) -> tuple:
    start, end = figure.period_start, figure.period_end
    if start is None or end is None:
        return ("running",)
    return (start.month, start.day, end.month, end.day, end.year - start.year)


def time_series(title: str, figures) -> TimeSeries:
    """One indicator's figures of one zone, in time order, a point per figure with a value; a
    period is one place on the axis, whichever figures it holds."""
    drawn = [f for f in figures if f.value is not None]
    periods = list(dict.fromkeys(f.period_label for f in drawn))
    step = (WIDTH - LEFT - RIGHT) / max(len(periods) - 1, 1)
    x_of = {
        label: round(LEFT + (index * step if len(periods) > 1 else (WIDTH - LEFT - RIGHT) / 2))
        for index, label in enumerate(periods)
    }
    largest = max((f.value for f in drawn), default=0) or 1
    plot = HEIGHT - TOP - BOTTOM
    points = [
        Point(
            x=x_of[f.period_label],
            kind=_kind(f),
            y=round(TOP + plot - plot * float(f.value / largest)),
            label=f.shown_value,
            period=f.period_label,
            link=f.source_url(),
            sentence=f.sentence,
        )
        for f in drawn
    ]
    return TimeSeries(title, points, [Tick(x, label) for label, x in x_of.items()])


@dataclass(frozen=True)
class Bar:
    label: str
    value_label: str
    y: int
    width: int


@dataclass(frozen=True)
class Bars:
    title: str
    bars: list[Bar]
    height: int
    label_width: int = 150
    plot_width: int = 320
    width: int = 150 + 320 + 90
    bar_height: int = 16
    colour: str = COLOUR


def bars(title: str, rows: list[tuple[str, float, str]]) -> Bars:
    """Zones compared on one indicator and period: (zone, value, value as written)."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    drawn = [
        Bar(label, shown, 4 + index * 24, round(320 * value / largest))
        for index, (label, value, shown) in enumerate(rows)
    ]
    return Bars(title, drawn, height=8 + 24 * len(rows))
