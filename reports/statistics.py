"""The statistics page's content: every figure of a filter, each table with its chart."""

from dataclasses import dataclass

from . import figures
from .charts import BarChart, bar_chart
from .figures import Breakdown, ReportFilter, StageCounts, Turnaround

SERIES = ["投稿", "刊发"]
# A table longer than this (a year has two thousand authors) shows its first rows on the page;
# the XLSX export has them all.
MOST_TABLE_ROWS = 50


@dataclass(frozen=True)
class Section:
    """A breakdown's table and the chart drawn from it."""

    breakdown: Breakdown
    chart: BarChart

    @property
    def shown_rows(self):
        return self.breakdown.rows[:MOST_TABLE_ROWS]

    @property
    def left_out(self) -> int:
        return max(0, len(self.breakdown.rows) - MOST_TABLE_ROWS)


@dataclass(frozen=True)
class Statistics:
    report: ReportFilter
    stages: StageCounts
    stage_chart: BarChart
    sections: list[Section]
    turnaround: list[Turnaround]


BREAKDOWNS = (
    figures.by_month,
    figures.by_city,
    figures.by_zone,
    figures.by_author,
    figures.by_genre,
    figures.by_theme,
)


def section_of(breakdown: Breakdown) -> Section:
    rows = [(row.label, [row.submitted, row.published]) for row in breakdown.rows]
    return Section(breakdown, bar_chart(breakdown.title, SERIES, rows))


def statistics_of(report: ReportFilter) -> Statistics:
    stages = figures.stage_counts(report)
    sections = [section_of(figure(report)) for figure in BREAKDOWNS]
    return Statistics(
        report=report,
        stages=stages,
        stage_chart=bar_chart(
            "各环节稿件数", ["稿件"], [(f.label, [f.value]) for f in stages.figures()]
        ),
        sections=sections,
        turnaround=figures.turnaround(report),
    )
