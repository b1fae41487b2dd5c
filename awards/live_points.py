"""A correspondent's own place in the year's running ranking, under the rubric the year-end
ranking uses (awards.report), when the editors show it (awards.models.LivePoints)."""

from dataclasses import dataclass
from fractions import Fraction

from .report import year_report
from .scoring import format_points


@dataclass(frozen=True)
class Standing:
    year: int
    rank: int
    of: int  # how many authors the ranking holds
    total: Fraction
    pieces: int

    @property
    def points(self) -> str:
        return format_points(self.total)


def standing_of(contributor, year: int) -> Standing | None:
    """None when the contributor has no credited piece published in the year."""
    ranking = year_report(year).ranking
    for entry in ranking:
        if entry.contributor.pk == contributor.pk:
            return Standing(year, entry.rank, len(ranking), entry.total, entry.piece_count)
    return None
