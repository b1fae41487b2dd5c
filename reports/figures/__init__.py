"""Every figure of the statistics pages, each from one aggregate query, with the date it counts by.

A piece is counted by one of three dates, and every figure names its own (DateBasis):
- the submission date: the day the piece was first submitted (Article.submitted_at);
- the decision date: the `at` of the transition that sent it back, accepted, rejected it or
  recorded its withdrawal;
- the issue date: the date of the issue that printed it.
Days are calendar days in the site's time zone. The number of queries is fixed, whatever the
archive's size: one per table of figures.
"""

from .breakdowns import (
    MOST_MONTHS,
    Breakdown,
    Row,
    TimeStep,
    by_author,
    by_city,
    by_genre,
    by_month,
    by_theme,
    by_zone,
)
from .period import DateBasis, ReportFilter, months_before, months_between
from .silence import SilentZone, coverage_counts, silent_as_of, silent_zones, themes_up_to
from .stages import DECISIONS, Figure, StageCounts, stage_counts
from .turnaround import Turnaround, turnaround
from .usage import LEAD, Usage, author_usage, ranked, zone_usage

__all__ = [
    "DECISIONS",
    "LEAD",
    "MOST_MONTHS",
    "Breakdown",
    "DateBasis",
    "Figure",
    "ReportFilter",
    "Row",
    "SilentZone",
    "StageCounts",
    "TimeStep",
    "Turnaround",
    "Usage",
    "author_usage",
    "by_author",
    "by_city",
    "by_genre",
    "by_month",
    "by_theme",
    "by_zone",
    "coverage_counts",
    "months_before",
    "months_between",
    "ranked",
    "silent_as_of",
    "silent_zones",
    "stage_counts",
    "themes_up_to",
    "turnaround",
    "zone_usage",
]
